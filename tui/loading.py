"""Loading a corpus in a thread, so the reader can paint the first threads while the rest loads.

The loader appends to a `Corpus` that the app already holds; the app polls `progress()` and
shows new threads as their posts complete. Threads are only ever appended, and a thread is
visible once its last post is, so the UI never reads half-written state. Indexing follows in
the same thread: first the entities, which filters can use at once, then the words related
threads need.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from parsing import containers
from parsing.corpus import Corpus
from parsing.index import CorpusIndex, build_index
from parsing.sources import CorpusError, SourceFile, each_once, read, resolve

from .assets import demo_dir


@dataclass
class Progress:
    phase: str
    """"reading", "indexing" or "ready"."""
    fraction: float


@dataclass
class CorpusLoader:
    """Reads `paths` (the demo corpus when empty) into `corpus`, then builds `index`."""

    paths: Sequence[str]
    corpus: Corpus = field(default_factory=Corpus)
    index: CorpusIndex | None = None
    entities: CorpusIndex | None = None
    """The index of entities alone: ready well before `index`, and all that filters need."""
    warnings: list[str] = field(default_factory=list)
    _files: list[SourceFile] = field(default_factory=list)
    _total_bytes: int = 0
    _done_bytes: int = 0
    _phase: str = "reading"
    _index_fraction: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def name(self) -> str:
        """How the corpus is shown in the header."""
        if not self.paths:
            return "demo corpus"
        first = self.paths[0]
        more = f" (+{len(self.paths) - 1})" if len(self.paths) > 1 else ""
        return (
            "standard input" if first == "-" else os.path.basename(first.rstrip("/")) or first
        ) + more

    def prepare(self) -> None:
        """Find the files (quick); called before the thread starts."""
        if not self.paths:
            self._files = [
                SourceFile(f"demo/{path.name}", str(path))
                for path in sorted(demo_dir().glob("*.txt"))
            ]
        else:
            for path in self.paths:
                try:
                    resolved = resolve([path])
                except CorpusError as error:
                    self._warn([str(error)])
                    continue
                self._files += resolved.files
                self._warn(resolved.warnings)
            self._files = each_once(self._files)  # paths may overlap: a file is read once
        self._total_bytes = sum(_size(file.path) for file in self._files) or 1

    def run(self) -> None:
        """Read, parse and index; runs in a worker thread."""
        for file in self._files:
            try:
                raw = read(file, stdin=containers.stdin_reader)
            except CorpusError as error:
                self._warn([str(error)])
                continue
            self.corpus.add_source(file.name, raw)
            self._done_bytes += _size(file.path)
        self._warn(self.corpus.warnings)
        self._phase = "indexing"
        self.corpus.prepare_search()
        self.index = build_index(self.corpus, self._on_index_progress, self._on_entities)
        self._phase = "ready"

    def take_warnings(self) -> list[str]:
        """The warnings since the last call (the loading thread may be adding more)."""
        with self._lock:
            taken, self.warnings = self.warnings, []
        return taken

    def _warn(self, lines: list[str]) -> None:
        with self._lock:
            self.warnings += lines

    @property
    def filter_index(self) -> CorpusIndex | None:
        """What filters read: the whole index, or the entities' while the words are read."""
        return self.index if self.index is not None else self.entities

    def _on_entities(self, index: CorpusIndex) -> None:
        self.entities = index

    def _on_index_progress(self, done: int, total: int) -> None:
        self._index_fraction = done / total if total else 1.0

    def progress(self) -> Progress:
        if self._phase == "reading":
            return Progress("reading", self._reading_fraction())
        if self._phase == "indexing":
            return Progress("indexing", self._index_fraction)
        return Progress("ready", 1.0)

    def _reading_fraction(self) -> float:
        """Bytes of finished files, plus how far the file being parsed has got."""
        corpus = self.corpus
        current = 0
        if corpus.sources and corpus.post_count:
            current = min(corpus.posts.text_end[-1], len(corpus.sources[-1].buf))
        return min((self._done_bytes + current) / self._total_bytes, 1.0)


def _size(path: str | None) -> int:
    try:
        return os.path.getsize(path) if path is not None else 0
    except OSError:
        return 0
