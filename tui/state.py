"""What the reader shows: the filters, and snapshots of the view for going back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

Feature = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Filters:
    """Threads must hold every flag and every feature (a mention or hashtag clicked), be by the
    author (`parsing.authors.author_matches`), and contain the search text."""

    flags: tuple[str, ...] = ()
    features: tuple[Feature, ...] = ()
    search: str = ""
    unread_only: bool = False
    """Hide the threads already read."""
    bookmarked_only: bool = False
    author: str = ""
    """A handle or display name; empty for any author."""

    @property
    def active(self) -> bool:
        return bool(
            self.flags
            or self.features
            or self.search
            or self.unread_only
            or self.bookmarked_only
            or self.author
        )

    def as_json(self) -> dict[str, Any]:
        """What the remembered state keeps of these filters."""
        return {
            "flags": list(self.flags),
            "features": [list(feature) for feature in self.features],
            "search": self.search,
            "unread_only": self.unread_only,
            "bookmarked_only": self.bookmarked_only,
            "author": self.author,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Filters:
        """Filters kept by `as_json`; what does not have the expected shape is left out (the
        file may come from another version, or have been edited)."""
        flags = data.get("flags")
        features = data.get("features")
        search = data.get("search")
        author = data.get("author")
        return cls(
            tuple(flag for flag in flags if isinstance(flag, str))
            if isinstance(flags, list)
            else (),
            tuple(
                (feature[0], feature[1])
                for feature in features
                if isinstance(feature, list)
                and len(feature) == 2
                and all(isinstance(part, str) for part in feature)
            )
            if isinstance(features, list)
            else (),
            search if isinstance(search, str) else "",
            data.get("unread_only") is True,
            data.get("bookmarked_only") is True,
            author if isinstance(author, str) else "",
        )

    def narrowed_to(self, kind: str, value: str) -> Filters:
        """These filters and the entity clicked: a flag, a mention or hashtag (in any case), or
        a cashtag, which becomes the search text (`$TSLA`)."""
        if kind == "flag":
            return replace(self, flags=tuple(dict.fromkeys((*self.flags, value))))
        if kind in ("mention", "hashtag"):
            feature = (kind, value.lower())
            return replace(self, features=tuple(dict.fromkeys((*self.features, feature))))
        if kind == "cashtag":
            return replace(self, search="$" + value)
        return self

    def without(self, kind: str, value: str = "") -> Filters:
        """These filters less one: a flag or feature (`mention`, `hashtag`) by its value, or
        the `search`, the `author`, `bookmarked` or `unread` filter (a header chip clicked)."""
        if kind == "flag":
            return replace(self, flags=tuple(flag for flag in self.flags if flag != value))
        if kind in ("mention", "hashtag"):
            kept = tuple(feature for feature in self.features if feature != (kind, value))
            return replace(self, features=kept)
        cleared = {
            "search": {"search": ""},
            "author": {"author": ""},
            "bookmarked": {"bookmarked_only": False},
            "unread": {"unread_only": False},
        }
        return replace(self, **cleared[kind]) if kind in cleared else self  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Enough to come back to a view with backspace."""

    filters: Filters
    opened: int | None
    post: int
    cursor_thread: int | None


@dataclass(slots=True)
class History:
    """Views to go back to, newest last."""

    snapshots: list[Snapshot] = field(default_factory=list)
    limit: int = 100

    def push(self, snapshot: Snapshot) -> None:
        self.snapshots.append(snapshot)
        del self.snapshots[: -self.limit]

    def pop(self) -> Snapshot | None:
        return self.snapshots.pop() if self.snapshots else None
