"""The main screen's side of reading the corpus: the loader's messages turned into rows,
progress and the index, then the place the last session ended.

The loader runs in a daemon thread of its own and reports with messages (`CorpusLoader`); once
the threads' stable ids are known (hashed in a thread worker), the remembered marks, filters,
order and place are applied. The keys and what they change are `MainScreen`'s.
"""

from __future__ import annotations

import gc
import threading
import traceback
from collections.abc import Sequence

from textual import on, work
from textual.message import Message

from parsing.safe_text import visible

from ..loading import CorpusLoader, Progress
from ..memory import release_free_memory
from ..widgets.drawn_scrollbar import forget_drawn_bars
from .panes_screen import NO_THREAD_RELATED, PanesScreen

_WARNINGS_GATHERED = 0.1
"""Seconds the warnings arriving together are gathered into one notification."""
_WARNINGS_SHOWN = 5
"""Warnings one notification lists; it counts the others."""


class LoadingScreen(PanesScreen):
    """The panes, filled from the loader's corpus as it is read and indexed."""

    class Identified(Message, bubble=False):
        """The threads' stable ids are known: what was remembered can be shown."""

        def __init__(self, ids: Sequence[str]) -> None:
            super().__init__()
            self.ids = ids

    class LoadFailed(Message, bubble=False):
        """Reading the corpus raised: raised again here, where the app reports it."""

        def __init__(self, error: Exception) -> None:
            super().__init__()
            self.error = error

    # -- loading --------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._warnings: list[str] = []
        """The loader's warnings not shown yet."""
        self.loader.prepare()
        self.post_pane.show(None, [])
        self.related_pane.show([], NO_THREAD_RELATED)
        self._refresh_header()
        self._load()
        self.thread_list.focus()
        self._apply_width(self.app.size.width)

    def _load(self) -> None:
        """Read and index the corpus in a daemon thread of its own. Not a Textual thread
        worker: those run in the event loop's executor, which is joined when the app ends, so
        quitting would wait (seconds, for a big corpus) for the read and the index to finish."""
        threading.Thread(target=self._load_in_thread, name="threadline-load", daemon=True).start()

    def _load_in_thread(self) -> None:
        try:
            self.loader.run(self.post_message)
        except Exception as error:  # a fault of the reader's own: reported as the app would
            _clear_locals(error)
            self.post_message(self.LoadFailed(error))

    @on(LoadFailed)
    def _load_failed(self, event: LoadFailed) -> None:
        raise event.error

    @on(CorpusLoader.BatchLoaded)
    def _batch_loaded(self, event: CorpusLoader.BatchLoaded) -> None:
        searching = self.search_bar.wanted is not None
        if event.threads > self._loaded and not self.filters.active and not searching:
            self.thread_list.extend_rows(range(self._loaded, event.threads))
            if self._loaded == 0:
                self.thread_list.cursor = 0
        elif event.threads > self._loaded and not searching and self._filters_see_more:
            self._filter_again()  # the new threads pass the filters or not (a search will)
        self._loaded = max(self._loaded, event.threads)
        self._progress = event.progress
        self._refresh_header()

    @property
    def _filters_see_more(self) -> bool:
        """Do the filters pass threads as they are counted: a search, which reads their text,
        or flags known before the threads they belong to (`CorpusLoader.FlagsIndexed`)?"""
        return bool(self.filters.search) or (
            self.filters.active and self.view.filter_index is not None
        )

    @on(CorpusLoader.Indexing)
    def _indexing(self, event: CorpusLoader.Indexing) -> None:
        self._progress = event.progress
        self._refresh_header()

    @on(CorpusLoader.Warning)
    def _warned(self, event: CorpusLoader.Warning) -> None:
        # A folder of many other files warns of each at once: one notification lists them,
        # where one each would stack over the whole screen.
        self._warnings.append(visible(event.text))
        if len(self._warnings) == 1:
            self.set_timer(_WARNINGS_GATHERED, self._show_warnings)

    def _show_warnings(self) -> None:
        texts, self._warnings = self._warnings, []
        shown = texts[:_WARNINGS_SHOWN]
        if len(texts) > len(shown):
            more = len(texts) - len(shown)
            shown.append(f"… and {more} more (`threadline stats` lists every one)")
        self.notify("\n".join(shown), title="Skipped", severity="warning", timeout=8, markup=False)

    @on(CorpusLoader.FlagsIndexed)
    def _flags_indexed(self, event: CorpusLoader.FlagsIndexed) -> None:
        self.view.flags = event.index
        self.thread_list.forget_rendering()  # the rows' flags are known now
        if self.filters.active or self.search_bar.wanted is not None:  # asked before they applied
            self._filter_again()

    @on(CorpusLoader.EntitiesIndexed)
    def _entities_indexed(self, event: CorpusLoader.EntitiesIndexed) -> None:
        self.view.entities = event.index
        self.view.flags = None  # the entities answer for the flags too
        self.thread_list.forget_rendering()  # the rows' flags are known now
        if self.filters.active or self.search_bar.wanted is not None:  # asked before they applied
            self._filter_again()

    @on(CorpusLoader.FullyIndexed)
    def _fully_indexed(self, event: CorpusLoader.FullyIndexed) -> None:
        forget_drawn_bars()
        self.view.index = event.index  # the entities' own index goes
        self.indexed = True
        self._progress = Progress("ready", 1.0)
        searching = self.search_bar.wanted is not None
        if self.filters.active or searching or self.sort != "source":
            self._filter_again()  # the rows read so far, filtered, in their order
        self.thread_list.forget_rendering()
        self._identify()
        if self.opened is not None:
            self._open(self.opened, self.post_pane.current, preview=self.previewing)
        elif self._loaded == 0:
            self.thread_list.set_rows([], empty_text=self._empty_text())
            self._offer_hint(False)
            self.notify(
                visible("No threads found in " + self.loader.name), severity="warning", markup=False
            )
        self._refresh_header()
        # The corpus and its index now live as long as the reader: move them out of the cycle
        # collector's sight. At a million posts each full collection walked them all, a pause
        # of tens of milliseconds every few keys. Last: what was let go above (rows drawn with
        # the entities' index, cycles of lines and segments) frozen would stay for good.
        gc.collect()
        gc.freeze()
        release_free_memory()

    # -- where the last session ended -------------------------------------------------------

    @work(thread=True, exclusive=True, group="identify")
    def _identify(self) -> None:
        # Hashing every post takes seconds at a million posts: here, not in a frame.
        self.post_message(self.Identified(self.view.corpus.thread_ids))

    @on(Identified)
    def _identified(self, event: Identified) -> None:
        """Mark the rows, and go back to where the last session ended, unless the reader has
        already opened a thread in this one or the filters now leave that thread out. A query
        being typed keeps its filters, and a search running keeps running."""
        remembered = self.remembered
        remembered.identify(event.ids)
        if self.opened is not None and not self.previewing:
            remembered.mark_read(self.opened)
        resumed = remembered.resumed()
        bar = self.search_bar
        # A search running takes the marks when its answer is shown (`_search_found`).
        searching = bar.wanted is not None
        filters = self.filters
        if resumed is not None and self._resumes_filters and not (bar.is_open or searching):
            filters = resumed.filters
        if resumed is not None and resumed.sort is not None and self._resumes_sort:
            self.sort = resumed.sort
        if not searching and (filters.active or self.sort != "source"):  # marks known only now
            self._apply_filters(filters, remember=False)
        if resumed is not None and resumed.thread is not None and self.opened is None:
            row = self.thread_list.row_of(resumed.thread)
            if row is not None:  # the filters may leave it out now
                self._open(resumed.thread, resumed.post)
                self.thread_list.cursor = row
                if not bar.is_open:  # the keys still coming are the query's
                    self.set_focus(self.post_pane)
        self._marks_changed()


def _clear_locals(error: BaseException) -> None:
    """Clear the locals of the frames `error` went through, and those of the errors it was
    raised from or while handling: the app's report prints every frame's locals of each of
    them, and a big corpus's buffer among them took minutes and gigabytes to print (the repr of
    250 MB, before it is cut short). The messages stay."""
    seen: set[int] = set()
    chained: BaseException | None = error
    while chained is not None and id(chained) not in seen:
        seen.add(id(chained))
        traceback.clear_frames(chained.__traceback__)
        chained = chained.__cause__ or chained.__context__
