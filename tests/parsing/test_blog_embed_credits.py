"""A tweet a blog embeds, its credit (`— Name (@handle) March 3, 2020`) run into the last line
of its text, as a copy gives it where the embed's paragraph break was lost: the credit ends the
tweet there, stays out of its text, and names the thread's author and date, as the credit on a
line of its own does (`test_listing_layouts`)."""

from __future__ import annotations

import pytest

from parsing import load_corpus

from .helpers import FIXTURES, numbers, parse_text, skipped, texts
from .test_mutations import assert_every_line_accounted

PAGES = FIXTURES / "pages"


def test_numbered_tweets_each_ended_by_a_credit_on_its_line() -> None:
    """Each embedded tweet is one post of the thread; the blog's words above and below are
    threads of their own, as with credits on lines of their own."""
    corpus = load_corpus([PAGES / "blog_embeds_same_line.txt"])
    assert numbers(corpus) == [[None], [1, 2, 3], [None]]
    assert texts(corpus)[1] == [
        "The winter ferry now leaves at seven, not half past six. pic.twitter.com/Qw12Er34Ty",
        "The last boat back is at nine, so plan the evening around it.",
        "Bikes still ride free, but dogs now need a ticket.",
    ]
    assert texts(corpus)[2] == ["That is all for now, safe crossings."]


def test_a_credit_on_the_tweets_line_gives_the_threads_author_and_date() -> None:
    corpus = load_corpus([PAGES / "blog_embeds_same_line.txt"])
    meta = corpus.meta(1)
    assert (meta.author, meta.handle, meta.date) == ("Ines Marr", "inesmarr", "2021-01-11")


def test_unnumbered_tweets_with_credits_on_their_lines() -> None:
    """Unnumbered, each embedded tweet is one post; a tweet credited to another handle (a
    reply) opens a thread of its own, and the blog's closing words are theirs."""
    corpus = load_corpus([PAGES / "blog_embeds_same_line_unnumbered.txt"])
    assert numbers(corpus) == [[None], [None, None], [None], [None]]
    assert texts(corpus)[1] == [
        "From Monday the lane by the school is closed to cars between eight and nine.",
        "Parents told us the morning crush was the worst part of their day."
        " pic.twitter.com/Lm90Nb87Vc",
    ]
    assert texts(corpus)[2] == ["Will bikes still be allowed through the gate?"]
    assert (corpus.meta(1).handle, corpus.meta(2).handle) == ("quietlanes", "piahart")


def test_a_credit_on_the_tweets_line_is_no_skipped_line() -> None:
    """The line is the post's: every line stays in exactly one post or skipped entry."""
    path = PAGES / "blog_embeds_same_line.txt"
    corpus = load_corpus([path])
    lines = path.read_text(encoding="utf-8").split("\n")
    assert_every_line_accounted(corpus, lines)
    assert [line for line, _ in skipped(corpus)] == [1, 2, 3, 4, 5, *range(11, 16)]


@pytest.mark.parametrize(
    "line",
    [
        # A quotation's attribution in a tweet, with no date: the tweet's own words.
        "Never stop walking. — Ada Reed (@adareed)",
        # The credit's shape in the middle of a line, text after it.
        "As — Ada Reed (@adareed) March 3, 2020 said, the weir is full.",
    ],
)
def test_a_credit_shape_that_ends_no_embed_stays_text(line: str) -> None:
    corpus = parse_text(f"1/ The weir is full.\n2/ {line}\n3/ The gulls left.\n")
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][1] == line
