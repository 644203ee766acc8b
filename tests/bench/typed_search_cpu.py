"""A query typed at 10 keys a second, in process and in CPU time: what the last key costs.

    python -m tests.bench.typed_search_cpu --sizes 1000000 --before ../main

The reader's own bench (`typed_search.py`) times the wall clock, which a machine shared with
other work stretches several times over. This one replays the searches a reader runs as a query
is typed, without the interface: each key's search (`SearchMemory`, as the reader keeps it) runs
for 100 ms of the search thread's CPU time, as it would on an idle machine, then the next key
cancels it; the last key's search runs to its end. It prints, per query, the CPU time of that
last search (median of `--runs`), the candidates it had to look at, and the CPU time of a fresh
search over every thread, for each checkout in a process of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

KEY_CPU = 0.1
"""The CPU seconds a key's search gets before the next key: ten keys a second on an idle core."""


def _measure(path: str, queries: list[str], runs: int) -> dict[str, Any]:
    import parsing
    from parsing import load_corpus
    from parsing.search import threads_matching
    from parsing.search_memory import SearchMemory

    clock = time.thread_time
    corpus = load_corpus([path])
    results: dict[str, Any] = {"code": str(Path(parsing.__file__).parent.parent)}
    for query in queries:
        last, candidates = [], 0
        for _ in range(runs):
            memory = SearchMemory(corpus)
            for end in range(1, len(query)):
                search = memory.start(query[:end])
                stop = clock() + KEY_CPU
                search.run(lambda stop=stop: clock() > stop)
                memory.keep(search)
            started = clock()
            search = memory.start(query)
            candidates = len(search.candidates)
            search.run()
            memory.keep(search)
            last.append(1000 * (clock() - started))
        started = clock()
        found = threads_matching(corpus, query)
        fresh = 1000 * (clock() - started)
        if found != search.found:
            raise AssertionError(f"the typed search for {query!r} is not the fresh one")
        results[query] = {
            "ms": statistics.median(last),
            "candidates": candidates,
            "fresh": fresh,
            "matches": len(found),
        }
    results["threads"] = corpus.thread_count
    return results


def _run_checkout(checkout: Path, path: Path, queries: list[str], runs: int) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    command = [sys.executable, __file__, "--child", str(path), "--runs", str(runs)]
    output = subprocess.run(
        [*command, "--query", *queries], cwd=checkout, env=env, check=True,
        capture_output=True, text=True,
    ).stdout  # fmt: skip
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--query", nargs="+")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shape", choices=("few", "many"), default="few")
    parser.add_argument("--before", type=Path, help="a checkout of the code to compare with")
    parser.add_argument("--folder", type=Path, help="where the corpora are (made if absent)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        print(json.dumps(_measure(options.child, options.query, options.runs)))
        return
    import tempfile

    from .run import corpus_file
    from .typed_search import QUERIES

    queries = options.query or QUERIES
    here = Path(__file__).resolve().parents[2]
    checkouts = [("after", here)]
    if options.before is not None:
        checkouts.insert(0, ("before", options.before.resolve()))
    folder = options.folder or Path(tempfile.mkdtemp(prefix="threadline-typed-"))
    folder.mkdir(parents=True, exist_ok=True)
    for size in options.sizes:
        path = corpus_file(folder, size, shape=options.shape)
        for label, checkout in checkouts:
            result = _run_checkout(checkout, path, queries, options.runs)
            print(f"{label}: the search from {result['code']}", flush=True)
            for query in queries:
                got = result[query]
                print(
                    f"{size:>9} posts ({result['threads']} threads)  {label:<6} {query!r:<18} "
                    f"{got['matches']:>6} threads  last key: {got['ms']:5.0f} ms CPU "
                    f"({got['candidates']:>6} candidates)  fresh search: {got['fresh']:5.0f} ms",
                    flush=True,
                )


if __name__ == "__main__":
    if "--child" not in sys.argv:  # a child may import an older checkout's `tests`
        from tests.bench import keep_out_of_home

        keep_out_of_home()
    main()
