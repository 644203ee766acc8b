"""The case key behind search: one byte-for-byte copy in which case forms coincide."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsing import search_scan
from parsing.case_key import case_variants, exotic_variants, fold_char, key_of, key_table
from parsing.search import threads_matching, threads_matching_slowly
from parsing.search_scan import FoldingScan, Query

from .helpers import parse_text
from .test_properties import PROPERTY


def test_ascii_key_is_lower_case() -> None:
    """An ASCII text's key is its lower case, so an ASCII hit needs no confirmation."""
    assert key_of("Port Of RIGA, 2024!") == b"port of riga, 2024!"


def test_key_never_turns_a_non_ascii_byte_into_ascii() -> None:
    """Bytes from 0x80 up keep keys from 0x80 up: an ASCII key is found only in ASCII text."""
    table = key_table()
    assert all(table[byte] >= 0x80 for byte in range(0x80, 0x100))
    assert all(table[byte] < 0x80 for byte in range(0x80))


@pytest.mark.parametrize(
    "forms",
    [
        ("энергетика", "ЭНЕРГЕТИКА", "Энергетика", "эНеРгЕтИкА"),
        ("ёлка", "Ёлка"),
        ("crème brûlée", "CRÈME BRÛLÉE"),
        ("ελλαδα", "ΕΛΛΑΔΑ", "Ελλαδα"),
        ("україна", "УКРАЇНА"),
    ],
    ids=["cyrillic", "yo", "latin-1", "greek", "ukrainian"],
)
def test_case_forms_share_a_key(forms: tuple[str, ...]) -> None:
    """Cyrillic, Latin-1 and Greek letters key alike in every case form."""
    assert len({key_of(form) for form in forms}) == 1, forms


@given(st.characters(max_codepoint=0x1E944))
def test_every_variant_keys_alike_or_is_named_exotic(char: str) -> None:
    """For any character, each case variant either has the character's key or is listed by
    `exotic_variants`: nothing is silently missed."""
    own = key_of(char)
    exotic = set(exotic_variants(char))
    for variant in case_variants().get(fold_char(char), ()):
        assert key_of(variant) == own or variant.encode("utf-8", "surrogatepass") in exotic


def test_kelvin_sign_is_exotic_for_k() -> None:
    """`K` (Kelvin, 3 bytes) cannot share the 1-byte key of `k`: it is named."""
    assert "\u212a".encode() in exotic_variants("kyiv")


SEARCHES = {
    "cyrillic upper in text": ("1/ ЭНЕРГЕТИКА и сети", "энергетика", [0]),
    "cyrillic mixed query": ("1/ энергетика и сети", "ЭнерГетика", [0]),
    "same key, other letters": ("1/ ннергетика", "энергетика", []),
    "kelvin sign in text": ("1/ 5 \u212aelvin", "kelvin", [0]),
    "sharp s capital": ("1/ STRA\u1e9eE", "straße", [0]),
    "greek tonos": ("1/ ΆΘΗΝΑ", "άθηνα", [0]),
    "turkish dotted i": ("1/ İstanbul", "İSTANBUL", [0]),
    "latin-1 mixed": ("1/ Café CRÈME", "crème", [0]),
}


@pytest.mark.parametrize(("text", "query", "threads"), SEARCHES.values(), ids=SEARCHES.keys())
def test_search_by_key_equals_the_reference(text: str, query: str, threads: list[int]) -> None:
    """The key scan finds what the decoding reference finds, no more, no less."""
    corpus = parse_text(text)
    assert threads_matching_slowly(corpus, query) == threads
    assert threads_matching(corpus, query) == threads


@given(
    st.lists(st.sampled_from("эЭнНаАkK\u212aßẞσΣςάΆéÉ ."), min_size=1, max_size=30),
    st.lists(st.sampled_from("эЭнНаАkK\u212aßẞσΣςάΆéÉ"), min_size=1, max_size=4),
)
def test_search_by_key_equals_the_reference_on_confusable_letters(
    text: list[str], query: list[str]
) -> None:
    """Texts and queries drawn from letters that share keys or have exotic variants: the key
    scan and the reference agree."""
    corpus = parse_text("1/ " + "".join(text))
    assert threads_matching(corpus, "".join(query)) == threads_matching_slowly(
        corpus, "".join(query)
    )


def key_scan_of_whole_buffer(
    buf: bytes, query: Query, position: int, end: int
) -> tuple[int, int] | None:
    """The reference for `FoldingScan`: the key of the whole buffer, searched with `find`, each
    hit confirmed by the query's pattern when it needs one."""
    keyed = buf.translate(key_table())
    while (start := keyed.find(query.key, position, end)) >= 0:
        if query.confirm is None:
            return start, start + len(query.key)
        match = query.confirm.match(buf, start, end)
        if match is not None:
            return match.span()
        position = start + 1
    return None


CONFUSABLE = "эЭнНаАkK\u212aßẞσΣςάΆéÉ .xX"


@st.composite
def text_and_query(draw: st.DrawFn, alphabet: str = CONFUSABLE) -> tuple[str, str]:
    """A text of confusable letters and a query: mostly a part of the text in another case
    (so that hits, and hits across a window's end, are common), else any letters."""
    text = draw(st.text(alphabet=alphabet, min_size=1, max_size=60))
    start = draw(st.integers(0, len(text) - 1))
    part = text[start : start + draw(st.integers(1, 5))]
    changed = draw(st.sampled_from([str.upper, str.lower, str.swapcase, str.title]))(part)
    other = draw(st.text(alphabet=alphabet, min_size=1, max_size=4))
    return text, draw(st.sampled_from([part, changed, changed, other]))


@PROPERTY
@given(
    text_and_query(),
    st.lists(st.tuples(st.integers(0, 130), st.integers(0, 130)), min_size=1, max_size=6),
    st.sampled_from([(1, 1, 0), (1, 4, 0), (3, 16, 0), (1, 4, 8), (2, 2, 40)]),
)
def test_folding_a_window_at_a_time_finds_what_the_whole_key_finds(
    searched: tuple[str, str], calls: list[tuple[int, int]], windows: tuple[int, int, int]
) -> None:
    """A scan that folds the buffer in small windows (cutting through characters and through
    the query), or a short range whole, answers every call, in any order, as a search of the
    whole buffer's key does."""
    text, query = searched
    buf = text.encode()
    ready = Query(query)
    first, most, whole = windows
    with (
        patch.object(search_scan, "FOLD_FIRST", first),
        patch.object(search_scan, "FOLD_MOST", most),
        patch.object(search_scan, "FOLD_WHOLE", whole),
    ):
        scan = FoldingScan(bytearray(buf), ready.key, ready.confirm)
        for position, asked_end in calls:
            end = min(asked_end, len(buf))
            assert scan(position, end) == key_scan_of_whole_buffer(buf, ready, position, end)


KEYED_ALIKE = "\u046d\u045d"
"""`ѭ` and `ѝ`: not variants of `э`, but keyed as it is, so only the exact pattern tells them
apart from it."""


@PROPERTY
@given(
    text_and_query(CONFUSABLE + KEYED_ALIKE),
    st.lists(
        st.tuples(st.booleans(), st.integers(0, 70), st.integers(0, 70)), min_size=1, max_size=8
    ),
)
def test_a_range_folded_ahead_answers_what_the_whole_key_finds(
    searched: tuple[str, str], calls: list[tuple[bool, int, int]]
) -> None:
    """A scan told to fold a range ahead (a chunk of threads) answers every call, inside that
    range, across its edges or outside it, as a search of the whole buffer's key does."""
    text, query = searched
    buf = text.encode()
    ready = Query(query)
    scan = FoldingScan(bytearray(buf), ready.key, ready.confirm)
    for ahead, position, asked_end in calls:
        end = min(asked_end, len(buf))
        if ahead:
            scan.fold_ahead(min(position, end), end)
        assert scan(position, end) == key_scan_of_whole_buffer(buf, ready, position, end)


@PROPERTY
@given(
    text_and_query("aAbBzZ .\né"),
    st.lists(
        st.tuples(st.booleans(), st.integers(0, 70), st.integers(0, 70)), min_size=1, max_size=8
    ),
    st.sampled_from([0, 8, 40]),
)
def test_a_short_range_folded_whole_answers_what_the_whole_key_finds(
    searched: tuple[str, str], calls: list[tuple[bool, int, int]], whole: int
) -> None:
    """Asked for a range no longer than `FOLD_WHOLE` (one thread's posts), a scan folds it at
    once and finds where the whole buffer's key has the first hit in it; calls of either kind,
    in any order, answer as a search of the whole key does. A longer range, or a query that
    needs the exact pattern, is left to the call (-2)."""
    text, query = searched
    buf = text.encode()
    ready = Query(query)
    with patch.object(search_scan, "FOLD_WHOLE", whole):
        scan = FoldingScan(bytearray(buf), ready.key, ready.confirm)
        for whole_range, position, asked_end in calls:
            end = min(asked_end, len(buf))
            expected = key_scan_of_whole_buffer(buf, ready, position, end)
            if not whole_range:
                assert scan(position, end) == expected
            elif ready.confirm is not None or end - position > whole:
                assert scan.find_whole(position, end) == -2
            else:
                assert scan.find_whole(position, end) == (-1 if expected is None else expected[0])
