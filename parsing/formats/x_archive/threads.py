"""Threads from an archive's tweets: each tweet that is not a self-reply, with every self-reply
beneath it.

Every tweet in an archive is the account's own, so a reply whose parent is in the archive is a
self-reply. Posts run depth first, earlier replies first, so a branching thread keeps every
post. A chain whose first tweet replies to the account's own tweet that the archive lacks
(deleted, or cut away) is a thread whose root is missing; a lone such reply, like any tweet
without self-replies, is a thread only when every tweet is asked for. Of an edited tweet only
the last version is kept, and replies to an earlier version hang beneath it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from .tweets import Tweet


class Tree(NamedTuple):
    tweets: tuple[Tweet, ...]
    root_missing: bool


def build(
    tweets: Iterable[Tweet], owner: Iterable[str] = (), *, all_tweets: bool = False
) -> list[Tree]:
    """The threads of `tweets`, in the time order of their first posts. `owner` is the
    account's id and handle, where known (else guessed from the self-replies)."""
    by_id, alias = _latest_versions(tweets)
    children: dict[str, list[Tweet]] = {}
    roots: list[Tweet] = []
    for tweet in by_id.values():
        parent = alias.get(tweet.parent, tweet.parent) if tweet.parent else None
        if parent is not None and parent in by_id and parent != tweet.tweet_id:
            children.setdefault(parent, []).append(tweet)
        else:
            roots.append(tweet)
    owners = {key.lower() for key in owner if key} or _guessed_owner(by_id, children)
    trees: list[Tree] = []
    seen: set[str] = set()
    alone: set[str] = set()
    for root in sorted(roots, key=_order):
        missing = root.parent is not None and (root.parent_user or "").lower() in owners
        if root.tweet_id in children or all_tweets:
            trees.append(Tree(_depth_first(root, children, seen), missing))
        else:
            alone.add(root.tweet_id)
    circling = by_id.keys() - seen - alone  # replies that answer each other round a circle
    for tweet in sorted((by_id[key] for key in circling), key=_order):
        if tweet.tweet_id not in seen:
            trees.append(Tree(_depth_first(tweet, children, seen), False))
    if circling:
        trees.sort(key=lambda tree: _order(tree.tweets[0]))
    return trees


def _latest_versions(tweets: Iterable[Tweet]) -> tuple[dict[str, Tweet], dict[str, str]]:
    """The tweets by id, earlier versions of edited tweets left out, and each left-out (or
    absent) version's id mapped to the last version the archive holds."""
    by_id = {tweet.tweet_id: tweet for tweet in tweets}
    alias: dict[str, str] = {}
    for tweet in list(by_id.values()):
        if not tweet.edits or tweet.tweet_id in alias:
            continue
        held = [version for version in tweet.edits if version in by_id]
        last = held[-1] if held else tweet.tweet_id
        for version in tweet.edits:
            if version != last:
                alias[version] = last
                by_id.pop(version, None)
    return by_id, alias


def _guessed_owner(by_id: dict[str, Tweet], children: dict[str, list[Tweet]]) -> set[str]:
    """Without an account file, the account is the one its self-replies answer."""
    counts = Counter(
        reply.parent_user for replies in children.values() for reply in replies if reply.parent_user
    )
    return {counts.most_common(1)[0][0].lower()} if counts else set()


def _depth_first(
    root: Tweet, children: dict[str, list[Tweet]], seen: set[str]
) -> tuple[Tweet, ...]:
    posts: list[Tweet] = []
    stack = [root]
    while stack:
        tweet = stack.pop()
        if tweet.tweet_id in seen:
            continue
        seen.add(tweet.tweet_id)
        posts.append(tweet)
        stack.extend(sorted(children.get(tweet.tweet_id, ()), key=_order, reverse=True))
    return tuple(posts)


def _order(tweet: Tweet) -> tuple[str, int]:
    return tweet.order
