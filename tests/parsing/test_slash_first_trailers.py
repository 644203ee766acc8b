"""Posts numbered after their text with the slash first (`… /2`), as some authors mirror the
prefix `/2 Text`: at a line end, on a line of their own under the first post (`/1`), or after
🧵 (`🧵/1`) (tests/fixtures/layout/slash_first_*.txt)."""

from __future__ import annotations

from parsing import load_corpus

from .helpers import FIXTURES, line_ranges, numbers, parse_text, texts

LAYOUT = FIXTURES / "layout"


def test_numbers_after_a_slash_at_line_ends_close_their_posts() -> None:
    """` /1`, ` /2`, `🫖 /3`: each line end closes the post it numbers, the number dropped
    from the text, and a post may run over several lines."""
    corpus = load_corpus([LAYOUT / "slash_first_at_end.txt"])
    assert numbers(corpus) == [[1, 2, 3, 4]]
    assert line_ranges(corpus) == [[(1, 2), (4, 4), (5, 5), (6, 6)]]
    assert texts(corpus)[0][2] == "Tea is served in the old lamp room 🫖"


def test_slash_one_alone_under_the_first_post_numbers_it_when_line_ends_go_on_from_two() -> None:
    """`/1` alone under the opening text, then text numbered ` /2`, ` /3` at its line ends:
    `/1` ends post 1 (the text above it), not the start of a post that would swallow the
    rest; the last line, its number cut to `/`, is a post without a number."""
    corpus = load_corpus([LAYOUT / "slash_first_own_line.txt"])
    assert numbers(corpus) == [[1, 2, 3, None]]
    assert line_ranges(corpus) == [[(1, 4), (5, 5), (6, 6), (7, 7)]]
    assert texts(corpus)[0][0].startswith("Why the canal froze")
    assert texts(corpus)[0][0].endswith("not the new one.)")


def test_thread_emoji_with_slash_one_ends_the_first_post_of_the_same_thread() -> None:
    """`🧵/1` alone on a line closes the first post above it, in the same thread: the opening
    paragraphs are not a thread of their own."""
    corpus = load_corpus([LAYOUT / "slash_first_thread_emoji.txt"])
    assert numbers(corpus) == [[1, 2, 3, 4]]
    assert line_ranges(corpus) == [[(1, 5), (6, 6), (7, 7), (8, 8)]]
    assert texts(corpus)[0][0].endswith("It covers the spring method only.")


def test_a_slash_and_digit_after_a_word_or_alone_is_text() -> None:
    """`4/2` inside a line, a path ending `example/2` and one lone `/3` at a line end number
    nothing: the lines stay one unnumbered post."""
    corpus = load_corpus([LAYOUT / "slash_first_not_posts.txt"])
    assert numbers(corpus) == [[None]]
    assert texts(corpus)[0][0].endswith("Nothing else changes until spring /3")


def test_a_slash_number_glued_to_the_end_of_a_sentence_closes_its_post() -> None:
    """`… the next shift.../3` and `… by noon!/4`: the number glued to the sentence's end
    (an ellipsis of dots, `!`) closes the post like one after a space; the text keeps its
    dots, the number goes."""
    text = (
        "The ferry crossed at dawn. /1\n"
        "It carried mail and two cows. /2\n"
        "The crew changed at the far bank, ready for the next shift.../3\n"
        "They were back by noon!/4\n"
    )
    corpus = parse_text(text)
    assert numbers(corpus) == [[1, 2, 3, 4]]
    assert texts(corpus)[0][2].endswith("ready for the next shift...")
    assert texts(corpus)[0][3] == "They were back by noon!"


def test_a_slash_number_after_a_dotted_digit_or_a_word_stays_text() -> None:
    """`version 2./3` (a dot after a digit) and `and/4` (a word) are no sentence ends: the
    lines stay one unnumbered post."""
    text = "Install version 2./3\nThen read the notes and/4\nThen restart the pump./5\n"
    assert numbers(parse_text(text)) == [[None]]
