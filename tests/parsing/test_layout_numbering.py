"""Numbering as authors write it, one fixture (tests/fixtures/layout/) per style, with the rules
that tell a post's number from a list's or a date's. Each case states the threads, their post
numbers and where they come from, as test_layout does for the other rules (the styles at a
glance, written inline: test_numbering_styles)."""

from __future__ import annotations

from typing import Any

import pytest

from parsing import load_corpus

from .helpers import FIXTURES, numbers, parse_text, summary, texts

LAYOUT = FIXTURES / "layout"


def load(name: str) -> Any:
    return load_corpus([LAYOUT / name])


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


def test_end_in_capitals_inside_a_post_numbered_first_is_text() -> None:
    """`END` alone under a post numbered before its text is no mark of the author's last
    post there: it stays a line of that post."""
    corpus = parse_text("1/ The film ran two hours.\nEND\n2/ Then we went home.\n")
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus)[0][0] == "The film ran two hours.\nEND"
