"""Loading the corpus the command line names, or the demo corpus when it names none."""

from __future__ import annotations

from collections.abc import Sequence

from parsing.corpus import Corpus
from parsing.filters import UnknownFlagError, resolve_flag
from parsing.loader import load_corpus
from parsing.sources import CorpusError

from .assets import demo_dir
from .cli import UsageError, say


def load_demo() -> Corpus:
    """The bundled demo corpus, its files named `demo/<file>`."""
    corpus = Corpus()
    for path in sorted(demo_dir().glob("*.txt")):
        corpus.add_source(f"demo/{path.name}", path.read_bytes())
    return corpus


def load(paths: Sequence[str]) -> Corpus:
    """The corpus behind `paths` (the demo without any); bad paths raise UsageError."""
    if not paths:
        return load_demo()
    try:
        return load_corpus(paths)
    except CorpusError as error:
        raise UsageError(str(error)) from None


def flag_codes(specs: Sequence[str]) -> list[str]:
    """Codes for `--flag` values; an unknown flag raises UsageError."""
    try:
        return list(dict.fromkeys(resolve_flag(spec) for spec in specs))
    except UnknownFlagError as error:
        raise UsageError(str(error)) from None


def report_warnings(corpus: Corpus) -> None:
    for warning in corpus.warnings:
        say(warning)
