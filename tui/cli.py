"""The `threadline` command: the reader, `threadline export` and `threadline stats`.

Exit codes: 0 done, 2 bad input or usage (one line on stderr, never a traceback), 1 a bug.
`export` and `stats` never import Textual: the reader is imported only when it is asked for.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from parsing.authors import AUTHOR_HELP
from parsing.errors import ThreadlineError

from . import __version__
from .output import say
from .sorting import SORT_ORDERS

COMMANDS = ("export", "stats", "serve")
_EPILOG = """\
commands:
  threadline [PATH ...]            read threads in the terminal (no PATH: stdin or the demo)
  threadline export [PATH ...]     print threads as JSON or Markdown
  threadline stats [PATH ...]      counts, flags, top mentions, hashtags and link domains
  threadline serve [PATH ...]      the reader in a browser tab (the `web` extra)

PATH is a file, a folder (its files, recursively), a zip, or - for standard input; with no
PATH, a pipe or file on standard input is read (cat FILE | threadline), else the demo corpus.
Run `threadline COMMAND --help` for the options of export, stats and serve."""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse makes a formatter for every argument it is given, and a formatter without a
    width imports `shutil` to measure the terminal: 2 ms of each `threadline stats`. The
    width is measured here the same way (COLUMNS, then the terminal, then 80 columns)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_terminal_width() - 2)  # the margin argparse leaves


def _terminal_width() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        stdout = sys.__stdout__  # None when Python started without one
        try:
            columns = os.get_terminal_size(stdout.fileno()).columns if stdout else 0
        except (ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Parser(argparse.ArgumentParser):
    def __init__(self, **options: Any) -> None:
        super().__init__(formatter_class=_Formatter, **options)

    def error(self, message: str) -> NoReturn:
        raise ThreadlineError(f"{message} (see `{self.prog} --help`)")


def _add_corpus_arguments(parser: argparse.ArgumentParser, *, filters: bool) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files, folders, zips, X archives or - (stdin)"
    )
    parser.add_argument(
        "--all-tweets", action="store_true",
        help="from an X archive, every tweet: each one that starts no self-reply chain (and "
        "each retweet) as a one-post thread",
    )  # fmt: skip
    if filters:
        parser.add_argument(
            "--flag", action="append", default=[], metavar="F",
            help="only threads with this flag: a code (RU), an emoji (🇷🇺) or a name (Russia); "
            "repeat to require several",
        )  # fmt: skip
        parser.add_argument("--search", metavar="TEXT", help="only threads containing TEXT")
        parser.add_argument("--author", metavar="NAME", help=f"only threads by NAME: {AUTHOR_HELP}")


def reader_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="threadline",
        description="A terminal reader for collections of X/Twitter threads.",
        epilog=_EPILOG,
    )
    _add_corpus_arguments(parser, filters=True)
    parser.add_argument(
        "--sort",
        choices=SORT_ORDERS,
        help="the list's first order (s cycles them): source order, date (oldest first), "
        "author, length (longest first), unread first; without it, the order last used "
        "with this corpus",
    )
    parser.add_argument(
        "--no-state",
        action="store_true",
        help="remember nothing: read no state and write none (read threads, bookmarks, "
        "the last place, the filters and order, the theme)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="read the files afresh: do not reopen the corpus from the cache of the last read, "
        "nor write one",
    )
    parser.add_argument("--version", action="version", version=f"threadline {__version__}")
    return parser


def command_parser(command: str) -> argparse.ArgumentParser:
    parser = _Parser(prog=f"threadline {command}")
    if command == "export":
        parser.description = "Print threads as JSON (the corpus model) or Markdown."
        _add_corpus_arguments(parser, filters=True)
        parser.add_argument("--related", action="store_true", help="add related threads")
        parser.add_argument("--format", choices=("json", "markdown"), default="json")
    elif command == "serve":
        parser.description = "Serve the reader to a browser: each tab gets a reader of its own."
        _add_corpus_arguments(parser, filters=True)
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
        parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    else:
        parser.description = "Counts, flags, top mentions, hashtags and link domains."
        _add_corpus_arguments(parser, filters=False)
        parser.add_argument("--json", action="store_true", help="print JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "serve":
            from .serve import run_serve

            return run_serve(_read_options(command_parser("serve").parse_args(args[1:])))
        if args and args[0] in COMMANDS:
            from .commands import run_command

            options = _read_options(command_parser(args[0]).parse_args(args[1:]))
            return run_command(args[0], options)
        options = _read_options(reader_parser().parse_args(args))
        from .launch import run_reader

        return run_reader(options)
    except ThreadlineError as error:  # the one place a user's mistake becomes exit status 2
        say(str(error))
        return 2
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: say so in one line, the traceback only on request
        if os.environ.get("THREADLINE_DEBUG"):
            raise
        say(f"internal error: {type(error).__name__}: {error} (THREADLINE_DEBUG=1 shows more)")
        return 1


def _read_options(options: argparse.Namespace) -> argparse.Namespace:
    """Apply the options that change how input is read, for every command."""
    if options.all_tweets:
        from parsing.formats import x_archive

        x_archive.FORMAT.all_tweets = True
    return options


def _silence_stdout() -> None:
    # Python flushes stdout at exit; point it at /dev/null so a closed pipe stays quiet.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def entry() -> NoReturn:
    status = main()
    # All that is to be said is written: flush it and leave without tearing the interpreter
    # down. For a command, that teardown frees every object of the parsed corpus one by one
    # (about 10 ms of a `stats` run at 100k posts); for the reader, the interpreter's exit
    # would first wait for a corpus still being read or indexed in a worker thread (seconds,
    # for a big one) after its screen is gone. The reader's state store is closed by then,
    # and a cache is written by its own process.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: nothing more can be said
        pass
    os._exit(status)


if __name__ == "__main__":
    entry()
