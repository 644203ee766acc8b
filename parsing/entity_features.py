"""A thread's entity counts (`Tally`) folded into the features the index keeps.

`entity_features` states the rule: a thread's flags in order of first use, then its mentions and
hashtags by name in lower case (case variants added up, the first writing kept), then its link
domains, each sorted, each with how often the thread uses it. `FeatureFolder` gives the same
answer for a hundred thousand threads in a row, remembering what it made for each name it has
met so that a name is lowered, its feature tuple made and its writing looked up once, not once
per thread that uses it.
"""

from __future__ import annotations

from collections import Counter
from itertools import repeat

from .entities.tally import Tally

Feature = tuple[str, str]


def entity_features(counts: Tally, written: dict[Feature, str]) -> dict[Feature, int]:
    """A thread's flags, mentions, hashtags and link domains, with how often it uses each."""
    found: dict[Feature, int] = {("flag", code): n for code, n in counts.flags.items() if n > 0}
    for kind, named in (("mention", counts.mentions), ("hashtag", counts.hashtags)):
        keyed: Counter[Feature] = Counter()
        for name, n in named.items():
            if n > 0:
                feature = (kind, name.lower())
                written.setdefault(feature, name)
                keyed[feature] += n
        found.update(sorted(keyed.items()))
    found.update(sorted((("domain", d), n) for d, n in counts.domains.items() if n > 0))
    return found


def feature_uses(found: dict[Feature, int]) -> bytes:
    """How often a thread uses each of its features, in their order (at most 255)."""
    try:
        return bytes(found.values())  # in C, as long as no use is over 255
    except ValueError:
        return bytes(map(min, found.values(), repeat(255)))


class _Made(dict[str, Feature]):
    """The feature of each name of one kind, made when first asked for (`__missing__` runs
    only then; every later lookup stays in C)."""

    def __init__(self, kind: str, folder: FeatureFolder, *, lowered: bool) -> None:
        super().__init__()
        self.kind, self.folder, self.lowered = kind, folder, lowered

    def __missing__(self, name: str) -> Feature:
        key = (self.kind, name.lower() if self.lowered else name)
        feature = self.folder.shared.setdefault(key, key)
        if self.lowered:
            self.folder.written.setdefault(feature, name)
        self[name] = feature
        return feature


class FeatureFolder:
    """`entity_features` of thread after thread, the features' tuples shared between threads."""

    def __init__(self, written: dict[Feature, str]) -> None:
        self.written = written
        self.shared: dict[Feature, Feature] = {}
        """One tuple per distinct feature: a million-post corpus repeats them millions of
        times, and sharing them saves over a hundred megabytes."""
        self._flags = _Made("flag", self, lowered=False)
        self._domains = _Made("domain", self, lowered=False)
        self._named = {kind: _Made(kind, self, lowered=True) for kind in ("mention", "hashtag")}

    def fold(self, counts: Tally) -> tuple[tuple[Feature, ...], tuple[str, ...], bytes]:
        """The thread's features (shared tuples), its flag codes, and its uses of each."""
        flags = tuple(code for code, n in counts.flags.items() if n > 0)
        made = self._flags
        found: dict[Feature, int] = {made[code]: counts.flags[code] for code in flags}
        for kind, named in (("mention", counts.mentions), ("hashtag", counts.hashtags)):
            if named:
                found.update(sorted(self._keyed(kind, named).items()))
        if counts.domains:
            made = self._domains
            found.update(sorted((made[name], n) for name, n in counts.domains.items() if n > 0))
        return tuple(found), flags, feature_uses(found)

    def _keyed(self, kind: str, named: Counter[str]) -> dict[Feature, int]:
        """Names folded to their features, case variants added up; the first name met of a
        feature gives its writing."""
        made = self._named[kind]
        keyed: dict[Feature, int] = {}
        for name, n in named.items():
            if n > 0:
                feature = made[name]
                keyed[feature] = keyed.get(feature, 0) + n
        return keyed
