"""The index built in another process is the index built here."""

from __future__ import annotations

import gc
import io
import os
import shutil
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

import pytest

from parsing import cache, index_process
from parsing.corpus import Corpus
from parsing.flag_index import flag_index
from parsing.index import build_index
from parsing.index_process import for_filters, index_in_child, start_index_process
from parsing.read_loop import PathLike, plan, read_into

SEEDLIKE = Path(__file__).parent.parent / "tui" / "fixtures" / "seedlike.txt"


def read(path: str) -> Corpus:
    corpus = Corpus()
    read_into(corpus, plan([path]))
    return corpus


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_both_paths_give_the_same_index(method: str) -> None:
    """Entities first (what filters read: `for_filters`), then the whole index: each equal to
    `build_index` run in this process."""
    corpus = read(str(SEEDLIKE))
    here = build_index(corpus)
    entities_here = for_filters(build_index(corpus, with_words=False))
    indexing = start_index_process([str(SEEDLIKE)], cache=False, method=method)
    assert indexing is not None
    entities = indexing.entities(corpus)
    whole = indexing.whole()
    indexing.join(30)
    assert entities == entities_here
    assert whole == here
    assert whole is not None and whole.thread_count == 7


def test_the_entities_come_without_what_only_related_threads_read() -> None:
    """The index of entities from the other process holds no thread's features or counts
    (related threads read those from the whole index); everything else in it is what
    `build_index` makes here."""
    corpus = read(str(SEEDLIKE))
    here = build_index(corpus, with_words=False)
    indexing = start_index_process([str(SEEDLIKE)], cache=False, method="fork")
    assert indexing is not None
    entities = indexing.entities(corpus)
    indexing.close()
    indexing.join(30)
    assert entities is not None
    assert (entities.features, entities.counts) == ([], [])
    assert here.features and here.counts  # the corpus has some to leave out
    assert replace(entities, features=here.features, counts=here.counts) == here


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_the_flags_come_first(method: str) -> None:
    """Before the entities, the flags of every thread alone (`flag_index`): the whole index's
    flags, with no other kind of entity."""
    corpus = read(str(SEEDLIKE))
    indexing = start_index_process([str(SEEDLIKE)], cache=False, method=method)
    assert indexing is not None
    flags = indexing.flags(corpus)
    entities = indexing.entities(corpus)
    indexing.close()
    indexing.join(30)
    assert flags == flag_index(corpus)
    assert entities is not None and flags is not None
    assert flags.flags == entities.flags
    assert any(flags.flags)
    assert {kind for kind, _ in flags.postings} == {"flag"}


def test_a_different_corpus_gives_no_index(tmp_path: Path) -> None:
    """When the other process read something else (the file changed between the two reads),
    its index is refused: None, and the caller builds its own."""
    corpus = read(str(SEEDLIKE))
    other = tmp_path / "other.txt"
    other.write_text("1/ A single thread.\n2/ Of two posts.\n", encoding="utf-8")
    indexing = start_index_process([str(other)], cache=False, method="fork")
    assert indexing is not None
    assert indexing.flags(corpus) is None
    assert indexing.entities(corpus) is None
    assert indexing.whole() is None
    indexing.join(30)


def test_the_same_counts_of_other_text_give_no_index(tmp_path: Path) -> None:
    """A file edited in place between the two reads may keep its thread and post counts: the
    other process's index is still refused, since the texts differ."""
    mine, theirs = tmp_path / "mine.txt", tmp_path / "theirs.txt"
    mine.write_text("1/ Alpha #harbour \U0001f1ef\U0001f1f5\n2/ Done.\n", encoding="utf-8")
    theirs.write_text("1/ Bravo #quay \U0001f1eb\U0001f1f7\n2/ Done.\n", encoding="utf-8")
    corpus = read(str(mine))
    indexing = start_index_process([str(theirs)], cache=False, method="fork")
    assert indexing is not None
    assert read(str(theirs)).post_count == corpus.post_count
    assert indexing.entities(corpus) is None
    indexing.join(30)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_a_finished_process_is_reaped(method: str) -> None:
    """`reap_later` waits for the process in a thread of its own: once it has ended, it is
    no zombie left for the reader's lifetime."""
    import time

    corpus = read(str(SEEDLIKE))
    indexing = start_index_process([str(SEEDLIKE)], cache=False, method=method)
    assert indexing is not None
    assert indexing.entities(corpus) is not None
    assert indexing.whole() is not None
    indexing.reap_later()
    deadline = time.monotonic() + 30
    while index_process_alive(indexing) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not index_process_alive(indexing)


def index_process_alive(indexing: index_process.IndexProcess) -> bool:
    """Whether the process behind `indexing` is still there: running, or ended and not yet
    waited for (a zombie answers signals as a process)."""
    import os

    waiter = indexing._wait
    pid = getattr(waiter, "_pid", None) or waiter._process.pid  # type: ignore[attr-defined]
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_failed_read_gives_no_index(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """A process that cannot read its paths answers None, and prints nothing."""
    corpus = read(str(SEEDLIKE))
    indexing = start_index_process([str(tmp_path / "gone.txt")], cache=False, method="fork")
    assert indexing is not None
    assert indexing.entities(corpus) is None
    assert indexing.whole() is None
    indexing.join(30)
    assert capfd.readouterr() == ("", "")


def test_the_halves_joined_give_the_same_index(tmp_path: Path) -> None:
    """Indexed in two halves (the second in a forked process), a corpus of many threads has
    the index built in one pass: the same postings, first writings and word features."""
    from tests.bench.generate import generate

    path = tmp_path / "generated.txt"
    path.write_text("".join(line + "\n" for line in generate(3_000, 11)), encoding="utf-8")
    corpus = read(str(path))
    assert corpus.thread_count > 100
    assert build_index(corpus, parallel=True) == build_index(corpus)


def test_the_process_caches_what_it_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After indexing, the corpus and index are in the cache, keyed by the file as read."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    path = tmp_path / "threads.txt"
    shutil.copy(SEEDLIKE, path)
    index_in_child([str(path)], io.BytesIO(), cache=True)
    cached = cache.load([str(path)])
    assert cached is not None
    assert cached.index == build_index(read(str(path)))


def test_the_process_caches_what_it_read_when_nobody_listens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader quit before anything was sent (the pipe's other end is closed): the corpus
    and its index are cached all the same."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    path = tmp_path / "threads.txt"
    shutil.copy(SEEDLIKE, path)
    read_end, write_end = os.pipe()
    os.close(read_end)
    index_in_child([str(path)], os.fdopen(write_end, "wb"), cache=True)
    cached = cache.load([str(path)])
    assert cached is not None
    assert cached.index == build_index(read(str(path)))


def test_a_file_changed_while_indexed_is_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that grew between the read and the cache's key is not cached under the new key
    with the old content."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    path = tmp_path / "threads.txt"
    shutil.copy(SEEDLIKE, path)
    real = index_process._read_and_index

    def read_then_change(paths: list[PathLike], outgoing: IO[bytes]) -> object:
        read_now = real(paths, outgoing)
        with path.open("ab") as out:
            out.write(b"\n1/ A thread added meanwhile.\n")
        return read_now

    monkeypatch.setattr(index_process, "_read_and_index", read_then_change)
    index_in_child([str(path)], io.BytesIO(), cache=True)
    assert cache.load([str(path)]) is None
    assert not Path(cache.cache_file([str(path)])).exists()


def test_indexing_in_this_process_leaves_the_collector_on() -> None:
    """The collector is turned off in the other process only: `index_in_child` run here (as
    these tests do) leaves it as it found it."""
    assert gc.isenabled()
    index_in_child([str(SEEDLIKE)], io.BytesIO(), cache=False)
    assert gc.isenabled()


def test_the_document_frequency_is_counted_without_a_second_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index in halves counts the document frequency's sample in this process (a fork
    costs more than the half it would count, and the word keys found here are then known to
    both processes of the word pass); the word pass itself still goes to a second process."""
    from parsing import background, index
    from tests.bench.generate import generate

    path = tmp_path / "generated.txt"
    path.write_text("".join(line + "\n" for line in generate(3_000, 5)), encoding="utf-8")
    corpus = read(str(path))
    counting, forked_while_counting, forks = [False], [], []
    later, frequency = background.later, index._document_frequency

    def recorded_later(work: Any) -> Any:
        forks.append(work)
        forked_while_counting.append(counting[0])
        return later(work)

    def counted(*args: Any, **named: Any) -> Any:
        counting[0] = True
        try:
            return frequency(*args, **named)
        finally:
            counting[0] = False

    monkeypatch.setattr(background, "later", recorded_later)
    monkeypatch.setattr(index, "_document_frequency", counted)
    build_index(corpus, with_words=True, parallel=True)
    assert forks  # the passes in halves do fork here
    assert not any(forked_while_counting)


def test_the_halves_joined_hold_each_feature_once(tmp_path: Path) -> None:
    """Indexed in two halves, every feature a thread holds, and every feature whose writing is
    kept, is the postings' own key object: the second half's copies (made in the other
    process) are not kept beside them."""
    from tests.bench.generate import generate

    path = tmp_path / "generated.txt"
    path.write_text("".join(line + "\n" for line in generate(3_000, 11)), encoding="utf-8")
    index = build_index(read(str(path)), parallel=True)
    keys = {id(feature) for feature in index.postings}
    held = {id(feature) for features in index.features for feature in features}
    assert held and held <= keys
    assert {id(feature) for feature in index.written} <= keys
