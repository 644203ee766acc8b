"""Long posts: the whole text of a tweet longer than 280 characters, from `note-tweet.js`.

`tweets.js` holds such a tweet cut short (its text ending in `…` and a link to the whole post);
`note-tweet.js` holds the whole text under an id of its own that matches no tweet id. A note is
matched to its tweet by time (the same second, or within a few) and by text: the note must begin
with what the tweet shows before its cut. Each note is used once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from .text import Rendered, render, spans
from .tweets import stamp

_SLACK_SECONDS = 3
_PREFIX_CHARS = 60


class Note(NamedTuple):
    stamp: str
    rendered: Rendered


def read_notes(elements: Iterable[Any]) -> dict[str, list[Note]]:
    """The notes by their `YYYY-MM-DDTHH:MM:SS` time; elements that are not notes are skipped."""
    notes: dict[str, list[Note]] = {}
    for element in elements:
        note = element.get("noteTweet", element) if isinstance(element, dict) else None
        core = note.get("core") if isinstance(note, dict) else None
        text = core.get("text") if isinstance(core, dict) else None
        if not isinstance(text, str):
            continue
        assert isinstance(note, dict) and isinstance(core, dict)
        when = stamp(str(note.get("createdAt") or ""))
        notes.setdefault(when, []).append(
            Note(when, render(text, spans(_entities(core), len(text))))
        )
    return notes


def take_note(notes: dict[str, list[Note]], when: str, shown: Rendered) -> Rendered | None:
    """The note of the tweet shown as `shown` at `when`, removed from `notes`; None if none."""
    if not notes or not when:
        return None
    prefix = _words(_before_cut(shown))
    for moment in _moments(when):
        for note in notes.get(moment, ()):
            if _words(note.rendered.text).startswith(prefix) and (prefix or _only(notes, when)):
                notes[moment].remove(note)
                return note.rendered
    return None


def _before_cut(shown: Rendered) -> str:
    """What a cut-short tweet shows before its `…` and the link to the whole post."""
    text = shown.text
    if shown.entities and shown.entities[-1].kind == "link" and shown.entities[-1].end == len(text):
        text = text[: shown.entities[-1].start]
    return text.rstrip().rstrip("…").rstrip()[:_PREFIX_CHARS]


def _words(text: str) -> str:
    return " ".join(text.split())


def _moments(when: str) -> list[str]:
    try:
        at = datetime.fromisoformat(when)
    except ValueError:
        return [when]
    offsets = sorted(range(-_SLACK_SECONDS, _SLACK_SECONDS + 1), key=abs)
    return [(at + timedelta(seconds=offset)).isoformat() for offset in offsets]


def _only(notes: dict[str, list[Note]], when: str) -> bool:
    return sum(len(notes.get(moment, ())) for moment in _moments(when)) == 1


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
