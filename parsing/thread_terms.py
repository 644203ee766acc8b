"""A thread's text, its terms and the few most distinctive of them that the word index keeps."""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING

from .words.frequency import Frequency
from .words.terms import Terms, text_terms

if TYPE_CHECKING:
    from .corpus import Corpus
    from .index import CorpusIndex, Feature

WORDS_PER_THREAD = 16
PHRASES_PER_THREAD = 6
"""A small fixed number of terms per thread keeps the index's size a multiple of the threads."""


def thread_span(corpus: Corpus, thread: int) -> tuple[int, int]:
    posts = corpus.thread_posts(thread)
    return corpus.posts.text_start[posts.start], corpus.posts.text_end[posts.stop - 1]


def thread_terms(corpus: Corpus, entities: CorpusIndex, thread: int) -> Terms:
    """The terms of a thread's text, with the words of its hashtags (`#RussianWorld`)."""
    return text_terms(*thread_text(corpus, entities, thread))


def thread_text(corpus: Corpus, entities: CorpusIndex, thread: int) -> tuple[bytes, dict[str, int]]:
    """A thread's text, and its hashtags as written."""
    start, end = thread_span(corpus, thread)
    text = bytes(corpus.source_of(thread).buf[start:end])
    tags = {
        entities.written.get(feature, feature[1]): 1
        for feature in entities.features[thread]
        if feature[0] == "hashtag"
    }
    return text, tags


def top_terms(
    terms: Terms, frequency: Frequency, written: dict[Feature, str]
) -> dict[Feature, int]:
    """The thread's most distinctive words and phrases by TF-IDF, a few of each, with their
    uses, in the order of their keys (phrases first); a phrase's key is its two stems, its
    written form the words of its first use."""
    words = frequency.best(terms.words, WORDS_PER_THREAD)
    phrases = frequency.best(terms.phrases, PHRASES_PER_THREAD)
    for word, _ in words:
        if ("word", word) not in written:
            written["word", word] = terms.written(word)
    for stems, _ in phrases:
        if ("phrase", stems) not in written:
            written["phrase", stems] = terms.phrase_written(stems)
    # ("phrase", …) sorts before ("word", …), and the terms of each kind differ: sorted as
    # strings alone, several times faster than as features with their uses.
    features = {("phrase", stems): uses for stems, uses in sorted(phrases, key=_TERM)}
    features.update((("word", word), uses) for word, uses in sorted(words, key=_TERM))
    return features


_TERM = itemgetter(0)
