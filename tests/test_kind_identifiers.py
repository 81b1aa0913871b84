"""Identifiers: a table of valid and damaged DOIs, PMIDs, PMCIDs, NCT numbers, ISBNs, ISSNs.

Each damaged case names the rule and the exact column of the damage; every
valid case must produce no diagnostic from any identifier rule.
"""
from __future__ import annotations

import pytest

from medlint import lint_text

RULES = ["doi-malformed", "doi-mismatch", "doi-resolver", "pmid-malformed", "pmcid-malformed",
         "nct-malformed", "isbn-checksum", "issn-checksum"]

VALID = [
    # DOIs of many registrants and shapes, in URLs, link text, text and HTML
    "https://doi.org/10.1111/j.1600-0404.2011.01543.x",
    "[Kampman 2011](https://doi.org/10.1111/j.1600-0404.2011.01543.x)",
    "doi:10.1111/j.1600-0404.2011.01543.x. PMID: 21711256.",
    "doi: 10.1016/S0140-6736(20)30183-5",
    "(doi:10.1016/S0140-6736(20)30183-5).",
    "https://doi.org/10.1016/0140-6736(93)90123-K",
    "https://doi.org/10.1002/(SICI)1098-1004(1999)14:1<91::AID-HUMU21>3.0.CO;2-B",
    "[paper](https://doi.org/10.1002/%28SICI%291098-1004%281999%2914%3A1%3C91%3A%3AAID-HUMU21%3E3.0.CO%3B2-B)",
    "https://doi.org/10.1002/14651858.CD007176.pub4",
    "Cochrane review doi:10.1002/14651858.CD007176.pub4; see also",
    "https://doi.org/10.5061/dryad.2rbnzs7jp",
    "DataCite: https://doi.org/10.5281/zenodo.1234567.",
    "https://doi.org/10.1038/nrd842",
    "https://doi.org/10.1136/bmj.m1966",
    "doi:10.1093/ije/dyab001,",
    "[10.1136/bmj.m1966](https://doi.org/10.1136/bmj.m1966)",
    "[doi: 10.1136/bmj.m1966](https://doi.org/10.1136/BMJ.M1966)",
    '<a href="https://doi.org/10.1136/bmj.m1966">BMJ</a>',
    '<p>doi:10.1136/bmj.m1966.</p>',
    "[ref]: https://doi.org/10.1371/journal.pmed.0020124",
    "Ioannidis JPA. PLoS Med. 2005;2(8):e124. https://doi.org/10.1371/journal.pmed.0020124.",
    "The score was 10.5/10 and 10.25/100.",
    "`https://doi.org/10.1/x.`",
    "```\ndoi:10.1/x–y\n```",
    "https://doi.org/10.1000.10/abc",
    "doi:10.1002/(SICI)1098-1004(1999)14:1&lt;91::AID-HUMU21&gt;3.0.CO;2-B",
    "**doi:10.1136/bmj.m1966**",
    "doi:10.1136/bmj.m1966<br>next line",
    # PubMed, PMC, trials
    "PMID: 21711256",
    "PMID:     21711256",
    "PMID 21711256.",
    "PMID:1",
    "https://pubmed.ncbi.nlm.nih.gov/21711256/",
    "https://www.ncbi.nlm.nih.gov/pubmed/21711256",
    "https://pubmed.ncbi.nlm.nih.gov/?term=vitamin+d",
    "PMCID: PMC1234567",
    "PMC1234567",
    "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/",
    "https://europepmc.org/article/PMC/PMC1234567",
    "NCT01234567",
    "NCT 01234567",
    "NCT: 01234567.",
    "https://clinicaltrials.gov/study/NCT01234567",
    "https://clinicaltrials.gov/ct2/show/study",
    # Books and serials
    "ISBN 978-0-306-40615-7",
    "ISBN-13: 9780306406157",
    "ISBN 0-306-40615-2",
    "ISBN-10 080442957X",
    "ISSN 0317-8471",
    "ISSN: 2049-3630",
    "eISSN 1050-124X",
]

DAMAGED = [
    # (text, rule, 1-based column of the damage)
    ("[doi: 10.1111/j.1600-0404.2011.01543.x.](https://doi.org/10.1111/j.1600-0404.2011.01543.x)", "doi-malformed", 39),
    ("[x](https://doi.org/10.1111/j.1600-0404.2011.01543.x.)", "doi-malformed", 53),
    ("<https://doi.org/10.1136/bmj.m1966.>", "doi-malformed", 35),
    ('<a href="https://doi.org/10.1136/bmj.m1966;">x</a>', "doi-malformed", 43),
    ("[x](https://doi.org/10.1136/bmj.m1966,)", "doi-malformed", 38),
    ("doi:10.1002/ana.22171\u2013x", "doi-malformed", 22),
    ("[x](https://doi.org/10.1002/ana\u201322171)", "doi-malformed", 32),
    ("doi:10.1136/bmj\u200b.m1966", "doi-malformed", 16),
    ("doi:10.1002/(SICI)1098-1004(1999)14:1&amp;lt;91::AID-HUMU21>3.0.CO;2-B", "doi-malformed", 38),
    ("[x](https://doi.org/10.12/abc)", "doi-malformed", 24),
    ("Source: doi:10.12/abc", "doi-malformed", 16),
    ("[x](https://doi.org/doi:10.1136/bmj.m1966)", "doi-malformed", 21),
    ("[x](https://doi.org/10.1136/)", "doi-malformed", 21),
    ("[x](https://doi.org/10.1136%20/bmj.m1966)", "doi-malformed", 21),
    ("[10.1136/bmj.m1967](https://doi.org/10.1136/bmj.m1966)", "doi-mismatch", 2),
    ("[https://doi.org/10.5555/one](https://doi.org/10.5555/two)", "doi-mismatch", 18),
    ("[x](http://dx.doi.org/10.1136/bmj.m1966)", "doi-resolver", 5),
    ("See http://doi.org/10.1136/bmj.m1966 now", "doi-resolver", 5),
    ('<a href="https://dx.doi.org/10.1136/bmj.m1966">x</a>', "doi-resolver", 10),
    ("PMID: 217112560", "pmid-malformed", 7),
    ("PMID: 0123456", "pmid-malformed", 7),
    ("PMID 2171125a", "pmid-malformed", 6),
    ("[x](https://pubmed.ncbi.nlm.nih.gov/123456789/)", "pmid-malformed", 37),
    ("PMCID: 1234567", "pmcid-malformed", 8),
    ("PMCID: PMC12a4567", "pmcid-malformed", 8),
    ("[x](https://www.ncbi.nlm.nih.gov/pmc/articles/PMC0123/)", "pmcid-malformed", 47),
    ("Trial NCT0123456 ended.", "nct-malformed", 7),
    ("NCT: 012345678", "nct-malformed", 1),
    ("[x](https://clinicaltrials.gov/study/NCT0123456)", "nct-malformed", 38),
    ("ISBN 978-0-306-40615-6", "isbn-checksum", 6),
    ("ISBN-10: 0-306-40615-3", "isbn-checksum", 10),
    ("ISBN 0-306-40651-2", "isbn-checksum", 6),
    ("ISSN 0317-8472", "issn-checksum", 6),
    ("eISSN: 1600-0405", "issn-checksum", 8),
]


def identifier_diagnostics(text: str, path: str = "x.md"):
    return [d for d in lint_text(text, path=path, config={}, select=RULES)]


@pytest.mark.parametrize("text", VALID)
def test_valid_identifiers_are_not_reported(text: str, isolated) -> None:
    assert identifier_diagnostics(text) == []


@pytest.mark.parametrize(("text", "rule", "column"), DAMAGED)
def test_damaged_identifiers_are_reported_at_their_column(text: str, rule: str, column: int, isolated) -> None:
    diags = identifier_diagnostics(text)
    assert [(d.rule, d.line, d.column) for d in diags] == [(rule, 1, column)]


def test_table_size() -> None:
    assert len(VALID) + len(DAMAGED) >= 60


def test_seed_like_reference_list_fix_removes_only_the_period(isolated) -> None:
    text = ("Acta Neurol Scand Suppl. 2011;(191):44-9. "
            "[doi: 10.1111/j.1600-0404.2011.01543.x.](https://doi.org/10.1111/j.1600-0404.2011.01543.x.)\n\n"
            "PMID:     21711256\n")
    diags = identifier_diagnostics(text)
    # One defect (the same DOI damaged in the link's text and its address): one finding, one fix.
    assert [d.rule for d in diags] == ["doi-malformed"]
    fix = diags[0].fix
    assert fix is not None and fix.line == fix.end_line == 1
    line = text.splitlines()[0]
    mended = line[:fix.column - 1] + fix.replacement + line[fix.end_column - 1:]
    assert mended == ("Acta Neurol Scand Suppl. 2011;(191):44-9. "
                      "[doi: 10.1111/j.1600-0404.2011.01543.x](https://doi.org/10.1111/j.1600-0404.2011.01543.x)")
    assert "trailing '.' is not part of the DOI (in the link's text and its address)" in diags[0].message


def test_damage_only_in_the_address_is_reported_there(isolated) -> None:
    diags = identifier_diagnostics("[10.1111/j.1600-0404.2011.01543.x](https://doi.org/10.1111/j.1600-0404.2011.01543.x.)\n")
    assert [(d.rule, d.column, d.fix.replacement if d.fix else None) for d in diags] == [("doi-malformed", 84, "")]


def test_dash_fix_replaces_with_hyphen(isolated) -> None:
    (d,) = identifier_diagnostics("doi:10.1002/ana\u201322171")
    assert d.fix.replacement == "-" and "U+2013" in d.message


def test_resolver_fix(isolated) -> None:
    (d,) = identifier_diagnostics("[x](http://dx.doi.org/10.1136/bmj.m1966)")
    assert d.fix.replacement == "https://doi.org/" and (d.fix.column, d.fix.end_column) == (5, 23)


def test_pmcid_fix_adds_prefix(isolated) -> None:
    (d,) = identifier_diagnostics("PMCID: 1234567")
    assert d.fix.replacement == "PMC1234567"


def test_html_and_text_files(isolated) -> None:
    html = '<p>See <a href="https://doi.org/10.1136/bmj.m1966.">the paper</a>, PMID: 0123.</p>'
    assert [d.rule for d in identifier_diagnostics(html, "x.html")] == ["doi-malformed", "pmid-malformed"]
    text = "Reference: https://doi.org/10.1136/bmj.m1966. NCT123"
    assert [d.rule for d in identifier_diagnostics(text, "x.txt")] == ["nct-malformed"]
    # Plain text does not decode entities: there, one in a DOI is damage.
    (d,) = identifier_diagnostics("doi:10.1002/(SICI)1098-1004(1999)14:1&lt;91::AID-HUMU21>3.0.CO;2-B", "x.txt")
    assert d.column == 38 and d.fix.replacement == "<"


def test_reference_definition_reported_once(isolated) -> None:
    text = "See [the paper][p] and [again][p].\n\n[p]: https://doi.org/10.1136/bmj.m1966.\n"
    diags = identifier_diagnostics(text)
    assert [(d.rule, d.line) for d in diags] == [("doi-malformed", 3)]


@pytest.mark.parametrize("text", [
    "Author. Title. Journal, Year, doi: [xx.xxxx/x.x][d].\n\n[d]: https://doi.org/xx.xxxx/x.x\n",
    "Cite as doi:10.xxxx/xxxxx in your template.",
    "https://doi.org/10.####/abc",
])
def test_a_templates_placeholder_doi_is_not_reported(text: str, isolated) -> None:
    """A form to fill in ('10.xxxx/...') is no DOI copied wrong; a real malformed one still is."""
    assert identifier_diagnostics(text) == []
    assert [d.rule for d in identifier_diagnostics("https://doi.org/11.1000/xyz " + text)] == ["doi-malformed"]
