"""An X archive read whole: its manifest, account, tweet parts and long-post notes, into
threads of posts with their texts as the reader saw them on X.

Files are asked for by their path from the archive's root (`data/tweets.js`) through
`open_member`, which returns None for a file the archive lacks, so the same reading serves a
zip, a folder and a lone `tweets.js`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple

from ...given import GivenEntity
from .notes import Notes
from .text import render
from .threads import build
from .tweets import Tweet, from_element
from .ytd import ArchiveError, elements, load_value

OpenMember = Callable[[str], "bytes | bytearray | None"]

MANIFEST = "data/manifest.js"
ACCOUNT = "data/account.js"
_TWEET_KINDS = ("tweets", "tweet")
_FALLBACK_PARTS = ("data/tweets.js", "data/tweet.js")


class ArchivePost(NamedTuple):
    tweet_id: str
    text: str
    date: str | None
    """ISO `YYYY-MM-DD`, from `created_at` (UTC)."""
    stamp: str
    """`YYYY-MM-DDTHH:MM:SS`, UTC."""
    media: tuple[str, ...]
    entities: tuple[GivenEntity, ...]


class ArchiveThread(NamedTuple):
    posts: tuple[ArchivePost, ...]
    root_missing: bool
    author: str | None
    handle: str | None
    date: str | None


class Account(NamedTuple):
    author: str | None = None
    handle: str | None = None
    account_id: str | None = None


def read_archive(
    open_member: OpenMember,
    *,
    all_tweets: bool = False,
    shown: Callable[[str], str] = str,
    parts: Sequence[str] | None = None,
) -> list[ArchiveThread]:
    """The threads of the archive `open_member` reads; `shown(path)` names a file in messages;
    `parts` are the tweet files when there is no manifest to list them. Raises `ArchiveError`
    with one line naming the file for a part that is missing, cut short or not tweets."""
    manifest = _small(open_member, MANIFEST, shown)
    account = _account(_small(open_member, ACCOUNT, shown), manifest)
    listed = _listed(manifest, _TWEET_KINDS)
    tweets = list(_tweets(open_member, listed or parts or _found_parts(open_member), shown))
    notes = Notes()
    for path in _listed(manifest, ("noteTweet", "note_tweet")) or ["data/note-tweet.js"]:
        data = open_member(path)
        if data is not None:
            notes.read(elements(data, shown(path)))
    owner = (account.account_id or "", account.handle or "")
    threads = []
    for tree in build(tweets, owner, all_tweets=all_tweets):
        posts = tuple(_post(tweet, notes) for tweet in tree.tweets)
        threads.append(
            ArchiveThread(posts, tree.root_missing, account.author, account.handle, posts[0].date)
        )
    return threads


def _post(tweet: Tweet, notes: Notes) -> ArchivePost:
    shown = render(tweet.full_text, tweet.spans)
    whole = notes.take(tweet.stamp, shown) if notes else None
    text, entities = whole or shown
    date = tweet.stamp[:10] or None
    return ArchivePost(tweet.tweet_id, text, date, tweet.stamp, tweet.media, entities)


def _tweets(
    open_member: OpenMember, parts: Sequence[str], shown: Callable[[str], str]
) -> Iterator[Tweet]:
    if not parts:
        raise ArchiveError(f"{shown(MANIFEST)}: an archive without tweets (no tweets.js)")
    for path in parts:
        data = open_member(path)
        if data is None:
            raise ArchiveError(f"{shown(path)}: listed in the archive's manifest but missing")
        name = shown(path)
        for element in elements(data, name):
            yield from_element(element, name)


def _found_parts(open_member: OpenMember) -> list[str]:
    """Without a manifest: `tweets.js` (or the older `tweet.js`), then `tweets-part1.js`, …"""
    for first in _FALLBACK_PARTS:
        if open_member(first) is not None:
            stem = first.removesuffix(".js")
            found = [first]
            while open_member(f"{stem}-part{len(found)}.js") is not None:
                found.append(f"{stem}-part{len(found)}.js")
            return found
    return []


def manifest_parts(data: bytes | bytearray, name: str) -> list[str]:
    """The tweet files a manifest lists."""
    return _listed(load_value(data, name), _TWEET_KINDS)


def _small(open_member: OpenMember, path: str, shown: Callable[[str], str]) -> Any:
    data = open_member(path)
    return None if data is None else load_value(data, shown(path))


def _listed(manifest: Any, kinds: Sequence[str]) -> list[str]:
    """The files the manifest lists for the first of `kinds` it knows: only names inside the
    archive's `data/` folder, so a manifest cannot send the reader elsewhere on the disk."""
    types = manifest.get("dataTypes") if isinstance(manifest, dict) else None
    for kind in kinds:
        entry = types.get(kind) if isinstance(types, dict) else None
        files = entry.get("files") if isinstance(entry, dict) else None
        if isinstance(files, list):
            names = (str(f.get("fileName")) for f in files if isinstance(f, dict))
            return [name for name in names if _inside_data(name)]
    return []


def _inside_data(name: str) -> bool:
    parts = name.split("/")
    return len(parts) == 2 and parts[0] == "data" and parts[1] not in ("", ".", "..")


def _account(account: Any, manifest: Any) -> Account:
    """The author from `account.js`, or else from the manifest's `userInfo`."""
    if isinstance(account, list) and account and isinstance(account[0], dict):
        found = account[0].get("account", account[0])
        if isinstance(found, dict) and found.get("username"):
            return Account(
                _text(found.get("accountDisplayName")),
                _text(found.get("username")),
                _text(found.get("accountId")),
            )
    info = manifest.get("userInfo") if isinstance(manifest, dict) else None
    if isinstance(info, dict):
        return Account(
            _text(info.get("displayName")),
            _text(info.get("userName")),
            _text(info.get("accountId")),
        )
    return Account()


def _text(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
