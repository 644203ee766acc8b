"""The index's entity pass: the fast per-thread counts and feature folding against the
reference readings they must equal."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from parsing.entities.by_thread import tally_by_thread, tally_by_thread_slowly
from parsing.entities.link_tokens import read_link_tokens
from parsing.entities.tally import Tally
from parsing.entities.urls import candidate_tokens, count_links, plain_host
from parsing.entity_features import Feature, FeatureFolder, entity_features, feature_uses

from .helpers import parse_text
from .test_properties import PROPERTY, texts

THREADS = (
    "1/ Ferry news from @HarbourDesk and @harbourdesk: #Tides at harbour.example.org/a 🇳🇴\n"
    "2/ More from @Quay_Watch, #tides again, $FRY up. quay.example.net 🇩🇰🇳🇴\n"
    "harbour.example.org/b\n\n"
    "1/ Another thread by @quay_watch with ＃Wellen and ＠KaiNord, see www.Harbour.example.org\n"
    "2/ @KaiNord.example.com/path glued, #Übersee and #Ünter 🇩🇪\n"
)


def _spans(text: str) -> tuple[bytes | bytearray, list[tuple[int, int]]]:
    corpus = parse_text(text)
    spans = []
    for thread in range(corpus.thread_count):
        posts = corpus.thread_posts(thread)
        spans.append((corpus.posts.text_start[posts.start], corpus.posts.text_end[posts.stop - 1]))
    return (corpus.sources[0].buf if corpus.sources else b""), spans


def test_fast_counts_equal_the_reference_on_threads_with_every_kind_of_entity() -> None:
    """Threads with mentions in two cases, ASCII and Unicode hashtags, fullwidth signs, a glued
    mention+link, cashtags, flags and links are counted as the reference counts them."""
    buf, spans = _spans(THREADS)
    assert len(spans) >= 2
    assert tally_by_thread(buf, spans) == tally_by_thread_slowly(buf, spans)
    ascii_only = THREADS.replace("＃", "#").replace("＠", "@")
    buf, spans = _spans(ascii_only)
    found = tally_by_thread(buf, spans)
    assert found == tally_by_thread_slowly(buf, spans)
    assert found[0].domains["harbour.example.org"] == 2


@PROPERTY
@given(st.lists(texts, min_size=1, max_size=4).map("\n\n1/ ".join))
def test_fast_counts_equal_the_reference(text: str) -> None:
    """Per-thread counts in C (`tally_by_thread`) equal the reference's scan of the whole
    batch with each match given to its thread by position."""
    buf, spans = _spans(text)
    assert tally_by_thread(buf, spans) == tally_by_thread_slowly(buf, spans)


@PROPERTY
@given(st.lists(texts, min_size=1, max_size=4).map("\n\n1/ ".join))
def test_counts_from_kept_link_tokens_equal_the_reference(text: str) -> None:
    """The link tokens kept from a reading of the whole text stand for each batch's own: the
    counts are the reference's."""
    buf, spans = _spans(text)
    tokens = read_link_tokens(buf, 0, len(buf), Counter())
    assert tally_by_thread(buf, spans, tokens) == tally_by_thread_slowly(buf, spans)


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
    assert found == tally_by_thread_slowly(buf, spans)
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
