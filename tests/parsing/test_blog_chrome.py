"""A blog that reposts a thread: its title, byline, share and like buttons, tags, comment
counts and navigation are chrome; the thread's posts and title are the thread's own."""

from __future__ import annotations

import pytest

from parsing import load_corpus

from .helpers import FIXTURES, numbers, parse_text, skipped, texts


def test_a_blog_repost_reads_as_its_thread() -> None:
    corpus = load_corpus([FIXTURES / "pages" / "blog_repost.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert corpus.title(0) == "Ten years ago the marsh by the sluice was shrinking every winter."
    assert (
        texts(corpus)[0][2] == "Now samphire and sea lavender cover what used to be a sheep field."
    )
    assert [line for line, _ in skipped(corpus)] == [*range(1, 6), *range(9, 23)]


@pytest.mark.parametrize(
    "chrome",
    [
        "Share this:",
        "Like this:",
        "Loading...",
        "Leave a Reply",
        "Leave a comment",
        "Cancel reply",
        "Post navigation",
        "Continue reading →",
        "Click to share on Twitter (Opens in new window)",
        "Posted on 3 March 2020 by Fen",
        "Posted by Fen Harrow on March 3, 2020",
    ],
)
def test_strong_blog_chrome_is_skipped_wherever_it_stands(chrome: str) -> None:
    corpus = parse_text(f"1/ The marsh is growing.\n2/ The tide came back.\n{chrome}\n")
    assert skipped(corpus) == [(3, chrome)]
    assert numbers(corpus) == [[1, 2]]


@pytest.mark.parametrize(
    "line",
    [
        "Related",
        "Posted in Coast",
        "Tags: marsh, tides",
        "Previous post",
        "Next post: The ferry that never ran",
        "3 Comments",
        "No comments yet",
        "Facebook",
        "2 thoughts on “Why the marsh grows”",
    ],
)
def test_weak_blog_chrome_is_text_alone_and_chrome_next_to_chrome(line: str) -> None:
    alone = parse_text(f"1/ The marsh is growing.\n{line}\n2/ The tide came back.\n")
    assert alone.skipped == []
    assert texts(alone)[0][0] == f"The marsh is growing.\n{line}"
    beside = parse_text(f"1/ The marsh is growing.\n2/ The tide came back.\nShare this:\n{line}\n")
    assert skipped(beside) == [(3, "Share this:"), (4, line)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Share this: the marsh needs visitors.",
        "Like this: the tide comes in twice a day.",
        "Related to that, the sluice was rebuilt.",
        "Posted on the gate: no dogs on the marsh.",
        "Continue reading the survey at the library.",
        "Leave a reply at the visitor centre if you saw the avocets.",
    ],
)
def test_a_sentence_that_starts_like_blog_chrome_is_text(sentence: str) -> None:
    corpus = parse_text(f"1/ The marsh is growing.\n2/ {sentence}\n")
    assert corpus.skipped == []
    assert texts(corpus) == [["The marsh is growing.", sentence]]


def test_a_title_above_a_byline_inside_the_text_stays() -> None:
    """Only a title that opens the page (or stands under chrome) goes with its byline: a post's
    line above a byline is the post's."""
    corpus = parse_text("1/ The marsh is growing\nPosted on March 3, 2020 by Fen\n2/ More.\n")
    assert texts(corpus)[0][0] == "The marsh is growing"
