"""The real archives in ../shared (test input only): each gives as many threads as it has roots
of self-reply chains, as its README counts them."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing.corpus import Corpus
from parsing.formats.x_archive import read_archive
from parsing.read_loop import plan, read_into

from ..parsing.helpers import SHARED, SHARED_MARKS

pytestmark = SHARED_MARKS

ARCHIVES = SHARED / "corpus" / "x-archive"


def threads_of(path: Path, *, all_tweets: bool = False) -> list[object]:
    data = path.read_bytes()
    own = f"data/{path.name}"
    return list(
        read_archive(
            lambda member: data if member == own else None, parts=[own], all_tweets=all_tweets
        )
    )


@pytest.mark.parametrize(
    ("name", "threads"),
    [
        ("more/alrocar-tw-tweets.js", 44),
        ("more/andreruffert-tweets.js", 45),
        ("more/dsajgiouawj-tweet.js", 81),
        ("more/lumeninferius-tweet.js", 0),
        ("more/milahu104-tweets.js", 13),
        ("more/vovavasylyna-tweets.js", 10),
    ],
)
def test_each_real_archive_gives_its_self_reply_threads(name: str, threads: int) -> None:
    assert len(threads_of(ARCHIVES / name)) == threads


def test_the_small_archive_is_one_chain_with_its_root_missing() -> None:
    [thread] = read_archive(
        lambda member: (ARCHIVES / "tweets.js").read_bytes() if member == "data/tweets.js" else None
    )
    assert thread.root_missing
    assert len(thread.posts) == 2


def test_every_tweet_of_a_real_archive_is_kept_with_all_tweets() -> None:
    """With --all-tweets no tweet is lost: the posts add up to the tweets in the file."""
    path = ARCHIVES / "more" / "dsajgiouawj-tweet.js"
    found = read_archive(lambda _: path.read_bytes(), parts=["data/tweet.js"], all_tweets=True)
    assert sum(len(thread.posts) for thread in found) == 1163


def test_the_folder_of_real_archives_loads_through_the_read_loop() -> None:
    """Named as a folder, the six files are read as archives: their threads add up, and the
    one without threads says so."""
    corpus = Corpus()
    read_into(corpus, plan([str(ARCHIVES / "more")]))
    assert corpus.thread_count == 44 + 45 + 81 + 0 + 13 + 10
    [warning] = corpus.warnings
    assert "lumeninferius-tweet.js: no threads" in warning


def test_entity_indices_count_code_points_in_the_real_archives() -> None:
    """Every mention and hashtag lands on its own text, including the many placed after emoji
    (astral characters, two UTF-16 units each): the indices count code points."""
    after_astral = 0
    for path in sorted((ARCHIVES / "more").glob("*.js")):
        data = path.read_bytes()
        found = read_archive(lambda _, data=data: data, parts=["data/x.js"], all_tweets=True)
        for thread in found:
            for post in thread.posts:
                for entity in post.entities:
                    if entity.kind in ("mention", "hashtag"):
                        assert (
                            post.text[entity.start + 1 : entity.end].lower() == entity.value.lower()
                        )
                        after_astral += any(ord(c) > 0xFFFF for c in post.text[: entity.start])
    assert after_astral >= 100  # 107 in these files
