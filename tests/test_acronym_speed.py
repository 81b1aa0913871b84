"""The acronym rule's faster patterns (issue 23) find what the slower ones found.

Page-wide patterns now open with the capital (a character set the regex engine can skip to)
and check the word boundary behind it, instead of opening with the boundary; each case here
has a use that must still be found and one glued to a word or a hyphen that must not be."""
from __future__ import annotations

from medlint.kinds.abbrevcontext import (appositive_definitions, code_keywords, company_names, gene_symbols,
                                         introduced_terms, legend_definitions, schwartz_hearst_definitions,
                                         software_names)
from medlint.kinds.abbrevpatterns import kept
from medlint.kinds.abbrevshapes import kind_named
from medlint.kinds.abbrevsources import interface_labels, package_names
from medlint.kinds.firms import firm_names
from medlint.kinds.glosses import letters_listed, turned_name


def test_appositive_needs_a_boundary_before_the_name() -> None:
    assert appositive_definitions("We used SUNWATCH, the Global UV Index Network.") == {"SUNWATCH"}
    assert appositive_definitions("We used x-SUNWATCH, the Global UV Index Network.") == set()
    assert appositive_definitions("We used aSUNWATCH, the Global UV Index Network.") == set()


def test_software_and_company_names_at_a_word_start_only() -> None:
    assert "SAS" in software_names("Run the SAS code first.")
    assert "SAS" not in software_names("Run the xSAS code first.")
    assert "SPSS" in software_names("SPSS version 14 was used.")
    assert company_names("Kits from ZRT Labs arrived.") == {"ZRT"}
    assert company_names("Kits from QZRT Labs arrived.") == {"QZRT"}
    assert company_names("Kits from aZRT Labs arrived.") == set()
    assert firm_names("KLX is making a home test kit.") == {"KLX"}
    assert firm_names("aKLX is making a home test kit.") == set()


def test_genes_and_keywords() -> None:
    text = "The GC gene, and GC, CYP2R1 and DHCR7 genes."
    assert text.index("GC") in gene_symbols(text)
    assert gene_symbols("The xGC gene.") == set()
    sas = "In SAS, the FIRSTOBS option and the variables AGEYRS and SEXCODE; set CSTRATM as the stratum variable."
    assert {"FIRSTOBS", "AGEYRS", "SEXCODE", "CSTRATM"} <= code_keywords(sas)
    assert "FIRSTOBS" not in code_keywords("In xSAS, the FIRSTOBS option.")  # no language named: no option
    assert code_keywords("the subvariables AGEYRS and SEXCODE") == set()
    assert code_keywords("the procedure GENMOD in SAS") == {"GENMOD"}
    assert code_keywords("the subprocedure GENMOD in SAS") == set()


def test_definition_readers() -> None:
    assert legend_definitions("Abbreviations: BMI, body mass index; CI, confidence interval.") >= {"BMI", "CI"}
    assert "BMI" not in legend_definitions("x-BMI, body mass index; and more.")
    assert "MSR" in introduced_terms("MSR, with the R standing for Regression")
    assert "PV" in introduced_terms("noted by the code PV")
    assert "PV" not in introduced_terms("noted by xthe code PV")
    assert "GLMM" in schwartz_hearst_definitions("GLMM (short for Generalised Linear Mixed Model)")
    assert "GLMM" not in schwartz_hearst_definitions("xGLMM (short for Generalised Linear Mixed Model)")
    assert kind_named("The ABCD initiative promotes walking.") == {"ABCD"}
    assert kind_named("xThe ABCD initiative promotes walking.") == set()


def test_interface_and_packages() -> None:
    text = "Press the key labelled RCL, then the SAVE AS RTF button."
    assert {text.index("RCL"), text.index("SAVE"), text.index("AS"), text.index("RTF")} <= interface_labels(text)
    assert interface_labels("the key relabelled RCL") == set()
    assert package_names("the MBESS R package", []) == {"MBESS"}
    assert package_names("the xMBESS R package", []) == set()


def test_glosses() -> None:
    whole = "At the University of Leeds we met. LU is big."
    assert turned_name(whole, "LU", whole.index("LU"))
    assert not turned_name("At the-University of Leeds we met. LU is big.", "LU", 40)
    assert letters_listed("the PQRS scheme (patient, question, reason, setting)", "PQRS", {})
    assert not letters_listed("the xPQRS scheme (patient, question, reason, setting)", "PQRS", {})


def test_kept_patterns_are_compiled_once() -> None:
    assert kept(r"ab+c") is kept(r"ab+c")
    assert kept(r"abc", 2) is not kept(r"abc")


def test_letter_pattern_finds_what_the_abbreviations_own_pattern_finds() -> None:
    import re

    from medlint.kinds.abbrevpatterns import LetterPattern
    from medlint.kinds.acronyms import _near_pattern, _spelled_out, _titled_pattern
    from medlint.kinds.longforms import written_out

    text = "x-Comma Separated Values, comma separated values; Comma-Separated Values and CSV."
    own = re.compile(r"(?<![\w-])C[a-z]+[ \t]+S[a-z]+", re.I)
    one = LetterPattern(lambda refs: r"(?<![\w-])%s[a-z]+[ \t]+%s[a-z]+" % (refs[0][0], refs[1][0]), 2, re.I)
    assert list(one.spans("CS", text)) == [m.span() for m in own.finditer(text)]
    assert list(one.spans("CS", text, 30, 60)) == [m.span() for m in own.finditer(text, 30, 60)]
    assert list(one.spans("CS", text, 3, 20)) == [m.span() for m in own.finditer(text, 3, 20)] == []  # "-" before
    assert one.spans("CS", "a dotless \u0131 here") is None  # read with the abbreviation's own pattern instead
    assert next(_titled_pattern(3).spans("CSV", "the Comma Separated Values file"), None) is not None
    assert next(_titled_pattern(3).spans("CSV", "the comma separated values file"), None) is None
    survey = "National Health and Nutrition Examination"
    assert next(_titled_pattern(4).spans("NHNE", survey), None) == (0, len(survey))  # "and" skipped
    assert next(_titled_pattern(5).spans("NHANE", survey), None) == (0, len(survey))  # "and" gives its A
    assert next(_titled_pattern(5).spans("NHXNE", survey), None) is None
    assert _near_pattern(3).spans("CSV", "a comma separated values file", 0, 10) is not None
    page = "Read the comma separated values file. " + "x " * 100 + "CSV"
    assert _spelled_out(page, "CSV", page.index("CSV") - 250, {})
    assert not _spelled_out(page, "CSV", page.index("CSV") + 400, {})
    assert written_out("evidence-based medicine and evidence based medicine: EBM", "EBM", {})
    assert written_out("teaching Evidence-Based Medicine", "EBM", {})
    assert not written_out("evidence based medicine once", "EBM", {})
    assert written_out("\u017fome evidence based medicine, evidence based medicine", "EBM", {})  # the fallback


def test_letters_pattern_matches_the_abbreviations_own() -> None:
    from medlint.kinds.letterforms import _letters_pattern, _pattern, letter_long_form

    text = ("the vitamin D binding protein, a D-binding protein, T cell receptor, vitamin D on blood pressure, "
            "the Interleukin A Beta, an I Ask Boldly and vitamin K epoxide reductase.")
    for abbr in ("DBP", "TCR", "VKOR", "IAB", "DOBP", "BAI"):
        shared = _letters_pattern(len(abbr))
        found = [((m.start(shared.body) + s, m.end(shared.body) + s), [m.group("l%d" % i) for i in range(len(abbr))])
                 for m, s in shared.matches(abbr, text)]
        own = [(m.span(), [m.group("l%d" % i) for i in range(len(abbr))]) for m in _pattern(abbr).finditer(text)]
        assert found == own, abbr
    assert letter_long_form(text, "DBP") and letter_long_form(text, "TCR")
    assert not letter_long_form("what vitamin D did on blood pressure", "DBP")


def test_case_blind_openings_dispatched_on_their_first_letter() -> None:
    """_SOFTWARE_BEFORE, _ANALYSED_IN and _INTRODUCED open with a set of first letters (each
    letter in both cases, and dotless i, long s, the Kelvin sign where case-blind matching
    reads them as i, s, k), then the boundary behind it, then the words as before."""
    assert "SAS" in software_names("The model was Written in SAS.")
    assert "SAS" not in software_names("The model was xwritten in SAS.")
    assert "SAS" in software_names("\u0130nstall SAS first.")  # dotted capital I reads as i
    assert "SAS" in software_names("\u017fyntax in SAS")  # long s reads as s
    assert "SPSS" in software_names("We analysed the data in SPSS, then")
    assert "SPSS" in software_names("Using SPSS, we")
    assert "SPSS" not in software_names("xusing SPSS, we")
    assert "SSW" in introduced_terms("is denoted by SSW")
    assert "SSW" not in introduced_terms("is xdenoted by SSW")
    assert "MCW" in introduced_terms("\u212anown as MCW")  # the Kelvin sign reads as k


def test_a_long_page_is_read_with_the_abbreviations_own_pattern_and_the_same_answer(monkeypatch) -> None:
    """Past SHARED_PATTERN_CHARS the shared pattern (which copies the rest of the page for each
    match) gives way to the abbreviation's own: many rejected matches cost no more than one scan."""
    from medlint.kinds import letterforms

    pages = ["Data Base Protocol was set. " * 40,  # words only, never a letter: every match rejected
             "Data Base Protocol was set. " * 40 + "We measured the vitamin D binding protein."]
    answers = [letterforms.letter_long_form(page, "DBP") for page in pages]
    assert answers == [False, True]
    monkeypatch.setattr(letterforms, "SHARED_PATTERN_CHARS", 100)
    assert [letterforms.letter_long_form(page, "DBP") for page in pages] == answers
