"""Spelling: medical vocabulary, tokenising like an editor, the project's own words, suggestions."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint import lint_text
from medlint.cli import main
from medlint.medical.speller import Speller

RULE = ["spelling"]


def flagged(text: str, path: str = "x.md", options: dict | None = None) -> list[tuple[int, int, str]]:
    cfg = {"rules": {"spelling": {"options": options}}} if options else {}
    return [(d.line, d.column, d.message) for d in lint_text(text, path=path, config=cfg, select=RULE)]


@pytest.mark.parametrize(("typo", "meant"), [
    ("pathogensis", "pathogenesis"),
    ("pathegenetic", "pathogenetic"),
    ("bisphosphonaets", "bisphosphonates"),
    ("osteoporsis", "osteoporosis"),
    ("cholecalciferl", "cholecalciferol"),
    ("methylprednisolne", "methylprednisolone"),
    ("recieve", "receive"),
    ("seperately", "separately"),
])
def test_typos_reported_with_the_right_suggestion(typo: str, meant: str, isolated) -> None:
    (line, column, message) = flagged(f"A note on {typo} today.")[0]
    assert (line, column) == (1, 11)
    assert message == f"Unknown word '{typo}'; did you mean '{meant}'?"


def test_suggestion_is_an_unsafe_fix(isolated) -> None:
    (d,) = lint_text("The pathogensis.", config={}, select=RULE)
    assert d.fix is not None and d.fix.replacement == "pathogenesis" and not d.fix.safe


@pytest.mark.parametrize("word", [
    "osteoprotegerin", "osteopontin", "hypovitaminosis", "aetiological", "cholecalciferol", "methylprednisolone",
    "denosumab", "romosozumab", "ocrelizumab", "Prolia", "microbiome", "probiotics", "reuptake", "omalizumab",
    "baroreceptors", "photoreceptors", "calcaneus", "trabeculae", "mcg", "Neurol", "Scand", "Suppl", "Relat", "Disord",
    "colour", "color", "randomised", "randomized", "haemoglobin", "hemoglobin",
])
def test_medical_and_variant_words_are_known(word: str, isolated) -> None:
    assert flagged(f"We saw {word} in the report.") == []


def test_prose_only(isolated) -> None:
    text = ("---\ntitle: pathogensis\n---\n`pathogensis` [ok](https://x.org/pathogensis) doi:10.1111/j.pathogensis.x "
            "mail me@pathogensis.org see pathogensis.pdf and www.pathogensis.com\n\n```\npathogensis\n```\n"
            "<span title='pathogensis'>fine</span> $\\frac{pathogensis}{2}$ 5 mg\n")
    assert flagged(text) == []


@pytest.mark.parametrize("text", [
    "The NHS and the WHO and DXA scans.",          # acronyms
    "Vitamin B12 and 25OHD and COVID19.",          # digits
    "McDonald and iPhone and pH.",                 # mixed case
    "We met Dr Kampmanx in Tromsø.",               # proper nouns inside a sentence
    "The patient's mother-in-law didn't know.",   # possessive, hyphens, contraction
    "The patients\u2019 records weren\u2019t lost.",  # curly apostrophes
    "Unmeasured, re-randomized, nonresponders, hyperparathyroidism, overtreated.",  # prefixes and inflections
    "Kampman MT, Eriksen EF, Holmøy T.",           # authors at the start of a reference
])
def test_editor_like_tokenising(text: str, isolated) -> None:
    assert flagged(text) == []


def test_capitalised_word_at_sentence_start_is_checked(isolated) -> None:
    assert [m for _, _, m in flagged("Pathogensis is slow. So is Pathogensis.")] == [
        "Unknown word 'Pathogensis'; did you mean 'Pathogenesis'?"]
    assert len(flagged("So is Pathogensis.", options={"proper_nouns": "check"})) == 1


def test_hyphenated_compounds_checked_part_by_part(isolated) -> None:
    assert [(c, m.split("'")[1]) for _, c, m in flagged("A well-knwn high-dose regimen.")] == [(8, "knwn")]


def test_variant_us_and_gb(isolated) -> None:
    us = flagged("The colour of the tumour.", options={"variant": "us"})
    assert [m for _, _, m in us] == ["Unknown word 'colour'; did you mean 'color'?",
                                     "Unknown word 'tumour'; did you mean 'tumor'?"]
    gb = flagged("The color was randomized.", options={"variant": "gb"})
    assert [m for _, _, m in gb] == ["Unknown word 'color'; did you mean 'colour'?",
                                     "Unknown word 'randomized'; did you mean 'randomised'?"]


def test_vocabulary_files_words_and_reject(tmp_path: Path, isolated) -> None:
    accept = tmp_path / "accept.txt"
    accept.write_text("# our words\nblogdown\nQualtrix\nvitD\\w*\n", encoding="utf-8")
    options = {"vocabulary": [str(accept)], "words": ["tidyverse"], "reject": ["utilize"]}
    assert flagged("We use blogdown, tidyverse and Qualtrix with vitDlevels. Qualtrix it.", options=options) == []
    assert len(flagged("Then qualtrix.", options=options)) == 1  # capitalised entries are exact
    assert [m for _, _, m in flagged("We utilize it.", options=options)][0].startswith("Unknown word 'utilize'")


def test_inline_words_for_one_document(isolated) -> None:
    text = "<!-- medlint-words: blogdown Kampmanx -->\nWe use blogdown.\n"
    assert flagged(text) == []


def test_html_and_text(isolated) -> None:
    assert [c for _, c, _ in flagged("<p>The pathogensis <code>hepatitus</code></p>", "x.html")] == [8]
    assert [c for _, c, _ in flagged("The pathogensis.", "x.txt")] == [5]


def test_distinct_words_are_judged_once() -> None:
    speller = Speller()
    assert speller.known("osteoporosis") and not speller.known("osteoporsis")
    speller.english = frozenset()  # a second lookup must come from the cache
    assert speller.known("osteoporosis")


def test_words_command(isolated) -> None:
    (isolated / "a.md").write_text("The pathogensis and pathogensis. Also blogdown.\n")
    (isolated / "b.md").write_text("More pathogensis.\n")
    result = CliRunner().invoke(main, ["words", "."])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["     3  pathogensis              a.md, b.md", "     1  blogdown                 a.md"]


def test_words_command_lists_what_check_reports(isolated) -> None:
    """'medlint words' reads the page as the rule does: its ignore_patterns and the regions
    it skips (a reference list) apply, so it lists no word that check would not report."""
    (isolated / ".medlint.yaml").write_text("rules:\n  spelling:\n    options: {ignore_patterns: ['zorb.*']}\n")
    (isolated / "a.md").write_text("The pathogensis here. zorbular text.\n\n## References\n\n"
                                   "1. Smith J. A qwertyx trial of vitamin D. BMJ. 2020;1:2.\n")
    result = CliRunner().invoke(main, ["words", "."])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["     1  pathogensis              a.md"]
    check = CliRunner().invoke(main, ["check", "--no-cache", "--select", "spelling", "-q", "."])
    assert [line.split("'")[1] for line in check.stdout.splitlines()] == ["pathogensis"]


def test_word_list_lookup_matches_a_set() -> None:
    """Binary search in the list's text answers as the set does, before and after the switch."""
    import random

    from medlint.medical.speller import WordList, word_list

    for name in ("english.txt", "medical.txt", "gb.txt"):
        words = sorted(word_list(name).as_set())
        fresh = WordList("\n".join(words) + "\n")
        rng = random.Random(5)
        probes = rng.sample(words, 1500) + [words[0], words[-1], "", "\n", "a\nb", words[0][:-1] + "\x00",
                                          words[-1] + "z", "zzzzzzzz", "aaaa", "Vitamin"]
        probes += [w[:-1] for w in rng.sample(words, 1000)] + [w + "q" for w in rng.sample(words, 1000)]
        expected = set(words)
        fresh.SET_AFTER = len(probes) // 2  # the second half is answered by the set
        assert [p in fresh for p in probes] == [p in expected for p in probes]
        assert fresh._index is not None  # (lookups past INDEX_AFTER took the sparse index)
        indexed = WordList("\n".join(words) + "\n")
        indexed.INDEX_AFTER, indexed.SET_AFTER = 0, 10**9  # every lookup by the sparse index
        assert [p in indexed for p in probes] == [p in expected for p in probes]
        assert indexed._set is None
    for step in (1, 3, 6, 100):  # index entries on every line, a few lines apart, past the end
        tiny = WordList("alpha\nbeta\ndelta\ngamma\nomega")
        tiny.INDEX_AFTER, tiny.INDEX_STEP = 0, step
        assert [w in tiny for w in ("alpha", "beta", "delta", "gamma", "omega", "", "a", "alph", "alphas", "bet",
                                    "epsilon", "zeta", "omegas", "\n")] == [True] * 5 + [False] * 9
    tiny = WordList("alpha\nbeta\ngamma")
    assert "gamma" in tiny and "alpha" in tiny and "delta" not in tiny and "alph" not in tiny
    assert "x" not in WordList("")


def test_word_list_prefix_slices_match_a_scan() -> None:
    from medlint.medical.speller import word_list

    words = word_list("medical.txt")
    everything = words.as_set()
    for prefix in ("a", "ost", "z", "q", "cholecalcifero", "zzzz", ""):
        assert sorted(words.starting_with(prefix)) == sorted(w for w in everything if w.startswith(prefix))


def test_frequencies_found_by_binary_search_match_the_parsed_file() -> None:
    """Before a run parses pyspellchecker's frequency file, words are looked up in its text."""
    import json
    import random

    from medlint.medical.speller import Frequencies, _base_frequencies

    text = _base_frequencies()._text
    parsed = json.loads(text)
    words = sorted(parsed)
    probes = random.Random(7).sample(words, 500) + [words[0], words[-1], "", "zzzzzz", "aaaa'", "qwxq"]
    probes += [w + "x" for w in random.Random(8).sample(words, 200)]
    fresh = Frequencies(text)
    assert [fresh.get(w) for w in probes] == [parsed.get(w) for w in probes]
    assert fresh._data is None  # all answered from the text
    assert fresh.get('a"b') is None and fresh._data is not None  # a quote: parsed, not searched
    assert Frequencies.LETTERS == fresh.letters()  # the edit alphabet is the file's


def test_bundled_word_lists_are_sorted_and_unique() -> None:
    """Binary search and the sparse index rely on it (scripts/build_vocabulary.py writes them so)."""
    from medlint.medical.speller import word_list

    for name in ("english.txt", "medical.txt", "gb.txt", "us.txt", "software.txt"):
        words = word_list(name)._text.split("\n")[:-1]
        assert words and all(a < b for a, b in zip(words, words[1:])), name


def test_an_escaped_contraction_is_read_whole_and_a_plain_backslash_changes_nothing() -> None:
    """Only a word followed by a backslash-escaped apostrophe is read as a contraction;
    a page with other backslashes reads its words as before."""
    from medlint.document import Document
    from medlint.kinds.spelling import words_of
    from medlint.medical.speller import Speller

    fine = Speller().fine
    page = Document.from_text("It wouldn\\'t heal.\n\nA path C:\\\\temp and recieve.\n", "x.md")
    assert [w for _, w in words_of(page, fine=fine)] == ["recieve"]
    plain = Document.from_text("It wouldn't heal.\n\nA path C:\\\\temp and recieve.\n", "x.md")
    assert [w for _, w in words_of(plain, fine=fine)] == ["recieve"]


def test_tokens_passed_over_once_are_passed_over_on_every_page_alike() -> None:
    """The run-wide memo of tokens judged fine (or holding a digit, or a compound known
    whole) changes no page's words: the same (offset, word) list as with a fresh memo,
    whichever page comes first, a word before an escaped apostrophe included."""
    from medlint.document import Document
    from medlint.kinds.spelling import words_of

    fine = Speller(reject=["irregardless"]).fine
    pages = [Document.from_text(text, "x.md") for text in (
        "Patients recieve 20mg twice daily, well-known dosing.\n",
        "Nurses shouldn\\'t recieve irregardless of the 20mg dose.\n\nWell-known drugs.\n",
        "Recieve it. The dose was 20mg and the patients improved irregardless.\n",
    )]
    fresh = [list(words_of(page, fine=fine)) for page in pages]
    assert [w for _, w in fresh[1]] == ["recieve", "irregardless"]
    for order in (pages, pages[::-1]):
        passed: set[str] = set()
        shared = {id(page): list(words_of(page, fine=fine, passed=passed)) for page in order}
        assert [shared[id(page)] for page in pages] == fresh
        assert {"patients", "20mg", "well-known"} <= passed and "recieve" not in passed
