"""The one error type for a user's mistake or a bad input: its message is one line for the user.

The command line catches `ThreadlineError` in one place and exits with status 2; anything else
that escapes is a bug. Every module that refuses input raises this type or a subclass of it.
"""

from __future__ import annotations


class ThreadlineError(Exception):
    """A path, a file or a value threadline cannot use; `str(error)` is one line for the user,
    naming the file or value."""
