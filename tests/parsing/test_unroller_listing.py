"""The list of other threads twtext and twunroll print under a thread's footer, after
`Latest Threads Unrolled:`: teasers of other people's threads, never a thread of the page nor
posts of its thread (tests/fixtures/unrollers/)."""

from __future__ import annotations

from parsing import load_corpus
from parsing.given import ThreadMeta

from .helpers import FIXTURES, numbers, parse_text, skipped, texts

UNROLLERS = FIXTURES / "unrollers"


def test_teasers_under_the_list_heading_are_no_thread() -> None:
    """Under twtext's footer, the list's teasers (numbered ones, `THREAD:`, a handle, a page
    title, an attribution line) down to the cookie notice are all skipped: the page holds one
    thread of four tweets."""
    corpus = load_corpus([UNROLLERS / "twtext_latest_threads.txt"])
    assert numbers(corpus) == [[None, None, None, None]]
    assert texts(corpus)[0][0].startswith("The lido on the common opens")
    assert texts(corpus)[0][-1].endswith("swim free all summer.")
    assert [line for line, _ in skipped(corpus)] == list(range(6, 8)) + list(range(9, 18))


def test_a_list_left_open_runs_to_the_end_of_the_copy() -> None:
    """A copy that ends in the list (no cookie notice under it): every teaser down to the end
    is skipped, the numbered one too, and the thread keeps its three posts."""
    corpus = load_corpus([UNROLLERS / "twunroll_list_to_end.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][-1].startswith("The scaffolding comes down")
    assert [line for line, _ in skipped(corpus)][-4:] == [9, 11, 13, 15]


def test_the_list_says_nothing_of_the_threads_author() -> None:
    """The footer names the thread's author; an attribution line among the teasers, about
    another thread, gives no name to it."""
    corpus = load_corpus([UNROLLERS / "twtext_latest_threads.txt"])
    assert corpus.meta(0) == ThreadMeta(None, "lidolog", None, None)


def test_a_heading_opening_the_text_leaves_the_thread_under_it() -> None:
    """The heading as the first line (a copy that put the side column first) bounds no list:
    the thread under it stays whole."""
    corpus = parse_text(
        "Latest Threads Unrolled:\nThe pier is shut for repairs.\nIt opens in June.\n"
        "You can follow @pierwatch.\n"
    )
    assert texts(corpus) == [["The pier is shut for repairs.\nIt opens in June."]]


def test_a_heading_under_text_is_left_alone() -> None:
    """An author may write the words in a post: under the text, not under the unroller's
    footer, they open no list, and the posts after them stay."""
    corpus = parse_text(
        "Our tips for the week.\nLatest Threads Unrolled:\n"
        "2/ The pier is shut.\n3/ It opens in June.\n"
    )
    assert numbers(corpus)[-1][-2:] == [2, 3]


def test_another_pages_title_among_the_teasers_does_not_end_the_list() -> None:
    """A teaser shown as its page's title (`Thread by @x, … [...]`, strong chrome) is one more
    teaser: the numbered teasers under it are skipped with it."""
    corpus = parse_text(
        "The pier is shut for repairs.\nYou can follow @pierwatch.\nLatest Threads Unrolled:\n"
        "Thread by @moorwalker, Twelve things about the moor [...]\n"
        "2/ Why the bus stops in October\n"
    )
    assert texts(corpus) == [["The pier is shut for repairs."]]


def test_a_saved_page_pasted_under_the_list_ends_it() -> None:
    """A page title whose first words open the line under it stands over its own thread, not
    among the teasers (a teaser's title stands over another teaser): the list ends above it,
    and the second page's thread is read, as the first page's is."""
    corpus = load_corpus([UNROLLERS / "twtext_list_then_saved_page.txt"])
    assert len(texts(corpus)) == 2
    assert texts(corpus)[1][0].startswith("The spring tides this weekend")
    assert texts(corpus)[1][-1].endswith("either side of high water.")
    assert (
        7,
        "Thread by @orchardrow, Pruning the old pear trees without losing the crop [...]",
    ) in (skipped(corpus))


def test_a_page_pasted_under_the_list_with_no_title_ends_it_at_the_blank_run() -> None:
    """Another page's footer under the list says another page's thread stands above it: the
    list ends at the widest run of blank lines under the heading, the two teasers above it
    are skipped, and the second page's thread is read whole, blank line and all."""
    corpus = load_corpus([UNROLLERS / "twtext_list_then_untitled_page.txt"])
    assert len(texts(corpus)) == 2
    assert texts(corpus)[1] == [
        "The spring tides this weekend come right up to the sea wall at the north end of the"
        " promenade.\n\nPark on the upper road if you can: the lower car park floods an hour"
        " either side of high water."
    ]
    assert corpus.meta(1).handle == "tidewatcher"
    assert {7, 8} <= {line for line, _ in skipped(corpus)}


def test_a_page_pasted_right_under_the_heading_loses_no_line_to_the_list() -> None:
    """With no blank line between the heading and another page's thread above its footer,
    nothing tells a teaser from the thread's first line: every line is kept as the thread's."""
    corpus = parse_text(
        "The pier is shut for repairs.\nYou can follow @pierwatch.\nLatest Threads Unrolled:\n"
        "The ferry runs again from May.\nTickets at the kiosk.\nYou can follow @ferrynews.\n"
    )
    assert texts(corpus) == [
        ["The pier is shut for repairs."],
        ["The ferry runs again from May.\nTickets at the kiosk."],
    ]
