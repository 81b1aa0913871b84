"""Spelling: a pasted paper's authors and numbered affiliations, and a section the page says a
machine translated (medlint.kinds.spellsections): their unknown words are names and words of
another language, not slips; the same words in ordinary prose are still reported."""
from __future__ import annotations

import pytest

from medlint import lint_text

AUTHORS_MD = """# Zinc and wound healing

Marta quendo Oyelaran1*, Pieter Valkhoven2, Ines Brusati1

1 Servizio di Dermatologia clinica e sperimentale, Ospedale San Ruffo, Torino, Italy

2 Department of Surgery, Lindqvist University Hospital, Uppsala, Sweden

The trial enrolled adults with chronic ulcers.
"""

TRANSLATED_MD = """# Readers write in

## Letters from Lisbon, as rendered by Google Translate

### Rita, two weeks ago

My mother takes the drops every morning, tambem at night, and feels better.

## What we think

My mother takes the drops every morning, tambem at night.
"""


def words(text: str, path: str = "x.md") -> list[str]:
    return [d.message.split("'")[1] for d in lint_text(text, path=path, select=["spelling"])]


def html(body: str) -> str:
    return f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>\n"


def test_author_list_and_numbered_affiliations_are_names(isolated) -> None:
    assert words(AUTHORS_MD) == []


def test_affiliations_in_html(isolated) -> None:
    body = ("<h1>Zinc</h1><p>Marta Oyelaran1, Pieter Valkhoven2</p>"
            "<p>1 Servizio di Dermatologia sperimentale, Ospedale San Ruffo, Torino, Italy</p>"
            "<p>2 Department of Surgery, Lindqvist University Hospital, Uppsala, Sweden</p><p>The trial ran.</p>")
    assert words(html(body), "x.html") == []


def test_one_numbered_line_alone_is_prose(isolated) -> None:
    text = "# Notes\n\n2 Hospital wards, one sperimentale unit, and a clinic, were visited.\n"
    assert words(text) == ["sperimentale"]


def test_a_typo_in_a_sentence_after_the_affiliations_is_reported(isolated) -> None:
    assert words(AUTHORS_MD + "\nThe ulcers were meausred weekly.\n") == ["meausred"]


def test_capitalised_list_without_marks_is_not_an_author_list(isolated) -> None:
    text = "# Foods\n\nOily Fish, Green quendo Vegetables, Whole Grains\n"
    assert words(text) == ["quendo"]


def test_machine_translated_section_keeps_its_foreign_words(isolated) -> None:
    # the same sentence under the next section of the same level is the page's own prose
    assert words(TRANSLATED_MD) == ["tambem"]
    assert lint_text(TRANSLATED_MD, select=["spelling"])[0].line == 11


@pytest.mark.parametrize("label", ["{Machine translation of the summary}", "Translated with DeepL:"])
def test_a_short_line_saying_so_opens_a_translated_passage(label: str, isolated) -> None:
    text = f"# Summary\n\n{label}\n\nThe patients took the drops, tambem at night.\n\n## Comment\n\nThe sun, tambem.\n"
    diagnostics = lint_text(text, select=["spelling"])
    assert [d.line for d in diagnostics] == [9]


def test_a_sentence_about_translation_is_no_label(isolated) -> None:
    text = ("# Summary\n\nWe checked every sentence that Google translated for our readers in the clinic last year.\n\n"
            "The patients took the drops, tambem at night.\n")
    assert words(text) == ["tambem"]
