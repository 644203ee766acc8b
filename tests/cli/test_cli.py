"""`threadline export` and `threadline stats` as the user meets them: exit codes (0 done, 2 bad
input or usage with one line on stderr, never a traceback), standard input, JSON shapes."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.parsing.helpers import FIXTURES
from tui import __version__
from tui.cli import main

BASE = FIXTURES / "encoding" / "base.txt"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 8


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_line_error(err: str, *words: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("threadline: ")
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0]


@pytest.fixture
def png(tmp_path: Path) -> Path:
    path = tmp_path / "picture.png"
    path.write_bytes(PNG)
    return path


@pytest.mark.parametrize("command", ["export", "stats"])
def test_missing_file(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.txt"
    code, out, err = run([command, str(missing)], capsys)
    assert (code, out) == (2, "")
    assert_one_line_error(err, str(missing))


@pytest.mark.parametrize("command", ["export", "stats"])
def test_file_given_as_folder(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([command, f"{BASE}/"], capsys)
    assert (code, out) == (2, "")
    assert_one_line_error(err, "base.txt")


@pytest.mark.parametrize("command", ["export", "stats"])
def test_binary_file(command: str, png: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([command, str(png)], capsys)
    assert (code, out) == (2, "")
    assert_one_line_error(err, "picture.png")


def test_unknown_flag(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["export", "--flag", "atlantis", str(BASE)], capsys)
    assert (code, out) == (2, "")
    assert_one_line_error(err, "atlantis")


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--bogus", str(BASE)],
        ["stats", "--flag", "RU", str(BASE)],
        ["export", "--format", "yaml", str(BASE)],
        ["export", "--flag"],
    ],
)
def test_bad_option(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(argv, capsys)
    assert (code, out) == (2, "")
    assert_one_line_error(err)


def test_folder_with_a_binary_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A binary file inside a folder is skipped and named on stderr; the rest loads."""
    (tmp_path / "threads.txt").write_bytes(BASE.read_bytes())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "picture.png").write_bytes(PNG)
    code, out, err = run(["stats", "--json", str(tmp_path)], capsys)
    assert code == 0
    assert json.loads(out)["threads"] == 2
    assert_one_line_error(err, "picture.png")


def test_invalid_utf8_is_reported_once(capsys: pytest.CaptureFixture[str]) -> None:
    invalid = FIXTURES / "encoding" / "invalid.txt"
    code, out, err = run(["stats", "--json", str(invalid)], capsys)
    assert code == 0
    assert json.loads(out)["threads"] == 2
    assert_one_line_error(err, "invalid.txt")


def with_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    with_stdin(monkeypatch, BASE.read_bytes().replace(b"\n", b"\r\n"))
    code, out, err = run(["export", "-"], capsys)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert [[p["number"] for p in t["posts"]] for t in data["threads"]] == [[1, 2, 3], [1, 2]]
    assert {t["source"] for t in data["threads"]} == {"-"}
    assert data["skipped"][0] == {"source": "-", "line": 5, "text": "• • •"}


def test_stdin_and_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with_stdin(monkeypatch, b"1/ From standard input.\n2/ Two posts.\n")
    code, out, _ = run(["stats", "--json", "-", str(BASE)], capsys)
    assert code == 0
    assert json.loads(out)["threads"] == 3


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """`--version` prints one line and succeeds (argparse ends it with SystemExit(0))."""
    try:
        code = main(["--version"])
    except SystemExit as done:
        code = done.code or 0
    assert code == 0
    out = capsys.readouterr().out
    assert out.strip() == f"threadline {__version__}"


def test_stats_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["stats", "--json", str(BASE)], capsys)
    assert (code, err) == (0, "")
    data: dict[str, Any] = json.loads(out)
    assert {"threads", "posts", "missing", "entities", "flags"} <= set(data)
    assert (data["threads"], data["posts"], data["missing"]) == (2, 5, 0)
    assert data["entities"] == {"mention": 1, "link": 1, "hashtag": 0, "cashtag": 0, "flag": 2}
    assert data["flags"] == {"CH": 1, "AT": 1}


def test_stats_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["stats", str(BASE)], capsys)
    assert code == 0
    assert "2 threads, 5 posts" in out


def test_export_markdown_marks_missing_posts(capsys: pytest.CaptureFixture[str]) -> None:
    """One placeholder per run of missing posts, each just before the post after it."""
    gaps = str(FIXTURES / "layout" / "gaps.txt")
    code, out, _ = run(["export", "--format", "markdown", gaps], capsys)
    assert code == 0
    assert out.index("post 3 is missing") < out.index("Thursday")
    assert out.index("Thursday") < out.index("posts 5–6 are missing") < out.index("Sunday")
    assert "post 5 is missing" not in out


def test_export_search_and_flag(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["export", "--search", "CAFÉ", str(BASE)], capsys)
    assert code == 0
    assert len(json.loads(out)["threads"]) == 1
    code, out, _ = run(["export", "--flag", "switzerland", "--flag", "🇦🇹", str(BASE)], capsys)
    assert code == 0
    assert [t["flags"] for t in json.loads(out)["threads"]] == [["CH", "AT"]]


@pytest.mark.parametrize("related", [False, True])
def test_export_json_has_the_model_shape(related: bool, capsys: pytest.CaptureFixture[str]) -> None:
    """`threadline export` prints exactly what the pydantic models describe and dump."""
    from parsing import build_index, load_corpus
    from parsing.export import export_model, to_json
    from parsing.models import CorpusExport

    paths = [str(BASE), str(FIXTURES / "layout")]
    code, out, _ = run(["export", *(["--related"] if related else []), *paths], capsys)
    assert code == 0
    data = json.loads(out)
    assert CorpusExport.model_validate(data).model_dump(mode="json") == data
    corpus = load_corpus(paths)
    model = export_model(corpus, build_index(corpus), range(corpus.thread_count), related)
    assert json.loads(to_json(model)) == data


@pytest.mark.parametrize("columns", ["60", "100"])
def test_help_is_wrapped_to_the_terminal_width(
    columns: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`export --help` wraps its options to COLUMNS less argparse's margin of two, as argparse
    itself would."""
    monkeypatch.setenv("COLUMNS", columns)
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= int(columns) - 2
    assert any(len(line) > 50 for line in lines)


def test_export_author(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`export --author @kitefan` writes only the thread whose clipping names that handle."""
    (tmp_path / "a.md").write_text("---\nauthor: Zed Quill\n---\n1/ Salt roads.\n2/ Rails.\n")
    (tmp_path / "b.md").write_text("---\nauthor: '@kitefan'\n---\n1/ Kites rose.\n2/ Red.\n")
    code, out, err = run(["export", "--author", "@KiteFan", str(tmp_path)], capsys)
    assert (code, err) == (0, "")
    threads = json.loads(out)["threads"]
    assert [thread["handle"] for thread in threads] == ["kitefan"]


def test_help_says_how_author_matches(capsys: pytest.CaptureFixture[str]) -> None:
    """The reader's and export's help explain what `--author` matches."""
    for argv in (["--help"], ["export", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        out = " ".join(capsys.readouterr().out.split())
        assert "--author NAME" in out and "a handle (@ann or ann" in out
