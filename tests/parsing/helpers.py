"""Shared helpers for the parsing tests: fixture paths, a text-to-corpus parser, and summaries
of a parsed corpus that are easy to compare in assertions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from parsing.corpus import Corpus

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_40994531d2f32d28.txt"
TRA = SHARED / "corpus" / "tra"
CONFORMANCE = REPO / "tests" / "conformance" / "twitter-text" / "extract.yml"
"""twitter-text's suite, vendored with its licence: every clone runs it."""

SHARED_MARKS = [
    pytest.mark.shared,
    pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent"),
]
"""`pytestmark = SHARED_MARKS` in a module that reads ../shared: skipped cleanly without it."""


def parse_text(text: str, name: str = "t.txt") -> Corpus:
    """A corpus of one source holding `text` (UTF-8)."""
    corpus = Corpus()
    corpus.add_source(name, text.encode("utf-8", "surrogatepass"))
    return corpus


def parse_bytes(raw: bytes, name: str = "t.txt") -> Corpus:
    corpus = Corpus()
    corpus.add_source(name, raw)
    return corpus


def numbers(corpus: Corpus) -> list[list[int | None]]:
    """Per thread, its post numbers (None for an unnumbered post)."""
    return [corpus.thread_numbers(t) for t in range(corpus.thread_count)]


def line_ranges(corpus: Corpus) -> list[list[tuple[int, int]]]:
    """Per thread, each post's (first_line, last_line)."""
    posts = corpus.posts
    return [
        [(posts.first_line[p], posts.last_line[p]) for p in corpus.thread_posts(t)]
        for t in range(corpus.thread_count)
    ]


def texts(corpus: Corpus) -> list[list[str]]:
    """Per thread, each post's text."""
    return [
        [corpus.post_text(p) for p in corpus.thread_posts(t)] for t in range(corpus.thread_count)
    ]


def skipped(corpus: Corpus) -> list[tuple[int, str]]:
    """(line, text) of every skipped line."""
    return [(line.line, line.text) for line in corpus.skipped]


def summary(corpus: Corpus) -> dict[str, Any]:
    """Everything the layout decides, in one comparable value."""
    return {
        "numbers": numbers(corpus),
        "missing": [corpus.missing(t) for t in range(corpus.thread_count)],
        "lines": line_ranges(corpus),
        "texts": texts(corpus),
        "skipped": skipped(corpus),
        "titles": [corpus.title(t) for t in range(corpus.thread_count)],
    }


_CLOSING_NUMBER = re.compile(r"\s*(\d+)/")
"""A post number opening a line, the way a listing's teaser closes its first post (`1/` under
the opening text) before the next post's words on the same line."""


def shares_a_glued_line(corpus: Corpus, earlier: int, later: int, line: str) -> bool:
    """May posts `earlier` and `later` share the source line `line`? Only where a copy glued the
    later post's marker to the earlier one's last words (`… the week.Image2/ Text`): the
    earlier post's last words are on it, and the later post's first words after them; or where
    a teaser's `1/` closing the earlier post opens the line (the layout's teaser rule,
    `layout_openings`) and the later post's words follow it."""
    head = corpus.post_text(later).split("\n", 1)[0]
    if not head:
        return False
    closing = _CLOSING_NUMBER.match(line)
    number = corpus.posts.number[earlier]
    closes_earlier = closing is not None and number >= 1 and int(closing.group(1)) == number
    if closing is not None and closes_earlier and line.find(head, closing.end()) >= 0:
        return True
    tail = corpus.post_text(earlier).rsplit("\n", 1)[-1]
    at = line.find(tail)
    return bool(tail) and at >= 0 and line.find(head, at + len(tail)) >= 0
