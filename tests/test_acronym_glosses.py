"""acronym-undefined: long forms given in shapes other than brackets (issue 16, kinds/glosses.py).

A wrapped line between the long form and "or ABBR", a name turned round by "of", a
mixed-case name with its long form in brackets, a stated meaning, a letter dropped from a
defined abbreviation in the same sentence. Each fixture stands beside a true undefined
abbreviation of the same shape, which is still reported, in Markdown and in HTML."""
from __future__ import annotations

import pytest

from medlint import lint_text
from medlint.kinds.glosses import (_WRAP, compound_adjacent, glossed, letters_listed, mixed_case_defined, shortened_form,
                                   turned_name)

RULE = ["acronym-undefined"]
#: Enough words to put a later use out of reach of the windows around a long form.
FILLER = " ".join(["Our nurses also keep a diary of every visit, call and letter in the ward."] * 6)


def reported(text: str, path: str = "x.md") -> list[str]:
    return [d.message.split("'")[1] for d in lint_text(text, path=path, config={}, select=RULE)]


def html(*paragraphs: str) -> str:
    return "<html><body>" + "".join("<p>%s</p>\n" % p for p in paragraphs) + "</body></html>"


def test_long_form_wrapped_before_or() -> None:
    text = ("Pupils had hearing loss (in short, ear nose and\nthroat or ENT trouble) this term.\n\n"
            + FILLER + "\n\nThe ENT clinic opened in May.\n")
    assert "ENT" not in reported(text)
    assert "ENT" not in reported(html("Pupils had hearing loss (in short, ear nose and\nthroat or ENT trouble).",
                                      FILLER, "The ENT clinic opened in May."), "x.html")


def test_wrapped_words_that_do_not_spell_it_are_no_definition() -> None:
    text = "Pupils with sore\nthroats or ENT trouble stayed home.\n\n" + FILLER + "\n\nThe ENT clinic opened in May.\n"
    assert "ENT" in reported(text)
    assert "ENT" in reported(html("Pupils with sore\nthroats or ENT trouble stayed home.", FILLER,
                                  "The ENT clinic opened in May."), "x.html")


def test_a_new_paragraph_or_list_item_is_not_joined() -> None:
    text = "We saw ear nose and throat cases\n\nor ENT cases.\n\n" + FILLER + "\n\nThe ENT clinic opened.\n"
    assert "ENT" in reported(text)


def test_name_turned_round_by_of() -> None:
    text = "Last spring I taught at the School of Dentistry. I met the DS staff today and they were kind.\n"
    assert reported(text) == []
    assert reported(html(text), "x.html") == []
    assert turned_name("the University of Leeds and then LU", "LU", 30)


def test_turned_name_needs_capitals_and_its_letters() -> None:
    text = "Last spring I taught at the school of dentistry. I met the DS staff today and they were kind.\n"
    assert reported(text) == ["DS"]
    assert reported(html(text), "x.html") == ["DS"]
    assert reported("The School of Dentistry opened. I met the SR staff today and they were kind.\n") == ["SR"]
    assert not turned_name("the University of Leeds and then UL", "UL", 30)  # the letters in the written order


def test_mixed_case_name_with_its_long_form() -> None:
    text = "The CAREnet (Clinical Audit Registry Exchange network) pools records. Sites in CARENET report monthly.\n"
    assert reported(text) == []
    assert reported(html(text), "x.html") == []


def test_mixed_case_name_without_a_long_form() -> None:
    text = "The CAREnet pools records. Sites in CARENET report monthly.\n"
    assert reported(text) == ["CARENET"]
    assert reported(html(text), "x.html") == ["CARENET"]
    assert not mixed_case_defined("CARENET (the registry) and CARENET", "CARENET")  # written in capitals only


def test_stated_meaning() -> None:
    assert reported("On our ward, BLT stands for the morning huddle before rounds.\n") == []
    assert reported(html("On our ward, BLT means bedside liaison team, the morning huddle."), "x.html") == []
    assert reported("On our ward, BLT means the bedside liaison team.\n") == []


def test_no_stated_meaning() -> None:
    assert reported("On our ward, BLT stands out as the longest meeting.\n") == ["BLT"]
    # "means" followed by words that do not spell it: what the thing means, not what it stands for
    assert reported(html("On our ward, BLT means well but runs long."), "x.html") == ["BLT"]


@pytest.mark.parametrize("text, path", [
    ("Your nurse will check your QPR first. A raised QPR means your kidneys are under strain,\n"
     "and a low one is rarely a worry.\n", "x.md"),
    ("<html><body><p>Your nurse will check your QPR first. A raised QPR means your kidneys are under strain, "
     "and a low one is rarely a worry.</p></body></html>", "x.html"),
])
def test_what_a_result_means_is_no_definition(text: str, path: str) -> None:
    """"A raised QPR means your kidneys ...": the consequence of a result, not the letters' long form."""
    assert reported(text, path) == ["QPR"]
    spelled = text.replace("A raised QPR means your kidneys", "Here QPR means quantified plasma renin; a raised one means kidneys")
    assert reported(spelled, path) == []


def test_a_blank_line_is_no_wrapped_line() -> None:
    """A paragraph break is not a wrap: the join leaves blank lines (and lines of spaces) alone,
    so a page without wrapped lines is not re-read joined."""
    assert _WRAP.sub(" ", "One line.\n\nAnother.\n   \nA third.") == "One line.\n\nAnother.\n   \nA third."
    assert _WRAP.sub(" ", "ear nose and\nthroat or ENT") == "ear nose and throat or ENT"
    cache: dict[str, object] = {}
    page = "We saw ear nose and throat cases.\n\nThe QVD clinic opened.\n"
    glossed(page, "QVD", page.index("QVD"), cache)
    assert cache["unwrapped"] == page
    spaced = "We saw ear nose and throat cases\n  \nor ENT cases.\n\n" + FILLER + "\n\nThe ENT clinic opened.\n"
    assert "ENT" in reported(spaced)
    assert "ENT" in reported(html("We saw ear nose and throat cases", "or ENT cases.", FILLER, "The ENT clinic opened."),
                             "x.html")


def test_a_letter_added_to_a_defined_abbreviation_is_not_explained() -> None:
    text = "Sunlight holds ultraviolet (UV) light; UVA reaches deep skin and UVB burns it.\n"
    assert reported(text) == ["UVA", "UVB"]
    assert reported(html(text), "x.html") == ["UVA", "UVB"]


def test_one_letter_more_than_a_defined_abbreviation_alone() -> None:
    text = "We measured creatine kinase (CK) in every patient. Those with CKD had higher values.\n"
    assert reported(text) == ["CKD"]
    assert reported(html(text), "x.html") == ["CKD"]
    assert not shortened_form("creatine kinase (CK) and CKD", "CKD", 21, {})
    assert shortened_form("a PQRST (patient, question, reason, setting, time), or a PQRS", "PQRS", 56, {})


def test_letter_dropped_from_a_defined_abbreviation_in_the_same_sentence() -> None:
    text = ("Write the question as a PQRST (patient, question, reason, setting, time); "
            "with no time limit it is just a PQRS.\n")
    assert "PQRS" not in reported(text)
    assert "PQRS" not in reported(html(text), "x.html")
    far = ("Write the question as a PQRST (patient, question, reason, setting, time).\n\n"
           + FILLER + "\n\nA PQRS is enough for a pilot.\n")
    assert "PQRS" in reported(far)
    assert "PQRS" in reported(html(far.split("\n\n")[0], FILLER, "A PQRS is enough for a pilot."), "x.html")


@pytest.mark.parametrize("text", [
    "People with COPD often get breathless. Sites in the Department of Pulmonary Care, Ohio keep notes.\n",
    "Patients with DBP above 90 were seen at the Office of Blood Pressure clinic.\n",
])
def test_ordinary_words_are_no_gloss(text: str) -> None:
    assert reported(text)


def test_letter_dropped_from_an_abbreviation_only_defined() -> None:
    text = "Staff of the Kent Royal Northern Infirmary (KRNI) and of the KRI campus may apply.\n"
    assert reported(text) == ["KRI"]
    assert reported(html(text), "x.html") == ["KRI"]
    assert not shortened_form("Staff of the Royal Northern Infirmary (RNIX) and the RNX campus", "RNX", 60, {})


def test_letters_listed_one_by_one() -> None:
    text = ("We frame each audit with the PQRS scheme (patient, question, reason, and setting).\n\n"
            + FILLER + "\n\nWhen no setting applies, the PQRS is really a PQR.\n")
    assert reported(text) == []
    assert reported(html(text.split("\n\n")[0], FILLER, "When no setting applies, the PQRS is really a PQR."),
                    "x.html") == []
    assert letters_listed("the PQRS scheme: patient, question, reason, setting.", "PQRS", {})


def test_a_list_that_does_not_spell_the_letters() -> None:
    text = "We frame each audit with the PQRS scheme (patient, reason, and setting).\n"
    assert reported(text) == ["PQRS"]
    assert reported(html(text), "x.html") == ["PQRS"]
    assert not letters_listed("the PQRS scheme (patients who question the reason for a setting)", "PQRS", {})


def test_compound_words_spell_it_by_their_parts() -> None:
    text = "We ran an electromyogram, or EMG, on each arm.\n\n" + FILLER + "\n\nThe EMG was normal.\n"
    assert reported(text) == []
    assert reported(html("We ran an electromyogram, or EMG, on each arm.", FILLER, "The EMG was normal."),
                    "x.html") == []
    assert compound_adjacent("IHC - immunohistochemistry", "IHC")


def test_compound_word_that_does_not_hold_the_letters() -> None:
    text = "We ran an electrocardiogram, or EMG, on each arm.\n\n" + FILLER + "\n\nThe EMG was normal.\n"
    assert reported(text) == ["EMG"]
    assert reported(html("We ran an electrocardiogram, or EMG, on each arm.", FILLER, "The EMG was normal."),
                    "x.html") == ["EMG"]
    assert not compound_adjacent("the operation or OPR", "OPR")  # "p" opens no part: no linking vowel before it
    assert not compound_adjacent("the electromyogram EMG", "EMG")  # nothing joins them
