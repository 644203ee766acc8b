"""twitter-text's extraction conformance suite, read at test time from
tests/conformance/twitter-text/extract.yml (vendored with its licence), run through
`parsing.extract_entities`.

Mentions, hashtags and cashtags must pass every case. URLs must pass at least 95%, and the cases
that do not are listed in KNOWN_URL_MISSES with the reason, so that a new miss (or a fixed one)
shows up as a failure.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from parsing import extract_entities

from .helpers import CONFORMANCE, SHARED

# section -> (entity kind, key of the value in expected dicts)
STRICT = {
    "mentions": ("mention", "screen_name"),
    "mentions_with_indices": ("mention", "screen_name"),
    "hashtags": ("hashtag", "hashtag"),
    "hashtags_from_astral": ("hashtag", "hashtag"),
    "hashtags_with_indices": ("hashtag", "hashtag"),
    "cashtags": ("cashtag", "cashtag"),
    "cashtags_with_indices": ("cashtag", "cashtag"),
}
URL_SECTIONS = [
    "urls",
    "urls_with_indices",
    "urls_with_directional_markers",
    "tco_urls_with_params",
]
KNOWN_URL_MISSES: dict[str, str] = {}
"""description -> why threadline reads that text differently from twitter-text."""


@cache
def suite() -> dict[str, list[dict[str, Any]]]:
    import yaml

    with CONFORMANCE.open(encoding="utf-8") as stream:
        tests: dict[str, list[dict[str, Any]]] = yaml.safe_load(stream)["tests"]
    return tests


def cases(sections: list[str]) -> list[Any]:
    return [
        pytest.param(section, case, id=f"{section}: {case['description']}")
        for section in sections
        for case in suite().get(section, [])
    ]


def actual(kind: str, key: str, text: str, with_indices: bool) -> list[Any]:
    """What threadline extracts, shaped like the suite's `expected`."""
    found = [e for e in extract_entities(text) if e.kind == kind]
    value = [e.text if kind == "link" else e.value for e in found]
    if not with_indices:
        return value
    return [{key: v, "indices": [e.start, e.end]} for v, e in zip(value, found, strict=True)]


def expected_of(case: dict[str, Any], key: str) -> tuple[list[Any], bool]:
    expected = case["expected"]
    with_indices = bool(expected) and isinstance(expected[0], dict)
    if with_indices:
        expected = [{key: item[key], "indices": item["indices"]} for item in expected]
    return expected, with_indices


def test_suite_is_there() -> None:
    assert set(STRICT) | set(URL_SECTIONS) <= set(suite())


@pytest.mark.parametrize(("section", "case"), cases(list(STRICT)))
def test_mentions_hashtags_cashtags(section: str, case: dict[str, Any]) -> None:
    kind, key = STRICT[section]
    expected, with_indices = expected_of(case, key)
    assert actual(kind, key, case["text"], with_indices) == expected


def url_misses() -> dict[str, tuple[list[Any], list[Any]]]:
    misses = {}
    for section in URL_SECTIONS:
        for case in suite()[section]:
            expected, with_indices = expected_of(case, "url")
            got = actual("link", "url", case["text"], with_indices)
            if got != expected:
                misses[case["description"]] = (expected, got)
    return misses


def test_urls_pass_at_least_95_percent() -> None:
    total = sum(len(suite()[section]) for section in URL_SECTIONS)
    misses = url_misses()
    assert total >= 100
    assert len(misses) <= total * 0.05, misses


def test_url_misses_are_the_known_ones() -> None:
    """Exactly the listed cases miss: a new miss is a regression, a fixed one leaves the list."""
    misses = url_misses()
    assert set(misses) == set(KNOWN_URL_MISSES), misses


@pytest.mark.parametrize(("section", "case"), cases(URL_SECTIONS))
def test_url_case(section: str, case: dict[str, Any]) -> None:
    if case["description"] in KNOWN_URL_MISSES:
        return  # checked as a set in test_url_misses_are_the_known_ones
    expected, with_indices = expected_of(case, "url")
    assert actual("link", "url", case["text"], with_indices) == expected


@pytest.mark.shared
def test_vendored_suite_is_the_shared_one_unchanged() -> None:
    """The vendored extract.yml is byte for byte the suite in ../shared, where that exists."""
    shared = SHARED / "conformance" / "twitter-text" / "extract.yml"
    if not shared.is_file():
        pytest.skip("../shared is absent")
    assert CONFORMANCE.read_bytes() == shared.read_bytes()
