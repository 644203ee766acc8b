"""Related threads of two checkouts side by side, on one index: CPU milliseconds per call and
whether they list the same threads (and, where this checkout has it, the batched path of
`export --related`, against this checkout's lists).

    git worktree add /tmp/before <commit>
    python -m tests.bench.related_ab --before /tmp/before --posts 100000 --shape many
    flock /tmp/threadline-bench/1m.lock python -m tests.bench.related_ab --before /tmp/before \
        --posts 1000000

The index is built once by this checkout (and once more keeping the terms one thread holds, for
a checkout older than `parsing/index_sole.py`); the other checkout's `parsing/related.py` (with its
`related_scores.py`) is loaded
beside this one's and both are called on the same threads (300, spread over the corpus), in
turn, three times each: the best of the three is a call's time (the machine is shared), and
the first is reported too (what a reader's first call pays, caches empty).
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.bench import keep_out_of_home

from .generate import SHAPES
from .run import corpus_file

_ROUNDS = 3


def load_related(checkout: Path) -> ModuleType:
    """`parsing/related.py` of `checkout`, with its own `related_scores`, as modules of this
    checkout's package."""
    scores_name = "parsing.related_scores_before"
    _load(scores_name, checkout / "parsing" / "related_scores.py")
    return _load(
        "parsing.related_before",
        checkout / "parsing" / "related.py",
        {"from .related_scores ": f"from .{scores_name.split('.')[1]} "},
    )


def _load(name: str, path: Path, replace: dict[str, str] | None = None) -> ModuleType:
    source = path.read_text(encoding="utf-8")
    for old, new in (replace or {}).items():
        source = source.replace(old, new)
    module = ModuleType(name)
    module.__package__ = "parsing"
    module.__file__ = str(path)
    sys.modules[name] = module  # before running it: its dataclasses look it up
    exec(compile(source, str(path), "exec"), module.__dict__)
    return module


def summary(label: str, best: list[float], first: list[float]) -> str:
    return (
        f"  {label:6} median {statistics.median(best):.3f} ms, worst {max(best):.3f} ms;"
        f" first calls: median {statistics.median(first):.3f} ms, worst {max(first):.3f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the other checkout")
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--shape", choices=SHAPES, default="few")
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "threadline-bench"
    )
    options = parser.parse_args()
    from parsing import related as after
    from parsing.index import build_index
    from parsing.loader import load_corpus

    before = load_related(options.before)
    options.folder.mkdir(parents=True, exist_ok=True)
    corpus = load_corpus([corpus_file(options.folder, options.posts, shape=options.shape)])
    index = build_index(corpus)
    # A checkout whose related threads read every term from the index (before `index_sole`)
    # is given an index that keeps those one thread holds.
    reads_sole = "sole_count" in Path(str(before.__file__)).read_text(encoding="utf-8")
    kept = index if reads_sole else build_index(corpus, keep_sole=True)
    gc.freeze()  # as the reader does once loaded: no collection of the index mid-call
    threads = range(0, corpus.thread_count, max(1, corpus.thread_count // 300))
    modules: dict[str, Callable[[int], list[Any]]] = {
        "before": partial(before.related_threads, kept),
        "after": partial(after.related_threads, index),
    }
    if importlib.util.find_spec("parsing.related_batch") is not None:
        from parsing.related_batch import RelatedBatch

        modules["batch"] = RelatedBatch(index).related  # what `export --related` calls
    best: dict[str, list[float]] = {name: [] for name in modules}
    first: dict[str, list[float]] = {name: [] for name in modules}
    same = listed_before = listed_after = in_both = same_first = same_batch = 0
    for thread in threads:
        listed = {}
        for round_ in range(_ROUNDS):
            for name, related_of in modules.items():
                started = time.process_time()
                found = related_of(thread)
                taken = 1000 * (time.process_time() - started)
                if round_ == 0:
                    first[name].append(taken)
                    best[name].append(taken)
                    listed[name] = [(item.thread, item.score, item.reasons) for item in found]
                best[name][-1] = min(best[name][-1], taken)
        same += listed["before"] == listed["after"]
        same_batch += listed.get("batch", listed["after"]) == listed["after"]
        before_ids, after_ids = ([item[0] for item in listed[name]] for name in ("before", "after"))
        listed_before += len(before_ids)
        listed_after += len(after_ids)
        in_both += len(set(before_ids) & set(after_ids))
        same_first += bool(before_ids) and before_ids[:1] == after_ids[:1]
    print(f"{options.posts:,} posts, shape {options.shape!r}: {corpus.thread_count:,} threads")
    for name in modules:
        print(summary(name, best[name], first[name]))
    ratio = statistics.median(best["after"]) / statistics.median(best["before"])
    print(f"  after/before (medians) {ratio:.2f}; the same lists {same} of {len(threads)}")
    if "batch" in modules:
        ratio = statistics.median(best["batch"]) / statistics.median(best["before"])
        print(f"  batch/before (medians) {ratio:.2f}; as after's {same_batch} of {len(threads)}")
    print(
        f"  threads listed: before {listed_before}, after {listed_after}, in both {in_both};"
        f" the same first {same_first}"
    )


if __name__ == "__main__":
    keep_out_of_home()
    main()
