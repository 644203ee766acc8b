"""How a page's opening reads: a paragraph above a thread's bare label (the thread's own), a
teaser's first post numbered at its end, a repost's title and bare byline, a blog's words above
its first unnumbered embedded tweet, a tweet archive's title and reply lines, an old author page
that lost its header. Fixtures are invented text."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing import load_corpus
from parsing.page_meta import PageMeta, page_meta

from .helpers import line_ranges, numbers, parse_text, skipped, texts
from .test_split_points import allowed_cuts, assert_cuts_parse_like_the_whole

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


@pytest.mark.parametrize(
    "cue",
    ["Here is a thread on what the survey found:", "What the survey found, in short \U0001f9f5"],
)
def test_one_paragraph_above_a_cue_over_the_first_number_is_the_threads_lead(cue: str) -> None:
    """Lines a line break apart, the last announcing the numbered posts under it: the page's
    first tweets, unnumbered, and the thread's lead, not a thread of their own."""
    corpus = parse_text(
        "The harbour survey is out today.\nIt is the first of four.\n"
        f"{cue}\n1/ The quay wall is sound.\n2/ The slipway is not.\n"
    )
    assert numbers(corpus) == [[None, 1, 2]]
    lead = f"The harbour survey is out today.\nIt is the first of four.\n{cue}"
    assert texts(corpus)[0][0] == lead


def test_a_label_under_a_numbered_thread_opens_another() -> None:
    """With a numbered thread above, the label opens a new thread: the paragraph between is
    no page's opening, it stays where the thread above puts it."""
    corpus = parse_text(
        "1/ The quay is closed.\n2/ It opens in May.\n\nA note on the gulls.\n\nThread 🧵\n"
        "1/ They nest on the roofs.\n2/ They leave in August.\n"
    )
    assert numbers(corpus) == [[1, 2], [1, 2]]
    assert texts(corpus)[1][0] == "Thread 🧵\nThey nest on the roofs."


@pytest.mark.parametrize("label", ["A thread 👇", "A short thread:", "Thread 👇", "a thread 🧵"])
def test_an_opening_paragraph_above_a_label_in_words_is_the_threads_lead(label: str) -> None:
    """A label that announces the thread in so many words reads as the bare one: the heading
    above it and the label are the author's first tweet, the thread's unnumbered lead."""
    corpus = parse_text(
        "FERRIES - why the timetable changed\n\n" + label + "\n"
        "1/ The new timetable starts on Monday.\n2/ The last boat leaves at ten.\n"
    )
    assert numbers(corpus) == [[None, 1, 2]]
    assert texts(corpus)[0][0] == "FERRIES - why the timetable changed\n\n" + label


def test_a_label_with_words_of_its_own_is_no_bare_label() -> None:
    """`A thread on gulls 👇` says more than a label: it opens the thread under the heading,
    as before."""
    corpus = parse_text(
        "Notes from the quay\n\nA thread on the gulls 👇\n"
        "1/ They nest on the roofs.\n2/ They leave in August.\n"
    )
    assert numbers(corpus) == [[None], [None, 1, 2]]


# -- a teaser whose first post its author numbers at the end ----------------------------------

AUTHOR_PAGE = (
    "Jun 20 9 tweets 3 min read\n"
    "Why the old mill stopped turning, and what the survey found\n\n"
    "The mill race\n"
    "1/8 In spring the water rose over the sluice.\n\n"
    "The wheel broke twice.\n"
    "Jun 18 5 tweets 2 min read\n"
    "A note on the eels in the weir pool.\n"
    "/1 They climb the weir at night, in the rain.\n"
)


def test_a_teasers_one_under_its_opening_text_ends_its_first_post() -> None:
    """A teaser shows its thread from the start: a `1/8` (or `/1`) at a line start under its
    opening text is the first post's number, written at its end; the text the teaser runs on
    after it is the next post, unnumbered."""
    corpus = parse_text(AUTHOR_PAGE)
    assert numbers(corpus) == [[1, None], [1, None]]
    assert texts(corpus)[0] == [
        "Why the old mill stopped turning, and what the survey found\n\nThe mill race",
        "In spring the water rose over the sluice.\n\nThe wheel broke twice.",
    ]
    assert texts(corpus)[1][1] == "They climb the weir at night, in the rain."


def test_a_picture_after_a_teasers_closing_one_is_the_first_posts() -> None:
    """`1/8 Image` under the opening text: the mark is the first post's picture, no text."""
    corpus = parse_text(AUTHOR_PAGE.replace("1/8 In spring", "1/8 Image In spring"))
    assert texts(corpus)[0][1].startswith("In spring the water")
    corpus = parse_text(AUTHOR_PAGE.replace("1/8 In spring", "1/8 Image\nIn spring"))
    assert numbers(corpus)[0] == [1, None]
    assert texts(corpus)[0][1].startswith("In spring the water")


def test_a_teasers_one_alone_under_its_opening_text_ends_its_first_post() -> None:
    """The first post takes in the number's line; the next post starts under it."""
    corpus = parse_text(AUTHOR_PAGE.replace("1/8 In spring", "1/8\nIn spring"))
    assert numbers(corpus)[0] == [1, None]
    assert texts(corpus)[0][1].startswith("In spring the water")
    assert line_ranges(corpus)[0] == [(2, 5), (6, 8)]


def test_outside_a_teaser_a_one_under_a_title_still_numbers_the_text_after_it() -> None:
    """On a thread page the line above `1/` may be the thread's title: unchanged."""
    corpus = parse_text("The mill race\n1/ In spring the water rose.\n2/ The wheel broke.\n")
    assert numbers(corpus) == [[None, 1, 2]]
    assert texts(corpus)[0][1] == "In spring the water rose."


def test_a_teaser_that_opens_with_its_number_keeps_it_as_the_first_posts() -> None:
    corpus = parse_text(
        "Jun 20 9 tweets 3 min read\n1/ Why the old mill stopped.\n2/ The wheel broke.\n"
    )
    assert numbers(corpus) == [[1, 2]]


# -- a repost's title and bare byline -------------------------------------------------------

REPOST = (
    "Notes on ferries\n\nby Ada Lindqvist\n\n"
    "Ferries are slower than bridges 1/3\n\nThey are also kinder 2/3\n\nRide one today 3/3\n"
)


def test_a_reposts_title_and_bare_byline_are_the_pages_header(tmp_path: Path) -> None:
    """The title and `by Name` opening the page are chrome, skipped; the thread starts under
    them and the byline names its author."""
    page = tmp_path / "repost.txt"
    page.write_text(REPOST, encoding="utf-8")
    corpus = load_corpus([page])
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][0] == "Ferries are slower than bridges"
    assert skipped(corpus) == [(1, "Notes on ferries"), (3, "by Ada Lindqvist")]
    assert corpus.meta(0).author == "Ada Lindqvist"


def test_a_bare_byline_gives_the_author() -> None:
    assert page_meta(["Notes on ferries", "by Ada Lindqvist"]) == PageMeta("Ada Lindqvist")


def test_a_bare_byline_under_strong_chrome_and_a_title_is_the_headers_too() -> None:
    corpus = parse_text("Skip to content\nNotes on ferries\nby Ada Lindqvist\n" + REPOST[35:])
    assert numbers(corpus) == [[1, 2, 3]]
    assert [text for _, text in skipped(corpus)] == [
        "Skip to content",
        "Notes on ferries",
        "by Ada Lindqvist",
    ]


def test_a_byline_with_no_title_above_it_stays_text() -> None:
    """`by Name` alone at the start is no header: a title stands above a byline."""
    corpus = parse_text("by Ada Lindqvist\n\nFerries are slower than bridges 1/2\n\nRide one 2/2\n")
    assert texts(corpus)[0][0].startswith("by Ada Lindqvist")
    assert skipped(corpus) == []


def test_a_byline_under_a_sentence_stays_text() -> None:
    """A line that ends a sentence is a post's, not a title: the byline under it is text."""
    corpus = parse_text("The ferry was built in Oslo.\nby Ada Lindqvist\n\nRide one today.\n")
    assert skipped(corpus) == []
    assert "by Ada Lindqvist" in texts(corpus)[0][0]


def test_a_title_and_byline_below_a_thread_are_no_header() -> None:
    """Inside the text (no page start or chrome above), the lines stay the thread's."""
    corpus = parse_text(
        "1/ Ferries are slow.\n2/ They are kind.\n\nNotes on ferries\nby Ada Lindqvist\n"
    )
    assert skipped(corpus) == []


# -- a blog's words above the first tweet it embeds, unnumbered -------------------------------

EMBED = "— Mara Quill (@maraquill) March 3, 2020\n"
BLOG = (
    "Ferry notes\nPosted on March 4, 2020 by Mara Quill\n"
    "A few people asked for these in one place, so here they are.\n\n"
    "The ferry runs again.\nFrom Monday, twice a day.\n"
    + EMBED
    + "The old boat is sold.\n"
    + EMBED
    + "Share this:\n"
)


def test_a_blogs_words_above_its_first_unnumbered_embedded_tweet_are_its_own() -> None:
    """The tweet is the last paragraph above the line under it (its line breaks single); the
    blog's words above are a thread of their own, not the tweet's start."""
    corpus = parse_text(BLOG)
    assert numbers(corpus) == [[None], [None, None]]
    assert texts(corpus) == [
        ["A few people asked for these in one place, so here they are."],
        ["The ferry runs again.\nFrom Monday, twice a day.", "The old boat is sold."],
    ]


def test_without_blank_lines_the_first_embedded_tweet_is_the_last_line() -> None:
    corpus = parse_text(
        BLOG.replace("here they are.\n\n", "here they are.\n").replace(
            "again.\nFrom Monday, twice a day.", "again from Monday."
        )
    )
    assert texts(corpus) == [
        ["A few people asked for these in one place, so here they are."],
        ["The ferry runs again from Monday.", "The old boat is sold."],
    ]


def test_a_first_embedded_tweet_with_nothing_above_it_is_the_threads_first_post() -> None:
    corpus = parse_text(
        "Ferry notes\nPosted on March 4, 2020 by Mara Quill\nThe ferry runs again.\n"
        + EMBED
        + "The old boat is sold.\n"
        + EMBED
    )
    assert texts(corpus) == [["The ferry runs again.", "The old boat is sold."]]


# -- an old author page copied without its header --------------------------------------------

OLD_AUTHOR_PAGE = (
    "Sep 2, 2022\nThe lamp at Gull Point was wired to the mainland in the spring.\n"
    "The keeper stayed on to mind it.\n"
    "Aug 14, 2022\nTide tables for the estuary are printed a year ahead.\n"
    "Jul 1\nWhy the harbour bell rings at noon, a short thread\n"
)


def test_an_old_author_page_without_its_header_reads_its_dates_as_chrome(tmp_path: Path) -> None:
    """A copy that opens with a bare date lost the header above it: the date is the header's,
    and it opens the listing, each thread under its date (which it gives the thread)."""
    page = tmp_path / "author.txt"
    page.write_text(OLD_AUTHOR_PAGE, encoding="utf-8")
    corpus = load_corpus([page])
    assert numbers(corpus) == [[None], [None], [None]]
    assert [text for _, text in skipped(corpus)] == ["Sep 2, 2022", "Aug 14, 2022", "Jul 1"]
    assert texts(corpus)[0] == [
        "The lamp at Gull Point was wired to the mainland in the spring.\n"
        "The keeper stayed on to mind it."
    ]
    assert [corpus.meta(t).date for t in range(3)] == ["2022-09-02", "2022-08-14", "Jul 1"]


def test_a_bare_date_opening_a_thread_page_is_its_header() -> None:
    corpus = parse_text("Mar 4\n1/ The quay is closed.\n2/ It opens in May.\n")
    assert numbers(corpus) == [[1, 2]]
    assert skipped(corpus) == [(1, "Mar 4")]


def test_a_date_line_inside_a_thread_stays_text_when_the_text_opens_otherwise() -> None:
    corpus = parse_text("The quay diary, a thread\nMar 4\nThe quay is closed.\nMar 5\nStill.\n")
    assert skipped(corpus) == []
    assert numbers(corpus) == [[None]]


def test_a_numbered_post_ends_the_listing_a_bare_date_opened() -> None:
    """As under a header: under a numbered post, a date line is the post's text again."""
    corpus = parse_text("Mar 4\n1/ The quay is closed.\nMar 5\n2/ It opens in May.\n")
    assert skipped(corpus) == [(1, "Mar 4")]
    assert numbers(corpus) == [[1, 2]]


# -- a tweet archive's page -------------------------------------------------------------------

ARCHIVE = (
    "ada_q’s avatarada_q’s Twitter Archive—№ 4,321\n\n"
    "      1. The ferry timetable changes on Monday, and nobody has been told.\n"
    "    1. …in reply to @ada_q\n"
    "      The last boat now leaves at nine, not ten.\n"
    "  1. …in reply to @ada_q\n"
    "    Check before you travel.\n"
)


def test_a_tweet_archives_title_and_reply_lines_are_chrome(tmp_path: Path) -> None:
    """The archive's title (its avatar's alt text run into it) is the page's, and the line over
    each of the author's replies is chrome the thread goes on past: its tweets are one thread,
    the title giving the handle."""
    page = tmp_path / "archive.txt"
    page.write_text(ARCHIVE, encoding="utf-8")
    corpus = load_corpus([page])
    assert numbers(corpus) == [[None, None, None]]
    assert texts(corpus)[0][1:] == [
        "The last boat now leaves at nine, not ten.",
        "Check before you travel.",
    ]
    assert [line for line, _ in skipped(corpus)] == [1, 4, 6]
    assert corpus.meta(0).handle == "ada_q"


def test_no_cut_right_above_a_bare_date() -> None:
    """A part cut right above a bare date would open with it and read it as its header, where
    the whole reads it as the first post of a thread: no cut there."""
    raw = b"1/ a\n2/ b\n\nMar 4\n2/ c\n3/ d\n"
    assert raw.index(b"Mar 4") not in allowed_cuts(raw)
    assert_cuts_parse_like_the_whole(raw, allowed_cuts(raw))


@pytest.mark.parametrize("cue", ["Here is the thread \U0001f9f5\U0001f447", "Time for a thread:"])
def test_paragraphs_above_a_cue_in_a_page_of_paragraphed_posts_are_the_first_post(cue: str) -> None:
    """Where the posts under the cue hold paragraphs a blank line apart and end at a line
    break, the paragraphs above the cue, each a blank line apart, are one tweet laid out the same
    way, the cue its last paragraph: the thread's unnumbered first post, not a thread."""
    lead = f"The tide tables changed this week.\n\nMost harbours did not notice.\n\n{cue}"
    corpus = parse_text(
        f"{lead}\n1/ The spring tides come later.\n\nBy an hour or so.\n"
        "2/ The neap tides do not move.\n\nThey never have.\n"
    )
    assert numbers(corpus) == [[None, 1, 2]]
    assert texts(corpus)[0][0] == lead


def test_paragraphs_above_a_cue_over_posts_without_paragraphs_stay_a_thread() -> None:
    """Where nothing under the cue shows posts laid out in paragraphs, several paragraphs above
    it are still a thread of their own (a blog's words above the thread it quotes)."""
    corpus = parse_text(
        "Our club read the tide report.\n\nWe have thoughts.\n\nHere is the thread \U0001f9f5\n"
        "1/ The spring tides come later.\n2/ The neap tides do not move.\n"
    )
    assert numbers(corpus) == [[None], [None, 1, 2]]


@pytest.mark.parametrize("label", ["[Thread]", "Thread 🧵"])
def test_a_label_over_posts_numbered_from_2_at_their_ends_closes_post_one(label: str) -> None:
    """An opening paragraph, a label (`[Thread]` in brackets too), then posts each numbered
    at its end from `2/n` on: the paragraph and its label are post 1, unnumbered by its author;
    the text under the label up to `2/n` is post 2, not more of post 1."""
    corpus = parse_text(
        INTRO + label + "\nThe moon pulls on the water nearest to it.\n\n2/n\n"
        "The sun pulls too, but less.\n\n3/n\n"
        "Both together make the spring tides.\n\n4/n\n"
    )
    assert numbers(corpus) == [[1, 2, 3, 4]]
    assert texts(corpus)[0][:2] == [
        INTRO + label,
        "The moon pulls on the water nearest to it.",
    ]
