"""threadline's reader: the thread list, the posts of the open thread, and related threads.

Its keys are listed once, in `tui/keys.py` (the help screen and the README are made from it).
"""

from __future__ import annotations

import gc
from collections.abc import Sequence

from textual import events, on, work
from textual.actions import SkipAction
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.reactive import reactive
from textual.widgets import Footer, Input

from parsing.filters import filter_threads
from parsing.safe_text import visible

from .assets import stylesheet
from .highlight import plain
from .links import open_link_of, open_url
from .loading import CorpusLoader
from .palette import FlagCommands, ThreadCommands
from .screens.flag_picker import FlagPicker
from .screens.help_screen import HelpScreen
from .state import Filters, History, Snapshot
from .views import SMALL, CorpusView
from .widgets.header_bar import HeaderBar
from .widgets.post_pane import PostPane
from .widgets.related_pane import RelatedPane
from .widgets.thread_list import ThreadList

NARROW = 100
"""Below this many columns the related pane hides (r shows it)."""


class ThreadlineApp(App[int]):
    """Read, filter and cross-reference a corpus of threads."""

    CSS_PATH = str(stylesheet())
    TITLE = "threadline"
    COMMANDS = App.COMMANDS | {ThreadCommands, FlagCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("f", "flags", "Flags", priority=True),  # see `_not_typed_into_a_field`
        Binding("slash", "search", "Search", priority=True),
        Binding("n", "step_thread(1)", "Next"),
        Binding("p", "step_thread(-1)", "Prev"),
        Binding("j", "step_post(1)", "Next post", show=False),
        Binding("k", "step_post(-1)", "Prev post", show=False),
        Binding("r", "toggle_related", "Related"),
        Binding("o", "open_link", "Open link"),
        Binding("backspace", "back", "Back"),
        Binding("escape", "escape", "Clear filters"),
    ]

    show_related: reactive[bool | None] = reactive(None)
    """The user's choice for the related pane; None follows the terminal width."""

    def __init__(
        self, paths: Sequence[str] = (), flags: Sequence[str] = (), search: str = ""
    ) -> None:
        super().__init__()
        self.loader = CorpusLoader(paths)
        self.view = CorpusView(self.loader.corpus)
        self.filters = Filters(tuple(flags), (), search)
        self.history = History()
        self.opened: int | None = None
        self._shown_threads = 0
        self._indexed = self._filterable = False
        self._binding_answers: tuple[bool, bool] | None = None
        self._search_before: Filters | None = None
        self._search_wanted: Filters | None = None
        """The search running in the background, whose result is still wanted."""

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        with Horizontal(id="panes"):
            yield ThreadList(self.view.row, id="threads")
            yield PostPane(id="posts")
            yield RelatedPane(self.view, id="related")
        yield Input(placeholder="Search posts…", id="search")
        yield Footer()

    # -- loading --------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.loader.prepare()
        self.query_one(PostPane).show(None, [])
        self.query_one(RelatedPane).show([], "Related threads appear once a thread is open.")
        self._refresh_header()
        self._load()
        self._poll_timer = self.set_interval(0.1, self._poll)
        self.query_one(ThreadList).focus()
        self._apply_width(self.size.width)

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        self.loader.run()

    def _poll(self) -> None:
        """Show what the loader has done since the last tick; stop once it is done."""
        if not self.is_running:
            return
        try:
            threads = self.query_one(ThreadList)
        except NoMatches:
            return  # the app is shutting down
        corpus = self.loader.corpus
        count = corpus.thread_count
        if count > self._shown_threads and not self.filters.active:
            threads.extend_rows(range(self._shown_threads, count))
            if self._shown_threads == 0:
                threads.cursor = 0
        self._shown_threads = count
        for warning in self.loader.take_warnings():
            self.notify(
                visible(warning), title="Skipped", severity="warning", timeout=8, markup=False
            )
        if not self._filterable and self.loader.filter_index is not None:
            self._filterable = True
            self.view.entities = self.loader.entities
            self.query_one(ThreadList).forget_rendering()  # the rows' flags are known now
            if self.filters.active:  # asked for before they could apply (`--flag`, say)
                self._apply_filters(self.filters, remember=False)
        if self.loader.index is not None and not self._indexed:
            self._on_indexed()
        self._refresh_header()
        if self._indexed and self.loader.progress().phase == "ready":
            self._poll_timer.stop()

    def _on_indexed(self) -> None:
        self._indexed = True
        # The corpus and its index now live as long as the app: move them out of the cycle
        # collector's sight. At a million posts each full collection walked them all, a pause
        # of tens of milliseconds every few keys.
        gc.collect()
        gc.freeze()
        self.view.index = self.loader.index
        if self.filters.active:
            self._apply_filters(self.filters, remember=False)
        self.query_one(ThreadList).forget_rendering()
        if self.opened is not None:
            self._open(self.opened, self.query_one(PostPane).current, remember=False)
        elif self.loader.corpus.thread_count == 0:
            self.query_one(PostPane).show(None, [])
            self.notify(
                visible("No threads found in " + self.loader.name), severity="warning", markup=False
            )

    def _refresh_header(self) -> None:
        progress = self.loader.progress()
        threads, total = self.query_one(ThreadList), self.loader.corpus.thread_count
        threads.border_title = status = f"{len(threads.rows)} of {total} threads"
        if progress.phase != "ready":
            status += f" · {progress.phase} {progress.fraction:.0%}"
        chips = self.filters.flags
        labels = [("@" if kind == "mention" else "#") + key for kind, key in self.filters.features]
        search = " ".join([*labels, self.filters.search]).strip()
        self.query_one(HeaderBar).show(self.loader.name, chips, search, status)

    # -- filters --------------------------------------------------------------------------------

    def _apply_filters(self, filters: Filters, *, remember: bool = True) -> None:
        if remember:
            self._remember()
        self.filters = filters
        index = self.loader.filter_index
        if index is None:  # filters wait for the index; cleared ones give back every thread
            if filters.active:
                self.notify("Filters apply once indexing is done.", timeout=3)
            else:
                self._set_rows(range(self._shown_threads))
            return
        rows = filter_threads(
            self.loader.corpus, index, filters.flags, filters.search, filters.features
        )
        self._set_rows(rows)

    def _set_rows(self, rows: Sequence[int]) -> None:
        self.query_one(ThreadList).set_rows(rows, keep=self.opened)
        self._refresh_header()
        if self.opened is not None:  # `n` and `p` may lead elsewhere now: lay those out
            self.query_one(PostPane).call_after_refresh(self._prepare_neighbours, self.opened)

    def _remember(self) -> None:
        posts = self.query_one(PostPane)
        cursor = self.query_one(ThreadList).current
        self.history.push(Snapshot(self.filters, self.opened, posts.current, cursor))
        self._refresh_bindings()  # backspace now applies

    # -- opening threads ------------------------------------------------------------------------

    def _open(self, thread: int, post: int = 0, *, remember: bool = False) -> None:
        if remember:
            self._remember()
        self.opened = thread
        self.query_one(PostPane).show(thread, self.view.posts(thread), post)
        self.query_one(ThreadList).mark_open(thread)
        # Titles and file names come from the corpus: Content, never markup.
        self.query_one(PostPane).border_title = plain(self.view.title(thread))
        self.query_one(PostPane).border_subtitle = plain(self.view.source_line(thread))
        self._refresh_bindings()  # `o` may apply now
        self.query_one(RelatedPane).follow(thread)
        # Once the posts are on screen, with the related threads: ready where `n`/`p` go. This
        # fits before the next frame may be drawn (Textual draws at most 60 a second).
        self.query_one(PostPane).call_after_refresh(self._prepare_neighbours, thread)

    def _prepare_neighbours(self, thread: int) -> None:
        if thread != self.opened or self.view.index is None:
            return
        try:
            near = self.query_one(ThreadList).neighbours(thread)
            self.query_one(PostPane).prepare({other: self.view.posts(other) for other in near})
        except NoMatches:
            return  # a dialog is open (or the app is closing): the keys wait for it

    def action_open_thread(self, thread: int | None = None) -> None:
        """enter on the list (a binding of the list's) opens its thread at once, not by message:
        keys that arrive with it (pasted, or over a slow link) then act on the open thread."""
        thread = self.query_one(ThreadList).current if thread is None else thread
        if thread is not None:
            self._open(thread)
            self.set_focus(self.query_one(PostPane))

    @on(ThreadList.Opened)
    def _thread_opened(self, event: ThreadList.Opened) -> None:
        self.action_open_thread(event.thread)

    @on(RelatedPane.Chosen)
    def _related_chosen(self, event: RelatedPane.Chosen) -> None:
        self._open(event.thread, remember=True)

    @on(PostPane.EntityClicked)
    def _entity_clicked(self, event: PostPane.EntityClicked) -> None:
        if event.kind == "link":
            open_url(self, event.value)
        elif (narrowed := self.filters.narrowed_to(event.kind, event.value)) != self.filters:
            self._apply_filters(narrowed)

    # -- actions --------------------------------------------------------------------------------

    def action_step_thread(self, step: int) -> None:
        threads = self.query_one(ThreadList)
        if not threads.rows:
            return
        row = threads.row_of(self.opened)
        if row is None:
            row = threads.cursor - step if self.opened is None else -step
        target = max(0, min(row + step, len(threads.rows) - 1))
        self._open(threads.rows[target])

    def action_step_post(self, step: int) -> None:
        self.query_one(PostPane).action_move(step)

    def _not_typed_into_a_field(self) -> None:
        """`f` and `/` are priority keys, so that what they open has the focus before the keys
        typed right after them are handed on; typed into an input or on a dialog, they are
        that one's."""
        if self.screen is not self.screen_stack[0] or isinstance(self.focused, Input):
            raise SkipAction

    def action_flags(self) -> None:
        self._not_typed_into_a_field()
        choices = self.view.flag_choices()
        if not choices:
            self.notify("No flags to filter by yet.", timeout=3)
            return

        def chosen(codes: tuple[str, ...] | None) -> None:
            if codes is not None:
                self._apply_filters(Filters(codes, self.filters.features, self.filters.search))

        self.push_screen(FlagPicker(choices, self.filters.flags), chosen)

    def action_search(self) -> None:
        self._not_typed_into_a_field()
        search = self.query_one("#search", Input)
        self._search_before = self.filters
        search.value = self.filters.search
        search.add_class("-open")
        self.screen.set_focus(search)  # now: `focus()` waits for the keys already queued

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        if self._search_before is not None:
            self._run_search(event.value)

    def _run_search(self, text: str) -> None:
        base = self._search_before or self.filters
        wanted = Filters(base.flags, base.features, text)
        if self.loader.corpus.thread_count <= SMALL or self.loader.filter_index is None:
            self._apply_filters(wanted, remember=False)
        else:
            self._search_wanted = wanted
            self._search_in_background(wanted)

    @work(thread=True, exclusive=True, group="search")
    def _search_in_background(self, wanted: Filters) -> None:
        index = self.loader.filter_index
        if index is None:
            return
        rows = filter_threads(
            self.loader.corpus, index, wanted.flags, wanted.search, wanted.features
        )
        self.call_from_thread(self._show_rows, wanted, rows)

    def _show_rows(self, filters: Filters, rows: list[int]) -> None:
        if filters != self._search_wanted:
            return  # overtaken: more typing, enter or escape came since it was asked for
        self.filters, self._search_wanted = filters, None
        self._set_rows(rows)

    @on(Input.Submitted, "#search")
    def _search_kept(self, event: Input.Submitted) -> None:
        before, pending = self._search_before, self._search_wanted
        self._close_search()
        if pending is not None:  # its background result is not in yet: apply the final text
            self._apply_filters(pending, remember=False)
        if before is not None and before != self.filters:
            self.history.push(Snapshot(before, self.opened, self.query_one(PostPane).current, None))
            self._refresh_bindings()

    def _close_search(self) -> None:
        self._search_before = self._search_wanted = None
        search = self.query_one("#search", Input)
        search.remove_class("-open")
        self.query_one(ThreadList).focus()

    def action_escape(self) -> None:
        if self._search_before is not None:
            before = self._search_before
            self._close_search()
            self._apply_filters(before, remember=False)
        elif self.filters.active:
            self._apply_filters(Filters())

    def action_back(self) -> None:
        snapshot = self.history.pop()
        self._refresh_bindings()
        if snapshot is None:
            return
        self._apply_filters(snapshot.filters, remember=False)
        if snapshot.opened is not None:
            self._open(snapshot.opened, snapshot.post)
        threads = self.query_one(ThreadList)
        row = threads.row_of(snapshot.cursor_thread)
        if row is not None:
            threads.cursor = row

    def action_toggle_related(self) -> None:
        self.show_related = not self.query_one(RelatedPane).display

    def watch_show_related(self) -> None:
        self._apply_width(self.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        wanted = self.show_related if self.show_related is not None else width >= NARROW
        self.query_one(RelatedPane).display = wanted
        self.screen.set_class(width < NARROW, "-narrow")
        self.query_one(PostPane).keep_current_in_view()

    def action_open_link(self) -> None:
        open_link_of(self, self.query_one(PostPane).current_post)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return bool(self.history.snapshots)
        if action == "open_link":
            return self.query_one(PostPane).current_post is not None
        return True

    def _refresh_bindings(self) -> None:
        """Tell the footer when `check_action`'s answers change, and only then: the footer
        rebuilds every key on each refresh, which was a good part of every `n`/`p`."""
        answers = (bool(self.history.snapshots), self.query_one(PostPane).current_post is not None)
        if answers != self._binding_answers:
            self._binding_answers = answers
            self.refresh_bindings()

    def go_to_thread(self, thread: int) -> None:
        """Open a thread chosen in the command palette."""
        self._open(thread, remember=True)

    def filter_by_flag(self, code: str) -> None:
        """Filter by a flag chosen in the command palette."""
        flags = tuple(dict.fromkeys((*self.filters.flags, code)))
        self._apply_filters(Filters(flags, self.filters.features, self.filters.search))
