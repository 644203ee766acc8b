"""threadline's reader: the app holds the corpus being loaded and the app-wide parts (the
stylesheet, the theme, the command palette, help and quit); the main screen does the reading.

Its keys are listed once, in `tui/keys.py` (the bindings, the help screen and the README are
made from it).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import App

from .assets import stylesheet
from .loading import CorpusLoader
from .palette import FlagCommands, ThreadCommands
from .screens.help_screen import HelpScreen
from .screens.main_screen import MainScreen
from .state import Filters
from .views import CorpusView


class ThreadlineApp(App[int]):
    """Read, filter and cross-reference a corpus of threads."""

    CSS_PATH = str(stylesheet())
    TITLE = "threadline"
    COMMANDS = App.COMMANDS | {ThreadCommands, FlagCommands}

    def __init__(
        self, paths: Sequence[str] = (), flags: Sequence[str] = (), search: str = ""
    ) -> None:
        super().__init__()
        self.loader = CorpusLoader(paths)
        self.view = CorpusView(self.loader.corpus)
        self._first_filters = Filters(tuple(flags), (), search)
        self._main_screen: MainScreen | None = None

    @property
    def main_screen(self) -> MainScreen:
        """The screen of the panes (below any dialog)."""
        if self._main_screen is None:
            self._main_screen = MainScreen(self.loader, self.view, self._first_filters)
        return self._main_screen

    def get_default_screen(self) -> MainScreen:
        return self.main_screen

    def action_help(self) -> None:
        self.push_screen(HelpScreen())
