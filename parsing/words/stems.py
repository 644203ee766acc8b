"""A light suffix-stripping stemmer: `sanctions`, `sanctioned` and `sanctioning` meet at one stem.

Not a linguist's stemmer: it strips common inflexions of English, Spanish, German and French
(Latin script) or Russian (Cyrillic), once, and never below three letters. Over-eager
stripping is harmless here because stems are only compared with each other; a reader sees the
words as written.
"""

from __future__ import annotations

from functools import lru_cache

_MIN_STEM = 3

_LATIN = sorted(
    """
    ational ations ation ments ment ingly ings ing edly ied ies ed ly ness ers er est
    iones ión mente ía ie ians ian ia ics ic y idades idad ismo istas ista
    ungen ung heit keit lich isch ischen
    ement ements euses euse eux ités ité ées ée es en e s os as a o
    """.split(),
    key=len,
    reverse=True,
)
_CYRILLIC = sorted(
    """
    иями ями ами ого его ому ему ыми ими ая яя ую юю ой ей ый ий ые ие ых их ом ем ам ям ах ях
    ов ев ии ия ья ие ье ию ью ость ости ение ения ении ать ять ить ует уют ет ют ит ат ят ся а я о
    е ы и у ю ь
    """.split(),
    key=len,
    reverse=True,
)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of a lower-case word (the word itself when it is short or has no known ending)."""
    suffixes = _CYRILLIC if "а" <= word[-1] <= "я" or word[-1] == "ё" else _LATIN
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word
