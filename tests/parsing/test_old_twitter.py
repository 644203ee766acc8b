"""Text copied from old twitter.com pages: the lines between tweets and each tweet's header are
skipped without ending the thread, and replies by other people are no posts of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing import load_corpus
from parsing.split_points import run_fresh_points

from .helpers import FIXTURES, numbers, parse_text, skipped, texts

PAGES = FIXTURES / "pages"


@pytest.mark.parametrize(
    "chrome",
    [
        "Show this thread",
        "End of conversation",
        "New conversation",
        "This Tweet is unavailable.",
        "This Tweet was deleted by the Tweet author.",
        "This Tweet was deleted by the Tweet author. Learn more",
        "This Tweet is from a suspended account. Learn more",
        "This Tweet is from an account that no longer exists.",
        "Replying to @canalside",
        "Replying to @canalside and @lockkeeper",
        "3 replies 12 retweets 40 likes",
        "See new Tweets",
        "More replies",
        "Show more replies",
        "Show additional replies, including those that may contain offensive content",
        "Tweet your reply",
        "12 Retweets 40 Likes",
        "1,204 Retweets 3 Quote Tweets 9.1K Likes",
        "12 Reposts 3 Quotes 40 Likes 2 Bookmarks",
        "12.3K Views",
        "10:42 AM · Mar 3, 2019 · Twitter for iPhone",
        "10:42 AM - 3 Mar 2019",
        "Reply 12 Retweet 40 Like 100 Direct message",
        "Reply Retweet 2 Like",
        "-",
        "·",
    ],
)
def test_a_conversation_line_between_posts_is_skipped_and_the_thread_goes_on(chrome: str) -> None:
    corpus = parse_text(f"1/ The lock gates were painted.\n{chrome}\n2/ Green, as before.\n")
    assert numbers(corpus) == [[1, 2]]
    assert skipped(corpus) == [(2, chrome)]
    assert texts(corpus) == [["The lock gates were painted.", "Green, as before."]]


def test_text_after_a_conversation_line_is_the_next_post_of_the_thread() -> None:
    """Unnumbered tweets are posts of the thread in progress, not threads of their own."""
    corpus = parse_text(
        "The lock gates were painted.\nShow this thread\nGreen, as before.\n"
        "End of conversation\nThe towpath opens on Friday.\n"
    )
    assert numbers(corpus) == [[None, None, None]]
    assert corpus.title(0) == "The lock gates were painted."


def test_a_first_post_after_a_conversation_line_moves_whole_to_the_new_thread() -> None:
    """Text after a conversation line that opens the next thread (its `… 1/`, then numbering
    restarts) is that thread's first post, whole: no part of it stays behind as a post of the
    thread before."""
    corpus = parse_text(
        "1/ The lock gates were painted.\nShow this thread\nA new season on the canal 1/\n"
        "1/ The moorings are free.\n"
    )
    assert numbers(corpus) == [[1], [None, 1]]
    assert texts(corpus) == [
        ["The lock gates were painted."],
        ["A new season on the canal 1/", "The moorings are free."],
    ]


def test_strong_chrome_still_ends_the_thread() -> None:
    corpus = parse_text("1/ The lock gates were painted.\nShow this thread\n• • •\n1/ New one.\n")
    assert numbers(corpus) == [[1], [1]]


def test_a_sentence_that_starts_like_a_conversation_line_is_text() -> None:
    corpus = parse_text("1/ Show this thread to your neighbours.\n2/ End of conversation? No.\n")
    assert corpus.skipped == []
    assert numbers(corpus) == [[1, 2]]


def test_replies_by_other_people_are_skipped_with_their_headers() -> None:
    """The page's author writes the thread; the reply by @tomreed (header, `Replying to`, text)
    is listed as skipped, and the author's tweets stay one thread."""
    corpus = load_corpus([PAGES / "old_twitter_replies.txt"])
    assert texts(corpus) == [
        [
            "The footbridge over the mill race is being rebuilt this spring.",
            "The old planks were oak and lasted forty years.",
            "The new deck will be larch, which weathers to silver.",
        ]
    ]
    skipped_text = [text for _, text in skipped(corpus)]
    assert "Will the path stay open while they work?" in skipped_text
    assert "@tomreed" in skipped_text
    assert corpus.thread_meta[0].handle == "maraquill"
    assert corpus.thread_meta[0].author == "Mara Quill"
    assert corpus.thread_meta[0].date == "2019-03-03"


def test_numbered_tweets_with_dash_separators_and_a_reply_on_two_lines() -> None:
    """`-` between handle and date, `Replying to` with the handle under it, and a reply that is
    itself numbered: the thread is 1, 2, 3 by its author, the reply skipped."""
    corpus = load_corpus([PAGES / "old_twitter_numbered.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][2] == "No, and the old tram line still is."
    skipped_lines = [line for line, _ in skipped(corpus)]
    assert skipped_lines == [*range(1, 5), *range(6, 11), *range(12, 24), 25, 26]
    assert corpus.thread_meta[0].handle == "wrenhollis"


def test_every_line_of_a_conversation_page_is_in_a_post_or_skipped() -> None:
    corpus = load_corpus([PAGES / "old_twitter_numbered.txt"])
    lines = (PAGES / "old_twitter_numbered.txt").read_text().splitlines()
    covered = {line for line, _ in skipped(corpus)}
    for post in range(corpus.post_count):
        covered.update(range(corpus.posts.first_line[post], corpus.posts.last_line[post] + 1))
    assert covered == {number for number, line in enumerate(lines, 1) if line.strip()}


def test_a_header_without_a_separator_is_not_a_tweet_header() -> None:
    """A name, a lone handle and a date with no `·` or `-` between (an unroller's teaser header)
    do not make the text under them a reply."""
    corpus = parse_text(
        "Ana Vidal\n@ana\n·\nMar 3\n1/ The ferry runs late.\n"
        "Bo Lind\n@bo\nMar 3\n2/ Because of the fog.\n"
    )
    assert "Because of the fog." in [text for thread in texts(corpus) for text in thread]


@pytest.mark.parametrize("header", ["{0}\n@{0}\n·\nMar 3\n", "{0} @{0} · Mar 3\n"])
def test_a_page_with_replies_offers_no_cut(header: str) -> None:
    """Whether a tweet is a reply depends on the first header of the page (over several lines
    or on one): a part laid out alone could read it otherwise, so no cut is offered where one
    would be without the reply."""
    raw = (
        header.format("ana")
        + "1/ a\n2/ b\n"
        + header.format("ana")
        + "1/ c\n"
        + header.format("bo")
        + "2/ reply\n"
    ).encode()
    one_author = raw.replace(b"@bo", b"@ana")
    assert run_fresh_points(one_author, 0, len(one_author))
    assert run_fresh_points(raw, 0, len(raw)) == []
    assert numbers(parse_text(raw.decode())) == [[1, 2], [1]]


def test_a_permalink_page_with_the_main_tweet_counts_and_a_reply() -> None:
    """The main tweet's name and handle open the page (its time and counts under it); each
    tweet's counts of replies, retweets and likes are skipped; @sampryce's reply is not a post."""
    corpus = load_corpus([PAGES / "old_twitter_permalink.txt"])
    assert texts(corpus) == [
        [
            "Thread: the village pond was dredged this week, and here is what came up.",
            "Two shopping trolleys, a bicycle wheel and a brass doorknob.",
            "No bell, but the ducks came back within the hour.",
        ]
    ]
    assert [line for line, _ in skipped(corpus)] == [
        1,
        2,
        *range(4, 13),
        *range(14, 29),
        *range(30, 34),
    ]
    assert corpus.thread_meta[0].handle == "ivycalder"
    assert corpus.thread_meta[0].author == "Ivy Calder"


def test_a_lone_dash_dividing_a_post_stays_in_it() -> None:
    """People type a lone `-` (or `·`) between paragraphs of their own post: away from any other
    chrome it is text, and the post is not cut in two; one right above the next number marker
    or ending the text is skipped."""
    corpus = load_corpus([PAGES / "dash_divider.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][:2] == [
        "The orchard society's rules for the picking weekend:\n-\nBring your own baskets.\n-\n"
        "Ladders stay on the grass, never on the path.",
        "Cider pressing starts at noon on Sunday.\n·\n"
        "Apples bruised in the picking go to the press first.",
    ]
    assert skipped(corpus) == [(10, "-")]


@pytest.mark.parametrize("separator", ["-", "·"])
def test_a_lone_separator_above_the_next_marker_is_skipped(separator: str) -> None:
    corpus = parse_text(f"1/ The well was capped.\n{separator}\n\n2/ A pump replaced it.\n")
    assert texts(corpus) == [["The well was capped.", "A pump replaced it."]]
    assert skipped(corpus) == [(2, separator)]


def test_a_lone_dash_by_conversation_lines_is_skipped_one_inside_a_tweet_is_text() -> None:
    """On a twitter.com copy the `-` next to `Show this thread` or above a tweet header is the
    page's; the `-` between two lines of one tweet, next to no chrome, is the tweet's text."""
    corpus = load_corpus([PAGES / "old_twitter_dividers.txt"])
    assert texts(corpus) == [
        [
            "The quarry pond is open for swimming again.",
            "The water was tested last week:\n-\nclear, and colder than it looks.",
            "Lifeguards are there on weekends only.",
        ]
    ]
    assert [line for line, text in skipped(corpus) if text == "-"] == [6, 13]


def test_a_run_of_lone_dashes_under_a_tweet_is_skipped_between_two_tweets() -> None:
    """A copy keeps a run of lone `-` lines of the links under a tweet: two in a row are the
    page's, and the line under them opens the next tweet."""
    corpus = load_corpus([PAGES / "old_twitter_dash_run.txt"])
    assert [post.count("\n") for post in texts(corpus)[0]] == [0, 0, 0, 0]
    assert texts(corpus)[0][1].startswith("The harbour office first counted")
    assert skipped(corpus) == [
        (2, "-"),
        (3, "-"),
        (5, "Show this thread -"),
        (7, "Show this thread -"),
    ]


@pytest.mark.parametrize("run", ["-\n-", "·\n\n·", "-\n·\n-"])
def test_a_run_of_lone_separators_in_an_unnumbered_text_is_skipped(run: str) -> None:
    corpus = parse_text(f"The well was capped.\n{run}\nA pump replaced it.\n")
    assert texts(corpus) == [["The well was capped.", "A pump replaced it."]]
    assert [text for _, text in skipped(corpus)] == [line for line in run.split("\n") if line]


def test_a_run_of_lone_separators_inside_a_numbered_post_stays_in_it() -> None:
    """The numbers mark where the posts end: a run inside one is its text, not a cut."""
    corpus = parse_text("1/ The well was capped.\n-\n-\nA pump replaced it.\n2/ Then a tap.\n")
    assert texts(corpus) == [["The well was capped.\n-\n-\nA pump replaced it.", "Then a tap."]]
    assert corpus.skipped == []


def test_one_line_tweet_headers_are_skipped_and_a_reply_by_another_handle_with_them() -> None:
    """`Name @handle · Mar 3, 2019` is a tweet's header on one line: skipped, the thread going
    on past it; the reply under @pietvos's header is skipped whole; the page's header gives the
    thread its author, handle and date."""
    corpus = load_corpus([PAGES / "old_twitter_one_line.txt"])
    assert texts(corpus) == [
        [
            "The canal boat festival moves to the north basin this year.",
            "Moorings open from Thursday; the locks stay shut on Saturday.",
            "Only blue badge holders can park there, so come by bus.",
        ]
    ]
    assert [line for line, _ in skipped(corpus)] == [1, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14]
    meta = corpus.thread_meta[0]
    assert (meta.author, meta.handle, meta.date) == ("Tamsin Roe", "tamsinroe", "2019-03-03")


@pytest.mark.parametrize("date", ["Mar 3", "3h", "Mar 3, 2019", "12 Jan 2020", "45m"])
def test_a_one_line_header_between_numbered_tweets_is_passed(date: str) -> None:
    header = f"Ada Kerr @adakerr · {date}"
    corpus = parse_text(f"{header}\n1/ The ferry runs late.\n{header}\n2/ Because of fog.\n")
    assert numbers(corpus) == [[1, 2]]
    assert skipped(corpus) == [(1, header), (3, header)]


@pytest.mark.parametrize(
    "line",
    [
        "Tickets from @harbourhall · Mar 3 · doors at seven",
        "Ada Kerr @adakerr · soon",
        "@adakerr · Mar 3",
        "Ada Kerr @adakerr Mar 3",
    ],
)
def test_a_line_only_like_a_one_line_header_is_text(line: str) -> None:
    corpus = parse_text(f"1/ The ferry runs late.\n{line}\n2/ Because of fog.\n")
    assert skipped(corpus) == []
    assert texts(corpus)[0][0] == f"The ferry runs late.\n{line}"


def test_a_numbered_post_shaped_like_a_one_line_header_is_a_post() -> None:
    corpus = parse_text("1/ The ferry runs late.\n2/ Meet us @harbourhall · Mar 3\n")
    assert texts(corpus) == [["The ferry runs late.", "Meet us @harbourhall · Mar 3"]]
    assert corpus.skipped == []


def test_numbers_at_the_end_of_tweets_the_page_delimits_number_them() -> None:
    """Each tweet ends with its number (`… 1/`): one number at a line end is no post number in
    running text, but the page's headers delimit each tweet, so at a tweet's end it is."""
    corpus = load_corpus([PAGES / "old_twitter_trailing.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0] == [
        "The village pond was dredged this week, and here is what came up.",
        "Two shopping trolleys, a bicycle wheel and a brass doorknob.",
        "No bell, but the ducks came back within the hour.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Not where the thread's numbering goes on: a date, a fraction, a skipped-ahead number.
        ("Meet on 10/31\nShow this thread\nBring a lamp.\n", [[None, None]]),
        ("Start. 1/\nShow this thread\nMore. 5/\n", [[1, None]]),
        # A number inside the tweet rather than at its end is text; the `2/` after it numbers
        # the second tweet, the first staying unnumbered as above any `2/`.
        ("Start. 1/ and more\nShow this thread\nEnd. 2/\n", [[None, 2]]),
    ],
    ids=["date", "skipped ahead", "inside"],
)
def test_a_tweet_end_number_must_continue_the_thread(
    text: str, expected: list[list[int | None]]
) -> None:
    assert numbers(parse_text(text)) == expected


def test_a_page_with_its_title_bar_counts_on_lines_of_their_own_and_the_side_column() -> None:
    """`Thread`, `See new Tweets` and `Conversation` above the first tweet's header, the time
    with the app it was sent from on lines of their own, each count above what it counts, the
    links to more replies, the people the column suggests and the footer: all skipped; the
    author's three tweets are the thread, dated by the main tweet's time."""
    corpus = load_corpus([PAGES / "old_twitter_title_bar.txt"])
    assert texts(corpus) == [
        [
            "The lighthouse keeper's cottage opens as a museum on Saturday. What you will find "
            "inside:",
            "The lens room, with the original brass lamp polished for the first time in decades.",
            "The logbooks, open at the night of the great storm.",
        ]
    ]
    assert [line for line, _ in skipped(corpus)] == [
        *range(1, 6),
        *range(7, 23),
        *range(24, 31),
        *range(32, 44),
    ]
    meta = corpus.thread_meta[0]
    assert (meta.author, meta.handle, meta.date) == ("Nell Harrow", "nellharrow", "2020-06-08")


@pytest.mark.parametrize("word", ["Thread", "Tweet", "Conversation"])
def test_a_title_bar_word_with_no_tweet_header_under_it_is_text(word: str) -> None:
    """Words a post may hold alone: only above a tweet's header are they the page's title."""
    corpus = parse_text(f"{word}\nThe ferry runs late.\nShow this thread\nBecause of fog.\n")
    assert texts(corpus) == [[f"{word}\nThe ferry runs late.", "Because of fog."]]


@pytest.mark.parametrize("line", ["Twitter for iPhone", "TweetDeck", "Likes", "Retweets"])
def test_an_app_name_or_a_count_label_alone_in_a_post_is_text(line: str) -> None:
    """The app a tweet was sent from is chrome only next to other chrome, and what a count
    counts only under its number."""
    corpus = parse_text(f"1/ Which app do you use?\n{line}\n2/ Mine is old.\n")
    assert corpus.skipped == []
    assert texts(corpus) == [[f"Which app do you use?\n{line}", "Mine is old."]]


def test_a_suggested_people_heading_with_no_handle_under_it_leaves_the_text() -> None:
    """Under `Who to follow` (strong chrome), lines with no lone handle among them are no
    people the column suggests: they stay a thread."""
    corpus = parse_text("1/ The ferry runs late.\nWho to follow\nNobody, this week.\n")
    assert texts(corpus) == [["The ferry runs late."], ["Nobody, this week."]]


@pytest.mark.parametrize("top", ["Ana Vidal\n@ana\n", "Thread\nConversation\nAna Vidal\n@ana\n"])
def test_a_page_opening_with_the_main_tweets_header_offers_no_cut(top: str) -> None:
    """The main tweet's name and handle (and the title bar above them) are chrome only by the
    tweet headers further down: a part cut above those headers would read them as a post."""
    raw = (top + "1/ a\n2/ b\n1/ c\nAna Vidal\n@ana\n·\nMar 3\n2/ d\n").encode()
    assert run_fresh_points(raw, 0, len(raw)) == []
    corpus = parse_text(raw.decode())
    assert numbers(corpus) == [[1, 2], [1, 2]]
    assert len(corpus.skipped) == top.count("\n") + 4


@pytest.mark.parametrize(
    "chrome",
    [
        "Don’t miss what’s happening",
        "Don't miss what's happening",
        "People on Twitter are the first to know.",
        "By signing up, you agree to the Terms of Service and Privacy Policy, including Cookie "
        "Use.",
        "Something went wrong. Try reloading.",
        "Something went wrong, but don’t fret — let’s give it another shot.",
        "Who to follow",
        "New to Twitter?",
        "New to X?",
        "People on X are the first to know.",
        "© 2021 Twitter, Inc.",
    ],
)
def test_the_page_around_a_conversation_ends_the_thread(chrome: str) -> None:
    """The banner for a reader not logged in, the page's errors, its side column and footer are
    chrome wherever they stand, and the thread ends at them."""
    corpus = parse_text(f"1/ The ferry runs late.\n2/ Because of fog.\n{chrome}\nLog in\n")
    assert texts(corpus) == [["The ferry runs late.", "Because of fog."]]
    assert skipped(corpus) == [(3, chrome), (4, "Log in")]


def test_the_older_pages_headers_with_a_direction_mark_give_the_name_without_it(
    tmp_path: Path,
) -> None:
    """The older page put an invisible right-to-left mark after the name in each tweet's
    header (`Nell Harrow\u200f @nellharrow · Jun 8, 2019`): no letter of the author's name."""
    page = tmp_path / "old.txt"
    header = "Nell Harrow\u200f @nellharrow · Jun 8, 2019\n"
    page.write_text(
        header
        + "The cottage opens as a museum on Saturday. 1/2\n"
        + "12 replies 40 retweets 100 likes\nReply 12 Retweet 40 Like 100 Direct message\n"
        + header
        + "The lens room has its brass lamp again. 2/2\n",
        encoding="utf-8",
    )
    corpus = load_corpus([page])
    assert numbers(corpus) == [[1, 2]]
    assert (corpus.meta(0).author, corpus.meta(0).handle) == ("Nell Harrow", "nellharrow")
