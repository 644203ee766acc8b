"""Broken and hostile input at the command line: `tui.cli.main(argv)` as the user meets it.

A path the user named that cannot be used, a binary file, an unknown flag or a bad option: exit
status 2 and exactly one line on stderr naming the file or value, never a traceback. Inside a
folder, a file that cannot be read or is binary is named on stderr and skipped while the rest
loads. File names and values are printed with control characters as visible symbols.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import random
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import parsing.sources
from parsing.models import CorpusExport
from tests.parsing.helpers import REPO
from tui.cli import main

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

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """`cli(*argv)`: run `main(argv)` and return (exit status, stdout, stderr)."""

    def run(*argv: str | Path) -> tuple[int, str, str]:
        code = main([str(arg) for arg in argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


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


# -- files inside a folder -----------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_binary_files_in_a_folder_are_named_and_skipped(
    command: str, tmp_path: Path, cli: Cli
) -> None:
    """A PNG, a gzip file and random bytes inside a folder: each named on its own stderr line
    and skipped; the good file loads and the command succeeds."""
    write(tmp_path / "a-good.txt", GOOD)
    for name, data in BINARIES.items():
        write(tmp_path / "sub" / name, data)
    code, out, err = cli(command, json_flag(command), tmp_path)
    assert code == 0, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == len(BINARIES), err
    for name in BINARIES:
        assert sum(name in line and "skipped" in line for line in lines) == 1, (name, err)
    if command == "export":
        export = export_of(out)
        assert sources_of(export) == {os.path.join(str(tmp_path), "a-good.txt")}
        assert post_texts(export)[0][1] == "Second post $CASH"
    else:
        assert json.loads(out)["sources"] == 1
        assert json.loads(out)["posts"] == 2


@pytest.mark.parametrize("command", COMMANDS)
def test_unreadable_file_in_a_folder_is_named_and_skipped(
    command: str, tmp_path: Path, cli: Cli
) -> None:
    """A file without read permission (chmod 000) inside a folder: one stderr line naming it,
    skipped; the good file loads, exit 0. (Root reads anything, so this needs a normal user.)"""
    if os.geteuid() == 0:
        pytest.skip("running as root: a chmod 000 file is still readable")
    write(tmp_path / "good.txt", GOOD)
    locked = write(tmp_path / "locked.txt", GOOD.replace("Hello", "Secret"))
    locked.chmod(0)
    try:
        code, out, err = cli(command, json_flag(command), tmp_path)
    finally:
        locked.chmod(0o644)
    assert code == 0, err
    assert "cannot read" in one_line(err, "locked.txt")
    if command == "export":
        assert sources_of(export_of(out)) == {os.path.join(str(tmp_path), "good.txt")}
    else:
        assert json.loads(out)["sources"] == 1


@pytest.mark.parametrize("command", COMMANDS)
def test_permission_denied_in_a_folder_is_named_and_skipped(
    command: str, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same as the chmod 000 test, for any user: opening `locked.txt` fails with
    PermissionError (simulated), so it is named on stderr and skipped; the rest loads."""
    write(tmp_path / "good.txt", GOOD)
    write(tmp_path / "locked.txt", GOOD.replace("Hello", "Secret"))

    def refusing_open(path: str, *args: Any, **kwargs: Any) -> Any:
        if os.path.basename(path) == "locked.txt":
            raise PermissionError(13, "Permission denied", path)
        return open(path, *args, **kwargs)

    # Sources open files with the built-in `open`: shadow it in that module alone.
    monkeypatch.setattr(parsing.sources, "open", refusing_open, raising=False)
    code, out, err = cli(command, json_flag(command), tmp_path)
    assert code == 0, err
    assert "cannot read" in one_line(err, "locked.txt")
    if command == "export":
        assert sources_of(export_of(out)) == {os.path.join(str(tmp_path), "good.txt")}
    else:
        assert json.loads(out)["sources"] == 1


@pytest.mark.parametrize("command", COMMANDS)
def test_broken_symlinks_in_a_folder_are_named_and_skipped(
    command: str, tmp_path: Path, cli: Cli
) -> None:
    """A dangling symlink and a symlink loop inside a folder cannot be read (by root either):
    each is named on one stderr line and skipped; the good file loads, exit 0."""
    write(tmp_path / "good.txt", GOOD)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    code, out, err = cli(command, json_flag(command), tmp_path)
    assert code == 0, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert sum("dangling.txt" in line for line in lines) == 1, err
    assert sum("loop.txt" in line for line in lines) == 1, err
    if command == "export":
        assert sources_of(export_of(out)) == {os.path.join(str(tmp_path), "good.txt")}
    else:
        assert json.loads(out)["sources"] == 1


@pytest.mark.parametrize("command", COMMANDS)
def test_special_files_in_a_folder_are_named_and_never_opened(
    command: str, tmp_path: Path, cli: Cli
) -> None:
    """A FIFO (whose read would wait forever) and a symlink to /dev/zero (which never ends)
    inside a folder are named on one stderr line each and skipped; the good file loads, exit 0."""
    write(tmp_path / "good.txt", GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    code, out, err = cli(command, json_flag(command), tmp_path)
    assert code == 0, err
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert all("not a regular file (skipped)" in line for line in lines), err
    assert sum("pipe.txt" in line for line in lines) == sum("zero.txt" in line for line in lines)
    assert any("pipe.txt" in line for line in lines), err
    if command == "export":
        assert sources_of(export_of(out)) == {os.path.join(str(tmp_path), "good.txt")}
    else:
        assert json.loads(out)["sources"] == 1


@pytest.mark.parametrize("command", COMMANDS)
def test_an_empty_path_is_an_error(command: str, cli: Cli) -> None:
    """An empty PATH is not the current folder: exit 2 with one line."""
    code, _, err = cli(command, "")
    assert code == 2
    assert err.count("\n") == 1 and "no such file or directory" in err, err


# -- invalid UTF-8 -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_invalid_utf8_is_reported_once_per_file(command: str, tmp_path: Path, cli: Cli) -> None:
    """Two files with invalid UTF-8 in a folder: exactly one warning line for each, naming it
    with its count; the posts keep U+FFFD; exit 0."""
    body = "Hello there, a long enough line of text for the sniffing to see text {}\n"
    first = ("1/ " + body.format("\xff") * 3 + "2/ ok\n").encode("latin-1")
    second = ("1/ " + body.format("x") + "2/ ok").encode() + b" \xc3(\n"
    write(tmp_path / "one.txt", first)
    write(tmp_path / "two.txt", second)
    code, out, err = cli(command, json_flag(command), tmp_path)
    assert code == 0, err
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert "3 invalid" in next(line for line in lines if "one.txt" in line), err
    assert "1 invalid" in next(line for line in lines if "two.txt" in line), err
    if command == "export":
        texts = post_texts(export_of(out))
        assert [text.count("\ufffd") for text in texts[0]] == [3, 0]
        assert texts[1][1] == "ok \ufffd("


def test_invalid_utf8_in_a_big_file_is_reported_once(tmp_path: Path, cli: Cli) -> None:
    """`stats` splits a file over 4 MB in two and counts each half apart: the warning is still
    one line, with the count of the whole file, the same count `export` reports."""
    block = (
        b"1/ Post with a bad \xff"
        + " byte and @bob #tag\n2/ second post here\n• • •\n"
        "Missing some Tweet in this thread? You can try to\nforce a refresh\n".encode()
    )
    blocks = 6 * (1 << 20) // len(block) + 1
    path = write(tmp_path / "big.txt", block * blocks)
    code, out, err = cli("stats", "--json", path)
    assert code == 0, err
    one_line(err, "big.txt", f"{blocks} invalid")
    assert json.loads(out)["threads"] == blocks
    code, _, err = cli("export", path)
    assert code == 0
    one_line(err, "big.txt", f"{blocks} invalid")


# -- hostile file names ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_hostile_file_name_of_a_skipped_file_is_shown_as_symbols(
    command: str, tmp_path: Path, cli: Cli
) -> None:
    """A binary file whose name holds ESC and BEL: the skip line shows them as ␛ and ␇, and no
    raw control character reaches stderr or stdout."""
    write(tmp_path / "good.txt", GOOD)
    write(tmp_path / HOSTILE_NAME, PNG)
    code, out, err = cli(command, json_flag(command), tmp_path)
    assert code == 0, err
    line = one_line(err, HOSTILE_NAME_SHOWN)
    no_raw_controls(line)
    no_raw_controls(out)


@pytest.mark.parametrize("command", COMMANDS)
def test_hostile_file_name_of_a_missing_path_is_shown_as_symbols(
    command: str, tmp_path: Path, cli: Cli
) -> None:
    """A missing path whose name holds ESC and BEL: exit 2, one line with ␛ and ␇."""
    code, out, err = cli(command, tmp_path / HOSTILE_NAME)
    assert (code, out) == (2, "")
    no_raw_controls(one_line(err, HOSTILE_NAME_SHOWN))


def test_hostile_file_name_in_the_invalid_utf8_warning(tmp_path: Path, cli: Cli) -> None:
    """The invalid-UTF-8 warning names the file with visible symbols; the export's `source`
    field carries the name escaped (JSON), never as raw control characters."""
    path = write(tmp_path / HOSTILE_NAME, b"1/ Hello there, some ordinary text \xff here\n2/ ok\n")
    code, out, err = cli("export", path)
    assert code == 0, err
    no_raw_controls(one_line(err, HOSTILE_NAME_SHOWN, "1 invalid"))
    no_raw_controls(out)
    assert sources_of(export_of(out)) == {str(path)}


def test_file_name_with_invalid_utf8_exports_valid_json(tmp_path: Path) -> None:
    """A file in a folder whose name is not valid UTF-8 (legal on Linux): `export` exits 0 and
    what it prints is valid UTF-8 JSON that validates as the export model; nothing on stderr.
    (Run as a subprocess, so stdout is the real one a user would pipe.)"""
    write(tmp_path / "good.txt", GOOD)
    with open(os.path.join(os.fsencode(tmp_path), b"bad\xffname.txt"), "wb") as out:
        out.write(GOOD.encode())
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # strict, as under an en_US.UTF-8 locale
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "export", str(tmp_path)],
        capture_output=True,
        cwd=REPO,
        env=env,
        timeout=120,
        check=False,
    )
    err = result.stderr.decode("utf-8", "backslashreplace")
    assert result.returncode == 0, err
    assert "Traceback" not in err
    export = CorpusExport.model_validate(json.loads(result.stdout.decode("utf-8")))
    assert len(export.threads) == 2


def run_entry(*args: str) -> subprocess.CompletedProcess[bytes]:
    """The installed command's entry point, in a process of its own."""
    return subprocess.run(
        [sys.executable, "-c", "from tui.cli import entry; entry()", *args],
        capture_output=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def test_a_command_writes_all_its_output_before_it_exits(tmp_path: Path) -> None:
    """`stats` leaves without tearing the interpreter down, but only after flushing: the whole
    JSON document arrives, and the exit status is the command's."""
    write(tmp_path / "good.txt", GOOD)
    result = run_entry("stats", "--json", str(tmp_path / "good.txt"))
    assert (result.returncode, result.stderr) == (0, b"")
    assert json.loads(result.stdout)["sources"] == 1
    missing = run_entry("stats", str(tmp_path / "missing.txt"))
    assert missing.returncode == 2
    assert b"no such file" in missing.stderr


def test_a_command_piped_into_a_reader_that_stops_early_exits_quietly(tmp_path: Path) -> None:
    """`export … | head -c 10`: the closed pipe ends the command with no traceback."""
    write(tmp_path / "good.txt", GOOD * 5000)  # more than a pipe holds
    script = "from tui.cli import entry; entry()"
    result = subprocess.run(
        f'"{sys.executable}" -c "{script}" export "{tmp_path}" | head -c 10',
        shell=True,
        capture_output=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert len(result.stdout) == 10
    assert result.stderr == b""


QUIT_WHILE_LOADING = """
import asyncio, threading
import tui.cli
never = threading.Event()

def reader():
    # The reader quit while its corpus is still being read in a worker thread: Textual runs
    # thread workers in the event loop's executor, whose threads the interpreter's exit joins.
    loop = asyncio.new_event_loop()
    loop.run_in_executor(None, never.wait)
    print("quit", flush=True)
    return 0

tui.cli.main = reader
tui.cli.entry()
"""


def test_the_reader_quits_without_waiting_for_its_loading() -> None:
    """A reader that quits while a worker thread still reads or indexes its corpus exits at
    once with its status: the exit does not wait for that thread (which here never ends)."""
    result = subprocess.run(
        [sys.executable, "-c", QUIT_WHILE_LOADING],
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, b"quit\n", b"")


APP_QUITS_WHILE_READING = """
import threading
from tui.app import ThreadlineApp
from tui.loading import CorpusLoader

never = threading.Event()
CorpusLoader.run = lambda self, post: never.wait()  # a read that never ends

async def press_q(pilot):
    await pilot.pause()
    await pilot.press("q")

app = ThreadlineApp(paths=[])
app.run(headless=True, size=(80, 24), auto_pilot=press_q)
print("returned", flush=True)
"""


def test_the_app_returns_on_q_while_its_corpus_is_still_read() -> None:
    """`q` while the corpus is still being read ends the app's run at once: the read does not
    hold up the event loop's shutdown (here it never ends)."""
    result = subprocess.run(
        [sys.executable, "-c", APP_QUITS_WHILE_READING],
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout.strip()) == (0, b"returned"), result.stderr[-2000:]
