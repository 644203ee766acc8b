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
    return bytes(map(min, found.values(), repeat(255)))


class FeatureFolder:
    """`entity_features` of thread after thread, the features' tuples shared between threads."""

    def __init__(self, written: dict[Feature, str]) -> None:
        self.written = written
        self.shared: dict[Feature, Feature] = {}
        """One tuple per distinct feature: a million-post corpus repeats them millions of
        times, and sharing them saves over a hundred megabytes."""
        self._flags: dict[str, Feature] = {}
        self._domains: dict[str, Feature] = {}
        self._named: dict[str, dict[str, Feature]] = {"mention": {}, "hashtag": {}}

    def fold(self, counts: Tally) -> tuple[tuple[Feature, ...], tuple[str, ...], bytes]:
        """The thread's features (shared tuples), its flag codes, and its uses of each."""
        flags = tuple(code for code, n in counts.flags.items() if n > 0)
        found: dict[Feature, int] = {self._flag(code): counts.flags[code] for code in flags}
        for kind, named in (("mention", counts.mentions), ("hashtag", counts.hashtags)):
            if named:
                found.update(sorted(self._keyed(kind, named).items()))
        if counts.domains:
            domain = self._domain
            found.update(sorted((domain(name), n) for name, n in counts.domains.items() if n > 0))
        return tuple(found), flags, feature_uses(found)

    def _feature(self, feature: Feature) -> Feature:
        return self.shared.setdefault(feature, feature)

    def _flag(self, code: str) -> Feature:
        feature = self._flags.get(code)
        if feature is None:
            feature = self._flags[code] = self._feature(("flag", code))
        return feature

    def _domain(self, name: str) -> Feature:
        feature = self._domains.get(name)
        if feature is None:
            feature = self._domains[name] = self._feature(("domain", name))
        return feature

    def _keyed(self, kind: str, named: Counter[str]) -> dict[Feature, int]:
        """Names folded to their features, case variants added up; each name met for the
        first time gives its feature's writing unless an earlier name gave it."""
        made = self._named[kind]
        keyed: dict[Feature, int] = {}
        for name, n in named.items():
            if n > 0:
                feature = made.get(name)
                if feature is None:
                    feature = made[name] = self._feature((kind, name.lower()))
                    self.written.setdefault(feature, name)
                keyed[feature] = keyed.get(feature, 0) + n
        return keyed
