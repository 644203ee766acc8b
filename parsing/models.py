"""The public face of a parsed corpus, and the shape of `threadline export` JSON.

These frozen pydantic models are built for what is shown or exported, never for a whole corpus
at once: the corpus itself lives in compact columns (`tables`).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_serializer

EntityKindName = Literal["mention", "link", "hashtag", "cashtag", "flag"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Entity(_Frozen):
    """A mention, link, hashtag, cashtag or flag inside a post's text.

    `start` and `end` are code-point offsets into the post text (end exclusive) and `text` is
    exactly `post.text[start:end]`. `value` is the handle without `@`, the tag without `#` or
    `$`, the region code (`RU`, `GB-SCT`) or the absolute URL (`https://` added when the text has
    no scheme, a trailing `…` dropped); `truncated` says a link's text ended in `…`.
    """

    kind: EntityKindName
    start: int
    end: int
    text: str
    value: str
    truncated: bool = False

    @model_serializer
    def _serialise(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
        }
        if self.kind == "link":
            data["truncated"] = self.truncated
        return data


class Post(_Frozen):
    """One post of a thread: its number (None when unnumbered), text and source lines; an
    archive's posts add their date and the kinds of media they carried."""

    number: int | None
    first_line: int
    last_line: int
    text: str
    entities: list[Entity]
    date: str | None = None
    media: list[str] = []

    @model_serializer(mode="wrap")
    def _serialise(self, handler: Any) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if self.date is None:
            data.pop("date", None)
        if not self.media:
            data.pop("media", None)
        return data


class Related(_Frozen):
    """Another thread that shares something with this one, and what it shares; `same` (only
    written when true) marks the same thread saved twice, its reasons `["same thread"]`."""

    id: str
    score: float
    reasons: list[str]
    same: bool = False

    @model_serializer(mode="wrap")
    def _serialise(self, handler: Any) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if not self.same:
            data.pop("same", None)
        return data


class Thread(_Frozen):
    """A thread: its posts in order, the numbers missing from them and the flags it uses."""

    id: str
    title: str
    source: str
    first_line: int
    last_line: int
    missing: list[int]
    flags: list[str]
    posts: list[Post]
    author: str | None = None
    """The author's display name, as the page or archive gives it."""
    handle: str | None = None
    """The author's handle, without `@`."""
    date: str | None = None
    """ISO `YYYY-MM-DD` when the year is known, otherwise as the page shows it."""
    declared_posts: int | None = None
    """How many posts the page says the thread has."""
    related: list[Related] | None = None

    @model_serializer(mode="wrap")
    def _serialise(self, handler: Any) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if self.related is None:
            data.pop("related", None)
        return data


class Skipped(_Frozen):
    """A source line that belongs to no post (page chrome)."""

    source: str
    line: int
    text: str


class CorpusExport(_Frozen):
    """What `threadline export` prints."""

    threads: list[Thread]
    skipped: list[Skipped]
