"""A corpus read before, with its index, kept under the XDG cache folder to reopen at once.

A cache file answers for one list of input files read by one version of the parsing code.
Its header holds each file's path, size, modification time and a hash of its content,
`VERSION`, and a hash of the parsing package's source (`code_digest`: a parsing rule changed
by an upgrade reads the same files otherwise); any difference and the file is not used (and is
written anew after the next full read). The body is a pickle (protocol 5: any out-of-band
buffer it hands over is written raw before it).

A cache is tens to hundreds of megabytes, so only the `KEPT` most recently used are kept:
reading one marks it used, writing one removes the oldest beyond that.

Files are written to a temporary name in the same folder, flushed to disk and renamed over
the old one, so a reader sees the old cache or the new one, never half of either. A file that
is truncated or damaged anyway is ignored: loading answers None and the corpus is read again.
Everything after the header is checksummed (CRC-32, read at several GB/s), so damage that
still unpickles (a changed byte of a post's text, of an offset) is caught rather than shown.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import pickle
import struct
import tempfile
import threading
import time
import zlib
from collections.abc import Sequence
from contextlib import suppress
from functools import cache
from io import BufferedIOBase
from typing import IO, TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .corpus import Corpus
    from .index import CorpusIndex

VERSION = 7
"""Raised whenever what is pickled changes shape (the corpus columns, the index)."""
APP_NAME = "threadline"
_MAGIC = b"threadline corpus cache\n"
_LENGTH = struct.Struct("<Q")
_CHECKSUM = struct.Struct("<I")
_PARTIAL = ".partial"
KEPT = 8
"""How many corpora's caches are kept; the least recently used go first."""
_SUFFIX = ".cache"
_HASH_CHUNK = 16 << 20
"""Hashed a slice at a time: `hashlib` lets other threads run while it hashes each slice."""


class FileKey(NamedTuple):
    path: str
    size: int
    mtime_ns: int
    digest: str
    """blake2b of the content, hex."""


class Cached(NamedTuple):
    corpus: Corpus
    index: CorpusIndex  # type: ignore[assignment]  # a field, not tuple.index


def cache_dir() -> str:
    import platformdirs

    return os.path.join(platformdirs.user_cache_dir(APP_NAME, appauthor=False), "corpora")


def cache_file(paths: Sequence[str]) -> str:
    """Where the cache of the corpus made of `paths` (in order) lives."""
    name = hashlib.blake2b("\0".join(map(os.path.realpath, paths)).encode(), digest_size=12)
    return os.path.join(cache_dir(), name.hexdigest() + _SUFFIX)


def stat_keys(paths: Sequence[str]) -> list[FileKey] | None:
    """Path, size and modification time of each file, the digest left empty; None when one of
    them cannot be read."""
    keys: list[FileKey] = []
    for path in paths:
        try:
            status = os.stat(path)
        except OSError:
            return None
        keys.append(FileKey(os.path.realpath(path), status.st_size, status.st_mtime_ns, ""))
    return keys


def file_keys(paths: Sequence[str]) -> list[FileKey] | None:
    """The full key of each file: its `stat_keys` and a hash of its content."""
    keys = stat_keys(paths)
    if keys is None:
        return None
    try:
        return [key._replace(digest=content_digest(key.path)) for key in keys]
    except OSError:
        return None


def content_digest(path: str) -> str:
    digest = hashlib.blake2b(digest_size=20)
    with open(path, "rb") as stream:
        if os.fstat(stream.fileno()).st_size == 0:
            return digest.hexdigest()
        with mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            view = memoryview(mapped)
            try:
                for start in range(0, len(view), _HASH_CHUNK):
                    digest.update(view[start : start + _HASH_CHUNK])
            finally:
                view.release()
    return digest.hexdigest()


def code_digest(package: str) -> str:
    """blake2b, hex, of the names and content of the Python files under the folder `package`."""
    digest = hashlib.blake2b(digest_size=16)
    for folder, subfolders, names in sorted(os.walk(package)):
        subfolders.sort()
        for name in sorted(names):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                digest.update(os.path.relpath(path, package).encode() + b"\0")
                with open(path, "rb") as stream:
                    digest.update(stream.read() + b"\0")
    return digest.hexdigest()


@cache
def _parsing_code() -> str:
    return code_digest(os.path.dirname(os.path.abspath(__file__)))


def store(
    paths: Sequence[str], keys: Sequence[FileKey], corpus: Corpus, index: CorpusIndex
) -> None:
    """Write the cache of `paths`, read as `keys` say; a failure to write leaves no file and
    is not an error (the cache is only ever a shortcut)."""
    target = cache_file(paths)
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        _remove_stale(os.path.dirname(target))
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), suffix=_PARTIAL)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            _write(out, _header(keys), Cached(corpus, index))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
        _keep_recent(os.path.dirname(target), KEPT)
    except OSError:
        _remove(temporary)
    except BaseException:
        _remove(temporary)
        raise


def load(paths: Sequence[str]) -> Cached | None:
    """The cached corpus and index of `paths`, if a cache was written for the files as they
    are now; None otherwise (no cache, another version, a file changed, a damaged cache)."""
    keys = stat_keys(paths)
    if keys is None:
        return None
    target = cache_file(paths)
    try:
        with open(target, "rb") as stream:
            header = _read_header(stream)
            if header is None or not _same_files(header, keys):
                return None
            # Size and time match: only now is the content worth hashing. It is hashed in a
            # thread while the body is read here (hashing lets other threads run), and the
            # body is taken only if the hash matches too.
            hashing = _Hashing(paths)
            try:
                cached = _read_body(stream)
            finally:
                full = hashing.keys()
            if full is None or _header(full) != header:
                return None
    except Exception:
        return None
    if cached is not None:
        with suppress(OSError):
            os.utime(target)  # used now: the last to go (see `_keep_recent`)
    return cached


class _Hashing:
    """`file_keys(paths)`, worked out in a thread of its own from now on."""

    def __init__(self, paths: Sequence[str]) -> None:
        self._found: list[list[FileKey] | None] = [None]
        self._thread = threading.Thread(target=self._hash, args=(paths,), daemon=True)
        self._thread.start()

    def _hash(self, paths: Sequence[str]) -> None:
        self._found[0] = file_keys(paths)

    def keys(self) -> list[FileKey] | None:
        self._thread.join()
        return self._found[0]


def _header(keys: Sequence[FileKey]) -> dict[str, object]:
    return {"version": VERSION, "code": _parsing_code(), "files": [list(key) for key in keys]}


def _same_files(header: dict[str, object], keys: Sequence[FileKey]) -> bool:
    files = header.get("files")
    if header.get("version") != VERSION or header.get("code") != _parsing_code():
        return False
    if not isinstance(files, list) or len(files) != len(keys):
        return False
    return all(list(key[:3]) == list(entry[:3]) for key, entry in zip(keys, files, strict=True))


def _write(stream: IO[bytes], header: dict[str, object], cached: Cached) -> None:
    buffers: list[pickle.PickleBuffer] = []
    body = pickle.dumps(cached, protocol=5, buffer_callback=buffers.append)
    encoded = json.dumps(header).encode()
    stream.write(_MAGIC + _LENGTH.pack(len(encoded)) + encoded)
    checked = _Checksummed(stream)
    checked.write(_LENGTH.pack(len(buffers)))
    for buffer in buffers:
        raw = buffer.raw()
        checked.write(_LENGTH.pack(raw.nbytes))
        checked.write(raw)
    checked.write(body)
    stream.write(_CHECKSUM.pack(checked.crc))
    stream.write(_MAGIC)


class _Checksummed:
    """A stream read or written through, its CRC-32 kept of every byte that passes."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream, self.crc = stream, 0

    def write(self, data: bytes | memoryview) -> None:
        self.stream.write(data)
        self.crc = zlib.crc32(data, self.crc)

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.crc = zlib.crc32(data, self.crc)
        return data

    def readinto(self, buffer: bytearray | memoryview) -> int:
        count = self.stream.readinto(buffer)  # type: ignore[attr-defined]
        if not isinstance(count, int):
            raise EOFError("the cache ends early")
        self.crc = zlib.crc32(memoryview(buffer)[:count], self.crc)
        return count

    def readline(self, size: int = -1) -> bytes:
        data = self.stream.readline(size)
        self.crc = zlib.crc32(data, self.crc)
        return data


def _read_header(source: IO[bytes]) -> dict[str, object] | None:
    if source.read(len(_MAGIC)) != _MAGIC:
        return None
    length = _LENGTH.unpack(_exactly(source, _LENGTH.size))[0]
    header = json.loads(_exactly(source, length))
    return header if isinstance(header, dict) else None


def _read_body(stream: BufferedIOBase) -> Cached | None:
    source = _Checksummed(stream)  # type: ignore[arg-type]
    count = _LENGTH.unpack(_exactly(source, _LENGTH.size))[0]
    buffers: list[bytearray] = []
    for _ in range(count):
        buffer = bytearray(_LENGTH.unpack(_exactly(source, _LENGTH.size))[0])
        if source.readinto(buffer) != len(buffer):
            return None
        buffers.append(buffer)
    # Unpickled from the file a frame at a time, not with `pickle.loads` of the whole: each
    # read lets the reader's interface run (the whole is about a second's work at a million
    # posts).
    cached = pickle.Unpickler(source, buffers=buffers).load()
    if _exactly(stream, _CHECKSUM.size) != _CHECKSUM.pack(source.crc):
        return None
    if stream.read(len(_MAGIC) + 1) != _MAGIC:  # the end mark, and nothing after it
        return None
    return cached if isinstance(cached, Cached) else None


def _exactly(source: IO[bytes] | BufferedIOBase | _Checksummed, size: int) -> bytes:
    data = source.read(size)
    if len(data) != size:
        raise EOFError("the cache ends early")
    return data


def _remove_stale(folder: str) -> None:
    """Temporary files a day old: a process ended while writing (another may be writing one
    now, so the recent ones stay)."""
    day_ago = time.time() - 86_400
    for entry in os.scandir(folder):
        with suppress(OSError):
            if entry.name.endswith(_PARTIAL) and entry.stat().st_mtime < day_ago:
                os.remove(entry.path)


def _keep_recent(folder: str, kept: int) -> None:
    """Remove the caches of `folder` beyond the `kept` most recently used."""
    caches: list[tuple[float, str]] = []
    for entry in os.scandir(folder):
        with suppress(OSError):
            if entry.name.endswith(_SUFFIX) and entry.is_file():
                caches.append((entry.stat().st_mtime, entry.path))
    for _, path in sorted(caches, reverse=True)[kept:]:
        _remove(path)


def _remove(path: str) -> None:
    with suppress(OSError):
        os.remove(path)
