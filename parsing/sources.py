"""Paths in, readable sources out: files, folders (recursively) and `-` for standard input.

A path the user named that cannot be read is an error (`CorpusError`, one clear line). Inside a
folder, a file that cannot be read or is binary is reported and skipped, and the rest loads.
"""

from __future__ import annotations

import mmap
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from .decoding import utf16_encoding
from .errors import ThreadlineError

STDIN = "-"
_SNIFF = 8192
# Leading bytes of common binary formats: images, archives, documents, executables, media.
_MAGIC = (
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"PK\x05\x06", b"\x1f\x8b",
    b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ", b"\xca\xfe\xba\xbe",
    b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa", b"SQLite format 3\x00", b"\x00asm", b"OggS", b"fLaC",
    b"ID3", b"RIFF", b"\x00\x00\x01\x00", b"wOFF", b"wOF2", b"\xd0\xcf\x11\xe0",
)  # fmt: skip


class CorpusError(ThreadlineError):
    """A path or file that cannot be read; the message is one line meant for the user."""


# Plain paths and tuples, not pathlib and dataclasses: importing those two costs every
# `threadline stats` run about 10 ms of start-up, a thirtieth of its time at 100k posts.


class SourceFile(NamedTuple):
    """A file to read: `name` is how it is shown (`-` for standard input)."""

    name: str
    path: str | None


class Resolved(NamedTuple):
    files: list[SourceFile]
    warnings: list[str]


def resolve(paths: Sequence[str | os.PathLike[str]]) -> Resolved:
    """The files behind `paths`, folders expanded in name order; raises for a missing path."""
    files: list[SourceFile] = []
    warnings: list[str] = []
    for raw in paths:
        name = os.fspath(raw)
        if name == STDIN:
            files.append(SourceFile(STDIN, None))
            continue
        if not name:
            raise CorpusError("'': no such file or directory (an empty path)")
        path, name = name, shown_name(name)
        if name.endswith(("/", os.sep)) and os.path.isfile(path.rstrip("/" + os.sep)):
            raise CorpusError(f"{name}: not a directory")
        if os.path.isdir(path):
            files += _folder_files(path, name, warnings)
        elif os.path.isfile(path):
            files.append(SourceFile(name, path))
        elif os.path.exists(path):
            raise CorpusError(f"{name}: not a regular file")
        else:
            raise CorpusError(f"{name}: no such file or directory")
    return Resolved(each_once(files), warnings)


def each_once(files: list[SourceFile]) -> list[SourceFile]:
    """`files` without repeats: a file named twice, or named and also inside a named folder, is
    one source, or its threads and counts would be doubled."""
    seen: set[str] = set()
    unique = []
    for file in files:
        if file.path is not None:
            try:
                real = os.path.realpath(file.path)  # a symlink loop is no error here, but
            except OSError:  # a link that cannot be read is (`/proc/1/cwd` for another user)
                real = os.path.abspath(file.path)
            if real in seen:
                continue
            seen.add(real)
        unique.append(file)
    return unique


def shown_name(name: str) -> str:
    """`name` as valid Unicode: bytes of a file name that are not UTF-8 (legal on Linux, kept by
    Python as lone surrogates) become U+FFFD, so the name can be printed and written as JSON."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that no file name byte could have produced
        return name.encode("utf-8", "replace").decode("utf-8")


def _folder_files(folder: str, shown: str, warnings: list[str]) -> Iterable[SourceFile]:
    def report(error: OSError) -> None:
        warnings.append(f"{shown_name(str(error.filename))}: cannot read folder ({error.strerror})")

    for root, dirs, files in os.walk(folder, onerror=report):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(f for f in files if not f.startswith(".")):
            path = os.path.join(root, file)
            name = shown_name(os.path.join(shown, os.path.relpath(path, folder)))
            if os.path.exists(path) and not os.path.isfile(path):
                # A FIFO would block the read forever, a device never end: never open them.
                warnings.append(f"{name}: not a regular file (skipped)")
                continue
            yield SourceFile(name, path)


def read(
    source: SourceFile,
    *,
    map_from: int | None = None,
    stdin: Callable[[], bytes] | None = None,
) -> bytearray | mmap.mmap:
    """The raw bytes of `source` (mapped when it is a file of `map_from` bytes or more); raises
    CorpusError when it cannot be read or is binary. Standard input is read with `stdin`."""
    try:
        if source.path is None:
            data: bytearray | mmap.mmap = bytearray((stdin or sys.stdin.buffer.read)())
        else:
            data = _read_file(source.path, map_from)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise CorpusError(f"{source.name}: cannot read ({reason})") from None
    if looks_binary(data):
        if isinstance(data, mmap.mmap):
            data.close()
        raise CorpusError(f"{source.name}: binary file, not text")
    return data


def _read_file(path: str, map_from: int | None) -> bytearray | mmap.mmap:
    with open(path, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        if map_from is not None and size >= map_from:
            # A map costs nothing up front: its pages come from the page cache as they are read,
            # where reading would zero a buffer and copy the whole file into it first.
            try:
                return mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
            except (ValueError, OSError):  # shrank since measured, or cannot be mapped: read it
                pass
        data = bytearray(size)
        got = stream.readinto(data)
        if got < size:
            del data[got:]
        rest = stream.read()  # the file grew while we read it
        if rest:
            data += rest
    return data


def looks_binary(data: bytes | bytearray | mmap.mmap) -> bool:
    """True for images, archives and other non-text data; UTF-16 text is text.

    NUL and control bytes alone do not make a file binary (hostile text may be full of them),
    nor does invalid UTF-8 alone (a Latin-1 file is text in the wrong encoding). It takes a
    known format's signature, a sample that is mostly NULs, or invalid UTF-8 mixed with the
    control bytes that text in any 8-bit encoding lacks and compressed data is full of.
    """
    sample = bytes(data[:_SNIFF])
    if not sample or utf16_encoding(sample) is not None:
        return False
    nuls = sample.count(0)
    invalid = _invalid_utf8(sample)
    if sample.startswith(_MAGIC) and (nuls or invalid):
        return True
    if nuls > len(sample) * 0.3:
        return True
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    return invalid > len(sample) * 0.1 and controls > len(sample) * 0.01


# C0 controls other than the whitespace ones and ESC (which hostile or coloured text carries).
_BINARY_CONTROLS = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1b")


def _invalid_utf8(sample: bytes) -> int:
    replaced = sample.decode("utf-8", "replace").count("\ufffd")
    return replaced - sample.decode("utf-8", "ignore").count("\ufffd")
