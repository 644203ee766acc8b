"""A thread's title: the first sentence of its first post, without the `THREAD`/🧵/emoji lead."""

from __future__ import annotations

import re

MAX_TITLE = 160
_LOOK_AT = 4 * MAX_TITLE
"""Only the start of a post can hold its first sentence; a 20 MB post is not read whole."""
_EMOJI = (
    "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u203c\u2049\u3030\u303d"
    "\ufe0f\u200d\u20e3\U000e0020-\U000e007f"
)
# `THREAD`, `THREAD:`, `Thread 🧵`, `🧵` and emoji runs (⚡️⚡️⚡️), with what follows them.
_LEAD = re.compile(
    rf"^(?:\s|[{_EMOJI}]|(?:THREAD|Thread)\b[:.\-–—]?|\((?:THREAD|Thread)\)|[:.\-–—](?=\s))+"
)
# A sentence ends at . ! ? or … before a space and a capital, a digit, a quote, an emoji or the
# end; or at a line break. Abbreviations (`Dr.`, `U.S.`) and decimals (`5.2`) do not end one.
# The mark comes first and the abbreviations are looked behind it (`.` stands for the mark): a
# pattern that starts with a set of characters is searched for fast.
_SENTENCE_END = re.compile(
    rf"[.!?…](?<!\b[A-Z].)(?<!\bDr.)(?<!\bMr.)(?<!\bMs.)(?<!\bSt.)(?<!\bMrs.)(?<!\bvs.)"
    rf"(?<!\bNo.)[\"'”’)\]]*(?=\s+[\"'“‘(\[A-Z0-9{_EMOJI}@#]|\s*$)|\n"
)
_SPACES = re.compile(r"\s+")
# What trails a first post and says nothing: ` 1/`, `(1/5)`, 👇, 🧵, a link cut short by `…`.
_TRAILING = re.compile(r"(?:\s+(?:[(\[]?1/(?:\d+|n)?[)\]]?|[👇🧵]+|\S+\.\S+…|https?://\S+))+\s*$")


def title_of(first_post: str) -> str:
    """The title of a thread whose first post is `first_post`."""
    first_post = first_post[:_LOOK_AT]
    text = _LEAD.sub("", first_post, count=1)
    end = _SENTENCE_END.search(text)
    if end is not None:
        text = text[: end.end()] if end.group() != "\n" else text[: end.start()]
    text = _TRAILING.sub("", _SPACES.sub(" ", text).strip())
    if not text:
        text = _SPACES.sub(" ", first_post).strip() or "(empty thread)"
    if len(text) > MAX_TITLE:
        text = text[: MAX_TITLE - 1].rstrip() + "…"
    return text
