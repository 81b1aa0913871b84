"""The ``reproduced`` region (medlint/reproduced.py): text the page carries from another source
without quotation marks, from the marker that shows it to where the writer's own voice resumes.
Rules that skip it leave the source's doses, "recent", hype and abbreviations to the source, and
still report the writer's own claim after the comment heading."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from medlint import lint_text
from medlint.document import Document
from medlint.reproduced import in_reproduced, own_comment

FIXTURES = Path(__file__).parent / "fixtures" / "reproduced"
RULES = ["dose-above-upper-limit", "sensational-language", "acronym-undefined", "date-stale"]
#: Each bundled rule's skip list without the reproduced region: what the rules read without it.
WITHOUT = {"rules": {
    "dose-above-upper-limit": {"skip": ["quotation", "reference", "commentary"]},
    "sensational-language": {"skip": ["quotation", "reference", "byline", "code-like"]},
    "acronym-undefined": {"skip": ["reference", "quotation", "byline", "code-like"]},
    "date-stale": {"skip": ["quotation", "reference"]},
}}


def findings(text: str, path: str, config: object = None) -> list[tuple[str, int]]:
    return sorted((d.rule, d.line) for d in lint_text(text, path=path, select=RULES, config={} if config is None else config))


def reproduced(text: str, path: str) -> list[str]:
    doc = Document.from_text(text, path=path)
    return [doc.prose_of(r.start, r.end) for r in doc.regions if r.kind == "reproduced"]


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


@pytest.mark.parametrize("name", ["reposted.md", "reposted.html"])
def test_a_reposted_article_is_reproduced_up_to_the_writers_comment(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    spans = reproduced(text, name)
    assert len(spans) == 1
    assert "QXRT" in spans[0] and "took blood" in spans[0]  # its own sub-heading stays in it
    assert "ZPLK" not in spans[0] and "Comment by" not in spans[0]


@pytest.mark.parametrize("name", ["reposted.md", "reposted.html"])
def test_the_writers_own_claim_after_the_comment_heading_is_still_reported(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    own = line_of(text, "ZPLK")
    found = findings(text, name)
    assert ("dose-above-upper-limit", own) in found and ("acronym-undefined", own) in found
    assert all(line == own for _, line in found), found  # nothing from the article itself
    # without the region the article's dose, "recent studies" and abbreviation are reported too
    article = line_of(text, "QXRT")
    without = findings(text, name, WITHOUT)
    assert {("dose-above-upper-limit", article), ("acronym-undefined", article)} <= set(without)


@pytest.mark.parametrize("name", ["own.md", "own.html"])
def test_a_page_with_no_marker_is_unaffected(name: str) -> None:
    """The page's own author's byline ("By Jane Doe, RN") names no outlet: the page is the writer's."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert reproduced(text, name) == []
    found = findings(text, name)
    assert found == findings(text, name, WITHOUT)
    assert ("dose-above-upper-limit", line_of(text, "QXRT")) in found


@pytest.mark.parametrize("md, html", [
    # a journal citation line heads its abstract: with no end marker, up to the next heading only
    ("Nutrients. 2013;5(12):4966-77. doi:10.3390/nu5124966\n\nThe XQ trial gave 50,000 IU of vitamin D daily.\n\n"
     "## Dosing\n\nThe PW trial gave 50,000 IU of vitamin D daily.\n",
     "<p>Nutrients. 2013;5(12):4966-77. doi:10.3390/nu5124966</p><p>The XQ trial gave 50,000 IU of vitamin D daily.</p>"
     "<h2>Dosing</h2><p>The PW trial gave 50,000 IU of vitamin D daily.</p>"),
])
def test_a_citation_line_opens_its_section_only(md: str, html: str) -> None:
    for text, path in ((md, "x.md"), (html, "x.html")):
        spans = reproduced(text, path)
        assert len(spans) == 1 and "XQ" in spans[0] and "PW" not in spans[0], (path, spans)


@pytest.mark.parametrize("text, path", [
    ("Nutrients. 2013;5(12):4966-77. doi:10.3390/nu5124966\n\nI read this trial, which gave 50,000 IU daily.\n", "x.md"),
    ("<p>Nutrients. 2013;5(12):4966-77.</p><ul><li>A review of dosing in the elderly.</li></ul>", "x.html"),
])
def test_a_page_that_cites_the_paper_it_discusses_is_the_writers(text: str, path: str) -> None:
    """The writer speaking ("I"), or notes in a list, under the citation: the page discusses the paper."""
    assert reproduced(text, path) == []


@pytest.mark.parametrize("text, path", [
    ("## [Vitamin D and falls in care homes](https://news.example.org/falls)\n\nThe XQ panel advised 50,000 IU daily.\n\n"
     "**My comment:** the PW panel is right.\n", "x.md"),
    ("<h2><a href='https://news.example.org/falls'>Vitamin D and falls in care homes</a></h2>"
     "<p>The XQ panel advised 50,000 IU daily.</p><p><b>My comment:</b> the PW panel is right.</p>", "x.html"),
    ("## [Vitamin D and falls in care homes](https://news.example.org/falls)\n\nThe XQ panel advised 50,000 IU daily.\n\n"
     "---\n\nI think the PW panel is right.\n", "x.md"),
    ("<h2><a href='https://news.example.org/falls'>Vitamin D and falls in care homes</a></h2>"
     "<p>The XQ panel advised 50,000 IU daily.</p><hr><p>I think the PW panel is right.</p>", "x.html"),
])
def test_a_comment_label_or_a_horizontal_rule_ends_a_linked_titles_section(text: str, path: str) -> None:
    spans = reproduced(text, path)
    assert len(spans) == 1 and "XQ" in spans[0] and "PW" not in spans[0], spans


@pytest.mark.parametrize("text, path", [
    ("# Vitamin D and cancer\n\nEndocrine. 2016 Mar 22.\n\nRenner KD, Holt JM.\n\nThe XQ cohort took 50,000 IU daily.\n\n"
     "## Notes\n\nThe PW cohort did not.\n", "x.md"),
    ("<h1>Vitamin D and cancer</h1><p>Endocrine. 2016 Mar 22.</p><p>Renner KD, Holt JM.</p>"
     "<p>The XQ cohort took 50,000 IU daily.</p><h2>Notes</h2><p>The PW cohort did not.</p>", "x.html"),
])
def test_a_pasted_pubmed_abstract_under_its_journal_line_and_authors(text: str, path: str) -> None:
    spans = reproduced(text, path)
    assert any("XQ" in s for s in spans) and not any("PW" in s for s in spans), spans


SOURCE_MD = ("# Bone and vitamin D\n\n## What the review says\n\nLow vitamin D weakens bone [1]. Falls rise in winter [2]. "
             "The XQ group found more fractures [3].\n\n1. Okafor MF. Low vitamin D in winter. N Engl J Med. 2012;366:101-9.\n"
             "2. Kanis JA, Melton LJ. The diagnosis of osteoporosis. J Bone Miner Res. 1994;9:1137-41.\n"
             "3. Bischoff-Ferrari HA, Willett WC. Fall prevention. JAMA. 2004;291:1999-2006.\n\n")
SOURCE_HTML = ("<h1>Bone and vitamin D</h1><h2>What the review says</h2><p>Low vitamin D weakens bone [1]. Falls rise in "
               "winter [2]. The XQ group found more fractures [3].</p><ol>"
               "<li>Okafor MF. Low vitamin D in winter. N Engl J Med. 2012;366:101-9.</li>"
               "<li>Kanis JA, Melton LJ. The diagnosis of osteoporosis. J Bone Miner Res. 1994;9:1137-41.</li>"
               "<li>Bischoff-Ferrari HA, Willett WC. Fall prevention. JAMA. 2004;291:1999-2006.</li></ol>")


@pytest.mark.parametrize("text, path", [
    (SOURCE_MD + "## Comment by HealthWiki\n\nThe PW group agrees.\n", "x.md"),
    (SOURCE_HTML + "<h2>Comment by HealthWiki</h2><p>The PW group agrees.</p>", "x.html"),
])
def test_a_text_that_ends_with_its_sources_numbered_references(text: str, path: str) -> None:
    spans = reproduced(text, path)
    assert any("XQ" in s for s in spans) and not any("PW" in s for s in spans), spans


@pytest.mark.parametrize("text, path", [(SOURCE_MD, "x.md"), (SOURCE_HTML, "x.html")])
def test_a_pages_own_reference_list_at_its_end_leaves_its_prose_the_writers(text: str, path: str) -> None:
    assert reproduced(text, path) == []


def test_a_whole_page_byline_with_no_end_marker_runs_to_the_pages_end() -> None:
    text = "By Lena Marwick, Wellness Monthly\n\nThe XQ panel met.\n\n## Results\n\nThe PW panel agreed.\n"
    doc = Document.from_text(text, path="x.md")
    assert in_reproduced(doc, text.index("XQ")) and in_reproduced(doc, text.index("PW"))


@pytest.mark.parametrize("title", ["Comments", "Notes", "My view", "Our take on it", "Editor's note", "See also",
                                   "Comment by HealthWiki", "Summary and comment by HealthWiki", "Note from the editor",
                                   "HealthWiki's view", "HealthWiki comment", "[See also](/posts/x)"])
def test_the_writers_own_comment(title: str) -> None:
    assert own_comment(title)


@pytest.mark.parametrize("title", ["Expert commentary by Dr. Ann Lee, MD", "Comments on YouTube", "Readers' comments",
                                   "Ana Souza 2 weeks ago", "Take-home messages", "Methods", "Vitamin D notes from a trial",
                                   "Comments from readers", "Expert comments", "Notes by Ann Lee of the Lancet"])
def test_not_the_writers_own_comment(title: str) -> None:
    assert not own_comment(title)


def test_excerpt_in_a_config_is_the_reproduced_region() -> None:
    text = "## [Vitamin D and falls in care homes](https://news.example.org/falls)\n\nThe XQZR panel met.\n"
    old = {"rules": {"acronym-undefined": {"skip": ["reference", "quotation", "excerpt"]}}}
    none = {"rules": {"acronym-undefined": {"skip": []}}}
    assert [d.rule for d in lint_text(text, path="x.md", select=["acronym-undefined"], config=old)] == []
    assert [d.rule for d in lint_text(text, path="x.md", select=["acronym-undefined"], config=none)] == ["acronym-undefined"]


@pytest.mark.parametrize("text, path", [
    ("## [Vitamin D and falls in care homes](https://news.example.org/falls)\n\nThe XQ panel met.\n\n"
     "**Note:** the panel met twice.\n\n---\n\nThe PW panel agreed, the article goes on.\n", "x.md"),
    ("<h2><a href='https://news.example.org/falls'>Vitamin D and falls in care homes</a></h2><p>The XQ panel met.</p>"
     "<p><b>Note:</b> the panel met twice.</p><hr><p>The PW panel agreed, the article goes on.</p>", "x.html"),
])
def test_an_aside_note_or_a_rule_inside_the_article_does_not_end_it(text: str, path: str) -> None:
    """A plain "Note: ..." opening a paragraph is the writer's aside (left out of the region), not
    the end of the article; a rule not followed by the writer's "I" divides the article's own
    parts (its author's biography, its sidebar)."""
    spans = reproduced(text, path)
    assert any("XQ" in s for s in spans) and any("PW" in s for s in spans), spans
    assert not any("met twice" in s for s in spans), spans


@pytest.mark.parametrize("text, path", [
    ("# Infographic at [Health Daily](https://news.example.org/x)\n\nThe XQ chart.\n\n## Colds\n\nThe PW list.\n", "x.md"),
    ("<h1>Infographic at <a href='https://news.example.org/x'>Health Daily</a></h1><p>The XQ chart.</p>"
     "<h2>Colds</h2><p>The PW list.</p>", "x.html"),
    ("## [CLICK HERE to see the video](https://video.example.org/x)\n\nThe PW notes.\n", "x.md"),
])
def test_a_title_level_or_action_link_heading_never_takes_the_page(text: str, path: str) -> None:
    assert not any("PW" in s for s in reproduced(text, path))


@pytest.mark.parametrize("text, path", [
    ("Environ Health Perspect. 2008;116(4):A160-7.\n\nM. Peter Lindqvist\n\n"
     "The XQ trial gave 50,000 IU of vitamin D daily, as many papers found before it in other groups.\n\n"
     "## Production in the skin\n\nThe PW trial followed.\n\n## Comments\n\nThe ZR trial is ours.\n", "x.md"),
    ("Environ Health Perspect. 2008;116(4):A160-7.\n\nMaria Novak, Peter Lindqvist, Samuel K. Ortega\n\n"
     "The XQ trial gave 50,000 IU of vitamin D daily, as many papers found before it in other groups.\n\n"
     "## Production in the skin\n\nThe PW trial followed.\n\n## Comments\n\nThe ZR trial is ours.\n", "x.md"),
    ("<p>Environ Health Perspect. 2008;116(4):A160-7.</p><p>Maria Novak, Peter Lindqvist, Samuel K. Ortega</p>"
     "<p>The XQ trial gave 50,000 IU of vitamin D daily, as many papers found before it in other groups.</p>"
     "<h2>Production in the skin</h2><p>The PW trial followed.</p><h2>Comments</h2><p>The ZR trial is ours.</p>", "x.html"),
])
def test_a_citation_over_its_authors_heads_the_page_up_to_the_comment(text: str, path: str) -> None:
    spans = reproduced(text, path)
    assert len(spans) == 1 and "XQ" in spans[0] and "PW" in spans[0] and "ZR" not in spans[0], spans


# -- regressions from review 9 (pages written for these tests) -------------------------------------

OWN_ADVICE = "Most adults should take 6,000 IU of vitamin D a day all winter. This miracle pill works.\n"


@pytest.mark.parametrize("byline", [
    "By Nadia Brannigan, Senior Health Editor",
    "By Nadia Brannigan, Registered Dietitian",
    "By Nadia Brannigan | Staff Writer",
    "By Nadia Brannigan, Medically reviewed by Dr. Paul Ostrander",
    "By Nadia Brannigan | Updated March 2024",
])
def test_a_byline_with_the_writers_job_title_or_date_is_the_pages_own(byline: str) -> None:
    text = f"---\ntitle: Winter vitamin D\n---\n\n{byline}\n\n{OWN_ADVICE}"
    assert reproduced(text, "own.md") == []
    assert ("dose-above-upper-limit", line_of(text, "Most adults")) in findings(text, "own.md")


def test_a_byline_naming_the_front_matter_author_is_the_pages_own_whatever_follows() -> None:
    text = f"---\ntitle: Winter vitamin D\nauthor: Nadia Brannigan\n---\n\nBy Nadia Brannigan, Health Monthly\n\n{OWN_ADVICE}"
    assert reproduced(text, "own.md") == []


def test_a_byline_naming_an_outlet_still_marks_a_reposted_article() -> None:
    text = f"---\ntitle: Winter vitamin D\n---\n\nBy Lena Marwick, Wellness Monthly\n\n{OWN_ADVICE}"
    assert reproduced(text, "repost.md") and "6,000 IU" in reproduced(text, "repost.md")[0]


@pytest.mark.parametrize("heading", ["## By Taking Vitamin D Daily You Can Avoid the Flu",
                                     "## By Eating Oily Fish Twice a Week",
                                     "## By Now You Know the Drill"])
def test_a_title_case_heading_opening_with_by_is_no_byline(heading: str) -> None:
    text = f"---\ntitle: Flu season\n---\n\n{heading}\n\n{OWN_ADVICE}"
    assert reproduced(text, "by.md") == []
    html = f"<html><head><title>Flu season</title></head><body><h2>{heading[3:]}</h2><p>{OWN_ADVICE}</p></body></html>"
    assert reproduced(html, "by.html") == []


def test_a_byline_set_as_a_heading_still_marks_the_reposted_article() -> None:
    text = f"---\ntitle: Flu season\n---\n\n#### By Dr. Konrad Ebersfeld | Northfield Herald\n\n{OWN_ADVICE}"
    assert reproduced(text, "by.md")


def test_a_pages_own_cited_section_with_see_also_after_its_references_is_its_own() -> None:
    text = ("---\ntitle: Bones\n---\n\nMost adults should take 6,000 IU of vitamin D a day [1]. Supplements cut "
            "fractures [2]. Falls fell too [3].\n\n1. Holm A. Bones. J Bone. 2001;1:2.\n2. Lind B. Falls. J Bone. "
            "2002;2:3.\n3. Berg C. Hips. J Bone. 2003;3:4.\n\n## See also\n\n- [Calcium](/calcium)\n")
    assert reproduced(text, "own.md") == []


def test_a_sources_references_before_the_writers_comment_are_still_reproduced() -> None:
    text = ("---\ntitle: Bones\n---\n\n## A trial\n\nGiving 6,000 IU of vitamin D a day cut fractures [1]. Falls fell "
            "[2]. Hips too [3].\n\n1. Holm A. Bones. J Bone. 2001;1:2.\n2. Lind B. Falls. J Bone. 2002;2:3.\n"
            "3. Berg C. Hips. J Bone. 2003;3:4.\n\n## My comment\n\nI take 2,000 IU myself.\n")
    spans = reproduced(text, "src.md")
    assert spans and "6,000 IU" in spans[0] and "2,000 IU" not in " ".join(spans)


@pytest.mark.parametrize("text", ["Take 2,000 IU daily.", "Take vitamin D with food", "Notes on dosing",
                                  "Our view on statins", "Our take on fish oil"])
def test_ordinary_words_take_view_note_are_no_comment_label(text: str) -> None:
    assert not own_comment(text)


@pytest.mark.parametrize("text", ["Notes", "Notes:", "My take", "Our take:", "Editor's note", "Our view",
                                  "My thoughts on the study", "Comment by HealthWiki", "See also"])
def test_comment_labels_still_count(text: str) -> None:
    assert own_comment(text)


def test_an_articles_own_take_line_does_not_end_a_reposted_span() -> None:
    text = ("---\ntitle: Winter\n---\n\nBy Lena Marwick, Wellness Monthly\n\nVitamin D matters in winter.\n\n"
            "Take 6,000 IU daily.\n\nThis miracle works.\n")
    spans = reproduced(text, "repost.md")
    assert spans and "miracle" in spans[0]


@pytest.mark.parametrize("lead", ["Source: [NIH fact sheet](https://ods.example.gov/vitd)",
                                  "From what I have read in [this review](https://journal.example.org/r1), a lot."])
def test_a_source_line_over_the_writers_own_advice_is_no_lead(lead: str) -> None:
    text = f"---\ntitle: Winter\n---\n\n## Dosing\n\n{lead}\n\n{OWN_ADVICE}"
    assert reproduced(text, "own.md") == []


@pytest.mark.parametrize("lead", ["From [Vitamin D and winter colds](https://news.example.org/colds)",
                                  "Copied from [Vitamin D and winter colds](https://news.example.org/colds)"])
def test_a_line_that_only_links_its_source_or_says_copied_is_a_lead(lead: str) -> None:
    text = f"---\ntitle: Winter\n---\n\n## Dosing\n\n{lead}\n\n{OWN_ADVICE}"
    assert any("6,000 IU" in s for s in reproduced(text, "repost.md"))


def test_a_from_line_linking_its_source_is_a_lead_in_html() -> None:
    html = ("<html><head><title>Winter</title></head><body><h2>Dosing</h2><p>From <a href=\"https://news.example.org/"
            f"colds\">Vitamin D and winter colds</a></p><p>{OWN_ADVICE}</p></body></html>")
    assert any("6,000 IU" in s for s in reproduced(html, "repost.html"))


def _carve_slowly(merged: list[tuple[int, int]], asides: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The loop carve() replaced: one pass over the spans for every aside."""
    for a_lo, a_hi in asides:
        cut = []
        for lo, hi in merged:
            if lo < a_hi and a_lo < hi:
                cut.extend(p for p in ((lo, a_lo), (a_hi, hi)) if p[1] > p[0])
            else:
                cut.append((lo, hi))
        merged = cut
    return merged


def test_carving_asides_in_one_pass_equals_the_old_loop() -> None:
    import random

    from medlint.reproduced import carve

    rng = random.Random(9)
    for _ in range(2000):
        points = sorted(rng.sample(range(200), 2 * rng.randint(0, 6)))
        spans = list(zip(points[::2], points[1::2]))
        asides = []
        for _ in range(rng.randint(0, 6)):
            lo = rng.randrange(199)
            asides.append((lo, rng.randint(lo + 1, min(200, lo + 40))))
        asides.sort()
        assert carve(spans, asides) == _carve_slowly(spans, asides), (spans, asides)


def test_a_line_that_is_only_a_link_whose_title_opens_with_from_is_a_lead() -> None:
    text = (f"---\ntitle: Winter\n---\n\n## Doctors' comments\n\n**[From Jane Roe: Vitamin D in winter]"
            f"(https://news.example.org/roe)**\n\n{OWN_ADVICE}")
    assert any("6,000 IU" in s for s in reproduced(text, "repost.md"))


def _disclaimer(body: str) -> list[int]:
    text = f"---\ntitle: Winter\n---\n\nBy Lena Marwick, Wellness Monthly\n\nVitamin D matters in winter.\n\n{body}\n"
    return [d.line for d in lint_text(text, path="r.md", select=["disclaimer-missing"], config={})]


def test_disclaimer_missing_counts_a_dose_in_reproduced_text_but_not_its_imperatives() -> None:
    # as README and the rule file now say: the dose test (`dose: claim`) reads the sentence,
    # the advice test leaves the reposted article's imperatives and "you" out
    assert _disclaimer("Most adults need 2,000 IU of vitamin D a day in winter.")
    assert not _disclaimer("Ask your pharmacist which brand to take, and stop taking it if you feel sick.")


# -- text the page says is someone else's, without the markers above (issue 16) ------------------
def acronyms(text: str, path: str) -> list[str]:
    return sorted(d.message.split("'")[1] for d in lint_text(text, path=path, select=["acronym-undefined"], config={}))


HANDOUT_MD = ("---\ntitle: \"Handout on iron and tiredness - Dr. Oriel Banfield\"\n---\n\n"
              "Low iron makes many people tired. My patients with QVX often sleep badly.\n\n"
              "## Notes\n\nThe handout names WPZ twice without saying what it is.\n")
HANDOUT_HTML = ("<html><head><title>Handout on iron and tiredness - Dr. Oriel Banfield</title></head><body>"
                "<p>Low iron makes many people tired. My patients with QVX often sleep badly.</p>"
                "<h2>Notes</h2><p>The handout names WPZ twice without saying what it is.</p></body></html>")
OWN_HANDOUT_MD = ("---\ntitle: \"Our iron handout for patients\"\n---\n\n"
                  "Low iron makes many people tired. Patients with QVX often sleep badly.\n")


@pytest.mark.parametrize("text, path", [(HANDOUT_MD, "h.md"), (HANDOUT_HTML, "h.html")])
def test_a_page_titled_as_someones_handout_is_reproduced_up_to_the_writers_notes(text: str, path: str) -> None:
    spans = reproduced(text, path)
    assert any("QVX" in s for s in spans) and not any("WPZ" in s for s in spans)
    assert acronyms(text, path) == ["WPZ"]  # the writer's own note is still read


def test_a_handout_title_naming_no_one_is_the_sites_own_page() -> None:
    assert reproduced(OWN_HANDOUT_MD, "o.md") == []
    assert acronyms(OWN_HANDOUT_MD, "o.md") == ["QVX"]


FOLLOWING_MD = ("## Iron in pregnancy\n\nMost women need more iron in the last months. Ask about HLQ at each visit.\n\n"
                "### The following was reprinted from a clinic newsletter\n\n"
                "Women with TRZ should have their ferritin checked twice.\n\n"
                "### Our advice\n\nKeep a note of PVM results.\n")
FOLLOWING_HTML = ("<h2>Iron in pregnancy</h2><p>Most women need more iron in the last months. Ask about HLQ at each visit.</p>"
                  "<h3>The following was reprinted from a clinic newsletter</h3>"
                  "<p>Women with TRZ should have their ferritin checked twice.</p>"
                  "<h3>Our advice</h3><p>Keep a note of PVM results.</p>")


@pytest.mark.parametrize("text, path", [(FOLLOWING_MD, "f.md"), (FOLLOWING_HTML, "f.html")])
def test_a_heading_saying_the_following_was_reprinted_heads_its_section(text: str, path: str) -> None:
    assert acronyms(text, path) == ["HLQ", "PVM"]  # the writer's sections before and after it


LEAD_MD = ("Slides from the day are linked below.\n\n**Below are excerpts from the workshop summary, attached further down**\n\n"
           "## What the day covered\n\nSpeakers from three TKW teams described their audits.\n\n"
           "## Open discussion\n\nOne midwife asked for a RBQ leaflet.\n")
LEAD_HTML = ("<p>Slides from the day are linked below.</p><p><b>Below are excerpts from the workshop summary, attached further down</b></p>"
             "<h2>What the day covered</h2><p>Speakers from three TKW teams described their audits.</p>"
             "<h2>Open discussion</h2><p>One midwife asked for a RBQ leaflet.</p>")
LIST_LEAD_MD = ("We looked at how clinics check FLX levels.\n\n**The following is our own tally of results**\n\n"
                "## Results\n\nMost clinics test GRV once a year.\n")


@pytest.mark.parametrize("text, path", [(LEAD_MD, "l.md"), (LEAD_HTML, "l.html")])
def test_a_lead_line_saying_the_following_is_extracted_carries_across_headings(text: str, path: str) -> None:
    assert acronyms(text, path) == []


def test_a_lead_to_the_writers_own_list_is_not_a_copy() -> None:
    assert acronyms(LIST_LEAD_MD, "l.md") == ["FLX", "GRV"]


BOX_MD = ("## Zinc and the gut lining - 2019\n\nJournal of Trace Minerals - May 2019 Pages 12-19\n\n"
          "Ilse Marwood, Tobias Quentin, Harriet J. Osei, Paulo Brandt\n\n**Highlights**\n\n"
          "* Zinc keeps the tight junctions of the gut closed.\n* KLF4 falls when zinc is low.\n\n"
          "## Our take\n\nWe think the BVQ data are too thin.\n")
BOX_HTML = ("<h2>Zinc and the gut lining - 2019</h2><p>Journal of Trace Minerals - May 2019 Pages 12-19</p>"
            "<p>Ilse Marwood, Tobias Quentin, Harriet J. Osei, Paulo Brandt</p><p><strong>Highlights</strong></p>"
            "<ul><li>Zinc keeps the tight junctions of the gut closed.</li><li>KLF4 falls when zinc is low.</li></ul>"
            "<h2>Our take</h2><p>We think the BVQ data are too thin.</p>")


@pytest.mark.parametrize("text, path", [(BOX_MD, "b.md"), (BOX_HTML, "b.html")])
def test_a_papers_highlights_box_under_its_authors_is_reproduced(text: str, path: str) -> None:
    assert acronyms(text, path) == ["BVQ"]


REVIEWS_MD = ("I sent the draft to a workshop and got some useful feedback from the reviewers. Here it is.\n\n"
              "1: The authors fit a model to PXQ data but never say how they chose the cut-off.\n\n"
              "2: The sample is small. The WDT figures need confidence intervals.\n\n"
              "3: A fine idea, but the write-up needs work.\n\n"
              "That came back in a week and I decided to send it to a journal with a new KRM section.\n")
REVIEWS_HTML = "".join(f"<p>{p}</p>" for p in REVIEWS_MD.strip().split("\n\n"))
NUMBERED_MD = ("These are my reviews of three books on statistics.\n\n1: The first book explains the PXQ method clearly.\n\n"
               "2: The second explains WDT badly.\n\n3: The third is fine.\n")


@pytest.mark.parametrize("text, path", [(REVIEWS_MD, "r.md"), (REVIEWS_HTML, "r.html")])
def test_pasted_peer_reviews_are_reproduced_up_to_the_writer(text: str, path: str) -> None:
    assert acronyms(text, path) == ["KRM"]


def test_the_writers_own_numbered_reviews_are_the_writers() -> None:
    """A lead naming the writer's own reviews ("my reviews of three books") names no one
    else's comments: the numbered paragraphs stay the writer's."""
    assert acronyms(NUMBERED_MD, "n.md") == ["PXQ", "WDT"]


ASIDE_MD = ("#### [Rare conditions](https://encyclopedia.example.org/rare) Encyclopedia\n\n"
            "* Many appear in childhood.\n\n> Comment by HealthWiki: rickets is rare here but common elsewhere\n\n"
            "* The ZQRT network groups them with neglected diseases.\n\n## My view\n\nAsk about a KVB test.\n")
ASIDE_HTML = ("<h4><a href=\"https://encyclopedia.example.org/rare\">Rare conditions</a> Encyclopedia</h4>"
              "<ul><li>Many appear in childhood.</li></ul><blockquote>Comment by HealthWiki: rickets is rare here but "
              "common elsewhere</blockquote><ul><li>The ZQRT network groups them with neglected diseases.</li></ul>"
              "<h2>My view</h2><p>Ask about a KVB test.</p>")


@pytest.mark.parametrize("text, path", [(ASIDE_MD, "a.md"), (ASIDE_HTML, "a.html")])
def test_a_site_remark_between_list_items_does_not_end_the_source(text: str, path: str) -> None:
    assert acronyms(text, path) == ["KVB"]


HERE_IS_MD = ("I am applying for a new post this spring. Here's a summary of the steps from the hospital's staff guide.\n\n"
              "Applicants send two letters to the DPQ office before the closing date.\n\n"
              "The panel meets within a month.\n\n"
              "I sent my letters last week to the NVW board.\n")
HERE_IS_HTML = "".join(f"<p>{p}</p>" for p in HERE_IS_MD.strip().split("\n\n"))
OWN_HERE_IS_MD = ("We ran a clinic in March. Here is a photo from our clinic.\n\n"
                  "Patients with MKV waited less than an hour.\n")


@pytest.mark.parametrize("text, path", [(HERE_IS_MD, "e.md"), (HERE_IS_HTML, "e.html")])
def test_blocks_presented_as_from_a_named_source_are_reproduced_up_to_the_writer(text: str, path: str) -> None:
    assert acronyms(text, path) == ["NVW"]


def test_here_is_naming_the_writers_own_source_reproduces_nothing() -> None:
    assert acronyms(OWN_HERE_IS_MD, "o.md") == ["MKV"]


BRACED_MD = ("### [Why I stopped taking zinc](https://blog.example.net/zinc)\n\n"
             "**{Note by HealthWiki: the author tried three doses}**\n\n"
             "Zinc lowered my copper, and my HQT results showed it.\n\n"
             "## My view\n\nAsk about a PLW test.\n")
BRACED_HTML = ("<h3><a href=\"https://blog.example.net/zinc\">Why I stopped taking zinc</a></h3>"
               "<p><b>{Note by HealthWiki: the author tried three doses}</b></p>"
               "<p>Zinc lowered my copper, and my HQT results showed it.</p>"
               "<h2>My view</h2><p>Ask about a PLW test.</p>")


@pytest.mark.parametrize("text, path", [(BRACED_MD, "z.md"), (BRACED_HTML, "z.html")])
def test_an_editors_note_in_braces_is_an_aside_not_the_end_of_the_source(text: str, path: str) -> None:
    assert acronyms(text, path) == ["PLW"]


def _abstract(title: str) -> str:
    return (f"#### A tracer trial - 2014\n\n{title}\n\nJ Trace Elem Med. 2014 Jun 2:jt2014\n\n"
            "Okafor KS, Lindqvist S, Moreau D.\n\nContext: zinc kinetics differ between groups.\n\n"
            "## My view\n\nAsk about a VXT test.\n")


@pytest.mark.parametrize("title, expected", [
    ("**Zinc half-life is shorter in older men and depends on ZBP levels.**", ["VXT"]),
    ("I liked this small trial of the QRS method.", ["QRS", "VXT"]),  # the writer's own line above it
])
def test_a_papers_title_over_its_journal_line_is_reproduced(title: str, expected: list[str]) -> None:
    text = _abstract(title)
    assert acronyms(text, "t.md") == expected
    html = "".join(f"<h4>{p[5:]}</h4>" if p.startswith("#### ") else f"<h2>{p[3:]}</h2>" if p.startswith("## ")
                   else f"<p>{p.replace('**', '')}</p>" for p in text.strip().split("\n\n"))
    assert acronyms(html, "t.html") == expected


def test_a_single_author_under_a_titled_journal_line_stays_an_author() -> None:
    """Blanking the title must leave the journal line readable: "Lindqvist KS." under it is an author."""
    text = ("Mineral needs beyond calcium for bone.\n\nBone Rep. 2015 Mar 3.\n\nLindqvist KS.\n\n"
            "Many nutrients act on bone besides calcium.\n")
    assert acronyms(text, "a.md") == []


# -- review of the issue-16 heuristics: the writer's own text is not another's (R2-R4, R13, R14, R16) --
def _html(markdown_body: str) -> str:
    """The same body as HTML paragraphs, list items and headings."""
    parts = []
    for p in markdown_body.strip().split("\n\n"):
        if p.startswith("## "):
            parts.append(f"<h2>{p[3:]}</h2>")
        elif p.startswith("- "):
            parts.append("<ul>" + "".join(f"<li>{x[2:]}</li>" for x in p.split("\n")) + "</ul>")
        else:
            parts.append(f"<p>{p}</p>")
    return "".join(parts)


PRACTICE_BODY = "Use the brown KVZ inhaler twice a day, even when you feel well."


@pytest.mark.parametrize("text, path", [
    (f"---\ntitle: \"Asthma inhaler leaflet - Brookfield Practice\"\n---\n\n{PRACTICE_BODY}\n", "p.md"),
    (f"<html><head><title>Inhaler leaflet from Harbour Lane Surgery</title></head><body><p>{PRACTICE_BODY}</p></body></html>",
     "p.html"),
])
def test_a_title_naming_the_sites_own_practice_is_not_an_outside_document(text: str, path: str) -> None:
    """A practice naming its own leaflet in the title names no outside author: the body is read."""
    assert reproduced(text, path) == []
    assert acronyms(text, path) == ["KVZ"]


@pytest.mark.parametrize("text, path", [
    (f"---\ntitle: \"Inhaler leaflet by Dr. Ines Carrow, Harbour Lane Clinic\"\n---\n\n{PRACTICE_BODY}\n", "d.md"),
    (f"<html><head><title>Inhaler leaflet by Dr. Ines Carrow, Harbour Lane Clinic</title></head><body><p>{PRACTICE_BODY}"
     "</p></body></html>", "d.html"),
])
def test_a_title_naming_a_person_is_still_someones_handout(text: str, path: str) -> None:
    assert any("KVZ" in s for s in reproduced(text, path))
    assert acronyms(text, path) == []


OWN_NOTES_BODY = ("I spent two days at the regional diabetes congress. Here's what I took away from the congress:\n\n"
                  "- People on TQW pumps should change the site every three days.\n- Ask about a ZRM review each year.")
OWN_TIPS_BODY = ("Pumps take practice. Here are my tips from a decade on the diabetes ward:\n\n"
                 "- People on TQW pumps should change the site every three days.\n- Ask about a ZRM review each year.")
EVENT_BODY = ("The society met in Leeds in June. Here are the main points from the symposium:\n\n"
              "- People on TQW pumps should change the site every three days.\n- Ask about a ZRM review each year.")
HANDBOOK_BODY = ("The society met in Leeds in June. Here are the rules from the symposium handbook:\n\n"
                 "- People on TQW pumps should change the site every three days.\n- A ZRM review is due each year.")
PASSAGE_BODY = ("The pump manual is long. Here is my favourite passage from the manual:\n\n"
                "- People on TQW pumps should change the site every three days.\n- A ZRM review is due each year.")


@pytest.mark.parametrize("body", [OWN_NOTES_BODY, OWN_TIPS_BODY, EVENT_BODY])
@pytest.mark.parametrize("html", [False, True])
def test_here_is_in_the_writers_voice_or_from_an_event_is_the_writers_summary(body: str, html: bool) -> None:
    text, path = (_html(body), "n.html") if html else (body + "\n", "n.md")
    assert reproduced(text, path) == []
    assert acronyms(text, path) == ["TQW", "ZRM"]


@pytest.mark.parametrize("body", [HANDBOOK_BODY, PASSAGE_BODY])
@pytest.mark.parametrize("html", [False, True])
def test_here_is_naming_a_document_or_a_quoted_passage_is_still_reproduced(body: str, html: bool) -> None:
    """A document named at an event, or a passage the writer likes from a document, is the source's words."""
    text, path = (_html(body), "h.html") if html else (body + "\n", "h.md")
    assert acronyms(text, path) == []


OWN_PLAN = ("## The following is the routine we follow on our ward\n\n"
            "Newborns with a low ZTK score get a second check at six hours.\n")
READER_PLAN = ("## The following was written by a parent in 2019\n\n"
               "Newborns with a low ZTK score get a second check at six hours.\n")


@pytest.mark.parametrize("text, path", [(OWN_PLAN, "w.md"), (_html(OWN_PLAN), "w.html")])
def test_the_following_in_the_writers_voice_heads_the_writers_own_text(text: str, path: str) -> None:
    assert reproduced(text, path) == []
    assert acronyms(text, path) == ["ZTK"]


@pytest.mark.parametrize("text, path", [(READER_PLAN, "r.md"), (_html(READER_PLAN), "r.html")])
def test_the_following_written_by_someone_else_is_still_reproduced(text: str, path: str) -> None:
    assert any("ZTK" in s for s in reproduced(text, path))
    assert acronyms(text, path) == []


ONE_BYLINE = ("Tomas Ferreira, RD\n\nKey messages\n\n- Children with LKP rarely need a special diet.\n"
              "- Ask the school nurse about a VRN plan.")
JOURNAL_BYLINE = ("## Gut barrier and zinc\n\nJ Trace Elem Med. 2016 Apr 2;30(2):41-47.\n\nTomas Ferreira, MD\n\n**Highlights**\n\n"
                  "- Children with LKP rarely need a special diet.\n- Ask the school nurse about a VRN plan.")


@pytest.mark.parametrize("text, path", [(ONE_BYLINE + "\n", "k.md"), (_html(ONE_BYLINE), "k.html")])
def test_one_byline_over_key_points_is_the_pages_own_author(text: str, path: str) -> None:
    assert reproduced(text, path) == []
    assert acronyms(text, path) == ["LKP", "VRN"]


@pytest.mark.parametrize("text, path", [(JOURNAL_BYLINE + "\n", "j.md"), (_html(JOURNAL_BYLINE.replace("**", "")), "j.html")])
def test_one_author_under_a_journal_line_over_highlights_is_a_papers_box(text: str, path: str) -> None:
    assert any("LKP" in s for s in reproduced(text, path))
    assert acronyms(text, path) == []


READER_ANSWERS = ("Feedback from readers this spring kept raising the same points, answered here:\n\n"
                  "1: Is it safe? Children on the QPL plan can play sport as usual.\n\n"
                  "2: How often? A BKT check every three months is enough.\n\n"
                  "3: Who pays? The clinic covers the first visit.\n")
QUESTION_ITEMS = ("Some feedback from the parents' group this term:\n\n"
                  "1: Is it safe? Children on the QPL plan can play sport as usual.\n\n"
                  "2: How often? A BKT check every three months is enough.\n\n"
                  "3: Who pays? The clinic covers the first visit.\n")


@pytest.mark.parametrize("body", [READER_ANSWERS, QUESTION_ITEMS])
@pytest.mark.parametrize("html", [False, True])
def test_numbered_answers_to_readers_are_the_writers(body: str, html: bool) -> None:
    text, path = (_html(body), "q.html") if html else (body, "q.md")
    assert reproduced(text, path) == []
    assert acronyms(text, path) == ["BKT", "QPL"]


class _Counting:
    """A stand-in for a compiled pattern that counts its searches and matches."""

    def __init__(self, pattern: object) -> None:
        self.pattern, self.calls = pattern, 0

    def search(self, *args: object) -> object:
        self.calls += 1
        return self.pattern.search(*args)

    def match(self, *args: object) -> object:
        self.calls += 1
        return self.pattern.match(*args)


@pytest.mark.parametrize("lead, item", [
    ("Here are the steps from the staff guide number {i}.", "Plain line about sleep {i}."),
    ("Some comments from the referees on item {i}.", "1: Looks fine {i}."),
])
def test_here_is_and_reviews_read_each_block_once(monkeypatch: pytest.MonkeyPatch, lead: str, item: str) -> None:
    """A long page of leads reads each block's voice once, not once per lead (R16: quadratic scans)."""
    import medlint.reproduced as rp
    counters = {name: _Counting(getattr(rp, name)) for name in ("_NARRATOR", "_VOICE", "_REVIEW_ITEM")}
    for name, counter in counters.items():
        monkeypatch.setattr(rp, name, counter)
    blocks = 600
    text = "".join(f"{lead.format(i=i)}\n\n{item.format(i=i)}\n\n" for i in range(blocks // 2))
    rp.find_reproduced(Document.from_text(text, path="long.md"))
    assert sum(c.calls for c in counters.values()) <= 3 * blocks


BARE_FEEDBACK = ("The grant panel turned the proposal down, but the feedback was kind. I copy it below.\n\n"
                 "1: The aims are clear, though the PXQ cohort is small.\n\n"
                 "2: The budget for WDT assays looks high.\n\n"
                 "3: Worth funding after revision.\n\n"
                 "I plan to resubmit with a new KRM section.\n")


@pytest.mark.parametrize("html", [False, True])
def test_numbered_comments_under_a_bare_feedback_lead_are_still_reviews(html: bool) -> None:
    """What the heuristic was built for: a lead naming feedback the writer got, over numbered comments."""
    text, path = (_html(BARE_FEEDBACK), "g.html") if html else (BARE_FEEDBACK, "g.md")
    assert acronyms(text, path) == ["KRM"]


def test_rules_found_at_their_line_starts_are_those_of_the_scan() -> None:
    """Horizontal rules are tried only at line starts that can draw one and at ``<hr``: the
    matches of the scan of the whole page, from any start."""
    import random

    from medlint.reproduced import _RULE_LINE, _rule_lines

    pieces = ["-", "*", "_", "\u2013", "\u2014", " ", "\t", "\n", "x", "<hr>", "<HR/>", "<hr", ">", "a", "\r"]
    rng = random.Random(17)
    texts = ["text\n---\nmore\n * * *\n<hr/>end", "---", "<Hr class=x>"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30))) for _ in range(30_000)]
    for text in texts:
        for start in (0, min(2, len(text))):
            assert [m.span() for m in _rule_lines(text, start)] == [m.span() for m in _RULE_LINE.finditer(text, start)], text


def test_remarks_and_item_words_are_found_as_the_patterns_find_them() -> None:
    """A remark's stem is found by ``in`` tests as the pattern found it; a block is read for
    words introducing items only when one of them starts in it."""
    from medlint.document import Document
    from medlint.reproduced import _ITEMS_WORD, _REMARK_STEMS, _Page, _has_remark, _holds_item_word

    remark_stem = re.compile("|".join(re.escape(stem) for stem in _REMARK_STEMS))  # the pattern it replaced
    for text in ["My Comment", "NOTES:", "Summary by", "nothing here", "See ALSO", "\u212aey", ""]:
        assert _has_remark(text) == (remark_stem.search(text.lower()) is not None), text
    doc = Document.from_text("Intro.\n\nHighlights from the report:\n\nSome points of note\n\nPoints\n", "x.md")
    page = _Page(doc)
    for b in doc.blocks:
        assert _holds_item_word(page, b.start, b.end) == (_ITEMS_WORD.search(doc.prose, b.start, b.end) is not None)
