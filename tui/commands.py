"""`threadline export` and `threadline stats`."""

from __future__ import annotations

import argparse
import json
import sys

from parsing.entities.flags import flag_emoji, region_names
from parsing.stats import (
    CorpusStats,
    corpus_stats,
    cycle_collector_paused,
    ranked,
    stats_for_paths,
)

from .output import plural, say
from .stdin_source import with_stdin

_BAR_WIDTH = 40
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
"""glibc's `mallopt` parameters (malloc.h)."""


def run_command(command: str, options: argparse.Namespace) -> int:
    options.paths = with_stdin(options.paths)
    if command == "export":
        _reuse_freed_memory()
        with cycle_collector_paused():
            return _export(options)
    return _stats(options)


def _reuse_freed_memory() -> None:
    """Let glibc's allocator keep large freed blocks for reuse. By default every block over
    128 KB (an export's chunks of JSON, its batches of post text) is mapped fresh from the kernel
    and handed back when freed, so each is paid for again in page faults: about half the
    export's faults and a tenth of its CPU time at 100k posts. Elsewhere this does nothing."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (AttributeError, OSError):  # not glibc
        return
    mallopt(_M_MMAP_THRESHOLD, 64 << 20)
    mallopt(_M_TRIM_THRESHOLD, 256 << 20)


def _export(options: argparse.Namespace) -> int:
    from parsing.export_index import export_index
    from parsing.export_json import write_json
    from parsing.filters import filter_threads
    from parsing.index import CorpusIndex, build_index

    from .sources import flag_codes, load, report_warnings

    codes = flag_codes(options.flag)
    if not options.related:
        from parsing.export_halves import export_in_halves
        from parsing.export_part import Filters

        from .sources import corpus_paths

        filters = Filters(codes, options.search, options.author)
        markdown = options.format == "markdown"
        paths = corpus_paths(options.paths)
        if export_in_halves(paths, sys.stdout, filters, say, markdown=markdown):
            return 0
    corpus = load(options.paths)
    report_warnings(corpus)
    whole = bool(codes or options.related)
    if whole:
        # Only related threads need words; each pass is shared with a forked second process.
        index = build_index(corpus, with_words=options.related, parallel=True)
        threads = filter_threads(corpus, index, codes, options.search, author=options.author)
    else:  # a search needs no index; writing needs only the chosen threads' flags
        threads = filter_threads(
            corpus,
            CorpusIndex(thread_count=corpus.thread_count),
            (),
            options.search,
            author=options.author,
        )
        # The JSON writer reads the flags of each thread in the process that writes it.
        json_format = options.format == "json"
        index = export_index(corpus, threads, with_flags=not json_format, with_entities=json_format)
    if options.format == "json":
        write_json(
            corpus, index, threads, sys.stdout, with_related=options.related, read_flags=not whole
        )
    else:
        from parsing.export_markdown import write_markdown

        write_markdown(corpus, index, threads, sys.stdout, with_related=options.related)
    return 0


def _stats(options: argparse.Namespace) -> int:
    if options.paths:
        stats = stats_for_paths(options.paths)
    else:
        from .sources import load

        stats = corpus_stats(load(options.paths))
    for warning in stats.warnings:
        say(warning)
    if options.json:
        sys.stdout.write(json.dumps(stats.as_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_stats(stats))
    return 0


def format_stats(stats: CorpusStats) -> str:
    """The human-readable report, with the flags drawn as a bar chart."""
    lines = [
        f"{plural(stats.threads, 'thread')}, {plural(stats.posts, 'post')} "
        f"({stats.missing} missing) in {plural(stats.sources, 'file')}; "
        f"{plural(stats.skipped, 'chrome line')} skipped",
        "",
        "Entities  " + " · ".join(f"{kind}s {count}" for kind, count in stats.entities.items()),
        "",
    ]
    if stats.flags:
        names = region_names()
        top = ranked(stats.flags)
        widest = max(count for _, count in top)
        name_width = min(max(len(names.get(code, code)) for code, _ in top), 28)
        lines.append("Flags")
        for code, count in top:
            bar = "█" * max(1, round(count / widest * _BAR_WIDTH))
            name = names.get(code, code)[:name_width]
            lines.append(f"  {flag_emoji(code)} {code:<6} {name:<{name_width}} {count:>7}  {bar}")
        lines.append("")
    for title, counts, prefix in (
        ("Top mentions", stats.mentions, "@"),
        ("Top hashtags", stats.hashtags, "#"),
        ("Top link domains", stats.domains, ""),
    ):
        if counts:
            lines.append(title)
            lines += [f"  {count:>7}  {prefix}{name}" for name, count in ranked(counts, 10)]
            lines.append("")
    return "\n".join(lines)
