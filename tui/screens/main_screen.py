"""The main screen: the thread list, the posts of the open thread and the related threads.

The panes, and what the reader shows with them, are `PanesScreen`'s; filling them from the
corpus as it loads is `LoadingScreen`'s; this is what the keys and the panes' messages change.
The screen answers by setting the panes' attributes and calling their methods ("attributes
down, messages up"). Its keys are made from `tui/keys.py`.
"""

from __future__ import annotations

from dataclasses import replace

from textual import events, on
from textual.actions import SkipAction
from textual.widgets import Input

from ..keys import main_screen_bindings
from ..links import copy_link_of, copy_to_clipboard, open_link_of, open_url
from ..search_rows import searched_in_place
from ..sorting import SORT_LABELS, next_order
from ..state import Filters, Snapshot
from ..widgets.header_bar import HeaderBar
from ..widgets.post_pane import PostPane
from ..widgets.related_pane import RelatedPane
from ..widgets.search_bar import SearchBar
from ..widgets.thread_list import ThreadList
from .flag_picker import FlagPicker
from .loading_screen import LoadingScreen

FLAGS_WAIT = "The flags are listed once they are indexed, a moment after the threads are read."


class MainScreen(LoadingScreen):
    """Read, filter and cross-reference the threads of the loader's corpus."""

    BINDINGS = main_screen_bindings()

    # -- remembered state -----------------------------------------------------------------------

    def _marked_thread(self) -> int | None:
        """What `b` and `u` act on: the list's thread while the list has the focus, else the
        open thread."""
        if self.focused is self.thread_list or self.opened is None:
            return self.thread_list.current
        return self.opened

    def action_toggle_bookmark(self) -> None:
        thread = self._marked_thread()
        if thread is None:
            return
        marked = self.remembered.toggle_bookmark(thread)
        if marked is None:
            self.notify("Bookmarks can be set once the corpus is read.", timeout=3)
            return
        self.notify("Bookmarked." if marked else "Bookmark removed.", timeout=2)
        self._marks_changed(thread)

    def action_toggle_read(self) -> None:
        thread = self._marked_thread()
        if thread is None:
            return
        read = self.remembered.toggle_read(thread)
        if read is None:
            self.notify("Threads can be marked once the corpus is read.", timeout=3)
            return
        self.notify("Marked read." if read else "Marked unread.", timeout=2)
        self._marks_changed(thread)

    def action_bookmarked_only(self) -> None:
        self._apply_filters(replace(self.filters, bookmarked_only=not self.filters.bookmarked_only))

    def action_unread_only(self) -> None:
        self._apply_filters(replace(self.filters, unread_only=not self.filters.unread_only))

    def action_cycle_sort(self) -> None:
        """The next order of the list; the cursor stays on the open thread."""
        self.sort = next_order(self.sort)
        self._apply_filters(self.filters, remember=False)
        label = SORT_LABELS[self.sort] or "source order"
        self.notify(f"Sorted: {label}.", timeout=2)

    # -- opening threads ------------------------------------------------------------------------

    def action_open_thread(self, thread: int | None = None) -> None:
        """enter on the list (a binding of the list's) opens its thread at once, not by message:
        keys that arrive with it (pasted, or over a slow link) then act on the open thread."""
        thread = self.thread_list.current if thread is None else thread
        if thread is not None:
            self._open(thread)
            self.set_focus(self.post_pane)

    @on(ThreadList.Highlighted)
    def _thread_highlighted(self, event: ThreadList.Highlighted) -> None:
        """The list's cursor moved: preview its thread in the post pane once the keys typed
        at once are handled (a held `j` previews the thread it stops on, not every one)."""
        if self._preview_wanted is None:
            self.call_after_refresh(self._preview)
        self._preview_wanted = event.thread

    def _preview(self) -> None:
        thread, self._preview_wanted = self._preview_wanted, None
        if thread is not None and thread != self.opened:
            self._open(thread, preview=True)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Reading a previewed thread (the focus in its posts) marks it read."""
        if event.widget is self.post_pane and self.opened is not None:
            self._mark_read(self.opened)

    @on(ThreadList.Opened)
    def _thread_opened(self, event: ThreadList.Opened) -> None:
        self.action_open_thread(event.thread)

    @on(RelatedPane.Chosen)
    def _related_chosen(self, event: RelatedPane.Chosen) -> None:
        self._open(event.thread, remember=True)

    @on(PostPane.CurrentPostChanged)
    def _current_post_changed(self) -> None:
        self._refresh_bindings()  # `o` applies to posts with a link
        self._save_place()

    @on(PostPane.EntityClicked)
    def _entity_clicked(self, event: PostPane.EntityClicked) -> None:
        if event.kind == "link":  # the link picker's rule: a link cut short is warned of
            open_url(self.app, event.value, truncated=event.truncated)
        elif (narrowed := self.filters.narrowed_to(event.kind, event.value)) != self.filters:
            self._apply_filters(narrowed)

    def go_to_thread(self, thread: int) -> None:
        """Open a thread chosen in the command palette."""
        self._open(thread, remember=True)

    def filter_by_author(self, author: str) -> None:
        """Filter by an author chosen in the command palette (empty: every author)."""
        self._apply_filters(replace(self.filters, author=author))

    @on(HeaderBar.ChipClicked)
    def _chip_clicked(self, event: HeaderBar.ChipClicked) -> None:
        """A chip clicked in the header: its filter goes (a search being typed closes)."""
        if self.search_bar.is_open:
            self._close_search()
        self._apply_filters(self.filters.without(event.chip.kind, event.chip.value))

    def filter_by_flag(self, code: str) -> None:
        """Filter by a flag chosen in the command palette."""
        flags = tuple(dict.fromkeys((*self.filters.flags, code)))
        self._apply_filters(replace(self.filters, flags=flags))

    # -- moving ---------------------------------------------------------------------------------

    def action_step_thread(self, step: int) -> None:
        threads = self.thread_list
        if not threads.rows:
            return
        row = threads.row_of(self.opened)
        if row is None:
            row = threads.cursor - step if self.opened is None else -step
        target = max(0, min(row + step, len(threads.rows) - 1))
        if threads.rows[target] == self.opened:  # opening it again would lose the place read
            self.notify(f"This is the {'last' if step > 0 else 'first'} thread.", timeout=3)
            return
        self._open(threads.rows[target])

    def action_step_hit(self, step: int) -> None:
        """The next (`step` 1) or previous (-1) post holding the search text: in the open
        thread, then in the threads after (or before) it in the list."""
        search = self.filters.search
        if not search:
            self.notify("No search to step through: / starts one.", timeout=3)
            return
        rows = self.thread_list.rows
        if self.opened is not None:
            hits = self.view.hits(self.opened, search)
            current = self.post_pane.current
            ahead = [hit for hit in hits if (hit > current if step > 0 else hit < current)]
            if ahead:
                target = ahead[0] if step > 0 else ahead[-1]
                self.post_pane.action_move(target - current)
                return
        row = self.thread_list.row_of(self.opened)
        start = (-1 if step > 0 else len(rows)) if row is None else row
        for other in range(start + step, len(rows) if step > 0 else -1, step):
            hits = self.view.hits(rows[other], search)
            if hits:
                self._open(rows[other], hits[0] if step > 0 else hits[-1])
                return
        self.notify("No more hits " + ("below." if step > 0 else "above."), timeout=3)

    def action_page_posts(self) -> None:
        """space from the list or the related threads: read on in the post pane."""
        self.post_pane.action_page_on()

    def action_go_back(self) -> None:
        snapshot = self.history.pop()
        self._refresh_bindings()
        if snapshot is None:
            return
        self._apply_filters(snapshot.filters, remember=False)
        if snapshot.opened is not None:
            self._open(snapshot.opened, snapshot.post)
        threads = self.thread_list
        row = threads.row_of(snapshot.cursor_thread)
        if row is not None:
            threads.cursor = row

    def action_open_link(self) -> None:
        open_link_of(self.app, self.post_pane.current_post)

    def action_copy_text(self) -> None:
        post = self.post_pane.current_post
        if post is None:
            self.notify("Open a thread to copy a post.", timeout=3)
            return
        copy_to_clipboard(self.app, post.text, "the post's text")

    def action_copy_link(self) -> None:
        copy_link_of(self.app, self.post_pane.current_post)

    # -- flags and search -----------------------------------------------------------------------

    def _not_typed_into_a_field(self) -> None:
        """`f` and `/` are priority keys, so that what they open has the focus before the keys
        typed right after them are handed on; typed into the search line, they are its."""
        if isinstance(self.focused, Input):
            raise SkipAction

    def action_flags(self) -> None:
        self._not_typed_into_a_field()
        among = set(self.thread_list.rows) if self.filters.active else None
        choices = self.view.flag_choices(among)
        if not choices:
            waiting = self.view.filter_index is None
            self.notify(FLAGS_WAIT if waiting else "No flags in this corpus.", timeout=3)
            return

        def chosen(codes: tuple[str, ...] | None) -> None:
            if codes is not None:
                self._apply_filters(replace(self.filters, flags=codes))

        self.app.push_screen(FlagPicker(choices, self.filters.flags), chosen)

    def action_search(self) -> None:
        self._not_typed_into_a_field()
        self.search_bar.open(self.filters)

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        bar = self.search_bar
        if not bar.is_open:
            return
        wanted = bar.wanted_for(event.value, self.filters)
        if searched_in_place(self.view, wanted, indexed=self.indexed):
            bar.drop_search()  # the search of the key before would replace this list
            self._apply_filters(wanted, remember=False)
        else:
            bar.find(wanted, self._search_rows)

    @on(SearchBar.Found)
    def _search_found(self, event: SearchBar.Found) -> None:
        if self.search_bar.is_wanted(event):
            self.filters = event.filters
            # The read marks as they are now: the threads' ids may have come while it ran.
            self._set_rows(self.remembered.keep(event.rows, event.filters))

    @on(Input.Submitted, "#search")
    def _search_kept(self) -> None:
        bar = self.search_bar
        before, pending = bar.before, bar.wanted
        self._close_search()
        if pending is not None:  # its background result is not in yet: apply the final text
            self._apply_filters(pending, remember=False)
        if before is not None and before != self.filters:
            self.history.push(Snapshot(before, self.opened, self.post_pane.current, None))
            self._refresh_bindings()

    def _close_search(self) -> None:
        self.search_bar.close()
        self.thread_list.focus()

    def action_escape(self) -> None:
        before = self.search_bar.before
        if before is not None:
            self._close_search()
            self._apply_filters(before, remember=False)
        elif self.filters.active:
            self._apply_filters(Filters())

    # -- the related pane and the width ---------------------------------------------------------

    def action_toggle_related(self) -> None:
        self.show_related = not self.related_pane.display

    def watch_show_related(self) -> None:
        self._apply_width(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._apply_width(event.size.width)
