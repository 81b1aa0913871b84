"""acronym-undefined: the heuristics of medlint.kinds.abbrevsources (issue 16).

Each false-alarm class on a Markdown and an HTML fixture of our own, each beside a true
finding of the same shape that is still reported."""
from __future__ import annotations

import pytest

from medlint import lint_text
from medlint.kinds.abbrevsources import (capital_slip, cited_work, credited_source, device_name, ecg_wave,
                                         in_italic_extract, interface_labels, journal_named, package_names,
                                         parts_spelled_out)

RULE = ["acronym-undefined"]


def reported(text: str, path: str = "x.md") -> list[str]:
    return [d.message.split("'")[1] for d in lint_text(text, path=path, config={}, select=RULE)]


EXTRACT_MD = ("My duties were set down in two points.\n\n"
              "*1. Duty: advise on study design for the wards and help the teams with plans and every kind of "
              "data question.*\n\n"
              "*2. Duty: analyse the data on projects of the ZPH clinics and write the reports for the board "
              "each quarter.*\n")
EXTRACT_HTML = ("<p>The leaflet ended like this:</p>"
                "<p><em>Families will get clear figures from now on, and the QXR will not rank wards by raw death "
                "counts again this year.</em></p>")


@pytest.mark.parametrize("text, path", [
    # a run of italic paragraphs, or one after a colon: an extract
    (EXTRACT_MD, "x.md"),
    (EXTRACT_HTML, "x.html"),
    # a cited work by full names: its title is the source's
    ("Maria Lopez. Fast fitting with QLAP models. Available in [html format](https://example.org/q).", "x.md"),
    ("<ul><li>Anna Berg, Tomas K. Lind. Counting Methods for Rare Events, 3rd edition, Hall/QRX.</li></ul>", "x.html"),
    ("- **Stopping Rules in Practice.** Oskar Vale, Ines M. Roth (2001) Leeds: Hall/QRX.", "x.md"),
    # a long form made of the abbreviation's parts, near its use
    ("Use a CUSUM chart: plot the cumulative sum of the deviations from target.", "x.md"),
    ("<p>Read about <a href='a.html'>Analysis of Means charts</a>. Then draw ANOM charts.</p>", "x.html"),
    # software packages
    ("The QWERTS R package fits it in one line.", "x.md"),
    ("Three packages do this:\n\n+ [qbar](https://e.org/a)\n+ [QWERTS](https://e.org/b)\n", "x.md"),
    ("<p>Some programs for scans include</p><ul><li><a href='https://e.org/v'>VOXTOOL</a></li>"
     "<li><a href='https://e.org/b'>BrainKit</a></li></ul>", "x.html"),
    # interface labels
    ("Choose CHARTS | HISTOGRAM from the menu bar.", "x.md"),
    ("<p>Press the key labelled RCL or MRX to recall the number.</p>", "x.html"),
    # a source credited after a dash
    ("+ 72% of trials start late -- ZQRS\n+ 10% never start -- Acme\n", "x.md"),
    # a device's format
    ("<p>Back up the spare SIM card before you flash it.</p>", "x.html"),
    # a slip of the shift key
    ("AS we found, the fit is poor.", "x.md"),
    # the letters of an electrocardiogram's waves
    ("Infants with a long QT interval were screened.", "x.md"),
    ("<p>The ST segment rose in two leads.</p>", "x.html"),
    # a label in capitals before its control's noun
    ("Drag it out of the KEEP THESE ITEMZ field.", "x.md"),
    # a structured abstract pasted whole
    ("Abstract: BACKGROUND: Drug QZ7 lowers plaque. METHODS: We gave it to 40 people with RXD. RESULTS: Plaque fell.",
     "x.md"),
    ("<p>OBJECTIVE: To test a QXR score.</p><p>DESIGN: A cohort of 300 adults.</p>", "x.html"),
    # a name broken by hard wrapping after the token
    ("Three reviews in the QXR\nJournal Club agree on this.", "x.md"),
    # a journal in a short citation or as an article's source
    ("Two sources agree: Hale et\nal 2003 QJMS and a later trial.", "x.md"),
    ("<p>See the details in a <a href='https://e.org/j'>JXYZ article</a>.</p>", "x.html"),
    # an abbreviation spelled by parts near one use is defined for the page
    ("A CUSUM chart adds up errors: the cumulative sum of them.\n\n" + "Filler words here. " * 40
     + "\n\nThe CUSUM chart again.", "x.md"),
])
def test_not_reported(text: str, path: str, isolated) -> None:
    assert reported(text, path) == []


@pytest.mark.parametrize("text, path, expected", [
    # one italic paragraph with no lead-in colon is the writer's own aside
    ("Some thoughts.\n\n*Note: the QXR board meets monthly and reviews every protocol in turn with all members "
     "present.*\n", "x.md", ["QXR"]),
    # a sentence that names a person, with no sign of a work
    ("<p>Maria Lopez. She chairs the QXR panel.</p>", "x.html", ["QXR"]),
    # letters that merely share a word's opening, far from a long form
    ("Our KUSUM plan failed.", "x.md", ["KUSUM"]),
    # an organisation in a sentence about software, not a list item
    ("Some packages need approval from the QXR, which is slow.", "x.md", ["QXR"]),
    # a value in a menu sentence with no path
    ("<p>Select the QXR option to continue.</p>", "x.html", ["QXR"]),
    # a dash inside a sentence
    ("The trial -- QXR funded -- ran late.", "x.md", ["QXR"]),
    # ankylosing spondylitis at a sentence's start
    ("AS patients often report back pain.", "x.md", ["AS"]),
    ("<p>I work at UMKC and chair the IRB.</p>", "x.html", ["UMKC", "IRB"]),
    # capitals before "interval" that are no wave letters; a journal's letters with no citation
    ("The QXR interval was short.", "x.md", ["QXR"]),
    ("<p>The QXR report was sent.</p>", "x.html", ["QXR"]),
    # a token that ends its sentence before a new line, or ends its block
    ("We asked the QXR.\nThen we waited.", "x.md", ["QXR"]),
    ("- We asked the QXR\n- Then came March", "x.md", ["QXR"]),
    # one label in a paragraph of the writer's own is no abstract
    ("Our aim was simple. RESULTS: the QXR grew.", "x.md", ["QXR"]),
    # one word in capitals before a control's noun that is an organisation's field
    ("<p>The IRB field was blank.</p>", "x.html", ["IRB"]),
    # the abbreviation written in lower case is no long form ("Cusums matter" is not CU-SU-M)
    ("Cusums matter to the CUSUM method.", "x.md", ["CUSUM"]),
])
def test_still_reported(text: str, path: str, expected: list[str], isolated) -> None:
    assert reported(text, path) == expected


def test_italic_extract_needs_a_run_or_a_colon() -> None:
    text = "Intro.\n\n*" + " ".join(["word"] * 16) + " QXR.*\n"
    blocks = [(0, 6), (8, len(text) - 1)]
    assert not in_italic_extract(text, text, blocks, 1, text.index("QXR"))
    text2 = "Intro:\n\n*" + " ".join(["word"] * 16) + " QXR.*\n"
    assert in_italic_extract(text2, text2, [(0, 6), (8, len(text2) - 1)], 1, text2.index("QXR"))
    short = "Intro:\n\n*Three words QXR.*\n"
    assert not in_italic_extract(short, short, [(0, 6), (8, len(short) - 1)], 1, short.index("QXR"))


def test_cited_work_signs() -> None:
    one = "Ravi Nair. Odds and ends of QLAP. Available at https://example.org."
    assert cited_work(one, (0, len(one)))
    bare = "Ravi Nair. Odds and ends of QLAP."
    assert not cited_work(bare, (0, len(bare)))  # one name and a title, no sign of a work
    two = "Ravi Nair, Jo Park. Odds and ends of QLAP."
    assert cited_work(two, (0, len(two)))
    year = "Counting things. Ravi Nair, Jo B. Park (1999) Oslo: Norli."
    assert cited_work(year, (0, len(year)))
    assert not cited_work(two, None)


def test_parts_spelled_out() -> None:
    assert parts_spelled_out("a cumulative sum chart and the CUSUM", "CUSUM", 31)
    assert parts_spelled_out("the Analysis of Means and ANOM", "ANOM", 26)
    assert not parts_spelled_out("as a rule, ASAP", "ASA", 11)  # three letters: not tried
    assert not parts_spelled_out("an old map; ANOM", "ANOM", 12)  # "an" gives no opening part
    assert not parts_spelled_out("the CUSUM chart", "CUSUM", 4)  # the abbreviation alone


def test_package_names_and_labels() -> None:
    prose = "Tools for this include\n+ QWERTS\n+ Other one\nThe ZPH R library too."
    blocks = [(0, 22, "paragraph"), (23, 31, "list-item"), (32, 43, "list-item"), (44, len(prose), "paragraph")]
    assert package_names(prose, blocks) == {"QWERTS", "ZPH"}
    labels = interface_labels("Choose File > Export PDF, then the key marked DEL.")
    assert labels == {21, 46}  # PDF in the path, DEL by its label


def test_single_use_signs() -> None:
    line = "+ 9% of sites fail -- ZQRS\n"
    assert credited_source(line, line.index("ZQRS"), line.index("ZQRS") + 4)
    assert device_name("SIM card", 3) and not device_name("SIM trial", 3)
    assert capital_slip("Fine. IN the end it held.", 6, 8)
    assert not capital_slip("Fine. IN patients it held.", 6, 8)
    assert ecg_wave("a QRS complex", 2, 5) and not ecg_wave("a QRS score", 2, 5)
    assert journal_named("Hale et al. (2003) QJMS", 19, 23) and not journal_named("Hale 2003 QJMS", 10, 14)
