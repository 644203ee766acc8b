"""Unnumbered posts of several lines, each ended by its picture's `Image`.

Thread Reader App prints a post's pictures after its text, never inside it, so in a copy the
word `Image` at a line end closes the post it follows. Where the author numbered nothing, that
mark is all that shows where one post ends and the next begins (`… before the boats go out.
Image` / `The keeper's cottage, now a cafe. Image` / …), and a post may run over several lines
(its paragraphs) before its mark.

A stretch of text between two lines of structure, under no number marker and with no number
ending any of its lines, that holds two or more such marks right after a sentence's end is read
as such a run (`Image` alone after a finished sentence is no word of it, while a word ending a
line, `… published by Image`, may be the author's, and two such lines are no evidence): each mark
is blanked (it is no word of the post) and the text under it starts a post. A copy may put each
mark on a line of its own under its post's text: such lines in a run are chrome the thread goes
on past, each ending its post (`lone_marks_ending_posts`). One mark alone in a
stretch cuts nothing (`pictures.blank_trailing` reads the marks that end a stretch): a post may
show a picture above more text of its own (a quoted tweet's), and no run says otherwise; the
mark is blanked all the same (`blank_marks_left`). A numbered thread keeps its numbers'
reading: there the numbers say where posts end, and its marks inside posts go the same way.
A mark on a line of its own that ends no post (no run, or numbers say where posts end) is a
picture inside its post, numbered or not: it is blanked where it stands, and its post goes on
under it (`_blank_lone_mark`), but right under a number ending a line, where the layout reads
it as the picture of the post that number ends.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from .events import DATE, MARKER
from .neighbours import Line, next_nonblank_line, previous_nonblank_line
from .pictures import (
    PICTURE_WORD,
    ends_sentence,
    ends_text,
    is_lone_picture,
    marks_start,
    opens_with_list_number,
)
from .trailing_numbers import first_trailer

Structure = tuple[int, int, int, int, bool]
"""A line of structure as `events.Event` gives it: its start and its kind first."""

_MARK_AT_LINE_END = re.compile(rb"Image(?=\n|\Z)")
_NUMBERED = (MARKER, DATE)
_RUNS_ON = re.compile(rb"\n[ \t]*[a-z]")
"""A line opening in lower case right under a mark: the sentence before the mark goes on."""


def starts_under_pictures(
    buf: bytearray, events: Sequence[Structure]
) -> tuple[list[int], list[tuple[int, int]], list[int]]:
    """Blank the marks of the runs of pictured lines in unnumbered stretches of `buf` (see the
    module's note) and return the starts of the lines under them, where posts begin; with,
    apart, every other picture's mark ending a line after its text (`ends_text`), left as it
    was: (start, end) of each run of marks (see `blank_marks_left`); and the ends of the lines
    of marks alone blanked inside posts (`_blank_lone_mark`)."""
    stretches: dict[int, list[tuple[int, int, bool]]] = {}
    left: list[tuple[int, int]] = []
    lone: list[int] = []
    above = [-1, 0, 0]
    for match in _MARK_AT_LINE_END.finditer(buf):
        start = buf.rfind(b"\n", 0, match.start()) + 1
        spot = marks_start(buf, start, match.start())
        if spot == start or (spot > start and not buf[start:spot].strip()):
            if _blank_lone_mark(buf, events, (start, match.end()), above):
                lone.append(match.end())
        elif ends_text(buf, start, spot):
            index = bisect_left(events, (start,))
            if index < len(events) and events[index][0] == start:
                left.append((spot, match.end()))
                continue  # a line of structure
            after_sentence = ends_sentence(buf, start, spot)
            stretches.setdefault(index, []).append((spot, match.end(), after_sentence))
    starts: list[int] = []
    for index, marks in stretches.items():
        if not _is_run(buf, events, index, marks):
            left += [(spot, end) for spot, end, _ in marks]
            continue
        high = _stretch(buf, events, index)[1]
        for spot, end, _ in marks:
            buf[spot:end] = b" " * (end - spot)
            below = next_nonblank_line(buf, end)
            if below is not None and below[0] < high and not opens_with_list_number(buf, below):
                starts.append(below[0])
    return starts, left, lone


def _blank_lone_mark(
    buf: bytearray, events: Sequence[Structure], line: tuple[int, int], above: list[int]
) -> bool:
    """Blank the marks alone on the `line` (start, end) that is no line of structure (chrome
    between two posts is one): a picture inside a post, numbered or not, which goes on under it
    (see the module's note). Right under a line that ends in a number (other lone marks and
    blank lines between), the layout reads the mark as that post's picture
    (`layout_posts._past_pictures`) where that number ends a post, and one number at a line end
    numbers nothing: such a mark is left to it. Only the lines above the mark are read, as a
    part of the file cut below it reads them. `above` holds the stretch (the index of the line of
    structure under it, -1: none yet) and the end of the last lone mark read, and whether the
    line over that mark ends in a number: a mark right under it in the same stretch shares its
    answer, so a run of many marks is read once. True when blanked."""
    start, end = line
    index = bisect_left(events, (start,))
    if index < len(events) and events[index][0] == start:
        return False  # a line of structure: chrome, read as such
    if not is_lone_picture(buf, *line):
        return False
    if above[0] == index and not buf[above[1] : start].strip():
        under_number = bool(above[2])
    else:
        under_number = _under_number(buf, start, _stretch(buf, events, index)[0])
    above[:] = [index, end, under_number]
    if under_number:
        return False
    buf[start:end] = b" " * (end - start)
    return True


def _under_number(buf: bytearray, start: int, low: int) -> bool:
    """Does the last line above `start` (from `low`, the top of its stretch) with text of its
    own, lone marks and blank lines passed over, end in a post's number?"""
    line = previous_nonblank_line(buf, start)
    while line is not None and line[0] >= low and is_lone_picture(buf, *line):
        line = previous_nonblank_line(buf, line[0])
    return line is not None and line[0] >= low and first_trailer(buf, *line) is not None


def _is_run(
    buf: bytearray, events: Sequence[Structure], index: int, marks: list[tuple[int, int, bool]]
) -> bool:
    """Do the `marks` of the stretch above `events[index]` make a run of pictured posts: two
    or more after a sentence's end, under no number marker and no number ending a line?"""
    if sum(after_sentence for _, _, after_sentence in marks) < 2:
        return False
    return not _is_numbered(buf, events, index)


def _stretch(buf: bytes | bytearray, events: Sequence[Structure], index: int) -> tuple[int, int]:
    """The bounds of the stretch of `buf` between `events[index - 1]`'s line and `events[index]`."""
    low = buf.find(b"\n", events[index - 1][0]) + 1 if index else 0
    high = events[index][0] if index < len(events) else len(buf)
    return low, high


def _is_numbered(buf: bytes | bytearray, events: Sequence[Structure], index: int) -> bool:
    """Do numbers tell where the posts of the stretch above `events[index]` end: it is under a
    number marker (or a listing's date), or a number ends one of its lines?"""
    if index and events[index - 1][1] in _NUMBERED:
        return True
    return first_trailer(buf, *_stretch(buf, events, index)) is not None


def blank_marks_left(buf: bytearray, left: Sequence[tuple[int, int]]) -> list[int]:
    """Blank the picture marks `left` (`starts_under_pictures`) that the blanking at posts'
    ends left in the text (`pictures.blank_trailing`): a mark ending a line inside a post,
    above more of its text (`1/ The quay at dawn. Image` / `The ferry was late.`). It is no
    word of the post wherever it stands; where the post ends there is left as the rest of the
    layout reads it (one mark is no evidence of a post's end, see the module's note), and the
    line keeps its text, so it stays in its post. A mark after a word, the line right under it
    going on in lower case, is a word of the sentence (a product's name) and stays. Returns
    the ends of the lines whose marks it blanked."""
    blanked: list[int] = []
    for spot, end in left:
        if buf[end - PICTURE_WORD : end] != b"Image":
            continue
        line_start = buf.rfind(b"\n", 0, spot) + 1
        if _RUNS_ON.match(buf, end) and not ends_sentence(buf, line_start, spot):
            continue  # `We launched Image` / `and it sold out`: a name the sentence runs on past
        buf[spot:end] = b" " * (end - spot)
        blanked.append(end)
    return blanked


def lone_marks_ending_posts(
    buf: bytes | bytearray, lines: Sequence[Line], events: Sequence[Structure]
) -> list[Line]:
    """The lone `Image` lines among `lines` that end unnumbered posts: a copy that put each
    post's mark on a line of its own under its text (`… before the boats go out.` / `Image` /
    `The keeper's cottage …`). Each stands under a finished sentence with text under it, in a
    stretch between two of `events` (the lines of structure found so far) that holds two or
    more marks after a sentence's end, lone or ending a line, under no number marker and with
    no number ending a line: a run, read as the runs of marks at line ends are. Such a line is
    chrome the thread goes on past: it ends the post above, and the text under it is the next
    post. One mark alone, or in a numbered stretch, stays text (see the module's note)."""
    stretches: dict[int, list[Line]] = {}
    for line in lines:
        if not is_lone_picture(buf, *line):
            continue
        index = bisect_left(events, (line[0],))
        above = previous_nonblank_line(buf, line[0])
        if (
            above is not None
            and ends_sentence(buf, *above)
            and next_nonblank_line(buf, line[1]) is not None
        ):
            stretches.setdefault(index, []).append(line)
    found: list[Line] = []
    for index, lone in stretches.items():
        low, high = _stretch(buf, events, index)
        if len(lone) + _marks_after_sentences(buf, low, high, 2 - len(lone)) < 2:
            continue
        if not _is_numbered(buf, events, index):
            found += lone
    return found


def _marks_after_sentences(buf: bytes | bytearray, low: int, high: int, wanted: int) -> int:
    """How many marks end a line of `buf[low:high]` after a sentence's end, counted up to
    `wanted` at most."""
    count = 0
    for match in _MARK_AT_LINE_END.finditer(buf, low, high):
        if count >= wanted:
            break
        start = buf.rfind(b"\n", low, match.start()) + 1
        spot = marks_start(buf, start, match.start())
        count += spot > start and ends_sentence(buf, start, spot)
    return count
