"""Broken and hostile input inside what the user named: files in a folder that are binary,
unreadable, broken links or special files are named on stderr and skipped while the rest loads;
invalid UTF-8 is reported once per file; hostile file names are shown with their control
characters as visible symbols."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import parsing.sources
from parsing.models import CorpusExport
from tests.parsing.helpers import REPO

from .helpers import Cli
from .test_cli_errors import (
    BINARIES,
    COMMANDS,
    GOOD,
    HOSTILE_NAME,
    HOSTILE_NAME_SHOWN,
    PNG,
    export_of,
    json_flag,
    no_raw_controls,
    one_line,
    post_texts,
    sources_of,
    write,
)

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
