"""Posts numbered at their end: `… sanctions. 1/`, `… weaker. 2/…`, `… (3/8)`.

Some authors put the number after the text instead of before it. Copied from a Thread Reader
App page, such a thread has no line that starts with a marker, so it arrives as one unnumbered
run of lines. Inside such a run, lines that end in a marker whose numbers rise (from 1 or 2,
two of them at least) end the posts they number; text after the last one is an unnumbered post.
Above a run from `2/N`, `1/N` in the middle of a line ends post 1 with that line.
A lone number at a line end, or numbers that do not rise, stay text: dates (`on 10/31`) and
fractions end lines too; but a lone `2/` with no total ending the run's last line, under text,
numbers it post 2 and the text above post 1 (a teaser cut after two posts).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .neighbours import skip_whitespace, trim_end
from .pictures import ends_sentence

# What may stand just before a number at a line end: a space, or the punctuation or emoji the
# author glued it to (`done.2/`, `…1/4`, `😀3/`; any non-ASCII character ends in a byte of
# 0x80-0xBF). Never a digit (`10/31/2020`), nor a dot after a digit (`version 2.1/`), nor a
# full-width at sign: `＠2` is a mention, as the entity scan reads it. A word or an emoticon
# (`… the harbour2/`, `:D3/`) only where the number ends the line, nothing after it: a word
# glued to a number with more on the line is a name or a path (`page1/ 2/`, `v1/ docs`), and
# only lower-case letters, a word's end (`COVID19/` is a name).
_WORD_GLUE = (
    rb"(?:(?<=[a-z][a-z])|(?<=[:;=][A-Za-z]))(?=[(\[]?\d{1,3}/(?:\d{1,3}|[nNxX?])?[)\]]?[ \t]*$)"
)
_GLUE = (
    rb"(?:(?<=[ \t])|(?<=[!?:;,)\"'*])|(?<=[^\d.]\.)|(?<=[\x80-\xbf])(?<!\xef\xbc\xa0)|"
    + _WORD_GLUE
    + rb")"
)
# What may stand just before the slash of a number written after it (`… safe. /2`, `🧵/1`, as
# some authors mirror the prefix `/2 Text`): a space or an emoji, or the end of the sentence
# the author glued it to (`change.../6`, `done!/3`); never a word, a digit or a path (`a/2`,
# `24 /7` reads `/7` only after a space, `1./2` is no sentence end, and a run must still rise).
_SLASH_GLUE = (
    rb"(?:(?<=[ \t])|(?<=[!?)\"'])|(?<=[^\d.]\.)|(?<=\.\.\.)|(?<=[\x80-\xbf])(?<!\xef\xbc\xa0))"
)
# The rest of the line after the number: `…` or `...`, then possibly one more token (the link or
# emoji the author added after the number).
_LINE_TAIL = rb"(?:\xe2\x80\xa6|\.\.\.)?(?:[ \t]+([^ \t\n]++))?[ \t]*$"
# A marker at the end of a line: `1/`, `2/…`, `3/8`, `(3/8)`, `[3/8]`, `4/n`, `4/x`, `4/?`,
# `(1 of 5)`, `(1of5)`, `(3)`, `/3`. A total of `x`, `?` or `many` says the author did not know
# it yet.
_TRAILER = re.compile(
    rb"(?:" + _GLUE + rb"(?:[(\[]?(\d{1,3})/(\d{1,3}|[nNxX?]|many)?[)\]]?"
    rb"|[(\[](\d{1,3})[ \t]?of[ \t]?(\d{1,3})[)\]]|\((\d{1,3})\))"
    rb"|" + _SLASH_GLUE + rb"/(\d{1,3}))" + _LINE_TAIL,
    re.MULTILINE,
)
# The same line end from its slash (or its `of`), with only a digit checked before it: a pattern
# that starts with a literal is found by the engine's fast search, where `_TRAILER` is tried at
# every position of the run. `_TRAILER` then reads on from the few bytes before the first such
# hint of a line (any match of its own further left would have a hint found first).
_TRAILER_HINTS = (
    re.compile(
        rb"/(?<=\d/)(?:\d{1,3}|[nNxX?]|many)?[)\]]?" + _LINE_TAIL.replace(b"([^", b"(?:[^"),
        re.MULTILINE,
    ),
    re.compile(
        rb"of(?:(?<=\dof)|(?<=\d of)|(?<=\d\tof))[ \t]?\d{1,3}[)\]]"
        + _LINE_TAIL.replace(b"([^", b"(?:[^"),
        re.MULTILINE,
    ),
    re.compile(
        rb"/(?<=[ \t\x80-\xbf!?)\"'.]/)\d{1,3}" + _LINE_TAIL.replace(b"([^", b"(?:[^"),
        re.MULTILINE,
    ),
    re.compile(
        rb"\)(?:(?<=\(\d\))|(?<=\(\d\d\))|(?<=\(\d\d\d\)))" + _LINE_TAIL.replace(b"([^", b"(?:[^"),
        re.MULTILINE,
    ),
)
_BEFORE_HINT = len(b" (123) ")
"""The most `_TRAILER` reads before the slash or `of` of its marker."""
_FIRST_NUMBERS = (1, 2)
MID_THREAD_RUN = 3
"""How many trailers in a row, each one higher than the last, a run needs when it starts past 2
(a page whose text begins mid-thread): two numbers at line ends that rise could be dates."""
# `end/` or `/end` at the end of the line after the last number, or alone on a line under its
# text: the author's last post.
_END = re.compile(
    rb"(?:(?<=[ \t.!?\n])|(?<=[\x80-\xbf]))(?:[Ee]nd|END)/[ \t]*$|[ \t]/(?:[Ee]nd|END)[ \t]*$",
    re.MULTILINE,
)
# Post 1's number followed by more text on its line (`_first_in_line`), with its total if any.
_IN_LINE = re.compile(rb"(?<=[ \t])1/(\d{1,3})?[ \t]+(?=[^ \t\n])")
# The token after a marker must look like a link, an emoji or a hashtag (`… 1/14 #Harbour`, the
# tag the author adds after the number), not a word: `1/2 cup` is a recipe.
_LINK_OR_EMOJI = re.compile(rb"[./]|[\x80-\xff]|^#\w")
_LETTER = re.compile(rb"[A-Za-z]")
# A word a number may be glued to: letters, a hyphen or an apostrophe (straight or curly)
# inside, opening quotes or brackets before; no character of a link, a path or a tag.
_WORD = re.compile(rb"[(\[\"'*]*(?:[\x80-\xff]+)?[A-Za-z\x80-\xff'-]*[A-Za-z]")


class Trailer(NamedTuple):
    """A line that ends a post with its number."""

    text_end: int
    """Where the post's text ends: before the marker, unless a token follows the marker."""
    line_end: int
    number: int


def trailing_numbers(
    buf: bytes | bytearray, start: int, stop: int, ends: Sequence[Trailer] = ()
) -> list[Trailer]:
    """The lines of `buf[start:stop]` that end a post with a rising number, or [] when the
    run is not numbered that way. `ends`: numbers that end a post in the middle of a line
    (`picture_ends`), read as those at line ends are."""
    candidates = [
        candidate
        for match in line_end_markers(buf, start, stop)
        if (candidate := _candidate(buf, start, match)) is not None
    ]
    if ends:
        candidates += [(end, 0) for end in ends]
        candidates.sort(key=lambda candidate: candidate[0].line_end)
    trailers = _rising(candidates, 0, _FIRST_NUMBERS)
    if len(trailers) < 2:
        trailers = next(
            (
                _rising(candidates, first, (trailer.number,))
                for first, (trailer, _) in enumerate(candidates)
                if trailer.number > max(_FIRST_NUMBERS) and _mid_thread_run(candidates, first)
            ),
            [],
        )
    if not trailers and len(candidates) == 1:
        trailers = _second_of_two(buf, start, stop, *candidates[0]) or _first_of_two(
            buf, start, stop, *candidates[0]
        )
    if trailers and trailers[0].number == 2:
        declared = next(total for trailer, total in candidates if trailer is trailers[0])
        first = _first_in_line(buf, start, trailers[0], declared)
        if first is not None:
            trailers.insert(0, first)
    if trailers:
        last = trailers[-1]
        end = _END.search(buf, last.line_end, stop)
        if end is not None:
            text_end = end.start()
            while text_end > start and buf[text_end - 1] in b" \t":
                text_end -= 1
            trailers.append(Trailer(text_end, end.end(), last.number + 1))
    return trailers


def last_trailer(buf: bytes | bytearray, start: int, stop: int) -> Trailer | None:
    """The last line of `buf[start:stop]` that ends in a post number, read as `trailing_numbers`
    reads one, or None: one such line alone numbers nothing there, but next to a run of numbers
    on lines of their own it may (see `layout_trailers`)."""
    found = last_numbered_line(buf, start, stop)
    return None if found is None else found[0]


def last_numbered_line(buf: bytes | bytearray, start: int, stop: int) -> tuple[Trailer, int] | None:
    """The last line of `buf[start:stop]` that ends in a post number, read as
    `trailing_numbers` reads one, with its declared total (0: none), or None."""
    found = None
    for match in line_end_markers(buf, start, stop):
        candidate = _candidate(buf, start, match)
        if candidate is not None:
            found = candidate
    return found


def first_trailer(buf: bytes | bytearray, start: int, stop: int) -> Trailer | None:
    """The first line of `buf[start:stop]` that ends in a post number, read as
    `trailing_numbers` reads one, or None."""
    found = first_numbered_line(buf, start, stop)
    return None if found is None else found[0]


def first_numbered_line(
    buf: bytes | bytearray, start: int, stop: int
) -> tuple[Trailer, int] | None:
    """The first line of `buf[start:stop]` that ends in a post number, read as
    `trailing_numbers` reads one, with its declared total (0: none), or None."""
    for match in line_end_markers(buf, start, stop):
        candidate = _candidate(buf, start, match)
        if candidate is not None:
            return candidate
    return None


def _candidate(
    buf: bytes | bytearray, start: int, match: re.Match[bytes]
) -> tuple[Trailer, int] | None:
    """The line end `match` as a trailer and its declared total (0: none), or None when it is
    no post number."""
    if match[5] is not None or match[6] is not None:  # `(2)`, `/2`: a number with no total
        number, total = int(match[5] or match[6]), None
    elif match[1] is not None:
        number, total = int(match[1]), match[2]
    else:
        number, total = int(match[3]), match[4]
    if total is not None and total.isdigit() and int(total) < number:
        return None  # `24/7`: not a post number
    if match[1] is not None and not _glued_to_a_word(buf, start, match.start()):
        return None
    token = match[7]
    if token is not None and not _LINK_OR_EMOJI.search(token):
        return None
    text_end = match.end()
    if token is None:
        text_end = match.start()
        while text_end > start and buf[text_end - 1] in b" \t":
            text_end -= 1
    declared = int(total) if total is not None and total.isdigit() else 0
    return Trailer(text_end, match.end(), number), declared


def _glued_to_a_word(buf: bytes | bytearray, start: int, at: int) -> bool:
    """Whether the word right before `at` (the token since the last blank, if it ends in a
    letter) is a word of the text: letters, perhaps with a hyphen or an apostrophe inside and
    an opening quote or bracket before, or an emoticon's eyes at its end (`:D3/`). A slash, a
    dot, a digit, `#`, `_` or `@` in it makes it a link, a path, a tag or a name
    (`example.org/part1/`, `#walk2/`, `my_dir1/`), whose digits are part of it."""
    if at == start or not _LETTER.match(buf, at - 1):
        return True
    if at - start >= 2 and buf[at - 2] in b":;=":
        return True  # an emoticon's eyes and mouth
    word = at
    while word > start and buf[word - 1] not in b" \t\n":
        word -= 1
    return _WORD.fullmatch(buf, word, at) is not None


def _second_of_two(
    buf: bytes | bytearray, start: int, stop: int, second: Trailer, declared: int
) -> list[Trailer]:
    """Posts 1 and 2 of a run whose one number, `2/` with no total (`(2/)`, `2/n`), ends its
    last line, under lines of text that end a sentence: a teaser cut after its second post (a
    fraction or a date has digits after its slash). The lines above are post 1, as above a
    marker `2/`: read as post 2 alone, the thread would start with a missing post. [] else."""
    if second.number != 2 or declared or skip_whitespace(buf, second.line_end, stop) < stop:
        return []
    line_start = max(buf.rfind(b"\n", start, second.text_end) + 1, start)
    above = trim_end(buf, start, line_start)
    if above <= start or not ends_sentence(buf, start, above):
        return []  # no text above, or a sentence that runs on into the numbered line
    return [Trailer(above, above, 1), second]


def _first_of_two(
    buf: bytes | bytearray, start: int, stop: int, first: Trailer, declared: int
) -> list[Trailer]:
    """Post 1 of a run whose one number, `1/` with no total (`1/`, `1/n`, `(1)`, `/1`), ends
    a line after the end of a sentence, with text under it: a teaser cut inside its second
    post, or a thread whose later numbers were not copied. An author who numbers at the end
    closes the post's last sentence, then writes the number (`… to jobs. 1/`); a `1/` that
    runs on from a word (`2/3 cup of flour 1/`) is no such number. The text under it is the
    next post, unnumbered. [] else."""
    if first.number != 1 or declared or skip_whitespace(buf, first.line_end, stop) >= stop:
        return []
    line_start = max(buf.rfind(b"\n", start, first.text_end) + 1, start)
    if not ends_sentence(buf, line_start, first.text_end):
        return []
    return [first]


def _first_in_line(
    buf: bytes | bytearray, start: int, second: Trailer, declared: int
) -> Trailer | None:
    """Post 1's number in the middle of a line above a run that starts at `second` (post 2,
    of `declared` posts): `… #Tag 1/14 A caption.` where `2/14` ends a later line. The author
    numbered the post there and went on writing after the number (a picture's caption), so the
    post ends with that line, its text after the number kept. Only with the run's own total
    (`1/2` or `1/4` in running text is a fraction), or, in a run written without totals, a `1/`
    with none right after a sentence's end (`… to flip them. 1/ A caption`), where an author
    who numbers at the end puts it."""
    stop = max(buf.rfind(b"\n", start, second.text_end), start)
    found = None
    for match in _IN_LINE.finditer(buf, start, stop):
        total = match[1]
        if total is None if not declared else total is not None and int(total) == declared:
            found = match
    if found is not None and found[1] is None:
        line_start = max(buf.rfind(b"\n", start, found.start()) + 1, start)
        if not ends_sentence(buf, line_start, found.start()):
            found = None
    if found is None:
        return None
    line_end = buf.find(b"\n", found.end(), stop + 1)
    line_end = stop if line_end < 0 else line_end
    text_end = line_end
    while text_end > found.end() and buf[text_end - 1] in b" \t":
        text_end -= 1
    return Trailer(text_end, line_end, 1)


def continuing_numbers(buf: bytes | bytearray, start: int, stop: int, number: int) -> list[Trailer]:
    """The numbers at line ends in `buf[start:stop]` that go on from a post numbered `number`
    before its text (`2/ Text`, then `Text /3`, `Text 4/`): a rising run from `number + 1`, two
    at least (one number that happens to follow could be a fraction or a date); [] otherwise."""
    candidates = [
        candidate
        for match in line_end_markers(buf, start, stop)
        if (candidate := _candidate(buf, start, match)) is not None
    ]
    trailers = _rising(candidates, 0, (number + 1,))
    return trailers if len(trailers) >= 2 else []


def restarted_numbers(
    buf: bytes | bytearray, above: Trailer, start: int, stop: int
) -> list[Trailer]:
    """The numbers of a thread that starts afresh in `buf[start:stop]`, the text under the last
    number (`above`) of a thread numbered at its line ends: a run from `1` (`trailing_numbers`),
    or, the first number at a line end there, a lone `1/N` where both it and `above` write a
    total (`… 3/15`, then `… 1/14`: a footer's second thread by the same author, cut under its
    first post). A `1` under a higher number is no post of the thread above, which counts on; a
    lone `1/2` under numbers without totals may be a half. [] for anything else, the text going
    on with the post above. The caller bounds `stop` at the line where numbering starts at 1
    once more (`numbered_one_lines`): that line opens the thread after this one."""
    trailers = trailing_numbers(buf, start, stop)
    if trailers:
        return trailers if trailers[0].number == 1 else []
    if _total(buf, above) < 2:
        return []
    for match in line_end_markers(buf, start, stop):
        candidate = _candidate(buf, start, match)
        if candidate is not None:
            trailer, total = candidate
            return [trailer] if trailer.number == 1 and total >= 2 else []
    return []


def numbered_one_lines(buf: bytes | bytearray, start: int, stop: int) -> list[int]:
    """The starts of the lines of `buf[start:stop]` that end in the number 1, read as
    `trailing_numbers` reads one: where numbering at line ends may start again."""
    lines = []
    for match in line_end_markers(buf, start, stop):
        candidate = _candidate(buf, start, match)
        if candidate is not None and candidate[0].number == 1:
            lines.append(buf.rfind(b"\n", start, match.start()) + 1 or start)
    return lines


def _total(buf: bytes | bytearray, trailer: Trailer) -> int:
    """The total written with `trailer`'s number (0: none)."""
    line_start = buf.rfind(b"\n", 0, trailer.line_end) + 1
    for match in line_end_markers(buf, line_start, trailer.line_end):
        candidate = _candidate(buf, line_start, match)
        if candidate is not None and candidate[0].number == trailer.number:
            return candidate[1]
    return 0


def _rising(
    candidates: list[tuple[Trailer, int]], first: int, starts: tuple[int, ...]
) -> list[Trailer]:
    """From `candidates[first]` on, the first one numbered one of `starts`, then each higher."""
    trailers: list[Trailer] = []
    for trailer, _ in candidates[first:]:
        if trailer.number > trailers[-1].number if trailers else trailer.number in starts:
            trailers.append(trailer)
    return trailers


def _mid_thread_run(candidates: list[tuple[Trailer, int]], first: int) -> bool:
    """Whether `candidates` from `first` on open with `MID_THREAD_RUN` numbers that go up by
    one, with the same total wherever one is written: `7/12`, `8/12`, `9/12`, unlike a run of
    dates (`10/31`, `11/30`, `12/31`)."""
    run = candidates[first : first + MID_THREAD_RUN]
    if len(run) < MID_THREAD_RUN:
        return False
    number = run[0][0].number
    totals = {declared for _, declared in run if declared}
    return len(totals) <= 1 and all(
        trailer.number == number + step for step, (trailer, _) in enumerate(run)
    )


def line_end_markers(buf: bytes | bytearray, start: int, stop: int) -> Iterator[re.Match[bytes]]:
    """What `_TRAILER.finditer(buf, start, stop)` finds, looking only where a slash or an `of`
    hints at it."""
    hints = [hint for pattern in _TRAILER_HINTS for hint in pattern.finditer(buf, start, stop)]
    if len(hints) > 1:
        hints.sort(key=lambda hint: hint.start())
    reached = start
    for hint in hints:
        if hint.end() <= reached:
            continue  # the line's marker was found from an earlier hint
        # From a few bytes before the hint, but never from the line before.
        near = max(hint.start() - _BEFORE_HINT, start)
        near = buf.rfind(b"\n", near, hint.start()) + 1 or near
        match = _TRAILER.search(buf, near, hint.end())
        if match is not None:
            reached = match.end()
            yield match
