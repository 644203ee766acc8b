"""Raw bytes in, normalised UTF-8 out.

Everything downstream works on one kind of buffer: UTF-8 without a byte-order mark, lines ending
in `\\n` only, every invalid byte sequence replaced by U+FFFD. Keeping that invariant here lets
the scanners use plain `bytes` regular expressions and count lines with `bytes.count`.
"""

from __future__ import annotations

import codecs
import mmap
import re
import threading
import unicodedata
from typing import NamedTuple

REPLACEMENT = "\ufffd".encode()
_UNASSIGNED_PLANES = re.compile("[\U00040000-\U000dffff]")
"""Planes 4 to 13: no character is assigned there, none is planned."""
_UTF8_BOM = codecs.BOM_UTF8
# UTF-32 first: its little-endian mark begins with UTF-16's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PLAUSIBLE_SHARE = 0.95
"""Of a BOM-less sample read as UTF-16, the characters that must look like text."""
# Validation runs over slices so that no giant str is ever built: decoding 260 MB at once
# would allocate about 1 GB of UCS-4 text just to learn the bytes are valid. A 64 KB slice's
# text stays in the processor's cache: a fifth faster than 1 MB slices.
_VALIDATE_CHUNK = 1 << 16
_SNIFF = 4096


class DecodedText(NamedTuple):
    """A source's text as normalised UTF-8, and what it took to get there."""

    data: bytearray
    encoding: str
    replaced: int
    """How many invalid byte sequences became U+FFFD."""


def decode(raw: bytes | bytearray) -> DecodedText:
    """Normalise `raw` (UTF-8 or UTF-16, any line ends) to UTF-8 with `\\n` line ends.

    A bytearray that needs no change comes back as the same object: a large file is never
    copied just to be looked at.
    """
    unchecked = normalise(raw)
    if unchecked.encoding.startswith(("utf-16", "utf-32")):
        return unchecked
    data, replaced = replace_invalid_utf8(unchecked.data)
    return DecodedText(data, unchecked.encoding, replaced)


def normalise(raw: bytes | bytearray) -> DecodedText:
    """`decode` without the check for invalid UTF-8: byte-order marks, UTF-16 and line ends.

    What comes out may still hold invalid UTF-8, to be replaced by `decode` later; parts of it
    split at line starts can be checked separately (invalid sequences never cross a newline).
    """
    data = raw if isinstance(raw, bytearray) else bytearray(raw)
    encoding = utf16_encoding(data)
    replaced = 0
    if encoding is not None:
        data, replaced = _from_wide(data, encoding)
    else:
        encoding = "utf-8"
        if data.startswith(_UTF8_BOM):
            del data[: len(_UTF8_BOM)]
            encoding = "utf-8-sig"
    return DecodedText(normalise_newlines(data), encoding, replaced)


def utf8_mark(data: bytes | bytearray | mmap.mmap) -> int | None:
    """How many bytes of byte-order mark start `data` if it is UTF-8 (0 or 3), so that its line
    ends alone are left to normalise; None for UTF-16 or UTF-32, which is decoded whole. Reads
    only the head."""
    head = bytes(data[:_SNIFF])
    if utf16_encoding(head) is not None:
        return None
    return len(_UTF8_BOM) if head.startswith(_UTF8_BOM) else 0


def replacement_warning(name: str, replaced: int, encoding: str) -> str:
    """The one line that tells the user how many invalid sequences of `name` became U+FFFD."""
    codec = "UTF-8"
    if encoding.startswith(("utf-16", "utf-32")):
        codec = encoding[:6].upper()
    plural = "s" if replaced != 1 else ""
    return f"{name}: {replaced} invalid {codec} sequence{plural} replaced by U+FFFD"


def utf16_encoding(raw: bytes | bytearray) -> str | None:
    """The UTF-16 (or UTF-32) flavour of `raw`, from its byte-order mark or, without one, from
    how it reads: NULs in every other byte (mostly ASCII), or text that only makes sense as
    UTF-16 (CJK, say, with its spaces and newlines as NUL-paired bytes).

    A UTF-8 byte-order mark settles it the other way, however many NULs follow.
    """
    if raw.startswith(_UTF8_BOM):
        return None
    for bom, name in _WIDE_BOMS:
        if raw.startswith(bom) and (not name.startswith("utf-32") or _reads_as(raw, name)):
            return name
    sample = bytes(raw[:_SNIFF])
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # Mostly-ASCII UTF-16 has a NUL in every other byte and almost none in the rest.
    if odd_nuls >= half * 0.4 and even_nuls <= half * 0.05:
        return "utf-16-le"
    if even_nuls >= half * 0.4 and odd_nuls <= half * 0.05:
        return "utf-16-be"
    if not (odd_nuls or even_nuls) or _is_utf8(sample):
        return None
    shares = {name: _text_share(sample, name) for name in ("utf-16-le", "utf-16-be")}
    best = max(shares, key=shares.__getitem__)
    return best if shares[best] >= _PLAUSIBLE_SHARE else None


def _reads_as(raw: bytes | bytearray, utf32: str) -> bool:
    """Is `raw`, which starts like a UTF-32 byte-order mark, really UTF-32? `FF FE 00 00` is
    also UTF-16 for a BOM then U+0000: it takes whole, valid UTF-32 code units after it, none of
    them in planes 4 to 13, where nothing is assigned (UTF-16 `@` and a control, `40 00 0B 00`,
    is the UTF-32 unit U+B0040)."""
    sample = bytes(raw[4 : 4 + _SNIFF])
    if not sample or len(raw) % 4:
        return False
    try:
        text = sample.decode(utf32)
    except UnicodeDecodeError:
        return False
    return _UNASSIGNED_PLANES.search(text) is None


def _is_utf8(sample: bytes) -> bool:
    try:
        codecs.utf_8_decode(sample, "strict", False)
    except UnicodeDecodeError:
        return False
    return True


def _text_share(sample: bytes, encoding: str) -> float:
    """How much of `sample` read as `encoding` is text: letters, marks, numbers, punctuation,
    symbols, spaces, format characters and line ends (with one line end at least); not
    controls, lone surrogates, private or unassigned code points."""
    text = sample.decode(encoding, "replace")
    if "\n" not in text and "\r" not in text:
        return 0.0
    plain = sum(
        1
        for char in text
        if char in "\t\n\r" or (char != "\ufffd" and unicodedata.category(char) not in _NOT_TEXT)
    )
    return plain / len(text)


_NOT_TEXT = frozenset({"Cc", "Cs", "Co", "Cn"})


def _from_wide(raw: bytearray, encoding: str) -> tuple[bytearray, int]:
    _replacements.count = 0
    text = raw.decode(encoding, _COUNTING_REPLACE).removeprefix("\ufeff")
    return bytearray(text.encode("utf-8", "surrogatepass")), _replacements.count


# A codec error handler that replaces like `replace` and counts, per thread, what it replaced.
_COUNTING_REPLACE = "threadline.counting-replace"
_replacements = threading.local()


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _replacements.count += 1
    return "\ufffd", exc.end


codecs.register_error(_COUNTING_REPLACE, _count_and_replace)


def replace_invalid_utf8(data: bytearray) -> tuple[bytearray, int]:
    """`data` with each maximal invalid UTF-8 subpart replaced by U+FFFD, and how many there were.

    Valid input comes back as the same object, without a copy.
    """
    if data.isascii():
        return data, 0
    view = memoryview(data)
    size = len(data)
    pieces: list[bytes | bytearray] = []
    kept_from = 0
    pos = 0
    replaced = 0
    width = _VALIDATE_CHUNK
    while pos < size:
        end = min(pos + width, size)
        try:
            _, consumed = codecs.utf_8_decode(view[pos:end], "strict", end == size)
        except UnicodeDecodeError as exc:
            bad_start, bad_end = pos + exc.start, pos + exc.end
            pieces.append(data[kept_from:bad_start])
            pieces.append(REPLACEMENT)
            replaced += 1
            kept_from = pos = bad_end
            continue
        if consumed == 0:
            # The slice holds only the start of a sequence cut at its end: widen it.
            width *= 2
            continue
        width = _VALIDATE_CHUNK
        pos += consumed
    if not replaced:
        return data, 0
    pieces.append(data[kept_from:])
    return bytearray(b"".join(pieces)), replaced


def normalise_newlines(data: bytearray) -> bytearray:
    """Universal newlines: `\\r\\n` and a lone `\\r` both become `\\n`."""
    if b"\r" not in data:
        return data
    data = data.replace(b"\r\n", b"\n")
    # Most files with `\r` have it before every `\n` only: one pass over them, not two.
    return data.replace(b"\r", b"\n") if b"\r" in data else data
