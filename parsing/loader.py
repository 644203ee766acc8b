"""`load_corpus`: paths in, a parsed `Corpus` out."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from .corpus import Corpus
from .sources import SourceFile, read_all

Progress = Callable[[Corpus, SourceFile], None]


def load_corpus(
    paths: Sequence[str | os.PathLike[str]], on_source: Progress | None = None
) -> Corpus:
    """Parse every file behind `paths` into one corpus.

    A path the user named that cannot be read raises `CorpusError`. A file found inside a folder
    that cannot be read, or is binary, is skipped with a line in `corpus.warnings`.
    `on_source` is called after each file, for progress.
    """
    corpus = Corpus()
    for file, raw in read_all(paths, corpus.warnings):
        corpus.add_source(file.name, raw)
        if on_source is not None:
            on_source(corpus, file)
    return corpus
