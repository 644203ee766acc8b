"""The archive's data files: `window.YTD.tweets.part0 = [ … ]`, one JSON array behind a JS name.

Every `data/*.js` file of an X archive assigns one JSON value to a global (`window.YTD.<kind>.
partN`, or `window.__THAR_CONFIG` for the manifest). The name is skipped up to the first `=`,
whatever it says, since X has renamed it (`tweet` → `tweets`). A tweets file can be hundreds of
megabytes, so its array is read one element at a time from a window of decoded text: memory holds
the file's bytes and one window, never the whole file as text nor the whole array as objects.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any

from ...errors import ThreadlineError

_WINDOW = 1 << 20
_HEADER_LIMIT = 4096
_SPACE = " \t\r\n"
_BOM = "\ufeff"


class ArchiveError(ThreadlineError):
    """An archive that cannot be read: the message is one line naming the file."""


def body_start(data: bytes | bytearray, name: str) -> int:
    """Where the JSON value begins: just after `window.… =`; raises `ArchiveError` if absent."""
    head = bytes(data[:_HEADER_LIMIT]).lstrip(b"\xef\xbb\xbf \t\r\n")
    equals = head.find(b"=")
    if not head.startswith(b"window.") or equals < 0:
        raise ArchiveError(f"{name}: not an X archive data file (no `window.… =` at its start)")
    return len(data[:_HEADER_LIMIT]) - len(head) + equals + 1


def load_value(data: bytes | bytearray, name: str) -> Any:
    """The whole JSON value of a small data file (manifest, account)."""
    start = body_start(data, name)
    try:
        return json.loads(bytes(data[start:]).decode("utf-8").strip().rstrip(";"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise ArchiveError(f"{name}: cut short or not valid JSON ({_reason(error)})") from None


def elements(data: bytes | bytearray, name: str) -> Iterator[Any]:
    """The elements of a data file's array, one at a time; raises `ArchiveError` for a file that
    is cut short or is not an array."""
    decoder = json.JSONDecoder()
    utf8 = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    fed = body_start(data, name)
    text, at = "", 0

    def more() -> bool:
        nonlocal text, at, fed
        if fed >= len(view):
            return False
        try:
            chunk = utf8.decode(view[fed : fed + _WINDOW], fed + _WINDOW >= len(view))
        except UnicodeDecodeError:
            raise ArchiveError(f"{name}: not UTF-8 text") from None
        fed += _WINDOW
        text, at = text[at:] + chunk, 0
        return True

    def skip(chars: str) -> str:
        """The first character at or after `at` not in `chars`, "" at the end of the file."""
        nonlocal at
        while True:
            while at < len(text) and text[at] in chars:
                at += 1
            if at < len(text) or not more():
                return text[at] if at < len(text) else ""

    if skip(_SPACE + _BOM) != "[":
        raise ArchiveError(f"{name}: not an X archive data file (no array after `=`)")
    at += 1
    count = 0
    while True:
        mark = skip(_SPACE)
        if mark == "]":
            at += 1
            break
        if count:
            if mark != ",":
                raise _cut(name, count, "a `,` or `]` expected between entries")
            at += 1
            skip(_SPACE)
        while True:
            try:
                value, end = decoder.raw_decode(text, at)
                break
            except json.JSONDecodeError as error:
                if not more():
                    raise _cut(name, count, error.msg) from None
            except RecursionError:
                raise _cut(name, count, "nested too deep") from None
        at, count = end, count + 1
        yield value
    if skip(_SPACE + ";") != "":
        raise _cut(name, count, "text after the closing `]`")


def _cut(name: str, count: int, reason: str) -> ArchiveError:
    """A file that ends, or goes wrong, after `count` entries (positions inside the window
    read would mislead, so they are not given)."""
    entries = "1 entry" if count == 1 else f"{count} entries"
    return ArchiveError(f"{name}: cut short or not valid JSON after {entries} ({reason})")


def _reason(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__
