"""What `threadline export` needs of the index, and no more: the glued-token evidence and the
flags of the threads it writes. Only `--related` and `--flag` need the whole index."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from . import background
from .corpus import Corpus
from .entities.flags import flag_code
from .entities.glued import GluedEvidence
from .entities.link_tokens import LinkTokens, read_link_tokens
from .entities.tally import FLAGS, Tally, glued_tokens
from .entities.urls import count_links
from .index import CorpusIndex

Found = tuple[Counter[str], Counter[bytes]]
"""Link domains and glued tokens counted over part of the corpus."""


def export_index(
    corpus: Corpus, threads: Sequence[int], *, with_flags: bool = True, with_entities: bool = True
) -> CorpusIndex:
    """The corpus-wide evidence for glued tokens (only entities need it: Markdown shows none)
    and the flags of `threads` alone (the others' are left empty; all are, without
    `with_flags`: the JSON writer reads each thread's flags in the process that writes it,
    `read_flags`)."""
    flags: list[tuple[str, ...]] = [()] * corpus.thread_count
    if with_flags:
        read_flags(corpus, flags, threads)
    if not with_entities:
        return CorpusIndex(flags=flags, thread_count=corpus.thread_count)
    return CorpusIndex(
        evidence=export_evidence(corpus), flags=flags, thread_count=corpus.thread_count
    )


def read_flags(corpus: Corpus, flags: list[tuple[str, ...]], threads: Iterable[int]) -> None:
    """Set `flags[thread]` for each of `threads`, read as `build_index` reads them: in order of
    first appearance."""
    text_start, text_end = corpus.posts.text_start, corpus.posts.text_end
    first_post = corpus.threads.first_post
    for thread in threads:
        found = FLAGS.findall(
            corpus.source_of(thread).buf,
            text_start[first_post[thread]],
            text_end[first_post[thread + 1] - 1],
        )
        flags[thread] = tuple(dict.fromkeys(filter(None, map(flag_code, found)))) if found else ()


def export_evidence(corpus: Corpus) -> GluedEvidence:
    """`index.glued_evidence`, read on both cores when the corpus is big: each source is cut
    just after a line end or space in the middle (no link nor glued token holds either, and
    either stands for the text's start and end in every rule), the second parts read in a forked
    process. Both give the same evidence (a test holds them equal)."""
    return evidence_and_link_tokens(corpus, keep_tokens=False)[0]


def evidence_and_link_tokens(
    corpus: Corpus, *, keep_tokens: bool = True
) -> tuple[GluedEvidence, list[LinkTokens]]:
    """`export_evidence`, and each source's link tokens read on the way (`LinkTokens`: the
    index's entity pass takes them instead of finding them again); none without `keep_tokens`."""
    sizes = [len(source.buf) for source in corpus.sources]
    cuts = sizes
    if sum(sizes) >= background.PARALLEL_BYTES:
        cuts = [_middle(source.buf) for source in corpus.sources]
    second = None
    if cuts != sizes:
        stretches = list(zip(cuts, sizes, strict=True))
        second = background.later(lambda: _read(corpus, stretches, keep_tokens))
    domains, glued, tokens = _read(corpus, [(0, cut) for cut in cuts], keep_tokens)
    if second is not None:
        more_domains, more_glued, more_tokens = second()
        domains.update(more_domains)
        glued.update(more_glued)
        for kept, later in zip(tokens, more_tokens, strict=True):
            kept.extend(later)
    found = Tally()
    found.glued = glued
    return GluedEvidence.gather(domains, found.glued_tokens()), tokens


def _middle(buf: bytearray) -> int:
    """Just after the first line end or space past the middle of `buf` (its end when there is
    none): one long line is cut too."""
    half = len(buf) // 2
    found = [at for at in (buf.find(b"\n", half), buf.find(b" ", half)) if at >= 0]
    return min(found) + 1 if found else len(buf)


def _read(
    corpus: Corpus, stretches: list[tuple[int, int]], keep_tokens: bool
) -> tuple[Counter[str], Counter[bytes], list[LinkTokens]]:
    domains: Counter[str] = Counter()
    glued: Counter[bytes] = Counter()
    tokens: list[LinkTokens] = []
    for source, (start, end) in zip(corpus.sources, stretches, strict=True):
        if keep_tokens:
            glued.update(glued_tokens(source.buf, start, end))
            tokens.append(read_link_tokens(source.buf, start, end, domains))
        elif start < end:
            more_domains, more_glued = evidence_counts(source.buf, start, end)
            domains.update(more_domains)
            glued.update(more_glued)
    return domains, glued, tokens


def evidence_counts(buf: bytearray, start: int, end: int) -> Found:
    """The link domains and glued tokens of `buf[start:end]`, a stretch from a line start or
    just after a space to a line end or a space."""
    domains: Counter[str] = Counter()
    glued = glued_tokens(buf, start, end)
    count_links(buf, start, end, domains)
    return domains, glued
