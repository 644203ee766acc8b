"""`threadline export` as pydantic models, and their JSON and Markdown (`export_json` and
`export_markdown` write a whole corpus without the models)."""

from __future__ import annotations

from collections.abc import Sequence

from .corpus import Corpus
from .export_json import encode, thread_value
from .export_markdown import thread_markdown, write_markdown
from .index import CorpusIndex
from .models import CorpusExport, Skipped, Thread


def thread_model(corpus: Corpus, index: CorpusIndex, thread: int, with_related: bool) -> Thread:
    """A thread as the validated pydantic model (the JSON export writes the same dict)."""
    return Thread.model_validate(thread_value(corpus, index, thread, with_related))


def export_model(
    corpus: Corpus, index: CorpusIndex, threads: Sequence[int], with_related: bool = False
) -> CorpusExport:
    return CorpusExport(
        threads=[thread_model(corpus, index, thread, with_related) for thread in threads],
        skipped=[
            Skipped(source=corpus.sources[line.source].name, line=line.line, text=line.text)
            for line in corpus.skipped
        ],
    )


def to_json(export: CorpusExport) -> str:
    """The export as one JSON text (for a whole corpus, `export_json.write_json` streams)."""
    return encode(export.model_dump(mode="json"))


def to_markdown(export: CorpusExport) -> str:
    lines: list[str] = []
    for thread in export.threads:
        lines += thread_markdown(thread.model_dump())
    return "\n".join(lines)


__all__ = ["export_model", "thread_model", "to_json", "to_markdown", "write_markdown"]
