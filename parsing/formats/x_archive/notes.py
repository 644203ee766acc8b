"""Long posts: the whole text of a tweet longer than 280 characters, from `note-tweet.js`.

`tweets.js` holds such a tweet cut short (its text ending in `…` and a link to the whole post);
`note-tweet.js` holds the whole text under an id of its own that matches no tweet id. A note is
matched to its tweet by time (the nearest within a minute) and by text: the note must begin with
what the tweet shows before its cut (a tweet showing nothing before it takes a note only when no
other is near). Each note is used once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, NamedTuple

from .text import Rendered, render, spans
from .tweets import stamp

_SLACK_SECONDS = 60
_PREFIX_CHARS = 60


class Note(NamedTuple):
    seconds: int
    rendered: Rendered
    words: str


class Notes:
    """The archive's notes, each taken by the first tweet it matches."""

    def __init__(self) -> None:
        self._notes: list[Note] = []
        self._sorted = True

    def __bool__(self) -> bool:
        return bool(self._notes)

    def read(self, elements: Iterable[Any]) -> None:
        """Add the notes of a `note-tweet.js`; elements that are not notes are skipped."""
        for element in elements:
            note = element.get("noteTweet", element) if isinstance(element, dict) else None
            core = note.get("core") if isinstance(note, dict) else None
            text = core.get("text") if isinstance(core, dict) else None
            seconds = _seconds(stamp(str(note.get("createdAt") or ""))) if note else None
            if isinstance(text, str) and isinstance(core, dict) and seconds is not None:
                rendered = render(text, spans(_entities(core), len(text)))
                self._notes.append(Note(seconds, rendered, _words(rendered.text)))
                self._sorted = False

    def take(self, when: str, shown: Rendered) -> Rendered | None:
        """The note of the tweet shown as `shown` at `when` (`YYYY-MM-DDTHH:MM:SS`), which no
        other tweet can take after it; None when no note matches."""
        seconds = _seconds(when)
        if seconds is None or not self._notes:
            return None
        if not self._sorted:
            self._notes.sort(key=lambda note: note.seconds)
            self._sorted = True
        low = bisect_left(self._notes, seconds - _SLACK_SECONDS, key=lambda note: note.seconds)
        high = bisect_right(self._notes, seconds + _SLACK_SECONDS, key=lambda note: note.seconds)
        nearby = sorted(range(low, high), key=lambda at: abs(self._notes[at].seconds - seconds))
        prefix = _words(_before_cut(shown))
        for at in nearby:
            if self._notes[at].words.startswith(prefix) and (prefix or len(nearby) == 1):
                return self._notes.pop(at).rendered
        return None


def _before_cut(shown: Rendered) -> str:
    """What a cut-short tweet shows before its first link (the note may show links otherwise)
    and its `…`, as far as `_PREFIX_CHARS`."""
    links = [entity.start for entity in shown.entities if entity.kind == "link"]
    text = shown.text[: links[0]] if links else shown.text
    return text.rstrip().rstrip("…").rstrip()[:_PREFIX_CHARS]


def _words(text: str) -> str:
    return " ".join(text.split())


def _seconds(when: str) -> int | None:
    try:
        return int(datetime.fromisoformat(when).replace(tzinfo=UTC).timestamp())
    except ValueError:
        return None


def _entities(core: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """A note's entities in the shape of a tweet's (`fromIndex`/`toIndex` as `indices`)."""

    def spans(key: str) -> list[dict[str, Any]]:
        items = core.get(key)
        if not isinstance(items, list):
            return []
        result = []
        for item in items:
            if isinstance(item, dict) and "fromIndex" in item and "toIndex" in item:
                result.append({**item, "indices": [item["fromIndex"], item["toIndex"]]})
        return result

    urls = []
    for url in spans("urls"):
        expanded = str(url.get("expandedUrl") or url.get("shortUrl") or "")
        shown = url.get("displayUrl") or expanded.split("://", 1)[-1].removeprefix("www.")
        urls.append(
            {**url, "url": url.get("shortUrl"), "expanded_url": expanded, "display_url": shown}
        )
    mentions = [{**item, "screen_name": item.get("screenName")} for item in spans("mentions")]
    return {
        "urls": urls,
        "user_mentions": mentions,
        "hashtags": spans("hashtags"),
        "symbols": spans("cashtags"),
    }
