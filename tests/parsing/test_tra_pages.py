"""Real Thread Reader App page texts (../shared/corpus/tra/): every page parses and none of the
page chrome listed in BOILERPLATE-LINES.txt is left inside a post."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from parsing import load_corpus

from .helpers import SHARED_MARKS, TRA, line_ranges

pytestmark = SHARED_MARKS

NOT_PAGES = {"BOILERPLATE-LINES.txt", "README.md"}


def pages() -> list[Path]:
    if not TRA.is_dir():
        return []
    return sorted(p for p in TRA.glob("*.txt") if p.name not in NOT_PAGES)


def boilerplate_lines() -> set[str]:
    """Every chrome line variant, stripped; a `\\n` inside a variant separates two lines."""
    lines: set[str] = set()
    listing = TRA / "BOILERPLATE-LINES.txt"
    for row in listing.read_text(encoding="utf-8").splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        variant = ast.literal_eval(row.split("\t", 1)[0])
        lines.update(part.strip() for part in variant.split("\n") if part.strip())
    return lines


def test_there_are_pages_and_variants() -> None:
    assert len(pages()) >= 10
    assert "• • •" in boilerplate_lines()
    assert "force a refresh" in boilerplate_lines()


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.name)
def test_page_parses(page: Path) -> None:
    corpus = load_corpus([page])
    assert corpus.thread_count >= 1
    assert corpus.warnings == []
    lines = page.read_text(encoding="utf-8").splitlines()
    covered: list[int] = []
    for thread in line_ranges(corpus):
        for first, last in thread:
            assert first <= last
            covered += range(first, last + 1)
    covered += [line.line for line in corpus.skipped]
    assert len(covered) == len(set(covered)), "a line is in two posts, or in a post and skipped"
    nonblank = {n for n, line in enumerate(lines, 1) if line.strip()}
    assert nonblank <= set(covered), "a non-blank line is in no post and not skipped"


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.name)
def test_chrome_lines_are_skipped(page: Path) -> None:
    """Every line of the page that is a known chrome variant is recorded as skipped there."""
    variants = boilerplate_lines()
    corpus = load_corpus([page])
    skipped = {line.line: line.text for line in corpus.skipped}
    lines = page.read_text(encoding="utf-8").splitlines()
    chrome = {n: line for n, line in enumerate(lines, 1) if line.strip() in variants}
    left_in_posts = {n: line for n, line in chrome.items() if n not in skipped}
    assert left_in_posts == {}
    for n, line in chrome.items():
        assert skipped[n].strip() == line.strip()


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.name)
def test_no_post_text_holds_a_chrome_line(page: Path) -> None:
    variants = boilerplate_lines()
    corpus = load_corpus([page])
    for post in range(corpus.post_count):
        inside = {line.strip() for line in corpus.post_text(post).splitlines()} & variants
        assert inside == set(), f"post {post} holds chrome {inside}"
