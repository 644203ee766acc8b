"""Where input files live: a file on disk, a member of a zip, or standard input.

The read loop (`read_loop`) lists what a path holds as `Entry` objects and hands each to the
format that claims it (`formats`). An entry knows its shown name, its size and how to read its
bytes; `sibling` reads another file of the same folder or zip, which a format made of several
files (an X archive: `tweets.js` beside `manifest.js` and `account.js`) needs.
"""

from __future__ import annotations

import mmap
import os
import posixpath
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from .sources import CorpusError, SourceFile, looks_binary, read

if TYPE_CHECKING:
    import zipfile

# `zipfile` is imported where a zip is met: `threadline stats` on page text never pays for it.

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


def _stdin_bytes() -> bytes:
    return sys.stdin.buffer.read()


stdin_reader: Callable[[], bytes] = _stdin_bytes
"""Reads standard input; the reader swaps it for the bytes it took before the terminal was
handed to the keyboard."""


class Entry:
    """One input file: what a format reads."""

    name: str
    """How the file is shown: its path as given, `archive.zip:data/tweets.js`, or `-`."""
    size: int

    def data(self) -> bytearray:
        """The file's bytes; raises `CorpusError` when it cannot be read or is binary."""
        raise NotImplementedError

    def sibling(self, relative: str) -> bytes | None:
        """The bytes of the file at `relative` from this file's folder, None if there is none."""
        return None


class FileEntry(Entry):
    def __init__(self, path: str, name: str) -> None:
        self.path, self.name = path, name
        try:
            self.size = os.path.getsize(path)
        except OSError:
            self.size = 0

    def data(self) -> bytearray:
        raw = read(SourceFile(self.name, self.path))
        assert isinstance(raw, bytearray)  # only a `map_from` makes a map
        return raw

    def mapped(self, map_from: int) -> bytearray | mmap.mmap:
        """The bytes, as a read-only map when the file has `map_from` bytes or more (which the
        caller closes): `stats` reads a big file's halves straight from the page cache."""
        return read(SourceFile(self.name, self.path), map_from=map_from)

    def sibling(self, relative: str) -> bytes | None:
        path = os.path.join(os.path.dirname(self.path), *relative.split("/"))
        try:
            with open(path, "rb") as stream:
                return stream.read()
        except OSError:
            return None


class StdinEntry(Entry):
    name = "-"
    size = 0

    def data(self) -> bytearray:
        raw = read(SourceFile("-", None), stdin=stdin_reader)
        assert isinstance(raw, bytearray)
        return raw


class ZipMember(Entry):
    """A member of a zip, read in place: an archive is never unpacked to disk."""

    def __init__(self, archive: zipfile.ZipFile, member: str, zip_name: str) -> None:
        self.archive, self.member = archive, member
        self.name = f"{zip_name}:{member}"
        self.size = archive.getinfo(member).file_size

    def data(self) -> bytearray:
        import zipfile

        try:
            data = bytearray(self.archive.read(self.member))
        except (OSError, zipfile.BadZipFile, RuntimeError, ValueError) as error:
            raise CorpusError(f"{self.name}: cannot read from the zip ({error})") from None
        if looks_binary(data):
            raise CorpusError(f"{self.name}: binary file, not text")
        return data

    def sibling(self, relative: str) -> bytes | None:
        import zipfile

        member = posixpath.normpath(posixpath.join(posixpath.dirname(self.member), relative))
        try:
            return self.archive.read(member)
        except (KeyError, OSError, zipfile.BadZipFile, RuntimeError, ValueError):
            return None


def is_zip(path: str) -> bool:
    """A zip by its signature (not its name), so a renamed archive still opens."""
    try:
        with open(path, "rb") as stream:
            if stream.read(4) not in ZIP_MAGIC:
                return False
    except OSError:
        return False
    import zipfile

    try:
        return zipfile.is_zipfile(path)
    except OSError:
        return False


def open_zip(path: str, name: str) -> tuple[zipfile.ZipFile, list[str]]:
    """The zip at `path` and its file members in name order; raises `CorpusError`."""
    import zipfile

    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, ValueError) as error:
        raise CorpusError(f"{name}: not a readable zip ({error})") from None
    members = sorted(
        info.filename
        for info in archive.infolist()
        if not info.is_dir() and not _hidden(info.filename)
    )
    return archive, members


def _hidden(member: str) -> bool:
    # macOS adds `__MACOSX/` resource forks and `.DS_Store` files to zips it makes.
    return any(part.startswith(".") or part == "__MACOSX" for part in member.split("/"))
