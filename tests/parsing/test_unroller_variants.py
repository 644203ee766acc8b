"""Variants of unroller and twitter.com pages as copies give them: threader.app's header with
the name glued to its button and its tip line cut short, a threader.app page clipped as
Markdown, `Show this thread` joined to the separator under it (tests/fixtures/unrollers/)."""

from __future__ import annotations

import pytest

from parsing import load_corpus
from parsing.given import ThreadMeta

from .helpers import FIXTURES, numbers, parse_text, skipped, texts

UNROLLERS = FIXTURES / "unrollers"


def test_threader_header_glued_to_its_button_gives_name_handle_and_date() -> None:
    """threader.app's one-line header read with the name glued to "+ Your Authors": the name,
    the handle and the dated day are the thread's, the header line is skipped."""
    corpus = load_corpus([UNROLLERS / "threader_glued_header.txt"])
    assert corpus.meta(0) == ThreadMeta("Wren Calloway", "wrencalloway", "2021-10-04", None)
    assert 1 in [line for line, _ in skipped(corpus)]


def test_threader_tip_cut_short_is_chrome_not_a_thread() -> None:
    """The tip under a threader.app thread names its own bot; cut in the middle of a word by
    the copy, it is still chrome, not a thread of its own."""
    corpus = load_corpus([UNROLLERS / "threader_glued_header.txt"])
    assert numbers(corpus) == [[None]]
    assert texts(corpus)[0][0].startswith("The harbour ferry now runs a late boat")
    assert texts(corpus)[0][0].endswith("trust the website for now.")
    assert [line for line, _ in skipped(corpus)] == [1, 9, 12]


def test_a_clipped_threader_page_reads_its_header_without_the_button_and_skips_its_footer() -> None:
    """A clipping of threader.app keeps the page's title (`A thread written by @x`), an icon as
    bare `**`, the author's picture, and the header without its `+ Your Authors` button (the
    clock icon left as `**` before the reading time); under the thread, the share row with its
    bulleted buttons and the sign-up line. All of it is chrome; the header gives the author."""
    corpus = load_corpus([UNROLLERS / "threader_clipped.md"])
    assert texts(corpus) == [["The ferry runs late.\n\nThe pier is closed."]]
    assert corpus.meta(0) == ThreadMeta("Ada Quill", "ada", "2019-03-11", None)
    assert [text.strip() for _, text in skipped(corpus)][:4] == [
        "A thread written by @ada",
        "**",
        "[image]",
        "Ada Quill  @ada  Maps and ferries.  Mar. 11, 2019  ** 3 min read",
    ]


@pytest.mark.parametrize(
    "above",
    ["", "You can follow @wren.\n\n"],
    ids=["the first line", "under chrome"],
)
def test_a_sentence_naming_a_handle_and_a_reading_time_is_no_header(above: str) -> None:
    """Where a page may start, a line is threader.app's header only with the date before the
    reading time, as the page prints it: a post's sentence that names someone and a reading
    time stays the post's text."""
    sentence = "Thanks @ana for the tip, her guide is a 5 min read"
    corpus = parse_text(above + sentence + "\n\n1/ The ferry runs late.\n2/ The pier is shut.\n")
    assert texts(corpus)[-1][0] == sentence


def test_a_bulleted_list_of_networks_inside_a_post_stays_its_text() -> None:
    """A share list's bulleted items are chrome only next to other chrome, as a share row is."""
    corpus = parse_text(
        "1/ Where to find the ferry news:\n- Twitter\n- Facebook\n2/ The pier shop has it too.\n"
    )
    assert texts(corpus)[0][0] == "Where to find the ferry news:\n- Twitter\n- Facebook"


def test_show_this_thread_joined_to_its_separator_is_skipped_between_tweets() -> None:
    """`Show this thread -`, the link and the lone `-` under it on one line, is skipped like
    the link alone: it ends the tweet above and the thread goes on."""
    corpus = load_corpus([UNROLLERS / "old_twitter_show_dash.txt"])
    assert numbers(corpus) == [[None, None, None]]
    assert [post.splitlines()[0][:20] for post in texts(corpus)[0]] == [
        "The reservoir path i",
        "The detour follows t",
        "Dogs on leads along ",
    ]
    assert [line for line, _ in skipped(corpus)] == [2, 4]


def test_threader_health_notice_and_its_numbered_advice_are_chrome() -> None:
    """threader.app's notice above a pandemic thread, with its three numbered pieces of advice,
    is chrome like the header under it: the page has one thread, the author's, numbered 1-2."""
    corpus = load_corpus([UNROLLERS / "threader_health_notice.txt"])
    assert numbers(corpus) == [[1, 2]]
    assert [line for line, _ in skipped(corpus)] == [1, 3, 5, 7, 9, 11]
    assert corpus.meta(0) == ThreadMeta("Tove Brand", "tovebrand", "2021-03-02", None)


def test_a_threader_title_inside_a_thread_is_the_authors_text() -> None:
    """`A thread written by @x` is threader.app's title above its header, where a page
    starts; alone on a line between two posts it is the author's sentence: it stays in the
    post above and the thread goes on."""
    corpus = parse_text(
        "1/ The ferry timetable changes on Monday.\nA thread written by @wren\n"
        "2/ The late boat now leaves at eleven.\n"
    )
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus)[0][0] == (
        "The ferry timetable changes on Monday.\nA thread written by @wren"
    )
    assert skipped(corpus) == []


def test_a_threader_title_opening_a_second_page_under_chrome_is_skipped() -> None:
    """Under a block of strong chrome (the footer of a page above it in the same file), a new
    page may start: the title there is the page's, skipped as at the file's first line."""
    corpus = parse_text(
        "A thread written by @wren\n\nThe ferry runs late.\n\nEnjoy Threader? Sign up\n\n"
        "A thread written by @bo\n\nThe pier is closed.\n"
    )
    assert texts(corpus) == [["The ferry runs late."], ["The pier is closed."]]
    assert [text for _, text in skipped(corpus)] == [
        "A thread written by @wren",
        "Enjoy Threader? Sign up",
        "A thread written by @bo",
    ]


def test_a_cut_threader_copy_numbered_as_a_list_reads_one_post_per_number() -> None:
    """threader.app's header, then posts numbered `1.`, `2.`, `3.` one line each, the copy cut
    before the footer: short as they are, the numbers opening the page's thread right under its
    header are its post numbers."""
    corpus = load_corpus([UNROLLERS / "threader_list_numbered_cut.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0] == [
        "The old light on the point is lit again tonight.",
        "It runs on a battery now.",
        "The keeper's cottage stays shut.",
    ]
    assert corpus.meta(0) == ThreadMeta("Tomas Wyle", "tomaswyle", "Apr 9", None)


def test_a_twtext_copy_numbered_as_a_list_in_paragraphs_reads_one_post_per_number() -> None:
    """twtext's indented copy, posts numbered `1.` to `3.` each in a paragraph of its own above
    the page's footer: post numbers, however short the posts."""
    corpus = load_corpus([UNROLLERS / "twtext_indented_short_list.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][1] == "Fares stay the same."


HEADER = "Tomas Wyle + Your Authors @tomaswyle Lighthouses and harbours. Apr 9 1 min read\n"


@pytest.mark.parametrize(
    "body",
    [
        "What to bring on the night walk:\n1. A torch.\n2. A coat.\n3. Tea.\n",
        "1. A torch.\n2. A coat.\n3. Tea.\nThe walk starts at nine from the quay.\n",
        "2. A torch.\n3. A coat.\n",
    ],
    ids=["lead-in-above", "text-under-the-list", "not-from-one"],
)
def test_a_list_inside_the_first_post_under_an_unroller_header_stays_whole(body: str) -> None:
    """Under the header, a list with a lead-in sentence, with text right under its last item,
    or not numbered from `1.` on the thread's first line is a list inside one post."""
    corpus = parse_text(HEADER + body)
    assert numbers(corpus) == [[None]]
    assert texts(corpus)[0][0] == body.strip()


def test_a_short_list_with_no_page_around_it_stays_one_post() -> None:
    """The same short numbered lines with no unroller's header or footer: nothing says they
    are posts, so they stay one post's list."""
    body = "1. A torch.\n2. A coat.\n3. Tea.\n"
    corpus = parse_text(body)
    assert numbers(corpus) == [[None]]
    assert texts(corpus)[0][0] == body.strip()


def test_threaders_share_button_alone_on_its_line_above_its_footer_is_chrome() -> None:
    """threader.app's share row copied one button a line (`Share this thread`, `Bookmark`),
    right above its sign-up footer: chrome, not the last post's end."""
    corpus = parse_text(
        "Ada Quill + Your Authors @adaquill Jun 3 1 min read\n"
        "Night trains are back.\n\nShare this thread\nBookmark\nEnjoy Threader? Sign up\n"
    )
    assert texts(corpus) == [["Night trains are back."]]
