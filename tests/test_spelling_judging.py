"""Spelling: which words are judged (names in references and after initials, before
"et al.", compounds whole first, paths, handles, e-mail addresses) and how sure a
suggestion must be to be a fix (the margin, split suggestions, listed candidates)."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint import lint_text
from medlint.cli import main
from medlint.medical.speller import COMMON, LONG, MARGIN, Speller

RULE = ["spelling"]


def findings(text: str, path: str = "x.md", options: dict | None = None, skip: list[str] | None = None) -> list:
    setting: dict = {}
    if options:
        setting["options"] = options
    if skip is not None:
        setting["skip"] = skip
    cfg = {"rules": {"spelling": setting}} if setting else {}
    return lint_text(text, path=path, config=cfg, select=RULE)


def words(text: str, path: str = "x.md", **kwargs) -> list[str]:
    return [d.message.split("'")[1] for d in findings(text, path, **kwargs)]


# -- names -------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Research by M. F. Holick showed the point.",      # initials: the full stop after F ends no sentence
    "As shown by J. Holick in the trial.",             # one initial after a word that introduces a name
    "The review. M. Holick wrote it.",                 # one initial at a sentence start
    "We asked Dr. Holick about it.",                   # a title
    "Holick et al. showed it in 2011.",                # a name before et al. at a sentence start
    "Holick and Chen et al. agree.",                   # two names before et al.
    "Bischoff-Ferrari et al. found the same.",         # a hyphenated name before et al.
    "Holick's et al. data.",
    "Bischoff-Ferrari HA, Willett WC. A pooled analysis.",  # a hyphenated surname before initials
    "Holick, Zittermann, Brustad and Kampman 2000.",   # a list of names
    "Aitchison, John (1971). A geometrical version.",  # surname first
    "Brustado D. Kampmann wrote the book.",            # a first name before a middle initial
    "Marhani Midinova, Rosdinom Razalia. Clinical correlates.",  # names listed
    "Liuo L\nZhango Q",                                 # surname and initial ending a line
    "Sidhuo PS1, Nassifo N1.",                          # initials with affiliation numbers
    "Jungerto A(1), Neuhausero M (1).",
    "Schustero I: Cytochromes P450.",
    "Aksuo Cermano A1, Sarikayo Solako S.",             # given name, surname, initials
    "Vitamin D in pregnancy 671 D. Droro",              # an initial after a page number
])
def test_names_after_initials_and_before_et_al_are_not_judged(text: str, isolated) -> None:
    assert words(text) == []


def test_a_capital_and_full_stop_after_a_word_still_ends_a_sentence(isolated) -> None:
    """'vitamin D.' is no initial: the next sentence's first word is judged."""
    assert words("Take vitamin D. Pathogensis is slow.") == ["Pathogensis"]
    assert words("It is in group A. Pathogensis is slow.") == ["Pathogensis"]
    assert words("Pathogensis, in short, is slow. Pathogensis Often.") == ["Pathogensis", "Pathogensis"]


REFERENCES_MD = """# Vitamin D

The pathogensis of rickets.

## References

1. Holick MF, Zittermannova A. Low vitamin D in winter. N Engl J Med. 2012;366(2):101-9.
2. Brustadova, M. F., Kampmanova, T. Sunlight and sclerosis. Integr Med 2010.
"""

REFERENCES_HTML = """<h1>Vitamin D</h1>
<p>The pathogensis of rickets.</p>
<h2>References</h2>
<ol><li>Holick MF, Zittermannova A. Low vitamin D in winter. N Engl J Med. 2012;366(2):101-9.</li>
<li>Brustadova, M. F., Kampmanova, T. Sunlight and sclerosis. Integr Med 2010.</li></ol>
<p>By Marta Zittermannova and Tomas Kampmanova, Department of Nutrition, University of Tromso</p>
"""


@pytest.mark.parametrize(("text", "path"), [(REFERENCES_MD, "x.md"), (REFERENCES_HTML, "x.html")])
def test_names_in_references_and_bylines_are_not_judged(text: str, path: str, isolated) -> None:
    assert words(text, path) == ["pathogensis"]


@pytest.mark.parametrize(("text", "path"), [(REFERENCES_MD, "x.md"), (REFERENCES_HTML, "x.html")])
def test_names_in_references_are_not_judged_even_when_the_rule_reads_references(text: str, path: str,
                                                                                 isolated) -> None:
    """With ``skip: []`` the reference lines are read, but their capitalised words are names."""
    text = text.replace("Sunlight and sclerosis", "Sunlight and sclerossis")
    assert words(text, path, skip=[]) == ["pathogensis", "sclerossis"]


# -- compounds, paths, handles, e-mail -------------------------------------------------------
def test_a_compound_known_whole_or_closed_up_is_fine(isolated) -> None:
    assert words("A proto-oncogene was found.") == []  # protooncogene is a word
    assert words("A pseudo-randomised and non-invasive trial.") == []  # bound prefixes before a hyphen
    assert words("Co-codamol at night.", options={"words": ["co-codamol"]}) == []  # known whole
    assert words("A co-codamol dose.") == words("A codamol dose.")  # unknown whole: its unknown part is reported


def test_a_compound_with_an_unknown_part_reports_that_part(isolated) -> None:
    found = findings("A well-knwon and proto-oncogne fact.")
    assert [(d.column, d.message.split("'")[1]) for d in found] == [(8, "knwon"), (24, "oncogne")]
    assert found[0].fix is not None and found[0].fix.replacement == "known"


@pytest.mark.parametrize("path", ["x.md", "x.html"])
@pytest.mark.parametrize("skip", [None, []])
def test_paths_handles_and_addresses_are_not_judged(skip: list[str] | None, path: str, isolated) -> None:
    """Whether or not the rule skips code-like regions, the speller itself passes over them."""
    text = ("See /Users/jdoe/git/zorbikorg/qwertyrepo/notes for it, write to zorbik.qwerty@zorbmail.com "
            "or to @zorbikhandle, and C:\\Users\\zorbik\\qwertydocs too.\n")
    if path.endswith(".html"):
        text = f"<p>{text}</p>"
    assert words(text, path, skip=skip) == []
    assert words(text.replace("See", "See the pathogensis in"), path, skip=skip) == ["pathogensis"]


# -- suggestions ---------------------------------------------------------------------------------
def test_a_clear_suggestion_is_an_unsafe_fix(isolated) -> None:
    (d,) = findings("The hopsital was near.")
    assert d.message == "Unknown word 'hopsital'; did you mean 'hospital'?"
    assert d.fix is not None and d.fix.replacement == "hospital" and not d.fix.safe


def test_candidates_not_far_enough_apart_are_listed_with_no_fix(isolated) -> None:
    """Two one-edit candidates equally likely: neither is a fix, both are named."""
    (d,) = findings("The zorbilae dose.", options={"words": ["zorbilate", "zorbilase"]})
    assert d.message == "Unknown word 'zorbilae'; did you mean 'zorbilase' or 'zorbilate'?"
    assert d.fix is None


def test_at_most_three_candidates_are_listed(isolated) -> None:
    (d,) = findings("The zorbila dose.", options={"words": ["zorbilat", "zorbilas", "zorbilak", "zorbilam"]})
    assert d.fix is None
    assert d.message == "Unknown word 'zorbila'; did you mean 'zorbilak', 'zorbilam' or 'zorbilas'?"


def test_a_list_only_word_next_to_a_short_unknown_word_is_no_fix(isolated) -> None:
    """quinoa next to quina: a rare list entry one edit from a short word is a coincidence as
    often as the word meant; the same slip in a long word is a fix."""
    (short,) = findings("The quarbo dose.", options={"words": ["quarb"]})
    assert short.fix is None and "'quarb'" in short.message
    (long,) = findings("The zorbilte dose.", options={"words": ["zorbilate"]})
    assert long.fix is not None and long.fix.replacement == "zorbilate"


@pytest.mark.parametrize(("word", "weak"), [
    ("methylhistamine", "methylhistidine"),  # two edits
    ("gliptins", "glinting"),                # two edits
    ("teatowel", "testopel"),                # two edits; the split is listed first
])
def test_weak_suggestions_from_the_issue_are_no_fix(word: str, weak: str) -> None:
    found = Speller().suggestions(word)
    assert found.fix != weak


def test_two_edit_candidates_are_never_sure() -> None:
    speller = Speller(accept=["zorbilatexone"])
    found = speller.suggestions("zorbilatexyne")  # one edit away: sure
    assert found.fix == "zorbilatexone"
    found = speller.suggestions("zorbalatexyne")  # two edits away: listed, no fix
    assert found.candidates == ("zorbilatexone",) and found.fix is None


def test_the_margin_is_ten_times_likelier() -> None:
    """Two one-edit candidates: sure only when the first is at least MARGIN (log10) ahead."""
    assert MARGIN == 1.0 and COMMON == 100 and LONG == 8
    speller = Speller()
    assert speller.suggestions("hopsital").fix == "hospital"     # a swap: far ahead of any other
    found = speller.suggestions("exceprt")                         # except (common) and excerpt (a swap): close
    assert found.fix is None and set(found.candidates[:2]) == {"except", "excerpt"}


@pytest.mark.parametrize(("word", "split"), [("alot", "a lot"), ("infact", "in fact")])
def test_a_function_word_run_on_gets_a_split_fix(word: str, split: str, isolated) -> None:
    (d,) = findings(f"There was {word} of it.")
    assert d.message == f"Unknown word '{word}'; did you mean '{split}'?"
    assert d.fix is not None and d.fix.replacement == split


def test_two_content_words_run_together_get_a_split_suggestion_but_no_fix(isolated) -> None:
    """The speller lists 'tea towel' for teatowel but offers no fix; the rule does not report
    two known content words written solid at all (heatmap, homebound: closed compounds the
    vocabulary may lack are as common as the slip)."""
    found = Speller().suggestions("teatowel")
    assert found.candidates[:1] == ("tea towel",) and found.fix is None
    assert findings("A clean teatowel and a heatmap.") == []


def test_no_split_into_a_suffix_word_or_rare_parts() -> None:
    speller = Speller()
    assert all(" " not in c for c in speller.suggestions("zorbless").candidates)  # unit+less, zorb+less: no
    assert all(" " not in c for c in speller.suggestions("blogdowny").candidates)


def test_no_fix_and_no_suggestion_for_a_word_with_no_candidate(isolated) -> None:
    (d,) = findings("The xqzvbnwk dose.")
    assert d.message == "Unknown word 'xqzvbnwk'" and d.fix is None


def test_html_gets_the_same_suggestions(isolated) -> None:
    ds = findings("<p>There was alot of quarbo.</p>", path="x.html", options={"words": ["quarb"]})
    assert [(d.message.split("'")[1], d.fix.replacement if d.fix else None) for d in ds] == [
        ("alot", "a lot"), ("quarbo", None)]


def test_cli_fixes_only_the_sure_suggestions(tmp_path: Path, isolated) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Notes\n\nThere was alot of it in the hopsital.\n\n"
                    "The zorbilae dose, as M. F. Holick showed.\n")
    (tmp_path / ".medlint.yaml").write_text("rules:\n  spelling:\n    options:\n      words: [zorbilate, zorbilase]\n")
    runner = CliRunner()
    listed = runner.invoke(main, ["check", "--no-cache", "--select", "spelling", str(page)])
    assert listed.exit_code == 0  # warnings do not fail the run by default
    lines = [line for line in listed.output.splitlines() if "[spelling]" in line]
    assert len(lines) == 3 and "Holick" not in listed.output
    assert lines[2].endswith("Unknown word 'zorbilae'; did you mean 'zorbilase' or 'zorbilate'?")
    runner.invoke(main, ["check", "--no-cache", "--select", "spelling", "--fix", "--unsafe-fixes", str(page)])
    assert page.read_text() == ("# Notes\n\nThere was a lot of it in the hospital.\n\n"
                                "The zorbilae dose, as M. F. Holick showed.\n")


def test_a_short_word_with_a_letter_missing_is_no_fix() -> None:
    """Below SHORT letters a missing letter is as often an abbreviation (rel, vit) as a slip;
    a swap or a doubled letter still is a fix."""
    speller = Speller()
    rel = speller.suggestions("rel")
    assert rel.fix is None and rel.candidates[0] == "real"
    assert speller.suggestions("teh").fix == "the"
    assert speller.suggestions("boks").fix == "books"


# -- text that is not English prose -------------------------------------------------------

def test_a_paragraph_in_another_language_is_not_judged_word_by_word() -> None:
    """A quoted paragraph in Turkish or Spanish is correctly spelt in its language; a
    typo in an English paragraph beside it is still reported."""
    md = ("Bebeklerde D vitamini eksikliği yaygındır ve kemik gelişimini olumsuz etkiler.\n\n"
          "The guidline above was translated by the editor.\n")
    html = ("<p>Bebeklerde D vitamini eksikliği yaygındır ve kemik gelişimini olumsuz etkiler.</p>"
            "<p>The guidline above was translated by the editor.</p>")
    assert words(md) == ["guidline"]
    assert words(html, "x.html") == ["guidline"]


def test_an_english_paragraph_with_a_few_typos_is_still_judged() -> None:
    text = "The reserch team measured the calcium levles of every patient in the morning.\n"
    assert words(text) == ["reserch", "levles"]


def test_a_short_english_sentence_dense_with_typos_is_not_taken_for_another_language() -> None:
    """Half its words unknown, but each has a sure English correction: typed in haste."""
    assert words("We definately recieve the reelase today.\n") == ["definately", "recieve", "reelase"]
    assert words("<p>We definately recieve the reelase today.</p>", "x.html") == ["definately", "recieve", "reelase"]


def test_words_in_other_scripts_and_markup_attributes_are_not_judged() -> None:
    text = ("The author's name was 王小明 and the 一般情况 table followed.\n\n"
            "A link with rel=nofollow and {FOOTNOTE(sameas=12)} left in the text, and a typo: recieve.\n\n"
            'Escaped markup: rel="external nofollow"&gt; left by a converter.\n')
    assert words(text) == ["recieve"]


def test_link_text_that_is_the_targets_slug_is_a_name_not_prose() -> None:
    md = "See [what-is-nnt](/what-is-nnt/) and [quality-of-rct](https://example.org/quality-of-rct/) and [misspeled-text](/other/).\n"
    html = ('<p>See <a href="/what-is-nnt/">what-is-nnt</a> and '
            '<a href="/other/">misspeled-text</a>.</p>')
    assert words(md) == ["misspeled"]
    assert words(html, "x.html") == ["misspeled"]


def test_a_run_of_thousands_of_letters_gets_no_suggestion() -> None:
    """No word is that long; searching candidates for one exhausted memory (found in review)."""
    from medlint.medical.speller import MAX_SUGGESTED_LENGTH

    word = "a" * 5000
    found = Speller().suggestions(word)
    assert found.candidates == () and found.fix is None
    assert len(Speller().suggestions("recieve").candidates) >= 1 and MAX_SUGGESTED_LENGTH >= 30
