"""The four style rules below the precision bar (issue 16): text the page did not write
(papers pasted without markers, transcripts, quoted passages), specific reports
("the studies showed"), dated or cited "recent", colons followed by headings,
abbreviations spelt out without brackets or defined on the site's glossary page.
Each heuristic on Markdown and HTML fixtures of our own; the true cases still reported."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint import lint_text
from medlint.cli import main
from medlint.document import Document
from helpers import FIXTURES

PAGES = FIXTURES / "precision"
RULES = ["acronym-undefined", "date-stale", "sensational-language", "dangling-colon"]


def found(text: str, rules: list[str], path: str = "x.md", config: dict | None = None) -> list[tuple[int, str, str]]:
    return [(d.line, d.rule, d.message) for d in lint_text(text, path=path, config=config or {}, select=rules)]


def quoted(text: str, path: str = "x.md") -> list[str]:
    doc = Document.from_text(text, path=path)
    return [doc.prose_of(r.start, r.end) for r in doc.regions if r.kind == "quotation"]


# -- reproduced papers, transcripts, quoted passages ----------------------------------------

@pytest.mark.parametrize("name", ["reproduced.md", "reproduced.html"])
def test_only_the_pages_own_comment_is_read(name: str, isolated) -> None:
    """A review pasted without a marker (its reference numbers), an interview, a paper under
    its PubMed title: none of it is the page's; the page's own comment still is."""
    text = (PAGES / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    comment = next(i for i, line in enumerate(lines, 1) if "Recently we found" in line)
    findings = found(text, RULES, name)
    assert sorted({(line, rule) for line, rule, _ in findings}) == [(comment, "date-stale"),
                                                                      (comment, "sensational-language")]


@pytest.mark.parametrize("text, path", [
    ("## Muscle\n\nFalls fell.[12] The VDR is in muscle (13, 14).\n\nMore work followed.<sup>15</sup> And (16).\n\n"
     "## Mine\n\nOur view.\n", "x.md"),
    ("<h2>Muscle</h2><p>Falls fell.<sup>12</sup> The VDR is in muscle (13, 14).</p>"
     "<p>More work followed.<sup>15</sup> And (16).</p><h2>Mine</h2><p>Our view.</p>", "x.html"),
    ("One long paragraph of a review: falls fell.12 Then receptors were found.13,14 Doses varied.15 Our view.\n", "x.md"),
])
def test_paper_prose_is_recognised_by_its_reference_numbers(text: str, path: str) -> None:
    found_quotes = quoted(text, path)
    assert any("VDR" in q or "receptors were found" in q for q in found_quotes)
    assert not any(q.strip() == "Our view." for q in found_quotes)


@pytest.mark.parametrize("text", [
    "We cite our sources in footnotes.[^1] And one more.[^2]\n\nAnother paragraph.[^3]\n\n[^1]: A.\n[^2]: B.\n[^3]: C.\n",
    "Take 1,000 IU (25 micrograms) daily, and (2) eat fish.\n\nSee the table (1) and the figure.\n",
])
def test_the_writers_own_footnotes_and_enumerations_are_not_paper_prose(text: str) -> None:
    assert quoted(text) == []


@pytest.mark.parametrize("text, path", [
    ("**DM**: Does it work?\n\n**KB**: Studies show it does.\n\n**DM**: Really?\n\n**KB**: Yes, it is a miracle.\n", "x.md"),
    ("<p><b>Host</b>: Does it work?</p><p><b>Guest</b>: Studies show it does.</p>"
     "<p><b>Host</b>: Really?</p><p><b>Guest</b>: Yes, it is a miracle.</p>", "x.html"),
])
def test_a_transcript_is_the_speakers_words(text: str, path: str, isolated) -> None:
    assert any("Studies show it does." in q for q in quoted(text, path))
    assert found(text, ["sensational-language"], path) == []


@pytest.mark.parametrize("text", [
    "**HEP**: home exercise program\n\n**EGD**: esophagogastroduodenoscopy\n",
    "**Dose**: 1,000 IU.\n\n**Source**: the trial.\n\n**Dose**: 2,000 IU.\n\n**Source**: the review.\n",
    "Note: one.\n\nNote: two.\n\nEmail: a@b.org\n\nEmail: c@d.org\n",
])
def test_glossaries_and_labels_are_not_transcripts(text: str) -> None:
    assert quoted(text) == []


@pytest.mark.parametrize("text, path", [
    ("## Papers\n\n#### Vitamin D and falls in nursing homes: a randomised trial.\n\nRecent trials found more.\n\n"
     "## Our comment\n\nMine.\n", "x.md"),
    ("<h4>Vitamin D and falls in nursing homes: a randomised trial.</h4><p>Recent trials found more.</p>"
     "<h5>Our comment</h5><p>Mine.</p>", "x.html"),
])
def test_a_section_under_a_pubmed_title_is_the_papers_and_ends_at_the_next_heading(text: str, path: str) -> None:
    found_quotes = quoted(text, path)
    assert any("Recent trials found more." in q for q in found_quotes)
    assert not any("Mine." in q for q in found_quotes)


@pytest.mark.parametrize("title", ["## Dosing", "## What to take, etc.", "## Why take it..."])
def test_a_heading_of_the_pages_own_is_no_paper_title(title: str) -> None:
    assert quoted(f"{title}\n\nRecent trials found more.\n") == []


@pytest.mark.parametrize("text, path", [
    ("The Surgeon General states that\n\n*For a conclusion that smoking is proven to cause a disease, the evidence "
     "must be strong.*\n\nMine.\n", "x.md"),
    ("<p>The BMJ wrote:</p><p><em>Studies show a miracle cure for everything we know of.</em></p><p>Mine.</p>",
     "x.html"),
])
def test_an_italic_passage_after_states_that_is_quoted(text: str, path: str, isolated) -> None:
    assert found(text, ["sensational-language"], path) == []
    mine = text.replace("Mine.", "This tea is a miracle.")
    assert len(found(mine, ["sensational-language"], path)) == 1


def test_an_italic_paragraph_of_the_pages_own_is_read() -> None:
    assert quoted("A paragraph.\n\n*This page is not medical advice: see your doctor before you start.*\n") == []


# -- sensational-language ---------------------------------------------------------------

@pytest.mark.parametrize("text, path", [
    ("The studies showed links with diabetes.", "x.md"),
    ("Three out of 5 (60.0%) prospective studies showed a higher risk.", "x.md"),
    ("<p>Two studies showed a protective effect while three did not.</p>", "x.html"),
    ("Both trials showed a benefit.", "x.md"),
    ("The Luck Paradox: Why Accidents, Miracles and Strange Events Occur Every Week.", "x.md"),
])
def test_specific_studies_and_titles_are_no_hype(text: str, path: str, isolated) -> None:
    assert found(text, ["sensational-language"], path) == []


@pytest.mark.parametrize("text, path", [
    ("Many studies have shown that vitamin D prevents MS.", "x.md"),
    ("<p>Studies show that vitamin D prevents MS.</p>", "x.html"),
    ("This miracle supplement fixes everything.", "x.md"),
    ("Research shows it works, and this is a breakthrough.", "x.md"),
])
def test_unnamed_studies_and_hype_are_still_reported(text: str, path: str, isolated) -> None:
    assert len(found(text, ["sensational-language"], path)) >= 1


# -- date-stale -------------------------------------------------------------------------
OLD = "---\ntitle: Vitamin D and bones\ndate: 2011-07-08\n---\n"


@pytest.mark.parametrize("body, path", [
    ("Recent trials found fewer falls (Smith et al., 2010).", "x.md"),
    ("Recent trials found fewer falls.[4]", "x.md"),
    ("<p>Recent trials found fewer falls.<sup>4</sup></p>", "x.html"),
    ("See [Recent trials agree on falls](/posts/recent-trials-agree-on-falls).", "x.md"),
    ("<p>See <a href='/posts/recent-trials-agree-on-falls'>Recent trials agree on falls</a>.</p>", "x.html"),
])
def test_a_dated_or_cited_recent_is_not_stale(body: str, path: str, isolated) -> None:
    assert found(OLD + body, ["date-stale"], path) == []


@pytest.mark.parametrize("path", ["x.md", "x.html"])
def test_a_page_whose_title_names_a_year_dates_its_recent(path: str, isolated) -> None:
    body = "Recent papers on falls." if path.endswith(".md") else "<p>Recent papers on falls.</p>"
    titled = OLD.replace("Vitamin D and bones", "News for December 2010")
    assert found(titled + body, ["date-stale"], path) == []
    assert len(found(OLD + body, ["date-stale"], path)) == 1


@pytest.mark.parametrize("body", [
    "Until recently, [spam](https://example.org/spam) was rare.",
    "A [recently published article](https://example.org/journal/123) discusses it.",
    "Recent trials found fewer falls; see https://example.org/trial.",
])
def test_a_link_does_not_date_recent(body: str, isolated) -> None:
    """A link may point anywhere, and link text that is the writer's own sentence is the page's."""
    assert len(found(OLD + body, ["date-stale"])) == 1


# -- dangling-colon ---------------------------------------------------------------------

@pytest.mark.parametrize("text, path", [
    ("## Groups\n\nThe countries fall into two groups:\n\n## 1st group\n\n* One\n\n## 2nd group\n\n* Two\n", "x.md"),
    ("<h2>Groups</h2><p>The countries fall into two groups:</p><h2>1st group</h2><ul><li>One</li></ul>", "x.html"),
    ("Topics of interest for submission include:\n\n### Preventive care\n\nText.\n", "x.md"),
])
def test_a_colon_announcing_the_next_headings_is_not_dangling(text: str, path: str, isolated) -> None:
    assert found(text, ["dangling-colon"], path) == []


@pytest.mark.parametrize("text, path", [
    ("## Dosing\n\nThe three doses compared were:\n", "x.md"),
    ("## Dosing\n\nThe three doses compared were:\n\n<!-- the list was lost -->\n", "x.md"),
    ("<h2>Dosing</h2><div><p>The three doses compared were:</p></div></body>", "x.html"),
])
def test_a_colon_that_ends_the_page_is_dangling(text: str, path: str, isolated) -> None:
    assert len(found(text, ["dangling-colon"], path)) == 1


# -- acronym-undefined ------------------------------------------------------------------

@pytest.mark.parametrize("text, path", [
    ("The National Health and Nutrition Examination Survey is large. Later NHANES data agree.", "x.md"),
    ("<p>Save it as a comma separated values file. The CSV opens anywhere.</p>", "x.html"),
    ("Read files with the SPSS Data Driver.", "x.md"),
    ("<p>See the NIST Engineering Statistics Handbook.</p>", "x.html"),
    ("Joint Statistical Meetings, August 2003, Indianapolis IN.", "x.md"),
    ("Such folks get virtually NO vitamin D from the sun.", "x.md"),
    ("Pryce CL (1), Dunmore ND (2,3).", "x.md"),
    ("<p>Shah SM1, Muhairi S2, Naqbi M2.</p>", "x.html"),
])
def test_abbreviations_spelt_out_named_or_not_abbreviations(text: str, path: str, isolated) -> None:
    assert found(text, ["acronym-undefined"], path) == []


@pytest.mark.parametrize("text, path", [
    ("People with CIS often need care.", "x.md"),
    ("Patients can increase symptoms with CIS.", "x.md"),
    ("<p>I write to the IRB daily.</p>", "x.html"),  # SPSS is a name its maker never expands (ignore)
    ("Measure PTH. Then measure it again.", "x.md"),
    ("We tested MO in mice.", "x.md"),
])
def test_undefined_abbreviations_are_still_reported(text: str, path: str, isolated) -> None:
    assert len(found(text, ["acronym-undefined"], path)) == 1


# -- site_definitions -------------------------------------------------------------------

def _check_site(folder: Path, *args: str) -> list[dict]:
    import os

    here = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", "--select",
                                           "acronym-undefined", *args, "content"])
    finally:
        os.chdir(here)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


def test_site_definitions_read_the_sites_glossary_pages(tmp_path: Path) -> None:
    """CIS and DXA are on the glossary page, PTH in the About page's Abbreviations section;
    BMD and SPPB are defined on the About page's Team section, which is no glossary."""
    site = tmp_path / "site"
    shutil.copytree(PAGES / "glossary-site", site)
    findings = _check_site(site)
    reported = sorted((f["path"].rsplit("/", 1)[-1], f["message"].split("'")[1]) for f in findings)
    assert reported == [("scans.html", "BMD"), ("scans.html", "SPPB"), ("scans.md", "BMD"), ("scans.md", "SPPB")]
    # Off, every abbreviation the page itself does not define is reported.
    (site / ".medlint.yaml").write_text("site:\n  content_root: content\n", encoding="utf-8")
    off = {f["message"].split("'")[1] for f in _check_site(site) if f["path"].endswith("scans.md")}
    assert off == {"CIS", "DXA", "PTH", "SPPB", "BMD"}


def test_a_changed_glossary_is_read_again(tmp_path: Path) -> None:
    """The results cache depends on the glossary pages: a definition removed there is seen."""
    import os
    import time

    site = tmp_path / "site"
    shutil.copytree(PAGES / "glossary-site", site)
    here = os.getcwd()
    os.chdir(site)
    try:
        def names() -> set[str]:
            result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "acronym-undefined",
                                               "--cache-dir", str(tmp_path / "cache"), "content/articles/scans.md"])
            return {f["message"].split("'")[1] for f in json.loads(result.output)}

        assert names() == {"BMD", "SPPB"}
        time.sleep(1.1)
        glossary = site / "content" / "glossary.md"
        glossary.write_text(glossary.read_text(encoding="utf-8").replace("* **CIS**: clinically isolated syndrome\n", ""),
                            encoding="utf-8")
        time.sleep(1.1)
        assert names() == {"BMD", "SPPB", "CIS"}
    finally:
        os.chdir(here)


def test_site_definitions_is_an_option_of_the_rule(tmp_path: Path) -> None:
    (tmp_path / ".medlint.yaml").write_text("rules:\n  acronym-undefined: {options: {site_definitions: maybe}}\n",
                                            encoding="utf-8")
    (tmp_path / "a.md").write_text("Low BMD.\n", encoding="utf-8")
    import os

    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["check", "--no-cache", "a.md"])
    finally:
        os.chdir(here)
    assert result.exit_code == 2 and "site_definitions" in result.output


@pytest.mark.parametrize("text, path", [
    ("Lin Haoran 1,2,\u2021,\n\nB. K. Ravichandran 2,3,*\n\nWe measured.\n", "x.md"),
    ("<p>Lin Haoran 1,2,\u2021,</p><p>B. K. Ravichandran 2,3,*</p><p>We measured.</p>", "x.html"),
])
def test_one_author_per_line_with_affiliation_marks_is_a_byline(text: str, path: str) -> None:
    doc = Document.from_text(text, path=path)
    bylines = [doc.prose_of(r.start, r.end) for r in doc.regions if r.kind == "byline"]
    assert any("Lin Haoran" in b for b in bylines) and any("Ravichandran" in b for b in bylines)
    assert not any("We measured" in b for b in bylines)
    assert [r for r in Document.from_text("The Trial (2)\n\nTable 1 (2)\n").regions if r.kind == "byline"] == []


@pytest.mark.parametrize("text, path", [
    ("A reader wrote:\n\n*I am a doctor, and this book is great for anyone at all.*\n\n"
     "*The Lancet has recently published a book on research methods.*\n\nMine.\n", "x.md"),
    ("<p>A reader wrote:</p><p><em>I am a doctor, and this book is great for anyone at all.</em></p>"
     "<p><em>The Lancet has recently published a book on research methods.</em></p><p>Mine.</p>", "x.html"),
])
def test_a_quoted_italic_passage_goes_on_in_the_next_italic_paragraph(text: str, path: str) -> None:
    found_quotes = quoted(text, path)
    assert any("recently published" in q for q in found_quotes) and not any(q.strip() == "Mine." for q in found_quotes)


@pytest.mark.parametrize("path", ["x.md", "x.html"])
def test_a_reference_entry_with_initials_first_and_its_abstract_is_a_reference(path: str) -> None:
    entry = ("A survey of grading tools. R. Dunlevy, K. M. Ostrowska, T. Hale-Prescott, V. Menon. "
             "BMC Med Res Methodol 2009: 9(1); 41. " + "BACKGROUND: Readers use tools to judge research reports. " * 8)
    text = entry if path.endswith(".md") else f"<p>{entry}</p>"
    doc = Document.from_text(text, path=path)
    assert any(r.kind == "reference" and r.end - r.start > 400 for r in doc.regions)


# -- pasted papers, reviews and reports without a quotation marker (issue 16, third round) ----

@pytest.mark.parametrize("name", ["pasted.md", "pasted.html"])
def test_pasted_papers_are_quoted_and_the_sites_own_text_is_read(name: str, isolated) -> None:
    """A paper under its header (journal line, authors) and its own next heading, a report
    announced by a lead line that ends its section, a chapter abstract under a bare list of
    its authors: none of it is the page's. The page's own "Recently I...", its "as of 2012"
    count in its reading list (after a horizontal rule and a heading naming the writer's
    summary), and an unhedged hype word about a treatment still are; a journal's title,
    quoted words, clinical senses and hype about a book are not."""
    text = (PAGES / name).read_text(encoding="utf-8")
    lines = text.splitlines()

    def line_of(snippet: str) -> int:
        return next(i for i, line in enumerate(lines, 1) if snippet in line)

    findings = {(line, rule) for line, rule, _ in found(text, ["date-stale", "sensational-language"], name)}
    assert findings == {(line_of("Recently the site added"), "date-stale"),
                        (line_of("Recently I started"), "date-stale"),
                        (line_of("120 items as of May 2012"), "date-stale"),
                        (line_of("revolutionary treatment"), "sensational-language")}


@pytest.mark.parametrize("text, path", [
    ("## Cohort\n\nIn this cohort we measured serum levels in 412 adults and found that sleep latency was longer in "
     "the deficient, and recent trials agree with the association that the earlier cohorts described at length.\n",
     "x.md"),
    ("<h2>Cohort</h2><p>The association held after adjustment (OR 1.8, 95% CI 1.2-2.6), recent work by Smith et al. "
     "found the same in a larger sample of adults followed for many years in two countries.</p>"
     "<p>Latency was longer in the deficient (p &lt; 0.01), and the effect grew with age in every subgroup that the "
     "authors examined, including the oldest adults in care homes.</p>", "x.html"),
])
def test_a_section_in_a_papers_voice_is_quoted(text: str, path: str) -> None:
    """Its authors' "we measured ... and found", or statistics and "et al." in its long paragraphs."""
    assert any("recent" in q for q in quoted(text, path))


@pytest.mark.parametrize("text", [
    "## My view\n\nI think the cohort where we found that latency was longer (p < 0.01) is weak, and recent trials "
    "disagree with it; you should read them before changing what you take every night.\n",
    "## Cohort\n\nRecently we found that studies show less.\n",
])
def test_the_writers_own_section_is_no_paper_however_it_cites(text: str) -> None:
    assert quoted(text) == []


def test_a_unit_written_I_U_is_not_the_writer_speaking() -> None:
    """"40 I U" (international units) does not end a reproduced paper's run of sections."""
    text = ("## A paper\n\nSleep Letters 2012, 4:17\n\nMaria K. Novak, Peter J. Lund\n\n"
            "## Dosing\n\nThe children received 400 I U daily, and recent trials used more.\n")
    assert any("recent trials" in q for q in quoted(text))


@pytest.mark.parametrize("body", [
    "[New Study Shows Vitamin D Helps Sleep](https://example.org/news/story)",
    "[14X more took vitamin D as of 2006](/posts/more-took-vitamin-d-by-2006)",
    "See the series Recent Results Cancer Res for more.",
    "The paper said \"recent trials agree\".",
    "Patients with recent lesions, recent MRIs or a recent birth, and those currently pregnant, were excluded.",
])
def test_titles_quoted_words_and_clinical_senses_are_not_stale(body: str, isolated) -> None:
    assert found(f"---\ntitle: x\ndate: 2011-07-08\n---\n{body}\n", ["date-stale"]) == []


@pytest.mark.parametrize("body", [
    "[11 papers cited this study as of Dec 2012](https://scholar.example.org/cites)",
    "Recent research by Harvard Medical School found more.",
    "Currently the evidence is weak.",
])
def test_the_pages_own_stale_words_are_still_reported(body: str, isolated) -> None:
    assert [rule for _, rule, _ in found(f"---\ntitle: x\ndate: 2011-07-08\n---\n{body}\n", ["date-stale"])] == [
        "date-stale"]


@pytest.mark.parametrize("text, flagged", [
    ("A revolutionary book on sleep appeared in 2006.", False),
    ("The talk drew on the ground-breaking article by Wilson.", False),
    ("This is a revolutionary treatment for insomnia.", True),
    ("Studies show it works.", True),
])
def test_hype_about_a_book_or_article_is_no_health_claim(text: str, flagged: bool, isolated) -> None:
    assert bool(found(text, ["sensational-language"])) is flagged


@pytest.mark.parametrize("heading", ["See also", "Comments by the editor"])
def test_a_carried_paper_ends_at_the_sites_own_heading(heading: str) -> None:
    text = ("## A paper\n\nSleep Letters 2012, 4:17\n\nMaria K. Novak, Peter J. Lund\n\n## Methods\n\n"
            f"Adults were followed.\n\n## {heading}\n\nRecent posts on sleep are listed here.\n")
    found_quotes = quoted(text)
    assert any("Adults were followed." in q for q in found_quotes)
    assert not any("Recent posts" in q for q in found_quotes)


@pytest.mark.parametrize("text, path", [
    ("---\ntitle: x\ndate: 2011-07-08\n---\n## A trial\n\nSleep Letters 2012, 4:17\n\nMaria K. Novak, Peter J. Lund\n\n"
     "Adults took vitamin D daily for a year and slept better than those given placebo in every age group studied.\n\n"
     "---\n\n## Summary by the site\n\nThey took 4,000 IU daily. Recently the site added 12 items. It had 40 as of May 2012.\n",
     "x.md"),
    ("---\ntitle: x\ndate: 2011-07-08\n---\n<h2>A trial</h2><p>Sleep Letters 2012, 4:17</p>"
     "<p>Maria K. Novak, Peter J. Lund</p><p>Adults took vitamin D daily for a year and slept better than those given "
     "placebo in every age group studied.</p><hr>\n<h2>Summary by the site</h2>"
     "<p>They took 4,000 IU daily. Recently the site added 12 items. It had 40 as of May 2012.</p>\n", "x.html"),
])
def test_the_pages_comment_on_a_pasted_paper_is_its_own_but_its_doses_are_the_papers(text: str, path: str,
                                                                                   isolated) -> None:
    doc = Document.from_text(text, path=path)
    assert any("They took 4,000 IU" in doc.prose_of(r.start, r.end) for r in doc.regions if r.kind == "commentary")
    assert not any("They took" in q for q in quoted(text, path))
    rules = [rule for _, rule, _ in found(text, ["date-stale", "dose-needs-citation"], path)]
    assert rules == ["date-stale", "date-stale"]


# -- second pass: what the reader can date, and more text the page reproduced ----------------

@pytest.mark.parametrize("body, path", [
    ("A recently published article:\n\n- **Search engines for clinicians.** Novak M. Sleep Lett 2005: 17(2); 14-9.\n",
     "x.md"),
    ("I wanted any recent references about sleep.\n\nLund, Peter (2005). Sleep in the young. Sleep Letters, 4, 1-9.\n",
     "x.md"),
    ("<p>A recent letter to the editor,</p><ul><li>Novak M, Lund P. Sleep and light. Sleep Lett 2005;17:14-9.</li></ul>",
     "x.html"),
])
def test_recent_over_the_citation_it_speaks_of_is_dated(body: str, path: str, isolated) -> None:
    """The reader sees the year in the citation right after the publication 'recent' names."""
    assert found(OLD + body, ["date-stale"], path) == []


@pytest.mark.parametrize("body", [
    "A recently published article says more.\n\nIt is worth reading.\n",
    "The guideline helps avoid the recent controversies about research.\n\n"
    "Novak M, Lund P. Sleep and light. Sleep Lett 2005;17:14-9.\n",
])
def test_recent_with_no_citation_or_about_something_else_is_still_stale(body: str, isolated) -> None:
    assert len(found(OLD + body, ["date-stale"])) == 1


@pytest.mark.parametrize("note, path", [
    ("Note: This page is obsolete. I now use other software.\n\n", "x.md"),
    ("Note 2024-05-28: some links here are dead. You may still find the historical perspective helpful.\n\n", "x.md"),
    ("<p>This page is out of date and kept for the record.</p>", "x.html"),
])
def test_a_page_that_says_it_is_obsolete_warns_its_reader(note: str, path: str, isolated) -> None:
    body = "<p>I upgraded the program recently.</p>" if path.endswith(".html") else "I upgraded the program recently.\n"
    assert found(OLD + note + body, ["date-stale"], path) == []
    assert len(found(OLD + body, ["date-stale"], path)) == 1


@pytest.mark.parametrize("body, stale", [
    ("That could work if one were starting a new trial.", False),
    ("Plan a new study with care.", False),
    ("A new trial found fewer falls.", True),
    ("That option exists only in the most recent version.", False),
    ("The most recent studies agree.", True),
])
def test_a_fresh_study_or_the_newest_version_is_no_time_claim(body: str, stale: bool, isolated) -> None:
    assert bool(found(OLD + body + "\n", ["date-stale"])) is stale


@pytest.mark.parametrize("title, stale", [
    ("Webinars on sleep - 2013", False),
    ("Sleep conference in York - April 2014", False),
    ("Sleep news for 2012", True),            # 'as of 2013' is after the year the title names
    ("Sleep talk (created October 18, 2013)", True),  # a creation date, not the subject's
    ("Sleep and light", True),
])
def test_as_of_the_year_a_page_is_titled_for_is_its_date(title: str, stale: bool, isolated) -> None:
    text = f"---\ntitle: {title}\ndate: 2013-06-18\n---\nSpeakers as of June 2013 are listed below.\n"
    assert bool(found(text, ["date-stale"])) is stale


@pytest.mark.parametrize("text, path", [
    ("## Light and sleep\n\n#### Press Release by the Sleep Society\n\nThe clinic currently sees 300 patients.\n\n"
     "## Our view\n\nMine.\n", "x.md"),
    ("<h2>Light and sleep</h2><h4>Press Release by the Sleep Society</h4><p>The clinic currently sees 300 patients.</p>"
     "<h2>Our view</h2><p>Mine.</p>", "x.html"),
    ("## Video captions - in English\n\n* The clinic currently sees 300 patients.\n\n## Our view\n\nMine.\n", "x.md"),
    ("## Biographies\n\n### Maria Novak\n\nThe clinic currently sees 300 patients.\n\n## Our view\n\nMine.\n", "x.md"),
    ("## Light and sleep\n\nJuly 26, 2011 \u2014 The clinic currently sees 300 patients.\n\n## Our view\n\nMine.\n",
     "x.md"),
    ("<h4>Conclusion (extracted from PDF)</h4><p>The clinic currently sees 300 patients.</p>"
     "<h4>Our view</h4><p>Mine.</p>", "x.html"),
])
def test_press_releases_captions_biographies_and_news_stories_are_quoted(text: str, path: str) -> None:
    found_quotes = quoted(text, path)
    assert any("currently sees 300" in q for q in found_quotes)
    assert not any("Mine." in q for q in found_quotes)


@pytest.mark.parametrize("text, path", [
    ("## Readers\n\n#### Email description to the site Sept 2013\n\nThe clinic currently sees 300 patients.\n\n"
     "#### Our view\n\nMine.\n", "x.md"),
    ("## Reply by Dr. Novak to the mailing list\n\nThe clinic currently sees 300 patients.\n\n## Our view\n\nMine.\n",
     "x.md"),
    ("<h2>Sleep Miracle: A Special Interview with Maria Novak</h2><p>The clinic currently sees 300 patients.</p>"
     "<h2>Our view</h2><p>Mine.</p>", "x.html"),
    ("### From [http://sleep.example.org/](http://sleep.example.org/)\n\nThe clinic currently sees 300 patients.\n\n"
     "### Our view\n\nMine.\n", "x.md"),
])
def test_emails_replies_interviews_and_posts_from_an_address_are_quoted(text: str, path: str) -> None:
    found_quotes = quoted(text, path)
    assert any("currently sees 300" in q for q in found_quotes)
    assert not any("Mine." in q for q in found_quotes)


@pytest.mark.parametrize("heading", ["## Biography", "## Sleep news for May 2011", "## Light and sleep",
                                     "## Letter to my doctor", "## Responses to light vary"])
def test_the_writers_own_sections_are_not_taken_for_reproduced_ones(heading: str) -> None:
    assert quoted(f"{heading}\n\nThe clinic currently sees 300 patients.\n") == []


@pytest.mark.parametrize("text, path", [
    ("**DM**: Does it work?\n\n**KB**: Yes.\n\nA report came out recently that studies have shown it.\n\n"
     "**DM**: Really?\n\n**KB**: Yes.\n\n## My comment\n\nStudies have shown nothing of the kind.\n", "x.md"),
    ("<p><b>Host</b>: Does it work?</p><p><b>Guest</b>: Yes.</p><p>A report came out recently that studies have "
     "shown it.</p><p><b>Host</b>: Really?</p><p><b>Guest</b>: Yes.</p><h2>My comment</h2>"
     "<p>Studies have shown nothing of the kind.</p>", "x.html"),
])
def test_a_speakers_turn_goes_on_in_the_paragraphs_after_it(text: str, path: str, isolated) -> None:
    found_quotes = quoted(text, path)
    assert any("A report came out recently" in q for q in found_quotes)
    assert not any("nothing of the kind" in q for q in found_quotes)
    assert [rule for _, rule, _ in found(text, ["sensational-language"], path)] == ["sensational-language"]


def test_a_papers_header_with_run_together_affiliations_heads_its_abstract() -> None:
    affiliations = ", ".join(f"{n} Department of Sleep Medicine, University of Town{n}, Country" for n in range(1, 6))
    text = ("## Sleep: beyond bed\n\nMaria Novak,1 Peter Lund,2 Anna Berg,3 Jon Kay,4 and Eva Holm5\n\n"
            f"{affiliations}\n\nAddress for correspondence: annals@example.org\n\n"
            "In recent years, sleep has received increased attention because of the resurgence of deficiency and "
            "the identification of effects beyond rest, suggesting unexpected benefits for many organs.\n")
    assert any("In recent years" in q for q in quoted(text))


@pytest.mark.parametrize("lead, copied", [
    ("A copy of a blog post at [the sleep blog](https://example.org/)", True),
    ("A copy of the article is attached below.", False),
])
def test_a_line_saying_a_copy_of_a_post_follows_leads_a_quotation(lead: str, copied: bool) -> None:
    text = f"{lead}\n\nHi all,\n\nNew guidelines now advise 2,000 IU for adults.\n"
    assert any("New guidelines" in q for q in quoted(text)) is copied


def test_a_section_that_says_it_is_a_version_of_an_email_is_the_emails() -> None:
    text = ("This is a web version of an email by Maria Novak on April 9, 1999 to a mailing list. "
            "I tidied the layout a little; the ideas are all hers.\n\n"
            "**Reading papers.** Start from the most recent issue and you will find recently published ideas.\n")
    assert any("recently published ideas" in q for q in quoted(text))


def test_an_abbreviation_followed_by_a_roman_numeral_is_no_writer() -> None:
    text = ("## Methods\n\nRats were fed.3\n\n## Results\n\nOne confirmed report of VDDR I exists in cats,71,72 and "
            "recent research found more.4\n")
    assert any("recent research found more" in q for q in quoted(text))


@pytest.mark.parametrize("text, flagged", [
    ("A tech firm set up a lab with a long-shot chance of curing cancer within 15 years.", False),
    ("Note: Curing cancer would add about 3 years to average life expectancy.", False),
    ("Studies show that vitamin D would prevent MS.", True),
    ("This diet cures diabetes and would save money.", True),
])
def test_a_goal_or_a_hypothetical_is_no_hype(text: str, flagged: bool, isolated) -> None:
    assert bool(found(text, ["sensational-language"])) is flagged


def test_a_carried_paper_resumes_under_its_introduction_after_the_pages_links() -> None:
    text = ("## Sleep and light\n\nSleep Letters 2012, 4:17\n\nMaria K. Novak, Peter J. Lund\n\n## Methods\n\n"
            "Adults were followed.\n\n## See also\n\n* [Sleep](/sleep)\n* [Light](/light)\n\n## Introduction\n\n"
            "Recently the guideline was revised.\n")
    found_quotes = quoted(text)
    assert any("Recently the guideline was revised." in q for q in found_quotes)
    assert not any("Light" in q for q in found_quotes)  # the page's own links between them


def test_recent_against_old_is_a_comparison(isolated) -> None:
    assert found(OLD + "Recent but not old lesions healed.\n", ["date-stale"]) == []
    assert len(found(OLD + "Recent trials healed lesions.\n", ["date-stale"])) == 1
