"""The one read loop: paths in, each file handed to the format that reads it, into a corpus.

The reader, `export` and `stats` all start here. `plan` finds what the paths hold (files,
folders walked in name order, zips opened in place, standard input) and which format takes each
file; `read_into` reads them into a corpus, reporting progress after each. A path the user named
that cannot be read is an error (`ThreadlineError`, one line); a file found inside a folder or
zip that cannot be read is reported and skipped, and the rest loads.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .containers import Entry, FileEntry, StdinEntry, ZipMember, is_zip, open_zip
from .errors import ThreadlineError
from .formats import InputFormat, registered
from .sources import STDIN, CorpusError, SourceFile, looks_binary, resolve, shown_name

if TYPE_CHECKING:
    from .corpus import Corpus

_HEAD = 8192


class Planned(NamedTuple):
    """A file to read, the format that reads it, and whether the user named it."""

    format: InputFormat
    entry: Entry
    named: bool


class Plan(NamedTuple):
    items: list[Planned]
    warnings: list[str]
    """Files skipped while walking folders and zips, one line each."""

    @property
    def total_bytes(self) -> int:
        return sum(item.entry.size for item in self.items)


class Named(NamedTuple):
    """A path with the name it is shown by (the demo corpus shows `demo/…`)."""

    path: str
    shown: str


PathLike = str | os.PathLike[str] | Named
Progress = Callable[[Planned, int, int], None]
"""Called after each file with the bytes read so far and the total."""


def plan(paths: Sequence[PathLike]) -> Plan:
    """What `paths` hold and who reads it; raises `ThreadlineError` for a path the user named
    that is missing, not a file or folder, binary, or a zip with nothing to read."""
    formats = registered()
    items: list[Planned] = []
    warnings: list[str] = []
    for raw in paths:
        path, shown = (raw.path, raw.shown) if isinstance(raw, Named) else (os.fspath(raw), None)
        if path == STDIN:
            items.append(Planned(formats[-1], StdinEntry(), True))
            continue
        found = resolve([path])  # raises for a missing or special path; walks a folder
        warnings += found.warnings
        if os.path.isdir(path):
            items += _folder_items(found.files, path, shown, formats, warnings)
        else:
            items += _named_file(found.files[0], formats, shown)
    return Plan(_each_once(items), warnings)


def read_into(corpus: Corpus, plan: Plan, progress: Progress | None = None) -> None:
    """Read every planned file into `corpus`; skipped files are added to `corpus.warnings`."""
    corpus.warnings += plan.warnings
    done, total = 0, plan.total_bytes
    for item in plan.items:
        try:
            item.format.read(item.entry, corpus)
        except ThreadlineError as error:
            if item.named:
                raise
            corpus.warnings.append(f"{error} (skipped)")
        done += item.entry.size
        if progress is not None:
            progress(item, done, total)


def _named_file(
    file: SourceFile, formats: tuple[InputFormat, ...], shown: str | None
) -> list[Planned]:
    assert file.path is not None
    name = shown or file.name
    if is_zip(file.path):
        items = _zip_items(file.path, name, formats, [])
        if not items:
            raise CorpusError(f"{name}: no threads in this zip (no archive, text or Markdown)")
        if len(items) == 1:  # the zip is that one input (an archive): its failure is the zip's
            return [items[0]._replace(named=True)]
        return items
    head = _head(file.path, name)
    for form in formats:
        if form.sniff(name, head):
            if form is formats[-1] and looks_binary(head):
                raise CorpusError(f"{name}: binary file, not text")
            return [Planned(form, FileEntry(file.path, name), True)]
    raise CorpusError(f"{name}: not a format threadline reads")  # unreachable: pages sniff all


def _folder_items(
    files: list[SourceFile],
    folder: str,
    shown: str | None,
    formats: tuple[InputFormat, ...],
    warnings: list[str],
) -> list[Planned]:
    by_member: dict[str, SourceFile] = {}
    for file in files:
        assert file.path is not None
        member = os.path.relpath(file.path, folder).replace(os.sep, "/")
        by_member[member] = file
    order = {member: position for position, member in enumerate(sorted(by_member))}
    placed: list[tuple[int, Planned]] = []
    zips = [member for member, file in by_member.items() if is_zip(str(file.path))]
    for member in zips:
        file = by_member.pop(member)
        assert file.path is not None
        zipped = _zip_items(file.path, _shown(file, shown, member), formats, warnings)
        if not zipped:
            warnings.append(f"{_shown(file, shown, member)}: a zip without threads (skipped)")
        placed += [(order[member], item) for item in zipped]

    def entry(member: str) -> Entry:
        file = by_member[member]
        assert file.path is not None
        return FileEntry(file.path, _shown(file, shown, member))

    member_at = {file.path: member for member, file in by_member.items()}
    for item in _claimed(list(by_member), formats, entry, warnings, lambda m: entry(m).name):
        assert isinstance(item.entry, FileEntry)
        placed.append((order[member_at[item.entry.path]], item))
    placed.sort(key=lambda pair: pair[0])  # in name order, zips among the files
    return [item for _, item in placed]


def _shown(file: SourceFile, shown: str | None, member: str) -> str:
    return shown_name(f"{shown}/{member}") if shown is not None else file.name


def _zip_items(
    path: str,
    name: str,
    formats: tuple[InputFormat, ...],
    warnings: list[str],
) -> list[Planned]:
    """The zip's members to read; none is `named` (a bad member is skipped, as in a folder)."""
    archive, members = open_zip(path, name)
    return _claimed(
        members,
        formats,
        lambda member: ZipMember(archive, member, name),
        warnings,
        lambda member: f"{name}:{member}",
    )


def _claimed(
    members: list[str],
    formats: tuple[InputFormat, ...],
    entry: Callable[[str], Entry],
    warnings: list[str],
    shown: Callable[[str], str],
) -> list[Planned]:
    """Members handed to the formats in order: each takes its claims and what they cover."""
    order = {member: position for position, member in enumerate(members)}
    remaining = list(members)
    taken: list[tuple[int, Planned]] = []
    for form in formats:
        claims = form.claims(remaining)
        for claim in claims:
            taken.append((order[claim.entry], Planned(form, entry(claim.entry), False)))
        remaining = [m for m in remaining if not any(claim.covered(m) for claim in claims)]
    for member in remaining:
        warnings.append(f"{shown(member)}: not a text page, clipping or archive (skipped)")
    return [planned for _, planned in sorted(taken, key=lambda pair: pair[0])]


def _head(path: str, name: str) -> bytes:
    try:
        with open(path, "rb") as stream:
            return stream.read(_HEAD)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise CorpusError(f"{name}: cannot read ({reason})") from None


def _each_once(items: list[Planned]) -> list[Planned]:
    """A file named twice, or named and inside a named folder, is read once, or its threads
    and counts would be doubled."""
    result: list[Planned] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item.entry, FileEntry):
            real = os.path.realpath(item.entry.path)  # never raises, even for a symlink loop
            if real in seen:
                continue
            seen.add(real)
        result.append(item)
    return result
