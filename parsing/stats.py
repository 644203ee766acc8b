"""Corpus statistics: counts, flags, top mentions, hashtags and link domains.

This is the fast path over a whole corpus: one tally per source buffer (no per-post objects, no
decoding of post text), then glued tokens split with the corpus-wide evidence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .corpus import Corpus
from .entities.flags import region_names
from .entities.glued import GluedEvidence
from .entities.tally import Tally, apply_glued, tally

TOP = 10


@dataclass
class CorpusStats:
    sources: int
    threads: int
    posts: int
    missing: int
    skipped: int
    entities: dict[str, int]
    flags: Counter[str]
    """Flag code to the number of times it is used."""
    mentions: Counter[str]
    hashtags: Counter[str]
    domains: Counter[str]
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        names = region_names()
        return {
            "sources": self.sources,
            "threads": self.threads,
            "posts": self.posts,
            "missing": self.missing,
            "skipped": self.skipped,
            "entities": self.entities,
            "flags": dict(self.flags.most_common()),
            "flag_names": {code: names.get(code, code) for code, _ in self.flags.most_common()},
            "top_mentions": self.mentions.most_common(TOP),
            "top_hashtags": self.hashtags.most_common(TOP),
            "top_domains": self.domains.most_common(TOP),
        }


def corpus_stats(corpus: Corpus) -> CorpusStats:
    """Statistics of `corpus`, reading each source buffer once per entity kind."""
    tallies = [tally(source.buf) for source in corpus.sources]
    whole = Tally()
    for part in tallies:
        whole.add(part)
    evidence = GluedEvidence.gather(whole.domains, whole.glued_tokens())
    apply_glued(whole, evidence)
    return CorpusStats(
        sources=len(corpus.sources),
        threads=corpus.thread_count,
        posts=corpus.post_count,
        missing=missing_posts(corpus),
        skipped=len(corpus.skipped),
        entities=whole.counts(),
        flags=+whole.flags,
        mentions=_case_insensitive(whole.mentions),
        hashtags=_case_insensitive(whole.hashtags),
        domains=+whole.domains,
        warnings=list(corpus.warnings),
    )


def missing_posts(corpus: Corpus) -> int:
    """How many post numbers are absent from 1..highest, over all threads."""
    numbers, first_post = corpus.posts.number, corpus.threads.first_post
    missing = 0
    for thread in range(corpus.thread_count):
        present = set(numbers[first_post[thread] : first_post[thread + 1]])
        present.discard(0)
        if present:
            missing += max(present) - len(present)
    return missing


def _case_insensitive(counts: Counter[str]) -> Counter[str]:
    """Merge `@DmitriTrenin` and `@dmitritrenin`, keeping the spelling seen most."""
    spellings: dict[str, Counter[str]] = {}
    for name, count in counts.items():
        if count > 0:
            spellings.setdefault(name.lower(), Counter())[name] += count
    return Counter({forms.most_common(1)[0][0]: forms.total() for forms in spellings.values()})
