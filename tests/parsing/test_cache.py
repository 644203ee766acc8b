"""The corpus cache: a hit only for the same files as they were, never a traceback."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from parsing import cache
from parsing.corpus import Corpus
from parsing.index import CorpusIndex, build_index
from parsing.read_loop import plan, read_into
from parsing.tables import PostColumns
from parsing.thread_ids import ThreadIds

SEEDLIKE = Path(__file__).parent.parent / "tui" / "fixtures" / "seedlike.txt"


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture
def corpus_file(tmp_path: Path) -> str:
    path = tmp_path / "threads.txt"
    shutil.copy(SEEDLIKE, path)
    return str(path)


def read(path: str) -> tuple[Corpus, CorpusIndex]:
    corpus = Corpus()
    read_into(corpus, plan([path]))
    return corpus, build_index(corpus)


def store(path: str) -> tuple[Corpus, CorpusIndex]:
    corpus, index = read(path)
    keys = cache.file_keys([path])
    assert keys is not None
    corpus.thread_ids  # noqa: B018 - hashed before storing, as the reader's other process does
    cache.store([path], keys, corpus, index)
    return corpus, index


def columns(corpus: Corpus) -> list[object]:
    posts, threads = corpus.posts, corpus.threads
    return [getattr(posts, name) for name in type(posts).__slots__] + [
        threads.first_post,
        threads.source,
    ]


def test_a_stored_corpus_loads_back_the_same(xdg: Path, corpus_file: str) -> None:
    """What is loaded has the same posts, columns, thread ids and index as what was stored."""
    corpus, index = store(corpus_file)
    cached = cache.load([corpus_file])
    assert cached is not None
    assert cached.index == index
    assert columns(cached.corpus) == columns(corpus)
    assert [cached.corpus.post_text(p) for p in range(corpus.post_count)] == [
        corpus.post_text(p) for p in range(corpus.post_count)
    ]
    assert cached.corpus.thread_ids == corpus.thread_ids
    assert cached.corpus.sources[0].buf == corpus.sources[0].buf


def test_the_cache_lives_under_the_xdg_cache_folder(xdg: Path, corpus_file: str) -> None:
    """The file is written in $XDG_CACHE_HOME/threadline, and nowhere else."""
    store(corpus_file)
    written = [path for path in xdg.rglob("*") if path.is_file()]
    assert [path.parent for path in written] == [xdg / "threadline" / "corpora"]


def test_no_cache_is_none(xdg: Path, corpus_file: str) -> None:
    """A corpus never stored is not found."""
    assert cache.load([corpus_file]) is None


def test_changed_content_of_the_same_size_and_time_misses(xdg: Path, corpus_file: str) -> None:
    """A byte changed, with size and modification time put back, is caught by the hash."""
    store(corpus_file)
    before = os.stat(corpus_file)
    data = bytearray(Path(corpus_file).read_bytes())
    data[data.index(b"a")] = ord("b")
    Path(corpus_file).write_bytes(data)
    os.utime(corpus_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert cache.load([corpus_file]) is None


def test_a_new_modification_time_misses(xdg: Path, corpus_file: str) -> None:
    """The same bytes touched later are not trusted from the cache."""
    store(corpus_file)
    status = os.stat(corpus_file)
    os.utime(corpus_file, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
    assert cache.load([corpus_file]) is None


def test_a_new_size_misses(xdg: Path, corpus_file: str) -> None:
    """A file that grew is read again."""
    store(corpus_file)
    with open(corpus_file, "ab") as out:
        out.write(b"\n1/ One more thread.\n")
    assert cache.load([corpus_file]) is None


def test_another_list_of_files_misses(xdg: Path, corpus_file: str, tmp_path: Path) -> None:
    """The cache of one file does not answer for that file and another."""
    store(corpus_file)
    other = tmp_path / "other.txt"
    other.write_text("1/ Another thread.\n", encoding="utf-8")
    assert cache.load([corpus_file, str(other)]) is None


@pytest.mark.parametrize("kept", [0.0, 0.01, 0.5, 0.99])
def test_a_truncated_cache_is_ignored(xdg: Path, corpus_file: str, kept: float) -> None:
    """A cache cut short anywhere (a full disk, a crash) loads as None, without an error."""
    store(corpus_file)
    written = Path(cache.cache_file([corpus_file]))
    data = written.read_bytes()
    written.write_bytes(data[: int(len(data) * kept)])
    assert cache.load([corpus_file]) is None


def test_a_damaged_cache_is_ignored_and_written_anew(xdg: Path, corpus_file: str) -> None:
    """Garbage in the body loads as None; the next store replaces it with a good file."""
    store(corpus_file)
    written = Path(cache.cache_file([corpus_file]))
    data = bytearray(written.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = b"\xff" * 64
    written.write_bytes(data)
    assert cache.load([corpus_file]) is None
    store(corpus_file)
    assert cache.load([corpus_file]) is not None


def test_a_changed_byte_of_a_posts_text_is_ignored(xdg: Path, corpus_file: str) -> None:
    """Damage that still unpickles (one letter of a post's text changed case) is caught by the
    checksum: the cache loads as None rather than a corpus with other text."""
    corpus, _ = store(corpus_file)
    written = Path(cache.cache_file([corpus_file]))
    data = bytearray(written.read_bytes())
    word = corpus.post_text(0).split()[0].encode()
    at = data.index(word, len(cache._MAGIC))
    data[at] ^= 0x20
    written.write_bytes(data)
    assert cache.load([corpus_file]) is None


def test_any_damaged_byte_is_ignored(xdg: Path, corpus_file: str) -> None:
    """Whichever byte of the file is damaged, loading answers None, never a traceback nor a
    corpus other than the one stored."""
    store(corpus_file)
    written = Path(cache.cache_file([corpus_file]))
    intact = written.read_bytes()
    step = max(1, len(intact) // 400)
    loaded = []
    for at in range(0, len(intact), step):
        data = bytearray(intact)
        data[at] ^= 0xFF
        written.write_bytes(data)
        if cache.load([corpus_file]) is not None:
            loaded.append(at)
    assert loaded == []


def test_a_cache_of_another_version_is_ignored(
    xdg: Path, corpus_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache written by another version of the format is not read."""
    store(corpus_file)
    monkeypatch.setattr(cache, "VERSION", cache.VERSION + 1)
    assert cache.load([corpus_file]) is None


_FIELDS_5 = (
    "evidence", "flags", "features", "postings", "thread_count", "counts", "lengths", "sole",
    "mean_length", "written", "holder_sets",
)  # fmt: skip
SHAPES = {
    4: (
        (
            "evidence", "flags", "features", "postings", "thread_count", "counts", "lengths",
            "mean_length", "written", "holder_sets",
        ),
        8,
        False,
        False,
    ),
    5: (_FIELDS_5, 8, False, False),
    6: (_FIELDS_5, 4, True, False),
    7: (_FIELDS_5, 4, True, True),
}  # fmt: skip
"""What each version of the cache pickles: the index's fields, the bytes of a post's offset in
the columns of a file under 4 GiB, whether the words' postings are packed in one array, and
whether the threads' ids are one string (`ThreadIds`) rather than a list."""


def test_the_version_follows_the_shape_of_what_is_pickled() -> None:
    """A cache of one version holds one shape of index and columns: an index with another
    field, or columns of another width, is a new `VERSION`, so that a cache of the old shape
    (an index without `sole`, 8-byte offsets, postings an array each, ids a list) is never
    taken for one of the new."""
    names = tuple(CorpusIndex().__getstate__())  # the fields pickled
    packed = "__getstate__" in vars(CorpusIndex)
    ids_in_one = isinstance(Corpus().thread_ids, ThreadIds)
    shape = (names, PostColumns(1).text_start.itemsize, packed, ids_in_one)
    assert shape == SHAPES.get(cache.VERSION)
    assert all(SHAPES[older] != shape for older in SHAPES if older < cache.VERSION)


def test_a_cache_written_by_other_parsing_code_is_ignored(
    xdg: Path, corpus_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an upgrade that changed how files are read, a cache of the old reading misses."""
    store(corpus_file)
    monkeypatch.setattr(cache, "_parsing_code", lambda: "another version of the rules")
    assert cache.load([corpus_file]) is None


def test_the_code_digest_follows_each_source_file(tmp_path: Path) -> None:
    """Changing, adding or renaming a module of the package changes its digest; other files
    do not."""
    package = tmp_path / "package"
    (package / "sub").mkdir(parents=True)
    (package / "rules.py").write_text("LIMIT = 3\n")
    (package / "sub" / "more.py").write_text("X = 1\n")
    digests = [cache.code_digest(str(package))]
    (package / "notes.txt").write_text("not code\n")
    assert cache.code_digest(str(package)) == digests[0]
    (package / "rules.py").write_text("LIMIT = 4\n")
    digests.append(cache.code_digest(str(package)))
    (package / "sub" / "more.py").rename(package / "sub" / "other.py")
    digests.append(cache.code_digest(str(package)))
    (package / "extra.py").write_text("")
    digests.append(cache.code_digest(str(package)))
    assert len(set(digests)) == 4


def test_a_failed_write_leaves_no_partial_file(
    xdg: Path, corpus_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When writing fails half way, neither the cache nor its temporary file is left."""

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(cache, "_write", fail)
    store(corpus_file)
    assert [path for path in xdg.rglob("*") if path.is_file()] == []


def test_a_day_old_partial_file_is_cleared_on_the_next_write(xdg: Path, corpus_file: str) -> None:
    """A temporary file left by a process ended while writing goes; a recent one stays (its
    writer may still be at work)."""
    folder = Path(cache.cache_dir())
    folder.mkdir(parents=True)
    old, recent = folder / "old.partial", folder / "recent.partial"
    old.write_bytes(b"half")
    recent.write_bytes(b"half")
    os.utime(old, (0, 0))
    store(corpus_file)
    assert not old.exists()
    assert recent.exists()


def test_only_the_most_recently_used_caches_are_kept(
    xdg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing a cache removes the least recently used beyond `KEPT`; reading one counts as a
    use, so a corpus opened again stays while older ones go."""
    monkeypatch.setattr(cache, "KEPT", 2)
    paths = []
    for number in range(3):
        path = tmp_path / f"corpus{number}.txt"
        shutil.copy(SEEDLIKE, path)
        paths.append(str(path))
    store(paths[0])
    store(paths[1])
    old = os.stat(cache.cache_file([paths[0]])).st_mtime - 100
    os.utime(cache.cache_file([paths[0]]), (old - 100, old - 100))  # the oldest
    os.utime(cache.cache_file([paths[1]]), (old, old))
    assert cache.load([paths[0]]) is not None  # used now: newer than corpus1's
    store(paths[2])
    assert os.path.exists(cache.cache_file([paths[0]]))
    assert not os.path.exists(cache.cache_file([paths[1]]))
    assert os.path.exists(cache.cache_file([paths[2]]))
