"""The author filter (`--author`, the reader's palette): which threads a name given by the
user stands for. Kept apart from the other filters so that the command line reads its help
without loading them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .corpus import Corpus

AUTHOR_HELP = (
    "a handle (@ann or ann: the whole handle) or a display name or part of one (brook), in any case"
)
"""How `--author` and the reader's author filter match, for the help texts."""


def author_matches(wanted: str, author: str | None, handle: str | None) -> bool:
    """Does a thread by `author` (display name) and `handle` match `wanted`? As `AUTHOR_HELP`
    says: `@ann` names a handle; `ann` a handle, or words of a display name."""
    text = wanted.strip().casefold()
    if not text:
        return True
    if text.startswith("@"):
        return handle is not None and handle.casefold() == text[1:]
    if handle is not None and handle.casefold() == text:
        return True
    return author is not None and text in author.casefold()


def threads_by_author(corpus: Corpus, wanted: str) -> list[int]:
    """Threads whose page or archive names an author or handle matching `wanted`, in corpus
    order (threads with no such metadata never match)."""
    return sorted(
        thread
        for thread, meta in corpus.thread_meta.items()
        if author_matches(wanted, meta.author, meta.handle)
    )
