"""`--all-tweets`: every tweet of an X archive, each lone one a one-post thread."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from parsing.formats import x_archive
from tests.formats.archive_maker import ArchiveMaker, write_zip
from tui.cli import main


@pytest.fixture(autouse=True)
def reset_format() -> Iterator[None]:
    yield
    x_archive.FORMAT.all_tweets = False  # the option sets it for the process


def archive(tmp_path: Path) -> Path:
    maker = ArchiveMaker()
    root = maker.tweet("A thread starts here")
    maker.tweet("and goes on", reply_to=root)
    maker.tweet("A lone remark")
    return write_zip(maker.files(), tmp_path / "archive.zip")


@pytest.mark.parametrize(("options", "threads"), [([], 1), (["--all-tweets"], 2)])
def test_all_tweets_adds_lone_tweets_as_threads(
    options: list[str], threads: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without the option only the self-reply chain is a thread; with it the lone tweet is
    one too."""
    assert main(["stats", "--json", *options, str(archive(tmp_path))]) == 0
    assert json.loads(capsys.readouterr().out)["threads"] == threads
