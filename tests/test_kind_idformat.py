"""``idformat`` (identifier-format): identifiers written non-standardly, with a safe fix and a configurable style."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint import lint_paths, lint_text
from medlint.cli import main
from medlint.config import load_config
from medlint.fix import apply_fixes

RULE = ["identifier-format"]
IDENTIFIER_RULES = ["identifier-format", "pmid-malformed", "pmcid-malformed", "nct-malformed", "doi-malformed"]


def fixed(text: str, path: str = "a.md", config: object = None) -> str:
    found = lint_text(text, path, config=config, select=RULE)
    assert all(d.fix is not None and d.fix.safe and d.severity == "info" for d in found)
    return apply_fixes(text, [d.fix for d in found])[0]


@pytest.mark.parametrize("text, expected", [
    ("PMID:     21711256\n", "PMID: 21711256\n"),
    ("See PMID 21711256 for the trial.\n", "See PMID: 21711256 for the trial.\n"),
    ("pmid:21711256.\n", "PMID: 21711256.\n"),
    ("PMID:\t21711256\n", "PMID: 21711256\n"),
    ("Full text: PMC 3166406.\n", "Full text: PMC3166406.\n"),
    ("PMCID:PMC3166406\n", "PMCID: PMC3166406\n"),
    ("Registered as NCT 01234567 and NCT-01234568.\n", "Registered as NCT01234567 and NCT01234568.\n"),
    ("doi :  10.1056/NEJMra070553\n", "doi: 10.1056/NEJMra070553\n"),
    ("DOI  10.1056/NEJMra070553\n", "DOI 10.1056/NEJMra070553\n"),
    ("[PMID 21711256](https://pubmed.ncbi.nlm.nih.gov/21711256/)\n",
     "[PMID: 21711256](https://pubmed.ncbi.nlm.nih.gov/21711256/)\n"),
])
def test_reported_and_fixed(text: str, expected: str) -> None:
    assert fixed(text) == expected


def test_html() -> None:
    assert fixed("<li>Holick MF. 2007. PMID 17634462</li>\n", "a.html") == "<li>Holick MF. 2007. PMID: 17634462</li>\n"


@pytest.mark.parametrize("text, path", [
    ("PMID: 21711256, PMCID: PMC3166406, NCT01234567\n", "a.md"),
    ("doi:10.1056/NEJMra070553 and doi: 10.1056/NEJMra070553 and DOI 10.1056/x\n", "a.md"),
    ("[abstract](https://pubmed.ncbi.nlm.nih.gov/21711256/) https://example.org/?q=PMID+21711256\n", "a.md"),
    ("`PMID 21711256` and\n\n    PMID   21711256\n", "a.md"),
    ("PMID [21711256][p]\n\n[p]: https://pubmed.ncbi.nlm.nih.gov/21711256/\n", "a.md"),  # markup in the gap
    ('<p>PMID</span> <span class="n">21711256</span></p>\n', "a.html"),
    ("available in PMC 2015 March 1.\n", "a.md"),  # an author manuscript's year
    ("A dose of PMID 12.5 mg\n", "a.md"),
    ("<code>PMID 21711256</code>\n", "a.html"),
])
def test_not_reported(text: str, path: str) -> None:
    assert lint_text(text, path, select=RULE) == []


@pytest.mark.parametrize("text, rule", [
    ("PMID 0123456\n", "pmid-malformed"),
    ("PMID:  217112560\n", "pmid-malformed"),
    ("PMCID: PMC 0123\n", "pmcid-malformed"),
    ("NCT 0123456\n", "nct-malformed"),
])
def test_damaged_identifiers_are_left_to_the_malformed_rules(text: str, rule: str) -> None:
    assert [d.rule for d in lint_text(text, "a.md", select=IDENTIFIER_RULES)] == [rule]


def _config(tmp: Path, options: str) -> object:
    path = tmp / ".medlint.yaml"
    path.write_text("rules:\n  identifier-format:\n    options: " + options + "\n")
    return load_config(path)


def test_doi_link_style(isolated: Path) -> None:
    config = _config(isolated, "{doi: link}")
    assert fixed("Source: doi: 10.1056/NEJMra070553.\n", "a.md", config) == \
        "Source: https://doi.org/10.1056/NEJMra070553.\n"
    assert fixed("<p>doi:10.1056/NEJMra070553</p>\n", "a.html", config) == \
        '<p><a href="https://doi.org/10.1056/NEJMra070553">https://doi.org/10.1056/NEJMra070553</a></p>\n'
    # already a link: its text and address are left alone
    assert lint_text("[doi: 10.1056/x](https://doi.org/10.1056/x)\n", "a.md", config=config, select=RULE) == []


def test_doi_label_and_pmid_styles(isolated: Path) -> None:
    config = _config(isolated, "{doi: label, doi_label: 'DOI: {}', pmid: 'PMID:{}'}")
    assert fixed("doi:10.1056/NEJMra070553 PMID: 21711256\n", "a.md", config) == "DOI: 10.1056/NEJMra070553 PMID:21711256\n"


def test_a_template_without_its_placeholder_is_refused(isolated: Path) -> None:
    (isolated / ".medlint.yaml").write_text("rules:\n  identifier-format:\n    options: {pmid: 'PMID'}\n")
    (isolated / "a.md").write_text("PMID 21711256\n")
    result = CliRunner().invoke(main, ["check", "--no-cache", "a.md"])
    assert result.exit_code == 2 and "pmid" in result.output and "Traceback" not in result.output


def test_fix_end_to_end(isolated: Path) -> None:
    page = isolated / "refs.md"
    page.write_bytes(b"\xef\xbb\xbfRefs\r\n\r\nHolick MF. 2007. PMID:     17634462\r\nPMC 3166406\r\n")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "identifier-format", "--fix", "refs.md"])
    assert result.exit_code == 0, result.output
    assert page.read_bytes() == b"\xef\xbb\xbfRefs\r\n\r\nHolick MF. 2007. PMID: 17634462\r\nPMC3166406\r\n"


def test_the_compact_pmid_form_passes_under_the_default_style(tmp_path: Path) -> None:
    """'PMID:17634462' is how many journals print it: the same identifier, not a style slip."""
    page = tmp_path / "refs.md"
    page.write_text("Holick MF. N Engl J Med. 2007. PMID:17634462\n\nAnd PMID:    17634462 pasted.\n")
    report = lint_paths([str(page)], select=["identifier-format"])
    assert [d.line for d in report] == [3]


def test_doi_links_in_html_are_escaped_once_and_never_nested() -> None:
    cfg = {"rules": {"identifier-format": {"options": {"doi": "link"}}}}
    text = '<p>doi:10.1000/a&amp;b</p>\n<p><a href="x">doi: 10.1000/abc</a></p>\n'
    found = lint_text(text, path="x.html", config=cfg, select=["identifier-format"])
    assert [d.line for d in found] == [1]
    fixed, _ = apply_fixes(text, [d.fix for d in found])
    assert '<a href="https://doi.org/10.1000/a&amp;b">https://doi.org/10.1000/a&amp;b</a>' in fixed


@pytest.mark.parametrize("template", ["{x} {}", "PMID: {}}", "{0} {}", "{:>5}{}"])
def test_a_template_with_other_braces_is_a_config_error(template: str, tmp_path: Path) -> None:
    (tmp_path / ".medlint.yaml").write_text(f'rules: {{identifier-format: {{options: {{pmid: "{template}"}}}}}}\n')
    (tmp_path / "a.md").write_text("PMID 123\n")
    result = CliRunner().invoke(main, ["check", "--select", "identifier-format", str(tmp_path / "a.md"),
                                       "--config", str(tmp_path / ".medlint.yaml")])
    assert result.exit_code == 2 and "no other braces" in result.output and "Traceback" not in result.output
