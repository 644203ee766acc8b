"""threadline's reader: the app holds the corpus being loaded and the app-wide parts (the
stylesheet, the theme, the command palette, help and quit); the main screen does the reading.

Its keys are listed once, in `tui/keys.py` (the bindings, the help screen and the README are
made from it).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import App
from textual.theme import Theme

from parsing.safe_text import visible

from .assets import stylesheet
from .keys import app_bindings
from .loading import CorpusLoader
from .palette import AuthorCommands, FlagCommands, MarkCommands, ThreadCommands
from .remembered import Remembered
from .screens.help_screen import HelpScreen
from .screens.main_screen import MainScreen
from .state import Filters
from .store import StateStore
from .views import CorpusView


class ThreadlineApp(App[int]):
    """Read, filter and cross-reference a corpus of threads."""

    CSS_PATH = str(stylesheet())
    TITLE = "threadline"
    COMMANDS = App.COMMANDS | {ThreadCommands, FlagCommands, AuthorCommands, MarkCommands}
    BINDINGS = app_bindings()

    def __init__(
        self,
        paths: Sequence[str] = (),
        flags: Sequence[str] = (),
        search: str = "",
        store: StateStore | None = None,
        sort: str | None = None,
        *,
        author: str = "",
        cache: bool = False,
    ) -> None:
        super().__init__()
        self.loader = CorpusLoader(paths, cache=cache)
        """Reads the corpus (from the cache of its last read, with `cache`: the command line
        asks for it unless `--no-cache`)."""
        self.store = store if store is not None else StateStore.in_memory()
        """What is remembered between runs; by default nothing is (the command line opens
        the user's store unless `--no-state`)."""
        self.remembered = Remembered(self.store)
        self.view = CorpusView(self.loader.corpus)
        self.view.remembered = self.remembered
        self._first_filters = Filters(tuple(flags), (), search, author=author)
        self._main_screen: MainScreen | None = None
        self._first_sort = sort
        """The order given on the command line; None: the one remembered, else source order."""

    @property
    def main_screen(self) -> MainScreen:
        """The screen of the panes (below any dialog)."""
        if self._main_screen is None:
            self._main_screen = MainScreen(
                self.loader, self.view, self._first_filters, self.remembered, self._first_sort
            )
        return self._main_screen

    def on_mount(self) -> None:
        theme = self.store.theme
        if theme is not None and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        for warning in self.store.take_warnings():
            self.notify(
                visible(warning), title="Not remembered", severity="warning", timeout=10,
                markup=False,
            )  # fmt: skip

    def _theme_changed(self, theme: Theme) -> None:
        self.store.save_theme(theme.name)

    def get_default_screen(self) -> MainScreen:
        return self.main_screen

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    async def action_copy_or_quit(self) -> None:
        """ctrl+c: copy the text selected with the mouse, as a terminal does (in a browser tab
        it is the only way to copy); with nothing selected, quit from any screen."""
        if self.screen.get_selected_text():
            self.screen.action_copy_text()
        else:
            await self.action_quit()
