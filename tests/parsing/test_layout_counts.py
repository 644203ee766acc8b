"""The counting layout `threadline stats` uses decides every thread and post as the full layout
does: the same post numbers, the same thread starts, as many skipped lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given

from parsing.corpus import Corpus
from parsing.layout_counts import CountingLayout
from parsing.tables import PostColumns, SkippedLine, ThreadColumns
from tests.bench.generate import generate

from .helpers import FIXTURES
from .test_mutations import PROPERTY
from .test_split_points import HUNT, corpora, marker_corpora, with_regressions

Structure = tuple[list[int], list[int], int]


def full_structure(raw: bytes) -> Structure:
    corpus = Corpus()
    corpus.add_source("t.txt", raw)
    return list(corpus.posts.number), list(corpus.threads.first_post), len(corpus.skipped)


def counted_structure(raw: bytes) -> Structure:
    prepared = Corpus().prepare_source("t.txt", raw)
    posts, threads, skipped = PostColumns(), ThreadColumns(), list[SkippedLine]()
    layout = CountingLayout(prepared.source.buf, 0, posts, threads, skipped)
    layout.chrome_texts = prepared.chrome_texts
    layout.build(prepared.events)
    assert not posts.text_start, "counting records no positions"
    return list(posts.number), list(threads.first_post), len(skipped)


@pytest.mark.parametrize(
    "fixture", sorted((FIXTURES / "layout").glob("*.txt")), ids=lambda path: path.name
)
def test_counting_layout_matches_each_layout_fixture(fixture: Path) -> None:
    """Every layout rule's fixture gives the same numbers, thread starts and skipped count."""
    raw = fixture.read_bytes()
    assert counted_structure(raw) == full_structure(raw)


def test_counting_layout_matches_a_generated_corpus() -> None:
    """A generated corpus (flags, gaps, chrome, unnumbered first posts) is counted alike."""
    raw = ("\n".join(generate(400, seed=1)) + "\n").encode()
    numbers, first_post, skipped = counted_structure(raw)
    assert len(first_post) > 20 and skipped > 0
    assert (numbers, first_post, skipped) == full_structure(raw)


@PROPERTY
@given(corpora)
@example(b"Intro\n1/n\nmore\n2/ b\n")
@example(b"a 1/\nb 2/\nc 3/\n1/ d")
def test_counting_layout_matches_the_full_layout(raw: bytes) -> None:
    """Any mix of markers, heads, emoji leads, chrome and text is counted as it is laid out."""
    assert counted_structure(raw) == full_structure(raw)


@HUNT
@given(marker_corpora)
@with_regressions
def test_counting_layout_matches_the_full_layout_on_marker_lines(raw: bytes) -> None:
    """Runs of plain posts, restarts, numbers at line ends and bare `1/n` lines in every
    arrangement are counted as they are laid out (the counting layout keeps its own fast run of
    plain posts, and this holds it to the full one)."""
    assert counted_structure(raw) == full_structure(raw)
