"""threadline's reader (a Textual app) and command line. Importing this package imports no UI."""

__version__ = "0.1.0"
