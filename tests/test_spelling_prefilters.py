"""The shortcuts of the spelling rule's context tests give the answers of the patterns they
stand in for: code forms found from substrings, the machine-translation prefilter, block
texts remembered per page."""
from __future__ import annotations

import random
import re

import pytest

from medlint.document import Document
from medlint.kinds import spellcontext, spellsections


def _pattern_says(text: str, word: str) -> bool:
    """The pattern :func:`spellcontext.written_as_code_on_page` used for the page's text."""
    w = re.escape(word)
    return bool(re.search(rf"(?:\b(?:library|require|requireNamespace|install\.packages)\([\"']?{w}\b"
                          rf"|^[ \t]*(?:import|from)[ \t]+{w}\b|`{w}`|\b{w}::)", text, re.MULTILINE))


CASES = [
    ("library(knitr)\n", "knitr", True),
    ("xlibrary(knitr)\n", "knitr", False),
    ("library(knitrs)\n", "knitr", False),
    ("requireNamespace('dplyr')", "dplyr", True),
    ("install.packages(\"tidyr\")", "tidyr", True),
    ("install_packages(\"tidyr\")", "tidyr", False),
    ("require(\"sf\") and more", "sf", True),
    ("  import seaborn as sns\n", "seaborn", True),
    ("text\nfrom scurvey we learn\n", "scurvey", True),
    ("we learn from scurvey\n", "scurvey", False),
    ("\timport seaborne\n", "seaborn", False),
    ("use `knitr` here", "knitr", True),
    ("use ` knitr` here", "knitr", False),
    ("knitr::knit(x)", "knitr", True),
    ("aknitr::knit(x)", "knitr", False),
    ("_knitr::knit(x)", "knitr", False),
    ("é knitr::knit", "knitr", True),
    ("library(knitr_x)", "knitr", False),
    ("library(knitré)", "knitr", False),
    ("library(library(library", "library", True),
    ("xlibrary(library(library", "library", True),
    ("library(\u00e9l\u00e8ve)", "\u00e9l\u00e8ve", True),
    ("", "knitr", False),
]


@pytest.mark.parametrize(("text", "word", "expected"), CASES)
def test_code_forms_found_from_substrings_as_the_pattern_finds_them(text: str, word: str, expected: bool) -> None:
    doc = Document.from_text(text, "a.md")
    assert _pattern_says(text, word) is expected
    assert spellcontext._code_form_in_text(doc, word) is expected


def test_code_forms_agree_with_the_pattern_on_random_texts() -> None:
    rng = random.Random(23)
    pieces = ["library", "require", "requireNamespace", "install.packages", "import", "from", "(", "('", "(\"",
              "`", "::", " ", "\t", "\n", "_", "x", "knitr", "é", "1", ")", "."]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        doc = Document.from_text(text, "a.md")
        assert spellcontext._code_form_in_text(doc, "knitr") == _pattern_says(text, "knitr"), text


def test_written_as_code_on_page_still_finds_each_form() -> None:
    doc = Document.from_text("We use knitr.\n\n```r\nlibrary(knitr)\n```\n", "a.md")
    assert spellcontext.written_as_code_on_page(doc, "knitr")
    doc = Document.from_text("We use knitr and `knitr`.\n", "a.md")
    assert spellcontext.written_as_code_on_page(doc, "knitr")
    doc = Document.from_text("We use knitr.\n", "a.md")
    assert not spellcontext.written_as_code_on_page(doc, "knitr")


@pytest.mark.parametrize("line", ["Translated by Google", "google translation of the abstract", "(via Google Translate)",
                                  "TRANSLATED WITH DEEPL", "machine-translated"])
def test_the_translation_prefilter_lets_every_label_through(line: str) -> None:
    assert spellsections._MACHINE_TRANSLATED.search(line)
    assert spellsections._TRANSLAT.search(line)


def test_a_machine_translated_section_is_still_found() -> None:
    doc = Document.from_text("# Page\n\nEnglish text.\n\n## Resumen (translated by Google)\n\nEstudio dosis.\n\n"
                             "## Next\n\nMore.\n", "a.md")
    inside = doc.text.index("Estudio")
    assert spellsections.machine_translated(doc, inside)
    assert not spellsections.machine_translated(doc, doc.text.index("More"))
    plain = Document.from_text("# Page\n\nNothing of the sort.\n", "a.md")
    assert spellsections._translated_spans(plain) == []


def test_block_texts_are_remembered_and_the_same() -> None:
    text = "\n\n".join(f"Line   {i}\nof  block" for i in range(30)) + "\n"
    doc = Document.from_text(text, "a.md")
    offset = doc.text.index("Line   15")
    first = spellsections._block_texts(doc, offset)
    assert first is not None
    own, before, after = first
    assert own == "Line 15 of block"
    assert before == [f"Line {i} of block" for i in range(9, 15)]
    assert after == [f"Line {i} of block" for i in range(16, 22)]
    assert spellsections._block_texts(doc, offset + 3) is first


def test_tokens_not_passed_are_the_finditer_matches_not_passed() -> None:
    from medlint.kinds import spelling

    rng = random.Random(19)
    pieces = ["ab", "abc", "Ab", "b", "a", "_", "-", "'", "\u2019", " ", "\n", ".", "1", "é", "x_b", "ab-c", "(", "c'"]
    for _ in range(3000):
        prose = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        passed = set(rng.sample(["ab", "abc", "b", "a", "Ab", "ab-c", "c'", "x_b"], rng.randint(0, 4)))
        start = rng.randint(0, len(prose))
        end = rng.randint(start, len(prose))
        expected = [(m.start(), m.group()) for m in spelling._TOKEN.finditer(prose, start, end) if m.group() not in passed]
        found = [(m.start(), m.group()) for m in spelling._tokens_not_passed(prose, start, end, passed)]
        assert found == expected, (prose, passed, start, end)


def test_short_words_are_passed_over_and_words_are_still_found() -> None:
    from medlint.kinds import spelling
    from medlint.medical.speller import Speller

    doc = Document.from_text("An ox saw teh cat.\n\nAn ox, an ox and teh.\n", "a.md")
    options = dict(spelling.DEFAULTS)
    speller = Speller()
    found = [(offset, word) for offset, _, word in spelling.unknown_words(doc, speller, options)]
    assert found == [(doc.text.index("teh"), "teh"), (doc.text.rindex("teh"), "teh")]
    passed = spelling._PASSED[speller][3]
    assert {"An", "ox", "an"} <= passed and "teh" not in passed
    options["min_length"] = 4  # another minimum keeps its own tokens: "teh" is too short there
    assert spelling._PASSED[speller].get(4) is None
    assert list(spelling.unknown_words(doc, speller, options)) == []
    assert "teh" in spelling._PASSED[speller][4] and "teh" not in passed
