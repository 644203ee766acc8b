"""Broken and hostile input at the command line: `tui.cli.main(argv)` as the user meets it.

A path the user named that cannot be used, a binary file, an unknown flag or a bad option: exit
status 2 and exactly one line on stderr naming the file or value, never a traceback. Inside a
folder, a file that cannot be read or is binary is named on stderr and skipped while the rest
loads (test_cli_folder_errors, with invalid UTF-8 and hostile file names; how a command exits:
test_cli_exits). File names and values are printed with control characters as visible symbols.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import random
import zipfile
from pathlib import Path

import pytest

from parsing.models import CorpusExport

from .helpers import Cli

GOOD = "1/ Hello @bob, see example.com/a… #tag 🇺🇦\n\n2/ Second post $CASH\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 8
GZIP = gzip.compress(b"1/ Hello @bob\n2/ a gzipped thread, not text\n" * 50, mtime=0)
RANDOM = random.Random(20240521).randbytes(4096)
BINARIES = {"picture.png": PNG, "archive.txt.gz": GZIP, "noise.txt": RANDOM}
COMMANDS = ["export", "stats"]
RAW_CONTROLS = frozenset(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if c != 0x0A)
HOSTILE_NAME = "evil\x1b]0;PWNED\x07\x1b[2J.txt"
"""A legal POSIX file name that would set the window title and clear the screen if printed raw."""
HOSTILE_NAME_SHOWN = "evil␛]0;PWNED␇␛[2J.txt"


def one_line(err: str, *words: str) -> str:
    """The single stderr line: no traceback, `threadline: ` first, each of `words` in it."""
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("threadline: "), err
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def no_raw_controls(text: str) -> None:
    """No C0 control (but newline), DEL or C1 control in `text`."""
    found = sorted({hex(ord(ch)) for ch in text if ch in RAW_CONTROLS})
    assert not found, f"raw control characters {found} in {text!r}"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def export_of(out: str) -> CorpusExport:
    return CorpusExport.model_validate(json.loads(out))


def post_texts(export: CorpusExport) -> list[list[str]]:
    return [[post.text for post in thread.posts] for thread in export.threads]


def sources_of(export: CorpusExport) -> set[str]:
    return {thread.source for thread in export.threads}


def json_flag(command: str) -> str:
    return "--json" if command == "stats" else "--format=json"


# -- paths the user named ------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_missing_path(command: str, tmp_path: Path, cli: Cli) -> None:
    """A path that does not exist: exit 2, one line naming it, nothing on stdout."""
    missing = tmp_path / "nowhere" / "threads.txt"
    code, out, err = cli(command, missing)
    assert (code, out) == (2, "")
    one_line(err, str(missing))


@pytest.mark.parametrize("command", COMMANDS)
def test_missing_path_next_to_a_good_one(command: str, tmp_path: Path, cli: Cli) -> None:
    """A named path that is missing is an error even when another named path is fine."""
    good = write(tmp_path / "good.txt", GOOD)
    code, out, err = cli(command, good, tmp_path / "gone.txt")
    assert (code, out) == (2, "")
    one_line(err, "gone.txt")


@pytest.mark.parametrize("command", COMMANDS)
def test_file_given_as_a_directory(command: str, tmp_path: Path, cli: Cli) -> None:
    """`file.txt/` whose file exists: exit 2, one line naming `file.txt/`."""
    write(tmp_path / "file.txt", GOOD)
    code, out, err = cli(command, f"{tmp_path / 'file.txt'}/")
    assert (code, out) == (2, "")
    one_line(err, "file.txt/")


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("name", "data"), BINARIES.items(), ids=["png", "gzip", "random"])
def test_binary_file_given_by_name(
    command: str, name: str, data: bytes, tmp_path: Path, cli: Cli
) -> None:
    """PNG bytes, a gzip file or random bytes named on the command line: exit 2, one line naming
    the file and saying it is binary; nothing on stdout."""
    path = write(tmp_path / name, data)
    code, out, err = cli(command, path)
    assert (code, out) == (2, "")
    assert "binary" in one_line(err, name)


@pytest.mark.parametrize("command", COMMANDS)
def test_zip_of_text_files_is_read_in_place(command: str, tmp_path: Path, cli: Cli) -> None:
    """A zip holding a page text is opened, not refused: its member is read as a source named
    `zip:member`, and the command succeeds."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("threads.txt", GOOD)
    path = write(tmp_path / "threads.zip", buffer.getvalue())
    code, out, err = cli(command, json_flag(command), path)
    assert (code, err) == (0, "")
    if command == "export":
        assert sources_of(export_of(out)) == {f"{path}:threads.txt"}
    else:
        assert json.loads(out)["posts"] == 2


def test_zip_without_threads_given_by_name(tmp_path: Path, cli: Cli) -> None:
    """A zip holding no text, Markdown or archive: exit 2, one line naming it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("picture.png", PNG)
    path = write(tmp_path / "pictures.zip", buffer.getvalue())
    code, out, err = cli("export", path)
    assert (code, out) == (2, "")
    assert "no threads" in one_line(err, "pictures.zip")


UTF16_TEXTS = {
    "ascii": GOOD,
    "cyrillic-cjk": "1/ Привет, мир 🇷🇺 沈阳 #тег\n\n2/ 半導体 @bob\n",
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", UTF16_TEXTS.values(), ids=UTF16_TEXTS.keys())
def test_utf16_with_bom_is_text_not_binary(
    command: str, codec: str, text: str, tmp_path: Path, cli: Cli
) -> None:
    """UTF-16 LE and BE with a BOM are full of NULs (or, for non-Latin text, of bytes that are
    invalid UTF-8) yet are text: exit 0, no stderr, and the same result as the UTF-8 copy."""
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    path = write(tmp_path / f"{codec}.txt", bom + text.encode(codec))
    plain = write(tmp_path / "plain.txt", text)
    code, out, err = cli(command, json_flag(command), path)
    assert (code, err) == (0, ""), err
    _, expected, _ = cli(command, json_flag(command), plain)
    if command == "export":
        assert post_texts(export_of(out)) == post_texts(export_of(expected))
        assert len(export_of(out).threads[0].posts) == 2
    else:
        assert json.loads(out) == json.loads(expected)
        assert json.loads(out)["posts"] == 2


def test_text_full_of_control_bytes_is_not_binary(tmp_path: Path, cli: Cli) -> None:
    """NUL, ESC and BEL inside a text file do not make it binary: it loads, its posts keep them,
    and the JSON on stdout carries them escaped, never raw."""
    text = "".join(f"{n}/ a\x00b \x1b[2J c\x07 d\x01 \u009b\n" for n in range(1, 40))
    path = write(tmp_path / "controls.txt", text)
    code, out, err = cli("export", path)
    assert (code, err) == (0, "")
    export = export_of(out)
    assert len(export.threads[0].posts) == 39
    assert export.threads[0].posts[0].text == "a\x00b \x1b[2J c\x07 d\x01 \u009b"
    no_raw_controls(out)


@pytest.mark.parametrize("command", COMMANDS)
def test_short_latin1_file_is_text_not_binary(command: str, tmp_path: Path, cli: Cli) -> None:
    """A short Latin-1 file (a few bytes that are invalid UTF-8, no NULs, no known signature) is
    text with broken encoding, not binary: it loads with U+FFFD in place of each bad byte and
    one warning line naming the file, exit 0."""
    path = write(tmp_path / "latin1.txt", "1/ Café crème\n2/ Voilà\n".encode("latin-1"))
    code, out, err = cli(command, json_flag(command), path)
    assert code == 0, err
    one_line(err, "latin1.txt", "3 invalid")
    if command == "export":
        assert post_texts(export_of(out)) == [["Caf\ufffd cr\ufffdme", "Voil\ufffd"]]
    else:
        assert json.loads(out)["posts"] == 2


# -- the reader: a bad named path ends the command before the screen is taken over ---------------

READER_BAD_PATHS = {
    "missing": ("nowhere.txt", None, "no such file"),
    "as-directory": ("good.txt/", GOOD, "not a directory"),
    "png": ("picture.png", PNG, "binary"),
    "random": ("noise.txt", RANDOM, "binary"),
}


@pytest.mark.parametrize(
    ("name", "data", "reason"), READER_BAD_PATHS.values(), ids=READER_BAD_PATHS.keys()
)
def test_reader_rejects_a_bad_named_path(
    name: str, data: str | bytes | None, reason: str, tmp_path: Path, cli: Cli
) -> None:
    """`threadline PATH` (the reader) with a missing, misnamed or binary PATH: exit 2 and one
    line naming it and saying why, as `export` and `stats` do; the reader never starts."""
    if data is not None:
        write(tmp_path / name.rstrip("/"), data)
    code, out, err = cli(f"{tmp_path}/{name}")  # a string: Path would drop the trailing slash
    assert (code, out) == (2, "")
    assert reason in one_line(err, name.rstrip("/"))


def test_reader_rejects_a_binary_file_next_to_a_good_one(tmp_path: Path, cli: Cli) -> None:
    """A binary file named next to a good one stops the reader too (named paths are the
    user's choice; only files found inside a folder are skipped)."""
    good = write(tmp_path / "good.txt", GOOD)
    png = write(tmp_path / "picture.png", PNG)
    code, out, err = cli(good, png)
    assert (code, out) == (2, "")
    one_line(err, "picture.png", "binary")


# -- flags and options ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["export"]], ids=["reader", "export"])
def test_unknown_flag(command: list[str], tmp_path: Path, cli: Cli) -> None:
    """`--flag atlantis`: exit 2 before anything is read or drawn, one line naming `atlantis`."""
    good = write(tmp_path / "good.txt", GOOD)
    code, out, err = cli(*command, "--flag", "atlantis", good)
    assert (code, out) == (2, "")
    one_line(err, "atlantis")


@pytest.mark.parametrize("command", [[], ["export"], ["stats"]], ids=["reader", "export", "stats"])
def test_unknown_option(command: list[str], tmp_path: Path, cli: Cli) -> None:
    """An option no command knows (`--bogus`): exit 2, one line naming it."""
    good = write(tmp_path / "good.txt", GOOD)
    code, out, err = cli(*command, "--bogus", good)
    assert (code, out) == (2, "")
    one_line(err, "--bogus")


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["export", "{good}", "--format", "yaml"], "yaml"),
        (["export", "{good}", "--format"], "--format"),
        (["export", "{good}", "--flag"], "--flag"),
        (["stats", "{good}", "--flag", "RU"], "--flag"),
        (["stats", "{good}", "--json=yes"], "--json"),
        (["{good}", "--search"], "--search"),
    ],
    ids=["bad-choice", "no-format", "no-flag", "stats-has-no-flag", "json-with-value", "no-search"],
)
def test_bad_option(argv: list[str], named: str, tmp_path: Path, cli: Cli) -> None:
    """A bad option value, a missing value or an option the command does not take: exit 2,
    one line naming the value or option."""
    good = write(tmp_path / "good.txt", GOOD)
    code, out, err = cli(*(str(good) if arg == "{good}" else arg for arg in argv))
    assert (code, out) == (2, "")
    one_line(err, named)


@pytest.mark.parametrize("command", [[], ["export"]], ids=["reader", "export"])
def test_hostile_flag_value_is_shown_not_obeyed(
    command: list[str], tmp_path: Path, cli: Cli
) -> None:
    """An unknown `--flag` value holding ESC and BEL: exit 2, one line, no raw control
    character reaches stderr."""
    good = write(tmp_path / "good.txt", GOOD)
    code, out, err = cli(*command, "--flag", "\x1b]0;PWNED\x07\x1b[2J", good)
    assert (code, out) == (2, "")
    line = one_line(err, "PWNED")
    no_raw_controls(line)
