"""threader.app's header spread over several lines by a copy: the name, `+ Your Authors`, the
handle, the bio, the day and `N min read` are the header (skipped, read into the thread's
metadata), never posts (tests/fixtures/unrollers/)."""

from __future__ import annotations

from pathlib import Path

from parsing import load_corpus
from parsing.given import ThreadMeta

from .helpers import FIXTURES, numbers, parse_text, skipped, texts

UNROLLERS = FIXTURES / "unrollers"


def test_a_header_of_one_line_each_is_skipped_whole() -> None:
    """Name, button, handle, two lines of bio, day, reading time and the button again: all
    skipped, and the thread starts at its first tweet, one post for each of its four."""
    corpus = load_corpus([UNROLLERS / "threader_header_lines.txt"])
    assert numbers(corpus) == [[None, None, None, None]]
    assert texts(corpus)[0][0].startswith("The water trough on the lower allotments")
    assert texts(corpus)[0][-1].startswith("Thank you to everyone")
    assert [line for line, _ in skipped(corpus)][:9] == [1, 3, 4, 5, 6, 7, 8, 9, 10]


def test_a_header_of_one_line_each_gives_name_handle_and_date() -> None:
    """The name above the button, the handle under it and the day with its year."""
    corpus = load_corpus([UNROLLERS / "threader_header_lines.txt"])
    assert corpus.meta(0) == ThreadMeta("June Harlow", "juneharlow", "2020-04-14", None)


def test_a_name_glued_to_its_button_and_the_day_before_the_reading_time() -> None:
    """`Name+ Your Authors` on one line and `Mar. 2, 2021 · 3 min read` on another: the header
    is skipped, the numbered posts read 1 to 3, and the name, handle and day are the thread's."""
    corpus = load_corpus([UNROLLERS / "threader_header_glued_lines.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert [line for line, _ in skipped(corpus)] == [1, 2, 3, 4, 8]
    assert corpus.meta(0) == ThreadMeta("Kit Ormond", "kitormond", "2021-03-02", None)


def test_a_header_without_its_button_still_ends_at_the_reading_time() -> None:
    """A copy that left the button out: the reading time alone under the day is the header's
    last line, not the first line of the thread."""
    corpus = load_corpus([UNROLLERS / "threader_header_no_button.txt"])
    assert texts(corpus)[0][0].startswith("The sailing club's open day")
    assert (5, "1 min read") in skipped(corpus)
    assert corpus.meta(0) == ThreadMeta("Sol Marren", "solmarren", "Sep 9", None)


def test_a_reading_time_under_no_handle_stays_text() -> None:
    """A post may say how long a walk takes; with no lone handle above it, a line `12 min read`
    heads nothing and stays in the post."""
    corpus = parse_text("The loop round the lake.\nAsk @ana for the map.\n12 min read\nEnjoy it.\n")
    assert texts(corpus) == [
        ["The loop round the lake.\nAsk @ana for the map.\n12 min read\nEnjoy it."]
    ]


def test_the_button_opening_the_rest_of_the_header_takes_the_name_above() -> None:
    """The name alone on its line, then the button with the handle, bio, day and reading time
    after it: both lines are the header, and the name is the one above the button."""
    corpus = load_corpus([UNROLLERS / "threader_header_button_first.txt"])
    assert [line for line, _ in skipped(corpus)] == [1, 2, 5]
    assert texts(corpus)[0][0].startswith("The hives behind the church")
    assert corpus.meta(0) == ThreadMeta("Bea Lindqvist", "bealindqvist", "2020-07-30", None)


def test_a_handle_with_the_bio_on_its_line_closes_the_header_above() -> None:
    """`@handle bio` on one line under `Name + Your Authors`, the day and the reading time
    under it: the header gives the handle even with no footer under the thread."""
    corpus = load_corpus([UNROLLERS / "threader_header_handle_with_bio.txt"])
    assert [line for line, _ in skipped(corpus)] == [1, 2, 3, 4]
    assert texts(corpus)[0][0].startswith("The observatory on the hill")
    assert corpus.meta(0) == ThreadMeta("Noor Castell", "noorcastell", "2019-11-03", None)


def test_the_sign_up_line_split_in_two_is_chrome() -> None:
    """`Enjoy Threader?` and its `Sign up` link on lines of their own under the tip: both
    skipped, no thread of their own."""
    corpus = parse_text(
        "The ferry runs late tonight.\nYou can follow @wren.\nEnjoy Threader?\nSign up\n"
    )
    assert texts(corpus) == [["The ferry runs late tonight."]]
    assert [text for _, text in skipped(corpus)][-2:] == ["Enjoy Threader?", "Sign up"]


def test_a_reading_time_alone_between_a_threads_posts_stays_text() -> None:
    """A line `5 min read` standing alone between two numbered posts (no handle above it, no
    `·` of a blog's byline beside it) is the author's words: kept in the post, one thread."""
    corpus = parse_text("1/ The essay is done.\n\n5 min read\n\n2/ Thanks to everyone.\n")
    assert texts(corpus) == [["The essay is done.\n\n5 min read", "Thanks to everyone."]]


def test_a_header_of_name_handle_and_reading_time_alone_is_skipped(tmp_path: Path) -> None:
    """With neither the button, nor a bio, nor the day, the name over the handle over the reading
    time is still the header: none of it is a post, and it names the thread's author."""
    page = tmp_path / "page.txt"
    page.write_text(
        "Ada Quill\n@adaquill\n12 min read\nThe hall roof is fixed.\nVolunteers meet at nine.\n"
        "You can follow @adaquill.\n"
    )
    corpus = load_corpus([page])
    assert texts(corpus) == [["The hall roof is fixed.\nVolunteers meet at nine."]]
    assert corpus.meta(0).author == "Ada Quill"
