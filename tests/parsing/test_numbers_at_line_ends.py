"""More ways authors number a post at its end: `(3)` with no total, `end/` alone on the line
under the last post, and a lone `1/` ending the first post of a copy cut inside the second
(tests/fixtures/layout/)."""

from __future__ import annotations

from parsing import load_corpus

from .helpers import FIXTURES, line_ranges, numbers, texts

LAYOUT = FIXTURES / "layout"


def test_a_number_in_brackets_at_line_ends_closes_its_post() -> None:
    """`… (1)`, `… (2)`, `… (3)` at line ends number the posts they end; the last line, with
    no number, is a post of the same thread without one."""
    corpus = load_corpus([LAYOUT / "paren_numbers_at_end.txt"])
    assert numbers(corpus) == [[1, 2, 3, None]]
    assert texts(corpus)[0][1] == "Both lanes run one way, with the traffic beside them."


def test_end_alone_under_the_last_post_numbers_it_next() -> None:
    """`end/` on a line of its own under text that follows posts numbered at their ends makes
    that text the next post, and is not part of its text."""
    corpus = load_corpus([LAYOUT / "end_alone_after_numbers.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][2] == "To sum up:\n- they thrived\n- the neighbours never noticed"


def test_a_lone_first_number_at_a_line_end_ends_post_one() -> None:
    """`1/` with no total ending a line, text under it and no other number: post 1 ends there
    and the text under it is the next post, unnumbered (the copy stopped inside it)."""
    corpus = load_corpus([LAYOUT / "first_number_then_cut.txt"])
    assert numbers(corpus) == [[1, None]]
    assert line_ranges(corpus) == [[(1, 2), (3, 3)]]


def test_a_fraction_at_a_line_end_with_text_under_it_stays_text() -> None:
    """`1/2` ending a line is a fraction: with no other number, the lines stay one post."""
    corpus = load_corpus([LAYOUT / "fraction_at_line_end.txt"])
    assert numbers(corpus) == [[None]]
    assert texts(corpus)[0][0].startswith("For the glaze, the recipe wants sugar 1/2")
