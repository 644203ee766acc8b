"""`load_corpus`: paths in, a parsed `Corpus` out, through the one read loop."""

from __future__ import annotations

from collections.abc import Sequence

from .corpus import Corpus
from .read_loop import PathLike, Progress, plan, read_into


def load_corpus(paths: Sequence[PathLike], progress: Progress | None = None) -> Corpus:
    """Parse every file behind `paths` into one corpus.

    A path the user named that cannot be read raises `ThreadlineError` (`CorpusError`). A file
    found inside a folder or zip that cannot be read, or is binary, is skipped with a line in
    `corpus.warnings`. `progress` is called after each file.
    """
    corpus = Corpus()
    read_into(corpus, plan(paths), progress)
    return corpus
