"""Text copied from twitter.com in the layouts not covered by `test_old_twitter`: the desktop
page of 2019-2022 (mentions on lines of their own, the counts of the last tweet ending the copy),
the later page titled `Post` (views, reposts, bookmarks), the page before 2019 (one-line headers
with a direction mark and no `·`), and headers that show no display name."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing import load_corpus

from .helpers import FIXTURES, numbers, parse_text, skipped, texts

COPIES = FIXTURES / "twitter_copies"


def test_a_replying_to_line_run_with_and_between_handles_is_skipped_whole() -> None:
    """`Replying to ` / `@a` / ` and ` / `@b`, each on a line as a copy of the page gives them,
    is one line of the header: no post starts with ` and ` and a handle."""
    corpus = load_corpus([COPIES / "desktop_split_mentions.txt"])
    posts = texts(corpus)[0]
    assert posts[2] == "Stalls go in where the trams were washed, and the roof glass stays."
    assert (28, " and ") in skipped(corpus)


def test_the_counts_under_the_last_tweet_end_the_copy_as_chrome() -> None:
    """The replies, retweets and likes under the last tweet are its counts, as under every other
    tweet: not the end of its text."""
    corpus = load_corpus([COPIES / "desktop_split_mentions.txt"])
    assert texts(corpus)[0][-1] == "It opens in May, if the glaziers finish on time."
    assert [line for line, _ in skipped(corpus)][-3:] == [47, 48, 49]


def test_a_mention_inside_a_tweet_on_a_line_of_its_own_stays_in_the_tweet() -> None:
    """A copy puts a mention in running text on a line of its own: it is the tweet's text."""
    corpus = load_corpus([COPIES / "desktop_split_mentions.txt"])
    assert texts(corpus)[0][1] == (
        "The council bought it from \n@citytransit\n last spring for a token sum."
    )
    assert len(corpus.threads) == 1


def test_a_post_page_with_views_reposts_and_bookmarks_reads_as_the_authors_thread() -> None:
    """The later page is titled `Post`, and counts views, reposts, quotes, likes and bookmarks
    under the main post: all chrome; the main post is the thread's first, by its author."""
    corpus = load_corpus([COPIES / "post_page_views.txt"])
    assert texts(corpus) == [
        [
            "The river survey came back and the otters are on every stretch now.",
            "The last time anyone saw them above the weir was in the nineties.",
            "Volunteers counted spraints under eleven of the fourteen bridges.",
            "Next survey is in September, sign-up link in my bio.",
        ]
    ]
    meta = corpus.thread_meta[0]
    assert (meta.author, meta.handle, meta.date) == ("Juno Pell", "junopell", "2023-03-03")


def test_headers_with_no_display_name_leave_each_tweets_text_to_it() -> None:
    """Where a copy shows no names, a lone `@handle` opens each header: the short line above it
    is the previous tweet's text, not a name. The reply by @olabrandt is skipped."""
    corpus = load_corpus([COPIES / "no_names.txt"])
    assert texts(corpus) == [
        [
            "The harbour wall survey starts Monday.",
            "Divers go down at low tide only.",
            "Results in a month.",
        ]
    ]
    meta = corpus.thread_meta[0]
    assert (meta.author, meta.handle) == (None, "wrencalder")


def test_a_short_last_line_of_a_tweet_above_a_named_header_is_no_name() -> None:
    """A display name is the same above every tweet of its account: a line that differs from
    the name the account's other headers give is the tweet's text above."""
    page = (
        "Ada Kerr\n@adakerr\n·\nMar 3\nThe weir is open.\nFish ladder too.\n"
        "Ada Kerr\n@adakerr\n·\nMar 3\nBoats pass at noon.\nAnd at six.\n"
        "@adakerr\n·\nMar 3\nThat is all.\n"
    )
    corpus = parse_text(page)
    assert texts(corpus) == [
        [
            "The weir is open.\nFish ladder too.",
            "Boats pass at noon.\nAnd at six.",
            "That is all.",
        ]
    ]


def test_the_older_pages_one_line_headers_without_a_dot_are_skipped() -> None:
    """Before 2019 a tweet's header was `Name<RLM> @handle Mar 3` (the invisible direction
    mark after the name, no `·`), the tweet's menu under it (`More`, `Copy link to Tweet`,
    `Embed Tweet`): all chrome, the numbered tweets one thread by its author."""
    corpus = load_corpus([COPIES / "legacy_headers.txt"])
    assert texts(corpus) == [
        [
            "The tide tables for the estuary are wrong this month.",
            "The printer swapped two columns, so high water reads as low.",
        ]
    ]
    meta = corpus.thread_meta[0]
    assert (meta.author, meta.handle, meta.date) == ("Wren Calder", "wrencalder", "Mar 3")


@pytest.mark.parametrize(
    "line",
    ["Ada Kerr @adakerr Mar 3", "Ada Kerr\u200f Mar 3", "Ada Kerr\u200f @adakerr said so"],
)
def test_a_line_only_like_the_older_header_is_text(line: str) -> None:
    """Without the direction mark, or without a handle and a date after it, it is text."""
    corpus = parse_text(f"{line}\nThe weir is open.\n")
    assert corpus.skipped == []


def test_a_post_page_shown_to_a_reader_not_logged_in_reads_as_the_numbered_thread() -> None:
    """The later page's words (`See new posts` in the title bar, `Translate post`, a video's
    timer above the tweet's counts, `Read 12 replies`, the banner asking to sign up) are chrome;
    the numbers at the ends of the tweets number the posts."""
    corpus = load_corpus([COPIES / "post_page_logged_out.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][1] == (
        "The last time anyone saw them above the weir was in the nineties."
    )
    assert corpus.thread_meta[0].handle == "junopell"


@pytest.mark.parametrize(
    "line",
    [
        "Translate post",
        "Show probable spam",
        "See new posts",
    ],
)
def test_a_later_page_line_between_tweets_is_skipped_and_the_thread_goes_on(line: str) -> None:
    corpus = parse_text(f"1/ The weir is open.\n{line}\n2/ Boats pass at noon.\n")
    assert texts(corpus) == [["The weir is open.", "Boats pass at noon."]]
    assert [text for _, text in skipped(corpus)] == [line]


def test_a_thread_that_answers_someone_opens_under_the_tweet_it_answers() -> None:
    """The page shows the tweet a thread answers above its main tweet, whose header is a name
    and a lone handle with no date (its time under its text): the main tweet's author wrote
    the thread, so @kitmoss's tweets above and below are skipped, and the handle under
    `Replying to` is not the thread's."""
    corpus = load_corpus([COPIES / "answering_thread.txt"])
    assert texts(corpus) == [
        [
            "It is a long story, so here it is in a few tweets.",
            "The bank slipped in the February floods and took a yard of path with it.",
            "The trust wants to rebuild it in stone, which takes a summer.",
        ]
    ]
    meta = corpus.thread_meta[0]
    assert (meta.author, meta.handle, meta.date) == ("Wren Calder", "wrencalder", "2020-03-03")


def test_a_mention_on_its_own_line_above_the_main_tweets_time_is_no_header() -> None:
    """A mention split out of the main tweet's text (the line above ends in a blank, the line
    below starts with one) is text: the header is the lone handle above the text."""
    page = (
        "Kit Moss\n@kitmoss\n·\nMar 2, 2020\nWho fixed the lock gate?\n"
        "Wren Calder\n@wrencalder\nIt was \n@canaltrust\n with a crane.\n"
        "10:02 AM · Mar 3, 2020\n"
        "Wren Calder\n@wrencalder\n·\nMar 3, 2020\nIt took a week.\n"
    )
    corpus = parse_text(page)
    assert texts(corpus) == [["It was \n@canaltrust\n with a crane.", "It took a week."]]


def test_the_older_pages_verified_mark_after_a_name_is_no_part_of_it() -> None:
    """`Name<RLM>Verified account` above the handle: the hidden words for the badge are not
    the author's name."""
    corpus = load_corpus([COPIES / "legacy_verified.txt"])
    assert numbers(corpus) == [[1, 2]]
    assert corpus.thread_meta[0].author == "Wren Hollis"


def test_a_timeline_with_a_retweet_on_top_reads_as_the_retweeters_thread() -> None:
    """A profile's timeline copied: the tweet under `Wren Calder Retweeted` is @kitmoss's, no
    post of the page's author's thread; a tweet less than a day old shows its age (`5h`) for
    its date, and its header is a header all the same."""
    corpus = load_corpus([COPIES / "timeline_retweet.txt"])
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus) == [
        ["Why the towpath closed, and why it took so long.", "The bank slipped in the floods."]
    ]
    assert (1, "Wren Calder Retweeted") in skipped(corpus)
    meta = corpus.thread_meta[0]
    assert (meta.author, meta.handle, meta.date) == ("Wren Calder", "wrencalder", None)


def test_a_display_name_of_fifty_characters_with_emoji_is_a_name(tmp_path: Path) -> None:
    """A name holds up to 50 characters, emoji among them (four bytes each): the header is
    read whole, the name no line of the tweet above."""
    name = "Wren Calder " + "\U0001f30a" * 8 + " canal trust, towpath crew"
    page = (
        f"{name}\n@wrencalder\n·\nMar 3\nThe lock gate is fixed.\n"
        f"{name}\n@wrencalder\n·\nMar 3\nBoats pass from noon.\n"
    )
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    corpus = load_corpus([tmp_path / "page.txt"])
    assert texts(corpus) == [["The lock gate is fixed.", "Boats pass from noon."]]
    assert corpus.meta(0).author == name


@pytest.mark.parametrize("button", ["Follow", "Subscribe"])
def test_the_button_beside_the_main_tweets_header_is_the_headers(button: str) -> None:
    """Under the main tweet's handle a copy keeps its `Follow` (`Subscribe`) button: the
    `Replying to` under it and the handle under that are still the header's, not the text."""
    page = (
        "Kit Moss\n@kitmoss\n·\nMar 2, 2020\nWho fixed the lock gate?\n"
        f"Wren Calder\n@wrencalder\n{button}\nReplying to \n@kitmoss\nThe canal trust did.\n"
        "10:02 AM · Mar 3, 2020\n"
        "Wren Calder\n@wrencalder\n·\nMar 3, 2020\nIt took a week.\n"
    )
    corpus = parse_text(page)
    assert texts(corpus) == [["The canal trust did.", "It took a week."]]


def test_a_post_line_opening_with_a_time_and_a_dash_is_no_main_tweets_time() -> None:
    """`9:30 AM - doors open` in a tweet is text, not the main tweet's time: the mention on the
    line above it is no header, and the thread stays its author's."""
    page = (
        "Wren Calder\n@wrencalder\n·\nMar 3, 2020\nThe open day is on.\n"
        "Wren Calder\n@wrencalder\n·\nMar 3, 2020\nThanks to\n@kitmoss\n"
        "9:30 AM - doors open at the lock.\n"
        "Wren Calder\n@wrencalder\n·\nMar 3, 2020\nSee you there.\n"
    )
    assert texts(parse_text(page)) == [
        [
            "The open day is on.",
            "Thanks to\n@kitmoss\n9:30 AM - doors open at the lock.",
            "See you there.",
        ]
    ]


def test_a_long_run_of_lone_separators_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of thousands of lone `·` lines costs a read of each line's neighbour a few times,
    not a walk up the run from every line (a run of n lines read n² lines: minutes at 20k);
    the run is still no post text."""
    from parsing import old_twitter_dividers

    reads = 0
    real = old_twitter_dividers.previous_nonblank_line

    def counted(*args: object) -> object:
        nonlocal reads
        reads += 1
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(old_twitter_dividers, "previous_nonblank_line", counted)
    run = 3000
    corpus = parse_text("The towpath reopened today.\n" + "·\n" * run + "The cafe is open too.\n")
    assert reads <= 3 * run
    assert all("·" not in text for text in texts(corpus))


def test_the_label_over_a_quoted_post_is_no_word_of_the_post() -> None:
    """The later page puts `Quote` over a post quoted inside the main post, right above the
    quoted post's header: it is the page's label, skipped with that header, and the main post
    keeps only its own words."""
    corpus = parse_text(
        "Ada Kerr\n@adakerr\nThe weir opens at dawn, as the board promised:\nQuote\n"
        "Harbour Board\n@harbourboard\n·\nFeb 12\nWeir works finish in February.\n"
        "7:02 AM · Mar 3, 2024\n·\n12.3K\n Views\n"
        "Ada Kerr\n@adakerr\n·\nMar 3\nFish ladder is running too.\n"
    )
    assert texts(corpus) == [
        ["The weir opens at dawn, as the board promised:", "Fish ladder is running too."]
    ]
    assert (4, "Quote") in skipped(corpus)


def test_posts_the_page_suggests_under_discover_more_are_no_posts() -> None:
    """`Discover more` and `Sourced from across X` head the posts by others the later page
    suggests under the conversation: both are the page's, and the suggested post is skipped
    as a reply by another account, not a post or a thread."""
    corpus = parse_text(
        "Ada Kerr\n@adakerr\nThe weir opens at dawn.\n7:02 AM · Mar 3, 2024\n"
        "Ada Kerr\n@adakerr\n·\nMar 3\nFish ladder is running too.\n"
        "Discover more\nSourced from across X\n"
        "Tom Pell\n@tompell\n·\nMar 2\nBest bakeries in the old town.\n"
    )
    assert texts(corpus) == [["The weir opens at dawn.", "Fish ladder is running too."]]
    assert {"Discover more", "Best bakeries in the old town."} <= {t for _, t in skipped(corpus)}


def test_the_reply_box_under_the_main_post_is_the_pages() -> None:
    """`Post your reply`, the later page's reply box under the main post (as `Tweet your reply`
    was the earlier one's), is skipped and the thread goes on past it."""
    corpus = parse_text(
        "Ada Kerr\n@adakerr\nThe weir opens at dawn.\n7:02 AM · Mar 3, 2024\nPost your reply\n"
        "Ada Kerr\n@adakerr\n·\nMar 3\nFish ladder is running too.\n"
    )
    assert texts(corpus) == [["The weir opens at dawn.", "Fish ladder is running too."]]


@pytest.mark.parametrize("line", ["Post your reply", "Sourced from across X"])
def test_an_x_page_label_alone_between_two_lines_of_a_plain_thread_is_text(line: str) -> None:
    """Away from any copy of the page (no tweet header, no main tweet's time), the words of
    X's reply box or of its heading over suggested posts are a line a thread's writer put
    there, kept in the post."""
    corpus = parse_text(f"1/ On the forum, the button says\n{line}\nand nothing else.\n2/ Odd.\n")
    assert texts(corpus) == [[f"On the forum, the button says\n{line}\nand nothing else.", "Odd."]]
