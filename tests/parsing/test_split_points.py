"""Cutting a source in two for `threadline stats`: every cut it allows parses exactly like the
whole, by property (the rules one by one: test_split_point_rules; the statistics counted in two
parts: test_parallel_stats)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import parsing.split_points
import parsing.stats
from parsing.corpus import Corpus
from parsing.split_points import (
    fresh_points,
    run_fresh_points,
)

from .test_mutations import EXAMPLES, PROPERTY, WORDS

Layout = tuple[list[list[tuple[int, str]]], list[str]]


def layout(raw: bytes) -> Layout:
    """Each thread as (number, text) per post, and the skipped lines' text."""
    corpus = Corpus()
    corpus.add_source("t.txt", raw)
    threads = [
        [(corpus.posts.number[post], corpus.post_text(post)) for post in corpus.thread_posts(t)]
        for t in range(corpus.thread_count)
    ]
    return threads, [skipped.text for skipped in corpus.skipped]


def layout_in_two(raw: bytes, cut: int) -> Layout:
    first_threads, first_skipped = layout(raw[:cut])
    second_threads, second_skipped = layout(raw[cut:])
    return first_threads + second_threads, first_skipped + second_skipped


def line_starts(raw: bytes) -> list[int]:
    return [0] + [pos + 1 for pos, byte in enumerate(raw) if byte == 0x0A]


def allowed_cuts(raw: bytes) -> list[int]:
    """Every cut the layout of the whole source offers, and every cut runs between anchors
    find (short runs: from one anchor to the next, or a few lines on)."""
    found = set(run_fresh_points(raw, 0, len(raw)))
    with pytest.MonkeyPatch.context() as patch:
        for run in (1, 24):
            patch.setattr(parsing.split_points, "_RUN", run)
            found.update(fresh_points(raw, 0, len(raw)))
    return sorted(found)


def stretch_cuts(raw: bytes) -> list[int]:
    """The cuts found in each stretch of the source between two line starts, read as a stretch
    (not knowing what is around it), as positions in the whole source."""
    starts = line_starts(raw)
    found: set[int] = set()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parsing.split_points, "_RUN", 1)
        for first in starts:
            for last in (pos for pos in starts if pos > first):
                stretch = raw[first:last]
                found.update(
                    first + cut for cut in fresh_points(stretch, 0, len(stretch), whole=False)
                )
    return sorted(found)


# A grammar heavy in the lines whose reading depends on their neighbours.
text = st.lists(st.sampled_from([*WORDS, "thread", "Share"]), min_size=1, max_size=5).map(" ".join)
line = st.one_of(
    st.builds("{}/ {}".format, st.integers(1, 4), text),
    st.builds("1/{}".format, st.sampled_from(["", " ", "5", "n", "Text"])),
    st.builds("{} 1/".format, text),
    st.builds("(1/{}) {}".format, st.integers(1, 3), text),
    st.builds("🧵 1/ {}".format, text),
    text,
    st.sampled_from(["THREAD", "🧵", "Thread:", "⚡️⚡️", "👇", "Share", "Post", "Jun 22", "Email"]),
    st.sampled_from(["• • •", "force a refresh", "Read all threads", "This Thread may be Removed"]),
    st.sampled_from(["Keep Current with", "Keep Current with Ana Vidal", "Ana Vidal", "3 views"]),
    st.sampled_from(["Ana Vidal Profile picture", "More from @ana", "12 tweets • 3 min read"]),
    # Lines that page headers, listings and a cut-off copy make chrome by where they stand.
    st.sampled_from(["@ana", "Subscribe", "Feb 3, 2021 • 4 tweets • 1 min read", "Read 2 tweets"]),
    st.sampled_from(["Seaside cottages", "Writes about tides.", "Thank", "Image", "-"]),
    # A clipped threader.app page: its title, an icon, the header under the author's picture.
    st.sampled_from(["A thread written by @ana", "**", "[image]", "- Twitter"]),
    st.sampled_from(["Ana  @ana  Tides.  Mar 3, 2019  ** 1 min read"]),
    # A standard-tweet unroller's footer and header over tweets run together, too long for one.
    st.sampled_from(
        ["You can follow @ana.", "Seaside " * 40, "Ana + Your Authors @ana Mar 3 1 min read"]
    ),
    # Lines read by what stands under them: the link back ending a copy, a page's indenting.
    st.sampled_from(["Read on Twitter", "  Read on X", "        2/ word", "word 1/ Image word"]),
    # Posts a teaser runs together with their pictures; the line under a tweet a blog embeds.
    st.sampled_from(["word. 1/ Image word. 2/ Image", "— Ana Vidal (@ana) March 3, 2020"]),
    # The credit run into an embedded tweet's line; a blogging platform's byline and boxes.
    st.sampled_from(["word — Ana Vidal (@ana) March 3, 2020", "1/ word— Bo (@bo) May 2, 2021"]),
    st.sampled_from(["4 min read", "·", "12", "Discover more from Ana", "Responses (2)"]),
    # Fractions and ratios a teaser's numbers are told from; a name after a preposition.
    st.sampled_from(["word. 1/2 cup word", "1/3 of word", "word by 1/5", "word by Image"]),
    st.sampled_from(["2/3 of word", "3/4 of word"]),
    # A teaser's opening number against the length its date line declares.
    st.sampled_from(["1/3 so word", "3/4 Word", "1/4 of word", "Jun 22 • 3 tweets • 1 min read"]),
    st.sampled_from(["(3/4) Word", "3/ Word", "@ana", "Jun 22"]),
    # twtext's list of other threads, and a saved page's title over its thread or a teaser.
    st.sampled_from(["Latest Threads Unrolled:", "Thread by @bo, Word [...]", "Word word"]),
    st.sampled_from(["", "", " "]),
    # twtext's tip wrapped over two lines; the last words a post keeps over a footer.
    st.sampled_from(["Tip: mention @twtextapp on a Twitter thread with", "Sign up"]),
    st.sampled_from(["the keyword \u201cunroll\u201d to get a link to it.", "5 min read"]),
    # A main tweet's time and the later page's labels around its posts; a credit's turned dash.
    st.sampled_from(["7:40 AM \u00b7 Apr 14, 2021", "Quote", "Post your reply", "Discover more"]),
    st.sampled_from(
        ["Sourced from across X", "\u2013 Ana (@ana) May 2, 2021", "-- Bo (@bo) May 2, 2021"]
    ),
)
corpora = st.lists(line, max_size=25).map("\n".join).map(str.encode)

# Plain marker lines, few kinds of them, so that restarts, numbers at line ends and unnumbered
# runs meet in every arrangement.
marker_line = st.one_of(
    st.sampled_from(["1/ word", "word 1/", "", "2/ …", "(2/5)", "word (3/5)", "1/n", "word 2/"]),
    st.sampled_from(["2/ word", "3/ word", "word", "THREAD", "🧵", "• • •", "Share", "👇"]),
    st.sampled_from(["A thread 👇", "A short thread:"]),
    st.sampled_from(["⚡️", "THREAD 1/ word", "word 3/", "(1/5) word", "force a refresh"]),
    # Numbers on a line of their own, under the text they number or over it.
    st.sampled_from(["1/", "2/", "3/", "[2/n]", "🧵1/5", "end/", "/2 word", "1. word"]),
    # Posts numbered like a list: long enough that they cannot be items of one post.
    st.sampled_from(["1. " + "word " * 60, "2) " + "word " * 60, "4. word", "3) word"]),
    # Short posts numbered like a list, which page chrome above or below makes post numbers.
    st.sampled_from(["2. word", "3. word", "Read on Twitter", "word"]),
    # Month and day, or post number and total: the thread around them decides.
    st.sampled_from(["10/31 word", "11/31 word", "2/15 word", "3/15", "1/15 word"]),
    # A picture glued to the next post's marker in the middle of a line.
    st.sampled_from(["word.Image2/ word", "word.Image3/ word", "word 2/ word.Image1/ word"]),
    # Posts run together, each ended by its number and picture; the lines that bound a teaser
    # or an embedded tweet.
    st.sampled_from(["word. 1/ Image word 2/ Image", "word. 2/ Image word", "Read 2 tweets"]),
    st.sampled_from(["— Ana (@ana) March 3, 2020", "— Bo (@bo) March 3, 2020", "Most recents (4)"]),
    st.sampled_from(["word. 1/2 cup word", "1/3 of word", "word by 1/5", "word. 2/ word"]),
)
marker_corpora = st.lists(marker_line, max_size=14).map("\n".join).map(str.encode)
HUNT = settings(PROPERTY, derandomize=True, max_examples=max(EXAMPLES, 600))
"""The same examples every run, enough of them to meet the shapes that once broke a cut."""

REGRESSIONS = [
    b"1/ word\nword 1/\n\nword 1/\nword 1/\n1/ word",
    b"1/ a\n2/ b\n1/ c\n2/ d",
    b"2/ a\ncontinued\n\n1/ b",
    b"2/ a\nmore\n\xf0\x9f\x91\x87\n1/ b",
    b"\xe2\x80\xa2 \xe2\x80\xa2 \xe2\x80\xa2\nShare\n1/ b",
    b"1/ a\nKeep Current with\n1/ b\n1/ c",
    b"3/ a\nb\n\n\xe2\x9a\xa1\xef\xb8\x8f\n\nc thread\nd\n2/ e",
    b"3/ a\nb\n\nc\n1/ d",
    b"2/ a\nb\nword 1/\nword 2/\n1/ c",
    b"2/ a\nb\n\nword 1/\n1/n",
    b"2/ word\nword.Image2/ word\n2/ \xe2\x80\xa6",
    b"1/ word\nword. 1/ Image word 2/ Image\nword 1/\n1/ word",
    b"1/ word\nImage\n@ana\nword 1/\n1/ word",
]


def with_regressions(test: Any) -> Any:
    for raw in REGRESSIONS:
        test = example(raw)(test)
    return test


def assert_cuts_parse_like_the_whole(raw: bytes, cuts: list[int]) -> None:
    whole = layout(raw)
    for cut in cuts:
        assert layout_in_two(raw, cut) == whole, cut


def test_the_cut_that_once_split_a_first_post_reads_like_the_whole() -> None:
    """`1/` under two `… 1/` lines in one paragraph takes the paragraph as its first post. The
    cut finder once cut at byte 17, inside the run, and the halves disagreed with the whole;
    a source starting there now reads the one paragraph above its `1/` as that first post
    too (a cue splits off only text of several paragraphs), so the halves agree there and at
    every cut offered."""
    raw = REGRESSIONS[0]
    assert layout_in_two(raw, 17) == layout(raw)
    assert_cuts_parse_like_the_whole(raw, allowed_cuts(raw) + stretch_cuts(raw))


def test_no_cut_between_a_listings_line_and_the_teaser_it_numbers_first() -> None:
    """A teaser opened by `1/` under a listing's line, with `2/` after a sentence's end on its
    line, splits there only under that line: a part starting at the marker would read one
    post, so no cut is offered between them (nor anywhere it would read otherwise)."""
    raw = (
        b"Apr 2 \xe2\x80\xa2 7 tweets \xe2\x80\xa2 2 min read\nA title\n"
        b"Feb 2 \xe2\x80\xa2 4 tweets \xe2\x80\xa2 1 min read\n"
        b"1/ The first lock was dug. 2/ The second by navvy.\n"
    )
    assert raw.index(b"1/ The first") not in allowed_cuts(raw)
    assert_cuts_parse_like_the_whole(raw, allowed_cuts(raw) + stretch_cuts(raw))


def test_a_lone_mark_above_a_cut_reads_as_in_the_whole() -> None:
    """A lone `Image` under a number marker, a number ending a line only below it, where the
    layout starts afresh: the part above that line, read alone, blanks the mark as the whole
    does (whether a number ends a line is read above the mark, which both parts see)."""
    raw = REGRESSIONS[-1]
    cuts = allowed_cuts(raw)
    assert raw.index(b"word 1/") in cuts
    assert_cuts_parse_like_the_whole(raw, cuts)


def test_a_cut_under_text_moved_over_a_blanked_mark_is_where_its_line_starts() -> None:
    """Closing the blanks a picture's mark left moves the newlines under it (`blanked_gaps`):
    a point the layout finds at a line start there is that line's start in the source, not
    the same offset, which once cut a word in two (at byte 25, in `word 2/`). Judged at its
    own line (`word 1/`, whose number a part would read alone) the point is no cut at all."""
    raw = REGRESSIONS[-2]
    line_starts = {0} | {at + 1 for at in range(len(raw)) if raw[at] == 0x0A}
    cuts = allowed_cuts(raw)
    assert set(cuts) <= line_starts
    assert_cuts_parse_like_the_whole(raw, cuts)


@HUNT
@given(marker_corpora)
@with_regressions
# The blanks a mark left moved down to a marker in the middle of a line under a cut.
@example("2/ …\nword. 1/ Image word 2/ Image\nword\nword. 1/ Image word 2/ Image\n2/ …".encode())
def test_every_allowed_cut_in_marker_lines_parses_like_the_whole(raw: bytes) -> None:
    """Wherever the layout allows a cut, laid out whole or in runs between anchors, the two parts
    laid out alone give the same threads, posts and skipped lines as the whole."""
    assert_cuts_parse_like_the_whole(raw, allowed_cuts(raw))


@PROPERTY
@given(corpora)
@with_regressions
@example(b"More from @ana\nJun 22\na\n\xe2\x80\xa2 \xe2\x80\xa2 \xe2\x80\xa2\nb\nJun 22\nc")
@example(b"\xe2\x80\xa2 \xe2\x80\xa2 \xe2\x80\xa2\nAna Vidal\n@ana\nJun 22\n1/ a")
@example(b"Read all threads\nSeaside cottages\nRead all threads\nThank")
@example(b"1/ word\n-\nword 1/\n1/ word")
# Dates made chrome by a listing line above them, with no post number between.
@example(b"1/ word\nMore from @ana\nSeaside cottages\nJun 22")
@example(b"1/ word\nRead 2 tweets\nword 1/\nJun 22")
@example("Read 2 tweets\n⚡️\nJun 22\n1/ word\n1/ word".encode())
# A teaser known by the line between teasers under it, at the start and after other chrome.
@example("word\n🧵\nword\nRead 2 tweets\nword\n🧵\nword".encode())
@example("• • •\nword\n🧵\nword\nRead 2 tweets".encode())
@example("1/ word\nword\n🧵\nword\n🧵\nword\nRead 2 tweets".encode())
# A blog's words around the tweets it embeds.
@example("word\n1/ word\n— Ana (@ana) March 3, 2020\n2/ word\n— Ana (@ana)\nword\n• • •".encode())
# A head whose reading is decided by the line under it (see the test of that cut).
@example(b"1/ word\nTHREAD\n24/7 1/\n1/ word")
# Lone separators read by the marker above the cut (see the test of that cut).
@example("1/ word\n• • •\nword 1/\n-\n-".encode())
# `1/` under a listing's teaser text ends its first post: no anchor for a run to start at.
@example("More from @ana\n@ana\n1/ word 1/2\nword 👇\n1/ word".encode())
# A marker that ends a teaser closes its post as the teaser's end no longer: no cut there.
@example("Read 2 tweets\nword 1/\n🧵 1/ word\n1/ word".encode())
@example(
    "1/ word\nMore from @ana\nword. 1/ Image word. 2/ Image\n— Ana Vidal (@ana) March 3, 2020\n"
    "word 1/\nword 1/\n1/Text".encode()
)
# A run of bare `1/` under an opening sentence, text under it, then a marker with text: the
# marker ends the run as a part's end does (see the test of that cut).
@example("1/ word\nTHREAD\nWrites about tides.\n1/\n1/\nword 1/\n🧵 1/ word".encode())
# A fraction opening a teaser's line ends no listing: the date under it is still chrome by it.
@example(b"1/ word\nMore from @ana\nword\n1/3 of word\nJun 22\n1/ word\n2/ word")
# The same with a fraction of another numerator (`2/3 of`): the layout reads it as text too.
@example(b"1/ word\nMore from @ana\nword\n2/3 of word\nJun 22\n1/ word\n2/ word")
@example(b"Read 2 tweets\nword\n2/3 of word\n2/ word")
# A fraction opening a teaser right under its date line is the teaser's text, as under its text.
@example("Jun 22 • 3 tweets • 1 min read\n1/2 of word\nRead 3 tweets\n1/ word".encode())
@example(b"1/ word\nMore from @ana\nJun 22\n3/4 of word\nJun 2\n1/ word\n2/ word")
@example("12 tweets • 3 min read\n1/3 of word\n1/ word\n1/ word".encode())
# `1/N` under `N tweets` numbers post 1; a number above 1 right under a date line is text.
@example("Jun 22 • 3 tweets • 1 min read\n1/3 so word\nRead 3 tweets\n1/ word".encode())
@example(b"1/ word\nMore from @ana\nJun 22\n3/4 Word\nJun 2\n1/ word\n2/ word")
# Any number above 1 right under a teaser's line is its text, whatever its shape; under a date
# that closes a tweet's own header (under its handle) it numbers the post.
@example(b"1/ word\nMore from @ana\nJun 22\n(3/4) Word\nJun 2\n1/ word\n2/ word")
@example("Jun 22 • 3 tweets • 1 min read\n3/ Word\nRead 3 tweets\n1/ word".encode())
@example("Read 2 tweets\n2/ …\n2/ …".encode())
@example(b"Ana\n@ana\nMar 3\n1/ word\nBo\n@bo\nMar 3\n2/ word\n1/ word")
# Pictures' marks on lines of their own end unnumbered posts in a run, whatever part reads them.
@example(b"word.\nImage\nword.\nImage\nword\n1/ word\nword.\nImage\nword")
@example("Read 2 tweets\nword.\n\nImage\n\nword. Image\nword\n• • •\n".encode())
# A bio over bare dates opens an older author page: the dates' teasers, a marker or strong
# chrome between them.
@example(b"Writes about tides.\nJun 22\nSeaside cottages\n2/ word\nJun 22\nSeaside cottages")
@example("Writes about tides.\nJun 22\nSeaside cottages\n• • •\nJun 22\nSeaside".encode())
@example(b"Writes about tides.\nJun 22\nSeaside cottages\nJun 22\nSeaside\n3/ word\nJun 22\nA")
# Tweets run together under a threader.app header and over twtext's footer.
@example((("Ana + Your Authors @ana Mar 3 1 min read\n" + "Seaside " * 40 + "\n") * 2).encode())
@example((("Seaside " * 40 + "\n") * 2 + "You can follow @ana.\n• • •\n").encode() * 2)
# The list of other threads under twtext's footer: its numbered teasers are no anchors.
@example(b"1/ word\nYou can follow @ana.\nLatest Threads Unrolled:\n3/ Word\n2/ Word\n1/ word")
@example("word\nYou can follow @ana.\nLatest Threads Unrolled:\n2/ Word\n• • •\n2/ Word".encode())
@example(b"word\nYou can follow @a.\nLatest Threads Unrolled:\nThread by @bo, Word [...]\n2/ Word")
@example(
    b"word\nYou can follow @a.\nLatest Threads Unrolled:\n2/ W\nThread by @bo, W [...]\nW w\n2/ W"
)
@example(b"Read on Twitter\nLatest Threads Unrolled:\n1/")
# Another page's footer under the list: the list above it ends at its widest blank run.
@example(b"w\nYou can follow @a.\nLatest Threads Unrolled:\nW w\n\nW w\nYou can follow @bo.\n2/ W")
@example(b"word\nYou can follow @a.\nLatest Threads Unrolled:\n2/ W\n\n3/ W\nYou can follow @bo.")
# The tip wrapped over two lines, the list's heading under it.
@example(
    b"w\nYou can follow @a.\nTip: mention @twtextapp on a Twitter thread with the keyword\n"
    b"x to get a link to it.\nLatest Threads Unrolled:\n2/ W\n3/ W\n1/ w"
)
# threader.app's header over several lines, read up from its reading time.
@example(b"1/ word\nAna\n+ Your Authors\n@ana\nMar 3\n1 min read\n2/ word\n3/ word")
@example(b"2/ word\nAna\n@ana\n2/ Word\n3/ word\n1 min read\n2/ word")
@example("2/ word\nAna\n@ana\nFollow Us!\nMar 3\n1 min read\n2/ word\n• • •\n2/ word".encode())
# Short posts numbered like a list under page chrome, and above it.
@example(b"Subscribe\n@ana\nJun 22\n1. word\n2. word\n3. word\n2/ word\n1. word\n2. word")
@example("1. word\n\n2. word\nRead on Twitter\n• • •\n1. word\n2. word".encode())
# A credit under another handle's tweet is read against the last credit's handle, however far up.
@example("1/ word\n– Ana (@ana) March 3, 2020\n1/ word\n-- Bo (@bo) May 1, 2021\n2/ w".encode())
@example(
    "1/ word\nword \u2014 Ana (@ana) March 3, 2020\n1/ word\n"
    "Press enter or click to view image in full size\n"
    "word. \u2014 Bo Lee (@bo) May 1, 2021".encode()
)
def test_every_allowed_cut_parses_like_the_whole(raw: bytes) -> None:
    """The same, over text that mixes markers with heads, emoji leads and every kind of chrome."""
    assert_cuts_parse_like_the_whole(raw, allowed_cuts(raw))


@PROPERTY
@given(st.lists(marker_line | line, max_size=10).map("\n".join).map(str.encode))
@with_regressions
@example("force a refresh\n🧵 1/ word\nforce a refresh".encode())  # chrome by what follows
# A teaser's next number past the stretch's end (see the test of that cut).
@example("12 tweets • 3 min read\n1/ word\nword. 2/ word".encode())
# A stretch opening with twtext's list heading: the chrome above it may make the list.
@example(b"Read 2 tweets\nLatest Threads Unrolled:\n1/ word\n1/ word")
# A platform's footer past the stretch's end makes the lines above it chrome, up to its start.
@example("• • •\n🧵 1/ word\nDiscover more from Ana".encode())
def test_every_cut_found_in_a_stretch_parses_like_the_whole(raw: bytes) -> None:
    """A cut found in a stretch of the source, without knowing what lies around it, is a cut
    of the whole source too."""
    assert_cuts_parse_like_the_whole(raw, stretch_cuts(raw))
