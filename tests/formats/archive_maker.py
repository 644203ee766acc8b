"""Invented X archives for the tests: tweets, notes, manifest and account, as the files X writes.

`ArchiveMaker` collects tweets (text given as it appears in `full_text`, HTML-escaped), finds the
entities in that text the way X lists them (code-point `indices`, as strings), and writes the
files of an archive: `files()` gives them as a dict of path to bytes, which `opener`, `write_zip`
and `write_folder` serve as a read function, a zip or an unpacked folder.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

START = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
_ENTITY = re.compile(r"(?<![\w&])([@#$])(\w+)")


def created_at(when: datetime) -> str:
    return when.strftime("%a %b %d %H:%M:%S +0000 %Y")


class ArchiveMaker:
    def __init__(
        self,
        handle: str = "quillfeather",
        author: str = "Quill Feather",
        account_id: str = "4242",
        *,
        older_layout: bool = False,
    ) -> None:
        self.handle, self.author, self.account_id = handle, author, account_id
        self.older_layout = older_layout
        self.tweets: list[dict[str, Any]] = []
        self.notes: list[dict[str, Any]] = []
        self._next_id = 1_790_000_000_000_000_000
        self._clock = START

    def tweet(
        self,
        full_text: str,
        *,
        reply_to: str | None = None,
        reply_user: str | None = None,
        links: tuple[tuple[str, str, str], ...] = (),
        media: tuple[str, ...] = (),
        at: datetime | None = None,
        tweet_id: str | None = None,
        edits: tuple[str, ...] = (),
    ) -> str:
        """Add a tweet; `links` are (t.co url in the text, expanded url, display url); `media`
        the kinds attached (one t.co link appended for them); a reply to an id goes to the
        account itself unless `reply_user` says whose tweet it answers. Returns the id."""
        self._next_id += 1000
        tweet_id = tweet_id or str(self._next_id)
        self._clock += timedelta(minutes=1)
        when = at or self._clock
        if media:
            full_text += " https://t.co/m" + tweet_id[-6:]
        tweet: dict[str, Any] = {
            "edit_info": {"initial": {"editTweetIds": list(edits or (tweet_id,))}},
            "retweeted": False,
            "entities": self._entities(full_text, links, tweet_id if media else None),
            "display_text_range": ["0", str(len(full_text))],
            "favorite_count": "0",
            "id_str": tweet_id,
            "id": tweet_id,
            "truncated": False,
            "created_at": created_at(when),
            "full_text": full_text,
            "lang": "en",
        }
        if reply_to is not None:
            user = reply_user or self.account_id
            tweet["in_reply_to_status_id_str"] = tweet["in_reply_to_status_id"] = reply_to
            tweet["in_reply_to_user_id_str"] = tweet["in_reply_to_user_id"] = user
            tweet["in_reply_to_screen_name"] = self.handle if user == self.account_id else "x"
        if media:
            kinds = [{"type": kind, "url": f"https://t.co/m{tweet_id[-6:]}"} for kind in media]
            tweet["extended_entities"] = {"media": kinds}
        self.tweets.append(tweet)
        return tweet_id

    def note(self, text: str, at: datetime) -> None:
        """A long post's whole text, as `note-tweet.js` holds it (its own id, the tweet's time)."""
        self._next_id += 7
        mentions = [
            {"screenName": m.group(2), "fromIndex": str(m.start()), "toIndex": str(m.end())}
            for m in _ENTITY.finditer(text)
            if m.group(1) == "@"
        ]
        self.notes.append(
            {
                "noteTweet": {
                    "noteTweetId": str(self._next_id),
                    "createdAt": at.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                    "core": {"text": text, "urls": [], "mentions": mentions, "hashtags": []},
                }
            }
        )

    def files(
        self, *, parts: int = 1, manifest: bool = True, account: bool = True
    ) -> dict[str, bytes]:
        """The archive's files by path; the tweets split evenly over `parts` files."""
        kind = "tweet" if self.older_layout else "tweets"
        names = [f"data/{kind}.js"] + [f"data/{kind}-part{n}.js" for n in range(1, parts)]
        out: dict[str, bytes] = {}
        listed = []
        for number, name in enumerate(names):
            chunk = self.tweets[number::parts]
            out[name] = ytd(f"{kind}.part{number}", [{"tweet": t} for t in chunk])
            listed.append({"fileName": name, "globalName": f"YTD.{kind}.part{number}"})
        if self.notes:
            out["data/note-tweet.js"] = ytd("note_tweet.part0", self.notes)
        if account:
            entry = {
                "username": self.handle,
                "accountId": self.account_id,
                "accountDisplayName": self.author,
            }
            out["data/account.js"] = ytd("account.part0", [{"account": entry}])
        if manifest:
            config = {
                "userInfo": {
                    "accountId": self.account_id,
                    "userName": self.handle,
                    "displayName": self.author,
                },
                "dataTypes": {
                    kind: {"files": listed},
                    "noteTweet": {"files": [{"fileName": "data/note-tweet.js"}]},
                },
            }
            out["data/manifest.js"] = b"window.__THAR_CONFIG = " + json.dumps(config).encode()
        return out

    def _entities(
        self, text: str, links: tuple[tuple[str, str, str], ...], media_id: str | None
    ) -> dict[str, Any]:
        found: dict[str, list[dict[str, Any]]] = {
            "hashtags": [],
            "symbols": [],
            "user_mentions": [],
        }
        for match in _ENTITY.finditer(text):
            sign, word = match.groups()
            key = {"@": "user_mentions", "#": "hashtags", "$": "symbols"}[sign]
            item: dict[str, Any] = {"indices": [str(match.start()), str(match.end())]}
            item["screen_name" if sign == "@" else "text"] = word
            found[key].append(item)
        urls = []
        for short, expanded, display in links:
            start = text.index(short)
            urls.append(
                {
                    "url": short,
                    "expanded_url": expanded,
                    "display_url": display,
                    "indices": [str(start), str(start + len(short))],
                }
            )
        result: dict[str, Any] = {**found, "urls": urls}
        if media_id is not None:
            short = "https://t.co/m" + media_id[-6:]
            start = text.rindex(short)
            result["media"] = [{"url": short, "indices": [str(start), str(start + len(short))]}]
        return result


def ytd(name: str, value: Any) -> bytes:
    """A data file: `window.YTD.<name> = <json>`, pretty-printed as X writes it."""
    return (
        f"window.YTD.{name} = ".encode() + json.dumps(value, indent=2, ensure_ascii=False).encode()
    )


def opener(files: dict[str, bytes]) -> Callable[[str], bytes | None]:
    return files.get


def write_zip(files: dict[str, bytes], path: Path, root: str = "") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(root + name, data)
        archive.writestr(root + "Your archive.html", "<html></html>")
        archive.writestr(root + "assets/js/viewer.js", "void 0")
    return path


def write_folder(files: dict[str, bytes], folder: Path) -> Path:
    for name, data in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return folder
