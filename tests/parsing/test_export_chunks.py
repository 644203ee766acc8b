"""JSON strings escaped as UTF-8 bytes, against the json module's encoder and the export's
control escaping."""

from __future__ import annotations

import io
import os
import threading
from json.encoder import encode_basestring
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from parsing.export_chunks import Chunks, clean, copy_out, escape_controls, json_string, text_over

from .test_properties import PROPERTY, texts

ESCAPED = ['"', "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1b", "\x7f", "\x85", "\x9f", "é"]


@PROPERTY
@given(texts | st.lists(st.sampled_from([*ESCAPED, "a", "🇷🇺", "\u2028"])).map("".join))
@example('say "hi" \\ back\ttab\x7fdel\x85nel\x1besc 🇷🇺')
def test_a_string_escaped_as_bytes_is_the_encoders(text: str) -> None:
    """The bytes of a text escaped as a JSON string are those of the encoder's string with
    DEL and C1 controls escaped after it, encoded."""
    raw = text.encode("utf-8", "surrogatepass")
    expected = escape_controls(encode_basestring(text))[1:-1].encode("utf-8", "surrogatepass")
    assert json_string(raw, clean=clean(raw)) == expected


def test_chunks_into_text_alone_decode_what_was_added() -> None:
    """Into an output with no bytes below it, what was added is written as the same text, in
    order, the controls of unclean pieces escaped."""
    out = io.StringIO()
    chunks = Chunks(out)
    chunks.add('{"a": "\x85"}')
    chunks.add_bytes("ü 🇷🇺".encode())
    chunks.add("\x7f", clean=True)
    chunks.flush()
    assert out.getvalue() == '{"a": "\\u0085"}ü 🇷🇺\x7f'


def test_chunks_into_utf8_write_after_the_text_written_before() -> None:
    """Into UTF-8 with bytes below, a chunk goes after whatever was written as text before."""
    below = io.BytesIO()
    out = io.TextIOWrapper(below, encoding="utf-8")
    out.write("[")
    chunks = Chunks(out)
    chunks.add_bytes("ü".encode())
    chunks.flush()
    out.write("]")
    out.flush()
    assert below.getvalue().decode() == "[ü]"


@pytest.mark.parametrize("into", ["file", "pipe", "memory"])
def test_the_second_half_is_copied_out_from_where_it_stands(tmp_path: Path, into: str) -> None:
    """A written half is copied from its position to its end after what the output holds:
    into a file or a pipe by the kernel, into an output with no file below piece by piece."""
    written = (tmp_path / "half").open("w+b")
    written.write(b"skip" + "é🇯🇵".encode() * 300_000)
    written.seek(4)
    expected = b"head" + "é🇯🇵".encode() * 300_000
    if into == "memory":
        out = io.BytesIO()
        out.write(b"head")
        copy_out(written, out)
        assert out.getvalue() == expected
    elif into == "file":
        with (tmp_path / "out").open("wb") as target:
            target.write(b"head")
            copy_out(written, target)
        assert (tmp_path / "out").read_bytes() == expected
    else:
        read, write = os.pipe()
        got: list[bytes] = []
        reader = threading.Thread(target=lambda: got.append(_read_all(read)))
        reader.start()
        with os.fdopen(write, "wb") as target:
            target.write(b"head")
            copy_out(written, target)
        reader.join()
        assert got == [expected]
    written.close()


def _read_all(descriptor: int) -> bytes:
    with os.fdopen(descriptor, "rb") as incoming:
        return incoming.read()


def test_text_over_a_file_is_encoded_as_the_output_it_is_copied_to() -> None:
    """Text written over a binary file for a second process (`text_over`) is encoded with the
    output's encoding and error rule, and leaves the file open and flushed, for the parent to
    copy out."""
    like = io.TextIOWrapper(io.BytesIO(), encoding="latin-1", errors="replace")
    into = io.BytesIO()
    with text_over(into, like) as text:
        text.write("café ☕\n")
    assert not into.closed
    assert into.getvalue() == "café ?\n".encode("latin-1")
