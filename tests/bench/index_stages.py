"""Where the index process's time goes: each stage of `build_index` on both cores, as the
reader's other process runs it (`parallel=True`), with the whole index pickled after.

    python -m tests.bench.index_stages --posts 1000000 --shape many

Each stage is timed in the process that runs it (the forked one's stretches too): its CPU
seconds, and when it ended, in seconds of the clock from the start of the index. A stage of the
first process that the second is not running beside (evidence and the passes are split; the
rest is not) waits on one core: "alone" sums those, the joins and the rest between included.
CPU seconds are the figures to compare when the machine is busy; the clock shows the order.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import pickle
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.bench import keep_out_of_home

from .generate import SHAPES
from .run import corpus_file

SPLIT = ("evidence", "entity stretch", "word stretch")
"""Stages run on both cores at once; every other stage of the first process runs alone."""


def stages(path: Path) -> list[dict[str, Any]]:
    """Every stage of indexing `path` as `index_process` does, in the order they ended."""
    from parsing import export_index, index
    from parsing.loader import load_corpus

    gc.disable()  # as in the index process
    corpus = load_corpus([path])
    log = Path(tempfile.mkstemp(suffix=".stages")[1])
    started = time.perf_counter()
    first = os.getpid()

    def timing(name: str, work: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **named: Any) -> Any:
            cpu = time.process_time()
            value = work(*args, **named)
            note = {
                "stage": name,
                "process": "first" if os.getpid() == first else "second",
                "cpu_s": time.process_time() - cpu,
                "ended_s": time.perf_counter() - started,
            }
            with log.open("a", encoding="utf-8") as out:  # the forked process writes here too
                out.write(json.dumps(note) + "\n")
            return value

        return timed

    wrapped = {
        (export_index, "_read"): "evidence",
        (index, "_entity_part"): "entity stretch",
        (index, "_document_frequency"): "document frequency",
        (index, "_word_part"): "word stretch",
        (index, "shared_writings"): "writings kept",
        (index, "set_apart_sole_terms"): "sole terms set apart",
        (index, "share_features"): "features shared",
    }
    real = {key: getattr(*key) for key in wrapped}
    for (module, name), stage in wrapped.items():
        setattr(module, name, timing(stage, real[module, name]))
    try:
        cpu = time.process_time()
        whole = index.build_index(
            corpus, entities_done=timing("entities handed over", lambda entities: None),
            parallel=True,
        )  # fmt: skip
        built = time.process_time() - cpu
        timing("whole pickled", lambda: pickle.dumps(whole, pickle.HIGHEST_PROTOCOL))()
    finally:
        for (module, name), work in real.items():
            setattr(module, name, work)
    notes = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    log.unlink()
    timed_here = sum(
        n["cpu_s"] for n in notes if n["process"] == "first" and n["stage"] != "whole pickled"
    )
    rest = {"stage": "joins and the rest", "process": "first", "cpu_s": built - timed_here}
    notes.append({**rest, "ended_s": float("nan")})
    return sorted(notes, key=lambda n: n["ended_s"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=300_000)
    parser.add_argument("--shape", choices=SHAPES, default="many")
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "threadline-bench"
    )
    options = parser.parse_args(argv)
    keep_out_of_home()
    path = corpus_file(options.folder, options.posts, shape=options.shape)
    print(f"{options.posts:,} posts, shape {options.shape}: stages of the index, CPU seconds")
    notes = stages(path)
    for note in notes:
        ended = note["ended_s"]
        when = "" if math.isnan(ended) else f"   ended {ended:6.2f} s"
        print(f"  {note['stage']:<22} {note['process']:<7} {note['cpu_s']:6.2f} s{when}")
    alone = sum(n["cpu_s"] for n in notes if n["process"] == "first" and n["stage"] not in SPLIT)
    split = sum(n["cpu_s"] for n in notes if n["stage"] in SPLIT)
    print(f"  on both cores: {split:.2f} s of CPU; the first process alone: {alone:.2f} s")


if __name__ == "__main__":
    main()
