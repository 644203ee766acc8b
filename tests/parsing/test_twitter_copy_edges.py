"""Copies of twitter.com and X pages at their edges: a page with only its main tweet, a copy
cut off mid-line, headers with no display names over tweets of several lines, several copies
pasted into one file, and the lines only such a page shows (`Read N replies`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing import load_corpus

from .helpers import FIXTURES, parse_text, skipped, texts

COPIES = FIXTURES / "twitter_copies"


def _load(tmp_path: Path, page: str) -> tuple[list[list[str]], list[tuple[str | None, ...]]]:
    """Per thread its posts' texts, and its (author, handle, date), of `page` read as a file."""
    path = tmp_path / "page.txt"
    path.write_bytes(page.encode("utf-8"))
    corpus = load_corpus([path])
    metas = [corpus.meta(thread) for thread in range(corpus.thread_count)]
    return texts(corpus), [(meta.author, meta.handle, meta.date) for meta in metas]


def test_a_page_with_only_its_main_tweet_is_one_post_by_its_author() -> None:
    """The twitter.com page of one tweet: its title bar, the name and handle over the text,
    the time under it and the counts, one on a line and its label under it, are the page's;
    the tweet is the one post of its author's thread, dated by its time line."""
    corpus = load_corpus([COPIES / "one_tweet_page.txt"])
    assert texts(corpus) == [
        ["The ferry timetable changes on Monday: the early boat now leaves at ten past six."]
    ]
    meta = corpus.meta(0)
    assert (meta.author, meta.handle, meta.date) == ("Mara Finch", "marafinch", "2021-04-14")


def test_a_post_page_with_its_main_post_and_a_reply_by_someone_else_is_one_post() -> None:
    """The X page of one post: `Translate post`, the time, views, reposts, likes and bookmarks
    under it are the page's, the reply by another account under it no post; the thread's date
    is the main post's, from its time line under its text."""
    corpus = load_corpus([COPIES / "one_post_page_replies.txt"])
    assert texts(corpus) == [
        ["The ferry timetable changes on Monday: the early boat now leaves at ten past six."]
    ]
    meta = corpus.meta(0)
    assert (meta.author, meta.handle, meta.date) == ("Mara Finch", "marafinch", "2024-04-14")


def test_a_name_and_handle_over_text_with_no_time_line_under_it_are_text(tmp_path: Path) -> None:
    """Only the main tweet's time line makes the lines over a lone tweet its header: without
    it a name and a handle opening a text are the text's."""
    page = "Mara Finch\n@marafinch\nThe ferry leaves at six.\n·\nThe bus at seven.\n"
    found, _ = _load(tmp_path, page)
    assert found[0][0].startswith("Mara Finch\n@marafinch\nThe ferry leaves at six.")


def test_headers_with_no_names_over_tweets_of_several_lines_keep_each_last_line() -> None:
    """A copy that shows no names: the line above each lone `@handle` is the last line of the
    tweet above, never a name, since the account's tweets give no line that repeats above its
    headers (a name does); the one reply by another account has no name above it either."""
    corpus = load_corpus([COPIES / "no_names_long.txt"])
    assert texts(corpus) == [
        [
            "The ferry timetable changes on Monday.\nThe early boat leaves at ten past six.",
            "The late boat is gone for the winter.\nIt comes back in May.",
            "Car deck bookings open on Friday.\nSame site as before.",
        ]
    ]
    assert (corpus.meta(0).author, corpus.meta(0).handle) == (None, "marafinch")


def test_a_name_over_a_lone_reply_in_a_named_copy_is_a_name(tmp_path: Path) -> None:
    """Where the author's name repeats above each of their tweets, the copy shows names: the
    line above the one header of a reply is its author's name, not the tweet above's end."""
    page = (
        "Ada Kerr\n@adakerr\n·\nMar 3\nThe weir is open.\nFish ladder too.\n"
        "Ola Brandt\n@olabrandt\n·\nMar 3\nIs the cafe open?\n"
        "Ada Kerr\n@adakerr\n·\nMar 3\nIt is.\nUntil six.\n"
    )
    found, metas = _load(tmp_path, page)
    assert found == [["The weir is open.\nFish ladder too.", "It is.\nUntil six."]]
    assert metas == [("Ada Kerr", "adakerr", "Mar 3")]


def test_read_replies_alone_in_an_unroller_post_is_the_posts_text(tmp_path: Path) -> None:
    """`Read 12 replies` is a link the X page puts under a tweet, between tweet headers; an
    unroller prints no such line, so inside its post the line is the author's words."""
    page = (
        "Wren Calder\n@wrencalder\nMar 3\n2 tweets • 1 min read\nRead on X\n"
        "1/ The forum on the weir had a long thread.\nRead 12 replies\n"
        "2/ Boats pass at noon.\n"
    )
    found, _ = _load(tmp_path, page)
    assert found == [
        ["The forum on the weir had a long thread.\nRead 12 replies", "Boats pass at noon."]
    ]


def test_read_replies_under_a_tweet_of_a_post_page_copy_is_skipped() -> None:
    """Under a tweet of a copy of the X page (tweet headers over its tweets) the line is the
    page's link to the replies: skipped with the tweet's counts above it, and the thread goes
    on past it."""
    page = (
        "Wren Calder\n@wrencalder\n·\nMar 3\n1/ The weir is open.\nRead 1 reply\n"
        "Wren Calder\n@wrencalder\n·\nMar 3\n2/ Boats pass at noon.\n2\n5\nRead 12 replies\n"
        "Wren Calder\n@wrencalder\n·\nMar 3\n3/ The cafe opens at ten.\n"
    )
    corpus = parse_text(page)
    assert texts(corpus) == [["The weir is open.", "Boats pass at noon.", "The cafe opens at ten."]]
    assert {"Read 1 reply", "Read 12 replies"} <= {text for _, text in skipped(corpus)}


def test_a_copy_cut_inside_show_this_thread_under_the_last_tweet_skips_the_fragment() -> None:
    """The copy stops inside the `Show this thread` link under the last tweet: what is left of
    the link is the page's, no words of the tweet."""
    corpus = load_corpus([COPIES / "cut_show_this_thread.txt"])
    assert texts(corpus) == [
        ["The ferry timetable changes on Monday.", "The early boat now leaves at ten past six."]
    ]
    assert skipped(corpus)[-1] == (12, "Show this thr")


def test_a_copy_cut_inside_the_label_under_a_count_skips_count_and_fragment() -> None:
    """The copy of a one-tweet page stops inside `Retweets` under the count `12`: both are the
    page's counts, and the tweet is the post's whole text."""
    corpus = load_corpus([COPIES / "cut_counts.txt"])
    assert texts(corpus) == [
        ["The ferry timetable changes on Monday: the early boat now leaves at ten past six."]
    ]
    assert [text for _, text in skipped(corpus)][-2:] == ["12", "Retwe"]


_TWEETS = (
    "Mara Finch\n@marafinch\n·\nApr 14\n1/ The ferry timetable changes on Monday.\n"
    "Mara Finch\n@marafinch\n·\nApr 14\n2/ The early boat leaves at six.\n"
)


@pytest.mark.parametrize("end", ["3\n12\nSho", "Read 12 rep", "Show this ", "Show this \n"])
def test_a_cut_page_line_ending_a_copy_under_its_last_tweet_is_skipped(end: str) -> None:
    """Under the last tweet's counts even one cut word of a page's line is the page's; under
    its text, a cut line of more than one word: a tweet's line would not stop so."""
    corpus = parse_text(_TWEETS + end)
    assert texts(corpus) == [
        ["The ferry timetable changes on Monday.", "The early boat leaves at six."]
    ]


@pytest.mark.parametrize("end", ["Sho", "Show", "Read"])
def test_one_cut_word_right_under_the_last_tweets_text_stays_its_text(end: str) -> None:
    """One word under the tweet's text may be its next line, cut: the evidence is too weak to
    drop it, and the text is kept whole."""
    corpus = parse_text(_TWEETS + end)
    assert texts(corpus)[0][-1] == f"The early boat leaves at six.\n{end}"


def test_a_cut_page_line_right_under_a_tweets_header_is_its_text() -> None:
    """A tweet has text: a cut line right under the last header is the tweet's, whatever it
    starts like."""
    corpus = parse_text(_TWEETS + "Mara Finch\n@marafinch\n·\nApr 14\nShow this thr")
    assert texts(corpus)[0][-1] == "Show this thr"


def test_a_complete_line_ending_a_tweet_like_a_page_lines_start_is_text() -> None:
    """Only the copy's last line, cut where the text stops, is read as a cut page line: a
    tweet's line that ends with a newline is whole, whatever it starts like."""
    corpus = parse_text(_TWEETS + "Read 12 rep\n")
    assert texts(corpus)[0][-1] == "The early boat leaves at six.\nRead 12 rep"


_MARA = ["The ferry timetable changes on Monday.", "The early boat now leaves at ten past six."]
_OSK = [
    "The harbour cafe reopens on Saturday.",
    "Breakfast from eight, the bakery next door supplies the bread.",
]


@pytest.mark.parametrize(
    ("name", "dates"),
    [
        ("two_copies_footer.txt", ("2021-04-14", "2021-05-02")),
        ("two_copies_title_bars.txt", ("2024-04-14", "2024-05-02")),
    ],
)
def test_two_copies_in_one_file_are_two_threads_each_by_its_author(
    name: str, dates: tuple[str, str]
) -> None:
    """Two pages pasted one after the other, the second after the first's footer or under its
    own title bar: each copy has its main tweet and its author, whose tweets are no replies
    in the other's conversation."""
    corpus = load_corpus([COPIES / name])
    assert texts(corpus) == [_MARA, _OSK]
    metas = [corpus.meta(thread) for thread in range(2)]
    assert [(meta.author, meta.handle, meta.date) for meta in metas] == [
        ("Mara Finch", "marafinch", dates[0]),
        ("Osk Varga", "oskvarga", dates[1]),
    ]


def test_a_reply_by_another_account_within_one_copy_is_still_skipped(tmp_path: Path) -> None:
    """Without a page's footer or title bar between them, another account's tweets under the
    thread are replies in its conversation, as before."""
    page = (
        "Mara Finch\n@marafinch\n·\nApr 14\nThe ferry timetable changes on Monday.\n"
        "Osk Varga\n@oskvarga\n·\nApr 14\nThe harbour cafe reopens on Saturday.\n"
        "Osk Varga\n@oskvarga\n·\nApr 14\nBreakfast from eight.\n"
    )
    found, metas = _load(tmp_path, page)
    assert found == [["The ferry timetable changes on Monday."]]
    assert metas[0][1] == "marafinch"


def test_one_title_bar_word_ending_a_tweet_opens_no_copy(tmp_path: Path) -> None:
    """`Conversation` alone at the end of a tweet, over the next header, is a word of the
    tweet: a copy's title bar has a title over its heading."""
    page = (
        "Mara Finch\n@marafinch\n·\nApr 14\nWe had a long\nConversation\n"
        "Osk Varga\n@oskvarga\n·\nApr 14\nThe cafe reopens on Saturday.\n"
        "Mara Finch\n@marafinch\n·\nApr 14\nAbout the ferry.\n"
    )
    found, metas = _load(tmp_path, page)
    assert found == [["We had a long\nConversation", "About the ferry."]]
    assert [meta[1] for meta in metas] == ["marafinch"]


def test_two_copies_with_only_blank_lines_between_them_are_two_threads() -> None:
    """Nothing but blank lines between two pasted pages: a conversation has one main tweet,
    so a second main tweet's time says a second copy begins, above its name and handle under
    the blank lines; each copy is its own author's thread."""
    corpus = load_corpus([COPIES / "two_copies_blank_lines.txt"])
    assert texts(corpus) == [_MARA, _OSK]
    metas = [corpus.meta(thread) for thread in range(2)]
    assert [(meta.author, meta.handle, meta.date) for meta in metas] == [
        ("Mara Finch", "marafinch", "2021-04-14"),
        ("Osk Varga", "oskvarga", "2021-05-02"),
    ]


def test_a_second_copy_opening_with_the_tweet_its_main_tweet_answers_starts_above_it(
    tmp_path: Path,
) -> None:
    """The second copy opens with the tweet its main tweet answers, under the widest run of
    blank lines between the two main tweets; a single blank line inside the first copy's
    tweet is no edge of a copy. The answered tweet is a reply in no thread, and the first
    copy keeps its second tweet whole."""
    page = (
        "Mara Finch\n@marafinch\nThe ferry timetable changes on Monday.\n"
        "7:40 AM · Apr 14, 2021·Twitter Web App\n"
        "Mara Finch\n@marafinch\n·\nApr 14, 2021\nThe early boat leaves at six.\n\n"
        "The late boat is gone.\n\n\n\n"
        "Ola Brandt\n@olabrandt\n·\nMay 1, 2021\nIs the cafe open again?\n\n"
        "Osk Varga\n@oskvarga\nReplying to\n@olabrandt\nIt reopens on Saturday.\n"
        "9:05 AM · May 2, 2021·Twitter for iPhone\n"
        "Osk Varga\n@oskvarga\n·\nMay 2, 2021\nBreakfast from eight.\n"
    )
    found, metas = _load(tmp_path, page)
    assert found == [
        [
            "The ferry timetable changes on Monday.",
            "The early boat leaves at six.\n\nThe late boat is gone.",
        ],
        ["It reopens on Saturday.", "Breakfast from eight."],
    ]
    assert [meta[1] for meta in metas] == ["marafinch", "oskvarga"]


class _CountedReads(list):  # type: ignore[type-arg]
    """A list that counts its reads by index."""

    reads = 0

    def __getitem__(self, index: object) -> object:
        self.reads += 1
        return super().__getitem__(index)  # type: ignore[index]


def test_many_copies_cut_by_a_footer_read_each_tweet_header_a_few_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Copies pasted between footers, each holding two copies with only blank lines between
    them: finding the second main tweet in each walks the headers once for the whole text, not
    from the first header again for every copy (n copies read n² headers: minutes at 40k).
    Every copy is still cut in two."""
    from parsing import old_twitter

    counted = _CountedReads()
    real = old_twitter.copies_headers

    def with_counted_headers(buf: bytes, headers: list[object], *rest: object) -> object:
        counted.extend(headers)
        return real(buf, counted, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(old_twitter, "copies_headers", with_counted_headers)
    unit = (COPIES / "two_copies_blank_lines.txt").read_text(encoding="utf-8").rstrip("\n")
    copies = 300
    corpus = parse_text((unit + "\n© 2021 Twitter, Inc.\n") * copies)
    assert corpus.thread_count == 2 * copies
    assert counted.reads <= 6 * len(counted)
