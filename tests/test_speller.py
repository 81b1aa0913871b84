"""The speller's vocabulary: affix-rule morphology (no guessing), common misspellings
screened out, British and US medical forms, coverage of the listed gaps, and
``medlint words --trace``."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint.cli import main
from medlint.medical.speller import Speller


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller()


@pytest.mark.parametrize("typo", ["reelase", "repoted", "puper", "clls", "celes"])
def test_prefix_and_suffix_guesses_no_longer_hide_typos(typo: str, speller: Speller) -> None:
    assert not speller.known(typo)


@pytest.mark.parametrize("typo", ["accidently", "alot", "definately", "asprin", "seperately", "recieve"])
def test_common_misspellings_are_screened_out(typo: str, speller: Speller) -> None:
    assert not speller.known(typo)


@pytest.mark.parametrize("word", [
    "released", "releasing", "reports", "reported", "reporting", "cells", "patients", "studies", "studied",
    "happier", "happiest", "unhappy", "reanalysed", "reanalyzed", "nonresponders", "bisphosphonates",
    "comorbidities", "overtreated",
])
def test_inflections_the_affix_rules_allow_are_known(word: str, speller: Speller) -> None:
    assert speller.known(word)


@pytest.mark.parametrize(("word", "known"), [
    ("nonskeletal", True), ("extraskeletal", True), ("cardiometabolic", True), ("subcohort", True),
    ("nonvertebral", True),
    ("nonskeletals", False),   # no suffix guessed on top of a prefix
    ("unsupplemented", True),  # un- before a listed word, as non- (the dictionary's affix rule lists few)
    ("reelase", False), ("noncat", False),  # the rest must be a listed word of five letters or more
])
def test_solid_prefixes_only_before_whole_listed_words(word: str, known: bool, speller: Speller) -> None:
    assert speller.known(word) is known


@pytest.mark.parametrize("word", [
    "hypercalcaemia", "hypocalcaemia", "haemodialysis", "haematopoietic", "ischaemia", "mineralisation",
    "necrotising", "homoeostasis", "hypercalcemia", "hypocalcemia", "hemodialysis", "hematopoietic", "ischemia",
    "mineralization", "necrotizing", "homeostasis", "hypophosphataemia", "hypophosphatemia", "oesophagitis",
    "paediatrician", "leukaemia", "anaesthetist", "tumour", "tumor",
])
def test_british_and_us_medical_forms_under_variant_any(word: str, speller: Speller) -> None:
    assert speller.known(word)


def test_variant_us_rejects_british_medical_forms() -> None:
    us, gb = Speller("us"), Speller("gb")
    assert not us.known("hypophosphataemia") and us.known("hypophosphatemia")
    assert not gb.known("hypophosphatemia") and gb.known("hypophosphataemia")


@pytest.mark.parametrize("word", [
    "foramen", "ovale", "opponens", "chiasm", "folliculogenesis", "ferroptosis", "dysbiosis", "inflammasome",
    "inflammasomes", "somatosensation", "mepolizumab", "reslizumab", "bilastine", "nicorandil", "gliptins",
    "palmitoylethanolamide", "serrapeptase", "monolaurin", "Lactobacillus", "rhamnosus", "Nigella", "sativa",
    "quinoa", "kefir", "kombucha", "methylhistamine", "Annu", "Integr", "naïve", "naive",
])
def test_vocabulary_gaps_are_filled(word: str, speller: Speller) -> None:
    assert speller.known(word)


def test_trace_names_each_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".medlint.yaml").write_text(
        "rules:\n  spelling:\n    options: {vocabulary: [words.txt], words: [Zorbex], reject: [irregardless]}\n")
    (tmp_path / "words.txt").write_text("blogdown\nfoo[0-9]+bar\n")
    (tmp_path / "a.md").write_text("Intro.\n\nHello <!-- medlint-words: qwertyx -->\n")
    runner = CliRunner()

    def trace(word: str) -> tuple[int, list[str]]:
        result = runner.invoke(main, ["words", "--trace", word, "."])
        return result.exit_code, result.stdout.splitlines()

    code, lines = trace("haemodialysis")
    assert code == 0 and lines[0] == "haemodialysis (spelling, variant any): accepted"
    assert "  + bundled general English list (english.txt) (accepts)" in lines
    code, lines = trace("mepolizumab")
    assert code == 0 and "  + bundled medical list (medical.txt) (accepts)" in lines
    code, lines = trace("blogdown")
    assert code == 0 and "  + vocabulary file words.txt (accepts)" in lines
    code, lines = trace("foo12bar")
    assert code == 0 and "  + accept pattern /foo[0-9]+bar/ in words.txt (accepts)" in lines
    code, lines = trace("Zorbex")
    assert code == 0 and "  + the rule's words option (accepts)" in lines
    code, lines = trace("qwertyx")
    assert code == 0 and "  + inline directive <!-- medlint-words: --> in a.md:3, that page only (accepts)" in lines
    code, lines = trace("irregardless")
    assert code == 1 and lines[0] == "irregardless (spelling, variant any): rejected"
    assert "  ! the rule's reject option (rejects)" in lines
    code, lines = trace("reelase")
    assert code == 1 and lines[0] == "reelase (spelling, variant any): unknown; did you mean 'release'?"
    assert all(line.startswith("  - ") for line in lines[1:])


def test_trace_shows_the_other_variants_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".medlint.yaml").write_text("rules:\n  spelling:\n    options: {variant: us}\n")
    result = CliRunner().invoke(main, ["words", "--trace", "colour"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("colour (spelling, variant us): rejected")
    assert "  ! bundled GB-only spellings (gb.txt), rejected under variant us (rejects)" in result.stdout.splitlines()


# -- scientific and software terms (science.shards, software.txt) ---------------------------------

@pytest.mark.parametrize(("word", "source"), [
    ("myostatin", "science.shards"), ("cathelicidin", "science.shards"), ("proteasomal", "science.shards"),
    ("unitless", "science.shards"), ("diplotypes", "science.shards"), ("methylsulfonylmethane", "science.shards"),
    ("numpy", "software.txt"), ("dataframe", "software.txt"),  # @cspell/dict-python, -software-terms
    ("parameterization", "software.txt"), ("rnorm", "software.txt"),  # -software-terms, @cspell/dict-r
])
def test_words_of_the_new_sources_are_accepted(word: str, source: str, speller: Speller) -> None:
    assert speller.known(word)
    held = [name for name, holds in speller.bundled_sources(word) if holds]
    assert held == [name for name in held if f"({source})" in name] and held


@pytest.mark.parametrize("typo", ["recieve", "seperate", "occurence", "accomodate", "availabe", "distibution",
                                  "neccessary", "teh", "wich", "untill"])
def test_common_typos_are_still_not_accepted(typo: str, speller: Speller) -> None:
    assert not speller.known(typo)


def test_software_terms_can_be_switched_off() -> None:
    on, off = Speller(), Speller(software=False)
    assert on.known("numpy") and not off.known("numpy")
    assert off.known("myostatin") and off.known("aspirin")  # the other lists stay
    assert not any("software" in name for name, _ in off.bundled_sources("numpy"))


def test_software_terms_option_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# Title\n\nWe plotted the data with numpy.\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["check", "--no-cache", "--select", "spelling", "a.md"])
    assert result.exit_code == 0 and "numpy" not in result.stdout
    (tmp_path / ".medlint.yaml").write_text("rules:\n  spelling:\n    options:\n      software_terms: false\n",
                                            encoding="utf-8")
    result = runner.invoke(main, ["check", "--no-cache", "--select", "spelling", "a.md"])
    assert result.exit_code == 0 and "[spelling] Unknown word 'numpy'" in result.stdout


def test_sharded_list_reads_only_the_shards_looked_up(tmp_path: Path) -> None:
    """A word is found in the shard of its first two letters; other shards are not decompressed."""
    from medlint.medical import shards
    from medlint.medical.speller import ShardedWordList

    listed = {"alpha", "alphas", "albumin", "beta", "ßeta", "x", "x-ray", "x2"}
    path = tmp_path / "words.shards"
    path.write_bytes(shards.encode(listed))
    assert shards.words_of(path.read_bytes()) == listed
    words = ShardedWordList(path)
    assert all(word in words for word in listed)
    assert "alph" not in words and "zeta" not in words and "" not in words and 3 not in words and "x-" not in words
    assert sorted(k for k, v in words._shards.items() if v is not None) == ["_e", "al", "be", "x_"]
    fresh = ShardedWordList(path)
    assert "beta" in fresh and [k for k, v in fresh._shards.items() if v is not None] == ["be"]
    probes = ["alpha", "alphas", "albumin", "alp", "alphab", "al"] * 3
    assert [p in fresh for p in probes] == [p in listed for p in probes]
    assert fresh._answers == {p: p in listed for p in set(probes) | {"beta"}}  # (each word's answer kept)


def test_a_shards_file_cut_short_is_refused(tmp_path: Path) -> None:
    from medlint.medical import shards

    data = shards.encode({"alpha", "beta"})
    for broken in (data[:-1], data + b"x", b"PK" + data, data[:len(shards.MAGIC) + 3]):
        with pytest.raises(ValueError):
            shards.decode_header(broken)
    assert shards.words_of(shards.encode(())) == set()


@pytest.mark.parametrize("word,how", [
    ("rheumatologic", "the US short form of 'rheumatological'"),  # -ologic where -ological is listed
    ("allergologists", "the plural of 'allergologist'"),  # nouns in -ist listed without their plural
    ("cytotherapeutic", "'cyto-' and 'therapeutic'"),  # a combining form of science before a long word
    ("otoprotective", "'oto-' and 'protective'"), ("oncometabolite", "'onco-' and 'metabolite'"),  # of medicine
    ("nonfasting", "'non-' and 'fasting'"),  # (quintiles and nonskeletal are in SCOWL's size-70 lists: rare.shards)
])
def test_forms_made_by_rule_are_known_and_traced(word: str, how: str, speller: Speller, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert speller.known(word) and speller.formed_by_rule(word) == how
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["words", "--trace", word])
    assert result.exit_code == 0 and f"  + formed from a listed word: {how} (accepts)" in result.stdout.splitlines()


@pytest.mark.parametrize("typo", ["neurologc", "metabolsm", "profles", "metabolc"])
def test_the_rules_do_not_accept_slips(typo: str, speller: Speller) -> None:
    assert not speller.known(typo) and speller.formed_by_rule(typo) is None


def test_software_entries_two_of_its_word_files_list_are_kept(speller: Speller) -> None:
    # png is one edit from "pig", but the software terms and the Python list both hold it
    assert speller.known("png") and not Speller(software=False).known("png")


def test_trace_names_the_places_a_word_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("Spiders (Theraphosa blondqui) bit.\n\nWrite to jdoex (at) example (dot) org.\n")
    runner = CliRunner()
    lines = runner.invoke(main, ["words", "--trace", "blondqui", "."]).stdout.splitlines()
    assert "  ~ a.md:1: not reported there: a species epithet after its genus" in lines
    lines = runner.invoke(main, ["words", "--trace", "jdoex", "."]).stdout.splitlines()
    assert lines[-1] == "  ~ a.md:3: not reported there: part of an e-mail address spelt out"


def test_trace_names_the_places_that_say_a_word_is_mentioned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("The code is at [my page](https://github.com/zorvane/tools); zorvane keeps it.\n\n"
                                   "We call the set the \"zorvesome\" here.\n")
    runner = CliRunner()
    lines = runner.invoke(main, ["words", "--trace", "zorvane", "."]).stdout.splitlines()
    assert lines[-1] == "  ~ a.md:1: not reported there: a part of an address the page links to or writes (a site, a user, a path)"
    lines = runner.invoke(main, ["words", "--trace", "zorvesome", "."]).stdout.splitlines()
    assert lines[-1] == "  ~ a.md:3: not reported there: a word in a short quotation, mentioned rather than used"

