"""The loader indexes big corpora in another process, and reopens them from the cache."""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path

import pytest
from textual.message import Message

from parsing import cache
from parsing.corpus import Corpus
from parsing.flag_index import flag_index
from parsing.index import build_index
from parsing.index_process import for_filters
from tui import loading
from tui.cli import reader_parser
from tui.loading import CorpusLoader

from .helpers import SEEDLIKE


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture
def corpus_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The seed-like corpus, indexed in another process as a big one would be."""
    monkeypatch.setattr(loading, "INDEX_PROCESS_BYTES", 0)
    path = tmp_path / "threads.txt"
    shutil.copy(SEEDLIKE, path)
    return str(path)


def run_loader(path: str, *, cache: bool) -> tuple[CorpusLoader, list[Message]]:
    messages: list[Message] = []
    loader = CorpusLoader([path], cache=cache)
    loader.prepare()
    loader.run(messages.append)
    return loader, messages


def wait_for_cache(loader: CorpusLoader) -> None:
    """Until the other process has ended, its cache written (or not)."""
    assert loader.indexing is not None
    loader.indexing.join(60)


def files_under(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def test_the_other_process_gives_the_index_built_here(xdg: Path, corpus_file: str) -> None:
    """Entities, then the whole index, arrive from the other process as `build_index` makes
    them from the loader's own corpus; the entities without each thread's features and counts,
    which only related threads read, from the whole index (they are not sent twice)."""
    loader, messages = run_loader(corpus_file, cache=False)
    assert loader.index == build_index(loader.corpus)
    entities = [m for m in messages if isinstance(m, CorpusLoader.EntitiesIndexed)]
    assert len(entities) == 1
    assert entities[0].index == for_filters(build_index(loader.corpus, with_words=False))


def test_the_flags_are_posted_before_the_entities(xdg: Path, corpus_file: str) -> None:
    """From the other process, `FlagsIndexed` comes first, with the flags of every thread
    alone; `EntitiesIndexed` follows. Once the whole index is in, the loader lets the flags'
    own index go (the whole answers for them)."""
    loader, messages = run_loader(corpus_file, cache=False)
    indexed = [
        m
        for m in messages
        if isinstance(m, CorpusLoader.FlagsIndexed | CorpusLoader.EntitiesIndexed)
    ]
    assert [type(m).__name__ for m in indexed] == ["FlagsIndexed", "EntitiesIndexed"]
    assert indexed[0].index == flag_index(loader.corpus)
    assert loader.flags is None


def test_the_flags_do_not_wait_for_the_search_copy(
    xdg: Path, corpus_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The case-folded copy of the text for search is made once the flags and the entities
    are posted, so neither the flag picker nor the filters wait for it."""
    messages: list[Message] = []
    posted_before: list[list[str]] = []
    real = Corpus.prepare_search

    def noted(corpus: Corpus) -> None:
        posted_before.append([type(m).__name__ for m in messages])
        real(corpus)

    monkeypatch.setattr(Corpus, "prepare_search", noted)
    loader = CorpusLoader([corpus_file], cache=False)
    loader.prepare()
    loader.run(messages.append)
    assert len(posted_before) == 1
    assert "FlagsIndexed" in posted_before[0]
    assert "EntitiesIndexed" in posted_before[0]
    assert "FullyIndexed" not in posted_before[0]


def test_a_second_launch_reopens_from_the_cache_without_reading(
    xdg: Path, corpus_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a first read has written the cache, the next loader reads no file: every thread
    in one batch, then both indexes, equal to the first read's."""
    first, _ = run_loader(corpus_file, cache=True)
    wait_for_cache(first)
    assert Path(cache.cache_file([corpus_file])).is_file()

    def no_reading(*args: object) -> None:
        raise AssertionError("the file was read again")

    monkeypatch.setattr(loading, "read_item", no_reading)
    monkeypatch.setattr(loading, "start_index_process", no_reading)
    second, messages = run_loader(corpus_file, cache=True)
    names = [type(message).__name__ for message in messages]
    assert names == ["BatchLoaded", "EntitiesIndexed", "FullyIndexed"]
    assert second.corpus.thread_count == first.corpus.thread_count == 7
    assert second.index == first.index
    assert second.corpus.thread_ids == first.corpus.thread_ids


def test_no_cache_writes_nothing(xdg: Path, corpus_file: str) -> None:
    """With the cache off, the read leaves no file under the cache folder."""
    loader, _ = run_loader(corpus_file, cache=False)
    wait_for_cache(loader)
    assert files_under(xdg) == []


def test_no_cache_on_the_command_line_turns_the_cache_off() -> None:
    """`--no-cache` is an option of the reader, off by default."""
    assert reader_parser().parse_args(["--no-cache", "a.txt"]).no_cache is True
    assert reader_parser().parse_args(["a.txt"]).no_cache is False


def test_the_flags_own_index_is_let_go_once_the_whole_is_in(xdg: Path, corpus_file: str) -> None:
    """Once loading is over nothing the loader holds keeps the flags' own index alive: the
    whole index answers for the flags, and the reader would carry both for as long as it runs."""
    flags: list[weakref.ref[object]] = []

    def post(message: Message) -> None:
        if isinstance(message, CorpusLoader.FlagsIndexed):
            flags.append(weakref.ref(message.index))

    loader = CorpusLoader([corpus_file], cache=False)
    loader.prepare()
    loader.run(post)
    gc.collect()
    assert len(flags) == 1
    assert loader.index is not None
    assert flags[0]() is None
