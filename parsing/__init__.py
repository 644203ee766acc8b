"""threadline's corpus: Thread Reader App text in; threads, posts and entities out.

Public entry points: `load_corpus(paths) -> Corpus` and `extract_entities(text) -> list[Entity]`,
with filters, search, related threads, statistics and export built on them. This package never
imports a UI library. Names are imported lazily so that a quick `threadline stats` does not pay
for pydantic.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .corpus import Corpus
    from .entities.models_of import extract_entities
    from .filters import UnknownFlagError, filter_threads, resolve_flag
    from .index import CorpusIndex, build_index
    from .loader import load_corpus
    from .models import CorpusExport, Entity, Post, Related, Skipped, Thread
    from .related import related_threads
    from .search import threads_matching
    from .sources import CorpusError
    from .stats import corpus_stats

_WHERE = {
    "Corpus": "corpus",
    "CorpusError": "sources",
    "CorpusExport": "models",
    "CorpusIndex": "index",
    "Entity": "models",
    "Post": "models",
    "Related": "models",
    "Skipped": "models",
    "Thread": "models",
    "UnknownFlagError": "filters",
    "build_index": "index",
    "corpus_stats": "stats",
    "extract_entities": "entities.models_of",
    "filter_threads": "filters",
    "load_corpus": "loader",
    "related_threads": "related",
    "resolve_flag": "filters",
    "threads_matching": "search",
}

__all__ = [
    "Corpus",
    "CorpusError",
    "CorpusExport",
    "CorpusIndex",
    "Entity",
    "Post",
    "Related",
    "Skipped",
    "Thread",
    "UnknownFlagError",
    "build_index",
    "corpus_stats",
    "extract_entities",
    "filter_threads",
    "load_corpus",
    "related_threads",
    "resolve_flag",
    "threads_matching",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'parsing' has no attribute {name!r}")
    return getattr(import_module(f".{_WHERE[name]}", __name__), name)
