"""What the reader shows: the filters, and snapshots of the view for going back."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

Feature = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Filters:
    """Threads must hold every flag and every feature (a mention or hashtag clicked), and
    contain the search text."""

    flags: tuple[str, ...] = ()
    features: tuple[Feature, ...] = ()
    search: str = ""

    @property
    def active(self) -> bool:
        return bool(self.flags or self.features or self.search)

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
