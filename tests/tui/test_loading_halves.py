"""A big file is read in two parts: the first by the reader, the second by the process that
builds the index (`parsing.split_read`); the reader ends with what a single read gives."""

from __future__ import annotations

import shutil
import threading
import weakref
from pathlib import Path

import pytest
from textual.message import Message

import parsing.split_read
from parsing import cache
from parsing.corpus import Corpus
from parsing.flag_index import flag_index
from parsing.index import CorpusIndex, build_index
from parsing.index_incoming import IndexProcess
from parsing.index_process import for_filters
from parsing.split_read import RawCheck
from tui import early_index, loading
from tui.loading import CorpusLoader
from tui.screens.flag_picker import FlagPicker

from .helpers import SEEDLIKE, WIDE, make_app, wait_loaded, wait_until


@pytest.fixture
def big_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The seed-like corpus, read in two parts as a big file would be; no cache written."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    monkeypatch.setattr(loading, "INDEX_PROCESS_BYTES", 0)
    monkeypatch.setattr(parsing.split_read, "SPLIT_BYTES", 0)
    path = tmp_path / "threads.txt"
    shutil.copy(SEEDLIKE, path)
    return str(path)


def single_read(path: str) -> Corpus:
    from parsing import load_corpus

    return load_corpus([path])


def run_loader(path: str) -> tuple[CorpusLoader, list[Message]]:
    messages: list[Message] = []
    loader = CorpusLoader([path], cache=False)
    loader.prepare()
    loader.run(messages.append)
    if loader.indexing is not None:
        loader.indexing.join(60)
    return loader, messages


def same_corpus(corpus: Corpus, other: Corpus) -> bool:
    return (
        corpus.sources[0].buf == other.sources[0].buf
        and corpus.skipped == other.skipped
        and corpus.thread_meta == other.thread_meta
        and list(corpus.threads.first_post) == list(other.threads.first_post)
        and list(corpus.posts.text_start) == list(other.posts.text_start)
        and list(corpus.posts.first_line) == list(other.posts.first_line)
    )


def test_the_parts_joined_are_the_single_read(
    big_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader's corpus is the one a single read gives (the second part not read here),
    and its indexes are those built from it: flags first, then the entities, then the whole
    index."""

    def not_here(*args: object) -> None:
        raise AssertionError("the reader read the second part itself")

    monkeypatch.setattr(loading, "read_second", not_here)
    loader, messages = run_loader(big_file)
    assert same_corpus(loader.corpus, single_read(big_file))
    indexed = [
        message
        for message in messages
        if isinstance(message, CorpusLoader.FlagsIndexed | CorpusLoader.EntitiesIndexed)
    ]
    assert [type(message).__name__ for message in indexed] == ["FlagsIndexed", "EntitiesIndexed"]
    assert indexed[0].index == flag_index(loader.corpus)
    assert indexed[1].index == for_filters(build_index(loader.corpus, with_words=False))
    assert loader.index == build_index(loader.corpus)


def test_what_only_reading_needs_is_let_go_before_the_index_comes_in(
    big_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The flags' indexer and the second part as received are gone (with no collection of
    garbage) by the time the index of entities is taken from the other process, and the
    flags' own index by the time the whole index is: the index then reuses their memory
    instead of being laid out around them."""
    made: list[weakref.ref[object]] = []

    class WatchedIndexer(loading.FlagIndexer):
        def __init__(self, corpus: Corpus) -> None:
            super().__init__(corpus)
            made.append(weakref.ref(self))

    real_second, real_entities, real_whole = (
        IndexProcess.second_half, IndexProcess.entities, IndexProcess.whole,
    )  # fmt: skip
    alive_then: dict[str, list[bool]] = {}
    loaders: list[CorpusLoader] = []

    def second_half(process: IndexProcess, *args: object) -> object:
        received = real_second(process, *args)  # type: ignore[arg-type]
        if received is not None:
            made.append(weakref.ref(received[0]))
        return received

    def entities(process: IndexProcess, corpus: Corpus) -> CorpusIndex | None:
        alive_then["entities"] = [ref() is not None for ref in made]
        return real_entities(process, corpus)

    def whole(process: IndexProcess) -> CorpusIndex | None:
        alive_then["whole"] = [loader.flags is not None for loader in loaders]
        return real_whole(process)

    monkeypatch.setattr(loading, "FlagIndexer", WatchedIndexer)
    monkeypatch.setattr(IndexProcess, "second_half", second_half)
    monkeypatch.setattr(IndexProcess, "entities", entities)
    monkeypatch.setattr(IndexProcess, "whole", whole)
    real_run = CorpusLoader.run
    monkeypatch.setattr(
        CorpusLoader, "run", lambda loader, post: (loaders.append(loader), real_run(loader, post))
    )
    loader, _ = run_loader(big_file)
    assert loader.index == build_index(loader.corpus)
    assert alive_then == {"entities": [False, False], "whole": [False]}


def test_without_the_other_process_the_reader_reads_both_parts(
    big_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When no process can be started, the reader reads the second part itself."""
    monkeypatch.setattr(loading, "start_index_process", lambda *args, **kwargs: None)
    loader, _ = run_loader(big_file)
    assert same_corpus(loader.corpus, single_read(big_file))
    assert loader.index == build_index(loader.corpus)


def test_a_second_part_of_other_bytes_is_read_again_here(
    big_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the other process read other bytes than the reader (the file changed between the
    two reads), its part is not taken: the reader reads it and builds the index itself."""
    real = loading.read_first

    def seen_otherwise(*args: object) -> object:
        resume, check = real(*args)  # type: ignore[arg-type]
        return resume, RawCheck(check.length, check.crc ^ 1)

    monkeypatch.setattr(loading, "read_first", seen_otherwise)
    loader, _ = run_loader(big_file)
    assert same_corpus(loader.corpus, single_read(big_file))
    assert loader.index == build_index(loader.corpus)


def test_the_process_started_at_launch_is_taken_over(
    big_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command line starts the index process before the interface; the loader takes it
    over instead of starting another, and ends with what a single read gives."""

    def no_second_process(*args: object, **kwargs: object) -> None:
        raise AssertionError("the loader started a process of its own")

    early_index.start_early([big_file], cache=False)
    monkeypatch.setattr(loading, "start_index_process", no_second_process)
    loader, _ = run_loader(big_file)
    assert loader.indexing is not None
    assert same_corpus(loader.corpus, single_read(big_file))
    assert loader.index == build_index(loader.corpus)


def test_nothing_starts_early_for_a_corpus_with_a_cache_file(big_file: str) -> None:
    """A corpus with a cache file is most likely reopened from it: no process starts early."""
    path = Path(cache.cache_file([big_file]))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    early_index.start_early([big_file], cache=True)
    assert early_index.claim([big_file]) is None


async def test_the_flag_picker_lists_the_flags_of_both_parts(big_file: str) -> None:
    """Read in two parts, the reader lists every thread and `f` lists the flags of threads on
    both sides of the cut."""
    app = make_app(big_file)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        assert app.loader.corpus.thread_count == 7
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, FlagPicker))
        assert isinstance(app.screen, FlagPicker)
        assert {choice.code: choice.threads for choice in app.screen.choices} == {
            "CN": 4,
            "RU": 4,
            "BR": 1,
            "NO": 1,
        }


async def test_a_flag_chosen_before_the_second_part_is_joined_lists_its_threads_once_joined(
    big_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The flags of both parts are in before the second part is joined: `f` lists them all,
    a flag chosen then lists the threads counted so far that carry it, and those of the
    second part join the list once they are counted."""
    joining = threading.Event()
    real = loading.join_second

    def held(*args: object, **kwargs: object) -> None:
        assert joining.wait(30)
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loading, "join_second", held)
    entities = threading.Event()  # held too: their coming in filters again on its own
    real_entities = IndexProcess.entities

    def entities_held(self: IndexProcess, corpus: Corpus) -> CorpusIndex | None:
        assert entities.wait(30)
        return real_entities(self, corpus)

    monkeypatch.setattr(IndexProcess, "entities", entities_held)
    app = make_app(big_file)
    async with app.run_test(size=WIDE) as pilot:
        await wait_until(pilot, lambda: app.view.filter_index is not None, timeout=30)
        counted = app.loader.corpus.thread_count
        assert 0 < counted < 7  # the second part is not joined yet
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, FlagPicker))
        assert isinstance(app.screen, FlagPicker)
        assert {choice.code: choice.threads for choice in app.screen.choices}["CN"] == 4
        await pilot.press("c", "n", "enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, FlagPicker))
        whole = flag_index(single_read(big_file)).threads_with(("flag", "CN"))
        rows = list(app.main_screen.thread_list.rows)
        assert rows == [thread for thread in whole if thread < counted]
        assert len(rows) < len(whole)
        joining.set()
        await wait_until(pilot, lambda: app.loader.corpus.thread_count == 7, timeout=30)
        await wait_until(pilot, lambda: list(app.main_screen.thread_list.rows) == list(whole))
        assert not app.view.features_ready
        entities.set()
