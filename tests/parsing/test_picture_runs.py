"""Posts one a line, each ended by its picture's `Image`: the mark is chrome at every line end
of the run, and each line is a post (Thread Reader App prints a post's pictures after its
text). Fixtures are invented text."""

from __future__ import annotations

import pytest

from parsing import load_corpus

from .helpers import FIXTURES, line_ranges, numbers, parse_text, skipped, texts
from .test_split_points import allowed_cuts, assert_cuts_parse_like_the_whole, stretch_cuts

HEADER = "Ines Varga Profile picture\n21h 4 tweets 2 min read\n"
LINES = [
    "The lamp at Gull Point was lit by oil until the war",
    "The keepers carried the oil up ninety steps each night",
    "In 1952 the lamp was wired to the mainland",
    "The last keeper left in 1961, and the light still turns",
]


def test_unnumbered_posts_one_a_line_each_with_its_picture_are_posts() -> None:
    corpus = parse_text(HEADER + "".join(line + " Image\n" for line in LINES))
    assert numbers(corpus) == [[None, None, None, None]]
    assert texts(corpus) == [LINES]
    assert line_ranges(corpus) == [[(3, 3), (4, 4), (5, 5), (6, 6)]]
    assert [line for line, _ in skipped(corpus)] == [1, 2]


def test_a_run_of_pictured_lines_may_stand_a_blank_line_apart() -> None:
    corpus = parse_text("\n\n".join(line + ". Image" for line in LINES) + "\n")
    assert numbers(corpus) == [[None, None, None, None]]
    assert texts(corpus)[0][1] == LINES[1] + "."


def test_a_run_runs_up_from_a_post_that_a_marker_ends() -> None:
    """Above `2/`, each pictured line ends a post: the first ends post 1, the next is a post
    the author left unnumbered."""
    corpus = parse_text(
        "1/ The lamp at Gull Point.\n"
        + "".join(line + " Image\n" for line in LINES[:2])
        + "2/ The keepers left in 1961.\n"
    )
    assert numbers(corpus) == [[1, None, 2]]
    assert texts(corpus)[0][:2] == ["The lamp at Gull Point.\n" + LINES[0], LINES[1]]


def test_a_noun_image_ends_no_run() -> None:
    """`the Image` at a line end is a word of the sentence: no mark, no post's end there."""
    corpus = parse_text(
        "We restored the Image\n" + "".join(line + " Image\n" for line in LINES[:2])
    )
    assert texts(corpus) == [["We restored the Image\n" + LINES[0], LINES[1]]]


def test_a_picture_inside_a_post_that_ends_in_text_cuts_nothing() -> None:
    """A mark at a line end with no run of pictured lines under it, up to the post's end,
    cuts no post (only the posts' ends show where the run is); it is still no word of the
    post, so it is blanked where it stands."""
    corpus = parse_text("The lamp was lit by oil Image\nThe keepers carried it up\n")
    assert texts(corpus) == [["The lamp was lit by oil\nThe keepers carried it up"]]
    assert line_ranges(corpus) == [[(1, 2)]]


def test_posts_numbered_like_a_list_keep_their_numbers_under_pictures() -> None:
    """Lines opening with a list number are read together by the list rule: the marks are
    blanked, the numbers still number the posts."""
    corpus = parse_text(
        "Old lights of the coast 🧵\n\n1. Gull Point, lit in 1870 Image\n"
        "2. Hare Island, never lit again Image\n4. The Sound, rebuilt twice Image\n"
    )
    assert numbers(corpus) == [[None, 1, 2, 4]]
    assert texts(corpus)[0][1:] == [
        "Gull Point, lit in 1870",
        "Hare Island, never lit again",
        "The Sound, rebuilt twice",
    ]


def test_unnumbered_posts_of_several_lines_each_ended_by_a_picture_are_posts() -> None:
    """Two or more marks at line ends in one unnumbered stretch: each ends a post, the text
    under it starts the next, and no mark is left in a post."""
    corpus = parse_text((FIXTURES / "pages" / "pictured_paragraphs.txt").read_text("utf-8"))
    assert numbers(corpus) == [[None, None, None, None]]
    assert texts(corpus) == [
        [
            "The quay at first light, before the ferries leave.\nGulls on every bollard.",
            "The harbour master's hut, painted green again.",
            "The old steam crane, kept where it worked.\nIt is oiled every spring.",
            "The new slipway, poured last summer.",
        ]
    ]
    assert line_ranges(corpus) == [[(3, 4), (5, 5), (6, 7), (8, 8)]]


def test_pictured_lines_under_a_number_marker_keep_the_numbers_reading() -> None:
    """Under `1/` the numbers say where posts end: the marks inside post 1 cut nothing."""
    corpus = parse_text(
        "1/ The quay at first light. Image\nGulls on every bollard.\n"
        "The hut, painted green. Image\nIt was blue last year.\n2/ The crane.\n"
    )
    assert numbers(corpus) == [[1, 2]]


def test_pictured_lines_numbered_at_their_ends_keep_the_numbers_reading() -> None:
    """Posts numbered at their line ends (`… 1/`) are read by their numbers."""
    corpus = parse_text(
        "The quay at first light. Image\nGulls on every bollard. 1/\n"
        "The hut, painted green. Image\nIt was blue last year. 2/\n"
    )
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus)[0][0].startswith("The quay at first light.")


def test_a_word_image_ending_lines_of_an_unnumbered_post_stays_text() -> None:
    """`Image` ending two lines after a word (a publisher's name, a menu's item) is the author's
    word: no sentence ends before it, so it cuts no post and stays in the text."""
    text = (
        "My comics haul this week.\nSaga, published by Image\n"
        "Invincible, also from Image\nAnd two from Marvel.\n"
    )
    corpus = parse_text(text)
    assert texts(corpus) == [[text.strip()]]


@pytest.mark.parametrize("word", ["by", "from", "with"])
def test_image_after_a_preposition_ending_a_stretch_stays_a_name(word: str) -> None:
    """`… published by Image` ending the text: a sentence does not end with a preposition, so
    `Image` is its object, a name, and stays in the post; no picture is read there."""
    text = f"My comics haul this week.\nSaga, published {word} Image\n"
    corpus = parse_text(text)
    assert texts(corpus) == [[text.strip()]]


def test_image_after_a_preposition_ending_a_numbered_post_stays_a_name() -> None:
    """The same at the end of a numbered post: the word stays, the post is not cut."""
    corpus = parse_text("1/ My comics haul this week.\n2/ Saga, published by Image\n")
    assert texts(corpus) == [["My comics haul this week.", "Saga, published by Image"]]


def test_image_after_a_preposition_does_not_extend_a_run_of_pictured_posts() -> None:
    """Two pictured posts above a line ending `by Image`: the two marks after a sentence's end
    are pictures, each ending its post; the name ending the last line stays its text."""
    corpus = parse_text(
        "The haul this week. Image\nThe best one of all. Image\nSaga, published by Image\n"
    )
    assert texts(corpus) == [
        ["The haul this week.", "The best one of all.", "Saga, published by Image"]
    ]


def test_marks_on_lines_of_their_own_end_unnumbered_posts() -> None:
    """A copy that puts each post's mark (or marks) on a line of its own under its text, in an
    unnumbered thread: each lone mark under a finished sentence ends its post, as a mark ending
    the line does, and is skipped as chrome; the text under it is the next post."""
    corpus = load_corpus([FIXTURES / "pages" / "pictures_own_lines.txt"])
    assert numbers(corpus) == [[None, None, None, None]]
    assert line_ranges(corpus) == [[(3, 3), (7, 8), (12, 12), (16, 16)]]
    assert [text for _, text in skipped(corpus)][2:5] == ["Image", "Image Image", "Image"]
    assert all("Image" not in post for post in texts(corpus)[0])


@pytest.mark.parametrize(
    "text",
    [
        "The ferry left at six.\nImage\nThe gulls followed it out.\n",
        "1/ The ferry left at six.\nImage\nThe gulls followed.\nImage\nIt rained.\n2/ Later.\n",
        "The ferry was built by\nImage\nand launched in May.\nImage\nIt sank.\n",
    ],
    ids=["one-mark", "under-a-number", "no-sentence-above"],
)
def test_a_lone_mark_with_no_run_of_marks_cuts_no_unnumbered_post(text: str) -> None:
    """One lone mark in a stretch, marks in a stretch under a number marker (its number says
    where the post ends), a mark under no finished sentence (a name the sentence runs on to):
    no run, so no post ends at the lone line."""
    corpus = parse_text(text)
    assert corpus.posts.first_line[0] == 1
    assert corpus.posts.last_line[0] >= 3


def test_lone_marks_inside_a_numbered_post_are_pictures_that_cut_nothing() -> None:
    """`Image` (or `Image Image`) on a line of its own between two paragraphs of a numbered
    post: the numbers say where posts end, so the mark is the post's picture, no word of it;
    it is blanked where it stands and the post goes on under it, its lines whole."""
    corpus = load_corpus([FIXTURES / "pages" / "picture_lone_in_numbered.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert line_ranges(corpus) == [[(1, 3), (4, 8), (9, 9)]]
    first, second, _ = texts(corpus)[0]
    assert first == (
        "The old mill race was cut by hand in one dry summer.\n\n"
        "The stones came down from the quarry on sledges."
    )
    assert "Image" not in second
    assert second.endswith("\n\nOnly the foreman is named, in a parish letter.")
    assert skipped(corpus) == []


def test_a_numbered_post_of_many_lone_marks_is_read_for_line_end_numbers_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Lone `Image` lines inside one numbered post are blanked (the post goes on under them)
    after one look at its stretch for numbers ending lines, not one look a mark: a post of
    thousands of pictures costs its length once."""
    import parsing.picture_runs

    looks: list[tuple[int, int]] = []
    first_trailer = parsing.picture_runs.first_trailer

    def counted(buf: bytes | bytearray, low: int, high: int) -> object:
        looks.append((low, high))
        return first_trailer(buf, low, high)

    monkeypatch.setattr(parsing.picture_runs, "first_trailer", counted)
    corpus = parse_text(
        "1/ The gulls of the harbour, one a picture.\n"
        + "Image\nA gull on a post.\n" * 50
        + "2/ And the heron, alone.\n"
    )
    assert numbers(corpus) == [[1, 2]]
    assert "Image" not in texts(corpus)[0][0]
    assert len(looks) == len(set(looks))


def test_a_lone_mark_above_the_first_number_ending_a_line_is_the_posts_picture() -> None:
    """A lone `Image` inside a numbered post, a number ending a line only further down: no
    number ends a line between the marker and the mark, so the mark is the post's picture,
    blanked, its line kept in the post (a number at a line end below it says nothing of it)."""
    corpus = parse_text(
        "1/ The sluice was opened at noon.\nImage\nThe meadow flooded by dusk.\n"
        "The cattle were moved uphill 2/\n"
    )
    first = texts(corpus)[0][0]
    assert "Image" not in first
    assert first.startswith("The sluice was opened at noon.\n")
    assert line_ranges(corpus)[0][0][0] == 1


def test_a_lone_mark_inside_an_unnumbered_post_is_blanked_and_cuts_nothing() -> None:
    """One `Image` on a line of its own between two paragraphs of an unnumbered post: it is the
    post's picture, no word of it (it once stayed in the text); it is blanked where it stands,
    every line keeps its number, and the post goes on under it."""
    corpus = parse_text(
        "The tide mill ground oats for the whole parish.\nImage\n"
        "Its wheel turned only on the ebb.\n"
    )
    assert texts(corpus) == [
        ["The tide mill ground oats for the whole parish.\n\nIts wheel turned only on the ebb."]
    ]
    assert line_ranges(corpus) == [[(1, 3)]]
    assert skipped(corpus) == []


def test_a_lone_mark_inside_a_post_numbered_at_its_end_is_blanked() -> None:
    """In a thread numbered at line ends (`… 2/`), a lone `Image` between two lines of one
    post, under a line ending in no number, is that post's picture: blanked, the post's lines
    whole. Right under a number ending a line it is the picture of the post that number ends,
    skipped as before."""
    corpus = parse_text(
        "The tide mill ground oats for the parish. 1/\nImage\n"
        "Its wheel turned only on the ebb.\nImage\nThe pond filled at the flood. 2/\n"
        "It stopped in 1931, when the dam gave way. 3/\n"
    )
    assert numbers(corpus) == [[1, 2, 3]]
    assert (
        texts(corpus)[0][1] == "Its wheel turned only on the ebb.\n\nThe pond filled at the flood."
    )
    assert line_ranges(corpus) == [[(1, 1), (3, 5), (6, 6)]]
    assert skipped(corpus) == [(2, "Image")]


def test_many_lone_marks_under_one_line_are_read_for_a_number_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run of lone marks (blank lines between) inside an unnumbered post is blanked after one
    look at the line above them for a number ending it, not one look a mark."""
    import parsing.picture_runs

    looks: list[tuple[int, int]] = []
    first_trailer = parsing.picture_runs.first_trailer

    def counted(buf: bytes | bytearray, low: int, high: int) -> object:
        looks.append((low, high))
        return first_trailer(buf, low, high)

    monkeypatch.setattr(parsing.picture_runs, "first_trailer", counted)
    corpus = parse_text("The heron stood in the shallows.\n" + "Image\n\n" * 300 + "It flew.\n")
    assert texts(corpus) == [["The heron stood in the shallows." + "\n" * 601 + "It flew."]]
    assert len(looks) == 1


def test_cuts_around_lone_marks_in_unnumbered_and_end_numbered_posts_parse_like_the_whole() -> None:
    """Lone marks blanked or left by the line above them only: a page of such posts, cut
    anywhere the layout allows, reads in two parts as it does whole."""
    raw = (
        b"The tide mill ground oats. 1/\nImage\nIts wheel turned on the ebb.\nImage\n"
        b"The pond filled at the flood. 2/\nImage\nIt stopped in 1931. 3/\n"
        b"3/ The new mill was built of brick.\nImage\nIt never turned.\n"
        b"\xe2\x80\xa2 \xe2\x80\xa2 \xe2\x80\xa2\nThe heron stood.\nImage\nIt flew. 1/\nImage\n"
    ) * 3
    cuts = allowed_cuts(raw) + stretch_cuts(raw)
    assert cuts
    assert_cuts_parse_like_the_whole(raw, cuts)
