"""The vocabulary build's misspelling screen (``scripts/build_vocabulary.py``), and the
shipped lists it made: no list that accepts words carries a common misspelling or an
inflected form of one (``definates``), and the rare-word list adds words without
hiding slips of common ones."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from medlint.medical import shards
from medlint.medical.speller import DATA, Speller

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_vocabulary.py"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_vocabulary", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_vocabulary", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("word", "stem"), [
    ("definate", "definate"), ("definates", "definate"), ("definated", "definate"), ("definating", "definate"),
    ("definately", "definately"), ("recieves", "recieve"), ("recieving", "recieve"), ("occured", "occured"),
    ("definite", None), ("receives", None), ("dates", None), ("recieve", "recieve"),
    ("designed", None),     # design + ed, a known word inflected, though "designe" + d reads as a misspelling
    ("bufferless", None),   # the misspelling is the word cut short: its correction is the word itself
])
def test_misspelt_stem_finds_inflected_misspellings(build: ModuleType, word: str, stem: str | None) -> None:
    typos = {"definate": "definite", "definately": "definitely", "recieve": "receive", "occured": "occurred",
             "dat": "that", "designe": "designer", "bufferles": "bufferless"}
    assert build.misspelt_stem(word, typos, known={"design"}) == stem


def test_screen_keeps_proofed_words_and_says_why_it_drops(build: ModuleType) -> None:
    typos = {"definate": "definite", "alot": "a lot", "adress": "address"}
    kept, dropped = build.screen_misspellings({"definates", "alot", "colour", "hematoma", "adress"}, typos,
                                              proofed={"adress"})
    assert kept == {"colour", "hematoma", "adress"}
    assert sorted(dropped) == ["alot\ta common misspelling", "definates\ta common misspelling (a form of 'definate')"]


def _plain_words(name: str) -> set[str]:
    return set((DATA / name).read_text(encoding="utf-8").split())


def _sharded_words(name: str) -> set[str]:
    return shards.words_of((DATA / name).read_bytes())


def test_shipped_lists_carry_no_common_misspelling(build: ModuleType) -> None:
    """codespell's list (the build's source, at the version the build used) against every list
    that accepts words beyond the proofed dictionaries; the general list may keep a word only
    Hunspell's proofed en_US or en_GB has, so it is held to the misspellings no dictionary has."""
    pytest.importorskip("codespell_lib")
    typos = build.misspellings()
    english, medical = _plain_words("english.txt"), _plain_words("medical.txt")
    for name, words, stems in (  # the stems an inflection may have, as in the build
            ("medical.txt", medical, english), ("software.txt", _plain_words("software.txt"), english | medical),
            ("science.shards", _sharded_words("science.shards"), english | medical), ("rare.shards", _sharded_words("rare.shards"), english | medical)):
        carried = sorted(w for w in words if build.misspelt_stem(w, typos, stems))
        assert not carried, f"{name} carries common misspellings: {carried[:20]}"
    for word in ("definate", "definates", "definately", "alot", "accidently", "recieve", "recieved", "seperate",
                 "seperately", "occured", "untill", "wich", "teh", "acheive", "acheived", "begining"):
        assert word not in english


@pytest.mark.parametrize("typo", ["definates", "definating", "recieves", "acheives", "seperates"])
def test_inflected_misspellings_are_unknown(typo: str) -> None:
    assert not Speller().known(typo)


@pytest.mark.parametrize("word", ["commutability", "jittering", "exchangeably", "stereotypies", "cowrote"])
def test_rare_words_are_known_and_traced(word: str) -> None:
    speller = Speller()
    assert speller.known(word)
    held = [name for name, holds in speller.bundled_sources(word) if holds]
    assert held == ["bundled rare words: English, gene names (rare.shards)"]


@pytest.mark.parametrize("typo", ["reciept", "poeple", "becuase", "thier", "mroe", "whcih", "vitam", "insection",
                                  "exposture", "lightful"])
def test_rare_words_do_not_accept_slips_of_common_words(typo: str) -> None:
    assert not Speller().known(typo)


@pytest.mark.parametrize("name", ["knitr", "readxl", "lavaan", "dplyr", "lubridate"])
def test_r_package_names_are_software_terms(name: str) -> None:
    assert Speller().known(name)
    assert not Speller(software=False).known(name)


@pytest.mark.parametrize("word", ["cubilin", "myogenin", "diflavin", "stathmin", "optineurin"])
def test_gene_name_words_are_known_and_never_suggested(word: str) -> None:
    speller = Speller()
    assert speller.known(word)
    assert [name for name, holds in speller.bundled_sources(word) if holds] == \
        ["bundled rare words: English, gene names (rare.shards)"]
    slip = word[:2] + word[3:]  # a letter left out: the fix is never a rare-list word
    assert word not in speller.suggestions(slip).candidates


@pytest.mark.parametrize("slip", ["ccytochrome", "susceptiblity", "uncharaterized", "pseudodgene", "quantiative"])
def test_slips_in_gene_names_are_not_listed(slip: str) -> None:
    assert not Speller().known(slip)


def test_gene_name_words_screen(build: ModuleType, tmp_path: Path) -> None:
    """Words of the full gene names, lower case only; a slip of a listed word, or of a word more
    names use, is left out however often it recurs; a changed letter is how names differ."""
    import sqlite3

    db = tmp_path / "genes.sqlite"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE gene_info (_id INTEGER, gene_name TEXT, symbol TEXT)")
        con.executemany("INSERT INTO gene_info VALUES (?, ?, ?)", [
            (1, "zorbulin 1", "ZRB1"), (2, "zorbulin 2", "ZRB2"), (3, "zorbullin like", "ZRBL"),
            (4, "Hartwell kinase regulator", "HKR"), (5, "flimmerase", "FLM"), (6, "flimmerase domian", "FLD"),
            (7, "plexacin", "PLX"), (8, "plexacin binding", "PLXB")])
    counts = build.gene_name_words(db)
    assert counts["zorbulin"] == 2 and "Hartwell" not in counts and "hartwell" not in counts
    kept, out = build.witnessed_gene_words(counts, {"kinase", "regulator", "like", "domain", "binding", "plexacing"})
    assert {"zorbulin", "flimmerase"} <= kept
    assert "zorbullin" not in kept  # one letter too many against a word more names use
    assert "domian" not in kept     # two letters swapped from a listed word
    assert "plexacin" not in kept   # a letter left out of a listed word, though two names use it
    assert any(line.startswith("domian\t") for line in out)
    with pytest.raises(SystemExit, match="not found"):
        build.gene_name_words(tmp_path / "missing.sqlite")
