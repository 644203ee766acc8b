"""Real clippings (../shared/corpus/clippings/) converted to text then parsed: every page gives
threads, and no chrome line, Markdown mark or HTML leftover is inside a post or a title."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parsing import load_corpus
from parsing.clipping_text import clipping_to_text
from parsing.corpus import Corpus

from .helpers import SHARED, SHARED_MARKS
from .test_tra_pages import boilerplate_lines

pytestmark = SHARED_MARKS

CLIPPINGS = SHARED / "corpus" / "clippings"
# What a clipping must not leave in a post: Markdown links and images, HTML tags and attribute
# tails, escaped list numbers, emphasis marks.
LEFTOVERS = re.compile(r"\]\(|!\[|<[a-z/!]|data-\w+=|#\w+\" |\d\\\.|\*\*|^#{1,6} ", re.MULTILINE)


def clippings() -> list[Path]:
    if not CLIPPINGS.is_dir():
        return []
    return sorted(path for path in CLIPPINGS.glob("*.md") if path.name != "README.md")


def parse_clipping(path: Path, tmp_path: Path) -> Corpus:
    page = clipping_to_text(path.read_text(encoding="utf-8"))
    text = tmp_path / (path.stem + ".txt")
    text.write_text(page.text, encoding="utf-8")
    return load_corpus([text])


def test_there_are_clippings() -> None:
    assert len(clippings()) >= 4


@pytest.mark.parametrize("path", clippings(), ids=lambda p: p.name)
def test_clipping_has_threads_and_no_chrome_in_posts(path: Path, tmp_path: Path) -> None:
    corpus = parse_clipping(path, tmp_path)
    assert corpus.thread_count >= 1
    variants = boilerplate_lines()  # a post may show its own pictures as "[image]"
    for post in range(corpus.post_count):
        text = corpus.post_text(post)
        inside = {line.strip() for line in text.splitlines()} & variants
        assert inside == set(), f"post {post} holds chrome {inside}"
        assert LEFTOVERS.search(text) is None, f"post {post} holds markup"
    for thread in range(corpus.thread_count):
        title = corpus.title(thread)
        assert title.strip() not in variants
        assert LEFTOVERS.search(title) is None


@pytest.mark.parametrize("path", clippings(), ids=lambda p: p.name)
def test_every_line_is_in_a_post_or_skipped(path: Path, tmp_path: Path) -> None:
    corpus = parse_clipping(path, tmp_path)
    text = clipping_to_text(path.read_text(encoding="utf-8")).text.split("\n")
    covered = {line.line for line in corpus.skipped}
    for post in range(corpus.post_count):
        covered.update(range(corpus.posts.first_line[post], corpus.posts.last_line[post] + 1))
    assert {n for n, line in enumerate(text, 1) if line.strip()} <= covered


def test_a_clipping_whose_html_names_each_tweet_reads_as_its_posts() -> None:
    """The Sakana clipping's leftover tails name each of its ten tweets: ten posts, as the page
    declares, rather than one."""
    path = CLIPPINGS / "gh-sakana-2068862070062485867.md"
    corpus = load_corpus([path])
    declared = corpus.thread_meta[0].declared_posts
    assert declared == 10
    assert len(corpus.thread_posts(0)) == declared
