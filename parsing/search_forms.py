"""The forms a query is written in, found as they stand in the raw text: no folding.

Most uses of a word are in small letters, of a ticker (`$NVLT`) in capitals, of a name with a
capital first: a `find` of such a form in a thread's bytes is a match wherever it lands inside a
post's text, since every form folds to the query. A query with no letter that has another case
(`🇯🇵`, `半導体`, `55`) is written one way only: a thread where that form is not found holds no
match, and nothing is folded at all.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from .case_key import case_variants, fold, fold_char
from .corpus import Corpus


def literal_forms(text: str) -> tuple[bytes, ...]:
    """The forms of `text` to look for as they stand, likeliest first: its small letters, the
    form typed, its capitals, its first letter capital; each one that folds to what `text`
    folds to, once."""
    folded = fold(text)
    forms: list[bytes] = []
    for form in (folded, text, text.upper(), folded[:1].upper() + folded[1:]):
        encoded = form.encode("utf-8", "surrogatepass")
        if len(form) == len(text) and fold(form) == folded and encoded not in forms:
            forms.append(encoded)
    return tuple(forms)


def is_caseless(text: str) -> bool:
    """Is `text` written one way only: does no other character fold to any of its own?"""
    variants = case_variants()
    return all(fold_char(char) not in variants for char in text)


def split_by_literal(
    corpus: Corpus, chunk: Sequence[int], literal: bytes
) -> tuple[list[int], list[int]]:
    """The threads of `chunk` (of one source) with a use of `literal`, as it stands in the
    buffer, inside a post's text: matches found with a `find` each and nothing folded; and the
    others, which may still hold the query in other letters.
    A use outside a post's text (across two posts) is passed over for the next."""
    posts, threads = corpus.posts, corpus.threads
    find = corpus.sources[threads.source[chunk[0]]].buf.find
    text_start, text_end, holes, first_post = (
        posts.text_start,
        posts.text_end,
        posts.holes,
        threads.first_post,
    )
    width = len(literal)
    held: list[int] = []
    rest: list[int] = []
    for thread in chunk:
        first, end = first_post[thread], first_post[thread + 1]
        stop = text_end[end - 1]
        hit = find(literal, text_start[first], stop)
        if hit >= 0 and hit + width <= text_end[first] and (not holes or first not in holes):
            held.append(thread)  # in the first post: no need to place it
            continue
        while hit >= 0:
            # `Locator.post_at`, within the thread's posts.
            post = bisect_right(text_start, hit, first, end) - 1
            hole = holes.get(post) if holes else None
            if hit + width <= text_end[post] and (
                hole is None or hit + width <= hole[0] or hit >= hole[1]
            ):
                held.append(thread)
                break
            hit = find(literal, hit + 1, stop)
        else:
            rest.append(thread)
    return held, rest
