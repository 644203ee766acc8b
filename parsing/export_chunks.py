"""JSON text written a large chunk at a time, gathered as UTF-8 bytes, and the escaping of JSON
strings done on those bytes.

A post's text is in the source as UTF-8: escaped as bytes it goes out without being decoded,
sliced, escaped, joined and encoded again as text, which was a tenth of an export's writing.
The bytes are those `json` writes: `json_string` escapes what its encoder escapes (looked up
from the encoder itself), and `escape_controls` what the export adds (DEL and C1 controls).
"""

from __future__ import annotations

import codecs
import io
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from json.encoder import encode_basestring
from typing import BinaryIO, TextIO

_PIECES = 1 << 14
"""Pieces gathered before a write: a few large writes instead of several per post."""
_LONG = 1 << 20
"""A piece this long is written on its own."""
# JSON escapes C0 controls itself; DEL and C1 controls are escaped too, so that printing the
# export to a terminal cannot drive it. A piece is escaped unless known to hold none.
_RAW_CONTROLS = re.compile("[\x7f-\x9f]")
# C1 controls are C2 80..C2 9F in UTF-8 (C2 only ever leads a character). A pattern that starts
# with a literal byte is searched for fast; DEL is looked for on its own.
_C1_CONTROL = re.compile(rb"\xc2[\x80-\x9f]")
_RAW_CONTROL_BYTES = re.compile(rb"\x7f|\xc2[\x80-\x9f]")
JSON_SPECIAL = re.compile(rb'[\x00-\x1f"\\]')
_JSON_ESCAPES = {
    char.encode(): encode_basestring(char)[1:-1].encode()
    for char in [*map(chr, range(0x20)), '"', "\\"]
}
"""What the encoder writes for each character it escapes in a string."""


def escape_controls(text: str) -> str:
    if text.isascii():  # told at once (most titles and heads): DEL is the only one it may hold
        if "\x7f" not in text:
            return text
    elif _RAW_CONTROLS.search(text) is None:  # looked through, nothing made
        return text
    return _RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def clean(raw: bytes) -> bool:
    """Does the UTF-8 text `raw` hold no DEL nor C1 control (nothing to escape)?"""
    return b"\x7f" not in raw and _C1_CONTROL.search(raw) is None


def json_string(raw: bytes, *, clean: bool) -> bytes:
    """The UTF-8 text `raw` as the inside of a JSON string, as `encode_basestring` and then
    `escape_controls` (unless `clean`) write it, encoded."""
    if JSON_SPECIAL.search(raw) is not None:
        raw = JSON_SPECIAL.sub(_json_escape, raw)
    if not clean:  # after the JSON escapes, which would escape this escape's backslash again
        raw = _RAW_CONTROL_BYTES.sub(_control_escape, raw)
    return raw


def _json_escape(match: re.Match[bytes]) -> bytes:
    return _JSON_ESCAPES[match[0]]


def _control_escape(match: re.Match[bytes]) -> bytes:
    return b"\\u%04x" % ord(match[0].decode())


class Chunks:
    """JSON gathered as UTF-8 bytes and written a large chunk at a time: straight into the
    output's bytes when it encodes UTF-8, else decoded and written as text."""

    __slots__ = ("errors", "out", "pieces", "raw")

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.pieces: list[bytes] = []
        self.raw = _utf8_bytes_below(out)
        self.errors = out.errors if self.raw is not None and out.errors else "surrogatepass"
        """How text is encoded: as the output would encode it, or so as to decode unchanged."""

    def add(self, piece: str, *, clean: bool = False) -> None:
        """Add `piece`; `clean` when it is known to hold no control to escape."""
        piece = piece if clean else escape_controls(piece)
        self.add_bytes(piece.encode("utf-8", self.errors))

    def encode(self, piece: str) -> bytes:
        """`piece` as `add` would add it, controls already escaped."""
        return piece.encode("utf-8", self.errors)

    def add_bytes(self, piece: bytes) -> None:
        """Add UTF-8 bytes, escaped already."""
        if len(piece) >= _LONG:  # written as it is, not copied into a chunk
            self.flush()
            self._write(piece)
            return
        self.pieces.append(piece)
        if len(self.pieces) >= _PIECES:
            self.flush()

    def flush(self) -> None:
        if self.pieces:
            self._write(b"".join(self.pieces))
            self.pieces = []

    def _write(self, data: bytes) -> None:
        if self.raw is None:
            self.out.write(data.decode("utf-8", "surrogatepass"))
            return
        self.out.flush()  # what was written to the text layer goes first
        self.raw.write(data)


def _utf8_bytes_below(out: TextIO) -> BinaryIO | None:
    """The bytes under `out`, when it writes text as UTF-8 (without a byte-order mark)."""
    encoding = getattr(out, "encoding", None)
    raw = getattr(out, "buffer", None)
    if raw is None or not isinstance(encoding, str):
        return None
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    return raw if name == "utf-8" else None


_COPY = 1 << 20
_SEND_MOST = 1 << 30


def copy_out(written: BinaryIO, out: BinaryIO) -> None:
    """Copy the file `written`, from its position to its end, to `out` (flushed): by the kernel
    where it can (`os.sendfile`: into a file, a pipe, /dev/null), with no pass through this
    process's memory, else a megabyte at a time. The second half of a large export is hundreds
    of megabytes, copied while nothing else is left to do."""
    out.flush()
    try:
        source, target = written.fileno(), out.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):
        shutil.copyfileobj(written, out, _COPY)
        return
    offset, size = written.tell(), os.fstat(source).st_size
    try:
        while offset < size:
            sent = os.sendfile(target, source, offset, min(size - offset, _SEND_MOST))
            if sent == 0:
                break
            offset += sent
    except OSError:  # no such copy into this output (a terminal, say): go on a piece at a time
        written.seek(offset)
        shutil.copyfileobj(written, out, _COPY)


@contextmanager
def text_over(into: BinaryIO, like: TextIO) -> Iterator[TextIO]:
    """Text written into the binary file `into` (a second process's part of an export) as
    `like`, the output it is copied to later, encodes it; `into` is left open and flushed."""
    text = io.TextIOWrapper(into, encoding=like.encoding, errors=like.errors)
    yield text
    text.flush()
    text.detach()
    into.flush()
