"""Where the time of `export --related` goes: CPU seconds of each step, on one core.

    python -m tests.bench.related_phases --sizes 100000 300000 --shapes few many

`export --related` builds the whole index (entities, then the words only related threads use)
and calls `related_threads` once for every thread it writes; plain `export` does neither. Each
step is timed here in this process, one after the other (the command runs each on both cores:
their sum is what both cores spend), as CPU time (the machine may be busy with others), with
the JSON writing of every thread without related lists for scale. Related calls are timed over
every thread, as the export makes them, with the holders of common features kept as sets first
(`related_scores.hold_as_sets`, as the export does).
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from tests.bench import keep_out_of_home

from .generate import SHAPES
from .run import corpus_file

R = TypeVar("R")


def timed(seconds: dict[str, float], name: str, work: Callable[[], R]) -> R:
    started = time.process_time()
    value = work()
    seconds[name] = seconds.get(name, 0.0) + time.process_time() - started
    return value


def phases(path: Path) -> dict[str, float]:
    """CPU seconds of each step of `export --related` of `path`, in this process."""
    from parsing import index as index_module
    from parsing.export_json import write_json
    from parsing.loader import load_corpus
    from parsing.related import related_threads
    from parsing.related_scores import hold_as_sets

    seconds: dict[str, float] = {}
    corpus = timed(seconds, "load", lambda: load_corpus([path]))
    frequency, word_part = index_module._document_frequency, index_module._word_part
    index_module._document_frequency = lambda *args, **named: timed(  # type: ignore[assignment]
        seconds, "word pass: document frequency", lambda: frequency(*args, **named)
    )
    index_module._word_part = lambda *args: timed(  # type: ignore[assignment]
        seconds, "word pass: terms of each thread", lambda: word_part(*args)
    )
    try:
        index = timed(seconds, "index", lambda: index_module.build_index(corpus))
    finally:
        index_module._document_frequency, index_module._word_part = frequency, word_part
    words = seconds["word pass: document frequency"] + seconds["word pass: terms of each thread"]
    seconds["index: entities and the rest"] = seconds.pop("index") - words
    timed(seconds, "related: holder sets", lambda: hold_as_sets(index))
    threads = range(corpus.thread_count)

    def every_call() -> None:
        for thread in threads:
            related_threads(index, thread)

    timed(seconds, "related: one call per thread", every_call)
    out = io.StringIO()  # one process: no file to fork a second writer for
    timed(seconds, "writing (JSON, no related)", lambda: write_json(corpus, index, threads, out))
    return seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000])
    parser.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES))
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "threadline-bench"
    )
    options = parser.parse_args(argv)
    options.folder.mkdir(parents=True, exist_ok=True)
    for shape in options.shapes:
        for size in options.sizes:
            path = corpus_file(options.folder, size, shape=shape)
            seconds = phases(path)
            total = sum(seconds.values())
            print(f"\n{size:,} posts, shape {shape!r}: {total:.2f} s cpu in all")
            for name, spent in seconds.items():
                print(f"  {name:34} {spent:7.2f} s  {spent / total:6.1%}")


if __name__ == "__main__":
    keep_out_of_home()
    main()
