"""Text copied from old twitter.com pages: the lines around each tweet, and replies by others.

A twitter.com page shows a thread as a conversation: each tweet under its author's header
(display name, `@handle`, a `·` or `-` separator, a date), with `Show this thread`, `Replying to
@x`, `This Tweet is unavailable.`, `End of conversation` and `New conversation` between tweets.
These lines stand *inside* a thread: they are skipped, but the thread goes on past them
(`PASSING` chrome, unlike the chrome around an unroller's page, which ends the thread).

Replies by other people are no posts of the thread: a tweet whose header gives a handle other
than the thread's author's (the main tweet's, else the first header's of its copy of the page:
a file may hold several, `tweet_copies`) is skipped, its header and its text, up to the next
header or chrome line.

Around the conversation a copy of the whole page holds the page's title bar (`Thread`, then
`Conversation`, above the first tweet's header: words a post may hold, so chrome only there),
and after it the column beside it (`Who to follow` and the people it suggests) and the footer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import partial
from typing import NamedTuple

from .byte_source import ByteSource
from .chrome_blog import CREDIT_DASH
from .neighbours import Line, lines_with, next_nonblank_line
from .teaser_lines import DATE
from .tweet_copies import page_headers as copies_headers
from .tweet_copies import title_lines
from .tweet_counts import COUNTED, READ_REPLIES, counts_above, cut_end_lines
from .tweet_headers import (
    HANDLE,
    TweetHeader,
    main_tweet_time,
    page_author,
    replying_lines,
    tweet_headers,
)

_APOSTROPHE = r"(?:'|\xe2\x80\x99)"

PASSING = [
    # A copy may join the link to the lone `-` separator that follows it on the page.
    r"Show this thread(?:[ \t]+-)?",
    r"End of conversation",
    r"New conversation",
    # A tweet the page cannot show, perhaps with the link that explains why.
    r"This Tweet (?:is unavailable|was deleted by the Tweet author|is from an account that no"
    r" longer exists|is from a suspended account|violated the Twitter Rules)(?:\. Learn more)?",
    r"Replying to(?:[ \t]+@\w{1,15}(?:(?:,|[ \t]+and)?[ \t]+@\w{1,15})*"
    r"(?:[ \t]+and \d{1,6} others?)?)?",
    r"\d[\d,.]*[KkM]? repl(?:y|ies) \d[\d,.]*[KkM]? retweets? \d[\d,.]*[KkM]? likes?",
    # The older page's row of buttons under a tweet, each with its count when it has one.
    r"Reply(?:[ \t]+\d[\d,.]*[KkM]?)?[ \t]+Retweet(?:[ \t]+\d[\d,.]*[KkM]?)?[ \t]+Like"
    r"(?:[ \t]+\d[\d,.]*[KkM]?)?(?:[ \t]+Direct message)?",
    # The main tweet's counts, on one line or each on its own: "12 Retweets 3 Quote Tweets".
    r"\d[\d,.]*[KkM]? " + COUNTED + r"(?:[ \t]+\d[\d,.]*[KkM]? " + COUNTED + r")*",
    r"\d{1,2}:\d{2} [AP]M \xc2\xb7 .{1,80}",  # the main tweet's time: "3:45 PM · Mar 3, 2019"
    # The older page's time: "3:45 PM - 3 Mar 2019".
    r"\d{1,2}:\d{2} [AP]M - \d{1,2} [A-Z][a-z]{2} \d{1,4}",
    r"Show replies|Show more replies|More replies|Translate Tweet|Quote Tweet|Pinned Tweet",
    r"Translate post|Show probable spam",  # the later page's words for the same
    r"Show additional replies, including those that may contain offensive content",
    r"Tweet your reply",  # the reply box under the main tweet
    # The menu under the older page's one-line header (`More` is a word a post may hold alone:
    # weak chrome, `chrome_blog`, which stands next to these).
    r"Copy link to Tweet|Embed Tweet",
    r"See new (?:Tweets|posts)",  # the bar above a timeline that has more tweets
    # The line under a tweet a page embeds (a blog reposting a thread): "— Name (@handle) March
    # 3, 2020", what an embed shows where the script that draws it did not run.
    r"\xe2\x80\x94[ \t]?[^\n]{1,60}[ \t]\(@\w{1,15}\)(?:[ \t]+[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})?",
    # The same line where a copy or a converter turned the dash into an en dash or `--`: with
    # its date, the whole shape of the credit (a dash, a name and a handle alone may be text).
    CREDIT_DASH + r"[ \t]?[^\n]{1,60}[ \t]\(@\w{1,15}\)[ \t]+[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}",
    # Over a reply on a tweet archive's page (its tweets in numbered lists, the reply's text on
    # the next line): "1. …in reply to @ada_q". The author's own replies are the thread's posts.
    r"\xe2\x80\xa6in reply to @\w{1,15}",
    r"\d{1,3}\.[ \t]+\xe2\x80\xa6in reply to @\w{1,15}",
    # The separator between a tweet's handle and its date, as a copy gives it.
    r"-",
    r"\xc2\xb7",  # ·
]
"""Lines skipped wherever they stand, the thread in progress going on past them."""
STRONG = [
    # The column beside the conversation and the footer under it, which a copy of the whole
    # page puts after the last tweet: what follows them is no tweet of the thread.
    r"Who to follow|Relevant people|Trends for you",
    r"New to (?:Twitter|X)\?",
    r"Sign up now to get your own personalized timeline!",
    r"\xc2\xa9 \d{4} Twitter, Inc",  # © 2020 Twitter, Inc.
    # The banner under the page for a reader who is not logged in.
    r"Don" + _APOSTROPHE + r"t miss what" + _APOSTROPHE + r"s happening",
    r"People on (?:Twitter|X) are the first to know",
    r"By signing up, you agree to the Terms of Service and Privacy Policy, including Cookie Use",
    # What the page shows where it could not load the conversation.
    r"Something went wrong\. Try reloading",
    r"Something went wrong, but don"
    + _APOSTROPHE
    + r"t fret \xe2\x80\x94 let"
    + _APOSTROPHE
    + r"s give it another shot",
]
"""Lines of the page around the conversation: chrome wherever they stand."""
WEAK = [
    # The app a tweet was sent from, under its time when a copy puts it on a line of its own;
    # the footer's links; the link under a tweet cut short. Words a post may hold alone.
    r"Twitter for (?:iPhone|iPad|Android|Mac)|Twitter Web (?:App|Client)|TweetDeck",
    r"Sign up|Log in|Terms of Service|Privacy Policy|Ads info|Show more|Try again",
    r"Sign up with (?:Google|Apple|phone or email)|Create account",
    # The later page's reply box under the main post, and the headings it puts over posts by
    # others it suggests under the conversation: inside the copy, next to its other chrome, so
    # that those posts read as the replies by others they look like. Words a thread may quote.
    r"Post your reply!?|Discover more|Sourced from across (?:X|Twitter)",
    # A video's place: the time it has played and its length ("0:09 / 0:24"), above the
    # tweet's counts. A time a post may give as text alone.
    r"\d{1,2}:\d{2} / \d{1,2}:\d{2}",
]
"""Lines of the page that are chrome only next to other chrome."""


_READ_REPLIES = re.compile(rb"[ \t]*" + READ_REPLIES.encode() + rb"[ \t.]*")
"""The link under a tweet to its replies (`Read 12 replies`): chrome only in a copy of the X
page, among its tweet headers (`conversation_lines`), not wherever it stands: no unroller
prints it, so inside an unroller's post the line is the author's own words, and read as chrome
there it would be lost from the post."""
_READ_CUE = b"Read "

_SEPARATOR = re.compile(rb"[ \t]*(?:-|\xc2\xb7)[ \t]*")
_SEPARATOR_LINE = re.compile(rb"\n([ \t]*(?:-|\xc2\xb7)[ \t]*)(?=\n|\Z)")
"""A lone separator line, with the newline before it: a header's separator has a line above."""
_COLUMN = re.compile(rb"[ \t]*(?:Who to follow|Relevant people)[ \t.]*")
_NUMBERED = re.compile(rb"[ \t]*[(\[]?\d{1,4}/")
_CARD_LINES = 40
"""Lines: the few people the column suggests, four lines each at most."""
_NAME_EDGES = " \t\u200e\u200f"
"""What stands around a name in a header: blanks, and the direction mark the older page put
after the name (`Ada Quill\u200f @adaq`), which is no letter of it."""


_ONE_LINE = re.compile(
    rb"[ \t]*(?![(\[]?\d{1,4}/)(?P<name>[^\n@]{1,200}?)"
    rb"(?:(?P<mark>\xe2\x80\x8f(?:Verified account)?[ \t]*)|[ \t]+)@(?P<handle>\w{1,15})[ \t]+"
    rb"(?(mark)(?:\xc2\xb7[ \t]+)?|\xc2\xb7[ \t]+)"
    rb"(?P<date>(?:" + "|".join(DATE).encode() + rb")|\d{1,2}[smhd]|\d{4}-\d{2}-\d{2})[ \t]*"
)
"""A tweet's header on one line, as some copies give it: `Name @handle · Mar 3` (or `· 3h`,
`· Mar 3, 2019`, `· 12 Jan 2020`, and in a clipping, whose template writes dates the ISO way,
`· 2020-01-12`: the header of a quoted tweet). The page before 2019 put an invisible
right-to-left mark after the name (and `Verified account` after it for such accounts), and no
`·`: `Name\u200f @handle Mar 3`; without the mark, a name, a handle and a date are a sentence.
A line that opens with a number marker is a post."""
_ONE_LINE_CUE = re.compile(rb"\xc2\xb7[ \t]")
_MARK_CUE = re.compile(rb"\xe2\x80\x8f")
"""What every one-line header holds: its `·`, or on the older page its direction mark. Each
looked for on its own: the engine finds the rare byte a literal starts with several times
faster than `bytes.find` finds it, but tries an alternation of two at every byte."""


def is_separator(buf: ByteSource, line: Line) -> bool:
    return _SEPARATOR.fullmatch(buf, *line) is not None


def has_separator(buf: ByteSource) -> bool:
    """Has `buf` a lone separator line? Without one it has no tweet header. (One search of the
    buffer, where a search for each form of the line would take one each.)"""
    return _SEPARATOR_LINE.search(buf) is not None


def is_read_whole(buf: ByteSource) -> bool:
    """Is `buf` a conversation that only the whole page reads right? When its tweet headers
    give more than one handle, which tweets are replies depends on the page's first header;
    when it opens with the main tweet's name and handle or the title bar, they are chrome by
    the headers below them. A part of it laid out alone may not see either."""
    one_line = one_line_headers(buf)
    if not one_line and not has_separator(buf) and main_tweet_time(buf) is None:
        return False
    separators = [match.span(1) for match in _SEPARATOR_LINE.finditer(buf)]
    headers = page_headers(buf, separators, set(), one_line)
    return bool(headers) and (
        headers[0].opens_page
        or any(header.focal for header in headers)
        or len({header.handle for header in headers}) > 1
    )


def may_hold_one_line_header(buf: ByteSource) -> bool:
    """Could `buf` hold a one-line header with its `·`? (The older page's headers, with their
    direction mark, are looked for where other chrome is: a copy of that page has its rows of
    buttons and counts, `Show this thread`.)"""
    return _ONE_LINE_CUE.search(buf) is not None


def one_line_headers(buf: ByteSource) -> list[Line]:
    """The lines of `buf` that are a tweet's header on one line (`Name @handle · Mar 3`), in
    order: found by the separator or the direction mark they hold, then read whole."""
    unsearched = -2
    next_cue = {_ONE_LINE_CUE: unsearched, _MARK_CUE: unsearched}
    """Where each cue is next found, from the last position asked: each search runs on only
    when the position passes it, so a missing cue costs one scan, not one for each of the
    other's."""

    def cue_from(position: int) -> int:
        for cue, at in next_cue.items():
            if at == unsearched or 0 <= at < position:
                found = cue.search(buf, position)
                next_cue[cue] = -1 if found is None else found.start()
        return min((at for at in next_cue.values() if at >= 0), default=-1)

    return lines_with(buf, cue_from, _ONE_LINE)


def is_one_line_header(buf: ByteSource, start: int, end: int) -> bool:
    return _ONE_LINE.fullmatch(buf, start, end) is not None


_FIELDS = ("name", "handle", "date")


def read_one_line_header(text: str) -> tuple[str, str, str] | None:
    """The display name, handle and date (as shown) of a one-line tweet header, or None."""
    match = _ONE_LINE.fullmatch(text.strip().encode("utf-8", "surrogatepass"))
    if match is None:
        return None
    name, handle, date = (match[group].decode("utf-8", "replace") for group in _FIELDS)
    return name.strip(_NAME_EDGES), handle, date


def page_headers(
    buf: ByteSource,
    separators: Iterable[Line],
    chrome: set[Line],
    one_line: Sequence[Line] = (),
    strong: Sequence[Line] = (),
) -> list[TweetHeader]:
    """The tweet headers under the `separators` (see `tweet_headers`) and on the `one_line`
    header lines, in page order, with each copy's main tweet's and title bar
    (`tweet_copies.page_headers`; `strong`: the strong chrome lines, in order)."""
    headers = tweet_headers(buf, separators, chrome)
    if one_line:
        headers += [
            TweetHeader(_ONE_LINE.fullmatch(buf, *line)["handle"], [line])  # type: ignore[index]
            for line in one_line
        ]
        headers.sort(key=lambda header: header.lines[0])
    return copies_headers(buf, headers, chrome, strong)


class Conversation(NamedTuple):
    """What `conversation_lines` finds."""

    lines: list[Line]
    """The lines of the conversation that are no text of its posts, chrome the thread goes on
    past (but the `openings`)."""
    tweet_text: Line | None
    """The last tweet's first line of text."""
    openings: list[Line]
    """The title bars opening each copy of a page after the first: chrome that ends a thread."""


def conversation_lines(
    buf: ByteSource,
    separators: Iterable[Line],
    stops: set[Line],
    one_line: Sequence[Line] = (),
    *,
    cut: tuple[Line, bool] | None = None,
    strong: Sequence[Line] = (),
) -> Conversation:
    """The lines of the tweet headers under the `separators` and on the `one_line` header lines
    (and the main tweet's), the counts of replies, retweets and likes under each tweet, and the
    replies by other people than the page's author (their header and text up to the next header
    or a line of `stops`, the page's chrome), each copy of a page by its own author (see
    `tweet_copies`); and the last tweet's first line of text. `cut`: the copy's last line when
    the text stops inside it, and whether it is the start of a chrome line known by its words
    (see `tweet_counts.cut_end_lines`). `strong`: the strong chrome lines, in order."""
    headers = page_headers(buf, separators, stops, one_line, strong)
    if not headers:
        return Conversation([], None, [])
    copies: dict[int, list[TweetHeader]] = {}
    for header in headers:
        copies.setdefault(header.copy, []).append(header)
    authors = {number: page_author(own) for number, own in copies.items()}
    openings = [
        line
        for header in headers
        if header.copy and (header.opens_page or header.opens_copy)
        for line in (header.lines if header.opens_copy else title_lines(buf, header))
    ]
    found: list[Line] = []
    starts = [header.lines[0] for header in headers[1:]] + [None]
    for header, following in zip(headers, starts, strict=True):
        found += header.lines
        end = header.lines[-1][1]
        replying = replying_lines(buf, end, following)
        found += replying
        end = replying[-1][1] if replying else end
        if header.handle != authors[header.copy]:
            found += _reply_text(buf, end, following, stops)
    links = lines_with(buf, partial(buf.find, _READ_CUE), _READ_REPLIES)
    found += links
    for line in [*starts[:-1], *sorted(stops), *links]:
        found += counts_above(buf, line) if line is not None else []
    tweet_text = next_nonblank_line(buf, end)
    ending = cut_end_lines(buf, cut[0], known=cut[1], tweet_text=tweet_text) if cut else []
    found += ending
    if not ending:
        # The last tweet's counts end the copy: what is above its end, as above a header.
        text_end = len(buf) + (buf[-1:] != b"\n")
        found += counts_above(buf, (text_end, text_end))
    if openings:
        taken = set(openings)
        found = [line for line in found if line not in taken]
    return Conversation(found, tweet_text, openings)


def _reply_text(buf: ByteSource, end: int, following: Line | None, stops: set[Line]) -> list[Line]:
    """The non-blank lines after the header that ends at `end`, up to the next header's first
    line (`following`) or a chrome line of `stops`."""
    lines = []
    line = next_nonblank_line(buf, end)
    while line is not None and line != following and line not in stops:
        lines.append(line)
        line = next_nonblank_line(buf, line[1])
    return lines


def suggested_people(buf: ByteSource, ends: Iterable[Line], chrome: set[Line]) -> list[Line]:
    """The people the column beside the conversation suggests under its heading (`Who to
    follow`, `Relevant people`: one of `ends`, the last lines of the blocks of strong chrome):
    each a name, a lone `@handle`, a `Follow` button, perhaps a bio. The column holds nothing
    else, so they are every line from the heading to the next line of `chrome` or the text's
    end, when a lone handle is among them and no line numbers a post."""
    found: list[Line] = []
    for heading in ends:
        if not _COLUMN.fullmatch(buf, *heading):
            continue
        cards: list[Line] = []
        handles = 0
        line = next_nonblank_line(buf, heading[1])
        while line is not None and line not in chrome and len(cards) < _CARD_LINES:
            if _NUMBERED.match(buf, *line):
                break
            handles += HANDLE.fullmatch(buf, *line) is not None
            cards.append(line)
            line = next_nonblank_line(buf, line[1])
        else:
            if handles:
                found += cards
    return found
