"""How a page's opening reads: a paragraph above a thread's bare label is the thread's own
(its first post's start, or its lead). Fixtures are invented text."""

from __future__ import annotations

from .helpers import numbers, parse_text, texts

INTRO = "Asked by a friend: a gentle guide to how tides work, for sailors.\n\n"


def test_an_opening_paragraph_above_a_label_starts_the_post_its_author_numbers_at_the_end() -> None:
    """The paragraph, the `Thread 🧵` label a blank line under it and the text down to a `/1`
    alone are one first post: the author numbers the tweet after its text."""
    corpus = parse_text(
        INTRO + "Thread 🧵\n(Here, tide = the daily rise and fall of the sea)\n/1\n"
        "The moon pulls on the water nearest to it. /2\nThe sun pulls too, but less. /3\n"
    )
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][0] == (
        INTRO + "Thread 🧵\n(Here, tide = the daily rise and fall of the sea)"
    )


def test_an_opening_paragraph_above_a_label_over_a_numbered_post_is_the_threads_lead() -> None:
    """Above `1/`, the label belongs to the post under it and the paragraph is the same
    thread's unnumbered lead, not a thread of its own."""
    corpus = parse_text(
        INTRO + "Thread 🧵\n1/ The moon pulls on the water nearest to it.\n"
        "2/ The sun pulls too, but less.\n"
    )
    assert numbers(corpus) == [[None, 1, 2]]
    assert texts(corpus)[0][:2] == [
        INTRO.strip(),
        "Thread 🧵\nThe moon pulls on the water nearest to it.",
    ]


def test_an_opening_paragraph_above_a_label_over_numbers_at_line_ends_is_post_one() -> None:
    corpus = parse_text(
        INTRO + "Thread 🧵\nThe moon pulls on the water nearest to it. 1/\n"
        "The sun pulls too, but less. 2/\n"
    )
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus)[0][0].startswith(INTRO + "Thread 🧵\nThe moon")


def test_several_paragraphs_above_a_label_are_a_thread_of_their_own() -> None:
    """Two paragraphs are more than an opening: the label starts another thread under them."""
    corpus = parse_text(
        "The ferry ran late all week.\n\nIt is fixed now.\n\nThread 🧵\n"
        "1/ The new timetable starts on Monday.\n2/ The last boat leaves at ten.\n"
    )
    assert numbers(corpus) == [[None], [1, 2]]


def test_a_label_under_a_numbered_thread_opens_another() -> None:
    """With a numbered thread above, the label opens a new thread: the paragraph between is
    no page's opening, it stays where the thread above puts it."""
    corpus = parse_text(
        "1/ The quay is closed.\n2/ It opens in May.\n\nA note on the gulls.\n\nThread 🧵\n"
        "1/ They nest on the roofs.\n2/ They leave in August.\n"
    )
    assert numbers(corpus) == [[1, 2], [1, 2]]
    assert texts(corpus)[1][0] == "Thread 🧵\nThey nest on the roofs."
