"""A page of twtext or twunroll as a browser saves it: its title above the thread (the thread's
first words cut short, `[...]`) and a cookie notice of three lines under the list of other
threads (tests/fixtures/unrollers/twtext_saved_page.txt)."""

from __future__ import annotations

from pathlib import Path

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
