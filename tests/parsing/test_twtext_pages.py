"""A page of twtext or twunroll as a browser saves it: its title above the thread (the thread's
first words cut short, `[...]`) and a cookie notice of three lines under the list of other
threads (tests/fixtures/unrollers/twtext_saved_page.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing import load_corpus

from .helpers import FIXTURES, numbers, parse_text, skipped, texts

PAGE = FIXTURES / "unrollers" / "twtext_saved_page.txt"


def test_the_page_title_is_skipped_and_the_thread_starts_under_it() -> None:
    """`Thread by @x, <first words> [...]` is the page's title, not a post: the thread's four
    tweets start under it."""
    corpus = load_corpus([PAGE])
    assert numbers(corpus) == [[None, None, None, None]]
    assert texts(corpus)[0][0].startswith("The boardwalk across the salt marsh")
    assert skipped(corpus)[0][0] == 1


def test_the_page_title_gives_the_handle(tmp_path: Path) -> None:
    """Without the footer, the title alone says whose thread it is."""
    page = tmp_path / "page.txt"
    page.write_text(
        "Thread by @marshwarden, The boardwalk is open again [...]\n"
        "The boardwalk is open again.\nDogs on leads, please.\n"
    )
    corpus = load_corpus([page])
    assert texts(corpus) == [["The boardwalk is open again.\nDogs on leads, please."]]
    assert corpus.meta(0).handle == "marshwarden"


def test_a_post_that_names_its_author_is_no_title() -> None:
    """Without the cut-short mark closing it, a line `Thread by @x, …` is the author's text."""
    corpus = parse_text("Thread by @marshwarden, all about the boardwalk.\nIt is open again.\n")
    assert texts(corpus)[0][0].startswith("Thread by @marshwarden")


def test_a_cookie_notice_over_three_lines_is_chrome() -> None:
    """The message, `Learn more` and `Got it!` under the list: all skipped, no thread."""
    corpus = load_corpus([PAGE])
    assert corpus.thread_count == 1
    assert [text for _, text in skipped(corpus)][-2:] == ["Learn more", "Got it!"]


_TIP = "Tip: mention @twtextapp"
_THREAD = "The basin was drained.\nIt fills again on Friday.\nYou can follow @basinwatch.\n"


@pytest.mark.parametrize(
    "tip",
    [
        _TIP + " on a Twitter thread with the keyword\n“unroll” to get a link to it",
        _TIP + " on a\nTwitter thread with the keyword “unroll” to get a link to it.",
        _TIP + " on a Twitter\nthread with the keyword “unroll”\nto get a link to it.",
    ],
)
def test_the_tip_wrapped_over_several_lines_is_skipped_whole(tip: str) -> None:
    """The tip broken between words over two or three lines: the lines together spell its one
    sentence, so each is the page's, and no half of it is a thread."""
    corpus = parse_text(_THREAD + tip + "\n")
    assert texts(corpus) == [["The basin was drained.\nIt fills again on Friday."]]
    assert len(skipped(corpus)) == 2 + tip.count("\n")


def test_a_line_under_a_tip_that_spells_no_sentence_with_it_is_text() -> None:
    """Lines that start like the tip but do not complete its sentence with the line under
    them are the author's words, and so is a line under a tip already whole."""
    corpus = parse_text(
        "Tip: mention @twtextapp and it answers\nwith a link within a minute.\n"
        "You can follow @basinwatch.\n"
        "Tip: mention @twtextapp on a Twitter thread with the keyword “unroll” to get a link"
        " to it.\nto get a link to it.\n"
    )
    assert texts(corpus) == [
        ["Tip: mention @twtextapp and it answers\nwith a link within a minute."],
        ["to get a link to it."],
    ]


def test_the_list_under_a_wrapped_tip_is_skipped() -> None:
    """The heading of the list of other threads under the wrapped tip stands under chrome: its
    teasers are no thread."""
    corpus = parse_text(
        _THREAD + "Tip: mention @twtextapp on a Twitter thread with the keyword\n"
        "“unroll” to get a link to it.\n\nLatest Threads Unrolled:\n"
        "1/ How our street saved the old phone box\n2/ Why the bus stops in October\n"
    )
    assert texts(corpus) == [["The basin was drained.\nIt fills again on Friday."]]
