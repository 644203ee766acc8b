"""Closing the blanks picture marks left inside posts (`blanked_gaps`) moves text, never loses
or repeats a byte of it: every line keeps its number and its text, only blanks at line ends
move, and no line of structure moves."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from parsing.blanked_gaps import close_blanked_gaps
from parsing.events import PICTURE_END

from .helpers import parse_bytes, texts
from .test_properties import PROPERTY
from .test_split_points import allowed_cuts, assert_cuts_parse_like_the_whole, stretch_cuts

# A line: its text, whether a line of structure starts it (1) or stands in its middle, glued to
# the text before it (2), how many blanks a mark left at its end.
lines = st.lists(
    st.tuples(
        st.sampled_from(["", "word", "two words", " led"]),
        st.sampled_from([0, 1, 2]),
        st.integers(0, 3),
    ),
    max_size=12,
)


def _before_structure(line: bytes, mid: int | None) -> bytes:
    """A line's text up to its structure in the middle (all of it if none), blanks at its end
    left out."""
    return (line if mid is None else line[:mid]).rstrip(b" ")


@PROPERTY
@given(lines, st.booleans())
def test_closing_gaps_keeps_every_lines_text_and_every_line_of_structure(
    rows: list[tuple[str, int, int]], final_newline: bool
) -> None:
    """Whatever the lines, the lines of structure (at a line start or in its middle) and the
    gaps: the buffer keeps its length and its newlines' count, each line its number and its
    text up to a structure in its middle, but for blanks at its end, each line of structure
    its start and the text from it to its line's end, and a buffer that ended in a newline
    still does."""
    text = "\n".join(words + " " * blanks for words, _, blanks in rows)
    buf = bytearray((text + "\n" if final_newline else text).encode())
    starts, at = [], 0
    for words, _, blanks in rows:
        starts.append(at)
        at += len(words) + blanks + 1
    # A structure in the middle of a line starts after its first byte and ends no text blanks.
    mids = [
        len(words) // 2 + 1 if kind == 2 and len(words) > 1 else None for words, kind, _ in rows
    ]
    events = [
        (start + (mid or 0), 1, 1, start + (mid or 0), False)
        for start, (_, kind, _), mid in zip(starts, rows, mids, strict=True)
        if kind == 1 or mid is not None
    ]
    gaps = [
        start + len(words) + blanks
        for start, (words, _, blanks) in zip(starts, rows, strict=True)
        if blanks
    ]
    before = bytes(buf)
    close_blanked_gaps(buf, events, gaps)
    assert len(buf) == len(before)
    assert buf.count(b"\n") == before.count(b"\n")
    after_starts = [0] + [at + 1 for at, byte in enumerate(buf) if byte == 0x0A]
    for row, (after_line, before_line) in enumerate(
        zip(buf.split(b"\n"), before.split(b"\n"), strict=True)
    ):
        mid = mids[row] if row < len(mids) else None
        # A structure in the middle of a line keeps its place in the buffer, not in its line.
        moved = None if mid is None else starts[row] + mid - after_starts[row]
        assert _before_structure(after_line, moved) == _before_structure(before_line, mid)
    for start, *_ in events:
        rest, was = buf[start:].split(b"\n", 1)[0], before[start:].split(b"\n", 1)[0]
        if start == 0 or before[start - 1] == 0x0A:
            assert start == 0 or buf[start - 1] == 0x0A
        assert rest.rstrip(b" ") == was.rstrip(b" ")
    assert buf.endswith(b"\n") == before.endswith(b"\n")


def test_closing_a_blanked_gap_moves_text_up_within_its_stretch() -> None:
    """The blanks a mark left at a line's end go to the end of the text under it, right above
    the next line of structure: the bytes, the newlines and that line stay where they were."""
    buf = bytearray(b"1/ One.      \nTwo.\nThree.\n2/ Four.\n")
    close_blanked_gaps(buf, [(0, 1, 1, 3, False), (26, 1, 2, 29, False)], [13])
    assert buf == bytearray(b"1/ One.\nTwo.\nThree.      \n2/ Four.\n")


def test_closing_a_blanked_gap_keeps_the_buffers_last_newline_last() -> None:
    """With no line of structure under the gap, the text under it still ends at the buffer's
    last newline: the blanks go before it, so a part of a file read alone ends as the whole
    file's bytes do there, and nothing follows that newline."""
    buf = bytearray(b"1/ One.      \nTwo.\nThree.\n")
    close_blanked_gaps(buf, [(0, 1, 1, 3, False)], [13])
    assert buf == bytearray(b"1/ One.\nTwo.\nThree.      \n")


def test_closing_a_gap_above_a_marker_mid_line_leaves_no_blanks_in_the_post() -> None:
    """A marker a copy glued to the post above in the middle of a line: the post's text ends
    where that marker starts, so the blanks go right before it, the text of its line moving up
    with the rest; the marker and what follows it on its line stay where they were."""
    buf = bytearray(b"1/ One.      \nTwo.\nThree.2/ Four.\n")
    marker = buf.index(b"2/")
    close_blanked_gaps(buf, [(0, 1, 1, 3, False), (marker, 1, 2, marker + 3, False)], [13])
    assert buf == bytearray(b"1/ One.\nTwo.\nThree.      2/ Four.\n")


def test_closing_a_gap_above_a_pictures_end_leaves_the_number_before_it_in_place() -> None:
    """A post ended in the middle of a line by its number and its picture's mark (a
    `PICTURE_END`, whose post above ends before the number): the blanks go right where that
    text ends, before the number, which stays where it was with all after it."""
    buf = bytearray(b"One.      \nTwo. 1/ Three.\n")
    number, picture_end = buf.index(b"1/"), buf.index(b"Three")
    close_blanked_gaps(buf, [(picture_end, PICTURE_END, 1, number - 1, False)], [10])
    assert buf == bytearray(b"One.\nTwo.       1/ Three.\n")


GLUED = (
    b"1/ The quay at dawn. Image\nThe ferry was late.Image2/ The gulls came in.\n"
    b"3/ The rain held off. Image\nThe nets dried by noon. Image2/ Wait, that was 4.\n"
)


def test_a_post_ended_by_a_glued_marker_keeps_no_blanks_of_a_mark_above() -> None:
    """A post whose picture's mark ends a line above more of its text, ended in the middle of
    a line by the next post's marker glued to it: its text reads as written, without the
    blanks the mark left (they once stayed at the end of the line above)."""
    corpus = parse_bytes(GLUED)
    assert texts(corpus)[0][:2] == ["The quay at dawn.\nThe ferry was late.", "The gulls came in."]
    assert all("  " not in text for thread in texts(corpus) for text in thread)


def test_cuts_above_a_glued_marker_under_a_blanked_mark_parse_like_the_whole() -> None:
    """Cut anywhere the layout allows, such a page read in two parts gives what the whole
    does: every cut a line start."""
    raw = GLUED * 3
    cuts = allowed_cuts(raw) + stretch_cuts(raw)
    assert cuts
    assert all(raw[cut - 1] == 0x0A for cut in cuts)
    assert_cuts_parse_like_the_whole(raw, cuts)
