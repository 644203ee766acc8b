"""`threadline export` of one big page-text file on two cores, the way `stats` counts one.

The file is cut where a thread must end anyway (`split_points`, as `stats` cuts it); a forked
process parses the second part and this one the first, each on its own core. The parts
exchange what each needs of the other (`export_part.Note`: the second part tells first, the
first answers), then each writes its threads as JSON (or Markdown), the second into a
temporary file this process copies out after its own, and the same for the skipped lines (JSON
only). Nothing of the whole corpus is ever built: the bytes are those of the general path
(`export_writer`, `export_markdown`), which tests hold equal.

Only a single page-text file big enough to pay for a second process, cut near its middle, is
written this way; otherwise (and for related threads) `export` takes the general path.
"""

from __future__ import annotations

import mmap
import os
import pickle
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from typing import BinaryIO, TextIO

from . import background
from .containers import FileEntry
from .decoding import replacement_warning
from .export_chunks import copy_out, text_over
from .export_part import Filters, Note, Part
from .formats.pages import FORMAT as PAGES_FORMAT
from .read_loop import PathLike, plan
from .stats import copy_part, open_page, page_bytes, release, split_of, take_part

_SECONDS_PER_MB = 0.10
_SECONDS_PER_MB_READ = 0.04
"""About what a part's process spends on each megabyte of page text it parses and writes, or
parses only (a selection writes little): measured at 100k and 300k posts of the bench
corpora."""


def export_in_halves(
    paths: Sequence[PathLike],
    out: TextIO,
    filters: Filters,
    warn: Callable[[str], None],
    *,
    markdown: bool = False,
) -> bool:
    """Write the export of `paths` as JSON (or `markdown`) into `out` on two cores, if they
    are one big file of page text with a cut near its middle, and `out` a file or pipe;
    whether it was written (if not, nothing was). `warn` is told of invalid UTF-8 replaced."""
    if not _forkable(out):
        return False
    planned = plan(paths)
    if planned.warnings or len(planned.items) != 1:
        return False
    entry = planned.items[0].entry
    if planned.items[0].format is not PAGES_FORMAT or not isinstance(entry, FileEntry):
        return False
    if entry.size < background.PARALLEL_BYTES:
        return False
    page = open_page(page_bytes(entry))
    split = split_of(page.buf, page.mark, _balanced(len(page.buf), filters.selects))
    if split is None or split <= page.mark:
        release(page.buf)
        return False
    replaced, encoding = page.replaced, page.encoding

    def replaced_in_parts(more: int) -> None:
        if replaced + more:
            warn(replacement_warning(entry.name, replaced + more, encoding))

    _Halves(entry.name, filters, out, markdown=markdown).run(
        page.buf, page.mark, split, replaced_in_parts
    )
    return True


def _balanced(size: int, selects: bool) -> float:
    """Where to cut `size` bytes so that both processes end about together: this one has spent
    its start (the interpreter, the imports, the plan) before the other begins, and takes that
    much less text."""
    ahead = time.process_time()
    work = size / 1e6 * (_SECONDS_PER_MB_READ if selects else _SECONDS_PER_MB)
    return max(0.5 - ahead / (2 * work), 0.4)


def _forkable(out: TextIO) -> bool:
    if not (hasattr(os, "fork") and threading.active_count() == 1):
        return False
    try:
        out.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return hasattr(out, "buffer")


class _Halves:
    def __init__(self, name: str, filters: Filters, out: TextIO, *, markdown: bool = False) -> None:
        self.name, self.filters, self.out, self.markdown = name, filters, out, markdown

    def run(
        self, buf: bytearray | mmap.mmap, mark: int, split: int, warn: Callable[[int], None]
    ) -> None:
        """Fork the second part's process, write the first part, then copy out the second's."""
        down_read, down_write = os.pipe()  # the first part's note, to the second
        up_read, up_write = os.pipe()  # the second part's note, to the first
        threads_file = tempfile.TemporaryFile()  # noqa: SIM115 (closed below, in both)
        skipped_file = tempfile.TemporaryFile()  # noqa: SIM115
        pid = os.fork()
        if pid == 0:  # the child: the second part; leave without the parent's cleanup
            status = 1
            try:
                os.close(down_write)
                os.close(up_read)
                data = copy_part(buf, split, len(buf))
                release(buf)  # its pages are the parent's: not kept alongside the copy
                self._second(data, down_read, up_write, threads_file, skipped_file)
                status = 0
            finally:
                os._exit(status)
        os.close(down_read)
        os.close(up_write)
        try:
            part = Part(self.name, take_part(buf, mark, split), self.filters, **self._entities)
            other = _receive(up_read)
            warn(other.replaced + part.replaced)
            _send(down_write, part.note(below=other))
            part.settle(other, first=True)
            self._first(part, pid, (threads_file, skipped_file))
        except BaseException:
            _stop(pid)
            raise
        finally:
            threads_file.close()
            skipped_file.close()

    def _second(
        self,
        data: bytearray,
        incoming: int,
        outgoing: int,
        threads_file: BinaryIO,
        skipped_file: BinaryIO,
    ) -> None:
        part = Part(self.name, data, self.filters, **self._entities)
        _send(outgoing, part.note())
        part.settle(_receive(incoming), first=False)
        written = (
            [(threads_file, part.write_markdown)]
            if self.markdown
            else [(threads_file, part.write_threads), (skipped_file, part.write_skipped)]
        )
        for into, write in written:
            with text_over(into, self.out) as text:
                write(text)

    def _first(
        self,
        part: Part,
        pid: int,
        files: tuple[BinaryIO, BinaryIO],
    ) -> None:
        """Write the first part's threads and skipped lines, each followed by the second's
        (`files`: the threads, the skipped lines)."""
        threads_file, skipped_file = files
        out = self.out
        if self.markdown:  # each thread followed by a line end; a line end alone for none
            part.write_markdown(out)
            self._wait(pid)
            if self._copy(threads_file, after=False) == 0 and not part.chosen:
                out.write("\n")
            return
        out.write('{"threads": [')
        part.write_threads(out)
        self._wait(pid)
        self._copy(threads_file, after=bool(part.chosen))
        out.write('\n], "skipped": [')
        part.write_skipped(out)
        self._copy(skipped_file, after=bool(part.corpus.skipped))
        out.write("\n]}\n")

    @property
    def _entities(self) -> dict[str, bool]:
        """How the parts are read: Markdown shows no entities, so needs no evidence for them."""
        return {"entities": not self.markdown}

    def _wait(self, pid: int) -> None:
        _, status = os.waitpid(pid, 0)
        if status != 0:
            raise RuntimeError(background.failed(status))

    def _copy(self, written: BinaryIO, *, after: bool) -> int:
        """Copy the second part's entries out (after a comma when the first wrote some);
        their size."""
        size = written.seek(0, os.SEEK_END)
        if after and size > 0:
            self.out.write(",")
        self.out.flush()
        written.seek(0)
        copy_out(written, self.out.buffer)
        return size


def _send(descriptor: int, note: Note) -> None:
    with os.fdopen(descriptor, "wb") as outgoing:
        outgoing.write(pickle.dumps(note, protocol=pickle.HIGHEST_PROTOCOL))


def _receive(descriptor: int) -> Note:
    with os.fdopen(descriptor, "rb") as incoming:
        data = incoming.read()
    if not data:
        raise RuntimeError(background.SILENT)
    note = pickle.loads(data)
    assert isinstance(note, Note)
    return note


def _stop(pid: int) -> None:
    """Stop the second part's process (this one gave up: a closed pipe, an interrupt)."""
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
