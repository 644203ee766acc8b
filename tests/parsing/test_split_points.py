"""Cutting a source in two for `threadline stats`: every cut it allows parses exactly like the
whole, and the parallel statistics equal the single-pass ones."""

from __future__ import annotations

import codecs
import gc
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import parsing.split_points
import parsing.stats
from parsing import load_corpus
from parsing.corpus import Corpus
from parsing.decoding import normalise, normalise_newlines
from parsing.part_counts import Totals, count_part
from parsing.split_points import (
    fresh_points,
    is_anchor,
    run_fresh_points,
    safe_split,
    split_unnormalised,
)
from parsing.stats import corpus_stats, stats_for_paths
from tests.bench.generate import generate

from .helpers import REPO
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
    st.sampled_from(["", "", " "]),
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


def test_the_cut_that_once_split_a_first_post_is_not_offered() -> None:
    """`1/` under two `… 1/` lines in one paragraph takes the paragraph as its first post; a
    source starting inside the run would split it, so the layout offers no cut there (the
    cut finder once cut at byte 17, and the halves disagreed with the whole)."""
    raw = REGRESSIONS[0]
    assert 17 not in allowed_cuts(raw)
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
# Short posts numbered like a list under page chrome, and above it.
@example(b"Subscribe\n@ana\nJun 22\n1. word\n2. word\n3. word\n2/ word\n1. word\n2. word")
@example("1. word\n\n2. word\nRead on Twitter\n• • •\n1. word\n2. word".encode())
def test_every_allowed_cut_parses_like_the_whole(raw: bytes) -> None:
    """The same, over text that mixes markers with heads, emoji leads and every kind of chrome."""
    assert_cuts_parse_like_the_whole(raw, allowed_cuts(raw))


@PROPERTY
@given(st.lists(marker_line | line, max_size=10).map("\n".join).map(str.encode))
@with_regressions
@example("force a refresh\n🧵 1/ word\nforce a refresh".encode())  # chrome by what follows
# A teaser's next number past the stretch's end (see the test of that cut).
@example("12 tweets • 3 min read\n1/ word\nword. 2/ word".encode())
def test_every_cut_found_in_a_stretch_parses_like_the_whole(raw: bytes) -> None:
    """A cut found in a stretch of the source, without knowing what lies around it, is a cut
    of the whole source too."""
    assert_cuts_parse_like_the_whole(raw, stretch_cuts(raw))


def stats_in_two(raw: bytes, cut: int) -> dict[str, object]:
    totals = Totals()
    totals.add(count_part(bytearray(raw[:cut])))
    totals.add(count_part(bytearray(raw[cut:])))
    return parsing.stats._finish(totals, 1, []).as_json()


def whole_stats(raw: bytes) -> dict[str, object]:
    corpus = Corpus()
    corpus.add_source("t.txt", raw)
    return corpus_stats(corpus).as_json()


@HUNT
@given(marker_corpora)
@with_regressions
def test_stats_counted_in_two_parts_equal_the_export_of_the_whole(raw: bytes) -> None:
    """At every cut offered, counting the two parts (the path `threadline stats` takes on a big
    file) gives the threads, posts, missing posts and entities of the whole source laid out."""
    whole = whole_stats(raw)
    for cut in allowed_cuts(raw):
        assert stats_in_two(raw, cut) == whole, cut


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


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `threadline stats` split files of any size."""
    monkeypatch.setattr(parsing.stats, "_PARALLEL_BYTES", 1)


@pytest.mark.parametrize("chrome", [True, False], ids=["with-chrome", "bare"])
def test_parallel_stats_equal_single_pass(small_parts: None, tmp_path: Path, chrome: bool) -> None:
    """Stats of a generated corpus split in two (with or without page chrome between threads)
    equal the statistics of the corpus loaded whole."""
    lines = [line for line in generate(600, seed=3) if chrome or not _is_chrome(line)]
    path = tmp_path / "corpus.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert safe_split(path.read_bytes()) is not None
    assert stats_for_paths([path]).as_json() == corpus_stats(load_corpus([path])).as_json()


def test_parallel_stats_equal_single_pass_on_the_demo(small_parts: None) -> None:
    """The demo corpus gives the same statistics split or whole."""
    demo = REPO / "assets" / "demo"
    assert stats_for_paths([demo]).as_json() == corpus_stats(load_corpus([demo])).as_json()


ENCODINGS = {
    "plain": lambda text: text.encode(),
    "crlf": lambda text: text.replace("\n", "\r\n").encode(),
    "cr": lambda text: text.replace("\n", "\r").encode(),
    "bom-crlf": lambda text: codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode(),
    "utf-16": lambda text: text.encode("utf-16"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_parallel_stats_of_any_encoding_equal_single_pass(
    small_parts: None, tmp_path: Path, encoding: str
) -> None:
    """A file mapped as it is (plain UTF-8) or normalised first (line ends, byte-order mark,
    UTF-16) gives the same statistics split in two as loaded whole."""
    text = "\n".join(generate(300, seed=5)) + "\n"
    path = tmp_path / "corpus.txt"
    path.write_bytes(ENCODINGS[encoding](text))
    assert safe_split(normalise(path.read_bytes()).data) is not None
    assert stats_for_paths([path]).as_json() == corpus_stats(load_corpus([path])).as_json()


@pytest.mark.parametrize("encoding", ["plain", "crlf", "cr", "bom-crlf"])
def test_a_cut_found_in_a_window_of_unnormalised_text_is_the_same_line(encoding: str) -> None:
    """`split_unnormalised` looks for a cut in a normalised window around the middle and finds
    that line again in the raw bytes: the raw part before it normalises to the text before the
    cut `safe_split` makes in the window (here, the window is the middle 8 KB)."""
    text = "\n".join(generate(300, seed=5)) + "\n"
    raw = ENCODINGS[encoding](text)
    mark = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parsing.split_points, "_WINDOW", 4096)
        cut = split_unnormalised(raw, mark)
    assert cut is not None
    whole = normalise(raw).data
    before = normalise_newlines(bytearray(raw[mark:cut]))
    # The raw cut falls after a whole line break: each side normalises to its part of the whole.
    assert whole.startswith(before) and before.endswith(b"\n")
    assert normalise_newlines(bytearray(raw[cut:])) == whole[len(before) :]
    middle = len(whole) // 2
    assert abs(len(before) - middle) < 4096  # found in the window around the middle


def test_a_window_does_not_take_its_first_line_for_the_first_of_the_source(
    small_parts: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A marker line that opens the window is no cut when the line above it, outside the
    window, could be "Keep Current with" (it is here: the marker line is an author's name).
    Blank lines carry the look back past the window's start."""
    monkeypatch.setattr(parsing.split_points, "_WINDOW", 4096)
    above = "1/ a\n2/ b\n" + ("x" * 70 + "\n") * 60 + "Keep Current with\n"
    text = above + "2/ Ana Vidal\nmore text\n" + "\n" * 4696 + "1/ c #tag @m\n2/ d\n"
    text += "z" * (2 * (len(above) + 5 + 4096) - len(text))  # the window starts at "2/ Ana"
    path = tmp_path / "corpus.txt"
    path.write_text(text, encoding="utf-8")
    assert stats_for_paths([path]).as_json() == corpus_stats(load_corpus([path])).as_json()


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_parallel_stats_cut_in_a_small_window_equal_single_pass(
    small_parts: None, tmp_path: Path, encoding: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the cut looked for in a window much smaller than the file, the parts, normalised
    each in its own process, give the statistics of the file loaded whole."""
    monkeypatch.setattr(parsing.split_points, "_WINDOW", 4096)
    text = "\n".join(generate(300, seed=5)) + "\n"
    path = tmp_path / "corpus.txt"
    path.write_bytes(ENCODINGS[encoding](text))
    assert stats_for_paths([path]).as_json() == corpus_stats(load_corpus([path])).as_json()


def _is_chrome(line: str) -> bool:
    return line.startswith(("• •", "Missing", "force", "Keep", "Read all", "This Thread"))


def test_stats_without_a_second_process_count_both_halves(small_parts: None) -> None:
    """With another thread running, no process is forked: the second half is counted here,
    before the first half's buffer is cut, and the statistics equal the single-pass ones."""
    demo = REPO / "assets" / "demo"
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        split = stats_for_paths([demo]).as_json()
    finally:
        release.set()
        other.join()
    assert split == corpus_stats(load_corpus([demo])).as_json()


@pytest.mark.parametrize("enabled", [True, False], ids=["enabled", "disabled"])
def test_stats_pause_the_cycle_collector_and_restore_it(
    enabled: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`stats_for_paths` counts with the cycle collector paused, and gives it back in the state
    it was in, collecting or not."""
    seen: list[bool] = []
    finish = parsing.stats._finish

    def finish_and_look(*args: Any) -> parsing.stats.CorpusStats:
        seen.append(gc.isenabled())
        return finish(*args)

    monkeypatch.setattr(parsing.stats, "_finish", finish_and_look)
    demo = REPO / "assets" / "demo"
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        stats_for_paths([demo])
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert seen == [False]


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
