"""Flag filters (code, emoji or name), the region table behind them, search, and related threads
on a small corpus of our own."""

from __future__ import annotations

import re
from typing import Any

import emoji
import pytest

from parsing import UnknownFlagError, build_index, related
from parsing.entities.flags import flag_emoji, region_names
from parsing.filters import filter_threads, resolve_flag, threads_with_flags
from parsing.related import related_threads
from parsing.search import threads_matching, threads_matching_slowly

from .helpers import parse_text

SCOTLAND = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
CODE = re.compile(r"[A-Z]{2}|[A-Z]{2}-[A-Z0-9]{1,3}")

CORPUS = f"""\
1/ Grain prices in 🇺🇦 and 🇵🇱 rose again this week. @grainwatch has the weekly numbers.
2/ Port capacity on the coast matters most for the autumn harvest. #grain
• • •
1/ Fishing quotas between 🇳🇴 and 🇮🇸 are up for renewal. The talks start in March.
2/ @fishdesk covers every round of the quota talks. #quota
• • •
1/ Another look at grain exports from 🇺🇦, this time by rail through 🇵🇱. @grainwatch again.
2/ Rail gauges differ at the border, so wagons are swapped. #grain
• • •
1/ A walk across the Highlands of {SCOTLAND} in October.
2/ Bring boots and a map, the paths are wet.
"""


@pytest.fixture(scope="module")
def corpus() -> Any:
    return parse_text(CORPUS)


@pytest.fixture(scope="module")
def index(corpus: Any) -> Any:
    return build_index(corpus)


@pytest.mark.parametrize(
    ("spec", "code"),
    [
        ("cn", "CN"),
        (" RU ", "RU"),
        ("🇨🇳", "CN"),
        ("china", "CN"),
        ("CHINA", "CN"),
        ("Türkiye", "TR"),
        ("turkiye", "TR"),
        ("gb-sct", "GB-SCT"),
        ("scotland", "GB-SCT"),
        (SCOTLAND, "GB-SCT"),
        ("european union", "EU"),
    ],
)
def test_resolve_flag(spec: str, code: str) -> None:
    assert resolve_flag(spec) == code


@pytest.mark.parametrize("spec", ["atlantis", "", "XX", "🇽🇽", "r", "-", "black flag"])
def test_unknown_flags(spec: str) -> None:
    with pytest.raises(UnknownFlagError) as raised:
        resolve_flag(spec)
    assert "\n" not in str(raised.value)


def test_region_codes_are_region_codes() -> None:
    """Only valid region codes (and subdivision codes) count as flags: no bare 🏴 entry."""
    assert [code for code in region_names() if not CODE.fullmatch(code)] == []


def test_region_names_match_the_emoji_package() -> None:
    """The shipped table holds every flag emoji the emoji package knows, with its CLDR name."""
    names = region_names()
    for code, name in names.items():
        if not CODE.fullmatch(code):
            continue  # reported by test_region_codes_are_region_codes
        data = emoji.EMOJI_DATA[flag_emoji(code)]
        assert data["en"].strip(":").replace("_", " ") == name
    pairs = [
        text
        for text in emoji.EMOJI_DATA
        if len(text) == 2 and all(0x1F1E6 <= ord(ch) <= 0x1F1FF for ch in text)
    ]
    assert len([code for code in names if len(code) == 2]) == len(pairs)


def test_filter_by_one_flag(index: Any) -> None:
    assert threads_with_flags(index, ["UA"]) == [0, 2]
    assert threads_with_flags(index, ["NO"]) == [1]
    assert threads_with_flags(index, ["GB-SCT"]) == [3]
    assert threads_with_flags(index, ["RU"]) == []


def test_repeated_flags_mean_all_of_them(index: Any) -> None:
    assert threads_with_flags(index, ["UA", "PL"]) == [0, 2]
    assert threads_with_flags(index, ["UA", "NO"]) == []
    assert threads_with_flags(index, []) == [0, 1, 2, 3]


def test_flags_in_order_of_first_appearance(index: Any) -> None:
    assert [list(f) for f in index.flags] == [["UA", "PL"], ["NO", "IS"], ["UA", "PL"], ["GB-SCT"]]


def test_filter_with_search(corpus: Any, index: Any) -> None:
    assert filter_threads(corpus, index, ["UA"], "RAIL") == [2]
    assert filter_threads(corpus, index, [], "quota") == [1]
    assert filter_threads(corpus, index, ["NO"], "rail") == []


@pytest.mark.parametrize(
    "query", ["grain", "GRAIN", "#grain", "@grainwatch", "🇺🇦", "• • •", "2/", "wet.", "Highlands"]
)
def test_search_fast_equals_slow(corpus: Any, query: str) -> None:
    assert threads_matching(corpus, query) == threads_matching_slowly(corpus, query)


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("1/ Tide tables.\n2/ Low at noon.\n⚡️\n2/ Storm warning for the coast.", "⚡️\nstorm"),
        ("1/ Tide tables.\n2/ Low at noon.\nTHREAD\n2/ Storm warning for the coast.", "D\nSt"),
    ],
)
def test_search_across_a_lead_line(text: str, query: str) -> None:
    """A lead line and the text after the marker under it are one post text: search sees it
    the way the reader shows it."""
    corpus = parse_text(text)
    assert query.casefold() in corpus.post_text(2).casefold()
    assert threads_matching_slowly(corpus, query) == [1]
    assert threads_matching(corpus, query) == [1]


def test_search_does_not_find_markers_or_chrome(corpus: Any) -> None:
    assert threads_matching(corpus, "• • •") == []
    assert threads_matching(corpus, "2/ Port") == []


def test_related_threads(index: Any) -> None:
    """The two grain threads share flags, a mention and a hashtag; the others share nothing."""
    assert [r.thread for r in related_threads(index, 0)] == [2]
    assert [r.thread for r in related_threads(index, 2)] == [0]
    assert related_threads(index, 1) == []
    assert related_threads(index, 3) == []
    reasons = related_threads(index, 0)[0].reasons
    assert reasons[0] == "🇺🇦 🇵🇱"
    assert "@grainwatch" in reasons


@pytest.mark.parametrize("cap", [1, 2, 5000])
def test_related_cost_bounds_the_candidates_scored(
    index: Any, cap: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`related_cost` never under-estimates how many threads `related_threads` will score, with
    features rare or common (a small cap makes every shared feature common)."""
    monkeypatch.setattr(related, "_CANDIDATE_CAP", cap)
    for thread in range(index.thread_count):
        weighted = dict.fromkeys(index.features[thread], 1.0)
        scored = related._candidates(index, thread, weighted, related.MAX_RELATED)
        assert len(scored) <= related.related_cost(index, thread)


def test_related_cost_of_a_thread_sharing_nothing_is_its_own_postings(index: Any) -> None:
    """Thread 3 shares no feature: each posting list holds only itself."""
    assert related.related_cost(index, 3) == len(index.features[3])


def test_threads_sharing_only_common_features_score_a_bounded_pool() -> None:
    """When every feature of a thread is held by most threads, only a capped pool of them is
    scored (so `export --related` stays linear); what every thread shares relates none."""
    text = "\n\n".join(
        f"1/ 🇺🇦 @grainwatch #harvest port.example/x{n % 3} silos\n2/ barges and silos"
        for n in range(300)
    )
    index = build_index(parse_text(text))
    assert index.thread_count == 300
    weighted = dict.fromkeys(index.features[0], 1.0)
    scored = related._candidates(index, 0, weighted, related.MAX_RELATED)
    assert related.MAX_RELATED < len(scored) <= related._POOL_CAP
    assert len(scored) <= related.related_cost(index, 0)
    assert related_threads(index, 0) == []


def test_the_entity_index_comes_first_and_filters_as_the_whole(corpus: Any) -> None:
    """`build_index` hands over the index of entities before it reads words: its flags and
    entity postings are the final index's, each thread's features are the entity part of the
    final ones, and filters by flag, mention and search give the same threads with either."""
    handed: list[Any] = []
    final = build_index(corpus, entities_done=handed.append)
    (entities,) = handed
    assert entities.flags == final.flags
    assert entities.postings == {
        feature: threads
        for feature, threads in final.postings.items()
        if feature[0] not in ("word", "phrase")
    }
    assert any(feature[0] == "word" for feature in final.postings)
    for own, whole in zip(entities.features, final.features, strict=True):
        assert whole[: len(own)] == own
        assert all(kind in ("word", "phrase") for kind, _ in whole[len(own) :])
    for flags, features, search in [
        (("UA",), (), None),
        (("PL", "UA"), (("mention", "grainwatch"),), None),
        ((), (("hashtag", "grain"),), "rail"),
    ]:
        expected = filter_threads(corpus, final, flags, search, features)
        assert filter_threads(corpus, entities, flags, search, features) == expected
        assert expected
