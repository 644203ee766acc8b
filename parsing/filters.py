"""Filters shared by the command line and the reader: flags (all must be present), the author
and search."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .authors import threads_by_author
from .corpus import Corpus
from .entities.flags import FLAG, flag_code, fold, region_names
from .errors import ThreadlineError
from .index import CorpusIndex, Feature
from .search import threads_matching

# Names people type that CLDR spells otherwise.
_ALIASES = {
    "turkey": "TR", "usa": "US", "america": "US", "uk": "GB", "britain": "GB",
    "great britain": "GB", "england": "GB-ENG", "scotland": "GB-SCT", "wales": "GB-WLS",
    "holland": "NL", "czech republic": "CZ", "ivory coast": "CI", "burma": "MM", "eu": "EU",
    "south korea": "KR", "north korea": "KP", "palestine": "PS", "vatican": "VA",
}  # fmt: skip


class UnknownFlagError(ThreadlineError, ValueError):
    """A flag given by code, emoji or name that names no flag."""

    def __init__(self, spec: str) -> None:
        super().__init__(
            f"unknown flag: {spec!r} (give a code like RU, an emoji like 🇷🇺, or a name)"
        )
        self.spec = spec


def resolve_flag(spec: str) -> str:
    """The code for a flag given as a code (`cn`, `gb-sct`), an emoji (`🇨🇳`) or a name (`china`)."""
    text = spec.strip()
    names = region_names()
    if text.upper() in names:
        return text.upper()
    emoji = FLAG.fullmatch(text.encode())
    if emoji is not None:
        code = flag_code(emoji.group())
        if code is not None:
            return code
    wanted = fold(text)
    for code, name in names.items():
        if fold(name) == wanted:
            return code
    if wanted in _ALIASES:
        return _ALIASES[wanted]
    raise UnknownFlagError(spec)


def threads_with_flags(index: CorpusIndex, codes: Iterable[str]) -> list[int]:
    """Threads holding every one of `codes`, in corpus order."""
    chosen: set[int] | None = None
    for code in codes:
        holders = set(index.threads_with(("flag", code)))
        chosen = holders if chosen is None else chosen & holders
    if chosen is None:
        return list(range(index.thread_count))
    return sorted(chosen)


def filter_threads(
    corpus: Corpus,
    index: CorpusIndex,
    flags: Sequence[str] = (),
    search: str | None = None,
    features: Sequence[Feature] = (),
    *,
    author: str | None = None,
) -> list[int]:
    """Threads with every flag and every feature (`("mention", "dmitritrenin")`), by `author`
    if given (see `authors.author_matches`), and, if given, containing `search` in a post."""
    chosen = threads_with_flags(index, flags)
    for feature in features:
        holders = set(index.threads_with(feature))
        chosen = [thread for thread in chosen if thread in holders]
    if author and author.strip():
        by_author = set(threads_by_author(corpus, author))
        chosen = [thread for thread in chosen if thread in by_author]
    if search:
        found = set(threads_matching(corpus, search))
        chosen = [thread for thread in chosen if thread in found]
    return chosen
