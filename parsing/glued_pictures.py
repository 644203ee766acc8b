"""`Image` glued to the number marker of the post after it, in the middle of a line.

Thread Reader App shows a post's picture as the word `Image` after the post's text, and a copy
often runs it into the next post's marker on one line (`… of the week.Image2/ Text`). Such a
marker numbers a post only where it continues the numbering above it (`with_glued_markers`);
the `Image` before it is then blanked (`blank_glued_picture`)."""

from __future__ import annotations

import re
from bisect import bisect_left

from .byte_source import ByteSource
from .events import (
    CHROME,
    DATE,
    EMOJI,
    HEAD,
    MARKER,
    PASS,
    PICTURE_END,
    Event,
    end_of_run,
    marker_event,
)
from .events import numbered as _numbered
from .neighbours import BLANK
from .pictures import ends_sentence, marks_end

# A picture's place glued to the marker of the post after it ("Image2/ Text"): at a line start
# a marker line (`lines`).
PICTURED_MARKER = rb"Image[ \t]*" + _numbered("pictured_num", "pictured_total")
# The same glued in the middle of a line, to the text of the post above (`… of the week.Image2/
# Text`): a marker only with its post's text after it on the line, and only where its number
# continues the thread (`with_glued_markers`). In the same search (one pass over the buffer,
# from the literal `Image`), `after`: an `Image` word after a blank that a marker's slash,
# digit, bracket or unknown total (`1/n`, `1/x`, `1/?`) precedes, a picture's mark after a
# post numbered at its end (`… June.🧵1/ Image The next post…`; several pictures' marks may
# be glued together, `1/ ImageImage`, where nothing else is glued on: `ImageImageMagick` is a
# word), confirmed by `_AFTER_MARKER`.
_GLUED = re.compile(
    rb"Image(?:(?<=[/\d)\]nNxX?][ \t]Image)(?P<after>)(?=(?:Image)*(?:[ \t]|\n|\Z))"
    rb"|(?P<pictured>[ \t]*" + _numbered("pictured_num", "pictured_total") + rb")(?=[^ \t\n]))"
)
_AFTER_MARKER = re.compile(rb"[(\[]?\d{1,3}/(?:\d{1,3}|[nNxX?])?[)\]]?[ \t]+\Z")
_AT_LINE_END = re.compile(rb"[ \t]*(?:\n|\Z)")
_MARKER_REACH = len(b"[123/123] ")
_PICTURE_WORD = len(b"Image")


def holds_glued_marker(buf: ByteSource, start: int, stop: int) -> bool:
    """Does `buf[start:stop]` (from a line start) hold a marker glued to `Image` in the middle
    of a line? Whether it numbers a post depends on the marker above it (`with_glued_markers`)."""
    return bool(pictures_in_lines(buf, start, stop)[0])


def pictures_in_lines(
    buf: ByteSource, start: int, stop: int
) -> tuple[list[re.Match[bytes]], list[int]]:
    """In `buf[start:stop]` (from a line start), the matches of markers glued to `Image` that
    have text before them on their line; and where each `Image` starts that follows, with a
    blank, a marker with text before it on its line, at the line end or after a sentence's end
    (`ends_sentence`): Thread Reader App prints a post's picture after its number (`…
    boring.🧵1/ Image In the town … 2/ Image`), so the word there is the picture's mark (at a
    line start, `1/ Image`, it is a post's only text: kept).
    Each line start is looked for back to the match before, no further: a long line with many
    matches is read once."""
    found = []
    after: list[int] = []
    line_start = floor = start
    for match in _GLUED.finditer(buf, start, stop):
        at = match.start()
        line_start = max(buf.rfind(b"\n", floor, at) + 1, line_start)
        floor = at
        if match["after"] is None:
            if BLANK.fullmatch(buf, line_start, at) is None:
                found.append(match)
            continue
        marker = _AFTER_MARKER.search(buf, max(line_start, at - _MARKER_REACH), at)
        if marker is None or BLANK.fullmatch(buf, line_start, marker.start()) is not None:
            continue
        # Mid-line, the word may begin the next post's text (`Sold at 3/ Image Comics…`): a
        # mark only where a sentence ends before the number, as a post's text does.
        rest = marks_end(buf, match.end(), len(buf))
        if _AT_LINE_END.match(buf, rest) or ends_sentence(buf, line_start, marker.start()):
            after.append(at)
    return found, after


def blank_pictures(buf: bytearray, spots: list[int], events: list[Event]) -> list[Event]:
    """Take the `Image` at each of `spots` (`pictures_in_lines`) out of its line, with the
    blanks after it: the rest of the line moves over it, up to the next line of structure on
    it (`events`: a marker glued mid-line, which must stay where it was found), and the freed
    bytes are blanks there. Blanked in place, the word would leave a run of spaces in the post
    (`… 1/      In the town`); moved, the post reads as the author wrote it, the line stays
    in its post and no line moves. Returns `events` with each `PICTURE_END` (`picture_ends`)
    in the moved text moved with it."""
    for spot in reversed(spots):  # right to left: moving a line's end leaves spots before it
        stop = buf.find(b"\n", spot)
        stop = len(buf) if stop < 0 else stop
        following = bisect_left(events, (spot,))
        ends = following
        while ends < len(events) and events[ends].start < stop:
            if events[ends].kind != PICTURE_END:
                stop = events[ends].start
                break
            ends += 1
        cut = marks_end(buf, spot + _PICTURE_WORD, stop)
        buf[spot:stop] = buf[cut:stop] + b" " * (cut - spot)
        if ends > following:  # the split a picture's mark may make moves with the text
            width = cut - spot
            events[following:ends] = [
                event._replace(
                    start=event.start - width,
                    text_start=event.text_start - width
                    if event.text_start >= cut
                    else event.text_start,
                )
                for event in events[following:ends]
            ]
    return events


def with_glued_markers(
    buf: ByteSource, events: list[Event], glued: list[re.Match[bytes]]
) -> list[Event]:
    """`events` with the markers of `glued` (`_GLUED` in the middle of a line) that number the
    next post, each a `MARKER` that starts where its number does (`Image` before it is blanked
    with the chrome, see `lines.blank_outside_posts`).

    Read as a marker wherever it stood, a number glued to `Image` by chance would cut a post;
    so it is one only where it continues the numbering above it, as a marker continues a run of
    posts (`end_of_run`): the nearest marker above (past emoji-only lines and chrome the thread
    goes on past), or, as `2/`, an unnumbered first post (under chrome, a head, or the text's
    start). Anything else stays text of the post it stands in."""
    # For each event, the nearest at or above it that the thread does not go on past: found in
    # one pass, so that a long run of such lines is not walked again for each glued marker.
    solid: list[int] = []
    nearest = -1
    for index, event in enumerate(events):
        nearest = nearest if event[1] in (EMOJI, PASS) else index  # [1]: the kind
        solid.append(nearest)
    accepted: list[Event] = []
    for match in glued:
        at = match.start() + _PICTURE_WORD
        while buf[at] in b" \t":
            at += 1
        marker = marker_event(
            at, int(match["pictured_num"]), match["pictured_total"], match.end(), False
        )
        if marker is None:
            continue  # a year
        index = bisect_left(events, (at,))
        if index and events[index - 1].kind in (CHROME, PASS) and events[index - 1].text_start > at:
            continue  # inside a line of chrome
        above = events[solid[index - 1]] if index and solid[index - 1] >= 0 else None
        if accepted and (above is None or accepted[-1].start > above.start):
            above = accepted[-1]
        if above is not None and above.kind in (MARKER, DATE):
            if above.text_start >= match.start():
                continue  # `1/ Image3/`: no text of the post above before the picture
            last = above.number
        elif (above is None or above.kind in (CHROME, HEAD)) and marker.number == 2:
            last = 1  # the unnumbered post above is post 1
        else:
            continue
        if end_of_run([marker], 0, last) == 1:
            accepted.append(marker._replace(kind=MARKER))
    return sorted(events + accepted) if accepted else events


def blank_glued_picture(buf: bytearray, start: int) -> None:
    """Blank the `Image` (and blanks) before the marker at `start` that a copy glued to it in
    the middle of a line (`with_glued_markers`): the post above ends before it."""
    at = start
    while buf[at - 1] in b" \t":
        at -= 1
    at -= _PICTURE_WORD
    buf[at:start] = b" " * (start - at)
