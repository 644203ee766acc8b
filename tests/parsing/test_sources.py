"""Reading sources: universal newlines, byte-order marks, UTF-16, invalid UTF-8, binary data,
and several files and folders in one corpus."""

from __future__ import annotations

import codecs
import mmap
import shutil
from pathlib import Path

import pytest

from parsing import CorpusError, load_corpus
from parsing.decoding import decode, utf8_mark
from parsing.sources import SourceFile, looks_binary, read, resolve

from .helpers import FIXTURES, parse_bytes, summary

ENCODING = FIXTURES / "encoding"
FOLDER = FIXTURES / "folder"


@pytest.mark.parametrize(
    "name", ["crlf.txt", "cr.txt", "bom_crlf.txt", "utf16le.txt", "utf16be.txt"]
)
def test_encodings_and_line_ends_parse_like_plain_utf8(name: str) -> None:
    """The same text with \\r\\n, lone \\r, a UTF-8 BOM or UTF-16 (with BOM): the same corpus."""
    base = load_corpus([ENCODING / "base.txt"])
    other = load_corpus([ENCODING / name])
    assert summary(other) == summary(base)
    assert other.warnings == []
    assert base.thread_count == 2
    assert summary(base)["numbers"] == [[1, 2, 3], [1, 2]]
    assert summary(base)["skipped"][0] == (5, "• • •")


def test_utf16_is_read_as_utf16() -> None:
    assert load_corpus([ENCODING / "utf16le.txt"]).sources[0].encoding == "utf-16-le"
    assert load_corpus([ENCODING / "utf16be.txt"]).sources[0].encoding == "utf-16-be"


def test_bom_is_dropped() -> None:
    corpus = load_corpus([ENCODING / "bom_crlf.txt"])
    assert not corpus.post_text(0).startswith("\ufeff")
    assert corpus.post_text(0).startswith("THREAD\n")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a\r\nb", b"a\nb"),
        (b"a\rb", b"a\nb"),
        (b"a\r\rb", b"a\n\nb"),
        (b"a\n\rb", b"a\n\nb"),
        (b"a\r\n\r\nb", b"a\n\nb"),
        (codecs.BOM_UTF8 + b"x\r", b"x\n"),
        ("a\u2028b\x85c\x0bd".encode(), "a\u2028b\x85c\x0bd".encode()),
    ],
)
def test_decode_newlines(raw: bytes, expected: bytes) -> None:
    """Lines end at \\n, \\r\\n or a lone \\r and nowhere else (not at U+2028, NEL or VT)."""
    assert bytes(decode(raw).data) == expected


def test_line_numbers_count_only_real_line_ends() -> None:
    """U+2028 and a vertical tab inside a post do not start new lines."""
    corpus = parse_bytes("1/ one\u2028still one\x0bstill\r2/ two\r\n3/ three".encode())
    assert summary(corpus)["numbers"] == [[1, 2, 3]]
    assert summary(corpus)["lines"] == [[(1, 1), (2, 2), (3, 3)]]


def test_invalid_utf8_is_replaced_and_reported_once_naming_the_file() -> None:
    path = ENCODING / "invalid.txt"
    corpus = load_corpus([path])
    assert len(corpus.warnings) == 1
    assert str(path) in corpus.warnings[0]
    assert "\ufffd" in corpus.post_text(1)
    assert corpus.post_text(1).count("\ufffd") == 2
    base = summary(load_corpus([ENCODING / "base.txt"]))
    got = summary(corpus)
    assert got["numbers"] == base["numbers"]
    assert got["lines"] == base["lines"]
    assert got["skipped"] == base["skipped"]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (codecs.BOM_UTF8 + b"\x00", "\x00"),
        (codecs.BOM_UTF8 + b"\x00a\x00b\x00c\x00", "\x00a\x00b\x00c\x00"),
    ],
)
def test_utf8_bom_means_utf8(raw: bytes, text: str) -> None:
    """A file that starts with a UTF-8 BOM is UTF-8, however many NULs follow it."""
    decoded = decode(raw)
    assert decoded.encoding == "utf-8-sig"
    assert bytes(decoded.data).decode("utf-8") == text


def test_valid_utf8_gives_no_warning() -> None:
    assert load_corpus([ENCODING / "base.txt"]).warnings == []


def test_folder_is_read_recursively_in_name_order() -> None:
    corpus = load_corpus([FOLDER])
    names = [Path(source.name).relative_to(FOLDER).as_posix() for source in corpus.sources]
    assert names == ["a.txt", "nested/b.txt", "nested/deeper/c.txt"]
    assert corpus.thread_count == 3
    assert summary(corpus)["numbers"] == [[1, 2]] * 3
    assert [corpus.threads.source[t] for t in range(3)] == [0, 1, 2]


def test_several_files_and_folders_in_one_corpus() -> None:
    corpus = load_corpus([ENCODING / "base.txt", FOLDER, FIXTURES / "layout" / "gaps.txt"])
    assert len(corpus.sources) == 5
    assert corpus.thread_count == 2 + 3 + 1
    assert corpus.post_count == 5 + 6 + 4
    # Line numbers restart with every file.
    assert summary(corpus)["lines"][2] == [(1, 1), (2, 2)]
    assert corpus.missing(5) == [3, 5, 6]


def test_thread_ids_are_stable_and_unique(tmp_path: Path) -> None:
    """Ids repeat from one load to the next, and differ between copies of the same text."""
    copy = tmp_path / "copy"
    shutil.copytree(FOLDER, copy)
    first = load_corpus([FOLDER, copy]).thread_ids
    again = load_corpus([FOLDER, copy]).thread_ids
    assert first == again
    assert len(set(first)) == len(first) == 6


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus([tmp_path / "nothing.txt"])


def test_file_named_as_folder_is_an_error() -> None:
    with pytest.raises(CorpusError, match="not a directory"):
        resolve([f"{ENCODING / 'base.txt'}/"])


def test_named_binary_file_is_an_error(tmp_path: Path) -> None:
    image = tmp_path / "image.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(CorpusError, match="binary"):
        load_corpus([image])


def test_binary_file_in_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("1/ A note.\n2/ Another.\n", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(1024))
    corpus = load_corpus([tmp_path])
    assert corpus.thread_count == 1
    assert len(corpus.warnings) == 1
    assert "photo.png" in corpus.warnings[0]


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), True),
        (b"%PDF-1.4\n" + bytes(range(256)), True),
        (bytes(200), True),
        (b"plain text\n", False),
        ("текст 🇷🇺\n".encode(), False),
        (codecs.BOM_UTF16_LE + "utf-16 text".encode("utf-16-le"), False),
        (b"text with a \x1b[31m escape and a \x00 NUL in a long enough line of text", False),
        (b"", False),
    ],
)
def test_looks_binary(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    """A file named on its own and also inside a named folder is one source, not two."""
    (tmp_path / "a.txt").write_text("1/ one\n2/ two\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("1/ three\n", encoding="utf-8")
    corpus = load_corpus([tmp_path, tmp_path / "a.txt", str(tmp_path / "b.txt")])
    assert [Path(source.name).name for source in corpus.sources] == ["a.txt", "b.txt"]
    assert corpus.thread_count == 2


CJK_THREAD = "1/ 新しい指針では、半導体の輸出を話す。 #半導体\n\n2/ 続き：中国と日本 🇨🇳🇯🇵\n" * 6


@pytest.mark.parametrize(
    "encoded",
    [
        CJK_THREAD.encode("utf-16-le"),
        CJK_THREAD.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + CJK_THREAD.encode("utf-32-le"),
        codecs.BOM_UTF32_BE + CJK_THREAD.encode("utf-32-be"),
    ],
    ids=["utf-16-le-no-bom", "utf-16-be-no-bom", "utf-32-le-bom", "utf-32-be-bom"],
)
def test_wide_encodings_of_cjk_text_parse_like_utf8(encoded: bytes) -> None:
    """CJK text in UTF-16 without a byte-order mark (few NUL bytes, but NUL-paired line ends)
    and UTF-32 with one are text, not binary, and parse exactly like the UTF-8 original."""
    assert not looks_binary(encoded)
    assert summary(parse_bytes(encoded)) == summary(parse_bytes(CJK_THREAD.encode()))


def test_utf16_that_reads_as_utf32_in_an_empty_plane_stays_utf16() -> None:
    """`FF FE 00 00 40 00 0B 00` is UTF-16 (BOM, U+0000, `@`, VT) or UTF-32 (BOM, U+B0040).
    Nothing is assigned in plane 11, so it is read as UTF-16."""
    raw = codecs.BOM_UTF16_LE + "\x00@\x0b".encode("utf-16-le")
    assert raw[:4] == codecs.BOM_UTF32_LE
    assert summary(parse_bytes(raw)) == summary(parse_bytes(b"\x00@\x0b"))


def test_an_invalid_utf16_sequence_is_reported_as_utf16() -> None:
    """A lone surrogate in a UTF-16 file becomes U+FFFD, and the warning says UTF-16."""
    raw = (
        codecs.BOM_UTF16_LE + "1/ a\n".encode("utf-16-le") + b"\x00\xd8" + "b\n".encode("utf-16-le")
    )
    corpus = parse_bytes(raw, name="lone.txt")
    assert corpus.warnings == ["lone.txt: 1 invalid UTF-16 sequence replaced by U+FFFD"]
    assert "\ufffd" in corpus.post_text(0)


@pytest.mark.parametrize(
    ("raw", "mark"),
    [
        (b"1/ plain text\n2/ more\n", 0),
        (codecs.BOM_UTF8 + b"1/ text\r\n", 3),
        (b"1/ text\r\n2/ more\r\n", 0),
        ("1/ text\n".encode("utf-16"), None),
        ("1/ text\n".encode("utf-16-le"), None),
        ("1/ text\n".encode("utf-32"), None),
    ],
    ids=["plain", "utf-8-bom", "crlf", "utf-16", "utf-16-without-bom", "utf-32"],
)
def test_utf8_mark(raw: bytes, mark: int | None) -> None:
    """UTF-8 (its line ends normalised later, part by part) is told from UTF-16 and UTF-32
    (decoded whole) by the head alone, with the length of its byte-order mark if any."""
    assert utf8_mark(raw) == mark


@pytest.mark.parametrize(("size", "mapped"), [(999, False), (1000, True)])
def test_files_from_the_map_size_on_are_mapped(tmp_path: Path, size: int, mapped: bool) -> None:
    """`read(map_from=...)` maps a file of that size or more, read-only, with the same bytes,
    and reads a smaller one into memory."""
    path = tmp_path / "corpus.txt"
    path.write_bytes(b"1/ text\n" * (size // 8) + b"x" * (size % 8))
    data = read(SourceFile("corpus.txt", str(path)), map_from=1000)
    try:
        assert isinstance(data, mmap.mmap) is mapped
        assert bytes(data) == path.read_bytes()
    finally:
        if isinstance(data, mmap.mmap):
            data.close()


def test_a_file_that_cannot_be_mapped_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where a file system refuses to map a file, it is read into memory instead."""

    def refuse(*args: object, **kwargs: object) -> mmap.mmap:
        raise OSError(19, "No such device")

    path = tmp_path / "corpus.txt"
    path.write_bytes(b"1/ text\n" * 200)
    monkeypatch.setattr(mmap, "mmap", refuse)
    data = read(SourceFile("corpus.txt", str(path)), map_from=100)
    assert isinstance(data, bytearray)
    assert data == path.read_bytes()


def test_a_file_whose_real_path_cannot_be_read_is_still_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the real path of a file cannot be found (a link the user may not read, as under
    /proc), the file is told apart from the others by its absolute path, not an error."""
    import os

    from parsing.sources import each_once

    def unreadable(path: str, *args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(os.path, "realpath", unreadable)
    files = [SourceFile("a.txt", "a.txt"), SourceFile("b.txt", "b.txt")]
    assert each_once([*files, files[0]]) == files
