"""A thread's text, its terms and the few most distinctive of them that the word index keeps."""

from __future__ import annotations

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
    uses; a phrase's key is its two stems, its written form the words of its first use."""
    features: dict[Feature, int] = {}
    for word, uses in frequency.best(terms.words, WORDS_PER_THREAD):
        feature = ("word", word)
        features[feature] = uses
        if feature not in written:
            written[feature] = terms.written(word)
    for stems, uses in frequency.best(terms.phrases, PHRASES_PER_THREAD):
        phrase = ("phrase", stems)
        features[phrase] = uses
        if phrase not in written:
            written[phrase] = terms.phrase_written(stems)
    return dict(sorted(features.items()))
