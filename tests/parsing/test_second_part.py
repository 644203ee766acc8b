"""The second part of a file read in halves, as the index process sends it (`second_part`):
shifted there to where it lands, it joins into the corpus a single read gives, whether that
shift was right or the reader has to make up a difference."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import parsing.index_incoming
import parsing.second_part
import parsing.split_read
from parsing.corpus import Corpus
from parsing.flag_index import FlagIndexer, flag_index
from parsing.index_incoming import IndexProcess
from parsing.read_loop import plan
from parsing.second_part import (
    first_extent,
    received_first,
    send_first,
    send_second,
    shifted_posts,
)
from parsing.split_read import (
    Halves,
    RawCheck,
    Shift,
    join_second,
    plan_halves,
    read_first,
    read_second,
)

from .test_split_read import everything, pages_file, whole_read

__all__ = ["pages_file"]  # the fixture, used by name


def halves_of(path: Path) -> Halves:
    halves = plan_halves(plan([str(path)]))
    assert halves is not None
    return halves


def sent(halves: Halves) -> IndexProcess:
    """The reader's end of what the index process sends of the second part."""
    outgoing = io.BytesIO()
    send_second(halves, outgoing)
    return IndexProcess(io.BufferedReader(io.BytesIO(outgoing.getvalue())), lambda _: None)


def sent_and_joined(halves: Halves) -> tuple[Corpus, Shift]:
    """The first part read here, the second sent as the index process sends it, received and
    joined as the reader does; and the shift it came with."""
    incoming = sent(halves)
    corpus = Corpus()
    resume, check = read_first(halves, corpus)
    assert incoming.half_flags(check) is not None
    received = incoming.second_half(check, corpus.sources[0].buf)
    assert received is not None
    second, buf, shifted = received
    join_second(corpus, second, resume, buf, shifted)
    return corpus, shifted


@pytest.fixture(autouse=True)
def small_files_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsing.split_read, "SPLIT_BYTES", 1)


def test_a_part_sent_shifted_joins_into_the_single_read(pages_file: Path) -> None:
    """The part comes with its positions shifted by the first part's length (its lines are
    left to the reader), and joins into what a single read of the file gives."""
    halves = halves_of(pages_file)
    joined, shifted = sent_and_joined(halves)
    assert shifted == Shift(halves.cut, 0) and halves.cut > 0
    assert everything(joined) == everything(whole_read(pages_file))


def test_line_ends_and_a_mark_are_counted_as_the_reader_lays_them_out(pages_file: Path) -> None:
    """With CRLF line ends and a byte-order mark, the shift is the first part's length once
    normalised, as the reader lays it out."""
    pages_file.write_bytes(b"\xef\xbb\xbf" + pages_file.read_bytes().replace(b"\n", b"\r\n"))
    halves = halves_of(pages_file)
    corpus = Corpus()
    read_first(halves, corpus)
    assert first_extent(halves) == Shift(len(corpus.sources[0].buf), 0)
    assert len(corpus.sources[0].buf) < halves.cut - halves.mark
    joined, _ = sent_and_joined(halves)
    assert everything(joined) == everything(whole_read(pages_file))


def test_a_first_part_that_lays_out_longer_is_made_up_for(pages_file: Path) -> None:
    """Bytes that are not UTF-8 in the first part lay out longer than the file holds them (each
    becomes U+FFFD): the reader shifts the part by the difference, and the join is still the
    single read."""
    text = pages_file.read_bytes()
    pages_file.write_bytes(text[:50] + b"\xff\xfe" + text[50:])
    halves = halves_of(pages_file)
    first = Corpus()
    read_first(halves, first)
    joined, shifted = sent_and_joined(halves)
    assert shifted.offset == halves.cut < len(first.sources[0].buf)  # the shift fell short
    assert everything(joined) == everything(whole_read(pages_file))


def test_a_part_shifted_by_any_amount_joins_the_same(pages_file: Path) -> None:
    """However far the part was shifted already, joining shifts it the rest of the way."""
    halves = halves_of(pages_file)
    expected = everything(whole_read(pages_file))
    for shift in (Shift(7, 3), Shift(10**6, 10**4)):
        corpus = Corpus()
        resume, _ = read_first(halves, corpus)
        second, _ = read_second(halves)
        with shifted_posts(second.posts, shift):
            join_second(corpus, second, resume, shifted=shift)
        assert everything(corpus) == expected, shift


def test_a_part_shifted_past_4_gib_joins_the_same(pages_file: Path) -> None:
    """A part shifted as far as a file of over 4 GiB would put it has 8-byte positions while
    it is sent, and joins a small file's 4-byte columns with the single read's positions."""
    halves = halves_of(pages_file)
    corpus = Corpus()
    resume, _ = read_first(halves, corpus)
    second, _ = read_second(halves)
    shift = Shift(5 << 30, 10)
    with shifted_posts(second.posts, shift):
        assert second.posts.text_start.typecode == second.posts.text_end.typecode == "q"
        assert second.posts.text_end[0] > 5 << 30
        join_second(corpus, second, resume, shifted=shift)
    assert everything(corpus) == everything(whole_read(pages_file))
    assert corpus.posts.text_start.itemsize == 4


def test_a_part_read_from_the_pipe_a_few_bytes_at_a_time_joins_the_same(
    pages_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader takes the part's bytes a window at a time (as a big one is, so that its
    interface keeps its turns): in windows of a few bytes it joins into the single read too."""
    monkeypatch.setattr(parsing.index_incoming, "_WINDOW", 7)
    joined, _ = sent_and_joined(halves_of(pages_file))
    assert everything(joined) == everything(whole_read(pages_file))


def test_the_flags_of_the_part_come_before_it(pages_file: Path) -> None:
    """The flags of the second part's threads come first, so the reader can list every flag
    before it takes the part in; with the first part's, they are the flags of the whole file."""
    flagged = "\n\n1/ Talks between 🇷🇺 and 🇨🇳 resume\n\n2/ Then 🇺🇦 answers\n"
    pages_file.write_bytes(pages_file.read_bytes() + flagged.encode())
    halves = halves_of(pages_file)
    incoming = sent(halves)
    corpus = Corpus()
    _, check = read_first(halves, corpus)
    indexer = FlagIndexer(corpus)
    indexer.add(corpus.thread_count)
    part = incoming.half_flags(check)
    assert part is not None
    indexer.absorb(part)
    assert indexer.complete
    assert indexer.index() == flag_index(whole_read(pages_file))
    assert {"RU", "CN", "UA"} <= set(part.holders)


def test_flags_of_other_bytes_are_not_taken(pages_file: Path) -> None:
    """Flags found in other bytes than the reader read (the file changed between the two
    reads) are refused, and nothing after them is taken either."""
    halves = halves_of(pages_file)
    incoming = sent(halves)
    corpus = Corpus()
    _, check = read_first(halves, corpus)
    other = RawCheck(check.length, check.crc ^ 1)
    assert incoming.half_flags(other) is None
    assert incoming.second_half(check, corpus.sources[0].buf) is None


def test_the_first_part_the_reader_sends_is_joined_as_laid_out(
    pages_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader sends its part laid out; the other process joins its own part to it without
    laying the first part out again, into what a single read gives; the reader's corpus is as
    it was."""
    halves = halves_of(pages_file)
    corpus = Corpus()
    resume, check = read_first(halves, corpus)
    before = everything(corpus)
    back = io.BytesIO()
    send_first(back, check, corpus, resume)
    assert everything(corpus) == before

    def not_here(*args: object) -> None:
        raise AssertionError("the first part was laid out again")

    monkeypatch.setattr(parsing.second_part, "read_first", not_here)
    incoming = io.BufferedReader(io.BytesIO(back.getvalue()))
    joined, _ = send_second(halves, io.BytesIO(), incoming)
    assert everything(joined) == everything(whole_read(pages_file))


def test_a_first_part_read_from_other_bytes_is_laid_out_again(pages_file: Path) -> None:
    """A part the reader laid out from other bytes than this process read (the file changed
    between the two reads), or none at all, is not taken: the first part is laid out here."""
    halves = halves_of(pages_file)
    corpus = Corpus()
    resume, check = read_first(halves, corpus)
    back = io.BytesIO()
    send_first(back, RawCheck(check.length, check.crc ^ 1), corpus, resume)
    expected = everything(whole_read(pages_file))
    for sent in (back.getvalue(), b""):
        assert received_first(io.BufferedReader(io.BytesIO(sent)), check) is None
        joined, _ = send_second(halves, io.BytesIO(), io.BufferedReader(io.BytesIO(sent)))
        assert everything(joined) == expected
