"""A parsed corpus: sources, post and thread columns, skipped lines, and text on demand."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .decoding import DecodedText, decode, replace_invalid_utf8, replacement_warning
from .events import Event
from .given import PostMeta, ThreadMeta
from .given_starts import with_post_starts
from .layout import LayoutBuilder
from .lines import read_structure
from .tables import PostColumns, SkippedLine, ThreadColumns
from .thread_ids import ThreadIds
from .titles import TITLE_BYTES, title_of


@dataclass(slots=True)
class Source:
    """One input file as normalised UTF-8; chrome lines are blanked out of `buf`."""

    name: str
    buf: bytearray
    encoding: str
    replaced: int
    _holds: dict[bytes, bool] = field(default_factory=dict)
    credits: list[tuple[int, str]] = field(default_factory=list)
    """(1-based line, text) of the credits embedded tweets' last lines end with
    (`embed_credits`): no skipped lines, but what they say of a thread is read as theirs."""

    def holds(self, needle: bytes) -> bool:
        """Does `buf` contain `needle`? Remembered, since a search may ask often."""
        if needle not in self._holds:
            self._holds[needle] = contains_bytes(self.buf, needle)
        return self._holds[needle]


HOLDS_WINDOW = 4 << 20
"""The bytes one `find` of `contains_bytes` reads: a few milliseconds."""


def contains_bytes(buf: bytearray, needle: bytes) -> bool:
    """`needle in buf`, a window at a time: one `find` over a big buffer holds the interpreter
    lock for as long as it reads (a third of a second at a million posts), and a reader's
    interface, loading in another thread meanwhile, would wait for it."""
    reach = len(needle) - 1  # a needle across a window's end is found in the window it starts in
    return any(
        buf.find(needle, start, start + HOLDS_WINDOW + reach) >= 0
        for start in range(0, max(len(buf), 1), HOLDS_WINDOW)
    )


@dataclass(frozen=True, slots=True)
class PreparedSource:
    """A decoded source with its structural lines found, ready to be laid out."""

    source: Source
    events: list[Event]
    chrome_texts: dict[int, str]


@dataclass
class Corpus:
    """Threads and posts in compact columns over the source buffers.

    Build it with `add_source` (or `parsing.load_corpus`); read it with the accessors, which
    decode text only for the posts asked for.
    """

    sources: list[Source] = field(default_factory=list)
    posts: PostColumns = field(default_factory=PostColumns)
    threads: ThreadColumns = field(default_factory=ThreadColumns)
    skipped: list[SkippedLine] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """One line for each thing worth telling the user: a file skipped, bytes replaced."""
    thread_meta: dict[int, ThreadMeta] = field(default_factory=dict)
    """What the page or archive says of a thread (author, date, length), by thread; few
    threads have any, so it is kept beside the columns."""
    post_meta: dict[int, PostMeta] = field(default_factory=dict)
    """What an archive says of a post (date, media, its own entities), by post."""

    # -- building -----------------------------------------------------------------------------

    def add_source(
        self,
        name: str,
        raw: bytes | bytearray,
        *,
        normalised: bool = False,
        post_starts: Sequence[int] = (),
        thread_starts: Sequence[int] = (),
    ) -> Source:
        """Decode `raw`, lay out its threads and posts and append them.

        With `normalised`, `raw` already went through `decoding.normalise` (byte-order mark,
        UTF-16 and line ends dealt with); only invalid UTF-8 is left to replace. `post_starts`:
        1-based lines where the page's markup says a post begins; `thread_starts`, where it
        says another thread begins (a listing's teaser).
        """
        prepared = self.prepare_source(
            name, raw, normalised=normalised, post_starts=post_starts, thread_starts=thread_starts
        )
        self.lay_out(prepared)
        return prepared.source

    def prepare_source(
        self,
        name: str,
        raw: bytes | bytearray,
        *,
        normalised: bool = False,
        post_starts: Sequence[int] = (),
        thread_starts: Sequence[int] = (),
    ) -> PreparedSource:
        """Decode `raw` and find its structural lines; its buffer is final after this.

        Chrome lines and glued markers are blanked here, so entities can be counted over the
        buffer (in another process, say) while `lay_out` builds the posts.
        """
        if normalised:
            data, replaced = replace_invalid_utf8(bytearray(raw) if isinstance(raw, bytes) else raw)
            decoded = DecodedText(data, "utf-8", replaced)
        else:
            decoded = decode(raw)
        source = Source(name, decoded.data, decoded.encoding, decoded.replaced)
        if decoded.replaced:
            self.warnings.append(replacement_warning(name, decoded.replaced, decoded.encoding))
        events, texts = read_structure(source.buf)
        events = with_post_starts(source.buf, events, post_starts, thread_starts)
        return PreparedSource(source, events, texts)

    def lay_out(self, prepared: PreparedSource) -> None:
        """Append the threads and posts of a prepared source."""
        self.sources.append(prepared.source)
        self.posts.reach(len(prepared.source.buf))
        builder = LayoutBuilder(
            prepared.source.buf, len(self.sources) - 1, self.posts, self.threads, self.skipped
        )
        builder.chrome_texts = prepared.chrome_texts
        builder.build(prepared.events)
        prepared.source.credits = builder.credits
        self.__dict__.pop("thread_ids", None)

    # -- reading ------------------------------------------------------------------------------

    def prepare_search(self) -> None:
        """Look for the letters' exotic case variants (the Kelvin sign) in each source now (a
        reader does it while loading), so the first search for a `k` need not read the whole
        file for them first."""
        from string import ascii_lowercase

        from .case_key import exotic_variants

        exotic = exotic_variants(ascii_lowercase)
        for source in self.sources:
            for variant in exotic:
                source.holds(variant)

    @property
    def thread_count(self) -> int:
        return len(self.threads)

    @property
    def post_count(self) -> int:
        return len(self.posts)

    def source_of(self, thread: int) -> Source:
        return self.sources[self.threads.source[thread]]

    def post_bytes(self, post: int, source: Source | None = None) -> bytes:
        """The UTF-8 text of a post (its marker left out)."""
        posts = self.posts
        if source is None:
            source = self.sources[self.threads.source[self.thread_of(post)]]
        buf = source.buf
        start, end = posts.text_start[post], posts.text_end[post]
        hole = posts.holes.get(post)
        if hole is None:
            return bytes(buf[start:end])
        return bytes(buf[start : hole[0]]) + bytes(buf[hole[1] : end])

    def post_text(self, post: int) -> str:
        return self.post_bytes(post).decode("utf-8", "replace")

    def thread_of(self, post: int) -> int:
        from bisect import bisect_right

        return bisect_right(self.threads.first_post, post, 0, len(self.threads)) - 1

    def thread_posts(self, thread: int) -> range:
        return self.threads.posts(thread)

    def thread_numbers(self, thread: int) -> list[int | None]:
        numbers = self.posts.number
        return [numbers[i] or None for i in self.thread_posts(thread)]

    def missing(self, thread: int) -> list[int]:
        """Post numbers absent from 1..highest."""
        posts = self.thread_posts(thread)
        present = set(self.posts.number[posts.start : posts.stop])
        present.discard(0)  # an unnumbered post
        highest = max(present, default=0)
        if len(present) == highest and min(present, default=1) > 0:  # 1..highest all there
            return []
        return [n for n in range(1, highest + 1) if n not in present]

    def first_line(self, thread: int) -> int:
        return self.posts.first_line[self.threads.first_post[thread]]

    def last_line(self, thread: int) -> int:
        return self.posts.last_line[self.threads.first_post[thread + 1] - 1]

    def meta(self, thread: int) -> ThreadMeta:
        return self.thread_meta.get(thread, _NO_META)

    def title(self, thread: int) -> str:
        post = self.threads.first_post[thread]
        posts = self.posts
        start, end = posts.text_start[post], posts.text_end[post]
        if post in posts.holes or end - start <= TITLE_BYTES:
            first_post = self.post_bytes(post, self.source_of(thread))
        else:  # a long post: only its start can hold the title, and is decoded
            first_post = bytes(self.source_of(thread).buf[start : start + TITLE_BYTES])
        return title_of(first_post.decode("utf-8", "replace"))

    @cached_property
    def thread_ids(self) -> ThreadIds:
        """A stable id per thread: a hash of its numbers and text, made unique in the corpus
        (the second thread with the same hash gets `-2`, the third `-3` …)."""
        return ThreadIds(self._ids(range(len(self.threads))))

    def _ids(self, threads: Iterable[int]) -> list[str]:
        """The ids of the first threads, `threads` being `range(n)`."""
        ids: list[str] = []
        seen: dict[str, int] = {}
        for thread in threads:
            base = self._thread_digest(thread)
            seen[base] = seen.get(base, 0) + 1
            ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
        return ids

    def ids_of(self, threads: Iterable[int]) -> dict[int, str]:
        """`thread_ids` of some threads, hashing only them and the earlier threads that could
        hash alike (same number of posts, same first and last post lengths): a selection of a
        large corpus (its second half, say) is not worth hashing every thread for."""
        chosen = sorted(set(threads))
        if "thread_ids" in self.__dict__ or len(chosen) == len(self.threads):
            every = self.thread_ids
            return {thread: every[thread] for thread in chosen}
        if chosen == list(range(len(chosen))):  # the first threads: no earlier thread to hash
            return dict(enumerate(self._ids(chosen)))
        # Threads that hash alike have the same shape: each shape of a chosen thread is walked
        # once, in order, counting its digests up to the last chosen thread.
        wanted = {self._thread_shape(thread) for thread in chosen}
        shapes: dict[tuple[int, int, int], list[int]] = {}
        for thread in range(chosen[-1] + 1):
            shape = self._thread_shape(thread)
            if shape in wanted:
                shapes.setdefault(shape, []).append(thread)
        picked = set(chosen)
        ids: dict[int, str] = {}
        for alike in shapes.values():
            seen: dict[str, int] = {}
            for thread in alike:
                base = self._thread_digest(thread)
                seen[base] = seen.get(base, 0) + 1
                if thread in picked:
                    ids[thread] = base if seen[base] == 1 else f"{base}-{seen[base]}"
        return {thread: ids[thread] for thread in chosen}

    def _thread_shape(self, thread: int) -> tuple[int, int, int]:
        """What threads with the same digest share, cheap to read from the columns."""
        posts = self.thread_posts(thread)
        if not posts:
            return 0, 0, 0
        return len(posts), self._post_length(posts.start), self._post_length(posts.stop - 1)

    def _post_length(self, post: int) -> int:
        columns = self.posts
        hole_start, hole_end = columns.holes.get(post, (0, 0))
        return columns.text_end[post] - columns.text_start[post] - (hole_end - hole_start)

    def _thread_digest(self, thread: int) -> str:
        return self.thread_digests([thread])[0]

    def thread_digests(self, threads: Iterable[int]) -> list[str]:
        """What `thread_ids` makes unique: a hash of each thread's post numbers and texts."""
        from hashlib import blake2b  # here: only export and the reader need ids; `stats` saves it

        posts = self.posts
        numbers, starts, ends, holes = posts.number, posts.text_start, posts.text_end, posts.holes
        first_post, sources = self.threads.first_post, self.threads.source
        digests = []
        for thread in threads:
            source = self.sources[sources[thread]]
            buf = source.buf
            pieces: list[bytes | bytearray] = []
            for post in range(first_post[thread], first_post[thread + 1]):
                pieces.append(b"%d\x00" % numbers[post])
                if post in holes:
                    pieces.append(self.post_bytes(post, source))
                else:
                    pieces.append(buf[starts[post] : ends[post]])
                pieces.append(b"\x01")
            digests.append(blake2b(b"".join(pieces), digest_size=6).hexdigest())
        return digests


_NO_META = ThreadMeta()
