"""YAML front matter as clipping tools write it: the `key: value` and `- item` subset.

Clippers (Obsidian Web Clipper and its kin) open a Markdown file with a block between two `---`
lines holding the page's title, address, author and dates. Only that simple subset is read here:
top-level `key: value` lines, with the value plain, "double-quoted" or 'single-quoted', and
`key:` followed by indented `- item` lines or an inline `[a, b]` list. A full YAML parser would be
a new runtime dependency for five fields, and would accept far more than a clipper writes (tags,
anchors, nested maps) that nothing here would use. Anything else in the block is ignored; a bad
block is never an error, the page is simply read without its fields.
"""

from __future__ import annotations

import re

FieldValue = str | list[str]

_FENCE = re.compile(r"---[ \t]*")
_CLOSING = re.compile(r"(?:---|\.\.\.)[ \t]*")
_KEY = re.compile(r"([A-Za-z0-9_][\w .-]*?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*")
_ITEM = re.compile(r"[ \t]*-[ \t]+(.*?)[ \t]*|[ \t]*-")
_DOUBLE_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/"}
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|.)")
MAX_LINES = 400
"""A front matter block longer than this is not one a clipper wrote: read as page text."""


def front_matter(lines: list[str]) -> tuple[dict[str, FieldValue], int]:
    """The fields of the front matter at the top of `lines`, and how many lines the block takes
    (both fences included); ({}, 0) when the page has none."""
    if not lines or not _FENCE.fullmatch(lines[0]):
        return {}, 0
    for end in range(1, min(len(lines), MAX_LINES)):
        if _CLOSING.fullmatch(lines[end]):
            return _fields(lines[1:end]), end + 1
    return {}, 0


def _fields(block: list[str]) -> dict[str, FieldValue]:
    fields: dict[str, FieldValue] = {}
    key: str | None = None
    for line in block:
        item = _ITEM.fullmatch(line)
        if item is not None and key is not None:
            value = fields.get(key)
            items = value if isinstance(value, list) else []
            if item.group(1):
                items.append(_scalar(item.group(1)))
            fields[key] = items
            continue
        if line[:1] in (" ", "\t", "#") or not line.strip():
            continue  # a nested map, a block scalar's lines or a comment: not in the subset
        match = _KEY.fullmatch(line)
        if match is None:
            key = None
            continue
        key, raw = match.group(1).lower(), match.group(2) or ""
        if raw.startswith("[") and raw.endswith("]"):
            fields[key] = [_scalar(part) for part in raw[1:-1].split(",") if part.strip()]
        elif raw and raw not in ("|", ">", "|-", ">-"):
            fields[key] = _scalar(raw)
    return fields


def _scalar(raw: str) -> str:
    """A value without its quotes (and a plain value without its `# comment`)."""
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        return _ESCAPE.sub(_unescape, raw[1:-1])
    if len(raw) >= 2 and raw[0] == raw[-1] == "'":
        return raw[1:-1].replace("''", "'")
    comment = raw.find(" #")
    return (raw if comment < 0 else raw[:comment]).strip()


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    if len(code) == 5:
        return chr(int(code[1:], 16))
    return _DOUBLE_ESCAPES.get(code, "\\" + code)
