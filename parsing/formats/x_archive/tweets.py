"""One tweet of the archive, kept as the little a thread needs.

An archive holds every tweet of the account, most of which are never shown (not in a thread), so
each array element is reduced as it is read to this record: its text stays escaped and its
entities as compact spans until the tweet is known to be shown.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .text import Span, media_kinds, spans
from .ytd import ArchiveError

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}


class Tweet(NamedTuple):
    tweet_id: str
    parent: str | None
    """The tweet it replies to, None when it is not a reply."""
    parent_user: str | None
    """The account it replies to (an id, or a handle when the archive gives no id)."""
    stamp: str
    """`YYYY-MM-DDTHH:MM:SS`, UTC: sorts in time order."""
    full_text: str
    spans: tuple[Span, ...]
    media: tuple[str, ...]
    edits: tuple[str, ...]
    """The ids of every version of an edited tweet, oldest first; () when never edited."""

    @property
    def order(self) -> tuple[str, int]:
        """Earlier first: by time, then by id (ids grow with time within a second)."""
        return self.stamp, int(self.tweet_id) if self.tweet_id.isdigit() else 0


def from_element(element: Any, name: str) -> Tweet:
    """The record of one array element (`{"tweet": {…}}`, or the tweet itself in old files)."""
    tweet = element.get("tweet", element) if isinstance(element, dict) else None
    if not isinstance(tweet, dict):
        raise ArchiveError(f"{name}: an element of the array is not a tweet")
    tweet_id = str(tweet.get("id_str") or tweet.get("id") or "")
    full_text = tweet.get("full_text")
    if not tweet_id or not isinstance(full_text, str):
        what = "an id" if not tweet_id else "full_text"
        raise ArchiveError(f"{name}: tweet {tweet_id or '?'} has no {what}")
    parent = tweet.get("in_reply_to_status_id_str") or tweet.get("in_reply_to_status_id")
    parent_user = tweet.get("in_reply_to_user_id_str") or tweet.get("in_reply_to_user_id")
    if parent_user is None:
        parent_user = tweet.get("in_reply_to_screen_name")
    entities = tweet.get("entities")
    listed = spans(entities if isinstance(entities, dict) else None, len(full_text))
    return Tweet(
        tweet_id,
        str(parent) if parent else None,
        str(parent_user) if parent_user else None,
        stamp(str(tweet.get("created_at") or "")),
        full_text,
        listed,
        media_kinds(tweet),
        _edit_ids(tweet.get("edit_info"), tweet_id),
    )


def stamp(created_at: str) -> str:
    """`Sat Feb 18 19:45:15 +0000 2023` (or ISO `2023-02-18T19:45:15.000Z`) as
    `2023-02-18T19:45:15`; "" when it is neither."""
    parts = created_at.split()
    if len(parts) == 6 and parts[1] in _MONTHS and parts[2].isdigit():
        return f"{parts[5]}-{_MONTHS[parts[1]]:02d}-{int(parts[2]):02d}T{parts[3]}"
    if len(created_at) >= 19 and created_at[4] == "-" and created_at[10] == "T":
        return created_at[:19]
    return ""


def _edit_ids(edit_info: Any, own_id: str) -> tuple[str, ...]:
    if not isinstance(edit_info, dict):
        return ()
    control = edit_info.get("initial")
    edit = edit_info.get("edit")
    if control is None and isinstance(edit, dict):
        control = edit.get("editControlInitial")
    ids = control.get("editTweetIds") if isinstance(control, dict) else None
    if not isinstance(ids, list) and isinstance(edit, dict) and edit.get("initialTweetId"):
        ids = [edit["initialTweetId"], own_id]  # a later version naming only the first
    if not isinstance(ids, list) or len(ids) < 2:
        return ()
    return tuple(sorted((str(i) for i in ids), key=lambda i: (len(i), i)))
