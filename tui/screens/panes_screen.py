"""The panes of the main screen and what they show, for `MainScreen` to drive.

What the reader shows lives here (the filters, the open thread, the history for backspace,
how far loading has got), with the typed panes and the few ways to change them: apply filters,
open a thread, refresh the header and the footer. `MainScreen` decides when, from keys, clicks
and the loader's messages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer

from parsing.safe_text import visible

from ..highlight import plain
from ..loading import CorpusLoader, Progress
from ..post_layout import HINT
from ..remembered import Remembered, list_title
from ..search_rows import rows_passing, search_rows, searched_in_place
from ..sorting import SORT_LABELS, sorted_threads
from ..state import Filters, History, Snapshot
from ..views import CorpusView
from ..widgets.header_bar import HeaderBar, chips_of
from ..widgets.post_pane import PostPane
from ..widgets.related_pane import RelatedPane
from ..widgets.search_bar import SearchBar
from ..widgets.thread_list import ThreadList

NO_THREAD_RELATED = "Related threads appear once a thread is open."
NO_MATCH = "No thread matches — esc clears the filters"
FEATURES_WAIT = "Mention and hashtag filters apply once indexing is done."
NARROW = 100
"""Below this many columns the related pane hides (r shows it)."""


class PanesScreen(Screen[None]):
    """The header, the thread list, the post pane, the related pane, the search line."""

    show_related: reactive[bool | None] = reactive(None)
    """The user's choice for the related pane; None follows the terminal width."""

    def __init__(
        self,
        loader: CorpusLoader,
        view: CorpusView,
        filters: Filters,
        remembered: Remembered,
        sort: str | None = None,
    ) -> None:
        super().__init__()
        self.loader = loader
        self.view = view
        self.filters = filters
        self.remembered = remembered
        self._resumes_filters = not filters.active
        """Filters given on the command line win over those remembered."""
        self._unread: tuple[tuple[int, int, int], int | None] | None = None
        self.history = History()
        self.sort = sort or "source"
        """The list's order, one of `SORT_ORDERS`."""
        self._resumes_sort = sort is None
        """An order given on the command line wins over the one remembered."""
        self.opened: int | None = None
        self.previewing = False
        """The open thread is only previewed (the list's cursor is on it): not read yet."""
        self._preview_wanted: int | None = None
        """The thread the list's cursor moved to, previewed at the next refresh."""
        self._reading: tuple[int | None, int] = (None, 0)
        """The thread read last (not only previewed) and its current post: the place kept."""
        self.indexed = False
        """The whole index is in: related threads and every filter work."""
        self._loaded = 0
        """Threads read so far (the list shows them all while no filter applies)."""
        self._progress = Progress("reading", 0.0)
        self._binding_answers: tuple[bool, bool] | None = None

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        with Horizontal(id="panes"):
            yield ThreadList(self.view.row, self.view.hit_count, id="threads")
            yield PostPane(id="posts")
            related = RelatedPane(self.view, id="related")
            related.border_title = "Related"
            yield related
        yield SearchBar(id="search")
        yield Footer()

    @property
    def thread_list(self) -> ThreadList:
        return self.query_one("#threads", ThreadList)

    @property
    def post_pane(self) -> PostPane:
        return self.query_one("#posts", PostPane)

    @property
    def related_pane(self) -> RelatedPane:
        return self.query_one("#related", RelatedPane)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one("#search", SearchBar)

    @property
    def header_bar(self) -> HeaderBar:
        return self.query_one("#header", HeaderBar)

    # -- the header ---------------------------------------------------------------------------

    def _refresh_header(self) -> None:
        threads = self.thread_list
        unread = self._unread_count(threads.rows)
        status = list_title(len(threads.rows), self._loaded, unread)
        if SORT_LABELS[self.sort]:
            status += " · " + SORT_LABELS[self.sort]
        threads.set_title(status)
        if self._progress.phase != "ready":
            status += f" · {self._progress.phase} {self._progress.fraction:.0%}"
        self.header_bar.show(self.loader.name, chips_of(self.filters), status)

    def _unread_count(self, rows: Sequence[int]) -> int | None:
        """Unread threads among `rows`, counted again only when the rows or the marks change
        (the header is refreshed many times a second while a big corpus loads)."""
        key = (id(rows), len(rows), len(self.remembered.store.read))
        if self._unread is None or self._unread[0] != key or self._unread[1] is None:
            self._unread = (key, self.remembered.unread_among(rows))
        return self._unread[1]

    # -- remembered state -----------------------------------------------------------------------

    def _save_place(self) -> None:
        """Keep the place: the thread being read and its post (a thread only previewed is not
        where the reader stopped), with the filters and the order."""
        if not self.previewing:
            self._reading = (self.opened, self.post_pane.current)
        thread, post = self._reading
        self.remembered.save_place(thread, post, self.filters, self.sort)
        self._report_state()

    def _count_one_change(self, thread: int) -> None:
        """Keep the unread count up to date when one thread's read mark flipped, instead of
        counting the rows again (tens of ms at a hundred thousand threads, on every `n`)."""
        if self._unread is None:
            return
        (rows_id, rows_len, read_len), count = self._unread
        if count is None:
            return
        rows, read = self.thread_list.rows, len(self.remembered.store.read)
        if (rows_id, rows_len) != (id(rows), len(rows)) or abs(read - read_len) != 1:
            return  # not a single flip of the rows counted: count again when asked
        if self.thread_list.row_of(thread) is not None:
            count += 1 if self.remembered.is_unread(thread) else -1
        self._unread = ((rows_id, rows_len, read), count)

    def _marks_changed(self, thread: int | None = None) -> None:
        """`thread` (None: any) was read, or (un)bookmarked: its row's mark and the unread
        count change."""
        if thread is None:
            self.thread_list.forget_rendering()
        else:
            self.thread_list.forget_thread(thread)
            self._count_one_change(thread)
        self._refresh_header()
        self._report_state()

    def _report_state(self) -> None:
        for warning in self.remembered.store.take_warnings():
            self.notify(
                visible(warning), title="Not remembered", severity="warning", timeout=10,
                markup=False,
            )  # fmt: skip

    # -- filters --------------------------------------------------------------------------------

    def _apply_filters(self, filters: Filters, *, remember: bool = True) -> None:
        if remember:
            self._remember()
        self.filters = filters
        self._save_place()
        if not searched_in_place(self.view, filters, indexed=self.indexed):
            self.search_bar.find(filters, self._search_rows)  # the list follows when it is done
            return
        if self.view.filter_index is None:  # filters wait for the index; none gives every thread
            if filters.active:
                self.notify("Filters apply once indexing is done.", timeout=3)
            else:
                self._set_rows(range(self._loaded))
            return
        self._set_rows(self._find_rows(filters))
        if filters.features and not self.view.features_ready:
            self.notify(FEATURES_WAIT, timeout=3)

    def _filter_again(self) -> None:
        """Apply the filters again, now that more threads or an index are in: those of the
        search being typed when one runs (it takes over where it got)."""
        wanted = self.search_bar.wanted or self.filters
        if not searched_in_place(self.view, wanted, indexed=self.indexed):
            self.search_bar.find(wanted, self._search_rows)
        else:
            self._apply_filters(self.filters, remember=False)

    def _find_rows(self, filters: Filters) -> list[int]:
        found = self.view.searches.find(filters.search) if filters.search else None
        return rows_passing(self.view, self.remembered, filters, found)

    def _search_rows(
        self, filters: Filters, cancelled: Callable[[], bool], show: Callable[[list[int]], None]
    ) -> list[int] | None:
        return search_rows(self.view, self.remembered, filters, cancelled, show)

    def _set_rows(self, rows: Sequence[int]) -> None:
        rows = sorted_threads(rows, self.sort, self.view.corpus, self.remembered)
        self.thread_list.set_rows(
            rows,
            keep=self.opened,
            empty_text=self._empty_text(),
            search=self.filters.search,
            ascending=self.sort == "source",
        )
        self._offer_hint(bool(rows))
        if self.opened is not None and self.thread_list.row_of(self.opened) is None:
            self._close_thread()  # the pane shows only what the filters let through
        self._refresh_header()
        posts = self.post_pane
        if self.opened is not None and posts.search != self.filters.search:
            posts.search = self.filters.search  # mark the new search text in the open thread
            posts.show(self.opened, self.view.posts(self.opened), posts.current)
        if self.opened is not None:  # `n` and `p` may lead elsewhere now: lay those out
            self.post_pane.call_after_refresh(self._prepare_neighbours, self.opened)

    def _empty_text(self) -> str:
        """What the list says when it shows no thread: why, and the way out if there is one."""
        if self.filters.active:
            return NO_MATCH
        if self.indexed:  # read to the end, and not one thread in it
            return visible(f"No threads found in {self.loader.name}")
        return ""

    def _offer_hint(self, any_rows: bool) -> None:
        """Have the post pane say how to open a thread only when the list has one to open."""
        posts = self.post_pane
        hint = HINT if any_rows else ""
        if posts.hint != hint:
            posts.hint = hint
            if self.opened is None:
                posts.show(None, [])

    def _remember(self) -> None:
        snapshot = Snapshot(
            self.filters, self.opened, self.post_pane.current, self.thread_list.current
        )
        self.history.push(snapshot)
        self._refresh_bindings()  # backspace now applies

    # -- opening threads ------------------------------------------------------------------------

    def _open(
        self, thread: int, post: int | None = None, *, remember: bool = False, preview: bool = False
    ) -> None:
        """Show `thread` at `post`; by default at its first post, or its first search hit.
        A `preview` (the list's cursor moved onto it) leaves it unread."""
        if remember:
            self._remember()
        self.opened = thread
        self.previewing = preview
        posts = self.post_pane
        if post is None:
            hits = self.view.hits(thread, self.filters.search)
            post = hits[0] if hits else 0
        posts.search = self.filters.search
        posts.show(thread, self.view.posts(thread), post)
        self.thread_list.mark_open(thread)
        if not preview:
            self._mark_read(thread)
        self._save_place()
        # Titles and file names come from the corpus: Content, never markup.
        posts.border_title = plain(self.view.posts_title(thread))
        byline = self.view.byline(thread)
        source = self.view.source_line(thread)
        posts.border_subtitle = plain(f"{byline} · {source}" if byline else source)
        self.related_pane.follow(thread)
        # Once the posts are on screen, with the related threads: ready where `n`/`p` go. This
        # fits before the next frame may be drawn (Textual draws at most 60 a second).
        posts.call_after_refresh(self._prepare_neighbours, thread)

    def _mark_read(self, thread: int) -> None:
        """`thread` is read (opened, or its preview's posts took the focus)."""
        was_preview, self.previewing = self.previewing, False
        if self.remembered.is_unread(thread):
            self.remembered.mark_read(thread)
            self._marks_changed(thread)
        if was_preview:
            self._save_place()

    def _close_thread(self) -> None:
        """Show no thread: the open one is no longer in the list."""
        self.opened = None
        self.previewing = False
        self.thread_list.mark_open(None)
        posts = self.post_pane
        posts.show(None, [])
        posts.border_title = posts.border_subtitle = ""
        self.related_pane.thread = None  # a search for the closed one's is no longer wanted
        self.related_pane.show([], NO_THREAD_RELATED)
        self._save_place()

    def _prepare_neighbours(self, thread: int) -> None:
        if thread != self.opened or self.view.index is None:
            return
        near = self.thread_list.neighbours(thread)
        self.post_pane.prepare({other: self.view.posts(other) for other in near})

    # -- the footer -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "go_back":
            return bool(self.history.snapshots)
        if action == "open_link":
            return self.post_pane.current_post is not None
        return True

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys the footer shows: below `NARROW` columns, without `r` (the related pane is
        hidden there; help lists the key), so that the rest, tab among them, fit in 80."""
        bindings = super().active_bindings
        if self.has_class("-narrow"):
            bindings.pop("r", None)
        return bindings

    def _refresh_bindings(self) -> None:
        """Tell the footer when `check_action`'s answers change, and only then: the footer
        rebuilds every key on each refresh, which was a good part of every `n`/`p`."""
        answers = (bool(self.history.snapshots), self.post_pane.current_post is not None)
        if answers != self._binding_answers:
            self._binding_answers = answers
            self.app.refresh_bindings()

    # -- the width ----------------------------------------------------------------------------

    def _apply_width(self, width: int) -> None:
        wanted = self.show_related if self.show_related is not None else width >= NARROW
        self.related_pane.display = wanted
        self.related_pane.fit_width()  # as its entries now need, once it is shown
        crossed = self.has_class("-narrow") != (width < NARROW)
        self.set_class(width < NARROW, "-narrow")
        self.set_class(wanted, "-with-related")
        # Below NARROW the footer's keys sit closer and leave out the palette's (ctrl+p still
        # opens it, and the help lists it): otherwise the last keys are cut off at 80 columns.
        footer = self.query_one(Footer)
        footer.compact = width < NARROW
        footer.show_command_palette = width >= NARROW
        if crossed:  # the footer builds its keys only when told the bindings changed
            self.app.refresh_bindings()
        self.post_pane.keep_current_in_view()
