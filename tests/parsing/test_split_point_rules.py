"""Where a source may be cut for `threadline stats`, rule by rule: after strong chrome, never
under a line the other side of the cut reads, at restarts, and around a teaser's numbers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import parsing.split_points
from parsing.chrome_blog import (
    CREDIT_DASH,
    credit_handles,
    handles_differ_across,
    handles_differ_at,
)
from parsing.split_points import (
    is_anchor,
    safe_split,
    split_unnormalised,
)

from .test_split_points import allowed_cuts, assert_cuts_parse_like_the_whole, layout, stretch_cuts


def test_cut_after_strong_chrome() -> None:
    """The line after an end-of-thread chrome line is a cut."""
    raw = b"1/ a\n2/ b\nforce a refresh\n\n1/ c\n"
    assert raw.index(b"force a refresh\n") + 16 in allowed_cuts(raw)
    assert safe_split(raw) == raw.index(b"force a refresh\n") + 16


def test_cut_after_weak_chrome_judged_by_its_neighbour() -> None:
    """A line that is chrome only next to other chrome is closed over with it: the cut comes
    after it, never between the two."""
    raw = b"1/ a\nforce a refresh\nShare\n1/ c\n"
    assert allowed_cuts(raw) == [raw.index(b"1/ c")]


def test_no_cut_at_the_name_after_keep_current() -> None:
    """`Keep Current with` alone makes the next line chrome, even a marker line: it is no
    anchor, and the cut comes after it."""
    raw = b"1/ a\nKeep Current with\n1/ Ana\n1/ b\n"
    assert not is_anchor(raw, raw.index(b"1/ Ana"))
    assert allowed_cuts(raw) == [raw.index(b"1/ b")]


def test_no_cut_between_a_listing_and_its_teaser_dates() -> None:
    """A bare date under `More from @x` is chrome by that line: no cut between the two, as the
    part below would read the date as text; the next numbered post ends the listing."""
    raw = b"1/ a\nMore from @ana\nSeaside cottages\nJun 22\n1/ b\n"
    assert allowed_cuts(raw) == [raw.index(b"1/ b")]
    assert_cuts_parse_like_the_whole(raw, allowed_cuts(raw) + stretch_cuts(raw))


def test_no_cut_under_a_link_back_to_the_source() -> None:
    """`Read on Twitter` is chrome when it ends the text: a part cut right under it would read
    it so, where the whole goes on under it and keeps it in its post."""
    raw = b"1/ a\n2/ b\nRead on Twitter\n1/ c\n"
    assert raw.index(b"1/ c") not in allowed_cuts(raw)
    assert_cuts_parse_like_the_whole(raw, allowed_cuts(raw) + stretch_cuts(raw))


def test_no_cut_under_the_start_of_a_chrome_line_a_space_ends() -> None:
    """`Thank you for your sup ` ending the text is what a cut copy left of a chrome line: a
    part cut right under it would read it so, where the whole goes on under it and keeps it as
    text."""
    raw = b"1/ a\n2/ b\nThank you for your sup \n1/ c\n"
    assert raw.index(b"1/ c") not in allowed_cuts(raw)
    assert_cuts_parse_like_the_whole(raw, allowed_cuts(raw) + stretch_cuts(raw))


def test_no_cut_under_a_head_that_leads_the_line_below() -> None:
    """A bare `THREAD` leads the line of structure under it, and what it then is depends on
    that line (under `24/7 1/`, a date that numbers no post, it stays text of the post above):
    a part ending at the head would open a thread with it instead, so no cut is offered there.
    """
    raw = b"1/ word\nTHREAD\n24/7 1/\n1/ word"
    assert raw.index(b"24/7") not in allowed_cuts(raw)
    assert_cuts_parse_like_the_whole(raw, allowed_cuts(raw) + stretch_cuts(raw))


def test_no_cut_above_lone_separators_read_by_the_marker_over_the_cut() -> None:
    """A run of lone `-` lines is an author's divider inside a post a number opens, and page
    chrome elsewhere: with no line of structure between the cut and the run, the whole reads
    it by the `1/` above the cut, a part starting at the cut by nothing, so no cut there."""
    raw = "1/ word\n• • •\nword 1/\n-\n-".encode()
    assert raw.index(b"word 1/") not in allowed_cuts(raw)
    assert_cuts_parse_like_the_whole(raw, allowed_cuts(raw) + stretch_cuts(raw))


def test_cut_at_a_restart_after_plain_lines() -> None:
    """`1/` after a numbered post and plain continuation lines is a cut at the marker."""
    raw = b"1/ a\n2/ b\nmore of b\n\n1/ c\n"
    assert allowed_cuts(raw) == [raw.index(b"1/ c")]


def test_cut_above_a_restart_where_its_first_post_begins() -> None:
    """A line with a `thread` cue above `1/` opens the new thread: the cut is at that line."""
    raw = b"1/ a\n2/ b\nA new thread on grids\n1/ c\n"
    assert allowed_cuts(raw) == [raw.index(b"A new")]


def test_no_marker_anchor_under_an_emoji_lead() -> None:
    """An emoji line may lead the marker under it: that marker is no anchor."""
    raw = b"1/ a\n2/ b\n\xe2\x9a\xa1\xef\xb8\x8f\xe2\x9a\xa1\xef\xb8\x8f\n1/ c\n"
    assert not is_anchor(raw, raw.index(b"1/ c"))
    assert is_anchor(raw, raw.index(b"2/ b"))


def test_cut_at_the_unnumbered_first_post_of_a_restart_at_2() -> None:
    """`2/` after a higher number takes the paragraph above it as post 1: the cut is there."""
    raw = b"1/ a\n2/ b\nend of b\n\nFirst post\n2/ c\n"
    assert allowed_cuts(raw) == [raw.index(b"First post")]


def test_no_cut_at_a_marker_that_continues_the_thread() -> None:
    """`2/` under `1/` continues the thread: no cut."""
    raw = b"1/ a\n2/ b\n"
    assert allowed_cuts(raw) == []


def test_no_cut_at_a_file_without_structure() -> None:
    """Text with neither chrome nor restarts offers no cut."""
    raw = b"just words\n" * 1000
    assert safe_split(raw) is None


def test_safe_split_looks_before_the_middle_too() -> None:
    """With the only cut a little before the middle, `safe_split` still finds it."""
    raw = b"words\n" * 400 + b"1/ a\n2/ b\n1/ c\n" + b"more words\n" * 300
    assert safe_split(raw) == raw.index(b"1/ c")


def test_a_stretch_does_not_take_its_first_line_for_the_first_of_the_source() -> None:
    """A marker line that opens a stretch is no anchor: the line above it is unknown."""
    raw = b"1/ a\nmore\n1/ b\n"
    assert is_anchor(raw, 0)
    assert not is_anchor(raw, 0, whole=False)


def test_no_cut_right_above_a_line_shaped_as_a_page_title() -> None:
    """`A thread written by @x` is the page's title where a page starts (the first line, under
    a block of strong chrome) and text elsewhere, here under a weak line that strong chrome
    confirms: the layout starts afresh above it, but a part starting there would read it as
    the title, so no cut is offered there."""
    raw = "• • •\nShare\nA thread written by @ana\nword\n".encode()
    cuts = allowed_cuts(raw) + stretch_cuts(raw)
    assert raw.index(b"A thread") not in cuts
    assert_cuts_parse_like_the_whole(raw, cuts)


_LISTING_LINES = "Apr 2 • 7 tweets • 2 min read\nA title\nFeb 2 • 4 tweets • 1 min read\n".encode()


def test_a_teasers_next_number_is_looked_for_as_far_as_the_layout_reads() -> None:
    """A teaser opened by `1/` under a listing's line whose next number, glued after a
    sentence's end, stands many lines further on (over 4 kB) with no line of structure between:
    the layout splits the teaser there, so no cut is offered at the marker."""
    raw = (
        _LISTING_LINES
        + b"1/ The first lock was dug.\n"
        + b"More words on the lock.\n" * 200
        + b"The end. 2/ The second by navvy.\n"
    )
    assert [number for number, _ in layout(raw)[0][1]] == [1, 2]
    cuts = allowed_cuts(raw)
    assert raw.index(b"1/ The first") not in cuts
    assert_cuts_parse_like_the_whole(raw, cuts)


def test_a_number_past_the_teasers_next_line_of_structure_does_not_hold_a_cut() -> None:
    """A next number under strong chrome below the teaser is no number of the teaser: the
    layout stops at that line, and so does the look for it, so the cut at the marker stays."""
    raw = _LISTING_LINES + "1/ The first lock.\n• • •\nThe end. 2/ More text.\n".encode()
    assert [[number for number, _ in thread] for thread in layout(raw)[0]] == [[0], [1], [0]]
    cuts = allowed_cuts(raw)
    assert raw.index(b"1/ The first") in cuts
    assert_cuts_parse_like_the_whole(raw, cuts)


def test_a_run_of_bare_numbers_ends_at_a_marker_with_text_as_at_a_parts_end() -> None:
    """Bare `1/` lines under a sentence that opens a thread, text under the last, then
    `🧵 1/ word`: the whole once read the run as leading numbers (the marker with text taken
    for the run's next number) where the part ending above the marker read it as closing the
    text above, so the cut there gave other posts. The marker ends the run in both now; the
    text above it then opens the new thread, so no cut is offered at the marker."""
    raw = "1/ word\nTHREAD\nWrites about tides.\n1/\n1/\nword 1/\n🧵 1/ word".encode()
    assert layout(raw)[0][1] == [(1, "THREAD\nWrites about tides."), (1, "")]
    cuts = allowed_cuts(raw) + stretch_cuts(raw)
    assert_cuts_parse_like_the_whole(raw, cuts)


def test_a_stretch_ending_inside_a_teaser_offers_no_cut_at_its_first_marker() -> None:
    """A stretch that ends inside a teaser opened by `1/` under a listing's line cannot tell
    whether the teaser's next number follows past its end (`word. 2/ word` here): the whole
    splits the teaser there, a part starting at the marker would not, so no cut is offered."""
    raw = "12 tweets • 3 min read\n1/ word\nword. 2/ word".encode()
    assert [number for number, _ in layout(raw)[0][0]] == [1, 2]
    cuts = stretch_cuts(raw)
    assert raw.index(b"1/ word") not in cuts
    assert_cuts_parse_like_the_whole(raw, cuts + allowed_cuts(raw))


def test_no_anchor_at_a_number_above_1_opening_a_teaser_under_its_date() -> None:
    """`3/4 Of the moorings …` right under a teaser's date line is the teaser's text
    (`teaser_openings`), by the date line above it: no part may start there."""
    raw = "Apr 9 • 4 tweets • 1 min read\n3/4 Of the moorings\n".encode()
    assert not is_anchor(raw, raw.index(b"3/4 Of"))
    bare = b"Apr 9\n3/4 Of the moorings\n"
    assert not is_anchor(bare, bare.index(b"3/4 Of"))


def test_no_cut_under_the_start_of_a_count_label_a_space_ends() -> None:
    """`Retwe ` under a count ending the text is what a cut copy of a tweet page left of the
    label `Retweets`: a part cut right under it would read it and the count as the page's,
    where the whole goes on under it and keeps both in the tweet."""
    raw = "@wren\n·\nMar 3\n1/ a\n2/ b\n12\nRetwe \n1/ c\n2/ d\n".encode()
    assert raw.index(b"1/ c") not in allowed_cuts(raw)
    assert_cuts_parse_like_the_whole(raw, allowed_cuts(raw) + stretch_cuts(raw))


def _credits_far_apart(second_handle: str, dash: str = "\u2014") -> bytes:
    """An embed's credit, many short threads, another embed's credit: the threads lie far
    from both credits, past any window looked at around the middle."""
    threads = "".join(f"1/ word {n}\n2/ word\n\n" for n in range(400))
    return (
        f"1/ word\nword {dash} Ana (@ana) March 3, 2020\n{threads}"
        f"1/ word\nword. {dash} Bo Lee (@{second_handle}) May 1, 2021\n"
    ).encode()


def test_no_cut_between_credits_of_different_handles_outside_the_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The lower credit is read against the last one above, however far up (`embed_ends`): a
    cut between credits under different handles is declined though the window looked in
    around the middle holds neither; under one handle the cut stands."""
    monkeypatch.setattr(parsing.split_points, "_WINDOW", 1024)
    assert split_unnormalised(_credits_far_apart("ana")) is not None
    assert split_unnormalised(_credits_far_apart("bo")) is None


@pytest.mark.parametrize("dash", ["\u2013", "--"])
def test_no_cut_between_credits_of_different_handles_after_any_credit_dash(
    monkeypatch: pytest.MonkeyPatch, dash: str
) -> None:
    """A credit after an en dash or `--` (a copy's or a converter's em dash) ends a post as an
    em dash's does (`embed_ends`), so the cut between two under different handles is declined
    alike."""
    monkeypatch.setattr(parsing.split_points, "_WINDOW", 1024)
    assert split_unnormalised(_credits_far_apart("ana", dash)) is not None
    assert split_unnormalised(_credits_far_apart("bo", dash)) is None


_CREDIT_PIECES = [
    "\u2014 Ana (@ana) March 3, 2020\n", "\u2014 Bo (@Bo) May 1, 2021", "\u2014 (@ana)",
    "\u2013 Cy (@cy) June 2, 2019\n", "-- Di (@di) July 4, 2018\n", "-", "\u2013",
    "\u2014", "\u2014\u2014", "\u201d", "\u201c", "\u0414", "\u4e94", "(@bo)", "text ", "\n",
    "1/ ",
]  # fmt: skip
"""Credits after each credit dash, dashes without one, and other characters whose UTF-8 ends
as a dash's does."""


@given(st.lists(st.sampled_from(_CREDIT_PIECES), max_size=12), st.floats(0, 1))
def test_handles_differ_at_one_point_as_across_the_list_of_credits(
    pieces: list[str], where: float
) -> None:
    """At any point, the search from the point outwards says what the whole list of credits
    says (it is the one a large file's single cut is checked with)."""
    buf = "".join(pieces).encode()
    point = int(len(buf) * where)
    assert handles_differ_at(buf, point) == handles_differ_across(credit_handles(buf), point)


@given(st.lists(st.sampled_from(_CREDIT_PIECES), max_size=12))
def test_credit_handles_are_the_credits_at_every_credit_dash(pieces: list[str]) -> None:
    """Each place where a credit's shape matches (it opens with any credit dash), with its
    handle in small letters, in file order: the dashes found by their last byte are every
    dash a plain search finds."""
    buf = "".join(pieces).encode()
    shaped = re.compile(CREDIT_DASH.encode() + rb"[^\n]{0,80}?\(@(\w{1,15})\)")
    expected = [
        (start, named[1].lower())
        for start in range(len(buf))
        if (named := shaped.match(buf, start)) is not None
    ]
    assert credit_handles(buf) == expected
