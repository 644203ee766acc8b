"""The word pass of the index (document frequency, then each thread's terms) in two checkouts:
CPU seconds of each, run in turn in the same run, and whether both give the same index.

    git archive <commit> | tar -x -C /tmp/before
    python -m tests.bench.word_pass --before /tmp/before --runs 5 \\
        --corpus /tmp/threadline-bench/corpus-100000-many.txt

Each run loads the corpus and indexes its entities in a fresh process of each checkout (that
work is not timed), then times `_document_frequency` and `_word_part` over every thread on one
core, as CPU time (the machine may be busy with others). Each process also prints a digest of
what the pass made (features, counts, lengths, postings and written forms): the two checkouts
must agree on it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from tests.bench import keep_out_of_home

HERE = Path(__file__).resolve().parents[2]

CHILD = """
import hashlib, json, sys, time
from pathlib import Path
from parsing import index
from parsing.loader import load_corpus

corpus = load_corpus([Path(sys.argv[1])])
entities = index.build_index(corpus, with_words=False)
threads = range(corpus.thread_count)
started = time.process_time()
frequency = index._document_frequency(corpus, entities)
counted = time.process_time()
part = index._word_part(corpus, entities, frequency, threads, lambda done, total: None)
finished = time.process_time()
made = (part.features, part.counts, list(part.lengths), sorted(
    (feature, list(holders)) for feature, holders in part.postings.items()
), sorted(part.written.items()))
print(json.dumps({
    "document frequency": counted - started,
    "terms of each thread": finished - counted,
    "digest": hashlib.sha256(repr(made).encode()).hexdigest(),
}))
"""


def word_pass(checkout: Path, corpus: Path) -> dict[str, float | str]:
    """CPU seconds of each step of the word pass of `corpus` by `checkout`, and its digest."""
    environment = {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(corpus)],
        cwd=checkout,
        env=environment,
        capture_output=True,
        check=True,
    )
    result: dict[str, float | str] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the other checkout")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    runs: dict[str, list[dict[str, float | str]]] = {"before": [], "after": []}
    for _ in range(options.runs):  # in turn, so that a busy machine slows both alike
        runs["before"].append(word_pass(options.before, options.corpus))
        runs["after"].append(word_pass(HERE, options.corpus))
    digests = {str(run["digest"]) for results in runs.values() for run in results}
    print(f"{options.corpus.name}: {options.runs} runs, median CPU seconds")
    totals = {}
    for name, results in runs.items():
        steps = {
            step: statistics.median(float(run[step]) for run in results)
            for step in ("document frequency", "terms of each thread")
        }
        totals[name] = statistics.median(
            float(run["document frequency"]) + float(run["terms of each thread"]) for run in results
        )
        shown = "  ".join(f"{step} {seconds:.2f} s" for step, seconds in steps.items())
        print(f"  {name:6}  {shown}  word pass {totals[name]:.2f} s")
    print(f"  after/before {totals['after'] / totals['before']:.2f}")
    print("  same index" if len(digests) == 1 else f"  DIFFERENT INDEXES: {sorted(digests)}")


if __name__ == "__main__":
    keep_out_of_home()
    main()
