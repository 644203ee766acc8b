"""A query typed into the reader at 10 keys a second: time from the last key to the final list.

    python -m tests.bench.typed_search                         # 100k and 1M posts
    python -m tests.bench.typed_search --before ../main        # and an older checkout, same run
    python -m tests.bench.typed_search --sizes 100000 --query nadia88 farid55 --runs 3

For each size it generates a corpus (tests/bench/generate.py, fixed seed), starts the reader
headless (Pilot, 120x40) in a process of its own for each checkout, waits until the corpus is
indexed, then for each query and run: `/`, the query one key every 100 ms, and the time from
the last key until the list holds the last key's answer (the search line's result applied, not
a narrower or wider list on the way). Between runs, escape clears the search and what the reader
remembers of earlier searches is forgotten, so every run types into a reader that has not seen
the query. Medians and maxima in milliseconds, with the number of list updates during typing.

The queries are of every kind a reader types (`QUERIES`); in the generated corpus (`--shape
few`, the default) `nadia88` and `@yuki_obs` are handles in about one thread in ten, `the` is in
nearly every thread and `quota` in most, `#energy` and `半導体` are hashtags in about a quarter,
`tanker insurance` is in about one thread in sixty, and `farid55` and `zqx` are in none.
`--shape many` reads a corpus of many handles and words (`generate.py`); give it queries of its
own. On a machine shared with other work the wall clock stretches: `typed_search_cpu.py` replays
the same searches in CPU time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

KEY_INTERVAL = 0.1
"""Ten keys a second, a fast typist's pace."""
QUERIES = [
    "nadia88", "@yuki_obs", "the", "quota", "#energy", "半導体", "tanker insurance", "farid55",
    "zqx",
]  # fmt: skip
"""A handle, a handle with its `@`, a common and a frequent word, hashtags (Latin and not), a
rare phrase, and queries that match nothing (a handle-like one and a short one)."""


async def _type_query(app: Any, pilot: Any, query: str, expected: list[int]) -> tuple[float, int]:
    """Type `query` into the open reader; (ms from the last key to the final list, list
    updates seen while typing).

    Keys are posted to the app as a terminal's driver posts them, on time whatever the reader
    is doing (`Pilot.press` would wait for the app to be idle after each). The final list is
    in at the moment the thread list is given the last key's answer; it is drawn in the next
    frame."""
    from textual import events

    screen = app.main_screen
    threads, bar = screen.thread_list, screen.search_bar
    updates, settled = 0, 0.0
    set_rows = threads.set_rows

    def timed(*args: Any, **keywords: Any) -> None:
        nonlocal updates, settled
        updates += 1
        set_rows(*args, **keywords)
        if screen.filters.search == query and bar.wanted is None and not settled:
            settled = time.perf_counter()

    threads.set_rows = timed
    await pilot.press("slash")
    await pilot.pause(0.3)
    started = time.perf_counter()
    last_key = started
    for number, key in enumerate(query):
        delay = started + number * KEY_INTERVAL - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        last_key = time.perf_counter()
        app.post_message(events.Key("space" if key == " " else key, key))
    while not settled:
        await asyncio.sleep(0.005)
    threads.set_rows = set_rows
    if threads.rows != expected:
        raise AssertionError(f"the list for {query!r} is not the search's answer")
    return 1000 * (settled - last_key), updates


async def _measure_in_reader(path: str, queries: list[str], runs: int) -> dict[str, Any]:
    import tui
    from parsing.search import threads_matching
    from tui.app import ThreadlineApp

    app = ThreadlineApp(paths=[path])
    results: dict[str, Any] = {"code": str(Path(tui.__file__).parent.parent)}
    async with app.run_test(size=(120, 40)) as pilot:
        while not (app.main_screen.indexed and app.remembered.known):
            await asyncio.sleep(0.05)
        await pilot.pause(1.0)
        corpus = app.loader.corpus
        results["threads"] = corpus.thread_count
        for query in queries:
            expected = threads_matching(corpus, query)
            timings, updates = [], []
            for _ in range(runs):
                _forget_searches(app)
                elapsed, seen = await _type_query(app, pilot, query, expected)
                timings.append(elapsed)
                updates.append(seen)
                await pilot.press("escape")
                while app.main_screen.filters.search:
                    await asyncio.sleep(0.01)
                await pilot.pause(0.5)
            results[query] = {"ms": timings, "updates": updates, "matches": len(expected)}
    return results


def _forget_searches(app: Any) -> None:
    """A reader that remembers earlier searches would answer a second run at once."""
    view = app.view
    searches = getattr(view, "searches", None)
    if searches is not None:
        view.searches = type(searches)(view.corpus)
        view._hit_counts.clear()


def _child(path: str, queries: list[str], runs: int) -> None:
    print(json.dumps(asyncio.run(_measure_in_reader(path, queries, runs))))


def _run_checkout(checkout: Path, path: Path, queries: list[str], runs: int) -> dict[str, Any]:
    """Measure in a process that imports the reader from `checkout`."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, PYTHONPATH=str(checkout))
        for name in ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
            env[name] = home
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
    parser.add_argument("--query", nargs="+", default=QUERIES)
    parser.add_argument("--shape", choices=("few", "many"), default="few")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="a checkout of the code to compare with")
    parser.add_argument("--folder", type=Path, help="where the corpora are (made if absent)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        _child(options.child, options.query, options.runs)
        return
    from .run import corpus_file

    here = Path(__file__).resolve().parents[2]
    checkouts = [("after", here)]
    if options.before is not None:
        checkouts.insert(0, ("before", options.before.resolve()))
    folder = options.folder or Path(tempfile.mkdtemp(prefix="threadline-typed-"))
    folder.mkdir(parents=True, exist_ok=True)
    for size in options.sizes:
        path = corpus_file(folder, size, shape=options.shape)
        for label, checkout in checkouts:
            result = _run_checkout(checkout, path, options.query, options.runs)
            print(f"{label}: the reader from {result['code']}", flush=True)
            for query in options.query:
                got = result[query]
                print(
                    f"{size:>9} posts ({result['threads']} threads)  {label:<6} {query!r:<18} "
                    f"{got['matches']:>6} threads  last key -> final list: median "
                    f"{statistics.median(got['ms']):6.0f} ms, max {max(got['ms']):6.0f} ms  "
                    f"(list updates while typing: {got['updates']})",
                    flush=True,
                )


if __name__ == "__main__":
    if "--child" not in sys.argv:  # a child may import an older checkout's `tests`
        from tests.bench import keep_out_of_home

        keep_out_of_home()
    main()
