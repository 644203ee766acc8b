"""Page kinds beyond the Thread Reader App thread page (tests/fixtures/pages/, one per layout):
each page's threads, post numbers and titles, and every chrome line skipped where it stands."""

from __future__ import annotations

import pytest

from parsing import load_corpus

from .helpers import FIXTURES, numbers, parse_text, skipped, texts

PAGES = FIXTURES / "pages"

# (fixture, post numbers per thread, titles, skipped line numbers)
CASES = [
    (
        "tra_current.txt",
        [[1, 2, 3], [None]],
        [
            "The canal lock at Ferry Street reopens on Monday after three months of work.",
            "Why the market hall clock runs four minutes fast, a short story.",
        ],
        # the header with name, buttons, handle, date and length; the footer with its ad line
        # (22), the teaser's name, handle and date (24-26), the donation block and the cut-off
        # "Thank " that ends the copy (34)
        [*range(1, 12), *range(15, 27), *range(28, 35)],
    ),
    (
        "tra_2019.txt",
        [[1, 2, 3]],
        ["The orchard survey is done: forty trees, nine varieties, two we could not name."],
        [1, 2, 6],
    ),
    (
        "tra_2019_named.txt",
        [[1, 2]],
        ["A note on the bus shelters along the coast road."],
        [1, 4],
    ),
    (
        "hashtag_listing.txt",
        [[None], [None]],
        [
            "Hives wintered well this year, here is what we changed in the autumn.",
            "A swarm settled on the church gate this morning and stayed until noon.",
        ],
        [1, 2, 4, 6, 7],
    ),
    (
        "author_page.txt",
        [[None], [None]],
        [
            "The lamp at Gull Point was converted to electricity in the spring.",
            "Tide tables for the estuary are printed a year ahead.",
        ],
        [1, 2, 3, 4, 6],
    ),
    (
        "author_page_old.txt",
        [[None], [None]],
        [
            "The lamp at Gull Point was converted to electricity in the spring.",
            "Tide tables for the estuary are printed a year ahead.",
        ],
        [1, 2, 3, 4, 6],
    ),
    (
        "more_from_dates.txt",
        [[1, 2], [None], [None]],
        [
            "The ferry timetable changes on the first of June.",
            "Night fishing boats now carry a second radio.",
            "The harbour wall repairs finished early.",
        ],
        [3, 4, 5, 6, 9],
    ),
    (
        "twtext.txt",
        [[1, 2]],
        ["The reservoir is at ninety per cent, the highest level for a decade."],
        [1, 2, 3, 6, 7],
    ),
    (
        "twtext_indented.txt",
        # An older twtext copy: every post but the first indented by the page's markup, lines
        # of spaces between, and the link back to the source (twice) ending the text.
        [[1, 2, 3]],
        [
            "The harbour board voted last night to dredge the inner basin before the summer, "
            "the first time in eleven years that the silt has been cleared all the way to th…"
        ],
        [13, 14],
    ),
    (
        "twtext_pictures_only.txt",
        # A twtext copy of a thread of pictures: only its first line has words; twtext's
        # closing line and its link back (twice) end the text.
        [[None]],
        ["Five old bridges over the river, in pictures"],
        [7, 12, 13],
    ),
    (
        "tra_cut_under_newline.txt",
        # A copy cut inside the footer after a word ("Keep Current "), saved with a newline
        # after what is left of the line: that fragment is chrome, no thread.
        [[1, 2, 3]],
        ["The lido on Quay Road opens for the season on Saturday morning."],
        [*range(1, 12), 15, 16, 17, 20],
    ),
    (
        "author_page_heads.txt",
        # A 🧵 inside a teaser (alone under its first post, or leading the next) is its text:
        # only the date and length lines separate the page's threads.
        [[None], [None]],
        [
            "The lamp at Gull Point was converted to electricity in the spring.",
            "Tide tables for the estuary are printed a year ahead.",
        ],
        [1, 2, 3, 7],
    ),
    (
        "author_page_picture.txt",
        # The older author page, copied without the handle: the picture's line, the bio, then
        # a bare date line above each thread.
        [[None], [None], [None]],
        [
            "The lamp at Gull Point was converted to electricity in the spring.",
            "Tide tables for the estuary are printed a year ahead.",
            "Why the harbour bell rings at noon.",
        ],
        [1, 2, 3, 7, 9],
    ),
    (
        "hashtag_heads.txt",
        [[None], [None]],
        [
            "Hives wintered well this year, here is what we changed in the autumn.",
            "A swarm settled on the church gate this morning.",
        ],
        [1, 2, 6, 9],
    ),
    (
        "blog_embeds.txt",
        # Each embedded tweet's "— Name (@handle) date" line ends it, and the thread goes on;
        # the blog's words above the first and under the last are threads of their own.
        [[None], [1, 2, 3], [None]],
        [
            "I wrote this up on Twitter yesterday and a few people asked for it in one place, so"
            " here it is.",
            "The footbridge over the mill race is being rebuilt this spring."
            " pic.twitter.com/Ab12Cd34Ef",
            "Thanks for reading, see you at the reopening.",
        ],
        [1, 2, 3, 4, 5, 8, 10, 12, *range(14, 21)],
    ),
    (
        "scrolly.txt",
        # The header: the name with the picture, the bio, the date and length.
        [[1, 2, 3]],
        ["Everything about swarming season, in one place"],
        [1, 2, 4],
    ),
    (
        "twunroll.txt",
        # The footer's cookie notice is chrome, not a thread.
        [[1, 2, 3]],
        ["Why the ferry timetable changed this spring, in short."],
        [4, 5, 7, 9],
    ),
    (
        "tra_no_header.txt",
        # A thread page copied from its first post on: the footer still ends it.
        [[None], [None]],
        [
            "The tide mill at Eling turned again this week after a winter of repairs.",
            "The sluice gates at the head of the pond are older than the mill.",
        ],
        [6, 8, 10, 12, 14, 16, 18, 20],
    ),
    (
        "threader.txt",
        [[1, 2]],
        ["Night trains are coming back to the northern line."],
        [1],
    ),
    (
        "old_twitter.txt",
        # The conversation's lines are skipped and the thread goes on past them.
        [[1, 2, 3]],
        ["The allotment committee met last night about the water supply."],
        [2, 4, 5, 6],
    ),
    (
        "old_twitter_replies.txt",
        # Unnumbered tweets under their author's headers; the reply by @tomreed (its header and
        # text, 13-18) is no post of the thread.
        [[None, None, None]],
        ["The footbridge over the mill race is being rebuilt this spring."],
        [*range(1, 5), *range(6, 12), *range(13, 23), 24, 25, 26],
    ),
]


@pytest.mark.parametrize(
    ("name", "expected_numbers", "titles", "skipped_lines"), CASES, ids=[c[0] for c in CASES]
)
def test_page_kind(
    name: str, expected_numbers: list[list[int | None]], titles: list[str], skipped_lines: list[int]
) -> None:
    """The page gives the threads a reader sees, titled by their first posts, and every line of
    its chrome is skipped."""
    corpus = load_corpus([PAGES / name])
    assert numbers(corpus) == expected_numbers
    assert [corpus.title(t) for t in range(corpus.thread_count)] == titles
    assert [line for line, _ in skipped(corpus)] == skipped_lines


@pytest.mark.parametrize("name", ["image_lines.txt", "old_twitter_dash.txt"])
def test_a_picture_or_dash_line_between_posts_is_skipped_and_the_thread_goes_on(name: str) -> None:
    """`Image` and a lone `-` between two posts are skipped, the thread going on past them;
    after the end marker they are skipped with the rest of the chrome."""
    corpus = load_corpus([PAGES / name])
    assert numbers(corpus) == [[1, 2]]
    assert [len(post.splitlines()) for post in texts(corpus)[0]] == [1, 1]
    mark = "Image" if name == "image_lines.txt" else "-"
    assert [text for line, text in skipped(corpus) if line in (2, 5)] == [mark, mark]
    assert len(skipped(corpus)) == (4 if name == "image_lines.txt" else 3)


def test_a_cut_off_line_after_text_stays_text() -> None:
    """The start of a chrome line ends the copy, but under a post rather than under chrome: it
    is the post's own text."""
    corpus = parse_text("1/ The pier lights are fixed.\n2/ Thank")
    assert texts(corpus) == [["The pier lights are fixed.", "Thank"]]
    assert corpus.skipped == []


def test_a_whole_last_line_is_no_fragment() -> None:
    """A last line that ends with its newline was not cut: after chrome it is a thread."""
    corpus = parse_text("1/ Pier.\n2/ Lights.\n• • •\nThank\n")
    assert numbers(corpus) == [[1, 2], [None]]


NEW_STRONG = [
    "Discover and read the best of Twitter Threads about #gardens",
    "Most recents (24)",
    "Most popular",
    "Related hashtags",
    "Read 12 tweets",
    "You can follow @pierwatch.",
    "Tip: mention @twtextapp on a Twitter thread with the keyword unroll",
    "Latest Threads Unrolled:",
    "This website uses cookies to improve your experience.",
    "By continuing to use the site, you are consenting to the use of cookies.",
    "Show this thread",
    "End of conversation",
    "New conversation",
    "This Tweet is unavailable.",
    ", 9 tweets, 2 min read Read on Twitter",
    "Jul 12, 2024 31 tweets 10 min read Read on X",
    "Mar 3, 2022, 12 tweets",
    "— Mara Quill (@maraquill) March 3, 2020",
    "Send Thread As Email!",
]


@pytest.mark.parametrize("chrome", NEW_STRONG)
def test_new_strong_chrome_is_skipped_wherever_it_stands(chrome: str) -> None:
    corpus = parse_text(f"1/ The pier lights are fixed.\n{chrome}\n2/ Next, the railings.\n")
    assert skipped(corpus) == [(2, chrome)]


@pytest.mark.parametrize("line", ["[image]", "Account", "Accept", "Follow"])
def test_new_weak_chrome_next_to_chrome_is_skipped(line: str) -> None:
    corpus = parse_text(
        f"1/ The pier lights are fixed.\n{line}\n2/ Next, the railings.\n• • •\n{line}\n"
    )
    assert skipped(corpus) == [(4, "• • •"), (5, line)]
    assert texts(corpus)[0][0] == f"The pier lights are fixed.\n{line}"


@pytest.mark.parametrize("line", ["Image", "-"])
def test_a_picture_or_dash_between_posts_and_after_chrome_is_skipped(line: str) -> None:
    """Between two posts the line is skipped and the thread goes on; after chrome it is
    chrome."""
    corpus = parse_text(
        f"1/ The pier lights are fixed.\n{line}\n2/ Next, the railings.\n• • •\n{line}\n"
    )
    assert skipped(corpus) == [(2, line), (4, "• • •"), (5, line)]
    assert texts(corpus) == [["The pier lights are fixed.", "Next, the railings."]]


@pytest.mark.parametrize(
    "middle",
    [
        "The pier reopens on Sunday.",  # a sentence: a thread of its own
        "1/ Pier news",  # a numbered post
    ],
)
def test_a_line_between_strong_chrome_that_reads_as_a_post_stays_one(middle: str) -> None:
    corpus = parse_text(f"• • •\nRead all threads\n{middle}\nDid Thread Reader help you today?\n")
    assert corpus.thread_count == 1
    assert [line for line, _ in skipped(corpus)] == [1, 2, 4]


def test_a_one_line_teaser_under_more_from_stays_a_thread() -> None:
    corpus = parse_text("• • •\nMore from @pierwatch\nPier lights fixed\nRead 2 tweets\n")
    assert texts(corpus) == [["Pier lights fixed"]]


def test_a_handle_line_without_a_date_under_it_is_text() -> None:
    """A lone `@handle` is a page header only above a date or length line."""
    corpus = parse_text("1/ Thanks to the crew, and to\n@pierwatch\n• • •\n")
    assert texts(corpus) == [["Thanks to the crew, and to\n@pierwatch"]]


def test_the_tags_under_related_hashtags_are_chrome() -> None:
    """Under "Related hashtags" a listing links other tags, each alone or several on a line;
    a line of hashtags inside a post stays the post's."""
    corpus = parse_text(
        "Most recents (24)\nHives wintered well.\n#bees #honey\nRead 5 tweets\n"
        "Related hashtags\n#honey\n#wax #hives\n"
    )
    assert texts(corpus) == [["Hives wintered well.\n#bees #honey"]]
    assert [text for _, text in skipped(corpus)][-3:] == [
        "Related hashtags",
        "#honey",
        "#wax #hives",
    ]
