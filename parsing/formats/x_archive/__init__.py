"""X data archives: the account's own threads from the archive X exports.

An archive is read from a zip (in place), its unpacked folder, or a lone `tweets.js` /
`tweet.js` / `tweets-partN.js`. In a folder or zip the archive is found by its `data/manifest.js`
or `data/tweets.js` (`data/tweet.js` in older archives); it covers its `data/` and `assets/`
folders and its `Your archive.html`, so saved pages beside it are still read as pages. A file
named like a tweets file (`…tweets.js`) outside an archive's folders is read on its own.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...given import GivenPost, GivenThread, PostMeta, ThreadMeta, add_given_threads
from .. import Claim
from .archive import ACCOUNT, MANIFEST, ArchivePost, ArchiveThread, manifest_parts, read_archive
from .ytd import ArchiveError

if TYPE_CHECKING:
    from ...containers import Entry
    from ...corpus import Corpus

__all__ = [
    "FORMAT",
    "ArchiveError",
    "ArchivePost",
    "ArchiveThread",
    "is_archive_file",
    "read_archive",
]

_MARKERS = ("tweets.js", "tweet.js", "manifest.js")
"""The files an archive is found by, the one it is shown by first."""
_TWEET_FILE = re.compile(r"(?:.*[-_])?tweets?(?:-part\d+)?\.js", re.IGNORECASE)
_COVERED = ("data/", "assets/", "Your archive.html")


class ArchiveClaim(Claim):
    """An archive's first file; it covers the archive's folders beside it."""

    def covered(self, member: str) -> bool:
        return member == self.entry or any(
            member.startswith(self.covers + part) for part in _COVERED
        )


def is_archive_file(name: str, head: bytes) -> bool:
    """Whether a file named on its own is an archive's: its first bytes assign a
    `window.YTD.tweet…` array, as `tweets.js`, `tweet.js` and `tweets-part1.js` do, or it is
    the archive's `manifest.js`."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"window.__THAR_CONFIG") and posixpath.basename(name) == "manifest.js":
        return True
    return start.startswith((b"window.YTD.tweets.", b"window.YTD.tweet.")) or (
        start.startswith(b"window.YTD.") and bool(_TWEET_FILE.fullmatch(posixpath.basename(name)))
    )


class ArchiveFormat:
    name = "X archive"

    def __init__(self) -> None:
        self.all_tweets = False
        """Whether every tweet, not only the threads, is read (`--all-tweets`): each tweet
        without self-replies, retweets too, as a one-post thread."""

    def claims(self, members: Sequence[str]) -> list[Claim]:
        roots: dict[str, str] = {}
        for member in members:
            folder, base = posixpath.split(member)
            if base in _MARKERS and posixpath.basename(folder) == "data":
                root = folder[: -len("data")]
                best = roots.get(root)
                if best is None or _MARKERS.index(base) < _MARKERS.index(posixpath.basename(best)):
                    roots[root] = member
        claims: list[Claim] = [ArchiveClaim(entry, root) for root, entry in roots.items()]
        for member in members:  # a tweets file saved on its own, outside an archive's folders
            if _TWEET_FILE.fullmatch(posixpath.basename(member)) and not any(
                claim.covered(member) for claim in claims
            ):
                claims.append(Claim(member))
        return claims

    def sniff(self, name: str, head: bytes) -> bool:
        return is_archive_file(name, head)

    def read(self, entry: Entry, corpus: Corpus) -> None:
        threads = read_entry(entry, all_tweets=self.all_tweets)
        if not threads:
            corpus.warnings.append(
                f"{entry.name}: no threads in this archive (no tweet has a self-reply;"
                " --all-tweets shows every tweet)"
            )
            return
        add_given_threads(corpus, entry.name, [given_thread(thread) for thread in threads])


def read_entry(entry: Entry, *, all_tweets: bool = False) -> list[ArchiveThread]:
    """The threads of the archive `entry` belongs to: the whole archive when the entry is in a
    `data/` folder (unless a manifest there does not list it), else the entry alone."""
    where = str(getattr(entry, "member", None) or getattr(entry, "path", entry.name))
    folder, base = posixpath.split(where.replace("\\", "/"))
    own = f"data/{base}"

    def open_member(path: str) -> bytes | bytearray | None:
        return entry.data() if path == own else entry.sibling(posixpath.relpath(path, "data"))

    def shown(path: str) -> str:
        if path == own:
            return entry.name
        return posixpath.join(posixpath.dirname(entry.name), posixpath.relpath(path, "data"))

    if posixpath.basename(folder) == "data" and _in_archive(entry, own):
        return read_archive(open_member, all_tweets=all_tweets, shown=shown)

    def alone(path: str) -> bytes | bytearray | None:
        return open_member(path) if path in (own, ACCOUNT) else None

    return read_archive(alone, all_tweets=all_tweets, shown=shown, parts=[own])


def _in_archive(entry: Entry, own: str) -> bool:
    """Whether the archive around `entry` is read with it: it is the manifest, or the
    manifest lists it, or there is no manifest (its parts are then found by name)."""
    if own == MANIFEST:
        return True
    manifest = entry.sibling("manifest.js")
    return manifest is None or own in manifest_parts(manifest, entry.name)


def given_thread(thread: ArchiveThread) -> GivenThread:
    """The thread for the corpus: posts numbered by position, from 2 when the root is missing
    (so the corpus counts the one post it lacks, and nothing else)."""
    meta = ThreadMeta(thread.author, thread.handle, thread.date, None)
    first = 2 if thread.root_missing else 1
    return GivenThread(
        tuple(given_post(n, post) for n, post in enumerate(thread.posts, first)), meta
    )


def given_post(number: int, post: ArchivePost) -> GivenPost:
    return GivenPost(number, post.text, PostMeta(post.date, post.media, post.entities))


FORMAT = ArchiveFormat()
