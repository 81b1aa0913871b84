"""acronym-undefined: capitals used as a name, a title or a literal (medlint.kinds.capsnames, issue 16).

Each false-alarm class on Markdown and HTML fixtures of our own, each beside a true finding of
the same shape (an undefined abbreviation in the page's own prose) that is still reported."""
from __future__ import annotations

import pytest

from medlint import lint_text
from medlint.kinds.capsnames import format_list, product_version, quoted_value

RULE = ["acronym-undefined"]


def reported(text: str, path: str = "x.md") -> list[str]:
    return [d.message.split("'")[1] for d in lint_text(text, path=path, config={}, select=RULE)]


@pytest.mark.parametrize("text, path", [
    # a code word with its bits, a statistic's symbol in letters
    ("Without a stop bit you cannot tell QQ (11) from E (11).\n", "x.md"),
    ("<p>The limits for the YBAR chart are wide.</p>", "x.html"),
    # a coined name: capitals glued to an English word
    ("Someone asked on the QRSFORUM about consent.\n", "x.md"),
    ("<p>It is based on the older program QTPLAN from a lab.</p>", "x.html"),
    # a coined name in the plural
    ("<p>Both QRSFORUMS closed in May.</p>", "x.html"),
    # quoted values opened as code, or a run of three with no "and"
    ("Set levels = \"QZ\", \"HB\" before the plot.\n", "x.md"),
    ("<p>The codes were \"QZ\", \"HB\", \"KV\", \"TT\" in the file.</p>", "x.html"),
    # a name with a one-letter prefix; a message's sender by initials
    ("The C/QBP beta protein binds it.\n", "x.md"),
    ("<p>A post by KQ on the list gave two reasons.</p>", "x.html"),
    # software's name with one letter too many
    ("You can run a bootstrap in SPSS, then read the notes of the SPSSX class.\n", "x.md"),
    # quoted values of code, over blank lines too
    ("Make the factor:\n\nsite <- c( \"QZ\", \"QZ\", \"H\",\n\n\"H\", \"QZ\",\n\n\"QZ\", \"H\")\n", "x.md"),
    # a quoted literal in capitals and its words quoted alone
    ("A name like \"BODY HT\" is read as two names, \"BODY\" and\n\"HT\".\n", "x.md"),
    ("<p>It reads \"BODY HT\" as two names, \"BODY\" and \"HT\".</p>", "x.html"),
    # a document's code joined by slashes
    ("A note [ZQMP/EWP/1234/98][e1] covers it.\n\n[e1]: a.html\n", "x.md"),
    ("<p>The note ZQMP/EWP/1234/98 covers it.</p>", "x.html"),
    # one of a list of file formats
    ("You can save it as HTML, XRTF, PDF, or PostScript.\n", "x.md"),
    ("<p>Export it to HTML, XRTF or PDF.</p>", "x.html"),
    # a person's initials after a surname in quotation marks, and on their later use
    ("Narrowing it to \"Kovar K\" or even \"Kovar KQ\" does not help. I am the one KQ Kovar.\n", "x.md"),
    # a product's name with its version letter
    ("It runs on Mac OS X and on Linux today.\n", "x.md"),
    ("<p>It runs on Linux and Mac OS X as well.</p>", "x.html"),
    # the page's defined name written in other capitals
    ("We joined PCORnet (the Patient-Centered Outcomes Research Network). Later PCORNET grew.\n", "x.md"),
    ("<p>We joined <a href='a.html'>QRSnet\n(the Quality Research Study Network)</a>. Later QRSNET grew.</p>", "x.html"),
])
def test_name_title_or_literal_not_reported(text: str, path: str) -> None:
    assert reported(text, path) == []


@pytest.mark.parametrize("text, path, abbr", [
    # the title of a linked entry in a list of links: labellers keep an unknown body's letters there
    ("Older notes:\n\n- [Notes: the ZKD grant (May 2004)](a.html)\n- [Lift](b.html)\n", "x.md", "ZKD"),
    ("<ul><li><a href='a.html'>The ZKD grant</a></li><li><a href='b.html'>Lift</a></li></ul>", "x.html", "ZKD"),
    # a list of links, and the abbreviation in the page's own prose after it
    ("Older notes:\n\n- [Shrinkage](a.html)\n- [Lift](b.html)\n\nThe ZKD score rose in one ward.\n", "x.md", "ZKD"),
    # a list item that opens with prose, not a link
    ("Notes:\n\n- Patients with ZKD need [care](a.html)\n- [Lift](b.html)\n", "x.md", "ZKD"),
    ("<ul><li>Patients with ZKD need <a href='a.html'>care</a></li><li><a href='b.html'>Lift</a></li></ul>",
     "x.html", "ZKD"),
    # brackets with a number that is no code of bits; letters glued to no English word
    ("The ZKD (12) group did better.\n", "x.md", "ZKD"),
    ("<p>Patients in the QRSTAK arm did better.</p>", "x.html", "QRSTAK"),
    # a plural in capitals whose glued "word" is the abbreviation's plural ("...AIDS")
    ("Most people use paracetamol. QTAIDS such as ibuprofen also help.\n", "x.md", "QTAIDS"),
    ("<p>Rest helps. QVAIDS such as naproxen can upset the stomach.</p>", "x.html", "QVAIDS"),
    # lab labels quoted in prose, joined by a comma and an "and": not code's values
    ("Your printout shows \"ZKD\", \"QBP\" and \"RTV\" beside each figure.\n", "x.md", "ZKD"),
    ("<p>Your printout shows \"ZKD\", \"QBP\" and \"RTV\" beside each figure.</p>", "x.html", "ZKD"),
    # clinical shorthand "w/" (with) is no name prefix
    ("Adults w/ZKD should see the nurse yearly.\n", "x.md", "ZKD"),
    ("<p>Adults W/ZKD should see the nurse yearly.</p>", "x.html", "ZKD"),
    # a slash between two names; a post about, not by, an abbreviation
    ("<p>Both QBP/ZKD rose.</p>", "x.html", "QBP"),
    ("A post by ZKD staff went round.\n", "x.md", "ZKD"),
    # one letter more than a name the page does not use as software's
    ("<p>The NIH and the NIHR both fund it.</p>", "x.html", "NIHR"),
    # quoted values of code in the sentence, the abbreviation outside them
    ("Use c(\"QZ\", \"H\") for the ZKD sites.\n", "x.md", "ZKD"),
    ("<p>Use c(\"QZ\", \"H\") for the ZKD sites.</p>", "x.html", "ZKD"),
    # a list of conditions, not of formats
    ("Patients with ZKD, QLM, or asthma were seen.\n", "x.md", "ZKD"),
    # one slash and no number: two names, read
    ("<p>The ZQMP/EWP group met.</p>", "x.html", "ZQMP"),
    # a quoted surname alone is no name with initials
    ("Search \"Kovar\" to find the ZKD results.\n", "x.md", "ZKD"),
    # an abbreviation after a capitalised word, with no version letter
    ("Their OS was longer in Leeds than elsewhere.\n", "x.md", "OS"),
    # a mixed-case name never defined: its capitals are still read
    ("We joined PCORnet last year. Later PCORNET grew.\n", "x.md", "PCORNET"),
    # two names a swap apart, each once: the first is read
    ("See the [QNET archive](a.html) and the [QENT FAQ](b.html).\n", "x.md", "QNET"),
])
def test_own_prose_still_reported(text: str, path: str, abbr: str) -> None:
    assert abbr in reported(text, path)


def test_slip_of_a_name_reported_once() -> None:
    """The form written more often is the name and is read; its slip is not a second finding."""
    assert reported("Ask on the QNET list. The QNET archive and the QENT FAQ help.\n") == ["QNET"]
    assert reported("<p>Ask on the QNET list. The QNET archive and the QENT FAQ help.</p>", "x.html") == ["QNET"]


def test_helpers_directly() -> None:
    prose = 'x <- c("AB",\n\n"CD")'
    assert quoted_value(prose, prose.index("CD"), prose.index("CD") + 2)
    line = "Save as HTML, XRTF, PDF."
    assert format_list(line, line.index("XRTF"), line.index("XRTF") + 4, "XRTF")
    assert not format_list("Seen with ZKD, XRTF, PDF.", 15, 19, "XRTF")
    mac = "runs on Mac OS X now"
    assert product_version(mac, mac.index("OS"), mac.index("OS") + 2)
    assert not product_version("Mac OS is fine", 4, 6)


def test_cli_end_to_end(tmp_path) -> None:
    from click.testing import CliRunner

    from medlint.cli import main

    page = tmp_path / "notes.md"
    page.write_text("# Notes\n\nMake it with c(\"QRAB\", \"H\",\n\n\"QRAB\").\n\n"
                    "The ZKD score rose.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "acronym-undefined", str(page)])
    assert "notes.md:7:5" in result.output and "'ZKD'" in result.output
    assert "QRAB" not in result.output
