"""What holds the reader's memory once it is ready: each structure's bytes against resident memory.

    python -m tests.bench.ready_memory --posts 1000000 --shape many
    python -m tests.bench.ready_memory --posts 1000000 --shape many --second   # from the cache

Launches the reader in this process (headless, 120x40, as `reader_ready` does, its cache in a
temporary XDG_CACHE_HOME), waits until related threads are ready, then prints its resident
memory, what the C library's allocator holds (in use and free), and the bytes of each part of
the corpus and its index (objects shared between parts counted in the first), the rest of the
reader, and what is left: the interpreter, its modules and fragmentation. `--second` launches
twice and measures the second launch, which reads the cache the first wrote.
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import gc
import os
import sys
import tempfile
from array import array
from pathlib import Path
from typing import Any

_ATOMS = (str, bytes, bytearray, int, float, array, memoryview, range, bool, type(None))


def resident_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class _Mallinfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost"
        .split()
    ]  # fmt: skip


def allocator_mib() -> dict[str, float]:
    """glibc's heap (`arena`: in use and free) and its mapped blocks (`hblkhd`), in MiB."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _Mallinfo2
    except (OSError, AttributeError):
        return {}
    info = libc.mallinfo2()
    return {name: getattr(info, name) / 2**20 for name in ("hblkhd", "uordblks", "fordblks")}


def deep_bytes(root: object, seen: set[int]) -> int:
    """The bytes of `root` and all it holds, less the objects in `seen` (which it extends)."""
    total, stack = 0, [root]
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, type) or callable(item):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, _ATOMS):
            continue
        if isinstance(item, dict):
            stack += item.keys()
            stack += item.values()
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack += item
        else:
            if hasattr(item, "__dict__"):
                stack.append(vars(item))
            for kind in type(item).__mro__:
                slots = getattr(kind, "__slots__", ())
                stack += (getattr(item, slot) for slot in slots if hasattr(item, slot))
    return total


def parts_mib(app: Any) -> dict[str, float]:
    """Each part of what the reader holds, in MiB, in the order counted."""
    view, seen = app.view, set[int]()
    corpus, index = view.corpus, view.index
    found = {"corpus: source buffers": deep_bytes(corpus.sources, seen)}
    for name in ("posts", "threads", "skipped", "thread_meta", "post_meta"):
        found[f"corpus: {name}"] = deep_bytes(getattr(corpus, name), seen)
    found["corpus: the rest"] = deep_bytes(corpus, seen)
    for name in ("postings", "features", "counts", "flags", "written", "lengths", "sole"):
        found[f"index: {name}"] = deep_bytes(getattr(index, name), seen)
    found["index: the rest"] = deep_bytes(index, seen)
    found["reader: loader, views, screens"] = deep_bytes(app, seen)
    return {name: size / 2**20 for name, size in found.items()}


async def measure(path: str) -> None:
    from tui.early_index import start_early

    start_early([path], cache=True)
    from tui.app import ThreadlineApp

    app = ThreadlineApp(paths=[path], cache=True)
    async with app.run_test(size=(120, 40)):
        while not app.main_screen.indexed:
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.2)  # the handler's collection and trim done
        resident, allocator = resident_mib(), allocator_mib()
        megabytes = os.path.getsize(path) / 1e6
        print(f"resident {resident:.1f} MiB ({resident / megabytes:.2f}x the file's MB)")
        print("allocator: " + ", ".join(f"{k} {v:.1f} MiB" for k, v in allocator.items()))
        parts = parts_mib(app)
        for name, size in parts.items():
            print(f"  {name:34} {size:7.1f} MiB")
        counted = sum(parts.values())
        print(f"  {'counted':34} {counted:7.1f} MiB; not counted {resident - counted:.1f} MiB")
        indexing = getattr(app.loader, "indexing", None)
        if indexing is not None:
            indexing.join(600)  # its cache written, for a second launch


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--shape", default="many", help="generate.py's shape")
    parser.add_argument("--second", action="store_true", help="measure a second launch")
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "threadline-bench"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        gc.collect()
        asyncio.run(measure(options.child))
        return
    import subprocess

    from .run import corpus_file

    path = corpus_file(options.folder, options.posts, shape=options.shape)
    with tempfile.TemporaryDirectory() as home:
        environment = {**os.environ, "XDG_CACHE_HOME": home}
        command = [sys.executable, "-m", "tests.bench.ready_memory", "--child", str(path)]
        for launch in range(2 if options.second else 1):
            done = subprocess.run(
                command, env=environment, capture_output=True, text=True, check=True
            )
            if launch == 1 or not options.second:
                print(done.stdout)


if __name__ == "__main__":
    from tests.bench import keep_out_of_home

    keep_out_of_home()
    main()
