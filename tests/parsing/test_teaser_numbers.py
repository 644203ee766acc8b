"""A listing's teaser read from its numbers: its first number at a line end, fractions and ratios
that stay its text, and its opening number against the length its date line declares.
Fixtures are in tests/fixtures/pages/ or invented inline."""

from __future__ import annotations

import pytest

from parsing import load_corpus
from parsing.teaser_lines import heads_a_teaser
from parsing.teaser_tails import (
    teaser_closing_number,
    teaser_opening_number,
)

from .helpers import FIXTURES, numbers, parse_text, skipped, texts

PAGES = FIXTURES / "pages"


# -- a teaser's first number at a line end ----------------------------------------------------


def test_a_teasers_first_number_at_a_line_end_ends_post_one() -> None:
    """A teaser shows its thread from the start: the first `1/` at a line end is post 1's
    number, after a word as after a sentence, and the text under it is the next post; a lone
    `1/5` after a sentence numbers the teaser's only post."""
    corpus = load_corpus([PAGES / "author_page_first_numbers.txt"])
    assert numbers(corpus)[:2] == [[1, None], [1]]
    assert texts(corpus)[:2] == [
        [
            "The lock keepers at Foxton kept a ledger of every boat through the flight",
            "Each entry gave the boat's name, its cargo and the hour it cleared the top lock.",
        ],
        ["Why the towpath changes sides at the old bridge."],
    ]


def test_a_fraction_ending_a_teasers_line_after_a_word_stays_text() -> None:
    """`… by 1/5` runs on from a word: a fraction of running text, no post number."""
    corpus = load_corpus([PAGES / "author_page_first_numbers.txt"])
    assert numbers(corpus)[2] == [None]
    assert texts(corpus)[2][0].endswith("by 1/5\nand the boats came back within a year.")


# -- fractions and ratios in a teaser -----------------------------------------------------------


def test_a_fraction_opening_a_sentence_in_a_teasers_line_stays_text() -> None:
    """`… first. 1/2 cup of brown sugar …`: a number with a total of digits that runs on in
    lower case is a fraction counting the noun after it, not post 1's number; the teaser
    stays one post, its text whole."""
    corpus = load_corpus([PAGES / "author_page_fractions.txt"])
    assert numbers(corpus)[0] == [None]
    assert texts(corpus)[0][0].endswith("first. 1/2 cup of brown sugar goes in after it.")


def test_a_fraction_opening_a_teasers_line_stays_text() -> None:
    """`1/3 of the dough …` opening the teaser's second line is a fraction, not post 1's
    number written under its text: the line stays in the teaser's one post."""
    corpus = load_corpus([PAGES / "author_page_fractions.txt"])
    assert numbers(corpus)[1] == [None]
    assert texts(corpus)[1][0].endswith("stove.\n1/3 of the dough is kept back for the next loaf.")


def test_a_ratio_ending_a_teaser_after_a_preposition_stays_text() -> None:
    """`… by 1/5` right above the next teaser's date line runs on from a word: a ratio of
    the sentence, as it is when more text follows it; post 1's number ends a sentence."""
    corpus = load_corpus([PAGES / "author_page_fractions.txt"])
    assert numbers(corpus)[2] == [None]
    assert texts(corpus)[2] == ["The boatyard cut its winter mooring fees by 1/5"]


def test_a_number_after_a_sentence_still_ends_a_teasers_first_post() -> None:
    """`… of the boat. 1/3` above the next date line numbers the teaser's only post, and
    `… the stove. 1/2 The lid …` ends post 1 mid-line (a capital opens the next post)."""
    corpus = load_corpus([PAGES / "author_page_fractions.txt"])
    assert numbers(corpus)[3:] == [[1], [1, None]]
    assert texts(corpus)[3:] == [
        ["Why the stove goes at the stern of the boat."],
        [
            "Soup in the lock queue. The pot sits on the stove.",
            "The lid stays on through the tunnel.",
        ],
    ]


def test_a_teasers_first_and_last_number_are_read_by_one_rule() -> None:
    """Post 1's number with a total ends a teaser's line after a title or a sentence, whether
    text follows under it or the teaser ends there; after a preposition it is a ratio, both
    ways."""
    for ending, expected in [
        (b"Lock keepers, a short history 1/3", True),
        (b"Lock keepers. 1/3", True),
        (b"The tolls fell by 1/3", False),
        (b"It rained on 1/3 of the days and was 1/3", False),
    ]:
        opening = teaser_opening_number(ending + b"\nMore text.", 0, len(ending) + 11)
        closing = teaser_closing_number(ending, 0, len(ending))
        assert (bool(opening), closing is not None) == (expected, expected), ending


def test_a_fraction_opening_a_teasers_line_does_not_end_the_listing() -> None:
    """On an older author page, each teaser under its bare date: `1/3 of the dough` is the
    teaser's text, not a numbered post that would end the listing, so the dates under it
    still head the next teasers."""
    corpus = load_corpus([PAGES / "author_page_fraction_bare_dates.txt"])
    assert numbers(corpus) == [[None], [None], [None]]
    assert texts(corpus)[0][0].endswith("stove.\n1/3 of the dough is kept back for the next loaf.")
    assert [text for _, text in skipped(corpus)][-2:] == ["Apr 21", "Apr 2"]


def test_a_fraction_of_any_number_opening_a_teasers_line_stays_text() -> None:
    """`2/3 of the dough …` under a teaser's text is a fraction as `1/3 of` is: the number
    with a total runs on in lower case whatever its numerator, so the line stays in the
    teaser's one post (its `2/3` is no post number taken out of the text), and the listing
    goes on: the bare dates under it head the next teasers."""
    corpus = parse_text(
        "Mabel Tarrant\n@mabeltarrant\nNarrowboat cooking.\nMay 4\n"
        "Galley bread. Warm the tin.\n2/3 of the dough is kept back.\n"
        "Apr 21\nSoup in the lock queue.\nApr 2\nWhy the kettle whistles.\n"
    )
    assert numbers(corpus) == [[None], [None], [None]]
    assert texts(corpus)[0] == ["Galley bread. Warm the tin.\n2/3 of the dough is kept back."]
    assert [text for _, text in skipped(corpus)][-2:] == ["Apr 21", "Apr 2"]


def test_a_fraction_opening_a_teaser_right_under_its_line_stays_text() -> None:
    """A teaser whose first line opens `1/2 cup of oats …` or `3/4 of the moorings …` right
    under its date line: the number with a total runs on in lower case, a fraction opening the
    teaser's first sentence, as it is under text of the teaser; the teaser is one unnumbered
    post, its text whole. A number the next word opens a sentence after (`1/5 The kettle …`)
    still numbers post 1."""
    corpus = load_corpus([PAGES / "author_page_fraction_first.txt"])
    assert numbers(corpus) == [[None], [None], [None], [1]]
    assert [posts[0] for posts in texts(corpus)[1:3]] == [
        "1/2 cup of oats goes in before the water boils, not after.",
        "3/4 of the moorings on this stretch fill by noon in summer.",
    ]


def test_a_fraction_opening_a_teaser_under_a_bare_date_stays_text() -> None:
    """The same on an older author page, each teaser under a bare date: the fraction is the
    teaser's text and the listing goes on (the dates under it stay chrome)."""
    corpus = parse_text(
        "Mabel Tarrant\n@mabeltarrant\nNarrowboat cooking.\nMay 4\n"
        "Galley bread. Warm the tin.\nApr 21\n1/2 cup of oats goes in first.\n"
        "Apr 2\nWhy the kettle whistles.\n"
    )
    assert numbers(corpus) == [[None], [None], [None]]
    assert texts(corpus)[1] == ["1/2 cup of oats goes in first."]
    assert [text for _, text in skipped(corpus)][-2:] == ["Apr 21", "Apr 2"]


def test_a_lower_case_first_post_its_thread_numbers_on_keeps_its_number() -> None:
    """A thread whose posts open in lower case (`1/3 so here is …`, `2/3 it left …`) right
    under its date line: the next line numbered 2 says `1/3` is post 1's number, not a
    fraction opening a teaser's text; the number is out of the post's text."""
    corpus = parse_text(
        "Mar 3 • 3 tweets • 1 min read\n1/3 so here is the ferry's story.\n"
        "2/3 it left at six.\n3/3 and that was all.\n"
    )
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][0] == "so here is the ferry's story."


# -- a teaser's opening number against the length its date line declares -----------------------


def test_a_teasers_opening_number_whose_total_is_the_declared_length_numbers_post_1() -> None:
    """`1/3 so here is why …` opening a teaser under `Apr 21 • 3 tweets`: the total is the
    thread's length the page declares, so the number is post 1's whatever case follows, and
    is out of the post's text. `1/n we rebuilt …` (no fraction) numbers post 1 too."""
    corpus = load_corpus([PAGES / "author_page_fraction_declared.txt"])
    assert numbers(corpus)[0] == [1]
    assert numbers(corpus)[2] == [1]
    assert texts(corpus)[0] == ["so here is why the lock gates leak in a dry spell."]
    assert texts(corpus)[2] == ["we rebuilt the paddle gear over one long weekend."]


def test_a_teaser_opening_a_numerator_above_1_under_its_date_line_is_text() -> None:
    """`3/4 Of the moorings …` right under its date line: a teaser shows its thread's first
    post, so no number above 1 opens it; the line is the teaser's text, whole, whatever case
    follows the number."""
    corpus = load_corpus([PAGES / "author_page_fraction_declared.txt"])
    assert numbers(corpus)[1] == [None]
    assert texts(corpus)[1] == ["3/4 Of the moorings past the bridge, only two take a wide beam."]


def test_a_fraction_whose_total_is_not_the_declared_length_stays_text() -> None:
    """`1/4 of the towpath …` under `6 tweets`: the total is no thread length the page
    declares, and lower case runs on from it: a fraction, the teaser's text."""
    corpus = load_corpus([PAGES / "author_page_fraction_declared.txt"])
    assert len(numbers(corpus)) == 4
    assert numbers(corpus)[3] == [None]
    assert texts(corpus)[3] == ["1/4 of the towpath stays closed until the spring stoppage ends."]


def test_a_numerator_above_1_under_a_bare_date_is_text() -> None:
    """On an older author page, `3/4 Of the moorings …` under a bare date is the teaser's
    text as under a date line that declares a length: the listing goes on under it."""
    corpus = parse_text(
        "Ned Corrie\n@nedcorrie\nLock keeping notes.\nMay 4\nGates and paddles.\n"
        "Apr 21\n3/4 Of the moorings take a wide beam.\nApr 2\nWhy the cill matters.\n"
    )
    assert numbers(corpus) == [[None], [None], [None]]
    assert texts(corpus)[1] == ["3/4 Of the moorings take a wide beam."]


def test_a_number_above_1_in_any_shape_under_a_date_line_is_text() -> None:
    """`(3/4) Of …`, `3/ Once …` and `[2/6] The …` right under a teaser's date line: a teaser
    shows its thread's first post, so a number above 1 opening it is the teaser's text whatever
    shape the number takes; each teaser is one unnumbered post, its line whole. `1/3 A cope …`
    under `3 tweets` still numbers post 1."""
    corpus = load_corpus([PAGES / "author_page_past_first_shapes.txt"])
    assert numbers(corpus) == [[None], [None], [None], [1]]
    assert [posts[0] for posts in texts(corpus)[:3]] == [
        "(3/4) Of the walls above the beck, only the oldest stand without lime.",
        "3/ Once a through stone cracks, the whole length leans within a winter.",
        "[2/6] The waller's hammer is the only tool the job truly needs.",
    ]


def test_a_number_above_1_in_any_shape_under_a_bare_date_is_text() -> None:
    """On an older author page, `(3/4) Of …` and `3/ Once …` under bare dates are teasers'
    text as under a date line that declares a length: the listing goes on under them, each
    bare date chrome heading the next teaser."""
    corpus = load_corpus([PAGES / "author_page_past_first_bare.txt"])
    assert numbers(corpus) == [[None], [None], [None], [None]]
    assert [posts[0] for posts in texts(corpus)[1:3]] == [
        "(3/4) Of the walls above the beck, only the oldest stand without lime.",
        "3/ Once a through stone cracks, the whole length leans within a winter.",
    ]
    assert [text for _, text in skipped(corpus)][-3:] == ["May 28", "May 19", "May 2"]


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        ("Notes on walls.\nMay 28\n", True),
        ("Read 4 tweets\n", True),
        ("May 28 • 5 tweets • 1 min read\n", True),
        ("Bo Lind\n@bo\nMay 28\n", False),
        ("Bo Lind\n@bo\n·\nMay 28\n", False),
        ("Notes on walls.\n", False),
    ],
)
def test_a_teaser_stands_under_a_date_that_closes_no_tweets_header(text: str, heads: bool) -> None:
    """The last line of `text` heads a teaser (so a number above 1 under it is the teaser's
    text) when it is a line between teasers or a bare date; a date under a lone handle or its
    separator closes one tweet's own header, which any post of a thread may stand under."""
    buf = text.encode()
    last = buf.rstrip(b"\n").rfind(b"\n") + 1
    assert heads_a_teaser(buf, (last, len(buf) - 1)) is heads


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["1/3 so here is why the gates leak."], [(None, "1/3 so here is why the gates leak.")]),
        (
            ["1/3 so here is why the gates leak.", "2/3 it left the pound dry."],
            [(1, "so here is why the gates leak."), (2, "it left the pound dry.")],
        ),
    ],
)
def test_a_lower_case_first_number_under_a_bare_date_needs_post_2(
    lines: list[str], expected: list[tuple[int | None, str]]
) -> None:
    """Under a bare date, which declares no length, `1/3 so …` alone is the teaser's text,
    whole (nothing of it is lost if the number was post 1's); with `2/3 it left …` under it
    the numbers are the thread's, posts 1 and 2 (`teaser_openings`)."""
    corpus = parse_text(
        "Ned Corrie\n@nedcorrie\nLock keeping notes.\nMay 4\nGates and paddles.\n"
        "Apr 21\n" + "\n".join(lines) + "\nApr 2\nWhy the cill matters.\n"
    )
    assert numbers(corpus) == [[None], [number for number, _ in expected], [None]]
    assert texts(corpus)[1] == [text for _, text in expected]


def test_a_length_in_teaser_text_under_a_bare_date_declares_nothing() -> None:
    """`I wrote 3 tweets` is a teaser's text under a bare date, no line between teasers: it
    declares no length, so `1/3 so here …` under it runs on from a fraction, the same
    teaser's text, not a new thread's post 1."""
    corpus = parse_text(
        "Ned Corrie\n@nedcorrie\nLock keeping notes.\n"
        "Apr 21\nI wrote 3 tweets\n1/3 so here is why.\nApr 9\nOther one.\n"
    )
    assert numbers(corpus) == [[None], [None]]
    assert texts(corpus)[0] == ["I wrote 3 tweets\n1/3 so here is why."]


def test_a_declared_length_numbers_post_1_past_blank_lines_and_past_9() -> None:
    """`1/12 so …` under `12 tweets`, and `1/3 so …` a blank line under `3 tweets`: each
    number is post 1's, out of its text."""
    corpus = parse_text(
        "Ned Corrie\n@nedcorrie\nLock keeping notes.\n"
        "Apr 21 • 12 tweets • 3 min read\n1/12 so here is why.\nRead 12 tweets\n"
        "Apr 9 • 3 tweets • 1 min read\n\n1/3 so the cill.\nRead 3 tweets\n"
    )
    assert numbers(corpus) == [[1], [1]]
    assert texts(corpus) == [["so here is why."], ["so the cill."]]


def test_a_declared_length_numbers_only_the_line_right_under_it() -> None:
    """`1/3 so the cill.` under a teaser's text line, itself under `3 tweets`: the length
    is declared of the line right under the date line only, so lower case after the total
    runs on from a fraction, the teaser's text."""
    corpus = parse_text(
        "Ned Corrie\n@nedcorrie\nLock keeping notes.\n"
        "Apr 21 • 3 tweets • 1 min read\nGates leak, I wrote\n1/3 so the cill.\nRead 3 tweets\n"
        "Apr 9 • 2 tweets • 1 min read\nOther one.\nRead 2 tweets\n"
    )
    assert numbers(corpus) == [[None], [None]]
    assert texts(corpus)[0] == ["Gates leak, I wrote\n1/3 so the cill."]


def test_the_length_a_read_line_gives_declares_nothing_of_the_teaser_under_it() -> None:
    """`Read 3 tweets` closes the teaser above it: `1/3 so the cill.` right under it is no
    post 1 by that count, a fraction opening the next teaser's text."""
    corpus = parse_text(
        "Ned Corrie\n@nedcorrie\nLock keeping notes.\n"
        "Apr 21 • 3 tweets • 1 min read\nGates leak.\nRead 3 tweets\n1/3 so the cill.\n"
        "Apr 9 • 2 tweets • 1 min read\nOther one.\nRead 2 tweets\n"
    )
    assert numbers(corpus) == [[None], [None], [None]]
    assert texts(corpus)[1] == ["1/3 so the cill."]


def test_a_date_ending_a_posts_text_leaves_the_next_number_a_post() -> None:
    """`May 28` closing post 1's text on a thread page has a teaser's head's shape, but no
    listing makes it one: `2/ It rained …` under it still numbers post 2, and the date stays
    in post 1's text."""
    corpus = parse_text("1/ We met on the quay on\nMay 28\n2/ It rained all day.\n3/ We left.\n")
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][:2] == ["We met on the quay on\nMay 28", "It rained all day."]
