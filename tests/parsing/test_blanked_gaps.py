"""Closing the blanks picture marks left inside posts (`blanked_gaps`) moves text, never loses
or repeats a byte of it: every line keeps its number and its text, only blanks at line ends
move, and no line of structure moves."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from parsing.blanked_gaps import close_blanked_gaps

from .test_properties import PROPERTY

# A line: its text, whether it is a line of structure, how many blanks a mark left at its end.
lines = st.lists(
    st.tuples(st.sampled_from(["", "word", "two words", " led"]), st.booleans(), st.integers(0, 3)),
    max_size=12,
)


@PROPERTY
@given(lines, st.booleans())
def test_closing_gaps_keeps_every_lines_text_and_every_line_of_structure(
    rows: list[tuple[str, bool, int]], final_newline: bool
) -> None:
    """Whatever the lines, the lines of structure and the gaps: the buffer keeps its length and
    its newlines' count, each line its number and its text but for blanks at its end, each line
    of structure its start, and a buffer that ended in a newline still does."""
    text = "\n".join(words + " " * blanks for words, _, blanks in rows)
    buf = bytearray((text + "\n" if final_newline else text).encode())
    starts, at = [], 0
    for words, _, blanks in rows:
        starts.append(at)
        at += len(words) + blanks + 1
    events = [
        (start, 1, 1, start, False)
        for start, (_, is_structure, _) in zip(starts, rows, strict=True)
        if is_structure
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
    assert [line.rstrip(b" ") for line in buf.split(b"\n")] == [
        line.rstrip(b" ") for line in before.split(b"\n")
    ]
    for start, *_ in events:
        assert start == 0 or buf[start - 1] == 0x0A
        assert buf[start:].split(b"\n", 1)[0].rstrip(b" ") == before[start:].split(b"\n", 1)[
            0
        ].rstrip(b" ")
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
