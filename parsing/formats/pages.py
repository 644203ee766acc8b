"""Thread Reader App and other unroller page text: the first input format.

Any text file is read as page text: numbered posts, page chrome skipped (`layout`, `chrome`).
In a folder or zip this format takes the files named as text (`.txt`, `.text`); one with no
extension (`LICENSE`, `Makefile`) is skipped with its name like any other file: a folder holds
such files beside its pages far more often than a page saved without an extension, and a file
named on its own is read whatever its name, unless it is binary.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import Claim

if TYPE_CHECKING:
    from ..containers import Entry
    from ..corpus import Corpus

TEXT_SUFFIXES = frozenset({".txt", ".text"})


class PagesFormat:
    name = "page text"

    def claims(self, members: Sequence[str]) -> list[Claim]:
        return [Claim(member) for member in members if suffix(member) in TEXT_SUFFIXES]

    def sniff(self, name: str, head: bytes) -> bool:
        return True  # the fallback: whether it is text at all is decided when it is read

    def read(self, entry: Entry, corpus: Corpus) -> None:
        from .page_threads import attach_page_meta  # here: `stats` counts pages without it

        threads, skipped = corpus.thread_count, len(corpus.skipped)
        corpus.add_source(entry.name, entry.data())
        attach_page_meta(corpus, threads, skipped)


def suffix(member: str) -> str:
    """The lower-cased extension of a member's file name (`.txt`), "" for none."""
    return posixpath.splitext(posixpath.basename(member))[1].lower()


FORMAT = PagesFormat()
