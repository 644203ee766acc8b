"""The header over each tweet on a twitter.com page, as a copy gives it over several lines: a
display name, a lone `@handle`, a lone `·` (or `-`) and a date, then perhaps `Replying to` and the
handles the tweet answers. Which lines are the header and which the tweet's text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from .byte_source import ByteSource
from .neighbours import BLANK, Line, next_nonblank_line, previous_nonblank_line
from .teaser_lines import DATE, is_date

HANDLE = re.compile(rb"[ \t]*@(\w{1,15})[ \t]*")
"""A lone `@handle` line."""
_REPLYING = re.compile(rb"[ \t]*Replying to(?:[ \t]+(?:@\w{1,15}|and|\d{1,6} others?|,))*[ \t]*")
"""`Replying to @x`, or `Replying to` with the handles on the lines under it."""
_WANTS_HANDLE = re.compile(rb"(?:\bto|\band|,)[ \t]*\Z")
"""How a line of `Replying to` ends when the next handle is on the line under it."""
_JOINER = re.compile(rb"[ \t]*(?:,|,?[ \t]*and)[ \t]*")
"""What a copy leaves between two handles of `Replying to`, each a link on a line of its own
(` and `, `,`): two handles never stand on lines of their own with nothing between them."""
_OTHERS = re.compile(rb"[ \t]*,?[ \t]*and \d{1,6} others?[ \t]*")
"""The end of a long list of handles: `and 2 others`."""
_NAME = 50
"""Characters: the most a display name holds (emoji and all: four bytes each)."""
_NAME_BYTES = 4 * _NAME + 40
_NAME_MARKS = re.compile(r"[\u200e\u200f](?:Verified account)?[ \t]*\Z")
"""What the older page put after a name: a direction mark, and for a verified account the
hidden words for its badge."""
_AGE = re.compile(rb"[ \t]*\d{1,2}[smhd][ \t]*")
"""The age the page gives a tweet less than a day old, for its date: `5h`, `40m`."""
_RETWEETED = re.compile(rb"[^\n]{1,60}[ \t]Retweeted[ \t]*")
"""Over a tweet a timeline shows because someone retweeted it: `Wren Calder Retweeted`."""
_QUOTE_LABEL = re.compile(rb"[ \t]*Quote[ \t]*")
"""The label the later page puts over a post quoted inside another, right above its header: a
word a post may end with, the page's only there. A tweet whose last line is the word alone, over
the next tweet's header, loses it to the page's skipped lines (listed, not dropped): a label
right over a header is by far the likelier reading."""
_TIME_CUE = re.compile(rb"M (?:\xc2\xb7|-) ")
"""What every main tweet's time line holds. Without the `A` or `P` before it: the engine skips
to a literal at C speed but tries a class at every byte (a text of 250 MB: 0.06 s, not 0.8)."""
_TIME_LINE = re.compile(
    rb"[ \t]*\d{1,2}:\d{2} [AP]M (?:\xc2\xb7|-) (?:"
    + "|".join(DATE).encode()
    + rb")(?:[ \t]*\xc2\xb7[^\n]{0,80})?[ \t]*"
)
"""The main tweet's time under its text: `10:02 AM · Mar 3, 2020`, on the older page
`10:02 AM - 3 Mar 2020`, perhaps its app after another `·`. Only the main tweet shows it; a
time, a dash and other words are a tweet's text."""
_BUTTON = re.compile(rb"[ \t]*(?:Follow|Following|Subscribe)[ \t]*")
"""The button beside the main tweet's header, under its handle in a copy."""
_FOCAL_TEXT = 40
"""Lines: the most walked up from the main tweet's time to its header (text, a picture's mark,
`Translate Tweet`)."""


class TweetHeader:
    """One tweet's header lines and the handle they give; `opens_page` when some of them are
    the page's first lines, headers only because more tweet headers stand below them (the
    main tweet's name and handle, the title bar, see `page_headers`)."""

    __slots__ = ("copy", "focal", "handle", "lines", "opens_copy", "opens_page", "retweet")

    def __init__(
        self,
        handle: bytes,
        lines: list[Line],
        *,
        opens_page: bool = False,
        focal: bool = False,
        retweet: bool = False,
    ) -> None:
        self.handle = handle.lower()
        self.lines = lines
        self.opens_page = opens_page
        self.retweet = retweet
        """A tweet a timeline shows under `Name Retweeted`: not by the page's author."""
        self.focal = focal
        """The header of the page's main tweet, the one with its time under its text (see
        `with_focal_header`): its author wrote the thread."""
        self.copy = 0
        """Which copy of a page in the text the tweet is in (`tweet_copies`)."""
        self.opens_copy = False
        """The first header of a copy that no chrome opens: its lines end the thread above."""


def tweet_headers(
    buf: ByteSource, separators: Iterable[Line], chrome: set[Line]
) -> list[TweetHeader]:
    """The headers among the `separators` (lone `·`/`-` lines, in file order) that stand under
    a lone `@handle` line and above a date line (or an age, `5h`): with the name line above the
    handle when it is one (`_names`), and above that the mark of a retweet on a timeline or the
    label over a quoted post."""
    found: list[tuple[bytes, list[Line], Line | None]] = []
    for separator in separators:
        handle_line = previous_nonblank_line(buf, separator[0])
        date = next_nonblank_line(buf, separator[1])
        if handle_line is None or date is None:
            continue
        if not is_date(buf, date) and not _AGE.fullmatch(buf, *date):
            continue
        handle = HANDLE.fullmatch(buf, *handle_line)
        if handle is None:
            continue
        name = previous_nonblank_line(buf, handle_line[0])
        if name is not None and (name in chrome or not is_name(buf, name)):
            name = None
        found.append((handle.group(1).lower(), [handle_line, separator, date], name))
    names = _names(buf, found)
    headers = []
    for account, lines, name in found:
        shown = [name, *lines] if name is not None and name in names else lines
        mark = previous_nonblank_line(buf, shown[0][0])
        retweet = mark is not None and mark not in chrome and _RETWEETED.fullmatch(buf, *mark)
        if mark is not None and (retweet or _QUOTE_LABEL.fullmatch(buf, *mark)):
            shown.insert(0, mark)
        headers.append(TweetHeader(account, shown, retweet=bool(retweet)))
    return headers


def _names(buf: ByteSource, found: Sequence[tuple[bytes, list[Line], Line | None]]) -> set[Line]:
    """Which of the lines above the headers' handles are display names, not the end of the
    tweet above. A copy either shows names or not, and a name stands above every tweet of its
    account: the text most often above an account's headers, when it stands above two of them,
    is its name, and a line that differs is none. An account with several headers and no such
    repeat shows the copy has no names: each line above a handle is the tweet above's last.
    Over an account's one header (a reply) the copy's other accounts decide; where no account
    has two headers, the line is a name unless it is the first line of the text under the
    header before (a tweet has text, so that line is it)."""
    texts: dict[bytes, list[bytes]] = {}
    for handle, _, name in found:
        if name is not None:
            texts.setdefault(handle, []).append(bytes(buf[name[0] : name[1]]).strip())
    repeats: dict[bytes, bytes | None] = {}
    """Per account with two candidate lines or more, its name: counted once, not per header (a
    long conversation has thousands of headers); None where no line repeats."""
    for handle, seen in texts.items():
        if len(seen) > 1:
            text, times = Counter(seen).most_common(1)[0]
            repeats[handle] = text if times > 1 else None
    named = any(name is not None for name in repeats.values())
    unnamed = not named and bool(repeats)
    names: set[Line] = set()
    previous_text: Line | None = None
    for handle, lines, name in found:
        if name is not None:
            text = bytes(buf[name[0] : name[1]]).strip()
            if handle in repeats:
                shown = text == repeats[handle]
            else:
                shown = named or (not unnamed and name != previous_text)
            if shown:
                names.add(name)
        replying = replying_lines(buf, lines[-1][1])
        previous_text = next_nonblank_line(buf, replying[-1][1] if replying else lines[-1][1])
    return names


def replying_lines(buf: ByteSource, end: int, following: Line | None = None) -> list[Line]:
    """The lines of `Replying to` right under the header that ends at `end` (up to the next
    header's first line, `following`): `Replying to @x`, or, as a copy of the later page gives
    it, each handle on a line of its own with ` and ` or `,` between them. A lone handle with no
    joiner above it is the tweet's text, which may open with a mention."""
    found: list[Line] = []
    line = next_nonblank_line(buf, end)
    if line is None or line == following or not _REPLYING.fullmatch(buf, *line):
        return found
    wants_handle = _WANTS_HANDLE.search(buf, *line) is not None
    while line is not None and line != following:
        found.append(line)
        line = next_nonblank_line(buf, line[1])
        if line is None or line == following:
            break
        if wants_handle and HANDLE.fullmatch(buf, *line):
            wants_handle = False
        elif not wants_handle and _OTHERS.fullmatch(buf, *line):
            found.append(line)
            break
        elif not wants_handle and _JOINER.fullmatch(buf, *line):
            wants_handle = True
        else:
            break
    return found


def is_name(buf: ByteSource, line: Line) -> bool:
    start, end = line
    if end - start > _NAME_BYTES or BLANK.fullmatch(buf, start, end):
        return False
    text = bytes(buf[start:end]).decode("utf-8", "replace")
    return len(_NAME_MARKS.sub("", text).strip()) <= _NAME


def page_author(headers: Sequence[TweetHeader]) -> bytes:
    """The handle of the thread's author among the page's `headers` (not empty): the main
    tweet's, else the first tweet's the page shows for itself, not as a retweet."""
    for header in headers:
        if header.focal:
            return header.handle
    return next((header.handle for header in headers if not header.retweet), headers[0].handle)


def with_focal_header(
    buf: ByteSource,
    headers: list[TweetHeader],
    chrome: set[Line],
    span: tuple[int, int] | None = None,
) -> list[TweetHeader]:
    """`headers` and the header of the page's main tweet, when it stands below other tweets: a
    thread that answers someone opens under the tweets it answers, and the page shows the main
    tweet's header as the name and a lone `@handle` with no date (its time is under its text,
    `_TIME_LINE`). Found by walking up from that time to the nearest lone handle that is no
    mention: a copy puts a mention in running text on a line of its own too, but then the line
    above ends in a blank or the line below starts with one, or `Replying to` stands above.
    `span`: the copy's stretch of the text (see `tweet_copies.Span`), the whole by default."""
    start, stop = span or (-1, len(buf) + 1)
    time_line = next(main_tweet_times(buf, max(start, 0), min(stop, len(buf))), None)
    if time_line is None:
        return headers
    taken = {line for header in headers for line in header.lines}
    above = previous_nonblank_line(buf, time_line[0])
    for _ in range(_FOCAL_TEXT):
        if above is None or above in taken or above[0] <= start:
            return headers
        handle = HANDLE.fullmatch(buf, *above)
        if handle is not None and above not in chrome and _stands_alone(buf, above):
            lines = [above]
            name = previous_nonblank_line(buf, above[0])
            if name is not None and name not in taken | chrome and is_name(buf, name):
                lines.insert(0, name)
            button = next_nonblank_line(buf, above[1])
            if button is not None and _BUTTON.fullmatch(buf, *button):
                lines.append(button)
            focal = TweetHeader(handle.group(1), lines, focal=True)
            return sorted([*headers, focal], key=lambda header: header.lines[0])
        above = previous_nonblank_line(buf, above[0])
    return headers


def is_main_tweet_time(buf: ByteSource, line: Line) -> bool:
    """Is `line` the main tweet's time line (`_TIME_LINE`)?"""
    return _TIME_LINE.fullmatch(buf, *line) is not None


def main_tweet_time(buf: ByteSource) -> Line | None:
    """The first line of `buf` that is the main tweet's time line, or None."""
    return next(main_tweet_times(buf), None)


def main_tweet_times(buf: ByteSource, start: int = 0, stop: int | None = None) -> Iterator[Line]:
    """The lines of `buf[start:stop]` that are a main tweet's time line, in order."""
    stop = len(buf) if stop is None else stop
    cue = _TIME_CUE.search(buf, start, stop)
    while cue is not None:
        first = buf.rfind(b"\n", 0, cue.start()) + 1
        end = buf.find(b"\n", cue.end())
        end = len(buf) if end < 0 else end
        if _TIME_LINE.fullmatch(buf, first, end):
            yield first, end
        cue = _TIME_CUE.search(buf, end, stop)


def _stands_alone(buf: ByteSource, line: Line) -> bool:
    """Is the lone handle `line` no mention split out of running text or out of `Replying to`?"""
    above = previous_nonblank_line(buf, line[0])
    below = next_nonblank_line(buf, line[1])
    if above is not None and (
        buf[above[1] - 1 : above[1]] in (b" ", b"\t")
        or _REPLYING.fullmatch(buf, *above)
        or _JOINER.fullmatch(buf, *above)
    ):
        return False
    return below is None or buf[below[0] : below[0] + 1] not in (b" ", b"\t")
