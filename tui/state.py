"""What the reader shows: the filters, and snapshots of the view for going back."""

from __future__ import annotations

from dataclasses import dataclass, field

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
