"""The index's entity pass: the fast per-thread counts and feature folding against the
reference readings they must equal."""

from __future__ import annotations

import pickle
from collections import Counter

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from parsing.corpus import Corpus
from parsing.entities.by_thread import tally_by_thread
from parsing.entities.glued import GluedEvidence
from parsing.entities.link_tokens import read_link_tokens
from parsing.entities.tally import Tally, tally
from parsing.entities.urls import candidate_tokens, count_links, plain_host
from parsing.entity_features import Feature, FeatureFolder, entity_features, feature_uses
from parsing.export_index import _middle
from parsing.index import build_index

from .helpers import parse_bytes, parse_text
from .test_properties import PROPERTY, texts

THREADS = (
    "1/ Ferry news from @HarbourDesk and @harbourdesk: #Tides at harbour.example.org/a 🇳🇴\n"
    "2/ More from @Quay_Watch, #tides again, $FRY up. quay.example.net 🇩🇰🇳🇴\n"
    "harbour.example.org/b\n\n"
    "1/ Another thread by @quay_watch with ＃Wellen and ＠KaiNord, see www.Harbour.example.org\n"
    "2/ @KaiNord.example.com/path glued, #Übersee and #Ünter 🇩🇪\n"
)


def _spans(text: str) -> tuple[bytes | bytearray, list[tuple[int, int]]]:
    return _corpus_spans(parse_text(text))


def _corpus_spans(corpus: Corpus) -> tuple[bytes | bytearray, list[tuple[int, int]]]:
    spans = []
    for thread in range(corpus.thread_count):
        posts = corpus.thread_posts(thread)
        spans.append((corpus.posts.text_start[posts.start], corpus.posts.text_end[posts.stop - 1]))
    return (corpus.sources[0].buf if corpus.sources else b""), spans


def _alone(buf: bytes | bytearray, spans: list[tuple[int, int]]) -> list[Tally]:
    """The reference: each thread counted on its own, as if the text ended at its end."""
    return [tally(buf, start, end) for start, end in spans]


GLUED_TO_THE_NEXT_THREAD = "You can follow @quay.1/\nFeb 2 • 3 tweets • 1 min read\n\n1/ "


@pytest.mark.parametrize("last", ["Tides.", "＃Wellen", "＠KaiNord"])
def test_a_mention_run_into_the_next_threads_marker_counts_as_the_thread_alone(last: str) -> None:
    """`@quay.` ends a thread whose next one opens with a glued `1/`: the thread's own text
    holds no glued token, whether or not a fullwidth sign stands elsewhere in the batch."""
    buf, spans = _spans(GLUED_TO_THE_NEXT_THREAD + last)
    assert bytes(buf[slice(*spans[0])]).endswith(b"@quay.")
    found = tally_by_thread(buf, spans)
    assert found == _alone(buf, spans)
    assert found[0].mentions == {"quay": 1} and not found[0].glued


def test_fast_counts_equal_the_reference_on_threads_with_every_kind_of_entity() -> None:
    """Threads with mentions in two cases, ASCII and Unicode hashtags, fullwidth signs, a glued
    mention+link, cashtags, flags and links are counted as the reference counts them."""
    buf, spans = _spans(THREADS)
    assert len(spans) >= 2
    assert tally_by_thread(buf, spans) == _alone(buf, spans)
    ascii_only = THREADS.replace("＃", "#").replace("＠", "@")
    buf, spans = _spans(ascii_only)
    found = tally_by_thread(buf, spans)
    assert found == _alone(buf, spans)
    assert found[0].domains["harbour.example.org"] == 2


@PROPERTY
@given(st.lists(texts, min_size=1, max_size=4).map("\n\n1/ ".join))
def test_fast_counts_equal_the_reference(text: str) -> None:
    """Per-thread counts in C (`tally_by_thread`) equal `tally`'s of each thread alone."""
    buf, spans = _spans(text)
    assert tally_by_thread(buf, spans) == _alone(buf, spans)


@PROPERTY
@given(st.lists(texts, min_size=1, max_size=4).map("\n\n1/ ".join))
def test_counts_from_kept_link_tokens_equal_the_reference(text: str) -> None:
    """The link tokens kept from a reading of the whole text stand for each batch's own: the
    counts are the reference's."""
    buf, spans = _spans(text)
    tokens = read_link_tokens(buf, 0, len(buf), Counter())
    assert tally_by_thread(buf, spans, tokens) == _alone(buf, spans)


@PROPERTY
@given(texts)
def test_kept_link_tokens_are_the_candidate_tokens_and_count_the_same_links(text: str) -> None:
    """`read_link_tokens` keeps each candidate token, the host of each plain link, and counts
    links by domain as `count_links` does."""
    buf = text.encode("utf-8", "surrogatepass")
    domains: Counter[str] = Counter()
    tokens = read_link_tokens(buf, 0, len(buf), domains)
    expected: Counter[str] = Counter()
    count_links(buf, 0, len(buf), expected)
    assert domains == expected
    kept = list(zip(tokens.starts, tokens.ends, tokens.hosts, strict=True))
    assert kept == [
        (start, end, None if plain is None else plain_host(plain))
        for start, end, plain in candidate_tokens(buf, 0, len(buf))
    ]


def test_kept_link_tokens_count_each_thread_links() -> None:
    """Threads given the link tokens of their whole text count their own links from them."""
    buf, spans = _spans(THREADS.replace("＃", "#").replace("＠", "@"))
    tokens = read_link_tokens(buf, 0, len(buf), Counter())
    found = tally_by_thread(buf, spans, tokens)
    assert found == _alone(buf, spans)
    assert found[0].domains["harbour.example.org"] == 2


NAMES = ["Bob", "bob", "BOB", "ana_1", "Ana_1", "Übersee", "übersee", "x"]
counts_of = st.dictionaries(st.sampled_from(NAMES), st.integers(-2, 300), max_size=6)


def _tally(
    mentions: dict[str, int],
    hashtags: dict[str, int],
    flags: dict[str, int],
    domains: dict[str, int],
) -> Tally:
    counts = Tally()
    counts.mentions, counts.hashtags = Counter(mentions), Counter(hashtags)
    counts.flags, counts.domains = Counter(flags), Counter(domains)
    return counts


tallies = st.builds(
    _tally,
    counts_of,
    counts_of,
    st.dictionaries(st.sampled_from(["RU", "AM", "GB-SCT", "NO"]), st.integers(-1, 3)),
    st.dictionaries(st.sampled_from(["t.co", "example.org", "b.example"]), st.integers(-1, 400)),
)


@PROPERTY
@given(st.lists(tallies, max_size=6))
def test_folded_features_equal_the_reference(threads: list[Tally]) -> None:
    """Thread after thread, the folder gives `entity_features`' features in their order, the
    thread's flag codes, its uses capped at 255, and the same first writings in the same order."""
    written: dict[Feature, str] = {}
    folder = FeatureFolder({})
    for counts in threads:
        expected = entity_features(counts, written)
        flags = tuple(key for kind, key in expected if kind == "flag")
        assert folder.fold(counts) == (tuple(expected), flags, feature_uses(expected))
    assert list(folder.written.items()) == list(written.items())


def test_a_name_met_again_keeps_its_first_writing_and_one_shared_feature() -> None:
    """`@HarbourDesk` in one thread then `@harbourdesk` in the next: one feature, one tuple,
    written as first met; the second thread's own case variants are added up."""
    folder = FeatureFolder({})
    first = _tally({"HarbourDesk": 2}, {}, {}, {})
    second = _tally({"harbourdesk": 1, "HARBOURDESK": 3}, {}, {}, {})
    (feature,), _, uses = folder.fold(first)
    (again,), _, more = folder.fold(second)
    assert again is feature
    assert (uses, more) == (b"\x02", b"\x04")
    assert folder.written == {("mention", "harbourdesk"): "HarbourDesk"}


HOSTILE = [
    "\x00", "\ud800", "\udfff", "\r\n", "\r", "\n", "\n\n", " ", "\t", "\x0b", "\x0c", "\x85",
    "\u2028", "\ufeff", "@quay", "@Quay", "＠kai", "＃tide", "#tide", "#Übersee", "$FRY", "🇳", "🇴",
    "🇳🇴", "harbour.example.org", "/a", "@quay.example.org/p", "@quayharbour.example.org/p…",
    "https://t.co/abc", "…", ".", "1/", "2/ ", "Image", "Й", "w" * 9000, "x.co" + "y" * 9000,
]  # fmt: skip
"""Bytes a corpus may hold: NULs, lone surrogates' bytes, every line end, fullwidth signs,
halves of flags, links glued to mentions, tokens longer than the token search looks back."""
hostile_thread = st.lists(st.sampled_from(HOSTILE) | st.text(max_size=3), max_size=16).map("".join)
hostile_threads = st.tuples(
    st.lists(hostile_thread, min_size=1, max_size=5),
    st.sampled_from(["\n\n1/ ", "\r\n\r\n1/ ", "\n\n1/", "1/ ", "\n\n🧵 1/ "]),
).map(lambda parts: parts[1].join(parts[0]).encode("utf-8", "surrogatepass"))


@PROPERTY
@given(hostile_threads, st.data())
def test_any_batch_of_hostile_threads_counts_each_thread_alone(
    raw: bytes, data: st.DataObject
) -> None:
    """A batch of consecutive threads of any bytes, counted with no kept tokens, with those of
    the whole text, or with those of two halves cut as the two-core reading cuts them, gets
    each thread's counts alone."""
    corpus = parse_bytes(raw)
    buf, spans = _corpus_spans(corpus)
    assume(spans)
    first = data.draw(st.integers(0, len(spans) - 1))
    batch = spans[first : data.draw(st.integers(first + 1, len(spans)))]
    cut = _middle(bytearray(buf))
    halves = read_link_tokens(buf, 0, cut, Counter())
    halves.extend(read_link_tokens(buf, cut, len(buf), Counter()))
    expected = _alone(buf, batch)
    assert tally_by_thread(buf, batch) == expected
    assert tally_by_thread(buf, batch, read_link_tokens(buf, 0, len(buf), Counter())) == expected
    assert tally_by_thread(buf, batch, halves) == expected


def test_the_built_index_keeps_no_split_answers_in_its_evidence() -> None:
    """The answers remembered while splitting glued tokens belong to the entity pass: the
    evidence the reader keeps (and the pipe and the cache carry) is as big pickled as the same
    evidence made afresh."""
    corpus = parse_text(
        "1/ Read @alicecarnegie.ru/commentary/1 and @bobcarnegie.ru/commentary/1 now\n\n"
        "1/ Again @alicecarnegie.ru/commentary/1 here\n"
    )
    index = build_index(corpus, with_words=False)
    assert index.postings[("mention", "alice")]  # the glued tokens were split
    fresh = GluedEvidence(index.evidence.domains)
    assert len(pickle.dumps(index.evidence)) == len(pickle.dumps(fresh))


@pytest.mark.parametrize(
    "spans",
    [[(16, 38)], [(0, 3), (4, 20)], [(0, 3), (16, 38)]],
    ids=["starts-inside", "ends-inside", "both"],
)
def test_a_batch_edge_inside_a_token_reads_its_own_link_tokens(
    spans: list[tuple[int, int]],
) -> None:
    """A batch whose first thread starts, or whose last ends, inside a token reads the links of
    its own text, not the tokens kept from the whole text (which start and end elsewhere)."""
    buf = b"One. See the harbour.example.org/x/y now.\n"
    tokens = read_link_tokens(buf, 0, len(buf), Counter())
    assert tally_by_thread(buf, spans, tokens) == _alone(buf, spans)
