"""A query typed into the reader in a real terminal (tmux, 120x40), as a user sees it: from the
last key until the thread list settles on the query's answer.

    python -m tests.bench.terminal_search --posts 1000000 --shape many --query do_ka_im56
    python -m tests.bench.terminal_search --posts 1000000 --before /tmp/old-checkout --runs 3
    python -m tests.bench.terminal_search --posts 1000000 --loading    # typed as it loads

Each run launches the reader (its own command line, from the checkout's folder, an empty cache
folder) and, once indexing is done (or, with `--loading`, as soon as the first row is painted),
types `/` and the query one key every 100 ms with `tmux send-keys`. It then reads the screen
every few milliseconds: the list has settled once its pane (the thread list, with its title
`N of M threads`) has not changed for `--quiet` seconds; the time is that of its last change,
counted from the last key. The count the title shows is checked against the query's answer,
found in this process from the same file. While the corpus loads, the list also changes as
threads come in, so `--loading` reports the first screen after the last key whose count is the
answer's count over the threads the title says are in (in corpus order), and the settling.
Times are read by polling `tmux capture-pane`, so they include tmux's drawing and a few
milliseconds of polling.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import re
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.bench import XDG_FOLDERS, keep_out_of_home

from .run import corpus_file
from .tmux_pane import bench_options, pane_rows, tmux, wait_until

HERE = Path(__file__).resolve().parents[2]
_SESSION = f"threadline-bench-search-{os.getpid()}"
KEY_INTERVAL = 0.1
"""Ten keys a second, a fast typist's pace."""
_LIST_WIDTH = 51
"""Columns of the thread list's pane."""
_FIRST_ROW = re.compile(r"^│.[ •★☆]?\S.*\d")
"""The thread list's first row once it shows a thread (a title may open with `@` or `#`)."""
_COUNT = re.compile(r"(\d+) of (\d+) threads")
QUERIES = {"few": ["nadia88", "farid55", "quota"], "many": []}
"""Queries for each shape; the many-handles shape's own are picked from the corpus
(`_picked_queries`): a handle in many threads, one in few, and a word."""


def _screen() -> list[str]:
    return pane_rows(_SESSION)


def _list_pane(rows: list[str]) -> str:
    """The thread list as drawn: its pane's columns of every row but the header and the
    search line's."""
    return "\n".join(row[:_LIST_WIDTH] for row in rows[1:36])


def _shown_count(pane: str) -> tuple[int, int] | None:
    found = _COUNT.search(pane.split("\n", 1)[0])
    return (int(found[1]), int(found[2])) if found else None


def _answers(path: Path, queries: list[str]) -> dict[str, list[int]]:
    """The threads holding each query (in corpus order), kept beside the corpus."""
    kept = path.with_suffix(".answers.json")
    known: dict[str, list[int]] = json.loads(kept.read_text()) if kept.exists() else {}
    missing = [query for query in queries if query not in known]
    if missing:
        from parsing import load_corpus
        from parsing.search import threads_matching

        corpus = load_corpus([str(path)])
        for query in missing:
            known[query] = threads_matching(corpus, query)
        known["__threads__"] = [corpus.thread_count]
        kept.write_text(json.dumps(known))
    return known


def _picked_queries(path: Path) -> list[str]:
    """For a corpus of many handles: the handle in most threads' text, one in about a
    hundredth of that, and a word of the corpus's own."""
    from collections import Counter

    handles: Counter[str] = Counter()
    with path.open(encoding="utf-8") as corpus:
        for number, line in enumerate(corpus):
            if number > 200_000:
                break
            handles.update(re.findall(r"@([a-z_]+\d+)\b", line))
    common = [handle for handle, _ in handles.most_common()]
    rare = common[len(common) // 2]
    return [common[0], rare, "exvi"]


def run_once(
    checkout: Path, path: Path, queries: list[str], *, loading: bool, quiet: float
) -> list[dict]:
    """Launch the reader of `checkout` on `path`, type each query in turn (escape clears the
    search between two), and time the list."""
    tmux("kill-session", "-t", _SESSION, check=False)
    with tempfile.TemporaryDirectory() as cache_home:
        folders = {name: os.environ[name] for name in XDG_FOLDERS if name in os.environ}
        folders |= {"XDG_CACHE_HOME": cache_home, "XDG_STATE_HOME": cache_home}
        folders["HOME"] = cache_home
        assigned = " ".join(f"{name}={shlex.quote(value)}" for name, value in folders.items())
        command = (
            f"env {assigned} {shlex.quote(sys.executable)} -m tui.cli {shlex.quote(str(path))}"
        )
        tmux("new", "-d", "-s", _SESSION, "-c", str(checkout), "-x", "120", "-y", "40", command)
        try:
            wait_until(lambda: len(rows := _screen()) > 2 and _FIRST_ROW.search(rows[2]), 600)
            if not loading:
                wait_until(lambda: "%" not in _screen()[0], 900)
                time.sleep(1.0)
            results = []
            for query in queries:
                results.append(_typed(query, quiet))
                tmux("send-keys", "-t", _SESSION, "Escape")
                time.sleep(1.0)
            return results
        finally:
            tmux("kill-session", "-t", _SESSION, check=False)


def _typed(query: str, quiet: float) -> dict:
    """Type `query` and follow the list until it has been still for `quiet` seconds."""
    tmux("send-keys", "-t", _SESSION, "/")
    time.sleep(0.3)
    started = time.perf_counter()
    trace: list[tuple[float, str]] = []
    last_key = started
    for number, key in enumerate(query):
        delay = started + number * KEY_INTERVAL - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        last_key = time.perf_counter()
        tmux("send-keys", "-t", _SESSION, "-l", key)
    pane, changed = _list_pane(_screen()), time.perf_counter()
    trace.append((changed, pane))
    while time.perf_counter() - changed < quiet:
        now_pane = _list_pane(_screen())
        if now_pane != pane:
            pane, changed = now_pane, time.perf_counter()
            trace.append((changed, pane))
        time.sleep(0.002)
    typed = _screen()[37][:_LIST_WIDTH] if len(_screen()) > 37 else ""
    return {
        "trace": [(1000 * (at - last_key), _shown_count(text)) for at, text in trace],
        "settled_ms": 1000 * (changed - last_key),
        "count": _shown_count(pane),
        "typed": typed.strip(" ▊▎"),
    }


def _first_right(result: dict, answer: list[int], every: int) -> float | None:
    """Milliseconds from the last key to the first screen whose count is the answer's over
    the threads it says are in (the threads are read in corpus order)."""
    for at, count in result["trace"]:
        if at < 0 or count is None:
            continue
        shown, total = count
        in_so_far = len(answer) if total >= every else bisect.bisect_left(answer, total)
        if shown == in_so_far:
            return float(at)
    return None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--shape", choices=("few", "many"), default="few")
    parser.add_argument("--query", nargs="+", help="queries to type (default: per shape)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--loading", action="store_true", help="type as soon as it paints")
    parser.add_argument("--quiet", type=float, default=1.5, help="seconds the list stays still")
    parser.add_argument("--trace", action="store_true", help="print each change of the list")
    parser.add_argument("--before", type=Path, help="another checkout, measured alike first")
    options = bench_options(parser, argv)
    path = corpus_file(options.folder, options.posts, shape=options.shape)
    queries = options.query or QUERIES[options.shape] or _picked_queries(path)
    answers = _answers(path, queries)
    every = answers["__threads__"][0]
    checkouts = [("after", HERE)]
    if options.before is not None:
        checkouts.insert(0, ("before", options.before.resolve()))
    when = "while loading" if options.loading else "indexed"
    print(
        f"typed search in tmux, {options.posts:,} posts ({options.shape}, {every} threads), {when}"
    )
    timings: dict[tuple[str, str], list[float]] = {}
    # Checkouts alternate, so load drifts alike on both. A reader loading types one query.
    batches = [[query] for query in queries] if options.loading else [queries]
    for _ in range(options.runs):
        for batch in batches:
            for label, checkout in checkouts:
                results = run_once(
                    checkout, path, batch, loading=options.loading, quiet=options.quiet
                )
                for query, result in zip(batch, results, strict=True):
                    _show(
                        label, query, result, answers[query], every=every,
                        loading=options.loading, timings=timings, trace=options.trace,
                    )  # fmt: skip
    for (label, query), figures in timings.items():
        print(
            f"{label:<6} {query!r:<14} last key -> list: median {statistics.median(figures):6.0f}"
            f" ms, max {max(figures):6.0f} ms ({len(figures)} runs)"
        )


def _show(
    label: str,
    query: str,
    result: dict,
    answer: list[int],
    *,
    every: int,
    loading: bool,
    timings: dict[tuple[str, str], list[float]],
    trace: bool = False,
) -> None:
    right = _first_right(result, answer, every)
    ok = result["count"] is not None and (loading or result["count"][0] == len(answer))
    figure = right if loading else result["settled_ms"]
    timings.setdefault((label, query), []).append(
        figure if figure is not None and ok else float("nan")
    )
    print(
        f"  {label:<6} {query!r:<14} settled {result['settled_ms']:6.0f} ms"
        f"  first right {right if right is None else round(right)} ms"
        f"  shows {result['count']} (answer {len(answer)})"
        f"  updates {len(result['trace']) - 1}  typed {result['typed']!r}",
        flush=True,
    )
    if trace:
        print("    " + "  ".join(f"{at:.0f}:{count}" for at, count in result["trace"]))


if __name__ == "__main__":
    keep_out_of_home()
    main()
