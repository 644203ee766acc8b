"""The Thread Reader App layout rules, one fixture (tests/fixtures/layout/) per rule.

Each case states what the design says the parser must make of the fixture: the threads, their
post numbers, missing numbers, the source lines of every post, the skipped chrome lines and the
thread titles.
"""

from __future__ import annotations

from typing import Any

import pytest

from parsing import load_corpus

from .helpers import FIXTURES, line_ranges, numbers, parse_text, summary, texts

LAYOUT = FIXTURES / "layout"


def load(name: str) -> Any:
    return load_corpus([LAYOUT / name])


# -- number markers ----------------------------------------------------------------------------

MARKERS = [
    # (fixture, post numbers, first post's text, title)
    (
        "marker_space.txt",
        [1, 2, 3],
        "The river bridge in Oakmere closes for repairs next week. "
        "Here is what changes for commuters.",
        "The river bridge in Oakmere closes for repairs next week.",
    ),
    (
        "marker_glued.txt",
        [1, 2, 3],
        "Beekeepers in the valley report a strong spring. "
        "Colonies came through the winter in good shape.",
        "Beekeepers in the valley report a strong spring.",
    ),
    (
        "marker_total.txt",
        [1, 2, 3],
        "A short note on the new library hours. They start on Monday.",
        "A short note on the new library hours.",
    ),
    (
        "marker_paren.txt",
        [1, 2, 3],
        "The chess club elected a new captain last night. It was a close vote.",
        "The chess club elected a new captain last night.",
    ),
    (
        "marker_bracket.txt",
        [1, 2, 3, 4],
        "Why the tram timetable changed again. A long story in four parts.",
        "Why the tram timetable changed again.",
    ),
    (
        "marker_thread_emoji.txt",
        [1, 2, 3],
        "What the harbour survey found. Three things stood out.",
        "What the harbour survey found.",
    ),
    (
        "marker_thread_word.txt",
        [1, 2, 3],
        "How the orchard recovered from the frost. It took two seasons.",
        "How the orchard recovered from the frost.",
    ),
]


@pytest.mark.parametrize(("name", "expected", "first_text", "title"), MARKERS)
def test_number_marker_styles(name: str, expected: list[int], first_text: str, title: str) -> None:
    """Every marker style numbers its post, one post per line, and never stays in the text."""
    corpus = load(name)
    assert numbers(corpus) == [expected]
    assert line_ranges(corpus) == [[(n, n) for n in range(1, len(expected) + 1)]]
    assert corpus.missing(0) == []
    assert corpus.skipped == []
    assert texts(corpus)[0][0] == first_text
    assert corpus.title(0) == title
    lines = (LAYOUT / name).read_text(encoding="utf-8").splitlines()
    for line, text in zip(lines[1:], texts(corpus)[0][1:], strict=True):
        assert line.endswith(text)
        assert "/" not in text, "the marker must be cut from the post text"


# -- the other layout rules --------------------------------------------------------------------

CASES: dict[str, dict[str, Any]] = {
    "fraction_midline.txt": {
        "numbers": [[1, 2, 3]],
        "lines": [[(1, 1), (2, 2), (3, 3)]],
    },
    "fraction_line_start.txt": {
        "numbers": [[1, 2, 3]],
        "lines": [[(1, 1), (2, 3), (4, 4)]],
    },
    "paragraphs.txt": {
        "numbers": [[1, 2, 3]],
        "lines": [[(1, 1), (3, 7), (8, 11)]],
    },
    "restart_plain.txt": {
        "numbers": [[1, 2], [1, 2]],
        "lines": [[(1, 1), (2, 2)], [(3, 3), (4, 4)]],
        "titles": [
            "The swimming club moved its training to mornings.",
            "Unrelated: the canal towpath is resurfaced from Monday.",
        ],
    },
    "restart_first_marker.txt": {
        "numbers": [[1, 2, 3], [1, 2, 3]],
        "lines": [[(1, 1), (2, 2), (3, 3)], [(4, 4), (5, 5), (6, 6)]],
    },
    "restart_point_down.txt": {
        "numbers": [[1, 2], [1, 2, 3]],
        "lines": [[(1, 1), (2, 2)], [(3, 3), (4, 4), (5, 5)]],
        "titles": [
            "Results from the cycling census are in.",
            "Separately, the council published its cycle lane plan today.",
        ],
    },
    "restart_emoji_lead.txt": {
        "numbers": [[1, 2], [1, 2, 3]],
        "lines": [[(1, 1), (2, 2)], [(3, 4), (5, 5), (6, 6)]],
        "titles": [
            "The allotment waiting list is shorter this year.",
            "Breaking: the greenhouse at the botanic garden will reopen on Saturday after the "
            "storm damage.",
        ],
    },
    "restart_bare_thread.txt": {
        "numbers": [[1, 2], [1, 2, 3]],
        "lines": [[(1, 1), (2, 2)], [(3, 4), (5, 5), (6, 6)]],
        "titles": [
            "The county fair moves to a new field.",
            "Something different: our town choir is recording an album.",
        ],
    },
    "restart_at_two_paragraph.txt": {
        "numbers": [[1, 2], [1, 2, 3]],
        "lines": [[(1, 1), (2, 2)], [(4, 4), (5, 5), (6, 6)]],
        "titles": [
            "The bakery on Mill Lane is closing after forty years.",
            "The new cinema on the quay has set its opening date.",
        ],
    },
    "head_lines.txt": {
        "numbers": [[1, 2], [None], [None]],
        "lines": [[(1, 1), (2, 2)], [(3, 3)], [(4, 5)]],
        "titles": [
            "Notes from the planning meeting.",
            "The rail station upgrade is back on the agenda.",
            "A quick guide to the new recycling bins.",
        ],
    },
    "unnumbered_first.txt": {
        "numbers": [[1, 2, 3]],
        "lines": [[(1, 1), (2, 2), (3, 3)]],
        "titles": ["The ferry company has a new owner."],
    },
    "starts_at_two.txt": {
        "numbers": [[2, 3]],
        "missing": [[1]],
        "lines": [[(1, 1), (2, 2)]],
    },
    "gaps.txt": {
        "numbers": [[1, 2, 4, 7]],
        "missing": [[3, 5, 6]],
        "lines": [[(1, 1), (2, 2), (3, 3), (4, 4)]],
    },
    "bare_total_line.txt": {
        "numbers": [[1, 2, 3]],
        "lines": [[(1, 3), (4, 4), (5, 5)]],
        "titles": ["Spring migration has started at the estuary."],
    },
    "numbered_at_end.txt": {
        # Numbers after the text end each post; the line after the last one is unnumbered.
        "numbers": [[1, 2, 3, 4, None]],
        "lines": [[(2, 2), (3, 3), (4, 4), (6, 6), (7, 7)]],
        "skipped": [(1, "Ada Marsh Profile picture")],
        "titles": ["Why the harbour dredging keeps slipping, in short."],
    },
    "numbers_at_end_not_rising.txt": {
        # `1/2 cup`, a lone `1/` and dates at line ends do not number posts.
        "numbers": [[None]],
        "lines": [[(1, 4)]],
    },
    "chrome_end_one_line.txt": {
        "numbers": [[1, 2]],
        "lines": [[(1, 1), (2, 2)]],
        "skipped": [
            (3, "• • •"),
            (4, "Missing some Tweet in this thread? You can try to force a refresh."),
        ],
    },
    "chrome_end_two_lines.txt": {
        "numbers": [[1, 2], [1, 2]],
        "lines": [[(1, 1), (2, 2)], [(6, 6), (7, 7)]],
        "skipped": [
            (3, "• • •"),
            (4, "Missing some Tweet in this thread? You can try to"),
            (5, "force a refresh"),
        ],
    },
    "chrome_footer.txt": {
        "numbers": [[1, 2]],
        "lines": [[(1, 1), (2, 2)]],
        "skipped": [
            (3, "• • •"),
            (4, "Missing some Tweet in this thread? You can try to force a refresh"),
            (5, "Keep Current with Hilltop Skywatchers"),
            (6, "Stay in touch and get notified when new unrolls are available from this author!"),
            (7, "Read all threads"),
            (8, "This Thread may be Removed Anytime!"),
            (9, "Twitter may remove this content at anytime! Save it as PDF for later use!"),
            (10, "More from @hilltopsky"),
        ],
    },
    "chrome_header.txt": {
        "numbers": [[1, 2, 3]],
        "lines": [[(6, 6), (7, 7), (8, 10)]],
        "skipped": [
            (1, "Hilltop Skywatchers Profile picture"),
            (2, "1,482 views"),
            (3, "Read on X"),
            (4, "Share"),
            (5, "12 tweets • 3 min read"),
        ],
        "titles": ["Jupiter is well placed this month."],
    },
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_layout_rule(name: str) -> None:
    expected = CASES[name]
    got = summary(load(name))
    thread_count = len(expected["numbers"])
    assert got["numbers"] == expected["numbers"]
    assert got["missing"] == expected.get("missing", [[]] * thread_count)
    assert got["lines"] == expected["lines"]
    assert got["skipped"] == expected.get("skipped", [])
    if "titles" in expected:
        assert got["titles"] == expected["titles"]


def post_texts(name: str) -> list[list[str]]:
    return texts(load(name))


def test_numbers_at_line_ends_leave_the_text() -> None:
    """A number after the text is not part of it, unless a link follows the number."""
    first, second, third, fourth, _ = post_texts("numbered_at_end.txt")[0]
    assert first == "THREAD: Why the harbour dredging keeps slipping, in short."
    assert second == "The contract was signed in spring, but the barge only arrived in August."
    assert third.endswith("volume. 3/8 harbourwatch.example/survey/12…")
    assert fourth == "Crews now work nights to avoid the ferries"


def test_fractions_inside_a_line_stay_text() -> None:
    posts = post_texts("fraction_midline.txt")[0]
    assert "Roughly 3/4 of voters" in posts[0]
    assert "the vote on 10/31 last year" in posts[1]
    assert "certified by 11/15 at the latest" in posts[2]


def test_a_fraction_at_line_start_is_a_continuation() -> None:
    """`24/7` opens a line, but 24 > 7 is no marker: the line continues post 2."""
    posts = post_texts("fraction_line_start.txt")[0]
    assert posts[1] == (
        "From next month the ward will be open\n"
        "24/7 coverage is what the town asked for in the survey."
    )


def test_paragraphs_and_blank_lines_stay_inside_a_post() -> None:
    posts = post_texts("paragraphs.txt")[0]
    assert posts[1] == (
        "The first is a history of canals.\n\n"
        "It is long, but the maps alone are worth it.\n\n"
        "And the chapter on locks is the best part."
    )
    assert posts[2] == "The second is a memoir by a lighthouse keeper.\n\n\nIt is short."


@pytest.mark.parametrize(
    ("name", "first_post"),
    [
        (
            "restart_emoji_lead.txt",
            "⚡️⚡️⚡️\nBreaking: the greenhouse at the botanic garden will reopen on Saturday "
            "after the storm damage.",
        ),
        (
            "restart_bare_thread.txt",
            "THREAD\nSomething different: our town choir is recording an album. "
            "Here is how it came together.",
        ),
        (
            "restart_first_marker.txt",
            "A second story today: the school roof project finally has a start date 1/",
        ),
        (
            "restart_point_down.txt",
            "Separately, the council published its cycle lane plan today. A few notes 👇",
        ),
    ],
)
def test_restart_takes_the_cued_lines_as_post_one(name: str, first_post: str) -> None:
    """The unnumbered lines before a restart leave the old thread's last post."""
    threads = post_texts(name)
    assert threads[1][0] == first_post
    assert first_post.splitlines()[-1] not in threads[0][-1]


def test_a_bare_total_line_numbers_the_lines_above_it() -> None:
    """`1/n` alone on a line makes the unnumbered lines above it post 1; it is not text."""
    first = post_texts("bare_total_line.txt")[0][0]
    assert first == (
        "Spring migration has started at the estuary. Here are the first sightings of the "
        "season.\nThe counts come from volunteers on the sea wall."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 1/\nB 2/\n1/ New\n2/ x", [[1, 2], [1, 2]]),
        ("A 1/\nB 2/\n3/ Next\n4/ x", [[1, 2, 3, 4]]),
        ("A 1/\nB 2/\nTail\n1/ New\n2/ x", [[1, 2, None], [1, 2]]),
    ],
    ids=["restart", "continued-at-line-starts", "tail-then-restart"],
)
def test_numbers_at_line_ends_count_for_restarts(text: str, expected: list[list[int]]) -> None:
    """Posts numbered at their line ends set the thread's last number: a `1/` after them
    starts a new thread, a `3/` continues theirs."""
    assert numbers(parse_text(text)) == expected
