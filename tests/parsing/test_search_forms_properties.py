"""The forms a query is looked for in as they stand (`search_forms.py`), by property over
letters whose case is awkward: every way a chunk is searched finds what the reference finds."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import given
from hypothesis import strategies as st

from parsing import search as search_module
from parsing import search_scan
from parsing.case_key import fold
from parsing.search import ThreadSearch, threads_matching_slowly
from parsing.search_forms import is_caseless, literal_forms
from parsing.search_memory import SearchMemory

from .test_properties import PROPERTY
from .test_typed_search import corpus_of

AWKWARD = [
    "eXVi", "exvi", "EXVI", "İ", "ı", "i", "I", "ß", "ẞ", "ss", "SS", "Σ", "σ", "ς", "ﬁ", "fi",
    "Ａ", "ａ", "e\u0301", "é", "É", "ǅ", "ǆ", "Ǆ", "K", "k", "55", "5a", "5A", "🇯🇵", "🇯",
    "👍🏽", "👍", "👩\u200d💻", "\u200d", "半導体", "$NV", "$nv", " ", "  ", ".",
]  # fmt: skip
"""Mixed case, the Turkish dotted and dotless i, sharp s and its capital, the sigmas, a
ligature, full-width letters, a combining accent, a titlecase digraph, the Kelvin sign, digits
with letters, a flag and half of one, a skin tone, a ZWJ sequence, CJK, a ticker."""
post = st.lists(st.sampled_from(AWKWARD), max_size=6).map("".join)
threads = st.lists(st.lists(post, min_size=1, max_size=4), min_size=1, max_size=8)
CASES = [str.upper, str.lower, str.swapcase, str.title, str.casefold, str]


@PROPERTY
@given(threads, st.data())
def test_awkward_letters_are_found_where_the_reference_finds_them(
    threads: list[list[str]], data: st.DataObject
) -> None:
    """A query cut from the file (within a post or across posts and markers), in any case,
    is found in the threads the reference finds it in, whichever forms each chunk tries."""
    corpus = corpus_of(threads)
    text = "\n".join(f"{n}/ {p}" for posts in threads for n, p in enumerate(posts, 1))
    start = data.draw(st.integers(0, len(text) - 1))
    cut = text[start : data.draw(st.integers(start + 1, min(len(text), start + 6)))]
    query = data.draw(st.sampled_from(CASES))(cut)
    with (
        patch.object(search_module, "CHUNK_THREADS", data.draw(st.sampled_from([1, 2, 512]))),
        patch.object(search_module, "LITERAL_WORTH", data.draw(st.sampled_from([0.0, 0.5, 2.0]))),
        patch.object(search_module, "SPAN_COST", data.draw(st.sampled_from([0.0, 100.0]))),
        patch.object(search_scan, "FOLD_WHOLE", data.draw(st.sampled_from([0, 16 << 10]))),
    ):
        search = ThreadSearch(corpus, query)
        assert search.run()
    assert search.found == threads_matching_slowly(corpus, query), query


@PROPERTY
@given(threads, st.lists(st.tuples(st.sampled_from(AWKWARD), st.integers(0, 3) | st.none())))
def test_awkward_queries_typed_and_cancelled_leave_the_fresh_answer(
    threads: list[list[str]], typed: list[tuple[str, int | None]]
) -> None:
    """Awkward queries typed one after another, each cancelled after a few chunks or run to
    its end, each taking over what the ones before left: a finished one finds what the
    reference finds."""
    corpus = corpus_of(threads)
    memory = SearchMemory(corpus)
    with patch.object(search_module, "CHUNK_THREADS", 1):
        for query, stop in typed:
            search = memory.start(query)
            search.run(lambda search=search, stop=stop: stop is not None and search.checked > stop)
            memory.keep(search)
            if search.complete:
                assert search.found == threads_matching_slowly(corpus, query), query


@given(st.text(st.sampled_from("".join(AWKWARD) + "aAzZ"), min_size=1, max_size=6))
def test_every_form_folds_to_the_query_and_a_caseless_query_is_its_only_form(text: str) -> None:
    """Each form looked for folds to what the query folds to (a hit of one is a match), and a
    query written one way only has that one form: the query itself."""
    forms = literal_forms(text)
    assert all(fold(form.decode("utf-8", "surrogatepass")) == fold(text) for form in forms)
    if is_caseless(text):
        assert forms == (text.encode("utf-8", "surrogatepass"),)
