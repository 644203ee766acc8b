"""The index built in two stretches of threads, joined, is the index built in one pass,
wherever the stretches meet."""

from __future__ import annotations

import pickle
from array import array
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsing.corpus import Corpus
from parsing.index import CorpusIndex, _Part, build_index
from parsing.index_pickle import PackedPostings
from parsing.read_loop import plan, read_into

CUTS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
"""Each example indexes a corpus twice, in a forked process: a dozen cover the edges and a few
places between."""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for every example: each corpus is written and read once."""
    return tmp_path_factory.mktemp("cuts")


@cache
def corpus_of(shape: str, folder: Path) -> Corpus:
    """Threads of many handles (or few) from the bench's generator, written and read once."""
    from tests.bench.generate import generate

    path = folder / f"generated-{shape}.txt"
    path.write_text("".join(line + "\n" for line in generate(2_000, 7, shape)), encoding="utf-8")
    corpus = Corpus()
    read_into(corpus, plan([str(path)]))
    return corpus


@cache
def one_pass(shape: str, folder: Path) -> tuple[CorpusIndex, CorpusIndex]:
    """The index of entities and the whole index, built in one pass."""
    corpus = corpus_of(shape, folder)
    return build_index(corpus, with_words=False), build_index(corpus)


@given(shape=st.sampled_from(["many", "few"]), place=st.floats(min_value=-0.1, max_value=1.1))
@CUTS
def test_the_whole_index_is_the_same_wherever_the_cut(
    shape: str, place: float, generated: Path
) -> None:
    """Built in two stretches that meet anywhere (the start, the end, and any thread between;
    a cut past either end is held to it), the whole index equals the one built in one pass:
    postings, features, counts, first writings, the words held by one thread set apart."""
    folder = generated
    corpus = corpus_of(shape, folder)
    assert corpus.thread_count > 20
    cut = round(place * corpus.thread_count)
    assert build_index(corpus, parallel=True, cut=cut) == one_pass(shape, folder)[1]


@given(shape=st.sampled_from(["many", "few"]), place=st.floats(min_value=0.0, max_value=1.0))
@CUTS
def test_the_entities_handed_over_are_the_same_wherever_the_cut(
    shape: str, place: float, generated: Path
) -> None:
    """The index of entities handed over before the words (what filters read) equals the one
    built in one pass, wherever the two stretches meet."""
    folder = generated
    corpus = corpus_of(shape, folder)
    handed: list[CorpusIndex] = []
    build_index(
        corpus, entities_done=handed.append, with_words=False, parallel=True,
        cut=round(place * corpus.thread_count),
    )  # fmt: skip
    assert handed == [one_pass(shape, folder)[0]]


def test_a_stretch_comes_back_from_its_process_as_it_was() -> None:
    """A stretch's findings pickled back from the forked process (its words' postings packed
    into one array, the entities' kept whole) are unpickled equal, every postings key in its
    order."""
    part = _a_part()
    back = pickle.loads(pickle.dumps(part, pickle.HIGHEST_PROTOCOL))
    assert back == part
    assert list(back.postings) == list(part.postings)


def test_a_stretch_sends_its_words_postings_packed() -> None:
    """The words' and phrases' postings of a stretch go back as one packed array, not one
    pickled array each."""
    state = _a_part().__getstate__()
    assert isinstance(state["postings"], PackedPostings)
    assert state["postings"].threads == array("I", [3, 4, 3, 4, 5])


def _a_part() -> _Part:
    return _Part(
        features=[(("mention", "ana"), ("word", "tide"))],
        counts=[b"\x01\x02"],
        postings={
            ("mention", "ana"): array("I", [3]),
            ("word", "tide"): array("I", [3, 4]),
            ("hashtag", "sea"): array("I", [4, 7]),
            ("phrase", "high tide"): array("I", [3, 4, 5]),
        },
        written={("mention", "ana"): "Ana"},
    )


def test_a_stretch_pickled_without_packed_postings_is_refused() -> None:
    """A stretch's state whose postings are not packed (another layout) is refused as an
    unpickling error, as an index's is, whatever the interpreter's flags."""
    state = {**_a_part().__dict__}
    with pytest.raises(pickle.UnpicklingError):
        _Part().__setstate__(state)
