"""A big corpus's flags come before its other entities: the flag picker and flag filters work
while mentions and hashtags are still being indexed, and say so."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from parsing.corpus import Corpus
from parsing.flag_index import flag_index
from parsing.index import CorpusIndex, build_index
from parsing.index_process import for_filters
from tui import loading
from tui.app import ThreadlineApp
from tui.screens.flag_picker import FlagPicker
from tui.screens.main_screen import FLAGS_WAIT
from tui.screens.panes_screen import FEATURES_WAIT
from tui.widgets.post_pane import PostPane

from .helpers import (
    GRAIN,
    LIGHTHOUSE,
    PIPELINE,
    RAIL,
    SEEDLIKE,
    SHARED_FLAGS,
    TIMBER,
    WIDE,
    list_lines,
    make_app,
    notifications,
    open_thread,
    post_pane,
    thread_list,
    wait_loaded,
    wait_until,
)
from .test_filters import choices, open_picker, type_text
from .test_related import related_entries


class FlagsThenHeld:
    """An index process whose flags are in once `flags_release` is set (at once by default),
    and whose entities, as the real one sends them (`for_filters`), wait for `release`."""

    def __init__(self, release: threading.Event, flags_release: threading.Event | None = None):
        self._release = release
        self._flags_release = flags_release

    def wait(self) -> None:
        pass

    def flags(self, corpus: Corpus) -> CorpusIndex:
        if self._flags_release is not None:
            self._flags_release.wait(10)
        return flag_index(corpus)

    def entities(self, corpus: Corpus) -> CorpusIndex:
        self._release.wait(10)
        self._corpus = corpus
        return for_filters(build_index(corpus, with_words=False))

    def whole(self) -> CorpusIndex:
        return build_index(self._corpus)

    def close(self) -> None:
        pass

    def reap_later(self) -> None:
        pass

    def join(self, timeout: float | None) -> None:
        pass


@pytest.fixture
def entities_held(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The seed-like corpus is big enough for another process, which gives its flags at once
    and the other entities when the test sets the event."""
    release = threading.Event()
    monkeypatch.setattr(loading, "INDEX_PROCESS_BYTES", 0)
    monkeypatch.setattr(
        loading, "start_index_process", lambda *args, **kwargs: FlagsThenHeld(release)
    )
    return release


def corpus_copy(tmp_path: Path) -> str:
    """The seed-like corpus under a path of its own (no cache of another test answers it)."""
    path = tmp_path / "threads.txt"
    shutil.copy(SEEDLIKE, path)
    return str(path)


async def flags_in(pilot: Pilot[Any], app: ThreadlineApp) -> None:
    await wait_until(pilot, lambda: app.view.flags is not None)  # type: ignore[attr-defined]
    await pilot.pause()


async def test_f_lists_the_flags_before_the_entities_are_indexed(
    entities_held: threading.Event, tmp_path: Path
) -> None:
    """With only the flags indexed, `f` lists every flag of the corpus and the rows show
    theirs."""
    app = make_app(corpus_copy(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        try:
            await flags_in(pilot, app)
            assert app.loader.entities is None  # type: ignore[attr-defined]
            assert "🇨🇳" in " ".join(list_lines(app))
            picker = await open_picker(pilot, app)
            assert sorted(choices(picker)) == ["BR", "CN", "NO", "RU"]
        finally:
            entities_held.set()


async def test_f_before_the_flags_are_in_says_they_are_coming(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`f` while the threads are listed but their flags not yet indexed opens no picker and
    says the flags come a moment after the threads are read."""
    release = threading.Event()
    monkeypatch.setattr(loading, "INDEX_PROCESS_BYTES", 0)
    monkeypatch.setattr(
        loading, "start_index_process", lambda *args, **kwargs: FlagsThenHeld(release, release)
    )
    app = make_app(corpus_copy(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        try:
            await wait_until(pilot, lambda: len(thread_list(app).rows) == 7)
            await pilot.press("f")
            await wait_until(pilot, lambda: FLAGS_WAIT in notifications(app))
            assert not isinstance(app.screen, FlagPicker)
        finally:
            release.set()


async def test_a_flag_chosen_before_the_entities_filters_at_once(
    entities_held: threading.Event, tmp_path: Path
) -> None:
    """Choosing China in the picker while only the flags are indexed lists the four threads
    that carry it."""
    app = make_app(corpus_copy(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        try:
            await flags_in(pilot, app)
            picker = await open_picker(pilot, app)
            await type_text(pilot, "China")
            await wait_until(pilot, lambda: choices(picker) == ["CN"])
            await pilot.press("enter")
            await wait_until(pilot, lambda: thread_list(app).rows == SHARED_FLAGS)
            assert app.loader.entities is None  # type: ignore[attr-defined]
        finally:
            entities_held.set()


async def test_a_mention_filter_waits_for_the_entities_and_says_so(
    entities_held: threading.Event, tmp_path: Path
) -> None:
    """A mention clicked while only the flags are indexed leaves the list as it was, with a
    note that it applies once indexing is done; when the entities are in, it applies."""
    app = make_app(corpus_copy(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        try:
            await flags_in(pilot, app)
            every = list(thread_list(app).rows)
            post_pane(app).post_message(PostPane.EntityClicked("mention", "marit_lamp"))
            await wait_until(pilot, lambda: FEATURES_WAIT in notifications(app))
            assert thread_list(app).rows == every
        finally:
            entities_held.set()
        await wait_loaded(pilot, app)
        await wait_until(pilot, lambda: thread_list(app).rows == [LIGHTHOUSE])


class WholeHeld(FlagsThenHeld):
    """As `FlagsThenHeld`, the whole index waiting for `whole_release` too."""

    def __init__(self, release: threading.Event, whole_release: threading.Event):
        super().__init__(release)
        self._whole_release = whole_release

    def whole(self) -> CorpusIndex:
        self._whole_release.wait(10)
        return super().whole()


async def test_a_thread_opened_before_the_whole_index_gets_its_related_threads_once_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rail thread opened while only the entities are in (without the features related
    threads read) says its related threads follow, then lists the three that share its flags
    once the whole index is in."""
    entities, whole = threading.Event(), threading.Event()
    entities.set()
    monkeypatch.setattr(loading, "INDEX_PROCESS_BYTES", 0)
    monkeypatch.setattr(
        loading, "start_index_process", lambda *args, **kwargs: WholeHeld(entities, whole)
    )
    app = make_app(corpus_copy(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        try:
            await wait_until(pilot, lambda: app.view.entities is not None)  # type: ignore[attr-defined]
            await open_thread(pilot, app, RAIL)
            await pilot.pause(0.1)
            assert [text for _, text in related_entries(app)] == [
                "Indexing… related threads follow."
            ]
        finally:
            whole.set()
        await wait_loaded(pilot, app)
        await wait_until(
            pilot,
            lambda: (
                {entry for entry, _ in related_entries(app)}
                == {str(GRAIN), str(TIMBER), str(PIPELINE)}
            ),
        )


async def test_f_on_a_corpus_without_flags_says_so(tmp_path: Path) -> None:
    """Once indexed, a corpus that uses no flag answers `f` with a note, not a picker."""
    path = tmp_path / "plain.txt"
    path.write_text("1/ Nothing to wave here.\n2/ Still nothing.\n", encoding="utf-8")
    app = make_app(str(path))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("f")
        await wait_until(pilot, lambda: "No flags in this corpus." in notifications(app))
        assert not isinstance(app.screen, FlagPicker)
