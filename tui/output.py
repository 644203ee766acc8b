"""What the command line says on stderr: one line, safe to print to a terminal."""

from __future__ import annotations

import sys


def plural(count: int, word: str) -> str:
    """`1 thread`, `2 threads`, `0 threads`."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def say(message: str) -> None:
    """One line on stderr; file names and values in it are shown, never obeyed, by the
    terminal (control characters become visible symbols)."""
    from parsing.safe_text import visible

    print(f"threadline: {visible(message, keep_newlines=False)}", file=sys.stderr)
