"""X data archives: the account's own threads from the archive X exports.

An archive is read from a zip (in place), its unpacked folder, or a lone `tweets.js` /
`tweet.js` / `tweets-partN.js`. In a folder or zip the archive is found by its `data/manifest.js`
or `data/tweets.js` (`data/tweet.js` in older archives); it covers its `data/` and `assets/`
folders and its `Your archive.html`, so saved pages beside it are still read as pages; a
`data/` folder named itself (it holds `manifest.js`) is the archive. A file named like a tweets
file (`…tweets.js`) outside an archive's folders is read on its own.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from importlib import import_module
from typing import TYPE_CHECKING, Any

from .. import Claim

if TYPE_CHECKING:
    from ...containers import Entry
    from ...corpus import Corpus
    from ...given import GivenPost, GivenThread
    from .archive import ArchivePost, ArchiveThread, read_archive
    from .ytd import ArchiveError

# The reading modules (json, html, the archive's layouts) are imported when an archive is read:
# every `threadline stats` asks this format whether it claims a file, and most never read one.
_LAZY = {
    "ArchiveError": "ytd",
    "ArchivePost": "archive",
    "ArchiveThread": "archive",
    "read_archive": "archive",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_LAZY[name]}", __name__), name)


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
_LATER_PART = re.compile(r"(.*tweets?)-part\d+\.js")
_COVERED = ("data/", "assets/", "Your archive.html")


class ArchiveClaim(Claim):
    """An archive's first file; it covers the archive's folders beside it."""

    def covered(self, member: str) -> bool:
        return member == self.entry or any(
            member.startswith(self.covers + part) for part in _COVERED
        )


class DataFolderClaim(Claim):
    """An archive's `data/` folder named itself: every file in it is the archive's."""

    def covered(self, member: str) -> bool:
        return True


def _later_part_beside_first(member: str, present: set[str]) -> bool:
    """Whether `member` is a later part (`tweets-part1.js`) of a `tweets.js` beside it, which
    reads it with itself."""
    match = _LATER_PART.fullmatch(member)
    return bool(match) and f"{match.group(1) if match else ''}.js" in present


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
        present = set(members)
        if "manifest.js" in present:  # the archive's `data/` folder itself was named
            entry = next((m for m in _MARKERS if m in present), "manifest.js")
            return [DataFolderClaim(entry)]
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
            if (
                _TWEET_FILE.fullmatch(posixpath.basename(member))
                and not any(claim.covered(member) for claim in claims)
                and not _later_part_beside_first(member, present)
            ):
                claims.append(Claim(member))
        return claims

    def sniff(self, name: str, head: bytes) -> bool:
        return is_archive_file(name, head)

    def read(self, entry: Entry, corpus: Corpus) -> None:
        from ...given import add_given_threads

        threads = read_entry(entry, all_tweets=self.all_tweets)
        if not threads:
            corpus.warnings.append(
                f"{entry.name}: no threads in this archive (no tweet has a self-reply;"
                " --all-tweets shows every tweet)"
            )
            return
        add_given_threads(corpus, entry.name, [given_thread(thread) for thread in threads])


def read_entry(entry: Entry, *, all_tweets: bool = False) -> list[ArchiveThread]:
    """The threads of the archive `entry` belongs to: all the parts the manifest beside it
    lists (when it lists the entry, or is the entry); without one, a `tweets.js` (`tweet.js`)
    with its `-partN` files beside it; else the entry alone."""
    from .archive import MANIFEST, manifest_parts, read_archive

    where = str(getattr(entry, "member", None) or getattr(entry, "path", entry.name))
    base = posixpath.basename(where.replace("\\", "/"))
    own = f"data/{base}"

    def open_member(path: str) -> bytes | bytearray | None:
        return entry.data() if path == own else entry.sibling(posixpath.relpath(path, "data"))

    def shown(path: str) -> str:
        if path == own:
            return entry.name
        return posixpath.join(posixpath.dirname(entry.name), posixpath.relpath(path, "data"))

    manifest = open_member(MANIFEST)
    if own == MANIFEST or (
        manifest is not None and own in manifest_parts(manifest, shown(MANIFEST))
    ):
        return read_archive(open_member, all_tweets=all_tweets, shown=shown)

    def without_manifest(path: str) -> bytes | bytearray | None:
        return None if path == MANIFEST else open_member(path)

    parts = [own]
    if base in ("tweets.js", "tweet.js"):  # its later parts, named after it
        stem = base.removesuffix(".js")
        while entry.sibling(f"{stem}-part{len(parts)}.js") is not None:
            parts.append(f"data/{stem}-part{len(parts)}.js")
    return read_archive(without_manifest, all_tweets=all_tweets, shown=shown, parts=parts)


def given_thread(thread: ArchiveThread) -> GivenThread:
    """The thread for the corpus: posts numbered by position, from 2 when the root is missing
    (so the corpus counts the one post it lacks, and nothing else)."""
    from ...given import GivenThread, ThreadMeta

    meta = ThreadMeta(thread.author, thread.handle, thread.date, None)
    first = 2 if thread.root_missing else 1
    return GivenThread(
        tuple(given_post(n, post) for n, post in enumerate(thread.posts, first)), meta
    )


def given_post(number: int, post: ArchivePost) -> GivenPost:
    from ...given import GivenPost, PostMeta

    return GivenPost(number, post.text, PostMeta(post.date, post.media, post.entities))


FORMAT = ArchiveFormat()
