"""Input formats: each is one module here, registered in `FORMATS`.

A format says which files it reads and adds what they hold to a corpus:

- `claims(members)`: of the files a folder or zip holds (paths relative to it, `/`-separated,
  in name order), the ones this format reads, each with the members it covers (an X archive's
  `data/tweets.js` covers its whole archive folder, so no other format sees `data/like.js`);
- `sniff(name, head)`: for a file the user named on its own (or standard input), whether it is
  this format's, from its name and first bytes;
- `read(entry, corpus)`: add the entry's threads to the corpus, or raise `ThreadlineError`
  with one line naming the file.

The read loop (`parsing.read_loop`) asks the formats in the order of `FORMATS`, most specific
first; Thread Reader App page text comes last and reads any text file. To add a format, write
one module in this package with those three and add it to `FORMATS`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..containers import Entry
    from ..corpus import Corpus


class Claim(NamedTuple):
    """A member a format reads (`entry`), and the prefix of the members it covers ("" when it
    covers only itself)."""

    entry: str
    covers: str = ""

    def covered(self, member: str) -> bool:
        return member == self.entry or (bool(self.covers) and member.startswith(self.covers))


class InputFormat(Protocol):
    name: str
    """A short name for the format, shown in messages."""

    def claims(self, members: Sequence[str]) -> list[Claim]: ...

    def sniff(self, name: str, head: bytes) -> bool: ...

    def read(self, entry: Entry, corpus: Corpus) -> None: ...


def registered() -> tuple[InputFormat, ...]:
    """The formats, most specific first (imported here, so `stats` pays only for what it
    uses)."""
    from . import clippings, pages, x_archive

    return (x_archive.FORMAT, clippings.FORMAT, pages.FORMAT)
