"""Links read once for an export part's evidence and kept for its writing (`export_links`):
each batch of posts gets the links it would find reading its own text."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsing.corpus import Corpus
from parsing.entities import extract
from parsing.entities.batch import SEPARATOR, read_batch
from parsing.entities.urls import count_links, counted_link_spans, link_spans
from parsing.export_links import KeptLinks
from parsing.export_posts import Part, _links_at, _texts
from parsing.index import glued_evidence

from .helpers import parse_text
from .test_properties import PIECES, PROPERTY, texts

POSTS = (
    "1/3 Notes at kestrel.example.org/n/1… and https://harbor.example.net/a 🇯🇵\n"
    "2/3 @quay_deskkestrel.example.org/n/2 then tide.example.com/x?y=1\n"
    "Image\n"
    "3/3 Done: https://t.co/AbC123 #tide\n"
)


def _batch_parts(corpus: Corpus) -> list[Part]:
    return [
        Part(thread, corpus.thread_posts(thread), "", "") for thread in range(corpus.thread_count)
    ]


def _kept(corpus: Corpus) -> KeptLinks:
    buf = corpus.sources[0].buf
    return KeptLinks(buf, link_spans(buf, 0, len(buf)))


@PROPERTY
@given(texts)
def test_counted_link_spans_are_the_link_spans_and_count_their_domains(text: str) -> None:
    """One reading gives `link_spans` and counts the domains `count_links` counts."""
    buf = text.encode("utf-8", "surrogatepass")
    domains: Counter[str] = Counter()
    found = counted_link_spans(buf, 0, len(buf), domains)
    expected: Counter[str] = Counter()
    count_links(buf, 0, len(buf), expected)
    assert found == link_spans(buf, 0, len(buf))
    assert domains == expected


@PROPERTY
@given(texts)
def test_a_batch_given_kept_links_reads_the_spans_it_reads_alone(text: str) -> None:
    """For any parsed text, a batch of all its threads given the links kept from the whole
    source (when it can take them) gets the spans it gets finding its links itself."""
    corpus = parse_text(text)
    if not corpus.sources:
        return
    evidence = glued_evidence(corpus)
    parts = _batch_parts(corpus)
    pieces = _texts(corpus, parts)
    links_at = _links_at(_kept(corpus), corpus, parts)
    assert read_batch(pieces, evidence, links_at) == read_batch(pieces, evidence)


def test_a_batch_of_plain_posts_takes_the_kept_links_without_reading_any(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Posts that are slices of the source with whitespace around them take their links from
    those kept, moved to where the posts stand in the batch: no link is read again."""
    corpus = parse_text(POSTS)
    kept, parts = _kept(corpus), _batch_parts(corpus)
    pieces = _texts(corpus, parts)
    evidence = glued_evidence(corpus)
    expected = read_batch(pieces, evidence)

    def unread(*_: object) -> list[object]:
        raise AssertionError("links read again")

    monkeypatch.setattr(extract, "link_spans", unread)
    links_at = _links_at(kept, corpus, parts)
    assert links_at is not None
    assert read_batch(pieces, evidence, links_at) == expected
    assert [span[3] for span in expected.spans if span[0] == "link"] == [
        "https://kestrel.example.org/n/1",
        "https://harbor.example.net/a",
        "https://kestrel.example.org/n/2",
        "https://tide.example.com/x?y=1",
        "https://t.co/AbC123",
    ]


def test_a_post_glued_to_what_stands_before_it_reads_its_own_links() -> None:
    """A post whose text has no whitespace before it in the source (a token could run across
    its edge) leaves the batch to read its links itself."""
    corpus = parse_text(POSTS)
    buf = corpus.sources[0].buf
    parts = _batch_parts(corpus)
    post = parts[0].posts.start + 1
    start = corpus.posts.text_start[post]
    assert buf[start - 1 : start] == b" "
    buf[start - 1] = ord("x")
    starts = read_batch(_texts(corpus, parts), glued_evidence(corpus)).starts
    assert (
        KeptLinks(buf, link_spans(buf, 0, len(buf))).of_posts(
            corpus.posts.text_start[: len(starts) - 1],
            corpus.posts.text_end[: len(starts) - 1],
            starts,
        )
        is None
    )


def test_a_post_with_a_hole_leaves_the_batch_to_read_its_links() -> None:
    """A post whose text is two pieces of the source (a marker below its lead lines) is no
    slice of it: the batch reads its links itself."""
    corpus = parse_text("🧵\n1/2 The quay at kestrel.example.org/n/1 flooded.\n2/2 Drained.\n")
    assert corpus.posts.holes
    assert _links_at(_kept(corpus), corpus, _batch_parts(corpus)) is None


LINK_PIECES = [
    *PIECES, "kestrel.example.org", ".org", "http://", "/n/1", "?y=1", ":80", "www.", "(", ")",
    "-", "_", "\u2013", "\u00a0", "\u3000", ".みんな", "x" * 9000,
]  # fmt: skip
"""Loose pieces of text, links and their edges, and a run longer than a token is looked back."""


@st.composite
def posts_in_a_source(draw: st.DrawFn) -> tuple[bytes, list[int], list[int]]:
    """A source and where the texts of a few posts start and end in it, in order (at piece
    boundaries, anywhere: posts may be empty, glued to each other or to the source's edges)."""
    pieces = draw(st.lists(st.sampled_from(LINK_PIECES), max_size=40))
    bounds = [0]
    for piece in pieces:
        bounds.append(bounds[-1] + len(piece.encode()))
    edges = sorted(draw(st.lists(st.sampled_from(bounds), max_size=8)))
    edges = edges[: len(edges) // 2 * 2]
    return "".join(pieces).encode(), edges[0::2], edges[1::2]


@PROPERTY
@given(posts_in_a_source())
def test_kept_links_given_are_those_the_joined_posts_hold(
    drawn: tuple[bytes, list[int], list[int]],
) -> None:
    """Whenever a batch takes its links from those kept for any source and any posts in it,
    they are the links of the posts' texts joined as a batch joins them."""
    buf, text_starts, text_ends = drawn
    texts = [buf[start:end] for start, end in zip(text_starts, text_ends, strict=True)]
    joined = SEPARATOR.join(texts)
    starts = [0]
    for text in texts:
        starts.append(starts[-1] + len(text) + len(SEPARATOR))
    given = KeptLinks(buf, link_spans(buf, 0, len(buf))).of_posts(text_starts, text_ends, starts)
    if given is not None:
        assert given == link_spans(joined, 0, len(joined))


def test_a_post_at_the_source_s_end_then_an_empty_one_keeps_the_links() -> None:
    """A post ending where the source ends, followed in the batch by an empty one there too,
    stands at the source's edge: the batch takes its link (no byte past the end is read)."""
    buf = b"Quay at kestrel.example.org "
    kept = KeptLinks(buf, link_spans(buf, 0, len(buf)))
    assert kept.of_posts([0, len(buf)], [len(buf), len(buf)], [0, len(buf) + 1]) == [
        ("link", 8, 27, "https://kestrel.example.org", False)
    ]
