"""Each thread's flags alone, found in a small part of the time the whole entity pass takes.

The flag picker and flag filters need nothing but the flags; `build_index` first gathers the
corpus's evidence for glued tokens and reads every mention, hashtag and link, seconds at a
million posts. The flags themselves are one pattern (`tally.FLAGS`, `flags.flag_code`): what
the whole pass adds is that a flag inside a link is part of the link, not a flag of its own
(`tally.forget_inside`). A link lies in a token without ASCII whitespace and holds a dot
followed by a letter, a digit, a hyphen or a non-ASCII character (where a top-level domain, or
the rest of a host glued to a mention, starts). So a thread's flags are its `FLAGS` matches
unless one of them shares such a token with such a dot; only those few threads are counted by
the whole rules (`tally_by_thread`), and only a thread whose flag sits in the path of a glued
mention+link token waits for the corpus's evidence (`glued_evidence`), which decides where
that token splits. The flags are those of `build_index`, in the same order (a property test
holds them equal).
"""

from __future__ import annotations

import re
from array import array
from collections import defaultdict
from typing import NamedTuple

from .corpus import Corpus
from .entities.by_thread import tally_by_thread
from .entities.flags import flag_code
from .entities.glued_counts import GluedSummary, apply_glued
from .entities.tally import FLAGS, Tally
from .index import CorpusIndex, glued_evidence

_IN_TOKEN = rb"[^ \t\n\r\f\v]*?"
_HOST_DOT = rb"\.[A-Za-z0-9\-\xc2-\xf4]"
"""A dot where a link's host may go on: every link, and every glued mention+link, has one."""
_FLAG = FLAGS.pattern
# Two patterns, each starting with its literal bytes, which the engine skips to.
_FLAG_THEN_DOT = re.compile(_FLAG + _IN_TOKEN + _HOST_DOT)
_DOT_THEN_FLAG = re.compile(_HOST_DOT + _IN_TOKEN + _FLAG)
_FLAG_OR_LINKED = re.compile(_FLAG + rb"(?:" + _IN_TOKEN + _HOST_DOT + rb")?")
"""A flag, run on to the first host dot of its token after it when there is one (a linked
match, which holds a dot: a flag's own bytes never do). Its matches are `FLAGS`' where no
flag has a host dot after it in its token; where one has, the first flag of that token runs
on to the dot. So one pass finds a thread's flags and what `_FLAG_THEN_DOT` would find; only
`_DOT_THEN_FLAG` needs a pass of its own (`add`)."""

_CHUNK = 256
"""Threads looked over at once for a host dot before a flag (most stretches hold none)."""


class FlagPart(NamedTuple):
    """The flags one indexer found, for another to take (`FlagIndexer.absorb`)."""

    flags: list[tuple[str, ...]]
    """Each thread's flag codes."""
    waiting: dict[int, Tally]
    """The counts of the threads waiting for the corpus's glued-token evidence."""
    holders: dict[str, array[int]]
    """Each flag's threads, in order."""


class FlagIndexer:
    """Finds the flags of a corpus's threads, from the first, as far as asked each time."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self.flags: list[tuple[str, ...]] = []
        """Per thread so far: its flag codes in order of first appearance."""
        self._waiting: dict[int, Tally] = {}
        """Threads whose counts wait for the corpus's glued-token evidence."""
        self._holders: defaultdict[str, list[int]] = defaultdict(list)
        self._shared: dict[tuple[str, ...], tuple[str, ...]] = {}
        """One tuple for each distinct set of flags: many threads carry the same ones."""

    @property
    def done(self) -> int:
        """How many threads, from the first, have been read."""
        return len(self.flags)

    def add(self, stop: int) -> None:
        """Read the threads from `done` to `stop`. A thread is counted by the whole rules when
        `_may_hold_a_linked_flag` says so: when one of its `_FLAG_OR_LINKED` matches is linked,
        or when a look over its chunk found a host dot before a flag and a look over the thread
        finds one too (a property test holds this to `_may_hold_a_linked_flag`)."""
        corpus = self._corpus
        first_post, sources = corpus.threads.first_post, corpus.threads.source
        text_start, text_end = corpus.posts.text_start, corpus.posts.text_end
        flags, holders, shared = self.flags, self._holders, self._shared
        findall, code_of = _FLAG_OR_LINKED.findall, _CODES.__getitem__
        dot_then_flag = _DOT_THEN_FLAG.search
        while len(flags) < stop:
            first = len(flags)
            source = sources[first]
            last = min(first + _CHUNK, stop)  # the chunk's end: threads of one source
            while sources[last - 1] != source:
                last -= 1
            buf = corpus.sources[source].buf
            starts = [text_start[post] for post in first_post[first:last]]
            ends = [text_end[post - 1] for post in first_post[first + 1 : last + 1]]
            dot_first = dot_then_flag(buf, starts[0], ends[-1]) is not None
            for thread, start, end in zip(range(first, last), starts, ends, strict=True):
                found = findall(buf, start, end)
                if not found:
                    flags.append(())
                    continue
                codes = tuple(filter(None, map(code_of, dict.fromkeys(found))))
                if _LINKED in codes or (dot_first and dot_then_flag(buf, start, end)):
                    codes = self._by_whole_rules(thread, buf, start, end)
                codes = shared.setdefault(codes, codes)
                flags.append(codes)
                for code in codes:
                    holders[code].append(thread)

    @property
    def complete(self) -> bool:
        """Is every flag read so far known? (Otherwise some threads wait for the corpus's
        glued-token evidence, which `index` gathers from the whole corpus.)"""
        return not self._waiting

    def part(self) -> FlagPart:
        """What was found so far, for `absorb` in another process."""
        holders = {code: array("I", threads) for code, threads in self._holders.items()}
        return FlagPart(self.flags, self._waiting, holders)

    def absorb(self, part: FlagPart) -> None:
        """Take the `part` another indexer found for the threads from `done` on (its threads
        numbered from 0). Its holders are taken a flag at a time, not a thread at a time: the
        reader takes a part between its first rows and the flag picker."""
        first = len(self.flags)
        self.flags += part.flags
        for code, threads in part.holders.items():
            self._holders[code] += map(first.__add__, threads)
        for thread, counts in part.waiting.items():
            self._waiting[thread + first] = counts

    def _by_whole_rules(self, thread: int, buf: bytearray, start: int, end: int) -> tuple[str, ...]:
        counts = tally_by_thread(buf, [(start, end)])[0]
        if counts.glued and GluedSummary.of(counts).with_sigils:
            self._waiting[thread] = counts
        return _positive(counts)

    def index(self) -> CorpusIndex:
        """The index of the flags of every thread read (the corpus's evidence gathered first
        when a thread waits for it); every other kind of entity is left out."""
        if self._waiting:
            evidence = glued_evidence(self._corpus)
            for thread, counts in self._waiting.items():
                apply_glued(counts, evidence)
                self.flags[thread] = _positive(counts)
            self._waiting.clear()
            self._holders = defaultdict(list)
            for thread, codes in enumerate(self.flags):
                for code in codes:
                    self._holders[code].append(thread)
        postings = {("flag", code): array("I", threads) for code, threads in self._holders.items()}
        return CorpusIndex(flags=list(self.flags), postings=postings, thread_count=len(self.flags))


def _may_hold_a_linked_flag(buf: bytearray, start: int, end: int) -> bool:
    """Does a flag share its token with a host dot, before or after it? (Then the thread's
    flags are counted by the whole rules.)"""
    return bool(_FLAG_THEN_DOT.search(buf, start, end) or _DOT_THEN_FLAG.search(buf, start, end))


_LINKED = "linked"
"""What a linked `_FLAG_OR_LINKED` match stands for among a thread's codes (no flag's code)."""


class _Codes(dict[bytes, str | None]):
    """A flag's bytes to its code (None when it names no region), worked out once each; a
    linked match to `_LINKED` (not kept: each is text of its own)."""

    def __missing__(self, flag: bytes) -> str | None:
        if b"." in flag:
            return _LINKED
        code = self[flag] = flag_code(flag)
        return code


_CODES = _Codes()


def _positive(counts: Tally) -> tuple[str, ...]:
    return tuple(code for code, n in counts.flags.items() if n > 0)


def flag_index(corpus: Corpus) -> CorpusIndex:
    """The flags of every thread of `corpus`, at once."""
    indexer = FlagIndexer(corpus)
    indexer.add(corpus.thread_count)
    return indexer.index()
