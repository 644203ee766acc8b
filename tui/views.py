"""From the corpus to what the widgets show: rows, posts, related threads, flag choices."""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

from parsing.corpus import Corpus
from parsing.entities.extract import extract_spans
from parsing.entities.flags import region_names
from parsing.entities.found import found_entities
from parsing.entities.glued import GluedEvidence
from parsing.index import CorpusIndex
from parsing.related import related_cost, related_threads
from parsing.search import posts_matching
from parsing.search_memory import SearchMemory

from .post_layout import PostData
from .remembered import Remembered
from .screens.flag_picker import FlagChoice
from .widgets.thread_list import Row

_NO_EVIDENCE = GluedEvidence(frozenset())
SMALL = 5000
"""Up to this many threads, related threads and searches are quick enough to run in place."""
CHEAP_RELATED = 20_000
"""Related threads with up to this many candidates take a few ms: found in place instead of a
moment later from a worker."""
RECENT_THREADS = 8
"""How many threads' posts are kept: the open one, those `n`/`p` go to, and a few more."""
HIT_COUNTS_KEPT = 4096
"""Rows' hit counts kept: a few screens' worth for each of the last queries."""
SHOWN_BYTES = 50_000
"""The most of one post the pane lays out: X's longest posts are 25,000 characters; a
pathological 20 MB "post" would take minutes to wrap and style."""


def shown_part(raw: bytes) -> bytes:
    """`raw`, or its first `SHOWN_BYTES` cut at a space (or at least between characters), so
    that no entity is cut in two."""
    if len(raw) <= SHOWN_BYTES:
        return raw
    cut = raw.rfind(b" ", SHOWN_BYTES // 2, SHOWN_BYTES)
    if cut < 0:
        cut = SHOWN_BYTES
        while cut and 0x80 <= raw[cut] < 0xC0:  # not inside a UTF-8 sequence
            cut -= 1
    return raw[:cut]


class CorpusView:
    """Cached, display-ready facts about the threads of a corpus (and its index, once built)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._index: CorpusIndex | None = None
        self.title = lru_cache(maxsize=65536)(self._title)
        self._posts: dict[int, list[PostData]] = {}
        """The posts of the threads asked for last, once the corpus is indexed."""
        self.entities: CorpusIndex | None = None
        """The index of entities alone, ready before `index`: the flags of rows and the picker."""
        self.flags: CorpusIndex | None = None
        """The index of flags alone, ready before `entities` (a big corpus's): the flags of
        rows, the picker and flag filters, but no mention or hashtag."""
        self.remembered: Remembered | None = None
        """Which threads are read and bookmarked, for the rows' marks."""
        self.searches = SearchMemory(corpus)
        """The searches typed so far: the next one looks within what they found."""
        self._hit_counts: dict[tuple[str, int], int] = {}

    @property
    def index(self) -> CorpusIndex | None:
        return self._index

    @index.setter
    def index(self, index: CorpusIndex | None) -> None:
        self._index = index
        if index is not None:
            # The whole index answers for the entities too; the entities' own index (a copy
            # of its own when it came from another process) is let go.
            self.entities = index
        self._posts.clear()  # their entities depend on the index's evidence

    def _title(self, thread: int) -> str:
        return self.corpus.title(thread)

    @property
    def filter_index(self) -> CorpusIndex | None:
        """What filters and flags read: the whole index, or the entities' until it is in, or
        the flags' until they are (then `features_ready` is False)."""
        if self.index is not None:
            return self.index
        return self.entities if self.entities is not None else self.flags

    @property
    def features_ready(self) -> bool:
        """Can filters by mention or hashtag apply (`filter_index` holds more than flags)?"""
        return self.index is not None or self.entities is not None

    def row(self, thread: int) -> Row:
        index = self.filter_index
        flags = index.flags[thread] if index is not None else ()
        marks = self.remembered
        return Row(
            self.title(thread),
            len(self.corpus.thread_posts(thread)),
            flags,
            marks is not None and marks.is_unread(thread),
            marks is not None and marks.is_bookmarked(thread),
            self.byline(thread, short=True),
        )

    def byline(self, thread: int, *, short: bool = False) -> str:
        """Who wrote `thread` and when, as far as its page or archive says: `Ann Brook ·
        2024-11-20`, `@ann`, or empty; `short`, the date alone when it is known (a row has
        room for little more)."""
        meta = self.corpus.meta(thread)
        who = meta.author or (f"@{meta.handle}" if meta.handle else "")
        if short and meta.date:
            return meta.date
        return " · ".join(part for part in (who, meta.date or "") if part)

    def posts_title(self, thread: int) -> str:
        """The post pane's title: the thread's title, after `8 of 20 posts` when its page
        declared more posts than it holds."""
        title = self.title(thread)
        declared = self.corpus.meta(thread).declared_posts
        present = len(self.corpus.thread_posts(thread))
        if declared is not None and declared > present:
            return f"{present} of {declared} posts · {title}"
        return title

    def posts(self, thread: int) -> list[PostData]:
        """The posts of `thread`: the same list each time for a recent thread, once indexed."""
        if self.index is None:
            return self._make_posts(thread)
        posts = self._posts.pop(thread, None)
        if posts is None:
            posts = self._make_posts(thread)
        self._posts[thread] = posts
        if len(self._posts) > RECENT_THREADS:
            del self._posts[next(iter(self._posts))]
        return posts

    def _make_posts(self, thread: int) -> list[PostData]:
        corpus = self.corpus
        source = corpus.source_of(thread)
        evidence = self.index.evidence if self.index is not None else _NO_EVIDENCE
        declared = corpus.meta(thread).declared_posts or 0
        result = []
        for post in corpus.thread_posts(thread):
            whole = corpus.post_bytes(post, source)
            raw = shown_part(whole)
            text = raw.decode("utf-8", "replace")
            # The cut falls between characters: decode only what is left out, to count it.
            hidden = len(whole[len(raw) :].decode("utf-8", "replace")) if raw is not whole else 0
            result.append(
                PostData(
                    number=corpus.posts.number[post] or None,
                    text=text,
                    entities=found_entities(text, raw, extract_spans(raw, evidence)),
                    first_line=corpus.posts.first_line[post],
                    last_line=corpus.posts.last_line[post],
                    hidden=hidden,
                    declared=declared,
                )
            )
        return result

    def hits(self, thread: int, search: str) -> list[int]:
        """The posts of `thread` (their indexes) that contain `search`, in any case: by the
        rule that chose the list's threads."""
        return posts_matching(self.corpus, thread, search)

    def hit_count(self, thread: int, search: str) -> int:
        """How many posts of `thread` contain `search`: asked for by each row drawn while a
        search is active, so the answers are kept."""
        key = (search, thread)
        count = self._hit_counts.get(key)
        if count is None:
            count = self._hit_counts[key] = len(self.hits(thread, search))
            if len(self._hit_counts) > HIT_COUNTS_KEPT:
                del self._hit_counts[next(iter(self._hit_counts))]
        return count

    def related(self, thread: int) -> list[tuple[int, str, tuple[str, ...]]]:
        if self.index is None:
            return []
        return [
            (item.thread, self.title(item.thread), item.reasons)
            for item in related_threads(self.index, thread)
        ]

    def related_is_quick(self, thread: int) -> bool:
        """Can the threads related to `thread` be found without keeping a frame waiting?"""
        return self.index is not None and (
            self.corpus.thread_count <= SMALL or related_cost(self.index, thread) <= CHEAP_RELATED
        )

    def flag_choices(self, among: Collection[int] | None = None) -> list[FlagChoice]:
        """Every flag of the corpus with the number of threads that carry it: of all the
        threads, or of those `among` (the ones the filters let through)."""
        index = self.filter_index
        if index is None:
            return []
        names = region_names()
        counts = [
            (len(threads) if among is None else sum(thread in among for thread in threads), key)
            for (kind, key), threads in index.postings.items()
            if kind == "flag"
        ]
        counts.sort(key=lambda item: (-item[0], item[1]))
        return [FlagChoice(code, names.get(code, code), n) for n, code in counts]

    def source_line(self, thread: int) -> str:
        return f"{self.corpus.source_of(thread).name}:{self.corpus.first_line(thread)}"
