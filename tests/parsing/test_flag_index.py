"""The flags of every thread, found ahead of the other entities, are `build_index`'s flags."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from parsing.corpus import Corpus
from parsing.entities.tally import FLAGS
from parsing.flag_index import FlagIndexer, _may_hold_a_linked_flag, flag_index
from parsing.index import build_index

from .helpers import parse_text
from .test_properties import PROPERTY, texts

RU, UA, AM = "🇷🇺", "🇺🇦", "🇦🇲"
SCOTLAND = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"


def thread_spans(corpus: Corpus) -> list[tuple[bytearray, int, int]]:
    """Per thread, its source's bytes and where its text starts and ends in them."""
    first_post, text_start, text_end = (
        corpus.threads.first_post,
        corpus.posts.text_start,
        corpus.posts.text_end,
    )
    return [
        (
            corpus.source_of(thread).buf,
            text_start[first_post[thread]],
            text_end[first_post[thread + 1] - 1],
        )
        for thread in range(corpus.thread_count)
    ]


def thread_texts(corpus: Corpus) -> list[bytes]:
    """Per thread, the text the flags are read from."""
    return [bytes(buf[start:end]) for buf, start, end in thread_spans(corpus)]


def flags_of(text: str) -> list[tuple[str, ...]]:
    return flag_index(parse_text(text)).flags


def test_a_threads_flags_are_in_order_of_first_use() -> None:
    """Each code once, in the order the thread first uses it; a second thread its own."""
    text = f"1/ From {UA} to {RU} and {UA} again\n2/ then {SCOTLAND}\n1/ Only {AM}\n"
    assert flags_of(text) == [("UA", "RU", "GB-SCT"), ("AM",)]


def test_a_run_of_indicators_pairs_from_the_left() -> None:
    """🇷🇺🇦🇲 is RU then AM: the 🇺🇦 a reader might see inside it is not there."""
    assert flags_of(f"1/ {RU}{AM}\n") == [("RU", "AM")]


def test_a_flag_inside_a_link_is_not_a_flag() -> None:
    """A flag in a link's host is part of the link, as the whole entity rules have it."""
    assert flags_of(f"1/ see http://{RU}.example.com/x and {UA}\n") == [("UA",)]


def test_a_flag_before_a_full_stop_still_counts() -> None:
    """A dot that no host goes on after (the end of a sentence) holds no link."""
    assert flags_of(f"1/ Moscow {RU}. Kyiv {UA}.\n") == [("RU", "UA")]


def test_the_postings_list_each_flags_threads() -> None:
    """The index answers which threads carry a flag, in order, and nothing of other kinds."""
    index = flag_index(parse_text(f"1/ {RU} @bob\n1/ none\n1/ {RU} {UA} #tag\n"))
    assert {feature: threads.tolist() for feature, threads in index.postings.items()} == {
        ("flag", "RU"): [0, 2],
        ("flag", "UA"): [2],
    }
    assert index.thread_count == 3


def test_threads_read_a_stretch_at_a_time_give_the_same_index() -> None:
    """`add` up to some thread, then to the end: the index is that of reading all at once."""
    corpus = parse_text("".join(f"1/ thread {n} {RU if n % 2 else UA}\n" for n in range(600)))
    indexer = FlagIndexer(corpus)
    indexer.add(250)
    assert indexer.done == 250
    indexer.add(corpus.thread_count)
    assert indexer.index() == flag_index(corpus)


def test_each_sources_threads_are_read_in_their_own_text() -> None:
    """Two files, the second's threads read in a stretch with the first's: each thread's flags
    are those of its own file's text."""
    corpus = Corpus()
    corpus.add_source("a.txt", f"1/ one {UA}\n1/ two\n".encode())
    corpus.add_source("b.txt", f"1/ three {AM}\n1/ and four {RU}\n".encode())
    assert flag_index(corpus).flags == [("UA",), (), ("AM",), ("RU",)]


LINKED_PIECES = [
    RU, UA, AM, "🇺", SCOTLAND, "http://", "https://", "example.com", ".ru", ".com/", ".", "/",
    "@bob", "@alice", "carnegie.ru/x", "#tag", "#тег", "é", "a", " ", " ", "\n", "\n1/ ",
    "\n2/ ", "…", "-", "_", "xn--p1ai", ".рф",
]  # fmt: skip
linked_texts = st.lists(st.sampled_from(LINKED_PIECES), max_size=40).map("".join)
"""Flags in and around links, glued mentions and hashtags."""


@PROPERTY
@given(linked_texts | texts)
@example(f"1/ @bobcarnegie.ru/a{RU} @alicecarnegie.ru/b\n")
@example(f"1/ #tagé{RU}.com {UA}\n")
@example(f"1/ @bobcarnegie.ru/a@b x{RU}.example.com carnegie.ru/c\n")  # waits for evidence
def test_the_flags_are_those_of_the_whole_index(text: str) -> None:
    """Per thread, the flags (and which threads hold each) are those `build_index` finds by
    the whole entity rules."""
    corpus = parse_text(text)
    whole = build_index(corpus, with_words=False)
    index = flag_index(corpus)
    assert index.flags == whole.flags
    assert index.postings == {k: v for k, v in whole.postings.items() if k[0] == "flag"}


@PROPERTY
@given(linked_texts, linked_texts)
@example(f"1/ {RU} carnegie.ru/c\n", f"1/ @bobcarnegie.ru/a@b x{RU}.example.com {UA}\n")
@example(f"\n1/ \n{RU}", "")  # whole, a post numbered at its end: the flag is the second thread's
def test_a_part_found_elsewhere_and_absorbed_gives_the_same_index(first: str, second: str) -> None:
    """The threads of a corpus's first part indexed here, those of the rest by an indexer of
    their own (as the other process does) and absorbed: the index of the whole at once, the
    threads that wait for the corpus's evidence included."""
    second = "\n1/ " + second
    whole = parse_text(first + second)
    alone = parse_text(first)
    rest = parse_text(second)
    if thread_texts(alone) + thread_texts(rest) != thread_texts(whole):
        return  # the whole lays its threads out otherwise: not parts of one corpus
    indexer = FlagIndexer(whole)
    indexer.add(alone.thread_count)
    elsewhere = FlagIndexer(rest)
    elsewhere.add(rest.thread_count)
    indexer.absorb(elsewhere.part())
    assert indexer.index() == flag_index(whole)


class _Recording(FlagIndexer):
    """A flag indexer that notes which threads it counts by the whole entity rules."""

    def __init__(self, corpus: Corpus) -> None:
        super().__init__(corpus)
        self.by_whole_rules: list[int] = []

    def _by_whole_rules(self, thread: int, buf: bytearray, start: int, end: int) -> tuple[str, ...]:
        self.by_whole_rules.append(thread)
        return super()._by_whole_rules(thread, buf, start, end)


def linked_threads(corpus: Corpus) -> list[int]:
    """The threads with a flag that `_may_hold_a_linked_flag` says may be in a link."""
    return [
        thread
        for thread, (buf, start, end) in enumerate(thread_spans(corpus))
        if FLAGS.search(buf, start, end) and _may_hold_a_linked_flag(buf, start, end)
    ]


def by_whole_rules(text: str) -> list[int]:
    corpus = parse_text(text)
    indexer = _Recording(corpus)
    indexer.add(corpus.thread_count)
    return indexer.by_whole_rules


def test_a_flag_a_link_follows_in_its_token_is_counted_by_the_whole_rules() -> None:
    """A host dot after a flag, past another flag glued to it: the thread is read whole."""
    assert by_whole_rules(f"1/ plain {UA}\n1/ see {RU}{UA}example.com\n1/ {AM}. done\n") == [1]


def test_a_flag_after_a_link_in_its_token_is_counted_by_the_whole_rules() -> None:
    """A host dot before a flag in its token, in a thread far into the corpus (its stretch of
    threads looked over first): that thread alone is read whole."""
    text = "".join(f"1/ thread {n} {UA}\n" for n in range(600))
    text += f"1/ at example.com/{RU}\n" + f"1/ last {AM}\n"
    assert by_whole_rules(text) == [600]


@PROPERTY
@given(linked_texts | texts)
@example(f"1/ {RU}{UA}{AM}x.ru\n")
@example(f"1/ a.b/{SCOTLAND}{RU}\n2/ {UA}.\n")
def test_the_threads_read_whole_are_those_that_may_hold_a_linked_flag(text: str) -> None:
    """The one pass over a thread's flags (with a look for a host dot before a flag) sends to
    the whole rules exactly the threads `_may_hold_a_linked_flag` picks."""
    corpus = parse_text(text)
    indexer = _Recording(corpus)
    indexer.add(corpus.thread_count)
    assert indexer.by_whole_rules == linked_threads(corpus)
