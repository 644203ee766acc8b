"""Posts numbered at their line ends (`parsing/trailing_numbers.py`): which line ends count."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from parsing.trailing_numbers import _TRAILER, line_end_markers, trailing_numbers

from .helpers import numbers, parse_text, texts


def numbers_of(text: str) -> list[int]:
    buf = text.encode()
    return [trailer.number for trailer in trailing_numbers(buf, 0, len(buf))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. 1/\nTwo. 2/…\nThree. (3/8)", [1, 2, 3]),
        ("One. [1/4]\nTwo. [2/4] example.com/news/1…", [1, 2]),
        # The first slash of the line has no space before its digits; the marker after it does.
        ("Cut at page1/ 2/\nThen more. 3/", [2, 3]),
        # A date earlier in the line is not the line's marker.
        ("Signed on 10/31/2020 at last. 1/\nAnd then 2/", [1, 2]),
        ("Prices rose 24/7\nThen fell 2/3", []),  # 24/7 is no marker; one marker is not enough
        ("A recipe. 1/2 cup\nof flour 2/", []),  # a word after the number: not a marker
        ("Up to 2/\nthen down 1/", []),  # numbers that do not rise
        ("One. 1/x\nTwo. 2/x\nThree 3/?", [1, 2, 3]),
        ("One…1/4\nTwo…2/4", [1, 2]),
        ("One (1 of 3)\nTwo (2of3)\nThree [3 of 3]", [1, 2, 3]),
        ("Done.1/\nGlad 😀2/\nReally!3/", [1, 2, 3]),
        ("Version 2.1/\nthen 2.2/", []),  # a dot after a digit: a version, not a glued number
        ("Done.1/\nAsk ＠2/\nThen 3/", [1, 3]),  # a full-width at sign before the number: a mention
        ("Seven 7/\nEight 8/\nNine 9/", [7, 8, 9]),
        ("Seven 7/12\nEight 8/12\nNine 9/12", [7, 8, 9]),
        ("On 10/31\nthen 11/30\nand 12/31", []),  # dates: the totals differ
        ("Seven 7/\nNine 9/\nTen 10/", []),  # past 2, the first three must go up by one
        ("Noon 4/5\nMore 1/\nOn 2/", [1, 2]),  # a run from 1 wins over a stray number before it
        ("One 1/\nTwo 2/\nThree. end/", [1, 2, 3]),
        ("One 1/\nTwo 2/\nThree /end", [1, 2, 3]),
        ("One 1/\nTwo 2/\nA long weekend/", [1, 2]),  # `end/` inside a word is text
        ("Over at the end/", []),  # `end/` alone, after no numbers, is text
        # Glued to a word or an emoticon: only where the number ends the line.
        ("Out of the harbour1/\nOver the bar2/3\nHome :D3/", [1, 2, 3]),
        ("See page1/ docs\nThen page2/ docs", []),  # more after it: a path, not a number
        ("Cases in COVID1/\nAnd in COVID2/", []),  # capitals before it: a name
        # The glued word is the end of a link, a path or a tag: part of it, not a number.
        ("Old notes at example.org/release1/\nNew ones at example.org/release2/", []),
        ("Kept in ~/music/album1/\nand ~/music/album2/", []),
        ("Day one #walk1/\nDay two #walk2/", []),
        ("Files go in my_dir1/\nthen my_dir2/", []),
        ("Out of the “harbour1/\nOver the (bar2/", [1, 2]),  # after a quote or a bracket: a word
        ("For the long-term1/\nBack at six o'clock2/", [1, 2]),  # a hyphen or apostrophe inside
    ],
    ids=[
        *("plain", "brackets-and-link", "later-slash", "date-first", "fraction", "word"),
        *("falling", "unknown-totals", "after-ellipsis", "n-of-m", "glued", "version"),
        "full-width-at",
        *("mid-thread", "mid-thread-totals", "dates", "mid-thread-gap", "stray-before"),
        *("end-after-numbers", "slash-end", "end-in-a-word", "end-alone"),
        *("glued-to-a-word", "word-then-more", "glued-to-capitals"),
        *("glued-to-a-link", "glued-to-a-path", "glued-to-a-tag", "glued-to-a-name"),
        *("glued-after-a-quote", "glued-to-a-compound"),
    ],
)
def test_markers_at_line_ends(text: str, expected: list[int]) -> None:
    """Each line's marker at its end counts, wherever else the line has slashes."""
    assert numbers_of(text) == expected


def test_the_text_ends_before_a_bare_marker_and_after_a_trailing_link() -> None:
    """`text_end` leaves a bare marker out of the post, but keeps a link that follows it."""
    text = "One. 1/\nTwo. 2/ example.com/a"
    buf = text.encode()
    first, second = trailing_numbers(buf, 0, len(buf))
    assert buf[: first.text_end] == b"One."
    assert buf[first.line_end + 1 : second.text_end] == b"Two. 2/ example.com/a"


line_pieces = st.sampled_from(
    ["1/", "2/", "3/8", "(4/8)", "[5/9]", "[100/", "(12/", "123/", "24/7", "10/31/2020", "n", "/",
     " ", "  ", "\t", "\n", "x", "word", "page1/", "…", "...", "example.com/a/1…", "🇺🇦", ")", "[",
     "(1 of 5)", "(2of5)", " of ", "of", "(", "2/x", "3/?", ".", "😀", "2.1/", "done.", "harbour",
     ":D", "COVID"]
)  # fmt: skip


@given(st.lists(line_pieces, max_size=30).map("".join))
@example("The widest marker [100/\nthen (12/ and 123/")
@example("page1/ 2/")
@example(" 1/\n1/")  # a slash at the start of a line: the search must not reach back
@example("a 1/\n2/ 3/")
@example("x 1/ 2/\n0/")
def test_marker_search_from_slashes_finds_what_the_full_pattern_finds(text: str) -> None:
    """Looking for line-end markers only from the slashes that could end one gives the same
    matches as trying the pattern at every space."""
    buf = text.encode()
    found = [match.span() for match in line_end_markers(buf, 0, len(buf))]
    assert found == [match.span() for match in _TRAILER.finditer(buf, 0, len(buf))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Post 1's number mid-line, a caption after it, above a run from 2/ of the same total.
        (
            "A new find.\nA #Tag thread 1/12 The mosaic, seen from above.\nMore. 2/12\nLast. 3/12",
            [1, 2, 3],
        ),
        # Another total: a fraction in the text, not post 1's number.
        ("Add 1/2 of the flour now.\nMore. 2/12\nLast. 3/12", [2, 3]),
        # No total to match, and no sentence ends before `1/`: a word runs on into it.
        ("Cut it 1/ then more.\nMore. 2/\nLast. 3/", [2, 3]),
        # A run without totals: `1/` with none, right after a sentence's end, numbers post 1.
        ("We sold the van. 1/ A photo of it.\nMore. 2/\nLast. 3/", [1, 2, 3]),
        # A run with totals says nothing of a `1/` without one.
        ("We sold the van. 1/ A photo of it.\nMore. 2/9\nLast. 3/9", [2, 3]),
    ],
)
def test_post_one_numbered_in_the_middle_of_its_line(text: str, expected: list[int]) -> None:
    assert numbers_of(text) == expected


def test_post_one_numbered_mid_line_keeps_its_caption() -> None:
    """The text after the number stays in post 1: a caption is no post of its own."""
    corpus = parse_text(
        "A new find at the villa.\n\nA #Tag thread 1/12 The mosaic, seen from above.\n"
        "The tiles are glass. 2/12\nThe floor is whole. 3/12\n"
    )
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0] == [
        "A new find at the villa.\n\nA #Tag thread 1/12 The mosaic, seen from above.",
        "The tiles are glass.",
        "The floor is whole.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A teaser cut after its second post: its lone `(2/)` numbers it, the text above is 1.
        ("The river rose overnight. A 🧵.\nThe bridge is closed: ex.com/a (2/)", [1, 2]),
        ("The river rose overnight.\nThe bridge is closed. 2/", [1, 2]),
        ("Only one line here 2/", []),  # no text above: nothing for post 1
        ("The river rose.\nThe bridge is closed 2/\nMore after.", []),  # not the run's end
        ("The river rose.\nIt rose by 2/3", []),  # a total: may be a fraction
        ("The river rose.\nIt rose on 3/", []),  # not post 2
        ("The river rose by\nthree feet 2/", []),  # one sentence over two lines
    ],
)
def test_a_lone_second_number_ending_the_run(text: str, expected: list[int]) -> None:
    assert numbers_of(text) == expected


def test_a_teaser_cut_after_two_posts_reads_as_posts_one_and_two() -> None:
    corpus = parse_text("The river rose overnight. A 🧵.\nThe bridge is closed: ex.com/a (2/)\n")
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus) == [["The river rose overnight. A 🧵.", "The bridge is closed: ex.com/a"]]
