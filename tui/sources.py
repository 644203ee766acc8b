"""Loading the corpus the command line names, or the demo corpus when it names none."""

from __future__ import annotations

from collections.abc import Sequence

from parsing.corpus import Corpus
from parsing.loader import load_corpus
from parsing.read_loop import Named, PathLike

from .assets import demo_dir
from .output import say


def corpus_paths(paths: Sequence[str]) -> list[PathLike]:
    """What to read: `paths`, or the bundled demo corpus (shown as `demo/`) without any."""
    if paths:
        return list(paths)
    return [Named(str(demo_dir()), "demo")]


def load(paths: Sequence[str]) -> Corpus:
    """The corpus behind `paths` (the demo without any); bad paths raise ThreadlineError."""
    return load_corpus(corpus_paths(paths))


def flag_codes(specs: Sequence[str]) -> list[str]:
    """Codes for `--flag` values; an unknown flag raises ThreadlineError."""
    if not specs:
        return []
    # Here, not above: the reader's other process starts from the modules imported before it
    # (`early_index`), and needs neither the filters nor the search they import.
    from parsing.filters import resolve_flag

    return list(dict.fromkeys(resolve_flag(spec) for spec in specs))


def report_warnings(corpus: Corpus) -> None:
    for warning in corpus.warnings:
        say(warning)
