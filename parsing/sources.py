"""Paths in, readable sources out: files, folders (recursively) and `-` for standard input.

A path the user named that cannot be read is an error (`CorpusError`, one clear line). Inside a
folder, a file that cannot be read or is binary is reported and skipped, and the rest loads.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .decoding import utf16_encoding

STDIN = "-"
_SNIFF = 8192
# Leading bytes of common binary formats: images, archives, documents, executables, media.
_MAGIC = (
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"PK\x05\x06", b"\x1f\x8b",
    b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ", b"\xca\xfe\xba\xbe",
    b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa", b"SQLite format 3\x00", b"\x00asm", b"OggS", b"fLaC",
    b"ID3", b"RIFF", b"\x00\x00\x01\x00", b"wOFF", b"wOF2", b"\xd0\xcf\x11\xe0",
)  # fmt: skip


class CorpusError(Exception):
    """A path or file that cannot be read; the message is one line meant for the user."""


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file to read: `name` is how it is shown (`-` for standard input)."""

    name: str
    path: Path | None


@dataclass(slots=True)
class Resolved:
    files: list[SourceFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def resolve(paths: Sequence[str | os.PathLike[str]]) -> Resolved:
    """The files behind `paths`, folders expanded in name order; raises for a missing path."""
    resolved = Resolved()
    for raw in paths:
        name = os.fspath(raw)
        if name == STDIN:
            resolved.files.append(SourceFile(STDIN, None))
            continue
        path = Path(name)
        if name.endswith(("/", os.sep)) and path.is_file():
            raise CorpusError(f"{name}: not a directory")
        if path.is_dir():
            resolved.files += _folder_files(path, name, resolved.warnings)
        elif path.is_file():
            resolved.files.append(SourceFile(name, path))
        elif path.exists():
            raise CorpusError(f"{name}: not a regular file")
        else:
            raise CorpusError(f"{name}: no such file or directory")
    return resolved


def _folder_files(folder: Path, shown: str, warnings: list[str]) -> Iterable[SourceFile]:
    def report(error: OSError) -> None:
        warnings.append(f"{error.filename}: cannot read folder ({error.strerror})")

    for root, dirs, files in os.walk(folder, onerror=report):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(f for f in files if not f.startswith(".")):
            path = Path(root) / file
            relative = path.relative_to(folder)
            yield SourceFile(os.path.join(shown, str(relative)), path)


def read_all(
    paths: Sequence[str | os.PathLike[str]], warnings: list[str]
) -> Iterator[tuple[SourceFile, bytearray]]:
    """Each readable file behind `paths` with its bytes.

    A path the user named that cannot be read raises `CorpusError`; a file found in a folder
    that cannot be read, or is binary, is skipped with a line added to `warnings`.
    """
    resolved = resolve(paths)
    warnings += resolved.warnings
    named = {os.fspath(path) for path in paths}
    for file in resolved.files:
        try:
            raw = read(file)
        except CorpusError as error:
            if file.name in named:
                raise
            warnings.append(f"{error} (skipped)")
            continue
        yield file, raw


def read(source: SourceFile) -> bytearray:
    """The raw bytes of `source`; raises CorpusError when it cannot be read or is binary."""
    try:
        if source.path is None:
            data = bytearray(sys.stdin.buffer.read())
        else:
            data = _read_file(source.path)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise CorpusError(f"{source.name}: cannot read ({reason})") from None
    if looks_binary(data):
        raise CorpusError(f"{source.name}: binary file, not text")
    return data


def _read_file(path: Path) -> bytearray:
    with path.open("rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        data = bytearray(size)
        got = stream.readinto(data)
        if got < size:
            del data[got:]
        rest = stream.read()  # the file grew while we read it
        if rest:
            data += rest
    return data


def looks_binary(data: bytes | bytearray) -> bool:
    """True for images, archives and other non-text data; UTF-16 text is text.

    NUL and control bytes alone do not make a file binary (hostile text may be full of them):
    it takes a known format's signature, or a sample that is mostly NULs or mostly invalid UTF-8.
    """
    sample = bytes(data[:_SNIFF])
    if not sample or utf16_encoding(sample) is not None:
        return False
    nuls = sample.count(0)
    invalid = _invalid_utf8(sample)
    if sample.startswith(_MAGIC) and (nuls or invalid):
        return True
    return nuls > len(sample) * 0.3 or invalid > len(sample) * 0.1


def _invalid_utf8(sample: bytes) -> int:
    replaced = sample.decode("utf-8", "replace").count("\ufffd")
    return replaced - sample.decode("utf-8", "ignore").count("\ufffd")
