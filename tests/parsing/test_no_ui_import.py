"""The data layer stays free of the UI: importing and using `parsing` loads no textual, rich or
tui, and `threadline stats`/`export` never import textual. Each check runs in a fresh interpreter
so that other tests' imports cannot hide a regression."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from .helpers import FIXTURES, REPO

FIXTURE = FIXTURES / "encoding" / "base.txt"


def modules_after(code: str) -> set[str]:
    """The top-level modules loaded after running `code` in a fresh interpreter."""
    script = textwrap.dedent(code) + textwrap.dedent(
        """
        import json as _json, sys as _sys
        _names = sorted({name.split(".")[0] for name in _sys.modules})
        _sys.__stdout__.write("\\nMODULES " + _json.dumps(_names))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    last = result.stdout.rsplit("MODULES ", 1)[1]
    return set(json.loads(last))


def test_parsing_imports_no_ui() -> None:
    loaded = modules_after(
        f"""
        import parsing
        corpus = parsing.load_corpus([{str(FIXTURE)!r}])
        parsing.extract_entities("@a #b $C 🇷🇺 example.com/x…")
        index = parsing.build_index(corpus)
        parsing.related_threads(index, 0)
        parsing.filter_threads(corpus, index, [parsing.resolve_flag("ch")], "snow")
        parsing.threads_matching(corpus, "snow")
        parsing.corpus_stats(corpus)
        from parsing.export import export_model, to_json, to_markdown
        export = export_model(corpus, index, range(corpus.thread_count), with_related=True)
        to_json(export), to_markdown(export)
        """
    )
    assert "parsing" in loaded
    assert not loaded & {"textual", "rich", "tui"}


@pytest.mark.parametrize(
    "argv",
    [["stats", str(FIXTURE)], ["stats", "--json", str(FIXTURE)], ["export", str(FIXTURE)]],
    ids=["stats", "stats --json", "export"],
)
def test_commands_do_not_import_textual(argv: list[str]) -> None:
    loaded = modules_after(
        f"""
        from tui.cli import main
        assert main({argv!r}) == 0
        """
    )
    assert "textual" not in loaded
