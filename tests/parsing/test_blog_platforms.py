"""A thread reposted on Medium or Substack: the site's bar, the title, subtitle and byline
(name, `Follow`, reading time, date, counts, `Listen`, `Share`), subscribe boxes, tags, the
author's box, comments and recommendations are chrome; the byline gives the author and date."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing import Corpus, load_corpus

from .helpers import FIXTURES, numbers, parse_text, skipped, texts
from .test_split_points import allowed_cuts

PAGES = FIXTURES / "pages"


def test_a_medium_repost_reads_as_its_thread() -> None:
    corpus = load_corpus([PAGES / "medium_repost.txt"])
    assert numbers(corpus) == [[1, 2, 3, 4]]
    assert corpus.title(0) == (
        "Our allotment used mains water for thirty years, and the bill doubled last summer."
    )
    assert texts(corpus)[0][3] == "Next year we will add a fifth butt by the greenhouse."
    assert [line for line, _ in skipped(corpus)] == [*range(1, 22), 24, *range(27, 47)]


def test_a_medium_byline_gives_the_author_and_date() -> None:
    meta = load_corpus([PAGES / "medium_repost.txt"]).meta(0)
    assert (meta.author, meta.date) == ("Nell Barrow", "2023-03-14")


def test_a_substack_repost_reads_as_its_thread() -> None:
    """The readers' comments under `Discussion about this post` are no thread."""
    corpus = load_corpus([PAGES / "substack_repost.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert corpus.title(0) == (
        "The old slipway at the north quay was built for boats half the size of today's."
    )
    assert [line for line, _ in skipped(corpus)] == [*range(1, 18), *range(21, 52)]


def test_a_substack_byline_gives_the_author_and_date() -> None:
    meta = load_corpus([PAGES / "substack_repost.txt"]).meta(0)
    assert (meta.author, meta.date) == ("Tam Oduya", "2024-09-09")


@pytest.mark.parametrize(
    "line",
    [
        "Press enter or click to view image in full size",
        "Get Nell Barrow’s stories in your inbox",
        "Join Medium for free to get updates from this writer.",
        "Thanks for reading Harbour Letters! Subscribe for free to receive new posts and support"
        " my work.",
    ],
)
def test_a_platform_line_inside_a_post_is_skipped_and_the_thread_goes_on(line: str) -> None:
    corpus = parse_text(f"1/ The butts filled up.\n{line}\n2/ The tap ran dry.\n")
    assert numbers(corpus) == [[1, 2]]
    assert skipped(corpus) == [(2, line)]


@pytest.mark.parametrize(
    "chrome",
    [
        "Member-only story",
        "Recommended from Medium",
        "312 followers · 40 following",
        "Discover more from Harbour Letters",
        "Already have an account? Sign in",
        "Discussion about this post",
        "Ready for more?",
        "© 2024 Tam Oduya",
    ],
)
def test_strong_platform_chrome_is_skipped_wherever_it_stands(chrome: str) -> None:
    corpus = parse_text(f"1/ The butts filled up.\n2/ The tap ran dry.\n{chrome}\n")
    assert skipped(corpus)[0] == (3, chrome)
    assert numbers(corpus) == [[1, 2]]


def test_a_count_alone_inside_a_post_stays_text() -> None:
    """Claps and likes are counts alone on a line, but only next to other chrome."""
    corpus = parse_text("1/ Butts we filled this year:\n212\n2/ The tap ran dry.\n")
    assert texts(corpus) == [["Butts we filled this year:\n212", "The tap ran dry."]]


def test_a_long_paragraph_above_a_reading_time_is_no_header() -> None:
    """Only short lines (a title, a subtitle, names) stand above a byline; a paragraph is the
    page's text and stays."""
    words = "We kept the water off the paths all summer, " * 8
    corpus = parse_text(f"{words.strip()}\n·\n4 min read\n·\nMar 14, 2023\n1/ The butts.\n")
    assert texts(corpus)[0] == [words.strip()]


def test_a_medium_byline_without_follow_and_its_responses() -> None:
    """The later byline has no `Follow` (the name right above the reading time) and blank
    lines between its lines; the readers' responses under `Responses (N)` are no thread."""
    corpus = load_corpus([PAGES / "medium_repost_plain.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][2] == "The oldest plaque was from 1951."
    meta = corpus.meta(0)
    assert (meta.author, meta.date) == ("Ivo Strand", "2024-10-02")


def test_a_substack_clipping_reads_as_its_thread() -> None:
    """Clipped to Markdown: the buttons glued (`SubscribeSign in`), the name a link, pictures as
    marks, and a row of the likers' pictures above the counts."""
    corpus = load_corpus([FIXTURES / "clippings" / "substack_clipping.md"])
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus)[0][1] == (
        "Work starts in November, so the winter boats will use the south ramp."
    )
    meta = corpus.meta(0)
    assert (meta.author, meta.date) == ("Tam Oduya", "2025-11-01")


@pytest.mark.parametrize(
    ("raw", "near"),
    [
        # A box's masthead runs up to the page's start: cut above it, the part reads it so.
        ("1/ word\n🧵 1/ word\nDiscover more from Ana\n", "🧵"),
        # Under a footer's heading every line is chrome up to the next post's number.
        ("1/ word\nResponses (2)\nAna\nNice.\nBo\nThanks.\n", "Bo"),
    ],
)
def test_no_cut_where_a_platform_rule_reads_across_it(raw: str, near: str) -> None:
    """A source is cut only where both parts read as the whole does."""
    data = raw.encode()
    assert data.index(near.encode()) not in allowed_cuts(data)


def test_a_medium_copy_without_its_header_takes_the_author_from_its_box(tmp_path: Path) -> None:
    """Copied from the thread on, the page names its author only under it: `Written by Name`
    over the followers' count."""
    page = tmp_path / "medium.txt"
    page.write_text(
        "1/ The butts filled up.\n2/ The tap ran dry.\nGardening\nFollow\n"
        "Written by Nell Barrow\n312 followers · 40 following\nNo responses yet\n",
        encoding="utf-8",
    )
    corpus = load_corpus([page])
    assert numbers(corpus) == [[1, 2]]
    assert corpus.meta(0).author == "Nell Barrow"


def test_a_reading_time_alone_in_a_thread_is_its_text() -> None:
    """A bare `5 min read` between a post's lines, with no byline's `·` next to it, is the
    post's words (weak, as threader.app's closing line is): it neither cuts the thread nor
    leaves the post."""
    corpus = parse_text(
        "1/ The canal was dug by hand.\n2/ How long this thread takes to read:\n5 min read\n"
        "3/ The locks came later.\n"
    )
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][1] == "How long this thread takes to read:\n5 min read"


def _medium_with_user_name(credit: str) -> str:
    return (
        "Open in app\nSign up\nSign in\nWrite\nWhy our allotment switched to rainwater\n"
        "Nell Barrow\n@nellbarrow\n·\nFollow\n4 min read\n·\nMar 14, 2023\n212\nListen\nShare\n"
        f"1/ The butts filled up in a week.\n2/ The tap ran dry by June.{credit}\n"
    )


def _loaded(tmp_path: Path, text: str) -> Corpus:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return load_corpus([path])


def test_a_user_name_in_a_medium_byline_is_no_twitter_handle(tmp_path: Path) -> None:
    """Medium's byline may show the writer's name on the site as `@name`: it names an account
    on Medium, not the thread's on Twitter, so the thread's handle stays unknown."""
    corpus = _loaded(tmp_path, _medium_with_user_name(""))
    meta = corpus.meta(0)
    assert (meta.author, meta.handle, meta.date) == ("Nell Barrow", None, "2023-03-14")


def test_an_embed_credit_gives_the_handle_a_medium_byline_does_not(tmp_path: Path) -> None:
    """The credit under an embedded tweet names its Twitter account: that is the handle."""
    corpus = _loaded(tmp_path, _medium_with_user_name("\n— Nell B (@nellb_tweets) March 3, 2023"))
    assert corpus.meta(0).handle == "nellb_tweets"
