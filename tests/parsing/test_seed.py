"""Golden facts about the seed corpus (../shared/seeds/000_…txt): seven threads by one analyst."""

from __future__ import annotations

import json
from collections import Counter
from itertools import pairwise
from typing import Any

import pytest

from parsing import UnknownFlagError, build_index, extract_entities, load_corpus
from parsing.export import export_model
from parsing.filters import filter_threads, resolve_flag, threads_with_flags
from parsing.related import related_threads
from parsing.search import threads_matching, threads_matching_slowly
from parsing.stats import corpus_stats
from tui.cli import main

from .helpers import SEED, SHARED_MARKS, line_ranges, numbers, skipped, texts

pytestmark = SHARED_MARKS

NUMBERS = [
    [*range(1, 13), *range(14, 18)],
    [2, 3],
    [1, 2, 3],
    [1, 2, 3],
    [1, 2, 3],
    [1, 2, 3],
    [1, 2, 3],
]
FLAGS = [
    ["RU", "AM", "US", "EU", "AZ", "TR"],
    ["RU"],
    ["CN", "RU"],
    ["CN", "RU"],
    ["RU", "CN"],
    ["CN", "RU"],
    ["RU"],
]
ENTITY_COUNTS = {"mention": 31, "link": 12, "hashtag": 2, "cashtag": 0, "flag": 27}
CHINA_RUSSIA = [2, 3, 4, 5]  # threads 3–6, 0-based


@pytest.fixture(scope="module")
def corpus() -> Any:
    return load_corpus([SEED])


@pytest.fixture(scope="module")
def index(corpus: Any) -> Any:
    return build_index(corpus)


@pytest.fixture(scope="module")
def exported(corpus: Any, index: Any) -> Any:
    return export_model(corpus, index, range(corpus.thread_count), with_related=True)


def test_threads_and_post_numbers(corpus: Any) -> None:
    assert corpus.thread_count == 7
    assert numbers(corpus) == NUMBERS
    assert [corpus.missing(t) for t in range(7)] == [[13], [1], [], [], [], [], []]


def test_first_posts(corpus: Any) -> None:
    """Thread 1 opens with a bare THREAD line; thread 3 with an emoji-only line."""
    ranges = line_ranges(corpus)
    assert ranges[0][0] == (1, 2)
    assert texts(corpus)[0][0].startswith("THREAD\nToday's agreement")
    assert ranges[2][0] == (23, 24)
    assert texts(corpus)[2][0].startswith("⚡️⚡️⚡️\n")
    assert corpus.title(0).startswith("Today's agreement")
    assert corpus.title(2).startswith("There is yet another")
    assert not corpus.title(3).startswith("THREAD")


def test_every_line_is_in_a_post_or_skipped(corpus: Any) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    covered = [
        line
        for thread in line_ranges(corpus)
        for first, last in thread
        for line in range(first, last + 1)
    ]
    covered += [line for line, _ in skipped(corpus)]
    assert sorted(covered) == list(range(1, len(lines) + 1))


def test_chrome_is_skipped(corpus: Any) -> None:
    assert skipped(corpus) == [
        (18, "• • •"),
        (19, "Missing some Tweet in this thread? You can try to"),
        (20, "force a refresh"),
    ]


def test_flags_per_thread(index: Any) -> None:
    assert [list(flags) for flags in index.flags] == FLAGS


def test_entity_counts_in_export(exported: Any) -> None:
    counts = Counter(e.kind for t in exported.threads for p in t.posts for e in p.entities)
    assert {kind: counts.get(kind, 0) for kind in ENTITY_COUNTS} == ENTITY_COUNTS


def test_entity_counts_in_stats(corpus: Any) -> None:
    assert corpus_stats(corpus).entities == ENTITY_COUNTS


def test_money_is_no_cashtag(corpus: Any) -> None:
    post = texts(corpus)[3][1]
    assert "$68.63b" in post
    assert [e for e in extract_entities(post) if e.kind == "cashtag"] == []


@pytest.mark.parametrize(
    ("handle", "domain"),
    [("baunov", "carnegie.ru"), ("sinanulgen1", "carnegie.ru"), ("business", "bloomberg.com")],
)
def test_glued_tokens_split(exported: Any, handle: str, domain: str) -> None:
    """`@baunovcarnegie.ru/…` is @baunov, then carnegie.ru/…: each mention is followed by
    its link."""
    for thread in exported.threads:
        for post in thread.posts:
            entities = post.entities
            for here, after in pairwise(entities):
                if here.kind == "mention" and here.value == handle:
                    assert after.kind == "link"
                    assert after.start == here.end
                    assert after.text.startswith(domain + "/")
                    assert after.value.startswith("https://" + domain + "/")
                    return
    pytest.fail(f"no @{handle} followed by a {domain} link")


def test_carnegie_links_counted_twice(corpus: Any) -> None:
    assert corpus_stats(corpus).domains["carnegie.ru"] == 2
    assert corpus_stats(corpus).domains["bloomberg.com"] == 2


@pytest.mark.parametrize("spec", ["CN", "cn", "🇨🇳", "china", "China"])
def test_china_filter(corpus: Any, index: Any, spec: str) -> None:
    assert filter_threads(corpus, index, [resolve_flag(spec)]) == CHINA_RUSSIA


@pytest.mark.parametrize("spec", ["UA", "NR", "SE"])
def test_flags_nobody_uses(index: Any, spec: str) -> None:
    """🇺🇦 hides inside 🇷🇺🇦🇲 and 🇳🇷 inside 🇨🇳🇷🇺; pairing from the left finds neither."""
    assert threads_with_flags(index, [resolve_flag(spec)]) == []


def test_several_flags_mean_all_of_them(index: Any) -> None:
    assert threads_with_flags(index, ["CN", "AM"]) == []
    assert threads_with_flags(index, ["RU", "AM"]) == [0]
    assert threads_with_flags(index, ["CN", "RU"]) == CHINA_RUSSIA


def test_unknown_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(UnknownFlagError):
        resolve_flag("atlantis")
    assert main(["export", "--flag", "atlantis", str(SEED)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert "atlantis" in captured.err


@pytest.mark.parametrize("query", ["huawei", "MOSCOW", "沈阳", "🇨🇳🇷🇺", "force a refresh", "xyzzy"])
def test_search_fast_equals_slow(corpus: Any, query: str) -> None:
    assert threads_matching(corpus, query) == threads_matching_slowly(corpus, query)


def test_search_skips_chrome(corpus: Any) -> None:
    assert threads_matching(corpus, "force a refresh") == []


def check_related(ranked: list[int], thread: int) -> None:
    """The other China–Russia threads rank above thread 1 (0-based 0), if it shows at all."""
    assert thread not in ranked
    others = [t for t in CHINA_RUSSIA if t != thread]
    assert any(t in ranked for t in others)
    if 0 in ranked:
        for other in others:
            assert other in ranked
            assert ranked.index(other) < ranked.index(0)


@pytest.mark.parametrize("thread", CHINA_RUSSIA)
def test_related_threads(index: Any, thread: int) -> None:
    related = related_threads(index, thread)
    assert len(related) <= 5
    assert all(r.reasons for r in related)
    check_related([r.thread for r in related], thread)


def test_cli_export_related(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--related", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    threads = data["threads"]
    assert len(threads) == 7
    assert [[p["number"] for p in t["posts"]] for t in threads] == NUMBERS
    assert [t["flags"] for t in threads] == FLAGS
    assert [t["missing"] for t in threads] == [[13], [1], [], [], [], [], []]
    assert [(s["line"], s["text"]) for s in data["skipped"]] == [
        (18, "• • •"),
        (19, "Missing some Tweet in this thread? You can try to"),
        (20, "force a refresh"),
    ]
    ids = [t["id"] for t in threads]
    for thread in CHINA_RUSSIA:
        ranked = [ids.index(r["id"]) for r in threads[thread]["related"]]
        check_related(ranked, thread)
    for thread in threads:
        for post in thread["posts"]:
            for entity in post["entities"]:
                assert post["text"][entity["start"] : entity["end"]] == entity["text"]


def test_cli_export_china(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--flag", "🇨🇳", "--flag", "russia", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [t["flags"] for t in data["threads"]] == [FLAGS[t] for t in CHINA_RUSSIA]


def test_cli_stats_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--json", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["threads"] == 7
    assert data["posts"] == sum(len(n) for n in NUMBERS) == 33
    assert data["missing"] == 2
    assert data["entities"] == ENTITY_COUNTS
    assert sum(data["flags"].values()) == 27
    assert set(data["flags"]) == {"RU", "AM", "US", "EU", "AZ", "TR", "CN"}
