"""Words and phrases one thread holds are counted, not kept in the index (`index_sole`): every
related list is the same as from the index that keeps them, on the seed, the demo corpus and
generated corpora of both shapes, and so is each thread's cost."""

from __future__ import annotations

import pickle

import pytest

from parsing import build_index, related, related_scores
from parsing.corpus import Corpus
from parsing.index import CorpusIndex, Feature
from parsing.loader import load_corpus
from tui.assets import demo_dir

from .helpers import SEED, SHARED, parse_text


def generated(posts: int, seed: int, shape: str) -> Corpus:
    from tests.bench.generate import generate

    return parse_text("".join(line + "\n" for line in generate(posts, seed, shape)))


def same_rankings(corpus: Corpus) -> tuple[CorpusIndex, CorpusIndex]:
    """Both indexes of `corpus`, after checking that they rank every thread alike."""
    kept = build_index(corpus, keep_sole=True)
    index = build_index(corpus)
    listed = 0
    for thread in range(corpus.thread_count):
        found = related.related_threads(index, thread)
        assert found == related.related_threads(kept, thread)
        assert related.related_cost(index, thread) == related.related_cost(kept, thread)
        assert index.feature_count(thread) == len(kept.features[thread])
        listed += bool(found)
    assert listed > corpus.thread_count // 4
    return kept, index


@pytest.mark.parametrize(("posts", "seed", "shape"), [(3_000, 3, "many"), (3_000, 4, "few")])
def test_generated_corpora_rank_alike(posts: int, seed: int, shape: str) -> None:
    """On generated corpora of many handles and of few, every thread's related threads (and
    their scores and reasons) and its cost are the same without the terms held alone, and
    the index holds fewer features: no term of one thread is left in it."""
    kept, index = same_rankings(generated(posts, seed, shape))
    assert sum(index.sole) > 0
    assert len(index.postings) == len(kept.postings) - sum(index.sole)
    assert not any(
        len(held) == 1 and kind in ("word", "phrase") for (kind, _), held in index.postings.items()
    )


def test_the_demo_ranks_alike() -> None:
    """The demo corpus's related threads are the same without the terms held alone."""
    same_rankings(load_corpus(sorted(map(str, demo_dir().iterdir()))))


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent")
def test_the_seed_ranks_alike() -> None:
    """The seed's related threads are the same without the terms held alone."""
    same_rankings(load_corpus([str(SEED)]))


@pytest.fixture(scope="module")
def both() -> tuple[CorpusIndex, CorpusIndex]:
    """A generated corpus of many handles, its first thread saved again at its end (one thread
    saved twice), indexed with and without the terms held alone."""
    from tests.bench.generate import generate

    lines = list(generate(3_000, 9, "many"))
    # Its first nine lines are its first thread (the next opens at `2/` after `9/`).
    corpus = parse_text("".join(line + "\n" for line in lines + lines[:9]))
    return build_index(corpus, keep_sole=True), build_index(corpus)


def weighted(index: CorpusIndex, thread: int) -> dict[Feature, float]:
    """The thread's features weighted as `related_threads` weighs them."""
    return related.thread_weights(index, thread)[2]


@pytest.mark.parametrize(
    ("candidates", "reads"),
    [(related._CANDIDATE_BUDGET, related._READ_BUDGET), (12, 30)],
    ids=["as-set", "small-budgets"],
)
def test_the_candidates_are_the_same(
    both: tuple[CorpusIndex, CorpusIndex],
    candidates: int,
    reads: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each thread's candidates are the same threads, also where the budgets of holders read
    and of candidates are reached (small ones here, so that many reach them): the terms a
    thread holds alone are the rarest, each read first with the thread as its one holder, so
    they take their share of the holders read without making another thread a candidate."""
    monkeypatch.setattr(related, "_CANDIDATE_BUDGET", candidates)
    monkeypatch.setattr(related, "_READ_BUDGET", reads)
    kept, index = both
    cap = related._rare_cap(index)
    reads_reached = 0
    for thread in range(len(index.features)):
        found = related._candidates(index, thread, weighted(index, thread), related.MAX_RELATED)
        expected = related._candidates(kept, thread, weighted(kept, thread), related.MAX_RELATED)
        assert found == expected
        rare = sum(
            size
            for size in map(len, map(index.threads_with, index.features[thread]))
            if size <= cap
        )
        alone = index.sole_count(thread)
        reads_reached += alone > 0 and rare + alone > reads
    assert reads_reached > 0 or reads == related._READ_BUDGET


def test_the_same_threads_saved_twice_are_found(both: tuple[CorpusIndex, CorpusIndex]) -> None:
    """Whether two threads are one saved twice counts the features each holds alone, for
    every pair of threads sharing a feature."""
    kept, index = both
    pairs = same = 0
    for thread in range(len(index.features)):
        for other in related._candidates(
            index, thread, weighted(index, thread), related.MAX_RELATED
        ):
            shared = set(index.features[thread]).intersection(index.features[other])
            expected = related._same_thread(kept, thread, other, shared)
            assert related._same_thread(index, thread, other, shared) == expected
            pairs, same = pairs + 1, same + expected
    assert pairs > 0 and same > 0


@pytest.mark.parametrize("read_per_hash", [0.05, 0.055, 0.06, 0.065, related_scores._READ_PER_HASH])
def test_rough_scores_are_read_the_same_way(
    both: tuple[CorpusIndex, CorpusIndex], read_per_hash: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rough scores are read from the holders or from the candidates for the same threads as
    when the terms held alone are kept (the two add in other orders), whatever the balance
    between the two ways (this corpus's threads read about 0.05 to 0.08 holders a feature
    hashed: the balances tried split them)."""
    monkeypatch.setattr(related_scores, "_READ_PER_HASH", read_per_hash)
    ways: list[str] = []
    for way in ("_from_holders", "_from_candidates"):
        original = getattr(related_scores, way)

        def noted(*args: object, _way: str = way, _original: object = original) -> object:
            ways.append(_way)
            return _original(*args)  # type: ignore[operator]

        monkeypatch.setattr(related_scores, way, noted)
    for index in both:
        for thread in range(len(index.features)):
            related.related_threads(index, thread)
    half = len(ways) // 2
    assert ways[:half] == ways[half:]
    assert len(set(ways)) == 2 or read_per_hash == related_scores._READ_PER_HASH


def test_counts_follow_the_features_kept() -> None:
    """A thread's uses stay paired with the features kept, in their order, and the counts of
    terms held alone survive a pickle round trip (the index comes pickled from another
    process or the cache)."""
    corpus = generated(600, 8, "many")
    kept = build_index(corpus, keep_sole=True)
    index = pickle.loads(pickle.dumps(build_index(corpus), protocol=5))
    for thread in range(corpus.thread_count):
        uses = dict(zip(kept.features[thread], kept.counts[thread], strict=True))
        assert list(index.counts[thread]) == [uses[f] for f in index.features[thread]]
        assert set(index.features[thread]) <= set(uses)
        assert index.sole_count(thread) == len(uses) - len(index.features[thread])
    assert sum(index.sole) > 0


def test_an_index_of_entities_alone_counts_nothing_alone() -> None:
    """An index without words holds no count of terms held alone: a thread's features are
    all in `features`."""
    index = build_index(generated(300, 2, "many"), with_words=False)
    assert index.sole_count(0) == 0
    assert index.feature_count(0) == len(index.features[0])
