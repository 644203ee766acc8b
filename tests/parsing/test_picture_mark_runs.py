"""A post with several pictures shows a mark for each: a run of marks, a blank apart (`Image
Image`) or glued together as a copy gives them (`ImageImage`), is read as one mark is, and a mark
glued to a word stays text."""

from __future__ import annotations

import pytest

from parsing import load_corpus
from parsing.pictures import marks_end, marks_start

from .helpers import FIXTURES, numbers, parse_text, skipped, texts


@pytest.mark.parametrize("marks", ["ImageImage", "ImageImageImageImage", "Image ImageImage"])
@pytest.mark.parametrize("glue", [" ", ""])
def test_pictures_marks_glued_together_at_a_post_end_go(marks: str, glue: str) -> None:
    """A copy may glue several pictures' marks into one word (`ImageImage`): after a
    sentence's end they are a run of marks like `Image Image`, no text."""
    corpus = parse_text(f"1/ The tide is out.{glue}{marks}\n2/ The boats sit on the mud.\n")
    assert texts(corpus)[0][0] == "The tide is out."


def test_pictures_marks_glued_together_after_a_line_end_number_go() -> None:
    """Under a post numbered at its line end, the marks of its pictures follow the number,
    glued together or not: out of the post's text, its number read."""
    corpus = parse_text(
        "The tide is out. 1/ ImageImageImage\nThe boats sit on the mud. 2/\nGulls. 3/\n"
    )
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][0] == "The tide is out."


# -- a post with several pictures: a mark for each ------------------------------------------------


def test_a_run_of_marks_is_read_as_one_wherever_one_mark_is() -> None:
    """`Image Image` at a post's end, alone between two posts, or after a number: each run is
    chrome as a single mark is, and no mark is left in a post."""
    corpus = load_corpus([FIXTURES / "pages" / "image_runs.txt"])
    assert numbers(corpus) == [[1, 2, 3, 4]]
    assert texts(corpus) == [
        [
            "Three lamps were tried at Gull Point before the one that stayed.",
            "The first burned whale oil and smoked the glass black.",
            "The second was too dim to be seen past the reef.",
            "The third still turns, on the old clockwork.",
        ]
    ]
    assert "Image Image Image" in [text for _, text in skipped(corpus)]


def test_a_run_of_marks_after_a_teasers_number_ends_that_post() -> None:
    corpus = load_corpus([FIXTURES / "pages" / "author_page_image_runs.txt"])
    assert numbers(corpus) == [[1, 2, None], [1]]
    assert texts(corpus) == [
        [
            "Three lamps were tried at Gull Point.",
            "The first burned whale oil.",
            "The second was too dim",
        ],
        ["The keeper's log was kept in pencil, never ink."],
    ]


def test_a_run_of_marks_that_is_a_posts_only_text_stays() -> None:
    """`1/ Image Image` with nothing after it on its line: the marks are all the post has."""
    corpus = parse_text("1/ Image Image\n2/ The lamp was lit.\n")
    assert texts(corpus) == [["Image Image", "The lamp was lit."]]


def test_marks_start_and_end_find_the_whole_run() -> None:
    buf = b"at dawn. Image  Image\tImage next"
    last = buf.rindex(b"Image")
    assert marks_start(buf, 0, last) == buf.index(b"Image")
    assert marks_end(buf, buf.index(b"Image") + 5, len(buf)) == buf.index(b"next")
    assert marks_start(b"MyImage Image", 0, 8) == 8  # `MyImage` is a word


def test_marks_glued_to_a_word_after_a_line_end_number_stay_text() -> None:
    """`ImageImageMagick` after a number is a word that opens the next post, glued marks only
    where the glued run ends at a blank: no `Image` of it is taken for a picture's mark."""
    corpus = parse_text("The tide is out. 1/ ImageImageMagick made the chart. 2/\nGulls. 3/\n")
    assert any("ImageImageMagick made the chart." in post for post in texts(corpus)[0])


def test_a_run_of_marks_ends_before_marks_glued_to_a_word() -> None:
    """`ImageImageMagick` after a mark is a word: the run ends before it, taking none of it."""
    buf = b"at dawn. Image ImageImageMagick"
    first_end = buf.index(b"Image") + 5
    assert marks_end(buf, first_end, len(buf)) == buf.index(b"ImageImageMagick")
