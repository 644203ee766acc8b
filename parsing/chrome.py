"""Page chrome: the lines a Thread Reader App page (or another unroller, a blog, twitter.com)
wraps around a thread.

Chrome lines are never part of a post; the parser records each one as skipped. They come in two
strengths. A *strong* line (the end marker, "Keep Current with …", donation pleas) is chrome
wherever it stands. A *weak* line ("Share", "Post", "Read on X", a bare date) is ordinary enough to
appear inside a post, so it only counts as chrome next to other chrome, as it does on real pages.
*Passing* lines (`old_twitter`) are chrome inside a thread, which goes on past them. The rules'
words are in `chrome_rules`; this module resolves which candidate lines are chrome.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial

from .byte_source import ByteSource
from .chrome_blog import (
    bylined_headers,
    embed_ends,
    opens_bylined_header,
    titles_above_bylines,
)
from .chrome_context import (
    Structure,
    bios_above_followers,
    could_be_context_chrome,
    health_advice,
    link_back_at_end,
    sandwiched_lines,
    teaser_dates,
)
from .chrome_headers import page_headers
from .chrome_listings import related_tags, teaser_edges
from .chrome_platforms import platform_lines
from .chrome_rules import CHROME_LINE as _CHROME_LINE
from .chrome_rules import NAME_FOLLOWS, PAGE_TITLE
from .chrome_rules import ONE_LINE_HEADER as _ONE_LINE_HEADER
from .chrome_rules import SUFFIX_RULES as _SUFFIX_RULES
from .cut_off import cut_last_line, cut_off_fragment, fragment_line
from .neighbours import Line, lines_with, next_nonblank_line, previous_nonblank_line
from .old_twitter import (
    Conversation,
    conversation_lines,
    is_one_line_header,
    is_separator,
    one_line_headers,
    suggested_people,
)
from .old_twitter_dividers import dividers
from .picture_runs import lone_marks_ending_posts
from .pictures import between_posts
from .standard_tweets import unroller_lines
from .teaser_lines import is_date
from .threader_header import header_lines as threader_header_lines
from .tweet_headers import is_main_tweet_time
from .unroller_listing import listed_lines
from .weak_ends import ends_a_post
from .wrapped_tips import wrapped_tips

_GAP = re.compile(rb"[ \t\f\v\r\n]*")
_AUTHOR_NAME = re.compile(rb"[^\n]{1,60}")
_PICTURE_OR_ICON = re.compile(rb"[ \t]*(?:Image|\[image\]|\*\*)[ \t]*")
"""A line that only shows a picture (the author's, above a header) or an icon a clipping kept."""
_PICTURES_ABOVE_HEADER = 2


def is_chrome_candidate(buf: ByteSource, start: int, end: int) -> bool:
    """Could the line `buf[start:end]` be chrome (strong, weak, by how it ends, or by what stands
    around it: see `chrome_context`)?"""
    match = _CHROME_LINE.match(buf, start, end)
    if match is not None and match.end() == end:
        return True
    if any(whole.fullmatch(buf, start, end) for _, whole in _SUFFIX_RULES):
        return True
    if _ONE_LINE_HEADER.fullmatch(buf, start, end) or is_one_line_header(buf, start, end):
        return True
    if fragment_line(buf) == (start, end):
        return True
    return could_be_context_chrome(buf, start, end, _is_strong)


def _is_strong(buf: ByteSource, start: int, end: int) -> bool:
    match = _CHROME_LINE.match(buf, start, end)
    return match is not None and match.end() == end and match.lastgroup == "strong"


def _shape_only(buf: ByteSource, start: int, end: int) -> bool:
    """Is the line chrome by its own words (strong, weak, or by how it ends)?"""
    match = _CHROME_LINE.match(buf, start, end)
    if match is not None and match.end() == end:
        return True
    if _ONE_LINE_HEADER.fullmatch(buf, start, end):
        return True
    return any(whole.fullmatch(buf, start, end) for _, whole in _SUFFIX_RULES)


def is_one_line_header_shape(buf: ByteSource, line: Line) -> bool:
    """Is `line` shaped as a one-line page header? One where a page may start is one."""
    return buf.find(b" min read", *line) >= 0 and _ONE_LINE_HEADER.fullmatch(buf, *line) is not None


def opens_with_header(buf: ByteSource) -> bool:
    """Does `buf` start with a one-line page header, a title over a bare byline, or a page
    title (`PAGE_TITLE`)?"""
    first = next_nonblank_line(buf, -1)
    return first is not None and (
        _ONE_LINE_HEADER.fullmatch(buf, *first) is not None
        or opens_bylined_header(buf, first)
        or PAGE_TITLE.fullmatch(buf, *first) is not None
    )


def is_page_title_shape(buf: ByteSource, line: Line) -> bool:
    """Is `line` shaped as a page's title (`PAGE_TITLE`)? One where a page may start is one."""
    return PAGE_TITLE.fullmatch(buf, *line) is not None


def _strong_blocks(
    buf: ByteSource, strong: list[Line]
) -> tuple[list[Line], list[Line], list[Line]]:
    """The `strong` lines with the page titles among them (`_page_titles`), and the first and
    last line of each of their blocks (`_block_edges`): a title under a block extends it."""
    starts, ends = _block_edges(buf, strong)
    titles = _page_titles(buf, ends)
    if not titles:
        return strong, starts, ends
    strong = sorted(titles.union(strong))
    return strong, *_block_edges(buf, strong)


def _page_titles(buf: ByteSource, ends: list[Line]) -> set[Line]:
    """The page titles (`PAGE_TITLE`) where a page may start: the first line, and the line
    under each block of strong chrome (the last lines of the blocks: `ends`)."""
    places = (next_nonblank_line(buf, -1), *(next_nonblank_line(buf, end) for _, end in ends))
    return {line for line in places if line is not None and is_page_title_shape(buf, line)}


def _past_pictures(buf: ByteSource, places: list[Line | None]) -> list[Line | None]:
    """The lines under the `places` that only show a picture or an icon (at most two of them):
    a page shows the author's picture between its title and its header."""
    found: list[Line | None] = []
    for place in places:
        line = place
        for _ in range(_PICTURES_ABOVE_HEADER):
            if line is None or not _PICTURE_OR_ICON.fullmatch(buf, *line):
                break
            line = next_nonblank_line(buf, line[1])
            found.append(line)
    return found


def _block_edges(buf: ByteSource, strong: list[Line]) -> tuple[list[Line], list[Line]]:
    """The first and the last line of each block of `strong` lines (in file order) that only
    blank lines separate. The rules that look past chrome to text need only these: a page has
    a few blocks of chrome, but each block may have dozens of lines."""
    starts: list[Line] = []
    ends: list[Line] = []
    previous: Line | None = None
    for line in strong:
        # One or two newlines between: the same block, found without a look at the bytes.
        if previous is None or (
            line[0] - previous[1] > 2 and not _GAP.fullmatch(buf, previous[1], line[0])
        ):
            if previous is not None:
                ends.append(previous)
            starts.append(line)
        previous = line
    if previous is not None:
        ends.append(previous)
    return starts, ends


def _headers(
    buf: ByteSource, places: list[Line | None], weak: list[Line]
) -> tuple[list[Line], list[Line]]:
    """The one-line headers among `places` and the first line (see `_ONE_LINE_HEADER`) with the
    reading times closing threader.app's headers over several lines (`threader_header`), and,
    apart, the other lines of those."""
    # Both headers give the reading time: one search in C rules out most lines.
    one_line = [
        line
        for line in (next_nonblank_line(buf, -1), *places)
        if line is not None and is_one_line_header_shape(buf, line)
    ]
    readings, threader = threader_header_lines(buf, weak)
    return one_line + readings, threader


def is_chrome_text(text: str) -> bool:
    """Is `text`, a line on its own, chrome by its own words?"""
    line = text.encode("utf-8", "surrogatepass")
    return _shape_only(line, 0, len(line))


def resolve_chrome(
    buf: bytes | bytearray,
    candidates: list[tuple[int, int, bool]],
    events: Sequence[Structure] = (),
    marker: int = -1,
    passing: Sequence[Line] = (),
) -> tuple[list[Line], set[Line], set[Line], dict[Line, int]]:
    """The chrome lines among line-start `candidates` (start, end, strong), plus the lines only
    recognisable by how they end ("… Profile picture"), author names after "Keep Current
    with", and the lines chrome by where they stand (`chrome_context`); weak candidates count
    only next to other chrome. `events`: the lines of structure found so far, in order,
    whose kind `marker` is a number marker. `passing`: the lines chrome inside a thread
    (`old_twitter`). In file order; with, apart, the lines the thread goes on past: `passing`,
    the tweet headers and replies of a conversation, and weak lines next to no other chrome;
    and the lines that opened a listing whose dates they made chrome (`teaser_dates`); and the
    chrome lines that stand between a listing's teasers (`teaser_edges`)."""
    # A page saved from Thread Reader App has about two chrome lines for every post. The strong
    # candidates come in file order; the few lines found otherwise are sorted on their own and
    # merged in (sorting two ordered runs is a merge), not all of them sorted afresh.
    lines, starts, ends = _strong_blocks(
        buf, [(start, end) for start, end, is_strong in candidates if is_strong]
    )
    strong = lines[:]
    confirmed = set(lines)
    inside = set(passing)
    separators = [line for line in passing if is_separator(buf, line)]
    conversation = _conversation(buf, separators, passing, confirmed | inside, strong)
    inside.update(conversation.lines)
    suffixed = _suffix_rule_lines(buf)
    found = {line for line in suffixed if line not in confirmed}
    found.update(conversation.openings)
    below_ends = [next_nonblank_line(buf, end) for _, end in ends]
    found.update(advice := health_advice(buf, strong))
    below_suffixed = [next_nonblank_line(buf, end) for _, end in [*found, *advice[-1:]]]
    weak = [(start, end) for start, end, is_strong in candidates if not is_strong]
    headers, threader = _headers(
        buf, below_ends + below_suffixed + _past_pictures(buf, below_ends), weak
    )
    found.update(headers, threader)
    found.update(_author_lines(buf, strong, confirmed | found))
    dates = [line for line in weak if is_date(buf, line)]
    author_fields = page_headers(
        buf,
        dates,
        starts,
        suffixed,
        chrome=confirmed | inside,
        found=found,
        page=(strong, events, marker),
        is_candidate=_shape_only,
    )
    listings: set[Line] = set()
    if dates:
        teasers, listings = teaser_dates(
            buf, strong, author_fields, dates, events=events, marker=marker
        )
        found.update(teasers)
    found.update(_lines_by_their_neighbours(buf, strong, ends, (weak, candidates), confirmed))
    found.difference_update(confirmed)
    found.difference_update(inside)
    confirmed |= found
    if separators:
        inside.difference_update(dividers(buf, separators, confirmed | inside, events, marker))
    if weak:
        found.update(_confirm_weak(buf, confirmed, weak))
        left = [line for line in weak if line not in confirmed and line not in inside]
        inside.update(between_posts(buf, left, events, marker))
        inside.update(lone_marks_ending_posts(buf, left, events))
        # Weak lines touching only chrome the thread goes on past go on with it.
        if inside:
            left = [line for line in left if line not in inside]
            inside.update(_confirm_weak(buf, confirmed | inside, left))
    if len(strong) > 1:
        found.update(
            sandwiched_lines(buf, zip(ends, below_ends, starts[1:], strict=False), confirmed)
        )
    confirmed |= found
    fragment = cut_off_fragment(buf, confirmed | inside)
    # A tweet has text: the line under the last tweet's header is its, however it starts.
    if (
        fragment is not None
        and fragment != conversation.tweet_text
        and fragment not in confirmed | inside
    ):
        found.add(fragment)
    found.difference_update(inside)
    lines += sorted(found)
    lines += sorted(inside)
    lines.sort()
    teaser_dates_found = [line for line in dates if line in found or line in confirmed]
    numbers = (
        unroller_lines(buf, headers, lines)
        | teaser_edges(buf, ends, teaser_dates_found)
        | embed_ends(buf, inside)
    )
    return lines, inside, listings, numbers


def _conversation(
    buf: bytes | bytearray,
    separators: list[Line],
    passing: Sequence[Line],
    stops: set[Line],
    strong: list[Line],
) -> Conversation:
    """The lines of a conversation copied from twitter.com (`old_twitter.conversation_lines`)
    and the last tweet's first line of text, when the page has tweet headers (over the
    `separators`, on one line) or a main tweet's time line among the `passing` lines: a page of
    one tweet has no header over a separator, and its time line under the text says that the
    name and handle above it are a header. `stops`: the chrome known so far, `strong` the
    strong lines among it, in order."""
    one_line = one_line_headers(buf)
    if not (separators or one_line or any(is_main_tweet_time(buf, line) for line in passing)):
        return Conversation([], None, [])
    cut = cut_last_line(buf)
    known = cut is not None and cut == fragment_line(buf)
    return conversation_lines(
        buf, separators, stops, one_line, cut=None if cut is None else (cut, known), strong=strong
    )


def _lines_by_their_neighbours(
    buf: bytes | bytearray,
    strong: list[Line],
    ends: list[Line],
    shaped: tuple[list[Line], list[tuple[int, int, bool]]],
    confirmed: set[Line],
) -> set[Line]:
    """The lines chrome by what stands next to them: a blog's title above its byline (the page's
    header, with or without the byline's date), the tags and people a listing suggests under
    its blocks, the link back that ends a copy, the list of other threads under twtext's footer
    and its tip wrapped over several lines. `shaped`: the weak lines, and all the lines chrome by
    their shape (see `resolve_chrome`), which alone judge that list, as a split point does."""
    weak, candidates = shaped
    tips = wrapped_tips(buf)
    found = set(listed_lines(buf, candidates, tips))
    found.update(tips)
    found.update(titles_above_bylines(buf, strong, confirmed))
    top_block = ends[0] if strong and strong[0] == next_nonblank_line(buf, -1) else None
    found.update(bylined_headers(buf, top_block))
    found.update(related_tags(buf, ends), suggested_people(buf, ends, confirmed))
    found.update(link_back_at_end(buf, weak))
    found.update(platform_lines(buf, strong, weak, confirmed))
    return found


def _suffix_rule_lines(buf: bytes | bytearray) -> list[Line]:
    found: list[Line] = []
    for needle, whole_line in _SUFFIX_RULES:
        found += lines_with(buf, partial(buf.find, needle), whole_line)
    return found


def _author_lines(buf: bytes | bytearray, strong: list[Line], confirmed: set[Line]) -> list[Line]:
    """The author's lines found from the `strong` ones: the name under "Keep Current with"
    alone, the bio above an author page's count of its followers (`confirmed`: the chrome
    known so far, which bounds a bio above)."""
    names = [line for line in _author_names_after(buf, strong) if line not in confirmed]
    return names + bios_above_followers(buf, strong, confirmed)


def _author_names_after(buf: bytes | bytearray, strong: list[Line]) -> list[Line]:
    """The lines under the `strong` lines (in file order) that are "Keep Current with" alone.
    Looked for among the strong lines, not in the whole buffer: a corpus with a little chrome
    has a few hundred, a scan of the whole text costs more."""
    names = []
    for start, end in strong:
        if NAME_FOLLOWS.fullmatch(buf, start, end):
            following = next_nonblank_line(buf, end)
            if following is not None and _AUTHOR_NAME.fullmatch(buf, *following):
                names.append(following)
    return names


def _confirm_weak(buf: bytes | bytearray, confirmed: set[Line], weak: list[Line]) -> list[Line]:
    """Add to `confirmed` the weak lines touching confirmed chrome (blank lines aside), but not one
    under text that only a footer under it would confirm (`weak_ends`), until none is left;
    returns them. A line confirmed hands on to its weak neighbours: one reading of a stack."""
    pending = set(weak)
    added: list[Line] = []
    ready: list[Line] = []
    waiting: dict[Line | None, list[Line]] = {}  # by each neighbour that could confirm them
    for line in sorted(pending):
        before = previous_nonblank_line(buf, line[0])
        after = next_nonblank_line(buf, line[1])
        under_text = before is not None and before not in confirmed and before not in pending
        after_confirms = not (under_text and ends_a_post(buf, line, after))
        if before in confirmed or (after in confirmed and after_confirms):
            ready.append(line)
            continue
        waiting.setdefault(before, []).append(line)
        if after_confirms:
            waiting.setdefault(after, []).append(line)
    ready.reverse()  # taken from the end: in file order, as they were found
    while ready:
        line = ready.pop()
        if line not in pending:
            continue
        pending.discard(line)
        confirmed.add(line)
        added.append(line)
        ready += reversed(waiting.pop(line, []))
    return added
