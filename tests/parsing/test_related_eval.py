"""Related threads judged on a labelled corpus (tests/fixtures/related, `labels.txt`): short and
long threads on seven topics in five languages, a thread saved twice, and threads that share only
a flag or a word with another topic."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from parsing import build_index, load_corpus, related, related_scores
from parsing.related import SAME_THREAD, related_threads
from parsing.related_scores import with_flags

from .helpers import FIXTURES, parse_text

FOLDER = FIXTURES / "related"
HIT_AT_5 = 0.9
"""Share of threads with a topic-mate that have one among their first five (measured: 21/21)."""
PRECISION = 0.85
"""Share of listed threads that are topic-mates (measured: 36/36)."""


def labels() -> dict[str, str]:
    lines = (FOLDER / "labels.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split() for line in lines if line and not line.startswith("#"))


@pytest.fixture(scope="module")
def labelled() -> tuple[Any, Any, list[str], dict[str, int]]:
    """(corpus, index, topic of each thread, thread of each file name)."""
    topics = labels()
    corpus = load_corpus([FOLDER / name for name in sorted(topics)])
    names = [Path(corpus.source_of(thread).name).name for thread in range(corpus.thread_count)]
    assert sorted(names) == sorted(topics)  # one thread per file
    index = build_index(corpus)
    return corpus, index, [topics[name] for name in names], {n: t for t, n in enumerate(names)}


def test_hit_at_5_and_precision(labelled: Any) -> None:
    """Most threads with a topic-mate list one among their first five, and most listed threads
    are topic-mates."""
    corpus, index, topic, _ = labelled
    with_mate = hits = listed = mates = 0
    for thread in range(corpus.thread_count):
        found = [r.thread for r in related_threads(index, thread)]
        right = [other for other in found if topic[other] == topic[thread]]
        if topic.count(topic[thread]) > 1:
            with_mate += 1
            hits += bool(right)
        listed += len(found)
        mates += len(right)
    assert with_mate == 21
    assert hits / with_mate >= HIT_AT_5
    assert mates / listed >= PRECISION


def test_never_itself(labelled: Any) -> None:
    """No thread is related to itself."""
    corpus, index, _, _ = labelled
    for thread in range(corpus.thread_count):
        assert thread not in [r.thread for r in related_threads(index, thread)]


def test_a_thread_saved_twice_is_the_same_thread(labelled: Any) -> None:
    """A copy of a thread comes first, marked as the same thread; its topic-mates follow as
    related threads."""
    _, index, _, thread_of = labelled
    found = related_threads(index, thread_of["grain_corridor_long.txt"])
    assert found[0].thread == thread_of["grain_corridor_long_copy.txt"]
    assert found[0].same and found[0].reasons == (SAME_THREAD,)
    assert found[1].thread == thread_of["grain_corridor_short.txt"]
    assert not any(r.same for r in found[1:])


def test_a_short_thread_on_a_long_ones_topic_is_related_not_the_same(labelled: Any) -> None:
    """A one-post summary of a long thread shares its key terms but is another thread."""
    _, index, _, thread_of = labelled
    found = related_threads(index, thread_of["arctic_ice_short.txt"])
    assert found[0].thread == thread_of["arctic_ice_long.txt"]
    assert not found[0].same


def test_a_shared_flag_alone_relates_nothing(labelled: Any) -> None:
    """The hiking thread shares 🇺🇦 with the grain and football threads and nothing else."""
    _, index, _, thread_of = labelled
    assert related_threads(index, thread_of["hiking_ukraine_flag.txt"]) == []


def test_threads_sharing_only_words_are_related(labelled: Any) -> None:
    """Two threads with no flag, handle, tag or link in common are related by their words."""
    _, index, _, thread_of = labelled
    found = related_threads(index, thread_of["chips_lithography_short.txt"])
    assert [r.thread for r in found] == [thread_of["chips_export_controls.txt"]]


def test_reasons_are_phrases_and_handles_as_written(labelled: Any) -> None:
    """Reasons name shared phrases rather than single words, heaviest first, and handles with
    the case the text gives them."""
    _, index, _, thread_of = labelled
    found = related_threads(index, thread_of["reserves_seizure_short.txt"])
    reasons = found[0].reasons
    assert found[0].thread == thread_of["reserves_freeze.txt"]
    assert "central bank" in reasons and "windfall profits" in reasons
    assert sum(" " in reason for reason in reasons) >= 2
    found = related_threads(index, thread_of["football_deadline.txt"])
    assert "@transfer_desk" in found[0].reasons


def test_a_hashtag_relates_threads_in_two_languages(labelled: Any) -> None:
    """The Russian thread on a bot network shares only its hashtag's words with the English
    ones: that is enough, and the reason shows the tag as written."""
    _, index, _, thread_of = labelled
    found = related_threads(index, thread_of["bots_ru.txt"])
    assert {r.thread for r in found} == {
        thread_of["bots_election.txt"],
        thread_of["bots_election_short.txt"],
    }
    assert "#BotNetwork" in found[0].reasons


def test_a_handle_keeps_the_case_it_is_written_in() -> None:
    """A handle written `@Grain_Watch` is shown so in the reasons, though matched in any case."""
    corpus = parse_text(
        "1/ Port strikes at Izmail per @Grain_Watch: the silos burned overnight, and tonnes of "
        "maize with them\n2/ Insurers will raise premiums again\n\n"
        "1/ Maize prices rose after the Izmail silos burned, says @grain_watch\n\n"
        "1/ A recipe for barley soup with mushrooms"
    )
    index = build_index(corpus)
    (found,) = related_threads(index, 1)
    assert found.thread == 0
    assert "@Grain_Watch" in found.reasons


def test_export_marks_the_same_thread(labelled: Any) -> None:
    """`export --related` JSON keeps {id, score, reasons} and adds `"same": true` only to the
    copy of a thread; the model reads it back."""
    import io
    import json

    from parsing.export import export_model
    from parsing.export_json import write_json

    corpus, index, _, thread_of = labelled
    thread = thread_of["grain_corridor_long.txt"]
    out = io.StringIO()
    write_json(corpus, index, [thread], out, with_related=True)
    related = json.loads(out.getvalue())["threads"][0]["related"]
    assert related[0]["same"] is True and related[0]["reasons"] == [SAME_THREAD]
    assert all(set(item) == {"id", "score", "reasons"} for item in related[1:])
    model = export_model(corpus, index, [thread], with_related=True)
    assert model.threads[0].related is not None and model.threads[0].related[0].same


def _check_rough_scores(index: Any) -> int:
    """How many candidates' rough scores were checked against their shared features."""
    checked = 0
    for thread in range(len(index.features)):
        features, weights, weighted = related.thread_weights(index, thread)
        candidates = related._candidates(index, thread, weighted, related.MAX_RELATED)
        rough = related_scores.rough_scores(index, features, candidates, weighted, weights).scores
        for other in candidates:
            shared = set(features).intersection(index.features[other])
            expected = with_flags(sum(map(weighted.get, shared)), shared, weights)
            assert rough.get(other, 0.0) == pytest.approx(expected, rel=1e-12)
            checked += 1
    return checked


@pytest.fixture(params=["holders as lists", "holders as sets", "from the candidates"])
def either_way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rough scores read from the holders of each feature kept as lists or as sets, or from
    each candidate's features."""
    if request.param == "from the candidates":
        monkeypatch.setattr(related_scores, "_READ_PER_HASH", -1)
        return
    monkeypatch.setattr(related_scores, "_READ_PER_HASH", 10**9)
    if request.param == "holders as sets":
        monkeypatch.setattr(related_scores, "SET_FROM", 0)


@pytest.mark.usefixtures("either_way")
def test_rough_scores_are_the_sums_of_shared_features(labelled: Any) -> None:
    """Each candidate's rough score, either way, is the sum over the features it shares of
    their weight as this thread uses them, as read from the candidate's own features."""
    assert _check_rough_scores(labelled[1]) > 80


@pytest.mark.usefixtures("either_way")
def test_rough_scores_of_threads_sharing_two_flags() -> None:
    """Two flags or more shared count five times their share in the rough score, either way."""
    corpus = parse_text(
        "1/ 🇨🇳 🇷🇺 pipeline talks stall over gas prices\n\n"
        "1/ 🇨🇳 🇷🇺 the pipeline deal and its gas volumes\n\n"
        "1/ 🇷🇺 🇨🇳 🇰🇿 transit fees for gas through the steppe\n\n"
        "1/ 🇫🇷 cheese prices at the market"
    )
    assert _check_rough_scores(build_index(corpus)) >= 6


def test_the_lists_are_the_same_whichever_way_rough_scores_are_read(
    labelled: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every thread's related threads, scores and reasons are the same when rough scores are
    read from the holders (kept as lists or as sets) or from the candidates' features."""
    index = labelled[1]
    lists = []
    for setting in ({"_READ_PER_HASH": 10**9}, {"SET_FROM": 0}, {"_READ_PER_HASH": -1}):
        for name, value in setting.items():
            monkeypatch.setattr(related_scores, name, value)
        lists.append([related_threads(index, t) for t in range(len(index.features))])
    assert sum(map(len, lists[0])) > 20
    assert lists[0] == lists[1] == lists[2]
