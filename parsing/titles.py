"""A thread's title: the first sentence of its first post, without the `THREAD`/🧵/emoji lead."""

from __future__ import annotations

import re

MAX_TITLE = 160
_LOOK_AT = 4 * MAX_TITLE
"""Only the start of a post can hold its first sentence; a 20 MB post is not read whole."""
TITLE_BYTES = 4 * _LOOK_AT
"""The UTF-8 bytes a post's first `_LOOK_AT` characters fit in, however wide (a post's start
this long, decoded, gives the title of the whole)."""
_EMOJI = (
    "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u203c\u2049\u3030\u303d"
    "\ufe0f\u200d\u20e3\U000e0020-\U000e007f"
)
# `THREAD`, `THREAD:`, `Thread;`, `Thread 🧵`, `🧵` and emoji runs (⚡️⚡️⚡️), with what follows them.
# The word before a lower-case word is the sentence's own ("Thread of odd finds"), not a lead.
_LEAD = re.compile(
    rf"^(?:\s|[{_EMOJI}]|(?:THREAD|Thread)\b(?![ \t]+[a-z])[:;.\-–—]?|\((?:THREAD|Thread)\)"
    rf"|[:;.\-–—](?=\s))+"
)
# A sentence ends at . ! ? or … before a space and a capital, a digit, a quote, an emoji or the
# end; or at a line break. Abbreviations (`Dr.`, `U.S.`) and decimals (`5.2`) do not end one.
# A month's abbreviation before a day (`Feb. 21`) does not end one either. The mark comes first
# and what may not stand before it is looked behind it (`.` stands for the mark): a pattern that
# starts with a set of characters is searched for fast.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
_NOT_AFTER_MONTH = "".join(rf"(?<!\b{month}\.)" for month in _MONTHS)
_SENTENCE_END = re.compile(
    rf"[.!?…](?<!\b[A-Z].)(?<!\bDr.)(?<!\bMr.)(?<!\bMs.)(?<!\bSt.)(?<!\bMrs.)(?<!\bvs.)"
    rf"(?<!\bNo.)(?:{_NOT_AFTER_MONTH}|(?!\s+\d))[\"'”’)\]]*"
    rf"(?=\s+[\"'“‘(\[A-Z0-9{_EMOJI}@#]|\s*$)|\n"
)
# A list number at the start (`5. Text`): the author numbered the items of a list, not a
# sentence, so the first sentence ends after it.
_LIST_NUMBER = re.compile(r"\d{1,3}[.)][ \t]+")
_SPACES = re.compile(r"\s+")
# What trails a first post and says nothing: ` 1/`, `(1/5)`, 👇, 🧵, a link cut short by `…`.
_TRAILING = re.compile(
    r"(?:\s+(?:[(\[]?1/(?:\d+|n|many)?[)\]]?|[👇🧵]+|\S+\.\S+…|https?://\S+))+\s*$"
)


_TRAILING_TOKEN = re.compile(r"[(\[]?1/(?:\d+|n|many)?[)\]]?|[👇🧵]+|\S+\.\S+…|https?://\S+")
"""What `_TRAILING` takes one token of: it takes nothing unless the last token is one."""


def without_trailing(text: str) -> str:
    """`text` (words separated by single spaces) without what trails it (`_TRAILING`), which
    is only looked for when the last word could be some: most titles end in a plain word."""
    space = text.rfind(" ")
    if space < 0 or not _TRAILING_TOKEN.fullmatch(text, space + 1):
        return text
    return _TRAILING.sub("", text)


def title_of(first_post: str) -> str:
    """The title of a thread whose first post is `first_post`."""
    first_post = first_post[:_LOOK_AT]
    text = _LEAD.sub("", first_post, count=1)
    listed = _LIST_NUMBER.match(text)
    end = _SENTENCE_END.search(text, listed.end() if listed is not None else 0)
    if end is not None:
        text = text[: end.end()] if end.group() != "\n" else text[: end.start()]
    text = without_trailing(" ".join(text.split()))
    if not text:
        text = _SPACES.sub(" ", first_post).strip() or "(empty thread)"
    if len(text) > MAX_TITLE:
        text = text[: MAX_TITLE - 1].rstrip() + "…"
    return text
