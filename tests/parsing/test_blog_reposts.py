"""A blog that reposts a thread: its own words around the tweets it embeds are threads of their
own, and the credit under each tweet ends that post. Fixtures are in tests/fixtures/pages/."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing import load_corpus

from .helpers import FIXTURES, numbers, parse_text, texts

PAGES = FIXTURES / "pages"


# -- a blog's own words around the tweets it embeds -------------------------------------------


def test_a_blogs_words_around_its_embedded_tweets_are_threads_of_their_own() -> None:
    """Under each tweet a blog embeds stands `— Name (@handle) date`; the blog's introduction
    above the first such tweet and its closing words under the last are no posts of the
    thread, but kept whole, each a thread of its own."""
    corpus = load_corpus([PAGES / "blog_embeds.txt"])
    assert numbers(corpus) == [[None], [1, 2, 3], [None]]
    assert corpus.title(1) == (
        "The footbridge over the mill race is being rebuilt this spring. pic.twitter.com/Ab12Cd34Ef"
    )
    meta = corpus.meta(1)
    assert (meta.author, meta.handle, meta.date) == ("Mara Quill", "maraquill", "2020-03-03")


def test_embedded_tweets_with_no_words_of_the_blog_are_one_thread() -> None:
    corpus = parse_text(
        "1/ The drain is full of eels.\n— Ada Reed (@adareed) June 8, 2021\n"
        "2/ They came through the new pass.\n— Ada Reed (@adareed) June 8, 2021\nShare this:\n"
    )
    assert numbers(corpus) == [[1, 2]]


HERON = "— Pell Ardo (@pellardo) May 2, 2021\n"
HERON_TWEETS = "1/ The heron took the weir at dawn.\n" + HERON + "2/ The gulls gave way.\n" + HERON


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ("That was the week on the river.\n", [[1, 2], [None]]),
        ("That was the week on the river.\n1/ A second thread opens.\n", [[1, 2], [None], [1]]),
        ("That was the week on the river.\nTHREAD\nThe weir again.\n", [[1, 2], [None], [None]]),
    ],
    ids=["copy's end", "restarting marker", "thread head"],
)
def test_a_blogs_closing_words_under_its_last_embedded_tweet_are_a_thread_of_their_own(
    after: str, expected: list[list[int | None]]
) -> None:
    """No embed line ends the text under the last tweet a blog embeds: where the copy ends or
    another thread opens under it, as where the page's chrome does, it is the blog's own."""
    corpus = parse_text(HERON_TWEETS + after)
    assert numbers(corpus) == expected
    assert texts(corpus)[1] == ["That was the week on the river."]


def test_text_ending_in_a_post_number_under_the_last_embedded_tweet_stays_in_the_thread() -> None:
    """The author's number says it is a tweet of the thread (its embed line cut off)."""
    corpus = parse_text(HERON_TWEETS + "The heron left at noon. 3/3\n")
    assert numbers(corpus) == [[1, 2, 3]]


def test_a_tweet_a_blog_embeds_by_another_handle_ends_the_thread_above(tmp_path: Path) -> None:
    """A reply or a quoted tweet someone else wrote, embedded under the thread, is no post of
    it: the line under it names another handle. The blog's words above it are its own, as
    above the first tweet a blog embeds, and the other tweet opens a thread with its author."""
    page = tmp_path / "blog.txt"
    page.write_text(
        HERON_TWEETS
        + "Others wrote in with their own sightings.\n\nIt stared me down at the lock.\n"
        + "— Quinn Lowe (@quinnlowe) May 3, 2021\n",
        encoding="utf-8",
    )
    corpus = load_corpus([page])
    assert numbers(corpus) == [[1, 2], [None], [None]]
    assert texts(corpus)[1:] == [
        ["Others wrote in with their own sightings."],
        ["It stared me down at the lock."],
    ]
    assert (corpus.meta(0).handle, corpus.meta(2).handle) == ("pellardo", "quinnlowe")


def test_tweets_embedded_under_the_same_handle_in_other_case_are_one_thread() -> None:
    corpus = parse_text(
        "The heron took the weir.\n" + HERON + "The gulls gave way.\n"
        "— Pell Ardo (@PellArdo) May 2, 2021\n"
    )
    assert numbers(corpus) == [[None, None]]


def test_text_above_a_thread_that_an_old_twitter_page_goes_on_past_stays_its_first_post() -> None:
    """Only a blog's embed line says a tweet was embedded: `Show this thread` under the post
    leaves the text above `1/` the thread's own."""
    corpus = parse_text(
        "Why we moved.\n1/ The shop closed.\nShow this thread\n2/ We found a barn.\n"
    )
    assert numbers(corpus) == [[None, 1, 2]]


def test_a_teasers_opening_that_announces_the_thread_stays_apart_from_post_one() -> None:
    """A teaser whose posts run together, one line break apart, each numbered at its end
    (`… /1`): the opening text above post 1, ending `A thread 🧵`, is the thread's opening
    post, unnumbered, not the start of post 1."""
    corpus = parse_text(
        "Most recents (9)\nThe canal was dug by hand.\n\nThe story of its locks.\n\nA thread 🧵\n"
        "The first lock rose in a single summer. /1\nThe second one took three years. /2\n"
        "Read 12 tweets\n"
    )
    assert numbers(corpus) == [[None, 1, 2]]
    assert texts(corpus)[0] == [
        "The canal was dug by hand.\n\nThe story of its locks.\n\nA thread 🧵",
        "The first lock rose in a single summer.",
        "The second one took three years.",
    ]


def test_a_teasers_opening_that_announces_nothing_is_post_ones_text() -> None:
    """Without the announcement, the text above post 1's line is read as before: post 1's."""
    corpus = parse_text(
        "Most recents (9)\nThe canal was dug by hand.\n"
        "The first lock rose in a single summer. /1\nThe second one took three years. /2\n"
        "Read 12 tweets\n"
    )
    assert numbers(corpus) == [[1, 2]]


def test_a_credit_right_under_a_teasers_number_is_that_posts() -> None:
    """A camera emoji and a source (`📷: …`, `📸 by @…`) right under a post's number is the
    credit of that post's picture: no unnumbered last post, no start of the next post."""
    corpus = load_corpus([PAGES / "hashtag_credit_under_number.txt"])
    assert numbers(corpus) == [[1, 2], [1, 2]]
    first, second = texts(corpus)
    assert first[1] == "It was raised a metre after the surge of 1953.\n📷: The parish album"
    assert second == [
        "Why the marsh is grazed by sheep in summer\n📸 by @warden_ravensholm",
        "The grass they crop lets the waders nest.",
    ]


def test_a_camera_emoji_leading_a_posts_words_starts_that_post() -> None:
    """`📸 The view …` names no source: it is the next post's own opening."""
    corpus = parse_text(
        "The dunes shifted again. 1/\n📸 The view from the old path\nis gone now. 2/\n"
    )
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus)[0][1].startswith("📸 The view")


def test_in_a_thread_page_a_credit_under_a_number_stays_with_its_post() -> None:
    """Outside listings too, the credit under `1/` belongs to post 1, not to post 2's text."""
    corpus = parse_text(
        "The dunes shifted again. 1/\n📷: the warden\nThe path moved inland. 2/\n"
        "The old gate is buried. 3/\n"
    )
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][:2] == [
        "The dunes shifted again.\n📷: the warden",
        "The path moved inland.",
    ]


@pytest.mark.parametrize("dash", ["–", "--"])
def test_a_credit_opening_with_an_en_dash_or_two_hyphens_ends_its_tweet(
    tmp_path: Path, dash: str
) -> None:
    """A copy or a converter that turned the credit's em dash into an en dash or `--` leaves the
    credit's whole shape (name, handle in brackets, date with its year): each credit ends its
    tweet, is skipped, and names the thread's author, handle and date, as under an em dash."""
    page = tmp_path / "page.txt"
    page.write_text(
        f"1/ The drain is full of eels.\n{dash} Ada Reed (@adareed) June 8, 2021\n"
        f"2/ They came through the new pass.\n{dash} Ada Reed (@adareed) June 8, 2021\n",
        encoding="utf-8",
    )
    corpus = load_corpus([page])
    assert texts(corpus) == [["The drain is full of eels.", "They came through the new pass."]]
    meta = corpus.meta(0)
    assert (meta.author, meta.handle, meta.date) == ("Ada Reed", "adareed", "2021-06-08")


@pytest.mark.parametrize("line", ["– Ada Reed (@adareed)", "-- Ada Reed (@adareed) says so"])
def test_an_en_dash_and_a_handle_without_the_credits_date_stay_text(line: str) -> None:
    """Without the date, a dash, a name and a handle in brackets are the author's words (a
    quotation's attribution): only the whole credit is the embed's."""
    corpus = parse_text(f"The drain is full of eels.\n{line}\n")
    assert texts(corpus) == [[f"The drain is full of eels.\n{line}"]]
