"""`Image`, a picture's place in a copied page: never post text where it stands between posts,
glued to the next post's marker or ending a post's last sentence; text inside a post."""

from __future__ import annotations

import pytest

from parsing import load_corpus

from .helpers import FIXTURES, numbers, parse_text, skipped, texts


def test_pictures_in_every_place_a_copy_puts_them() -> None:
    """At a post's end (line 1), alone between posts (3), glued to a marker (5): gone from the
    text, the thread whole; inside a post (6-7) it stays."""
    corpus = load_corpus([FIXTURES / "pages" / "image_glued.txt"])
    assert numbers(corpus) == [[1, 2, 3, 4, 5]]
    assert texts(corpus)[0] == [
        "The heron came back to the pond this week.",
        "It stood by the reeds all afternoon.",
        "A second one landed at dusk.",
        "They left together before the rain.\nThen the pond was quiet. Image\nMore about the Image",
        "The end.",
    ]
    assert skipped(corpus) == [(3, "Image")]
    assert [corpus.posts.first_line[post] for post in range(5)] == [1, 2, 4, 5, 8]


@pytest.mark.parametrize(
    "end", [". Image", ".Image", "! Image", "… Image", "🌊 Image", "❤️ Image", "🇺🇦 Image"]
)
def test_a_picture_after_a_sentence_at_a_post_end_goes(end: str) -> None:
    corpus = parse_text(f"1/ The tide is out{end}\n2/ The boats sit on the mud.\n")
    assert texts(corpus)[0][0] == f"The tide is out{end[: -len('Image')]}".rstrip()
    assert corpus.posts.last_line[0] == 1


@pytest.mark.parametrize("after", ["", "\n", "\n\n", "\n \n"])
def test_a_picture_at_the_end_of_the_last_post_goes(after: str) -> None:
    """The file's last post loses its trailing `Image` whether or not newlines or blank lines
    end the file, as every other post's does."""
    corpus = parse_text(f"1/ The tide is out.\n2/ The boats sit on the mud. Image{after}")
    assert texts(corpus) == [["The tide is out.", "The boats sit on the mud."]]


@pytest.mark.parametrize(
    "line",
    [
        "1/ Here is the Image",  # a word, not after a sentence's end
        "1/ Here is the Café Image",  # a word ending in a letter beyond ASCII
        "1/ The tide is out. Images",
        "1/ The tide is out. MyImage",
    ],
)
def test_image_as_a_word_stays(line: str) -> None:
    corpus = parse_text(f"{line}\n2/ The boats sit on the mud.\n")
    assert texts(corpus)[0][0] == line[3:]


def test_a_picture_before_text_of_the_same_post_stays_at_a_line_end() -> None:
    corpus = parse_text("1/ The tide is out. Image\nThe boats sit on the mud.\n")
    assert texts(corpus) == [["The tide is out. Image\nThe boats sit on the mud."]]


def test_a_lone_picture_inside_a_post_stays() -> None:
    """Between two paragraphs of one post the picture line is text: cut there, the second
    paragraph would be a post of its own."""
    corpus = parse_text("1/ The tide is out.\nImage\nThe boats sit on the mud.\n2/ Later.\n")
    assert texts(corpus)[0] == ["The tide is out.\nImage\nThe boats sit on the mud.", "Later."]
    assert corpus.skipped == []


def test_a_picture_glued_to_a_marker_numbers_the_post() -> None:
    corpus = parse_text("1/ The tide is out.\nImage2/ The boats sit on the mud.\n")
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus) == [["The tide is out.", "The boats sit on the mud."]]
