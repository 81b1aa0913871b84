"""Regions: what kind of text each span is (reference, quotation, definition, byline, code-like),
on Markdown and HTML; generator syntax never prose; rules choosing regions with ``skip:``."""
from __future__ import annotations

from pathlib import Path

import pytest

from medlint import lint_text
from medlint.document import Document
from medlint.errors import ConfigError
from medlint.regions import REGION_KINDS, defined_abbreviations
from helpers import FIXTURES

PAGES = FIXTURES / "regions"


def regions(path: Path) -> dict[str, list[str]]:
    text = path.read_text(encoding="utf-8")
    doc = Document.from_text(text, path=path.name)
    out: dict[str, list[str]] = {kind: [] for kind in REGION_KINDS}
    for r in doc.regions:
        out[r.kind].append(" ".join(doc.prose_of(r.start, r.end).split()))
    return out


def covered(found: list[str], snippet: str) -> bool:
    return any(snippet in text for text in found)


@pytest.mark.parametrize("name", ["page.md", "page.html"])
def test_each_region_on_markdown_and_html(name: str) -> None:
    found = regions(PAGES / name)
    assert covered(found["byline"], "Jane Doe, RN")
    assert covered(found["quotation"], "A quoted trial gave 10,000 IU per day.")
    assert covered(found["reference"], "Okafor MF, Lindqvist NC. Assessing low vitamin D in clinics.")
    assert covered(found["definition"], "SNR")
    assert covered(found["definition"], "PTH")
    assert covered(found["code-like"], "/Users/jane/git/site")
    # The page's own prose is in no region.
    assert not any(covered(spans, "Our own text about bone") for spans in found.values())


def test_markdown_abstract_labels_glossary_lines_and_encoded_text() -> None:
    found = regions(PAGES / "page.md")
    assert covered(found["quotation"], "RESULTS: Recent studies show fewer falls.")
    assert covered(found["definition"], "EGD = esophagogastroduodenoscopy")
    assert covered(found["definition"], "**HEP**: home exercise program")
    assert covered(found["code-like"], "2000%20IU") and covered(found["code-like"], "@janedoe")
    assert covered(found["reference"], "M. F. Okafor, Low vitamin D in winter, N Engl J Med 2012;366:101-9.")


def test_html_abstract_heading_and_q() -> None:
    found = regions(PAGES / "page.html")
    assert covered(found["quotation"], "Recent trials found fewer fractures.")
    assert covered(found["quotation"], "recent studies show fewer falls")


@pytest.mark.parametrize("name", ["page.md", "page.html"])
def test_definitions_anywhere_on_the_page(name: str) -> None:
    text = (PAGES / name).read_text(encoding="utf-8")
    defined = defined_abbreviations(Document.from_text(text, path=name))
    assert {"BMD", "SNR", "PTH"} <= set(defined)


@pytest.mark.parametrize("text, abbr", [
    ("Signal matters (Signal to Noise Ratio: SNR).", "SNR"),
    ("Use DEET (diethyltoluamide) on skin.", "DEET"),
    ("Bone mineral density (BMD) falls.", "BMD"),
    ("BMD (bone mineral density) falls.", "BMD"),
    ("* EGD = esophagogastroduodenoscopy", "EGD"),
    ("**HEP**: home exercise program", "HEP"),
    ("| CIS | clinically isolated syndrome |\n|---|---|", "CIS"),
])
def test_definition_forms(text: str, abbr: str) -> None:
    assert abbr in defined_abbreviations(Document.from_text(text))


@pytest.mark.parametrize("text", [
    "Low BMD (2019) was seen.",          # a year is no long form
    "Ask about BMD (Smith et al.) now.",  # nor a citation
    "RESULTS: BMD fell.",                 # an abstract label is no glossary line
])
def test_not_definitions(text: str) -> None:
    assert "BMD" not in defined_abbreviations(Document.from_text(text)) and "RESULTS" not in defined_abbreviations(
        Document.from_text(text))


def test_a_prose_sentence_citing_a_paper_is_not_a_reference() -> None:
    text = "Holick and colleagues (2007) found that vitamin D matters for bone in older adults.\n"
    doc = Document.from_text(text)
    assert [r for r in doc.regions if r.kind == "reference" and r.end - r.start > 20] == []


def test_inline_citations_are_references() -> None:
    text = "As Chung et al. (28) showed, and (Smith and Jones, 2019) agreed; see Integr Cancer Ther 2012;11:293-9.\n"
    doc = Document.from_text(text)
    refs = [text[r.start:r.end] for r in doc.regions if r.kind == "reference"]
    assert "Chung et al. (28)" in refs and "(Smith and Jones, 2019)" in refs
    assert any("Integr Cancer Ther 2012;11:293-9" in r for r in refs)


GENERATOR = """# Title {#top .main}

A figure {: #fig-x data-title="Bone density chart"} and [a link](https://example.org){rel=external}.
{{< toc >}} and {{% note %}}Take care{{% /note %}} and {{< figure src="x.png" caption="Sclerostin levels" >}}
{% include sidebar.html %} and {{ page.title }} and {# a Jinja comment #}.

!!! warning "Take care"
    The body of the note is prose.

Braces in prose {like these} stay prose.
"""


def test_generator_syntax_is_never_prose() -> None:
    doc = Document.from_text(GENERATOR)
    for syntax in ("{#top .main}", '{: #fig-x data-title="Bone density chart"}', "{rel=external}", "{{< toc >}}",
                   "{{% note %}}", '{{< figure src="x.png" caption="Sclerostin levels" >}}',
                   "{% include sidebar.html %}", "{{ page.title }}", "{# a Jinja comment #}", "!!! warning"):
        at = GENERATOR.index(syntax)
        assert doc.prose[at:at + len(syntax)].strip() == "", syntax
    for prose in ("Take care", "The body of the note is prose.", "{like these}"):
        at = GENERATOR.index(prose)
        assert doc.prose[at:at + len(prose)] == prose
    assert lint_text(GENERATOR, config={}, select=["spelling", "acronym-undefined"]) == []


# -- skip: in rule files and the config ---------------------------------------------------

def test_skipped_regions_keep_offsets_exact(isolated) -> None:
    text = "> Studies show it helps.\n\nStudies show it works.\n"
    found = lint_text(text, config={}, select=["sensational-language"])
    assert [(d.line, d.column) for d in found] == [(3, 1)]
    # The config can read every region again (skip: []) or skip more.
    again = lint_text(text, config={"rules": {"sensational-language": {"skip": []}}}, select=["sensational-language"])
    assert [(d.line, d.column) for d in again] == [(1, 3), (3, 1)]


def test_a_finding_from_raw_text_in_a_skipped_region_is_dropped(isolated) -> None:
    text = "## References\n\n1. Smith J. See [click here](https://example.org).\n"
    assert [d.rule for d in lint_text(text, config={}, select=["link-text-vague"])] == ["link-text-vague"]
    cfg = {"rules": {"link-text-vague": {"skip": ["reference"]}}}
    assert lint_text(text, config=cfg, select=["link-text-vague"]) == []


def test_skip_names_region_kinds(tmp_path: Path, isolated) -> None:
    with pytest.raises(ConfigError, match="skip"):
        lint_text("x", config={"rules": {"spelling": {"skip": ["footnotes"]}}})
    rule = tmp_path / "r.yaml"
    rule.write_text("id: r\nkind: pattern\nseverity: info\nmessage: m\nskip: [abstract]\noptions: {tokens: [x]}\n")
    from medlint.ruleset import load_rule_file

    with pytest.raises(ConfigError, match=r"r.yaml:5: skip"):
        load_rule_file(rule)


def test_dose_in_a_quotation_is_sourced(isolated) -> None:
    quoted = "## Abstract\n\nParticipants took 10,000 IU per day.\n\n## Our view\n\nTake 10,000 IU per day.\n"
    found = lint_text(quoted, config={}, select=["dose-needs-citation"])
    assert [d.line for d in found] == [7]


def test_a_reproduced_paper_is_quoted() -> None:
    text = ("# A trial\n\nOur summary: take more.\n\n## 1. Introduction\n\nRecent work found more.\n\n"
            "## 2. Methods\n\nWe measured.\n\n## Our comment\n\nTake more.\n")
    doc = Document.from_text(text)
    quoted = [doc.prose_of(r.start, r.end) for r in doc.regions if r.kind == "quotation"]
    assert any("Recent work found more." in q for q in quoted) and any("We measured." in q for q in quoted)
    assert not any("Our summary" in q or "Take more." in q for q in quoted)
    html = "<h2>Introduction</h2><p>Recent work.</p><h2>Discussion</h2><p>We argue.</p><h2>Ours</h2><p>Mine.</p>"
    doc = Document.from_text(html, path="x.html")
    quoted = [doc.prose_of(r.start, r.end) for r in doc.regions if r.kind == "quotation"]
    assert any("Recent work." in q for q in quoted) and not any("Mine." in q for q in quoted)
    # One such heading is not a paper.
    doc = Document.from_text("## Introduction\n\nRecent work.\n")
    assert [r for r in doc.regions if r.kind == "quotation"] == []


@pytest.mark.parametrize("text, path", [
    ("## A trial\n\nNutrients 2013;5(7):2502-21. doi:10.3390/nu5072502\n\nKennel KA, Drake MT, Smith J.\n\n"
     "Recent work found more.\n\n## Our view\n\nMine.\n", "x.md"),
    ("<h2>A trial</h2><p>Curr Opin Care. 2013 Sep;7(3):272-7.</p><p>Recent work found more.</p><h2>Ours</h2><p>Mine.</p>",
     "x.html"),
    ("## A trial\n\nObjective\n\nTo test.\n\nConclusion\n\nRecent work found more.\n\n## Our view\n\nMine.\n", "x.md"),
])
def test_an_abstract_after_its_citation_or_bare_labels_is_quoted(text: str, path: str) -> None:
    doc = Document.from_text(text, path=path)
    quoted = [doc.prose_of(r.start, r.end) for r in doc.regions if r.kind == "quotation"]
    assert any("Recent work found more." in q for q in quoted) and not any("Mine." in q for q in quoted)


def test_an_abstract_after_its_authors_affiliations_is_quoted() -> None:
    text = ("## Sun and skin\n\nSong EJ, Mason RS.\n\nDepartment of Physiology, University of Sydney, Australia.\n\n"
            "Our previous studies have shown more.\n\n## Our view\n\nMine.\n")
    doc = Document.from_text(text)
    assert any(r.kind == "byline" and "University of Sydney" in text[r.start:r.end] for r in doc.regions)
    quoted = [doc.prose_of(r.start, r.end) for r in doc.regions if r.kind == "quotation"]
    assert any("Our previous studies" in q for q in quoted) and not any("Mine." in q for q in quoted)


def test_a_wiki_template_is_not_generator_syntax() -> None:
    doc = Document.from_text("Left over: {{broken}} and {{page.title}}.\n")
    assert "{{broken}}" in doc.prose and "page.title" not in doc.prose


def test_a_biography_sentence_naming_a_university_is_not_an_affiliation() -> None:
    text = ("Jane Doe earned a PhD in Biology from the University of Leeds in 1994.\n\n"
            "She is currently working at the hospital.\n")
    doc = Document.from_text(text)
    assert [r.kind for r in doc.regions if r.kind in ("byline", "quotation")] == []


def test_a_reference_entry_with_its_abstract_is_a_reference() -> None:
    abstract = " ".join(["Firm evidence of such bias is so far limited to single case reports."] * 12)
    text = f"Sim I, Owens DK, Lavori PW. Electronic trial banks. Med Decis Making. 2000;20(4):440-50. {abstract}\n"
    doc = Document.from_text(text)
    assert any(r.kind == "reference" and r.end - r.start > 500 for r in doc.regions)


def test_a_plain_notes_section_is_the_writers_own_prose() -> None:
    """"Notes" is where a writer comments; only Endnotes and Footnotes are reference lists."""
    from medlint.document import Document

    def kinds(text: str) -> set[str]:
        return {r.kind for r in Document.from_text(text, "x.md").regions}

    assert "reference" not in kinds("# Notes\n\nThis is a miracle cure.\n")
    assert "reference" in kinds("## Footnotes\n\n1. Smith J. Vitamin D. BMJ. 2019;365:l1234.\n")


@pytest.mark.parametrize("label", ["Clipped from the PDF", "The following is translated from the Spanish guideline:",
                                   "{Note: have only extracted the parts about calcium}", "Excerpts from the book"])
def test_text_after_a_line_saying_it_is_reproduced_is_quoted(label: str) -> None:
    md = f"## A guideline\n\n{label}\n\nAdults should take 2,000 IU daily.\n\n## Our view\n\nMine.\n"
    html = f"<h2>A guideline</h2><p>{label}</p><p>Adults should take 2,000 IU daily.</p><h2>Our view</h2><p>Mine.</p>"
    for text, path in ((md, "x.md"), (html, "x.html")):
        doc = Document.from_text(text, path)
        quoted = [doc.prose_of(r.start, r.end) for r in doc.regions if r.kind == "quotation"]
        assert any("2,000 IU" in q for q in quoted) and not any("Mine." in q for q in quoted)


@pytest.mark.parametrize("line", ["I copied my notes into a table for my doctor and we discussed the results at length.",
                                  "Vitamin D is made in the skin."])
def test_ordinary_lines_do_not_mark_reproduced_text(line: str) -> None:
    doc = Document.from_text(f"{line}\n\nAdults should take 2,000 IU daily.\n")
    assert [r for r in doc.regions if r.kind == "quotation"] == []


def test_a_section_whose_heading_says_it_is_reproduced_is_quoted() -> None:
    text = "## Clipped from the PDF\n\nAdults should take 2,000 IU daily.\n\n## Our view\n\nMine.\n"
    doc = Document.from_text(text)
    quoted = [doc.prose_of(r.start, r.end) for r in doc.regions if r.kind == "quotation"]
    assert any("2,000 IU" in q for q in quoted) and not any("Mine." in q for q in quoted)


def test_a_code_like_run_is_never_the_tail_of_a_url_after_a_dot() -> None:
    """"frailty.http://a.example.edu/x/y.pdf": no code-like region starts inside the host
    ("example.edu/x/y.pdf"), which would leave half a URL as prose; a path standing alone still is one."""
    doc = Document.from_text("Key words: frailty.http://polisci.example.edu/x/y.pdf and docs/a/b.pdf here.\n", path="x.md")
    code = [doc.prose_of(r.start, r.end) for r in doc.regions if r.kind == "code-like"]
    assert "docs/a/b.pdf" in code and not any("example.edu" in c for c in code)


def _acronyms(text: str, path: str) -> list[str]:
    return sorted(d.message.split("'")[1] for d in lint_text(text, path=path, select=["acronym-undefined"], config={}))


@pytest.mark.parametrize("text, path", [
    ("## Feed\n\nA farm weekly put it this way in March.\n\n"
     "\u201cThe benefit of feed additives may have fallen for several reasons.\n\n"
     "* Better hygiene makes each additive matter less.\n"
     "* Resistance could blunt the effect of FGPs, though no data test this.\u201d\n\n"
     "Ask your vet about QTV before you change feed.\n", "q.md"),
    ("<h2>Feed</h2><p>A farm weekly put it this way in March.</p>"
     "<p>\u201cThe benefit of feed additives may have fallen for several reasons.</p>"
     "<ul><li>Better hygiene makes each additive matter less.</li>"
     "<li>Resistance could blunt the effect of FGPs, though no data test this.\u201d</li></ul>"
     "<p>Ask your vet about QTV before you change feed.</p>", "q.html"),
])
def test_a_quotation_over_several_blocks_is_a_quotation(text: str, path: str) -> None:
    """The quoted passage opens in a paragraph and closes in a list item: the source's words;
    the writer's own sentence after the closing mark is still read."""
    assert _acronyms(text, path) == ["QTV"]


def test_an_unclosed_quotation_mark_quotes_nothing() -> None:
    text = "\u201cEat well, he said.\n\nMost people with PKR need advice.\n\n## Next\n\nThe LMT clinic is closed.\n"
    assert _acronyms(text, "u.md") == ["LMT", "PKR"]


@pytest.mark.parametrize("text, path", [
    ("## Meetings\n\nThe ZVA meets in May.\n\n# Call for papers\n\nThe forum welcomes work on WQR therapies.\n", "c.md"),
    ("<h2>Meetings</h2><p>The ZVA meets in May.</p><h1>Call for papers</h1><p>The forum welcomes work on WQR therapies.</p>",
     "c.html"),
])
def test_a_call_for_papers_is_the_organisers_text(text: str, path: str) -> None:
    assert _acronyms(text, path) == ["ZVA"]


_PAPER_MD = ("Journal of Bone Topics / Mar 2015 / Vol 9 | Issue 2\n\n"
             "Hal Brennick, Odile Farrant, Tomasz Wierzba\n\n"
             "Department of Nephrology, Lakeview Hospital and Research Institute, Northfield\n\n"
             "**Abstract**\n\nMagnesium acts on many tissues besides bone.\n\n---\n\n"
             "## Introduction\n\nMagnesium is the fourth most common mineral in the body.\n\n"
             "## Magnesium and muscle\n\nLow levels change how the RYR channel opens in muscle cells.\n\n")


@pytest.mark.parametrize("tail, expected", [
    ("", []),
    ("## My view\n\nI would ask your doctor about a QLM test first.\n", ["QLM"]),
])
def test_a_pasted_paper_goes_on_under_its_introduction_past_a_rule(tail: str, expected: list[str]) -> None:
    """The rule a journal page draws under the abstract does not end the paper; the writer's own
    section after it is read."""
    text = _PAPER_MD + tail
    assert _acronyms(text, "p.md") == expected
    html = "".join(f"<h2>{p[3:]}</h2>" if p.startswith("## ") else "<hr>" if p == "---" else f"<p>{p}</p>"
                   for p in text.strip().split("\n\n"))
    assert _acronyms(html, "p.html") == expected


@pytest.mark.parametrize("text, path", [
    ("Two abstracts report the test this way.\n\n*Relapse was less common with KQB than with placebo (p = 0.03).*\n\n"
     "PMID: 1234567\n\n## Scores\n\nI doubt you know what a GHV score is.\n", "i.md"),
    ("<p>Two abstracts report the test this way.</p><p><em>Relapse was less common with KQB than with placebo "
     "(p = 0.03).</em></p><p>PMID: 1234567</p><h2>Scores</h2><p>I doubt you know what a GHV score is.</p>",
     "i.html"),
])
def test_an_italic_passage_over_its_pmid_line_is_quoted(text: str, path: str) -> None:
    assert _acronyms(text, path) == ["GHV"]


def test_an_italic_paragraph_with_no_citation_below_is_the_writers() -> None:
    text = "Two abstracts report the test this way.\n\n*Relapse was less common with KQB than with placebo.*\n\nThat is all.\n"
    assert _acronyms(text, "w.md") == ["KQB"]


@pytest.mark.parametrize("first, expected", [
    ("Methods", []),  # the paper's own sub-section between its Methods and Results
    ("Introduction", ["TLX"]),  # a site's own page with an Introduction and a Discussion keeps its sections
])
def test_a_papers_sub_sections_between_methods_and_results_are_quoted(first: str, expected: list[str]) -> None:
    md = (f"## {first}\n\nForty adults took part.\n\n## Assays\n\nSerum was frozen for TLX assays.\n\n"
          "## Results\n\nLevels rose by a third.\n")
    assert _acronyms(md, "s.md") == expected
    html = "".join(f"<h2>{p[3:]}</h2>" if p.startswith("## ") else f"<p>{p}</p>" for p in md.strip().split("\n\n"))
    assert _acronyms(html, "s.html") == expected


def test_heading_titles_lose_their_emphasis_marks_and_blanks_as_the_pattern_did() -> None:
    """The title of a heading is read without the emphasis marks and white space at its
    ends, exactly as the pattern that did it before (a faster strip, same titles)."""
    import random
    import re

    from medlint.regions import _strip_emphasis

    pattern = re.compile(r"^[*_\s]+|[*_\s]+$")
    rng = random.Random(5)
    alphabet = "*_ \t\n\u00a0\u2003ab.\u200b"
    samples = ["**Methods:**", "_ Results _", "\u00a0*Abstract*\u2003", "***", "", "a*b_c"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10))) for _ in range(3000)]
    for text in samples:
        assert _strip_emphasis(text) == pattern.sub("", text)


def test_bylines_with_and_without_affiliation_marks() -> None:
    """Author lines with numbered or bracketed affiliation marks, or none, are bylines;
    a line with fewer than three comma- or "and"-separated parts and no mark is not."""
    from medlint.regions import _is_byline

    is_byline = _is_byline.__wrapped__  # (not the remembered answers)
    assert is_byline("Tomas Ekwall1, Rhea D. Vantongeren2,3 and Ines Marlow4")
    assert is_byline("Tomas Ekwall (1), Rhea D. Vantongeren (2)")
    assert is_byline("Tomas Ekwall, Rhea Vantongeren, Ines Marlow")
    assert not is_byline("Zinc and copper levels")
    assert not is_byline("Take it with food, every morning; not at night, or later.")


def test_code_like_spans_are_the_full_patterns_whatever_marks_a_page_has() -> None:
    """Paths, file names and handles are found with only the alternatives a page's marks
    allow (two slashes, an @, a file type's ending): the spans of the full pattern."""
    import re

    from medlint.regions import _CODE_LIKE, _code_like

    full = re.compile(_CODE_LIKE.pattern)
    pages = [
        "Open notes/2021/plan.docx or the summary.pdf today.",
        "Ask @nurse_lee about dosing.pdf and the forms.",
        "Saved under /home/kim/data/run.csv and C:\\temp\\out by @kim.",
        "Dose 5 mg/kg/day, nothing code-like here.",
        "Only a handle: @clinic_news.",
        "Only a file: intake-form.xlsx.",
    ]
    for text in pages:
        assert [m.span() for m in _code_like(text, 0)] == [m.span() for m in full.finditer(text)], text


def _as_html(text: str) -> str:
    """The Markdown fixtures below as HTML: "## " headings, "---" rules, "- " list items, paragraphs."""
    out = []
    for p in text.strip().split("\n\n"):
        if p.startswith("## "):
            out.append(f"<h2>{p[3:]}</h2>")
        elif p == "---":
            out.append("<hr>")
        elif p.startswith("- "):
            out.append("<ul>" + "".join(f"<li>{i[2:]}</li>" for i in p.split("\n")) + "</ul>")
        elif p.startswith("*") and p.endswith("*"):
            out.append(f"<p><em>{p[1:-1]}</em></p>")
        else:
            out.append(f"<p>{p}</p>")
    return "\n".join(out)


@pytest.mark.parametrize("summary, expected", [
    ("*Our take: adults on the ZRP regimen should take it with food; it works well.*", ["ZRP"]),  # a comment label
    ("*We recommend the ZRP regimen to anyone who has had two relapses.*", ["ZRP"]),  # the site's advice
    ("*If you relapse, the ZRP regimen may suit you.*", ["ZRP"]),  # speaks to the reader
    ("*We found fewer relapses with the ZRP regimen than with placebo (p = 0.02).*", []),  # the authors' voice
])
def test_the_writers_italic_comment_over_a_pmid_is_not_quoted(summary: str, expected: list[str]) -> None:
    """An italic paragraph over its PMID line is the paper's words, unless the writer labels it as
    a comment, gives advice as the site or speaks to the reader."""
    text = "New this month.\n\n" + summary + "\n\nPMID: 7654321\n"
    assert _acronyms(text, "c.md") == expected
    assert _acronyms(_as_html(text), "c.html") == expected


_SCARE_THEN_QUOTE = ("\u201cCleanse\u201d drinks are popular and the WXT brand sells most. A patient told us: "
                     "\u201cI drank the PLV range for a month.\n\nNothing changed for me.\u201d\n\nAsk about QTV instead.\n")


@pytest.mark.parametrize("text, path", [
    (_SCARE_THEN_QUOTE, "s.md"),
    (_as_html(_SCARE_THEN_QUOTE), "s.html"),
    (_as_html(_SCARE_THEN_QUOTE).replace("\u201c", "&#8220;").replace("\u201d", "&#8221;"), "s.html"),
    (_as_html(_SCARE_THEN_QUOTE).replace("\u201c", "&ldquo;").replace("\u201d", "&rdquo;"), "s.html"),
])
def test_a_quotation_opening_late_in_a_paragraph_starts_at_its_mark(text: str, path: str) -> None:
    """The paragraph opens with a scare-quoted word and opens a patient's quotation only at its
    end: the passage starts at that mark (the writer's sentences before it are read), whether the
    marks are characters or character references."""
    assert _acronyms(text, path) == ["QTV", "WXT"]


@pytest.mark.parametrize("text, path", [
    ("## Feed\n\n&#8220;The benefit of feed additives may have fallen for several reasons.\n\n"
     "* Resistance could blunt the effect of FGPs, though no data test this.&#8221;\n\n"
     "Ask your vet about QTV before you change feed.\n", "q.md"),
    ("<h2>Feed</h2><p>&#8220;The benefit of feed additives may have fallen for several reasons.</p>"
     "<ul><li>Resistance could blunt the effect of FGPs, though no data test this.&#8221;</li></ul>"
     "<p>Ask your vet about QTV before you change feed.</p>", "q.html"),
])
def test_a_quotation_over_blocks_in_character_references(text: str, path: str) -> None:
    assert _acronyms(text, path) == ["QTV"]


def _quoted(text: str, path: str, snippet: str) -> bool:
    """Whether a quotation region holds *snippet*."""
    doc = Document.from_text(text, path=path)
    return any(snippet in " ".join(doc.prose_of(r.start, r.end).split()) for r in doc.regions if r.kind == "quotation")


def test_a_quotation_must_really_close_in_a_later_block() -> None:
    """The later paragraph ends with a closing mark of its own quotation (opened and closed
    there): the first paragraph's mark is still unclosed, so nothing spans the blocks."""
    text = "\u201cEat well with the KJV plan, she said.\n\nHe called it \u201cthe best plan.\u201d\n"
    assert not _quoted(text, "k.md", "He called it")
    assert not _quoted(_as_html(text), "k.html", "He called it")
    closed = "\u201cEat well with the KJV plan, she said.\n\nHe called it the best plan.\u201d\n"
    assert _quoted(closed, "k.md", "He called it") and _quoted(_as_html(closed), "k.html", "He called it")


_ABSTRACT_THEN_RULE = ("## Zinc and wound healing in older adults\n\nWound Care. 2019 Mar 3;11(3):512.\n\n"
                       "Okafor T, Lindqvist M, Arden P.\n\nOlder adults given zinc healed faster over twelve weeks.\n\n"
                       "---\n\n## Background\n\n")


@pytest.mark.parametrize("section, quoted", [
    # the writer's own section after the rule: advice to the reader
    ("Slow healing is common after 70. Take the zinc tablet with food.\n", False),
    # no advice, but nothing says the paper goes on either: the rule ends it
    ("Slow healing is common after 70 and the zinc tablet is cheap.\n", False),
    # the paper's own sequence goes on: a Methods section after its Background
    ("Slow healing is common after 70 and the zinc tablet is cheap.\n\n## Methods\n\nWe gave 40 mg daily.\n", True),
    # ... or further down: its topic sections, then its Discussion
    ("Slow healing is common after 70 and the zinc tablet is cheap.\n\n## Zinc in skin\n\nSkin holds zinc.\n\n"
     "## Discussion:\n\nZinc helped.\n", True),
])
def test_a_background_heading_after_a_rule_is_the_writers_unless_the_paper_goes_on(section: str, quoted: bool) -> None:
    text = _ABSTRACT_THEN_RULE + section
    assert _quoted(text, "b.md", "Slow healing is common") is quoted
    assert _quoted(_as_html(text), "b.html", "Slow healing is common") is quoted
    if quoted and "Zinc in skin" in text:
        assert _quoted(text, "b.md", "Skin holds zinc")  # carried on through the paper's own topic sections


def test_a_pasted_papers_introduction_after_its_abstract_label_and_a_rule_is_still_its() -> None:
    """The case the resuming was built for (an Abstract label above the rule) still holds under
    Background, and advice to the reader there still ends it."""
    text = _PAPER_MD.replace("## Introduction", "## Background")
    assert _acronyms(text, "p.md") == []
    assert _quoted(text, "p.md", "Magnesium is the fourth") and _quoted(_as_html(text), "p.html", "Magnesium is the fourth")
    advice = text.replace("Magnesium is the fourth most common mineral in the body.",
                          "Take the magnesium tablet at night.")
    assert not _quoted(advice, "p.md", "Take the magnesium") and not _quoted(_as_html(advice), "p.html", "Take the magnesium")


@pytest.mark.parametrize("heading, expected", [
    ("Learning objectives", ["KRV"]),  # the course page's own objectives
    ("Course objectives", ["KRV"]),
    ("Learning objectives from the Northfield diabetes day", []),  # named as another's
    ("Learning objectives (copied from the programme)", []),
])
def test_a_courses_own_learning_objectives_are_its_text(heading: str, expected: list[str]) -> None:
    text = f"## {heading}\n\n- Know what the KRV score measures.\n- Start basal insulin at bedtime.\n\n## Lesson 1\n\nHello.\n"
    assert _acronyms(text, "o.md") == expected
    assert _acronyms(_as_html(text), "o.html") == expected


def test_code_like_spans_read_in_marked_words_are_those_of_the_whole_page() -> None:
    """The code-like patterns are read only in the words that hold a slash, an @ or a file
    type's ending: the spans of a scan of the whole page, whatever white space (a no-break
    space, tabs, line breaks) separates the words, from any start."""
    import random

    from medlint.regions import _CODE_LIKE, _CODE_LIKE_RUNS, _code_like, _in_marked_words

    pieces = ["a", "b", "-", ".", "/", "@", " ", "\u00a0", "\n", "\t", "pdf", ".pdf", "x.py", "C:", "\\", "~", ":",
              "_", "\u00e9", "1", "--", "..", "ab", "@ab", "/a", ".abcdef", "mg/day", "a/b/c.txt"]
    rng = random.Random(23)
    texts = ["see /Users/me/git/x and C:\\a\\b", "Open notes/2021/plan.docx or the summary.pdf today.",
             "x " + "a." * 40 + "/b/c.pdf @kim", "\u00a0@kim\u00a0and\u00a0/a/b/"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40))) for _ in range(5_000)]
    for text in texts:
        for start in (0, min(3, len(text))):
            for pattern in (_CODE_LIKE, _CODE_LIKE_RUNS):
                whole = [m.span() for m in pattern.finditer(text, start)]
                assert [m.span() for m in _in_marked_words(pattern, text, start, True, True, True)] == whole, text
            assert [m.span() for m in _code_like(text, start)] == [m.span() for m in (
                _CODE_LIKE_RUNS if "a." * 32 in text else _CODE_LIKE).finditer(text, start)], text


def test_inline_citations_tried_at_their_anchors_are_those_of_the_full_pattern() -> None:
    """Inline citations are tried only at the capitals before "et al" and before a journal's year
    and semicolon, and at brackets opening on a name: the spans of the pattern's scan."""
    import random

    from medlint.regions import _INLINE_CITATION, _inline_citation_spans

    pages = [
        "As Chung et al. (28) showed, and (Smith and Jones, 2019) agreed.",
        "Integr Cancer Ther 2012;11:1-9 says so.",
        "Smith\net\nal 2004 found it (see Roe, 2001; Lund 2003).",
        "No citation at all, only 1999 and (Ask a nurse).",
        "Roe et al found it. Lancet 2019 Mar; 12(3): 4-5.",
        "Smith & Jones et al. [3] and M\u00fcller-L\u00e9vy et al 2001; J Clin Med 2020 Jan;9(1):12.",
        "",
    ]
    pieces = ["Chung", " et al", " et al.", " (28)", " (", "Smith", " and ", "Jones", ", 2019", ")", " 2012", ";",
              "11:1", " Jan", "e.g. ", "see ", " ", "\n", "[3]", "Ther", ".", " & ", "\u00c9", "O'", "-", "x", "1"]
    rng = random.Random(7)
    pages += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30))) for _ in range(20_000)]
    for text in pages:
        for start in (0, min(4, len(text))):
            assert _inline_citation_spans(text, start) == [m.span() for m in _INLINE_CITATION.finditer(text, start)], text


def test_the_prefilters_of_the_citation_and_byline_tests_pass_whatever_the_patterns_match() -> None:
    """Each cheap test before a pattern passes every text the pattern matches in: a volume's
    colon, bracket, page or dash; an affiliation mark's digit; an institution's word; a
    structured-abstract label's first word; a label's length; a labelled quotation's marks."""
    import random

    from medlint.regions import (_ABSTRACT_LABEL, _INSTITUTION, _INSTITUTION_STEMS, _LABELLED_QUOTE, _LONG_TITLE,
                                 _UNBRACKETED_HINT, _UNBRACKETED_MARK, _VOLUME, _abstract_label, _has_volume,
                                 _labelled_quote, _strip_emphasis)

    rng = random.Random(11)
    pieces = ["a", "Z", "1", "12", "2019", " ", ",", ";", ":", "(", ")", "-", "\u2013", "p.", "pp.", "Vol.", "vol.",
              ".", "\n", "Smith", " JA,", "doi:", "[", "]", "l", "*", "_", '"', "\u201c", "Results", "RESULTS",
              "Re\u017fults", "aims", "Aim", "Background", "Authors'", "conclusions", "\u00a0", "Dept.", "University",
              "Centre for", "Research Unit", "School of", "Excerpt", "He wrote"]
    texts = ["Lancet 2012;11:1-9", "Smith J. 11(2):123", "pp. 4-5", "Vol. 3", "BACKGROUND: x", "**Results.** x",
             "Re\u017fults: x", "Excerpt: \u201cThe", "SM Shah1", "Beck-Nielsen 2,7", "Dept. of Surgery"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 16))) for _ in range(60_000)]
    for text in texts:
        assert _has_volume(text) == bool(_VOLUME.search(text)), text
        assert _UNBRACKETED_MARK.sub("", text) == text or _UNBRACKETED_HINT.search(text), text
        assert not _INSTITUTION.search(text) or any(stem in text for stem in _INSTITUTION_STEMS), text
        assert bool(_abstract_label(text, 0, len(text))) == bool(_ABSTRACT_LABEL.match(text)), text
        assert _labelled_quote(text) is None if _LABELLED_QUOTE.search(text) is None else _labelled_quote(text), text
        title = _strip_emphasis(" ".join(text.split()))
        assert not _LONG_TITLE.match(text) or len(title) > 40, text


def test_statistics_and_study_voice_tried_at_their_anchors_are_those_of_the_full_patterns() -> None:
    """A paper's statistics and its authors' voice are tried only at their anchors (a comparison,
    "95", a ratio's "R"; "we", "our", "present", "current", "this"): the starts of the scans."""
    import random

    from medlint.regions import _STATISTICS, _STUDY_VOICE, _statistics_starts, _study_voice_starts

    pieces = ["p", "P", " ", "\n", "<", ">", "=", "\u2264", "&lt;", "&gt;", "0", ".", "05", "95", "%", " CI", "OR",
              "aOR", "RR", "HR", "aHR", ":", ",", "1.5", "we", "We", " found", " have", "our", "Our", " study",
              "the", "The", "this", "This", " present", " current", "in", "In", " review", ",", " we", "x", "R"]
    rng = random.Random(5)
    texts = ["We found p < 0.05 and OR 1.5 (95% CI); in this review, we; the present study; This paper describes"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 24))) for _ in range(30_000)]
    for text in texts:
        for start in (0, min(3, len(text))):
            assert _statistics_starts(text, start) == [m.start() for m in _STATISTICS.finditer(text, start)], text
            assert _study_voice_starts(text, start) == [m.start() for m in _STUDY_VOICE.finditer(text, start)], text


def test_abbreviations_before_brackets_are_the_scans_matches_a_bracket_follows() -> None:
    """``ABBR (long form)`` reads only the abbreviations right before a bracket: the matches of
    the page's scan that white space and a bracket follow."""
    import random
    import re

    from medlint.regions import _ABBR_WORD, _abbreviations_before_brackets

    pieces = ["AB", "CD", "x", "-", "/", "&", "_", " ", "\n", "(", ")", "s", "1", "ABCDEFGHIJKLM", "\u00e9", "Q", ".", "e"]
    rng = random.Random(3)
    texts = ["The Body Mass Index (BMI) and BMI (body mass index), AB/CD (x), x_AB (y)"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 24))) for _ in range(30_000)]
    bracket = re.compile(r"\s*\(")
    for text in texts:
        for start in (0, min(2, len(text))):
            expected = [m.span() for m in _ABBR_WORD.finditer(text, start) if bracket.match(text, m.end())]
            assert [m.span() for m in _abbreviations_before_brackets(text, start)] == expected, text


def test_reference_numbers_tried_at_their_anchors_are_those_of_the_scan() -> None:
    """Reference numbers are tried only where one can start (``<sup``, a bracket or quote before a
    digit, superscripts, a digit after a stop or comma, the digits before a comma or dash between
    digits, ``(Ref``): the starts of the scan of the whole page."""
    import random

    from medlint.regions import _CITE_MARK, _cite_mark_starts

    pieces = ["a", "ab", "abc", "x)", ")", "]", "%", " ", "\n", "(", "[", "1", "12", "123", "4567", ",", "-", "\u2013",
              ".", "'", "<sup>", "</sup>", "<sup class=x>", "\u00b9", "\u2075", "(Ref ", "(Refs. ", "A", "^", ":", ";"]
    rng = random.Random(29)
    texts = ["shown.7 The insulin22,23. and (42). [1-3] <sup>4</sup> x\u00b2 (Ref 127, 128 '75,76'"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30))) for _ in range(30_000)]
    for text in texts:
        for start in (0, min(3, len(text))):
            assert _cite_mark_starts(text, start) == [m.start() for m in _CITE_MARK.finditer(text, start)], text
