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


# -- numbering as authors write it -------------------------------------------------------------

NUMBERING: dict[str, dict[str, Any]] = {
    "trailing_bare_lines.txt": {
        # Each bare number closes the text above it: read as leading, the last post is empty.
        "numbers": [[1, 2, 3]],
        "lines": [[(1, 2), (3, 4), (5, 6)]],
        "texts": [
            [
                "The lighthouse keepers kept a log for ninety years.",
                "Each entry gives the wind, the sea state and the ships seen.",
                "The oldest book was found in a chest under the stairs.",
            ]
        ],
    },
    "trailing_head_and_end.txt": {
        # `🧵1/3` under the first post does not open a thread of its own; `end/` numbers the last.
        "numbers": [[1, 2, 3]],
        "lines": [[(1, 2), (3, 4), (5, 6)]],
        "texts": [
            [
                "Notes from the orchard walk on Sunday morning.",
                "The old pear trees are flowering a week early.",
                "Thanks to everyone who brought ladders.",
            ]
        ],
    },
    "trailing_after_restart.txt": {
        # A trailing `1/` after a thread numbered at line starts restarts with the line above.
        "numbers": [[1, 2], [1, 2]],
        "lines": [[(1, 1), (2, 2)], [(3, 4), (5, 6)]],
        "texts": [
            ["The tram depot opens its doors on Saturday.", "Tours run every hour from ten."],
            ["A second note, on the bus lanes.", "They will be painted red next month."],
        ],
    },
    "trailing_first_at_line_end.txt": {
        # The first number ends a line of the post (`… 1/4`), the others stand alone under
        # theirs: the `1/4` line ends post 1, which keeps all the text above it.
        "numbers": [[1, 2, 3, 4]],
        "lines": [[(1, 3), (4, 5), (6, 7), (8, 9)]],
        "texts": [
            [
                "The harbour board met again last night.\n"
                "Nobody expected the vote to go the way it did.\nShort version",
                "The old pier will be pulled down in the spring.",
                "The fish market moves to the east quay for a year.",
                "A new pier opens the summer after, if the money holds.",
            ]
        ],
    },
    "total_many.txt": {
        # `many` as the total: the author did not know how many posts would follow.
        "numbers": [[1, 2, 3]],
        "lines": [[(1, 2), (3, 4), (5, 6)]],
        "texts": [
            [
                "The canal boats are being repainted this month.",
                "Each one gets the colours of its home town.",
                "The last will be done by the fair.",
            ]
        ],
    },
    "total_many_glued.txt": {
        # `many` after the slash and before more words is the post's first word (`2/Text`).
        "numbers": [[1, 2]],
        "lines": [[(1, 1), (2, 2)]],
        "texts": [["many stalls opened an hour late.", "many came back for the music."]],
    },
    "first_as_item.txt": {
        # `1.` opens the first post and `2/` the next: the `1.` is post 1's number.
        "numbers": [[1, 2, 3]],
        "lines": [[(1, 3), (4, 4), (5, 5)]],
        "texts": [
            [
                "Notes from the harbour board, in short:\n\nThe wall repairs are finished.",
                "The crane leaves on Monday.",
                "Boats return in May.",
            ]
        ],
    },
    "bare_lines_leading.txt": {
        # Bare numbers over their text, nothing above the first: leading, as before.
        "numbers": [[1, 2]],
        "lines": [[(1, 2), (3, 4)]],
        "texts": [
            [
                "The reservoir is at its lowest level since the drought.",
                "Hosepipes are banned from Friday.",
            ]
        ],
    },
    "bare_lines_opening_sentence.txt": {
        # A sentence opens the thread above a bare `1/9`: the numbers close the text above
        # them, though text follows the last one (cut off in its post, its number not copied).
        "numbers": [[1, 2, 3, None]],
        "lines": [[(1, 2), (3, 4), (5, 6), (7, 7)]],
        "texts": [
            [
                "The old signal box at Marsh Lane is being moved, brick by brick, to the museum.",
                "Every brick was numbered in chalk before the first one came down.",
                "The lever frame went on a lorry of its own, wrapped in blankets.",
                "The roof slates will be the last to",
            ]
        ],
    },
    "bare_lines_opening_sentence_then_thread.txt": {
        # The same, with the post after the last number ended by a marker that opens another
        # thread (`🧵 1/ …`): that marker ends the run as the copy's end does, so the numbers
        # close the text above them there too.
        "numbers": [[1, 2, None], [1, 2]],
        "lines": [[(1, 2), (3, 4), (5, 5)], [(6, 6), (7, 7)]],
    },
    "bare_lines_mid_thread_set_off.txt": {
        # A copy that starts mid-thread: bare numbers rising by one, each set off from the
        # text above by a blank line with its post's next text right under it, close the text
        # above them; the text under the last is a post whose number was cut off.
        "numbers": [[4, 5, 6, None]],
        "missing": [[1, 2, 3]],
        "lines": [[(1, 5), (6, 8), (9, 11), (12, 12)]],
    },
    "bare_lines_mid_thread_leading.txt": {
        # The same numbers right under their text, with no blank line: nothing tells the
        # styles apart, so they lead, the opening text a post before them.
        "numbers": [[None, 4, 5, 6]],
        "missing": [[1, 2, 3]],
        "lines": [[(1, 1), (2, 3), (4, 5), (6, 7)]],
    },
    "bare_lines_announced.txt": {
        # An opening that announces the posts below it (`… thread 🧵`) is a post of its own:
        # the bare numbers under it lead.
        "numbers": [[None, 1, 2]],
        "lines": [[(1, 1), (2, 3), (4, 5)]],
    },
    "bare_lines_empty_post_end.txt": {
        # A bare number right under another numbers a post with no text (its picture was not
        # copied) and the run goes on; `END` in capitals under the text after the last number
        # numbers it as the next post.
        "numbers": [[1, 2, 3, 4, 5]],
        "lines": [[(1, 2), (3, 3), (4, 5), (6, 7), (8, 9)]],
        "texts": [
            [
                "The harbour wall is being rebuilt this summer.",
                "",
                "The old stones are numbered and stacked on the quay.",
                "New ones come by barge from the quarry up the coast.",
                "Work stops for the regatta in August.",
            ]
        ],
    },
    "bare_lines_title_above.txt": {
        # A title that ends no sentence above a bare `1/`, text under the last number: nothing
        # tells the styles apart, so the numbers lead, as before.
        "numbers": [[None, 1, 2]],
        "lines": [[(1, 1), (2, 3), (4, 5)]],
    },
    "counted_with_colon.txt": {
        # `2 of 4:` opening a line numbers a post, on its own line or before the text; a count
        # without the colon (`3 of 5 drivers`) is the post's text.
        "numbers": [[1, 2, 3, 4]],
        "lines": [[(1, 2), (3, 5), (6, 6), (7, 8)]],
        "texts": [
            [
                "The tram depot reopened on Saturday after two years of repairs.",
                "The old roof was taken down sheet by sheet.",
                "Every tram was washed before it went back on the road.",
                "3 of 5 drivers said the new pits were easier to work in.",
            ]
        ],
    },
    "numbered_at_end_styles.txt": {
        # Glued to punctuation or an emoji, after `…`, `x` totals, `(N of M)` and `(NofM)`.
        "numbers": [[1, 2, 3, 4, 5]],
        "lines": [[(1, 1), (2, 2), (3, 3), (4, 4), (5, 5)]],
        "texts": [
            [
                "The museum is moving its fossils to the new wing.",
                "Packing started in March, crate by crate 😀",
                "The big ichthyosaur needs a crane…",
                "Opening day is set for the first of June",
                "Tickets go on sale next week",
            ]
        ],
    },
    "numbered_at_end_mid_thread.txt": {
        # A page that starts at post 7: three numbers that go up by one are enough.
        "numbers": [[7, 8, 9]],
        "missing": [[1, 2, 3, 4, 5, 6]],
        "lines": [[(1, 1), (2, 2), (3, 3)]],
    },
    "starts_mid_thread.txt": {
        # The text above post 7 is the end of post 6 or earlier: no post 1 is made of it.
        "numbers": [[None, 7, 8]],
        "missing": [[1, 2, 3, 4, 5, 6]],
        "lines": [[(1, 1), (2, 2), (3, 3)]],
    },
    "prefix_slash_styles.txt": {
        "numbers": [[1, 2, 3]],
        "lines": [[(1, 1), (2, 2), (3, 3)]],
        "texts": [
            [
                "Thread on the harbour wall repairs.",
                "The stones come from the old quarry.",
                "Work stops during the spring tides.",
            ]
        ],
    },
    "list_numbered_posts.txt": {
        # `3.`, `4.`, `6.`: a list never skips a number, a copied thread misses posts.
        "numbers": [[None, 3, 4, 6]],
        "missing": [[1, 2, 5]],
        "lines": [[(1, 1), (2, 2), (3, 3), (4, 4)]],
    },
    "list_paren_posts.txt": {
        # `1)` to `3)` with more text than one post holds: one post each.
        "numbers": [[1, 2, 3]],
        "lines": [[(1, 1), (2, 2), (3, 3)]],
    },
    "list_inside_post.txt": {
        # A short list with no number skipped stays inside its post.
        "numbers": [[None]],
        "lines": [[(1, 5)]],
    },
    "list_restart_inside_post.txt": {
        # `1.` again after `4.` starts a list inside post 4; its `4.` goes on from its `3.` and
        # is an item too, not a post; `6.` is the next post.
        "numbers": [[None, 3, 4, 6]],
        "missing": [[1, 2, 5]],
        "lines": [[(1, 1), (2, 2), (3, 7), (8, 8)]],
    },
    "list_inside_numbered_thread.txt": {
        # In a thread numbered `1/`, `2/`, list numbers are text, however long the items.
        "numbers": [[1, 2]],
        "lines": [[(1, 4), (5, 5)]],
    },
    "slash_text.txt": {
        # Years, year ranges, dates, a ratio at a line end and escaped list numbers are text.
        "numbers": [[1, 2, 3]],
        "lines": [[(1, 1), (2, 6), (7, 9)]],
        "texts": [
            [
                "The school year 2019/20 was cut short, and 3/4 of pupils studied at home.",
                "The plan for 2020/2021 came out on 10/31/2020.\n2020/2021 brought two more "
                "closures.\n10/31/2020 was the last day of the old timetable.\n10/31 was the "
                "deadline for the new rota.\nThe union won 2/3",
                "Exams are back in the hall.\n1\\. Bring a pencil.\n2\\. Bring a ruler.",
            ]
        ],
    },
    "total_exceeded.txt": {
        # `4/3` after `3/3`: the author added a post and kept the totals.
        "numbers": [[1, 2, 3, 4]],
        "lines": [[(1, 1), (2, 2), (3, 3), (4, 4)]],
    },
    "unknown_totals.txt": {
        # `1/?` then `2/3`, `3/x`: totals that are unknown or disagree still number the posts.
        "numbers": [[1, 2, 3]],
        "lines": [[(1, 1), (2, 2), (3, 3)]],
        "texts": [
            [
                "Why the canal froze over this week.",
                "Cold air sat over the valley for days.",
                "The ice is thinner than it looks.",
            ]
        ],
    },
}


@pytest.mark.parametrize("name", sorted(NUMBERING))
def test_numbering_style(name: str) -> None:
    """Each way authors number their posts gives the posts, numbers and text the author meant."""
    expected = NUMBERING[name]
    got = summary(load(name))
    thread_count = len(expected["numbers"])
    assert got["numbers"] == expected["numbers"]
    assert got["missing"] == expected.get("missing", [[]] * thread_count)
    assert got["lines"] == expected["lines"]
    assert got["skipped"] == []
    if "texts" in expected:
        assert got["texts"] == expected["texts"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A\n1/\nB\n2/\nC", [[None, 1, 2]]),
        ("A\n1/n\nB\n2/ C", [[None, 1, 2]]),
        ("A\n1/\nB\n2/\n3/ C\nD", [[1, 2, 3]]),
        ("A\n1/\nB\n2/\nC\n1/\nD\n2/", [[1, 2], [1, 2]]),
        ("1/ A\n2/ B\nend/", [[1, 2]]),
    ],
    ids=["last-has-text", "marker-with-text-last", "then-leading", "two-threads", "end-as-text"],
)
def test_bare_numbers_trail_only_when_the_last_has_no_text_under_it(
    text: str, expected: list[list[int | None]]
) -> None:
    """A run of bare numbers reads as trailing only when its last one closes the run; otherwise
    the numbers lead their posts, as on every page so far, and `end/` in a thread numbered at
    line starts stays a line of its last post."""
    corpus = parse_text(text)
    assert numbers(corpus) == expected
    if text.endswith("end/"):
        assert texts(corpus)[0][-1] == "B\nend/"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1/ A\n2/ B\n10/31 C\n3/ D", [[1, 2, 3]]),
        ("1/20 A\n2/20 B\n5/20 C", [[1, 2, 5]]),
        ("9/ A\n10/31 B", [[9, 10]]),
        ("10/31 A\n11/31 B", [[10, 11]]),
        ("Intro\n10/31 A\nmore", [[None]]),
        ("🧵 5/20 A\n6/20 B", [[5, 6]]),
        ("1/ A\n• • •\n2/15 B", [[1], [None]]),
    ],
    ids=[
        *("date", "same-total", "next-number", "continued-by-the-next", "alone"),
        *("after-thread-head", "after-chrome"),
    ],
)
def test_a_month_and_day_numbers_a_post_only_where_a_thread_could(
    text: str, expected: list[list[int | None]]
) -> None:
    """`10/31` at a line start is a post number only as the next number, with the total the
    thread gives, as a first post, before the next number, or after `THREAD`/🧵; otherwise it
    is a line of text."""
    assert numbers(parse_text(text)) == expected


@pytest.mark.parametrize("indent", ["", "  ", "    ", "\t\t", " " * 24])
def test_a_marker_indented_by_the_page_still_numbers_its_post(indent: str) -> None:
    """A copied page's markup indents its blocks: blanks before a marker carry no meaning."""
    corpus = parse_text(f"1/ The tide turned at noon.\n{indent}2/ The boats went out.\n")
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus) == [["The tide turned at noon.", "The boats went out."]]


@pytest.mark.parametrize("indent", ["", "   ", " " * 24])
def test_list_numbers_indented_by_the_page_still_number_posts(indent: str) -> None:
    """`3.`, `4.`, `6.` skip a number, so they number posts, however deep the page indents them."""
    corpus = parse_text(
        "The flood, one village at a time.\n"
        f"{indent}3. Millbrook lost its footbridge.\n"
        f"{indent}4. Ashford kept its bridge.\n"
        f"{indent}6. Lower Heath is cut off at high tide.\n"
    )
    assert numbers(corpus) == [[None, 3, 4, 6]]
    assert texts(corpus)[0][3] == "Lower Heath is cut off at high tide."


def test_a_list_restarting_among_list_numbered_posts_stays_in_its_post() -> None:
    """Posts numbered `1.` to `3.` (more text than one post holds), then a short list `1.`,
    `2.` inside post 3: the list is the post's, whole."""
    item = (
        "a long line about the harbour works, the dredger, the new moorings and the fees, in detail"
    )
    item += " for the owners"
    corpus = parse_text(
        f"1. {item}.\n2. {item}.\n3. {item}. Two rules:\n1. No mooring.\n2. No fishing.\n"
    )
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][2] == f"{item}. Two rules:\n1. No mooring.\n2. No fishing."


def test_end_in_capitals_inside_a_post_numbered_first_is_text() -> None:
    """`END` alone under a post numbered before its text is no mark of the author's last
    post there: it stays a line of that post."""
    corpus = parse_text("1/ The film ran two hours.\nEND\n2/ Then we went home.\n")
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus)[0][0] == "The film ran two hours.\nEND"
