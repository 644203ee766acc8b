"""`export --related` (and any export of the general path) written by two processes into a file
or pipe: the second half of the threads by a forked process, copied out after the first, with
the very bytes one process writes; a second process that fails is one error line."""

from __future__ import annotations

import io
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest

from parsing import background, build_index
from parsing.corpus import Corpus
from parsing.export_json import write_json
from parsing.export_markdown import write_markdown
from parsing.related_batch import RelatedBatch
from tests.bench.generate import generate
from tui.cli import main

from .helpers import parse_text

needs_a_fork = pytest.mark.skipif(
    not hasattr(os, "fork") or threading.active_count() != 1,
    reason="written here, at once, without a fork",
)
SAVED_TWICE = (
    "1/3 The ferry to Kestrel Island leaves at dawn on tuesdays. #ferry @harbor_desk\n"
    "2/3 Tickets at the quay kiosk; the kiosk takes coins only. 🇳🇴\n"
    "3/3 Back by the evening boat, weather allowing. #ferry\n"
)
"""A thread saved twice: each copy lists the other as the same thread."""


def corpus_of(posts: int, shape: str) -> Corpus:
    lines = "".join(line + "\n" for line in generate(posts, seed=11, shape=shape))
    return parse_text(SAVED_TWICE + "\n\n" + lines + "\n\n" + SAVED_TWICE)


def one_process(corpus: Corpus, markdown: bool, with_related: bool) -> str:
    """The export written by this process alone (into text with no file below, no fork)."""
    index = build_index(corpus, with_words=with_related)
    out = io.StringIO()
    threads = range(corpus.thread_count)
    if markdown:
        write_markdown(corpus, index, threads, out, with_related=with_related)
    else:
        write_json(corpus, index, threads, out, with_related=with_related)
    return out.getvalue()


def two_processes(corpus: Corpus, markdown: bool, with_related: bool, path: Path) -> str:
    """The export written into a file, where a second process may write half of it."""
    index = build_index(corpus, with_words=with_related)
    threads = range(corpus.thread_count)
    with path.open("w", encoding="utf-8") as out:
        if markdown:
            write_markdown(corpus, index, threads, out, with_related=with_related)
        else:
            write_json(corpus, index, threads, out, with_related=with_related)
    return path.read_text(encoding="utf-8")


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Any text is enough for a second process; each one started is recorded."""
    started: list[object] = []

    def counted(work: Callable[[BinaryIO], None]) -> background.Written:
        started.append(work)
        return background_later_written(work)

    background_later_written = background.later_written
    monkeypatch.setattr(background, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(background, "later_written", counted)
    return started


@pytest.mark.parametrize("shape", ["few", "many"])
@pytest.mark.parametrize("markdown", [False, True], ids=["json", "markdown"])
def test_related_threads_written_by_two_processes_are_the_same_bytes(
    forks: list[object], tmp_path: Path, shape: str, markdown: bool
) -> None:
    """With related threads, half the threads written by a forked process into a file give
    the bytes one process writes: the same threads, ids, scores and reasons, in order."""
    corpus = corpus_of(1_500, shape)
    expected = one_process(corpus, markdown, with_related=True)
    assert not forks
    written = two_processes(corpus, markdown, True, tmp_path / "export")
    assert len(forks) == 1
    assert ("Related: " if markdown else '"related": [{') in written
    assert written == expected


def test_markdown_without_related_threads_is_written_by_two_processes_too(
    forks: list[object], tmp_path: Path
) -> None:
    """The general path's Markdown without related threads halves the threads too."""
    corpus = corpus_of(800, "few")
    expected = one_process(corpus, markdown=True, with_related=False)
    written = two_processes(corpus, True, False, tmp_path / "export.md")
    assert len(forks) == 1
    assert written == expected


def test_markdown_of_a_single_thread_needs_no_second_process(
    forks: list[object], tmp_path: Path
) -> None:
    """One thread cannot be halved: it is written here alone, with its line end."""
    corpus = parse_text(SAVED_TWICE)
    written = two_processes(corpus, True, True, tmp_path / "export.md")
    assert not forks
    assert written == one_process(corpus, markdown=True, with_related=True)


@needs_a_fork
@pytest.mark.parametrize("markdown", [False, True], ids=["json", "markdown"])
def test_a_second_process_that_fails_is_one_error_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    markdown: bool,
) -> None:
    """When the forked writer fails (here: its related threads raise), `threadline export
    --related` exits with status 1 and says so in one line, no traceback, from either
    process."""
    source = tmp_path / "threads.txt"
    source.write_text(SAVED_TWICE + "\n\n" + "".join(x + "\n" for x in generate(600, seed=2)))
    parent = os.getpid()

    found_in_batch = RelatedBatch.related

    def failing_in_the_child(batch: RelatedBatch, thread: int) -> object:
        if os.getpid() != parent:
            raise OSError("no room left on the device")
        return found_in_batch(batch, thread)

    monkeypatch.setattr(RelatedBatch, "related", failing_in_the_child)
    monkeypatch.setattr(background, "PARALLEL_BYTES", 1)
    monkeypatch.delenv("THREADLINE_DEBUG", raising=False)
    argv = ["export", "--related", str(source)] + (["--format", "markdown"] if markdown else [])
    with (tmp_path / "out").open("w", encoding="utf-8") as out:
        monkeypatch.setattr(sys, "stdout", out)
        status = main(argv)
    err = capsys.readouterr().err
    assert status == 1
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert err.startswith("threadline: ")
    assert "worker process failed (exit status 1)" in err


def exported(argv: list[str], out: io.StringIO | BinaryIO, monkeypatch: pytest.MonkeyPatch) -> None:
    """`threadline ARGV` written into `out` (a text with no file below writes alone)."""
    stdout = out if isinstance(out, io.StringIO) else io.TextIOWrapper(out, encoding="utf-8")
    with monkeypatch.context() as patched:
        patched.setattr(sys, "stdout", stdout)
        assert main(argv) == 0
        stdout.flush()


@pytest.mark.parametrize("flag", ["no", "fr"], ids=["two-threads", "many-threads"])
def test_markdown_of_several_files_and_a_flag_is_the_bytes_one_process_writes(
    forks: list[object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flag: str
) -> None:
    """`export --flag CODE --format markdown` over two files (the general path) writes, into a
    file with a second process, the bytes it writes alone, whether the flag picks the two
    copies of one thread or many threads."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(SAVED_TWICE + "\n\n" + "".join(x + "\n" for x in generate(600, seed=3)))
    second.write_text("".join(x + "\n" for x in generate(600, seed=4)) + "\n\n" + SAVED_TWICE)
    argv = ["export", "--flag", flag, "--format", "markdown", str(first), str(second)]
    alone = io.StringIO()
    exported(argv, alone, monkeypatch)
    assert not forks
    with (tmp_path / "out.md").open("wb") as out:
        exported(argv, out, monkeypatch)
    assert len(forks) == 1
    assert (tmp_path / "out.md").read_text(encoding="utf-8") == alone.getvalue()
    titles = [line for line in alone.getvalue().splitlines() if line.startswith("# ")]
    assert len(titles) == 2 if flag == "no" else len(titles) > 2
