"""Words for related threads: stop words per language, the light stemmer, hashtag words, and
which words and phrases a text yields."""

from __future__ import annotations

import pytest

from parsing.words.stems import stem
from parsing.words.stopwords import STOP_WORDS
from parsing.words.terms import hashtag_words, text_terms


@pytest.mark.parametrize(
    "forms",
    [
        ["sanctions", "sanctioned", "sanctioning"],
        ["reserves", "reserve", "Reserven".lower()],
        ["banks", "bank"],
        ["sanciones", "sanción"],
        ["санкции", "санкций", "санкциями"],
        ["economy", "economic", "economics"],
    ],
)
def test_inflected_forms_share_a_stem(forms: list[str]) -> None:
    """Plural, verb and adjective endings of one word (English, German, Spanish, Russian) are
    stripped to the same stem."""
    assert len({stem(form) for form in forms}) == 1


@pytest.mark.parametrize("word", ["gas", "oil", "spy", "bank"])
def test_short_words_keep_their_letters(word: str) -> None:
    """A stem is never shorter than three letters: short words stay whole."""
    assert stem(word) == word


@pytest.mark.parametrize("word", ["the", "because", "porque", "nicht", "cette", "только"])
def test_stop_words_of_each_language(word: str) -> None:
    """English, Spanish, German, French and Russian function words are stop words."""
    assert word in STOP_WORDS


@pytest.mark.parametrize(
    ("tag", "words"),
    [
        ("RussianWorld", ["Russian", "World"]),
        ("COVID19Vaccine", ["COVID", "Vaccine"]),
        ("sanctions", ["sanctions"]),
        ("NATO", ["NATO"]),
        ("G7", []),
    ],
)
def test_hashtag_words(tag: str, words: list[str]) -> None:
    """A hashtag splits at case changes and digits; parts under three letters are dropped."""
    assert hashtag_words(tag) == words


def test_words_outside_handles_tags_and_links() -> None:
    """Handles, hashtags, cashtags, link hosts and paths give no words; the text around does."""
    terms = text_terms(b"Tankers @shadow_fleet #tankers $SHIP fleet.example/cargo-ships docked")
    assert set(terms.words) == {stem("tankers"), stem("docked")}


def test_stop_words_are_not_terms() -> None:
    """Stop words and the stems of longer ones (`seeing` → see) are neither words nor part of
    a phrase."""
    terms = text_terms(b"We are seeing the grain silos, and das ist nicht gut")
    assert set(terms.words) == {stem("grain"), stem("silos"), "gut"}
    assert set(terms.phrases) == {stem("grain") + " " + stem("silos")}


def test_phrases_are_neighbouring_words() -> None:
    """A phrase is two words with only spaces between: punctuation and stop words end it; its
    written form is its first use, in lower case."""
    terms = text_terms(b"Central Bank reserves. Central banks, again: central bank of Russia")
    central_bank = stem("central") + " " + stem("bank")
    assert terms.phrases[central_bank] == 3
    assert terms.phrase_written(central_bank) == "central bank"
    assert stem("reserves") + " " + stem("central") not in terms.phrases
    assert stem("bank") + " " + stem("russia") not in terms.phrases


def test_words_beside_other_characters() -> None:
    """Words next to typographic quotes, dashes and emoji, and in Cyrillic capitals, are found
    whole and in lower case; what is left of the other characters is not a word."""
    terms = text_terms("«Grain»—exports 🇺🇦diaspora Russia’s САНКЦИИ".encode())
    assert {terms.written(word) for word in terms.words} == {
        "grain",
        "exports",
        "diaspora",
        "russia",
        "санкции",
    }


def test_hashtag_words_join_the_terms() -> None:
    """`#RussianWorld` adds the words russian and world, and the phrase of both."""
    terms = text_terms(b"no words here", {"RussianWorld": 2})
    assert terms.words[stem("world")] == 2
    assert terms.phrases[stem("russian") + " " + stem("world")] == 2
