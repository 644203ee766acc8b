"""`Image`, a picture's place in a copied page: never post text where it stands between posts,
glued to the next post's marker, ending a post's last sentence or a line inside it, or alone on
a line inside a numbered post; and no blanks left where a mark stood."""

from __future__ import annotations

import pytest

from parsing import extract_entities, load_corpus

from .helpers import FIXTURES, line_ranges, numbers, parse_text, skipped, texts
from .test_mutations import assert_bulk_tally_equals_per_post


def test_pictures_in_every_place_a_copy_puts_them() -> None:
    """At a post's end (line 1), alone between posts (3), glued to a marker (5), ending a line
    inside a post (6): gone from the text, the thread whole; after a determiner (7) it is a
    noun of the sentence and stays."""
    corpus = load_corpus([FIXTURES / "pages" / "image_glued.txt"])
    assert numbers(corpus) == [[1, 2, 3, 4, 5]]
    assert texts(corpus)[0] == [
        "The heron came back to the pond this week.",
        "It stood by the reeds all afternoon.",
        "A second one landed at dusk.",
        "They left together before the rain.\nThen the pond was quiet.\nMore about the Image",
        "The end.",
    ]
    assert skipped(corpus) == [(3, "Image")]
    assert [corpus.posts.first_line[post] for post in range(5)] == [1, 2, 4, 5, 8]


@pytest.mark.parametrize(
    "end", [". Image", ".Image", "! Image", ": Image", "… Image", "🌊 Image", "❤️ Image", "🇺🇦 Image"]
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
    ("line", "after"),
    [
        ("1/ Boats resting on the estuary mud Image", "Boats resting on the estuary mud"),
        ("1/ A heron by the Café Image", "A heron by the Café"),
        ("1/ Low tide in 2024 Image", "Low tide in 2024"),
    ],
)
@pytest.mark.parametrize("rest", ["\n2/ The boats sit on the mud.\n", "\n", ""])
def test_a_picture_after_a_caption_without_a_full_stop_goes(
    line: str, after: str, rest: str
) -> None:
    """A caption ends with no full stop as often as not; the picture's mark after it and a
    space is no text, in any post, the last one too."""
    corpus = parse_text(line + rest)
    assert texts(corpus)[0][0] == after


@pytest.mark.parametrize(
    "line",
    [
        "1/ The tide is out. MyImageImage",  # glued to a word, not to a sentence's end
        "1/ Here is the Image",  # after a determiner: a noun of the sentence
        "1/ Look closely at this Image",
        "1/ The tide is out. Images",
        "1/ The tide is out. MyImage",
        "1/ Image",  # a marker and the mark: the post's only text stays
    ],
)
def test_image_as_a_word_stays(line: str) -> None:
    corpus = parse_text(f"{line}\n2/ The boats sit on the mud.\n")
    assert texts(corpus)[0][0] == line[3:]


def test_a_picture_before_text_of_the_same_post_goes_from_its_line_end() -> None:
    """One mark ending a line inside a post, above more of its text, is no word of the post:
    it is blanked where it stands, the line stays in its post, and the post is not cut there
    (one mark is no evidence of a post's end)."""
    corpus = parse_text("1/ The tide is out. Image\nThe boats sit on the mud.\n2/ Later.\n")
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus) == [["The tide is out.\nThe boats sit on the mud.", "Later."]]
    assert line_ranges(corpus) == [[(1, 2), (3, 3)]]
    assert corpus.skipped == []


def test_a_lone_picture_inside_a_numbered_post_is_blanked_and_cuts_nothing() -> None:
    """Between two paragraphs of a numbered post the picture line is the post's picture, no
    word of it: blanked where it stands; cut there, the second paragraph would be a post of
    its own, so the post goes on under it."""
    corpus = parse_text("1/ The tide is out.\nImage\nThe boats sit on the mud.\n2/ Later.\n")
    assert texts(corpus)[0] == [
        "The tide is out.\n\nThe boats sit on the mud.",
        "Later.",
    ]
    assert line_ranges(corpus) == [[(1, 3), (4, 4)]]
    assert corpus.skipped == []


def test_a_picture_glued_to_a_marker_numbers_the_post() -> None:
    corpus = parse_text("1/ The tide is out.\nImage2/ The boats sit on the mud.\n")
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus) == [["The tide is out.", "The boats sit on the mud."]]


def test_pictures_glued_between_posts_in_the_middle_of_lines() -> None:
    """A copy runs a post's `Image` into the next post's marker on one line: the line is split
    there, the first post's text ending before `Image`, the next post numbered by the marker;
    both posts give that line as theirs (the first post unnumbered above `2/` is post 1)."""
    corpus = load_corpus([FIXTURES / "pages" / "image_glued_mid_line.txt"])
    assert numbers(corpus) == [[1, 2, 3, 4, 5, 6, 7]]
    assert texts(corpus)[0] == [
        "The beekeepers' club opened two new hives this spring.",
        "The first swarm arrived on a warm Tuesday, just before noon.",
        "We moved it into the east hive by the evening.",
        "The queen was marked with a blue dot, so we can find her again.",
        "By June the frames were full.",
        "Honey from the heather will come last, in September.",
        "Labels are being printed now.",
    ]
    assert line_ranges(corpus) == [[(1, 1), (1, 1), (2, 2), (2, 2), (3, 3), (4, 4), (4, 4)]]
    assert corpus.skipped == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A number that does not continue the thread: a restart or a step back.
        ("1/ The tide is out.\n2/ The mud shines.Image1/ It is cold.\n", "Image1/"),
        ("3/ The tide is out.\n4/ The mud shines.Image2/ It is cold.\n", "Image2/"),
        # No text after the marker on its line: nothing for the next post to begin with.
        ("1/ The tide is out.\n2/ The mud shines.Image3/\nIt is cold.\n", "Image3/"),
        # Under an unnumbered post only `2/` follows it.
        ("The tide is out.\nThe mud shines.Image5/ It is cold.\n", "Image5/"),
        # No text of the post above before the picture: nothing for it to end with.
        ("1/ The tide is out.\n2/ Image3/ It is cold.\n", "Image3/"),
        # A year is no post number.
        ("1/ The tide is out.\n2/ The mud shines.Image2024/ It is cold.\n", "Image2024/"),
    ],
)
def test_a_glued_number_that_does_not_fit_the_thread_stays_text(text: str, kept: str) -> None:
    corpus = parse_text(text)
    assert kept in texts(corpus)[-1][-1]


def test_a_glued_marker_after_chrome_the_thread_goes_on_past_continues_it() -> None:
    corpus = parse_text(
        "1/ The tide is out.\nShow this thread\nThe mud shines.Image2/ It is cold.\n"
    )
    assert numbers(corpus) == [[1, None, 2]]
    assert texts(corpus)[0][1:] == ["The mud shines.", "It is cold."]


def test_a_picture_ending_an_unnumbered_tweet_goes() -> None:
    """Between two unnumbered posts (old twitter.com, conversation lines between them) the
    first one's trailing `Image`, glued to its last word or not, is no text of it."""
    corpus = parse_text(
        "The tide is out.Image\nShow this thread\nThe mud shines. Image\nShow this thread\n"
        "It is cold.\n"
    )
    assert texts(corpus) == [["The tide is out.", "The mud shines.", "It is cold."]]


def test_a_glued_picture_leaves_no_entity_across_the_split() -> None:
    """The bytes of `Image` go with the chrome, so a mention at the end of the first post does
    not run on into the picture's word: what a count over the whole buffer finds is what each
    post's own text gives."""
    corpus = parse_text("1/ Ask @tidewatchImage2/ #mud is next.\n")
    assert texts(corpus) == [["Ask @tidewatch", "#mud is next."]]
    assert [entity.value for entity in extract_entities(corpus.post_text(0))] == ["tidewatch"]
    assert_bulk_tally_equals_per_post(corpus)


def test_pictures_ending_posts_numbered_like_a_list_go() -> None:
    """Posts numbered `1.`, `2.` are found by the layout, not by the line scan: their pictures'
    marks go all the same, after a caption or a sentence, a word used as a noun stays."""
    corpus = parse_text(
        "Odd finds from the old quarry\n\n"
        "1. A fern fossilised in slate Image\n"
        "2. A coin older than the town. Image\n"
        "4. A jar kept whole for centuries Image\n"
        "5. The lid still carries its maker's Image\n"
    )
    assert numbers(corpus) == [[None, 1, 2, 4, 5]]
    assert texts(corpus)[0][1:] == [
        "A fern fossilised in slate",
        "A coin older than the town.",
        "A jar kept whole for centuries",
        "The lid still carries its maker's Image",
    ]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_lone_picture_under_a_post_numbered_at_its_end_is_skipped(gap: str) -> None:
    """Numbered at its end, a post ends with its number: the lone `Image` under it is its
    picture, skipped as chrome, not the first line of the next post (the last post too)."""
    corpus = parse_text(
        f"The ferry left at noon. 1/{gap}Image{gap}It crossed in an hour. 2/{gap}Image{gap}"
        "Gulls followed it all the way. 3/\nImage\n"
    )
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus) == [
        ["The ferry left at noon.", "It crossed in an hour.", "Gulls followed it all the way."]
    ]
    assert [text for _, text in skipped(corpus)] == ["Image"] * 3


def test_a_lone_picture_under_one_number_at_a_line_end_stays_in_the_post() -> None:
    """One number at a line end numbers nothing: the picture between two paragraphs stays."""
    corpus = parse_text("The ferry left at 3/\nImage\nIt crossed in an hour.\n")
    assert texts(corpus) == [["The ferry left at 3/\nImage\nIt crossed in an hour."]]


def test_a_picture_after_a_number_in_the_middle_of_a_line_goes() -> None:
    """A teaser runs its posts on one line, each picture printed after its post's number:
    there `Image` is the picture's mark, whether more text or the line end follows, and the
    posts it ends are split where it stands (see `picture_ends`); all their text stays."""
    corpus = parse_text("The well was dry by June.🧵1/ Image The village dug a new one. 2/ Image\n")
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus) == [["The well was dry by June.🧵", "The village dug a new one."]]


def test_text_closing_over_a_picture_stops_at_a_marker_glued_later_on_the_line() -> None:
    """The text after a picture's mark moves over it only up to the marker glued to the next
    picture on the same line: that marker still opens its post where it stands."""
    corpus = parse_text(
        "1/ First post.\n2/ The well was dry. 3/ Image The village dug.Image4/ A pump.\n"
    )
    assert numbers(corpus) == [[1, 2, 4]]
    assert texts(corpus) == [["First post.", "The well was dry. 3/ The village dug.", "A pump."]]


def test_entities_after_a_picture_taken_out_of_a_line_keep_their_text() -> None:
    """Mentions and hashtags after the mark are where the post's text now has them: the scan of
    the whole buffer counts what extraction finds post by post."""
    corpus = parse_text("Soon enough. 1/ Image Ask @harbour about #boats.\n2/ More on @quay.\n")
    assert texts(corpus) == [["Soon enough. 1/ Ask @harbour about #boats.", "More on @quay."]]
    assert [entity.text for entity in extract_entities(corpus.post_text(0))] == [
        "@harbour",
        "#boats",
    ]
    assert_bulk_tally_equals_per_post(corpus)


@pytest.mark.parametrize(
    "line",
    [
        "Sold at 3/ Image Comics today.",  # no sentence ends before the number
        "1/ Image of the old mill at dawn.",  # a post's first word
        "The price was 3/4 Images sold.",
    ],
)
def test_image_after_a_number_as_a_word_stays(line: str) -> None:
    corpus = parse_text(line + "\n")
    assert "Image" in texts(corpus)[0][0]


def test_a_picture_between_a_number_and_a_sentence_goes() -> None:
    """`1/n Image The oak …`: a teaser runs the picture of the post above into the next post's
    text right after the number; the mark is no word of the post, the sentence stays."""
    corpus = parse_text(
        "The mill wheel was rebuilt this spring.\n\n"
        "1/n Image The oak for the paddles came from one fallen tree.\n"
    )
    assert all("Image" not in text for thread in texts(corpus) for text in thread)
    assert texts(corpus)[0][-1] == "The oak for the paddles came from one fallen tree."


@pytest.mark.parametrize(
    "line",
    ["2/ Image quality in the old drawings is poor.", "2/ Image"],
)
def test_image_after_a_number_before_lower_case_or_nothing_stays(line: str) -> None:
    """`Image quality …` opens a sentence of the post's own; `2/ Image` alone is its only
    text: both stay."""


def test_pictures_ending_lines_inside_posts_are_gone_from_their_text() -> None:
    """A Thread Reader App page whose posts show a picture (or two) at the end of a line with
    more of the post under it: each mark is blanked, each post keeps its lines and number; a
    name after a preposition (`published by Image`) is the author's word and stays."""
    corpus = load_corpus([FIXTURES / "pages" / "picture_inside_post.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert line_ranges(corpus) == [[(3, 4), (5, 6), (7, 8)]]
    posts = texts(corpus)[0]
    assert [post.count("Image") for post in posts] == [0, 0, 1]
    assert posts[1].startswith("Tickets bought before Monday still hold.\nAsk")
    assert posts[2].endswith("published by Image\nand a copy sits on the ramp gate.")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("1/ We launched Image\nand it sold out in a day.\n2/ More soon.\n", "launched Image\nand"),
        ("Today we launched Image\nwhich edits photos on a phone.\n", "launched Image\nwhich"),
    ],
    ids=["numbered", "unnumbered"],
)
def test_a_word_image_the_sentence_runs_on_from_stays(text: str, kept: str) -> None:
    """`Image` ending a line after a word, with the line right under it running the sentence
    on in lower case (`We launched Image` / `and it sold out`), is the author's word (a
    product's name, a title): it stays in its post's text."""
    corpus = parse_text(text)
    assert kept in texts(corpus)[0][0]


def test_blanked_marks_leave_no_blanks_in_a_posts_text() -> None:
    """A mark ending a line inside a post, and marks alone on a line inside a numbered post, are
    no text of it: the post's text has no blanks where they stood (no line of it ends in a
    blank), and every line keeps its number."""
    corpus = load_corpus([FIXTURES / "pages" / "pictures_blanked_inside.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][:2] == [
        "The canal froze over in the first week of January.\n"
        "Skaters came out from the town by the hundred.\n\n\n\n"
        "A brazier was lit on the towpath by the lock.",
        "The ice held for nine days.\nThen a thaw came up the valley overnight.",
    ]
    assert line_ranges(corpus) == [[(1, 6), (7, 8), (9, 9)]]


def test_a_picture_after_a_number_leaves_no_blanks_where_the_post_goes_on() -> None:
    """`… 1/ Image The village …` in the middle of a line, the post going on under it: the
    text moves over the mark, and the blanks it frees leave the post's text too."""
    corpus = parse_text(
        "The well ran dry. 1/ Image The village dug a new one.\nIt took a month. 2/ Image\n"
    )
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus) == [["The well ran dry.", "The village dug a new one.\nIt took a month."]]
