"""The README's key and mouse tables are the reader's own tables, row for row."""

from __future__ import annotations

from pathlib import Path

from tui.keys import KEYS, MOUSE

README = Path(__file__).resolve().parents[2] / "README.md"


def table_rows(text: str, heading: str) -> list[tuple[str, str]]:
    """The rows of the Markdown table whose header row starts with `| heading |`."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {heading} |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        rows.append((cells[0].strip("`"), cells[1]))
    return rows


def test_readme_key_table_matches_the_reader() -> None:
    """Every key the reader documents in its help is in the README, same order, same words."""
    assert table_rows(README.read_text(encoding="utf-8"), "Key") == list(KEYS)


def test_readme_mouse_table_matches_the_reader() -> None:
    """The README's mouse table lists the same clicks the help screen does."""
    assert table_rows(README.read_text(encoding="utf-8"), "Mouse") == list(MOUSE)
