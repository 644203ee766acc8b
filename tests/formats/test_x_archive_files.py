"""The files of an archive: manifest and parts, older layout, author, long posts, bad files."""

from __future__ import annotations

from datetime import timedelta

import pytest

from parsing.formats.x_archive import ArchiveError, is_archive_file, read_archive

from .archive_maker import START, ArchiveMaker, opener, ytd


def chain(maker: ArchiveMaker, *words: str) -> None:
    parent = None
    for word in words:
        parent = maker.tweet(word, reply_to=parent)


def test_every_part_the_manifest_lists_is_read() -> None:
    """A chain spread over tweets.js and tweets-part1.js is still one thread."""
    maker = ArchiveMaker()
    chain(maker, "p1", "p2", "p3", "p4")
    files = maker.files(parts=2)
    assert {"data/tweets.js", "data/tweets-part1.js"} <= files.keys()
    [thread] = read_archive(opener(files))
    assert [post.text for post in thread.posts] == ["p1", "p2", "p3", "p4"]


def test_without_a_manifest_parts_are_found_by_name() -> None:
    maker = ArchiveMaker()
    chain(maker, "q1", "q2", "q3")
    [thread] = read_archive(opener(maker.files(parts=3, manifest=False)))
    assert len(thread.posts) == 3


def test_the_older_layout_tweet_js_is_read() -> None:
    """`data/tweet.js` assigning `window.YTD.tweet.part0` (archives before 2022)."""
    maker = ArchiveMaker(older_layout=True)
    chain(maker, "old one", "old two")
    files = maker.files(manifest=False)
    assert files["data/tweet.js"].startswith(b"window.YTD.tweet.part0 = [")
    assert [[p.text for p in t.posts] for t in read_archive(opener(files))] == [
        ["old one", "old two"]
    ]


def test_author_comes_from_account_js_first() -> None:
    maker = ArchiveMaker()
    chain(maker, "a", "b")
    files = maker.files()
    files["data/manifest.js"] = files["data/manifest.js"].replace(b"Quill Feather", b"Other Name")
    [thread] = read_archive(opener(files))
    assert (thread.author, thread.handle) == ("Quill Feather", "quillfeather")


def test_author_comes_from_the_manifest_without_account_js() -> None:
    maker = ArchiveMaker(handle="reedwarbler", author="Reed Warbler")
    chain(maker, "a", "b")
    [thread] = read_archive(opener(maker.files(account=False)))
    assert (thread.author, thread.handle) == ("Reed Warbler", "reedwarbler")


def test_a_long_post_takes_its_whole_text_from_note_tweet_js() -> None:
    """The cut tweet (ending in `…` and a link to itself) is matched to its note by time and by
    the text it begins with; the post reads the whole note, mentions placed in it."""
    maker = ArchiveMaker()
    when = START + timedelta(days=5)
    whole = "The long story of the heron begins at the pond " * 8 + "ask @marshkeeper"
    cut = whole[:120] + "… https://t.co/Self01"
    root = maker.tweet(
        cut,
        at=when,
        links=(("https://t.co/Self01", "https://x.com/i/web/status/1", "x.com/i/web/status/1"),),
    )
    maker.tweet("short follow-up", reply_to=root)
    maker.note(whole, when)
    [thread] = read_archive(opener(maker.files()))
    post = thread.posts[0]
    assert post.text == whole.rstrip()
    [mention] = post.entities
    assert (post.text[mention.start : mention.end], mention.value) == (
        "@marshkeeper",
        "marshkeeper",
    )


def test_a_note_of_the_same_second_with_other_text_is_not_taken() -> None:
    """Two tweets in one second: each keeps its own text unless the note begins with it."""
    maker = ArchiveMaker()
    when = START + timedelta(days=6)
    root = maker.tweet("An ordinary short tweet", at=when)
    maker.tweet("another", reply_to=root)
    maker.note("Something else entirely, long " * 12, when)
    [thread] = read_archive(opener(maker.files()))
    assert thread.posts[0].text == "An ordinary short tweet"


def test_a_note_at_another_time_is_not_taken() -> None:
    maker = ArchiveMaker()
    root = maker.tweet("Beginning words… https://t.co/Zz", at=START)
    maker.tweet("reply", reply_to=root)
    maker.note("Beginning words and many more after them", START + timedelta(hours=1))
    [thread] = read_archive(opener(maker.files()))
    assert thread.posts[0].text.startswith("Beginning words…")


def test_a_tweets_file_cut_short_is_one_error_naming_it() -> None:
    maker = ArchiveMaker()
    chain(maker, "x1", "x2", "x3")
    files = maker.files()
    files["data/tweets.js"] = files["data/tweets.js"][: len(files["data/tweets.js"]) // 2]
    with pytest.raises(ArchiveError) as raised:
        read_archive(opener(files))
    message = str(raised.value)
    assert message.startswith("data/tweets.js: cut short or not valid JSON after 1 entry")
    assert "\n" not in message


def test_a_manifest_naming_a_missing_part_is_an_error_naming_it() -> None:
    maker = ArchiveMaker()
    chain(maker, "y1", "y2")
    files = maker.files(parts=2)
    del files["data/tweets-part1.js"]
    with pytest.raises(ArchiveError, match=r"^data/tweets-part1\.js: listed in .* but missing$"):
        read_archive(opener(files))


def test_an_archive_without_tweets_is_an_error() -> None:
    """No tweets file and no manifest listing one: an error, not an empty archive."""
    files = ArchiveMaker().files(manifest=False)
    del files["data/tweets.js"]
    with pytest.raises(ArchiveError, match="without tweets"):
        read_archive(opener(files))


def test_a_tweet_without_full_text_is_an_error_naming_file_and_tweet() -> None:
    maker = ArchiveMaker()
    chain(maker, "z1", "z2")
    del maker.tweets[1]["full_text"]
    with pytest.raises(ArchiveError, match=r"^data/tweets\.js: tweet \d+ has no full_text$"):
        read_archive(opener(maker.files()))


@pytest.mark.parametrize(
    "data",
    [
        b"var tweets = [1]",
        b"window.YTD.tweets.part0 = {}",
        b"window.YTD.tweets.part0 = [ {} ] trailing",
        b"window.YTD.tweets.part0 = [ 3 ]",
        b'window.YTD.tweets.part0 = [ {"tweet": {"id_str": "1", "full_text": "\xff"}} ]',
    ],
)
def test_a_tweets_file_that_is_not_an_array_of_tweets_is_an_error(data: bytes) -> None:
    with pytest.raises(ArchiveError, match=r"^data/tweets\.js: "):
        read_archive(opener({"data/tweets.js": data}))


def test_a_file_nested_too_deep_is_an_error() -> None:
    data = b"window.YTD.tweets.part0 = [" + b"[" * 100_000 + b"]" * 100_000 + b"]"
    with pytest.raises(ArchiveError, match="nested too deep"):
        read_archive(opener({"data/tweets.js": data}))


def test_a_manifest_cannot_name_files_outside_the_data_folder() -> None:
    """Parts named outside `data/` are ignored: the archive's own tweets.js is read."""
    maker = ArchiveMaker()
    chain(maker, "safe one", "safe two")
    files = maker.files()
    outside = b'"fileName": "../../secret.js"'
    files["data/manifest.js"] = files["data/manifest.js"].replace(
        b'"fileName": "data/tweets.js"', outside
    )
    assert outside in files["data/manifest.js"]
    asked: list[str] = []

    def open_member(path: str) -> bytes | None:
        asked.append(path)
        return files.get(path)

    [thread] = read_archive(open_member)
    assert [post.text for post in thread.posts] == ["safe one", "safe two"]
    assert all(path.startswith("data/") for path in asked)


def test_an_empty_tweets_array_gives_no_threads() -> None:
    assert read_archive(opener({"data/tweets.js": ytd("tweets.part0", [])})) == []


def test_elements_larger_than_the_read_window_are_read() -> None:
    """A tweet is read whole even when it spans the window the file is decoded in."""
    maker = ArchiveMaker()
    chain(maker, "w" * 700_000 + " é", "🦉" * 600_000)
    [thread] = read_archive(opener(maker.files()))
    assert [len(post.text) for post in thread.posts] == [700_002, 600_000]


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("tweets.js", b"window.YTD.tweets.part0 = [", True),
        ("backup.js", b"\xef\xbb\xbf window.YTD.tweet.part0 = [ {", True),
        ("tweets-part2.js", b"window.YTD.tweets.part2 = [", True),
        ("like.js", b"window.YTD.like.part0 = [", False),
        ("data/manifest.js", b"window.__THAR_CONFIG = {", True),
        ("tweets.js", b"Thread by @someone", False),
    ],
)
def test_a_named_file_is_recognised_by_its_first_bytes(
    name: str, head: bytes, expected: bool
) -> None:
    assert is_archive_file(name, head) is expected


def test_two_long_posts_in_one_second_each_take_their_own_note() -> None:
    """Notes of the same time go by text: each tweet takes the note that begins as it does,
    even a note a few seconds off its tweet."""
    maker = ArchiveMaker()
    when = START + timedelta(days=7)
    first = "Otters hold hands while they sleep, drifting " * 9
    second = "Beavers build dams that can be seen from above " * 9
    root = maker.tweet(first[:100] + "…", at=when)
    maker.tweet(second[:100] + "…", reply_to=root, at=when)
    maker.note(second, when + timedelta(seconds=2))
    maker.note(first, when)
    [thread] = read_archive(opener(maker.files()))
    assert [post.text for post in thread.posts] == [first.rstrip(), second.rstrip()]
