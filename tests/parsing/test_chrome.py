"""Page chrome: strong lines are skipped wherever they stand, weak ones ("Share", "Read on X")
only next to other chrome; every skipped line is recorded with its line number and text."""

from __future__ import annotations

from typing import Any

import pytest

from parsing import load_corpus

from .helpers import FIXTURES, numbers, skipped, texts


def test_weak_chrome_inside_a_post_stays_text() -> None:
    """`Share` between two text lines of a post is text; next to other chrome it is skipped."""
    corpus = load_corpus([FIXTURES / "layout" / "chrome_header.txt"])
    assert (4, "Share") in skipped(corpus)
    assert texts(corpus)[0][2].splitlines()[1] == "Share"


STRONG_CHROME = [
    "• • •",
    "Missing some Tweet in this thread? You can try to force a refresh",
    "Missing some Tweet in this thread? You can try to force a refresh.",
    "Keep Current with Orchard Notes",
    "Stay in touch and get notified when new unrolls are available from this author!",
    "This Thread may be Removed Anytime!",
    "Twitter may remove this content at anytime, convert it as a PDF, save and print for later "
    "use!",
    "Read all threads",
    "More from @orchardnotes",
    "23,043 views",
    "815 views",
    "7 tweets • 2 min read",
    "Missing some Tweet in this thread? You can try to\nforce a refresh",
    "Missing some Tweet in this thread? You can try to\nforce a refresh.",
    "• • •\nMissing some Tweet in this thread? You can try to\nforce a refresh",
    "Share this Scrolly Tale with your friends.\nA Scrolly Tale is a new way to read Twitter"
    " threads with a more visually immersive experience.\nDiscover more beautiful Scrolly Tales"
    " like this.",
    "12 subscribers",
    # The two steps of "Try unrolling a thread yourself!" as a clipping bullets them, the link
    # glued to the word after it, and the command as a code span.
    "- Follow @ThreadReaderAppto mention us!\n- From a Twitter thread mention us with a keyword"
    ' "unroll"\n`@threadreaderapp unroll`',
]


@pytest.mark.parametrize("chrome", STRONG_CHROME)
def test_chrome_after_a_thread_is_skipped(parse: Any, chrome: str) -> None:
    """Each chrome line is recorded with its own line number; the posts are untouched."""
    corpus = parse(
        f"1/ Orchard notes for May. Blossom is late.\n2/ Bees are busy anyway.\n{chrome}\n"
    )
    assert numbers(corpus) == [[1, 2]]
    assert skipped(corpus) == [(3 + i, line) for i, line in enumerate(chrome.split("\n"))]
    assert texts(corpus) == [["Orchard notes for May. Blossom is late.", "Bees are busy anyway."]]


@pytest.mark.parametrize("word", ["Share", "Read on X", "Post", "Subscribe"])
def test_weak_chrome_alone_is_text(parse: Any, word: str) -> None:
    corpus = parse(f"1/ A note on the village hall.\n{word}\n2/ The roof is fixed.\n")
    assert corpus.skipped == []
    assert texts(corpus) == [[f"A note on the village hall.\n{word}", "The roof is fixed."]]


@pytest.mark.parametrize("word", ["Share", "Read on X", "Post", "Subscribe"])
def test_weak_chrome_next_to_chrome_is_skipped(parse: Any, word: str) -> None:
    corpus = parse(f"1/ A note on the village hall.\n2/ The roof is fixed.\n• • •\n{word}\n")
    assert skipped(corpus) == [(3, "• • •"), (4, word)]
    assert texts(corpus) == [["A note on the village hall.", "The roof is fixed."]]


@pytest.mark.parametrize("link", ["Read on Twitter", "Read on X", "  Read on Twitter  "])
def test_a_link_back_to_the_source_ending_the_text_is_skipped(parse: Any, link: str) -> None:
    """twtext prints `Read on Twitter` under the last post: ending the text, it is chrome."""
    corpus = parse(f"1/ A note on the village hall.\n2/ The roof is fixed.\n{link}\n\n")
    assert skipped(corpus) == [(3, link)]
    assert texts(corpus) == [["A note on the village hall.", "The roof is fixed."]]


def test_weak_lines_above_a_link_back_ending_the_text_are_skipped_with_it(parse: Any) -> None:
    corpus = parse("1/ A note on the village hall.\n2/ The roof.\nShare\nRead on Twitter\n")
    assert skipped(corpus) == [(3, "Share"), (4, "Read on Twitter")]


def test_end_of_thread_above_a_link_back_ending_the_text_is_skipped(parse: Any) -> None:
    """twtext's `End of thread` over its closing link back is chrome with it."""
    corpus = parse("1/ A note on the village hall.\n2/ The roof.\n\nEnd of thread\n\nRead on X\n")
    assert skipped(corpus) == [(4, "End of thread"), (6, "Read on X")]
    assert texts(corpus) == [["A note on the village hall.", "The roof."]]


@pytest.mark.parametrize(
    "tail", ["End of thread.\n", "End of thread.\nThanks for reading.\nRead on Twitter\n"]
)
def test_end_of_thread_not_right_above_a_closing_link_back_stays_text(
    parse: Any, tail: str
) -> None:
    """Written by the author, ending the text or followed by their own words, it is theirs."""
    corpus = parse("1/ A note on the village hall.\n2/ The roof.\n" + tail)
    assert texts(corpus)[0][1].splitlines()[1] == "End of thread."


def test_a_link_back_with_text_under_it_stays_text(parse: Any) -> None:
    corpus = parse("1/ A note on the village hall.\nRead on Twitter\nor here.\n")
    assert corpus.skipped == []
    assert texts(corpus) == [["A note on the village hall.\nRead on Twitter\nor here."]]


@pytest.mark.parametrize("blank", ["", "   ", "\t", "\f", "\v", " \f\t"])
@pytest.mark.parametrize("weak_first", [True, False])
def test_blank_lines_between_weak_and_strong_chrome(
    parse: Any, blank: str, weak_first: bool
) -> None:
    """A line of spaces, tabs, form feeds or vertical tabs is blank on either side of a weak
    line: `Share` above or below it still touches the strong chrome beyond it."""
    lines = ["Share", blank, "• • •"] if weak_first else ["• • •", blank, "Share"]
    corpus = parse("1/ A note on the village hall.\n2/ The roof is fixed.\n" + "\n".join(lines))
    assert [text for _, text in skipped(corpus)] == [line for line in lines if line != blank]
    assert texts(corpus) == [["A note on the village hall.", "The roof is fixed."]]


@pytest.mark.parametrize("text", ["", "\n\n", "   \n\t\n", "\ufeff"])
def test_nothing_to_read(parse: Any, text: str) -> None:
    corpus = parse(text)
    assert (corpus.thread_count, corpus.post_count, corpus.skipped) == (0, 0, [])


def test_chrome_only(parse: Any) -> None:
    corpus = parse("• • •\nMissing some Tweet in this thread? You can try to\nforce a refresh\n")
    assert corpus.thread_count == 0
    assert [line for line, _ in skipped(corpus)] == [1, 2, 3]


def test_text_after_chrome_starts_a_thread(parse: Any) -> None:
    """The footer ends a thread; an unnumbered teaser after it is a thread of its own."""
    corpus = parse("1/ Tides.\n2/ Low at noon.\n• • •\nRead all threads\nA teaser of another.\n")
    assert numbers(corpus) == [[1, 2], [None]]
    assert skipped(corpus) == [(3, "• • •"), (4, "Read all threads")]
    assert texts(corpus)[1] == ["A teaser of another."]


def test_a_post_opened_by_a_thread_emoji_between_end_markers_stays_a_post(parse: Any) -> None:
    """`🧵 1/ …` alone between two blocks of chrome numbers a post: it is no ad or name."""
    corpus = parse("• • •\n🧵 1/ The pier reopens\n• • •")
    assert numbers(corpus) == [[1]]
