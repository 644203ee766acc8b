"""Command palette entries: go to a thread by title, filter by a flag or an author, bookmarks and
read marks (themes are built in)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from parsing.entities.flags import flag_emoji

from .highlight import flag_label, plain

if TYPE_CHECKING:
    from .app import ThreadlineApp

_MAX_TITLES = 20_000
"""Titles searched at most: enough for any corpus a person would scroll through by name."""


class ThreadCommands(Provider):
    """`Go to: <title>` for the threads of the corpus."""

    def _threads(self) -> range:
        reader = cast("ThreadlineApp", self.app)
        return range(min(reader.loader.corpus.thread_count, _MAX_TITLES))

    async def discover(self) -> Hits:
        reader = cast("ThreadlineApp", self.app)
        for thread in self._threads()[:10]:
            title = reader.view.title(thread)
            yield DiscoveryHit(
                plain(f"Go to: {title}"),
                partial(reader.main_screen.go_to_thread, thread),
                text=title,
            )

    async def search(self, query: str) -> Hits:
        reader = cast("ThreadlineApp", self.app)
        matcher = self.matcher(query)
        for thread in self._threads():
            title = reader.view.title(thread)
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    plain(f"Go to: {title}"),
                    partial(reader.main_screen.go_to_thread, thread),
                    text=title,
                )


class FlagCommands(Provider):
    """`Filter by flag: 🇨🇳 China (CN)` for each flag in the corpus."""

    async def search(self, query: str) -> Hits:
        reader = cast("ThreadlineApp", self.app)
        matcher = self.matcher(query)
        for choice in reader.view.flag_choices():
            text = f"Filter by flag: {flag_emoji(choice.code)} {flag_label(choice.code)}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(reader.main_screen.filter_by_flag, choice.code),
                    text=text,
                )


class AuthorCommands(Provider):
    """`Filter by author: Ann Brook (@annbrook)` for each author the corpus names, and a way
    back to every author while one is chosen."""

    def _commands(self) -> list[tuple[str, str]]:
        """(what the palette shows, the author filter it sets)."""
        reader = cast("ThreadlineApp", self.app)
        authors: dict[str, str] = {}
        for meta in reader.loader.corpus.thread_meta.values():
            if meta.handle:
                name = f"{meta.author} (@{meta.handle})" if meta.author else f"@{meta.handle}"
                authors.setdefault(name, "@" + meta.handle)
            elif meta.author:
                authors.setdefault(meta.author, meta.author)
        commands = [(f"Filter by author: {name}", wanted) for name, wanted in authors.items()]
        commands.sort(key=lambda command: command[0].casefold())
        if reader.main_screen.filters.author:
            commands.insert(0, ("Show threads by every author", ""))
        return commands

    async def discover(self) -> Hits:
        reader = cast("ThreadlineApp", self.app)
        for text, wanted in self._commands()[:10]:
            yield DiscoveryHit(
                plain(text), partial(reader.main_screen.filter_by_author, wanted), text=text
            )

    async def search(self, query: str) -> Hits:
        reader = cast("ThreadlineApp", self.app)
        matcher = self.matcher(query)
        for text, wanted in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    plain(text),  # names come from the corpus: never `highlight`'s markup
                    partial(reader.main_screen.filter_by_author, wanted),
                    text=text,
                )


class MarkCommands(Provider):
    """Bookmarks and read marks: toggle them on a thread, show only bookmarked or unread."""

    def _commands(self) -> list[tuple[str, Callable[[], None]]]:
        screen = cast("ThreadlineApp", self.app).main_screen
        filters = screen.filters
        return [
            ("Bookmark the thread, or take its bookmark off", screen.action_toggle_bookmark),
            ("Mark the thread read or unread", screen.action_toggle_read),
            (
                "Show all threads, not only bookmarked ones"
                if filters.bookmarked_only
                else "Show only bookmarked threads",
                screen.action_bookmarked_only,
            ),
            (
                "Show read threads again" if filters.unread_only else "Hide read threads",
                screen.action_unread_only,
            ),
        ]

    async def discover(self) -> Hits:
        for text, command in self._commands():
            yield DiscoveryHit(text, command, text=text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text=text)
