"""An archive read through the one read loop: zipped, unpacked, or its tweets file alone, beside
page text, and exported like page threads."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from parsing.corpus import Corpus
from parsing.errors import ThreadlineError
from parsing.export_json import write_json
from parsing.formats import x_archive
from parsing.index import build_index
from parsing.models import CorpusExport
from parsing.read_loop import plan, read_into

from .archive_maker import START, ArchiveMaker, write_folder, write_zip


def sample() -> ArchiveMaker:
    """A chain over two parts, a branch, a missing root, a retweet and a lone tweet."""
    maker = ArchiveMaker()
    root = maker.tweet("Harbour walk, a thread", at=START)
    second = maker.tweet("The quay &amp; the cranes #harbour", reply_to=root, media=("photo",))
    maker.tweet("Later aside", reply_to=root, at=START + timedelta(hours=5))
    maker.tweet("Then the lighthouse", reply_to=second, at=START + timedelta(hours=1))
    orphan = maker.tweet("Part two, first post gone", reply_to="12", at=START + timedelta(days=1))
    maker.tweet("Part two, more", reply_to=orphan, at=START + timedelta(days=1, minutes=3))
    maker.tweet("RT @pier: not mine")
    maker.tweet("a lone remark")
    return maker


def load(*paths: Path) -> Corpus:
    corpus = Corpus()
    read_into(corpus, plan([str(path) for path in paths]))
    return corpus


def exported(corpus: Corpus) -> CorpusExport:
    out = io.StringIO()
    write_json(corpus, build_index(corpus), range(corpus.thread_count), out)
    return CorpusExport.model_validate(json.loads(out.getvalue()))


EXPECTED = [
    [
        "Harbour walk, a thread",
        "The quay & the cranes #harbour",
        "Then the lighthouse",
        "Later aside",
    ],
    ["Part two, first post gone", "Part two, more"],
]


def post_texts(corpus: Corpus) -> list[list[str]]:
    return [[post.text for post in thread.posts] for thread in exported(corpus).threads]


def test_a_zip_is_read_in_place(tmp_path: Path) -> None:
    corpus = load(write_zip(sample().files(parts=2), tmp_path / "twitter-2024-05-06-ab12.zip"))
    assert post_texts(corpus) == EXPECTED
    assert corpus.warnings == []


def test_an_unpacked_folder_is_read(tmp_path: Path) -> None:
    assert post_texts(load(write_folder(sample().files(parts=2), tmp_path / "arch"))) == EXPECTED


def test_its_tweets_file_named_alone_reads_the_whole_archive(tmp_path: Path) -> None:
    folder = write_folder(sample().files(parts=2), tmp_path / "arch")
    assert post_texts(load(folder / "data" / "tweets.js")) == EXPECTED


def test_its_manifest_named_alone_reads_the_whole_archive(tmp_path: Path) -> None:
    folder = write_folder(sample().files(parts=2), tmp_path / "arch")
    assert post_texts(load(folder / "data" / "manifest.js")) == EXPECTED


def test_an_archive_is_shown_by_its_tweets_file(tmp_path: Path) -> None:
    """The threads' source is the archive's tweets.js, not its manifest."""
    threads = exported(load(write_zip(sample().files(), tmp_path / "a.zip"))).threads
    assert {thread.source for thread in threads} == {f"{tmp_path / 'a.zip'}:data/tweets.js"}


def test_a_tweets_file_alone_is_read(tmp_path: Path) -> None:
    """A tweets.js copied out of its archive, under another name, is read on its own."""
    lone = tmp_path / "saved-tweets.js"
    lone.write_bytes(sample().files()["data/tweets.js"])
    assert post_texts(load(lone)) == EXPECTED


def test_threads_carry_author_dates_media_and_a_missing_root(tmp_path: Path) -> None:
    """Metadata reaches the export; a thread whose root is gone counts post 1 as missing."""
    threads = exported(load(write_zip(sample().files(), tmp_path / "a.zip"))).threads
    first, second = threads
    assert (first.author, first.handle, first.date) == (
        "Quill Feather",
        "quillfeather",
        "2024-05-06",
    )
    assert [post.number for post in first.posts] == [1, 2, 3, 4]
    assert first.posts[1].media == ["photo"]
    assert [(e.kind, e.text, e.value) for e in first.posts[1].entities] == [
        ("hashtag", "#harbour", "harbour")
    ]
    assert (second.missing, second.date) == ([1], "2024-05-07")


def test_pages_beside_an_archive_are_read_too(tmp_path: Path) -> None:
    """A folder holding saved page text and an unpacked archive loads both, with no warnings
    for the archive's own viewer files."""
    folder = tmp_path / "mixed"
    write_folder(sample().files(), folder / "my-archive")
    (folder / "my-archive" / "assets").mkdir()
    (folder / "my-archive" / "assets" / "app.js").write_text("void 0")
    (folder / "page.txt").write_text("A page thread 1/2\n\nThe end of it 2/2\n")
    corpus = load(folder)
    assert len(post_texts(corpus)) == 3
    assert corpus.warnings == []


def test_a_bad_archive_in_a_folder_is_reported_and_skipped(tmp_path: Path) -> None:
    files = sample().files()
    files["data/tweets.js"] = files["data/tweets.js"][:200]
    folder = tmp_path / "folder"
    write_folder(files, folder / "broken")
    (folder / "page.txt").write_text("Still read 1/2\n\nyes 2/2\n")
    corpus = load(folder)
    assert len(post_texts(corpus)) == 1
    [warning] = corpus.warnings
    assert "broken/data/tweets.js: cut short" in warning and warning.endswith("(skipped)")


def test_a_bad_archive_named_alone_is_one_error_line(tmp_path: Path) -> None:
    files = sample().files()
    files["data/tweets.js"] = files["data/tweets.js"][:300]
    with pytest.raises(ThreadlineError) as raised:
        load(write_zip(files, tmp_path / "cut.zip"))
    assert str(raised.value).startswith(f"{tmp_path / 'cut.zip'}:data/tweets.js: cut short")
    assert "\n" not in str(raised.value)


def test_an_archive_without_threads_says_so(tmp_path: Path) -> None:
    """Only lone tweets: no threads, and a warning pointing to --all-tweets, not silence."""
    maker = ArchiveMaker()
    maker.tweet("just one")
    corpus = load(write_zip(maker.files(), tmp_path / "quiet.zip"))
    assert corpus.thread_count == 0
    [warning] = corpus.warnings
    assert "no threads" in warning and "--all-tweets" in warning


@pytest.fixture
def every_tweet() -> Iterator[None]:
    x_archive.FORMAT.all_tweets = True
    yield
    x_archive.FORMAT.all_tweets = False


@pytest.mark.usefixtures("every_tweet")
def test_all_tweets_adds_lone_tweets_and_retweets(tmp_path: Path) -> None:
    texts = post_texts(load(write_zip(sample().files(), tmp_path / "a.zip")))
    assert texts == [*EXPECTED[:1], ["RT @pier: not mine"], ["a lone remark"], *EXPECTED[1:]]


def test_a_zip_with_an_archive_but_no_tweets_is_one_error_line(tmp_path: Path) -> None:
    """A manifest and account but no tweets file: an error naming the missing file."""
    files = sample().files()
    del files["data/tweets.js"]
    with pytest.raises(ThreadlineError) as raised:
        load(write_zip(files, tmp_path / "empty.zip"))
    assert str(raised.value) == (
        f"{tmp_path / 'empty.zip'}:data/tweets.js: listed in the archive's manifest but missing"
    )


def test_the_data_folder_named_itself_is_the_archive(tmp_path: Path) -> None:
    """Naming `data/` reads the archive once, with no warnings for its other files."""
    folder = write_folder(sample().files(parts=2), tmp_path / "arch")
    (folder / "data" / "like.js").write_text("window.YTD.like.part0 = []")
    corpus = load(folder / "data")
    assert post_texts(corpus) == EXPECTED
    assert corpus.warnings == []


def test_loose_tweets_files_read_their_later_parts_once(tmp_path: Path) -> None:
    """`tweets.js` and `tweets-part1.js` saved together without a manifest: one archive."""
    files = sample().files(parts=2)
    for name in ("tweets.js", "tweets-part1.js"):
        (tmp_path / name).write_bytes(files[f"data/{name}"])
    assert post_texts(load(tmp_path)) == EXPECTED
