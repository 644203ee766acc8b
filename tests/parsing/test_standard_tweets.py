"""Unnumbered tweets run together in copies of twtext, twunroll and threader.app: text far over
what one standard tweet holds is read one post per line, a sentence broken across lines kept
whole (`parsing/standard_tweets.py`; fixtures in tests/fixtures/unrollers/)."""

from __future__ import annotations

import pytest

from parsing import load_corpus
from parsing.given import ThreadMeta
from parsing.standard_tweets import tweet_starts, weighted_length

from .helpers import FIXTURES, numbers, parse_text, texts

UNROLLERS = FIXTURES / "unrollers"


def test_unnumbered_tweets_over_a_twtext_footer_read_one_post_each() -> None:
    """Four tweets on single lines over twtext's footer, far more text than one tweet holds:
    one post each, the sentence the copy broke across two lines kept in one post."""
    corpus = load_corpus([UNROLLERS / "twtext_unnumbered.txt"])
    assert numbers(corpus) == [[None, None, None, None]]
    posts = texts(corpus)[0]
    assert posts[0].startswith("The canal basin was drained")
    assert posts[2].endswith("pay\nfor the bracket and the lettering.")
    assert posts[3] == "The basin fills again on Friday."
    assert corpus.meta(0) == ThreadMeta(None, "basinwatch", None, None)


def test_unnumbered_tweets_under_a_threader_header_cut_short_read_one_post_each() -> None:
    """threader.app's header over three long tweets, the copy cut before the footer: the header
    says whose page it is, and the text, too long for one tweet, is one post per line."""
    corpus = load_corpus([UNROLLERS / "threader_unnumbered_cut.txt"])
    assert numbers(corpus) == [[None, None, None]]
    assert texts(corpus)[0][2].startswith("Moorings on the east wall")
    assert corpus.meta(0).handle == "inesmorrow"


def test_text_one_tweet_could_hold_stays_one_post() -> None:
    """Two short lines over the footer may be one tweet broken in two: nothing tells, and the
    text stays one post."""
    corpus = parse_text("The basin is full.\nIt drains on Friday.\nYou can follow @basinwatch.\n")
    assert texts(corpus) == [["The basin is full.\nIt drains on Friday."]]


LONG = ("The lock keeper opened the top gate before dawn and let the boats through. " * 3).strip()


@pytest.mark.parametrize(
    "page",
    [
        f"{LONG}\n{LONG}\n• • •\nKeep Current with Ines Morrow\n",
        f"{LONG}\n{LONG}\n",
        f"Intro\nYou can follow @basinwatch.\n{LONG}\n{LONG}\n",
    ],
    ids=["thread-reader-app", "no-page", "text-under-the-footer"],
)
def test_long_text_elsewhere_stays_one_post(page: str) -> None:
    """A Thread Reader App page may hold one long post of a paid account, a plain text file
    says nothing of tweets, and text under twtext's footer is not the thread it closes: the
    long text stays one post there."""
    corpus = parse_text(page)
    assert texts(corpus)[-1] == [f"{LONG}\n{LONG}"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a" * 280, 280),
        ("水" * 140, 280),
        ("https://example.com/a/very/long/path/that/goes/on/and/on", 23),
        ("see example.com/page…", 27),
        ("🌊", 2),
        ("👩🏽\u200d🔧", 4),
        ("é" * 10, 10),
    ],
    ids=["latin", "cjk", "link", "shortened-link", "emoji", "joined-emoji", "accented"],
)
def test_weighted_length_counts_as_twitter_text_does(text: str, expected: int) -> None:
    """Latin letters count one, CJK and emoji two, a link 23; a joined emoji counts each of
    its emoji (twitter-text counts it once: this errs long only there)."""
    assert weighted_length(text) == expected


def test_tweet_starts_are_line_starts_except_under_a_line_a_sentence_runs_over() -> None:
    """Each line opens a post, but a line opening in lower case goes on with the line above."""
    line = "The boats went through at dawn and tied up by the mill for the night. " * 2
    raw = f"{line}\n{line}\nand then\n{line}\n".encode()
    starts = tweet_starts(raw, 0, len(raw))
    assert [raw[start : start + 8] for start in starts] == [b"The boat", b"The boat", b"The boat"]
    assert tweet_starts(b"Short.\nLine.\n", 0, 13) == []


@pytest.mark.parametrize("marks", [("1/ ", "2/ "), ("1. ", "2. ")], ids=["slashes", "list-numbers"])
def test_bare_tweets_under_the_last_number_over_the_footer_read_one_post_each(
    marks: tuple[str, str],
) -> None:
    """An author numbered the first tweets and left the last ones bare: over the footer, the
    text under the last number, far more than one tweet, is that tweet and one post per bare
    tweet after it, its picture line kept with it."""
    first, second = marks
    page = (
        f"{first}{LONG}\n{second}The gates are oak and were last replaced in 1998. {LONG}\nImage\n"
        f"{LONG}\n{LONG}\nYou can follow @basinwatch.\n"
    )
    corpus = parse_text(page)
    assert numbers(corpus) == [[1, 2, None, None]]
    assert texts(corpus)[0][1].startswith("The gates are oak")
    assert texts(corpus)[0][2:] == [LONG, LONG]
