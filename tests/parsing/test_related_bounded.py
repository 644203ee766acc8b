"""Bounded candidates should list nearly what scoring every holder lists, on a generated corpus of
few handles (each in thousands of threads, where the flags of a pair make most lists)."""

from __future__ import annotations

import pytest

from parsing import build_index, related

from .helpers import parse_text


@pytest.mark.xfail(
    strict=True,
    reason="candidates are chosen by the rare features alone, and the chance score is the median"
    " of the best chosen: too high a cut (27% and 54% listed). Counting flag pairs in the choice"
    " and reading the chance score from a spread of the holders read lists 70% and more, but"
    " costs a call 4 ms at 1M posts of few handles against 1 ms",
)
@pytest.mark.parametrize(("candidates", "reads"), [(20, 200), (40, 400)])
def test_bounded_candidates_list_most_of_what_every_holder_lists(
    candidates: int, reads: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With budgets small enough that most threads reach them, at least 70% of the threads
    listed when every holder of a rare feature is scored are still listed, and no more than
    a fifth more threads are listed in all: the candidates a flag pair lifts are chosen, and
    the chance score is read from holders spread over all those read, not from the best."""
    from tests.bench.generate import generate

    lines = generate(3_000, 5, "few")
    index = build_index(parse_text("".join(line + "\n" for line in lines)))
    threads = range(len(index.features))
    every = {
        thread: {r.thread for r in related.related_threads(index, thread)} for thread in threads
    }
    monkeypatch.setattr(related, "_CANDIDATE_BUDGET", candidates)
    monkeypatch.setattr(related, "_READ_BUDGET", reads)
    bounded = {
        thread: {r.thread for r in related.related_threads(index, thread)} for thread in threads
    }
    listed = sum(map(len, every.values()))
    kept = sum(len(every[thread] & bounded[thread]) for thread in threads)
    assert listed > len(threads)
    assert kept >= 0.7 * listed
    assert sum(map(len, bounded.values())) <= 1.2 * listed
