"""Text on a page that is not the writer's own prose, by the marks a page sets around it: a
reader's letter the page answers, a programme's session abstract, a passage with its source's
address after it, a quoted excerpt whose markup is broken by stray list dashes, an italic
account under a lead that runs on into it, a citation line with the cited work's linked title,
and a description quoted from a reference work. Each case sits beside the writer's own prose
of the same shape, which is still read."""
from __future__ import annotations

import pytest

from medlint import lint_text
from medlint.document import Document


def undefined(text: str, path: str) -> set[str]:
    """The abbreviations acronym-undefined reports on the page."""
    return {d.message.split("'")[1] for d in lint_text(text, path=path, select=["acronym-undefined"], config={})}


def kinds_over(text: str, path: str, needle: str) -> set[str]:
    """The region kinds that cover the first character of *needle*."""
    doc = Document.from_text(text, path=path)
    at = text.index(needle)
    return {r.kind for r in doc.regions if r.start <= at < r.end}


# -- a reader's letter ----------------------------------------------------------------------------
LETTER_MD = """---
title: Counting clinic visits
---

Dear Dr. Okafor: I run a small study of falls at our KPW unit and my manager asks for a
sample size. I have never done one. How should I start?

Dear Reader, a sample size starts from the width of interval you can live with. Ask the
QTB at your site which width they accept.
"""

LETTER_HTML = """<html><head><title>Counting clinic visits</title></head><body>
<p><em>Dear Professor Hale, I keep a register of hip fractures at the KPW ward and my
supervisor wants a power calculation. I am not sure it applies. - Puzzled Pat</em></p>
<p>Dear Pat, a register has no hypothesis to power. Describe it with intervals and show the
QTB what precision you reach.</p>
</body></html>
"""


@pytest.mark.parametrize("text,path", [(LETTER_MD, "letter.md"), (LETTER_HTML, "letter.html")])
def test_a_readers_letter_is_reproduced_and_the_answer_is_read(text: str, path: str) -> None:
    assert "reproduced" in kinds_over(text, path, "KPW")
    found = undefined(text, path)
    assert "KPW" not in found  # the reader's abbreviation
    assert "QTB" in found  # the writer's own, in the answer right after


@pytest.mark.parametrize("text,path", [
    ("Dear friends, this month I moved my clinic notes to the KPW system and I love it.\n", "own.md"),
    ("<p>Dear readers, I promised my notes on the KPW audit last week.</p>\n", "own.html"),
    ("## Answers\n\nDear Sam, the answer is a wider interval at the KPW ward.\n", "answer.md"),
    ("Dear Senator Vale, I write as a nurse at the KPW unit to ask you to fund our screening.\n\n"
     "My patients wait months for a scan, and I see the harm every week.\n", "open-letter.md"),
    ("<p>Dear Senator Vale, I write as a nurse at the KPW unit to ask you to fund our screening.</p>\n", "open-letter.html"),
])
def test_the_writers_own_greeting_is_read(text: str, path: str) -> None:
    assert "KPW" in undefined(text, path)


# -- a programme's session abstract ------------------------------------------------------------------
SESSION_MD = """Two recent online talks covered safety monitoring:

- Signals in spontaneous reports. Speakers: Ana Ruiz of Northfield University and Tom Berg of
  Delta Analytics. Regulators now screen the VXR database with disproportionality measures, and
  the speakers show how to set thresholds, how to read the plots and how to report the signals.

I liked the second one more, because the LMQ approach was new to me.
"""

SESSION_HTML = """<p>Two recent online talks covered safety monitoring:</p>
<ul><li>Signals in spontaneous reports. Presenters: Ana Ruiz, Northfield University. Regulators now
screen the VXR database with disproportionality measures, and the presenters show how to set
thresholds, how to read the plots and how to report the signals to the agency.</li></ul>
<p>I liked it, because the LMQ approach was new to me.</p>
"""


@pytest.mark.parametrize("text,path", [(SESSION_MD, "talks.md"), (SESSION_HTML, "talks.html")])
def test_a_session_abstract_after_its_speakers_is_reproduced(text: str, path: str) -> None:
    found = undefined(text, path)
    assert "VXR" not in found and "LMQ" in found


def test_the_writers_own_talk_listing_is_read() -> None:
    text = ("- My session on audits. Speakers: I will present it with Tom Berg, and I will show how my team "
            "screens the VXR register every month, how we set thresholds and how we report what we find.\n")
    assert "VXR" in undefined(text, "mine.md")


# -- a passage with its source's address after it --------------------------------------------------
SOURCE_MD = """Note this summary of the tools on offer:

Several calculators estimate the number of patients for a trial. Some ask you for the QFR directly,
others derive it from the expected means and the spread within each arm. https://calc.example.edu/list.html

In practice the PZV is what most readers need.
"""

SOURCE_HTML = """<p>Note this summary of the tools on offer:</p>
<p>Several calculators estimate the number of patients for a trial. Some ask for the QFR directly,
others derive it from the expected means and the spread within each arm.</p>
<p><a href="https://calc.example.edu/list.html">https://calc.example.edu/list.html</a></p>
<p>In practice the PZV is what most readers need.</p>
"""


@pytest.mark.parametrize("text,path", [(SOURCE_MD, "tools.md"), (SOURCE_HTML, "tools.html")])
def test_a_passage_under_a_colon_lead_with_its_address_after_it_is_quoted(text: str, path: str) -> None:
    assert "quotation" in kinds_over(text, path, "QFR")
    found = undefined(text, path)
    assert "QFR" not in found and "PZV" in found


def test_the_writers_paragraph_ending_with_an_address_is_read_without_a_colon_lead() -> None:
    text = ("I wrote this page for my students.\n\nSeveral calculators estimate the number of patients, and "
            "I prefer the one that asks for the QFR directly. https://calc.example.edu/list.html\n")
    assert "QFR" in undefined(text, "own.md")


# -- a quoted excerpt broken by stray list dashes ---------------------------------------------------------
EXCERPT_MD = """**Further reading**

**Count models**. Ruth Adler. (Seen on May 2
- 2004)
Excerpt: *"Poisson models suit counts of events over a fixed exposure and
- unlike the ZRT model
- they keep predictions positive. Overdispersion calls for a
negative binomial."*
[www.example.edu/adler/counts.htm](http://www.example.edu/adler/counts.htm)

The NHQ data I used above are overdispersed.
"""


def test_an_excerpt_after_its_label_is_quoted_up_to_its_closing_mark_and_source() -> None:
    found = undefined(EXCERPT_MD, "reading.md")
    assert "ZRT" not in found and "NHQ" in found


def test_an_excerpt_in_html_list_items_is_quoted() -> None:
    text = ("<p>Excerpt: \"Poisson models suit counts of events over a fixed exposure and</p>\n"
            "<ul><li>unlike the ZRT model</li>\n<li>they keep predictions positive.\"</li></ul>\n"
            "<p>The NHQ data I used above are overdispersed.</p>\n")
    found = undefined(text, "reading.html")
    assert "ZRT" not in found and "NHQ" in found


def test_a_label_and_a_quotation_mark_that_never_closes_are_the_writers() -> None:
    text = "Tip: \"wide intervals are honest\n\n- the ZRT model is my default\n- and it works\n"
    assert "ZRT" in undefined(text, "tips.md")


# -- italic passages under a run-on lead or over their citation ------------------------------------------
ACCOUNT_MD = """Ana Ruiz recalls her first night on the ward

*The lights went out at nine. The nurses from the VKL team walked past our beds twice an hour
and nobody told us why. I remember the sound of the trolleys more than anything else.*

The BQM rules that followed came out of accounts like hers.
"""

ACCOUNT_HTML = """<p>The board's rules say a review panel consists of</p>
<p><em>three senior members of the department who are not on the VKL track, and one member of the
faculty council who chairs the panel without a vote.</em></p>
<p>The BQM office then sends the file on.</p>
"""


@pytest.mark.parametrize("text,path", [(ACCOUNT_MD, "account.md"), (ACCOUNT_HTML, "rules.html")])
def test_an_italic_passage_under_a_lead_that_runs_on_into_it_is_quoted(text: str, path: str) -> None:
    found = undefined(text, path)
    assert "VKL" not in found and "BQM" in found


def test_an_italic_passage_over_its_citation_in_the_same_paragraph_is_quoted() -> None:
    text = ("This is how one survivor put it.\n\n*We waited in the yard for hours while the VKL guards "
            "counted us again and again, and nobody said a word.* **A Long Winter.** Ruiz A. In: Berg T, "
            "ed. Voices. 1998; 12-19.\n\nWe keep the rest in the BQM archive of our clinic, open to all.\n")
    found = undefined(text, "voices.md")
    assert "VKL" not in found and "BQM" in found


@pytest.mark.parametrize("text,path", [
    ("My own view of the ward.\n\n*The VKL team walks past the beds twice an hour and nobody tells "
     "the patients why.*\n", "own.md"),
    ("<p>My own view of the ward.</p>\n<p><em>The VKL team walks past the beds twice an hour and nobody "
     "tells the patients why.</em></p>\n", "own.html"),
])
def test_the_writers_italic_paragraph_after_a_finished_sentence_is_read(text: str, path: str) -> None:
    assert "VKL" in undefined(text, path)


# -- citation lines and linked titles ------------------------------------------------------------------
CITATION_MD = """It is easy to get odds ratios, less easy to get risk ratios.

Ruth Adler. [How do I estimate a risk ratio with a TQL model for common outcomes?][a1] Northfield Stats Help.

The WJC approach below is mine.

The data come from the [MRBK Handbook of Applied Methods](https://example.org/mrbk).

[a1]: https://example.org/a1
"""

CITATION_HTML = """<p>It is easy to get odds ratios, less easy to get risk ratios.</p>
<p>Ruth Adler. <a href="https://example.org/a1">How do I estimate a risk ratio with a TQL model for
common outcomes?</a> Northfield Stats Help.</p>
<p>The WJC approach below is mine.</p>
<p>The data come from the <a href="https://example.org/mrbk">MRBK Handbook of Applied Methods</a>.</p>
"""


@pytest.mark.parametrize("text,path", [(CITATION_MD, "cite.md"), (CITATION_HTML, "cite.html")])
def test_a_citation_line_and_a_linked_title_named_as_a_source_are_references(text: str, path: str) -> None:
    assert "reference" in kinds_over(text, path, "TQL")
    found = undefined(text, path)
    assert not {"TQL", "MRBK"} & found
    assert "WJC" in found


@pytest.mark.parametrize("text,path", [
    ("Apply before June and read the [RFQ for the 2024 Small Project Grant Program](https://example.org/r).\n",
     "grant.md"),
    ('<p>Apply before June and read the <a href="https://example.org/r">RFQ for the 2024 Small Project Grant '
     'Program</a>.</p>\n', "grant.html"),
])
def test_a_linked_noun_phrase_in_the_writers_sentence_is_read(text: str, path: str) -> None:
    assert "RFQ" in undefined(text, path)


# -- a description quoted from a reference work ------------------------------------------------------
def test_a_quoted_description_with_quotes_inside_is_quoted_whole() -> None:
    text = ('Medline "is a database run by a national library. When a search returns "no results", the '
            'system logs a ZNR code, and after three ZNRs it suggests other terms." The WQP filter helps.\n')
    found = undefined(text, "db.md")
    assert "ZNR" not in found and "WQP" in found


def test_a_quoted_word_in_the_writers_sentence_is_not_a_description() -> None:
    text = 'The word "is" matters here, and the ZNR result shows it. That is all.\n'
    assert "ZNR" in undefined(text, "word.md")


@pytest.mark.parametrize("text,path", [
    ('The classic is Berg TK. "Hazard models for follow-up data" in a 1968 volume, and the HZL model came '
     'from it.\n', "classic.md"),
    ('<p>The classic is Berg TK, Lund AM. "Hazard models for follow-up data" in a 1968 volume, and the HZL model came '
     'from it.</p>\n', "classic.html"),
])
def test_an_author_with_initials_before_a_quoted_title_is_a_citation(text: str, path: str) -> None:
    found = undefined(text, path)
    assert not {"TK", "AM"} & found
    assert "HZL" in found


def test_initials_in_the_writers_sentence_without_a_quoted_title_are_read() -> None:
    text = 'Ask Berg TK. He knows the "HZL" model well, and so does the team.\n'
    assert {"TK", "HZL"} <= undefined(text, "ask.md")


@pytest.mark.parametrize("text,path", [
    ("*Dear Dr. Okafor, what does the KPW score I keep seeing measure?* The QTB guide explains it: a five-item count.\n", "inline.md"),
    ("<p><em>Dear Dr. Okafor, what does the KPW score I keep seeing measure?</em> The QTB guide explains it: a five-item count.</p>\n",
     "inline.html"),
])
def test_an_italic_letter_ends_where_its_italics_close(text: str, path: str) -> None:
    found = undefined(text, path)
    assert "KPW" not in found and "QTB" in found


def test_a_passage_ending_with_see_and_an_address_is_the_writers() -> None:
    text = ("Her talk notes are online:\n\nShe also chaired a panel at the QFR meeting on consulting, and "
            "discussed fees and contracts. For an overview, see https://example.org/panel.html\n")
    assert "QFR" in undefined(text, "panel.md")


# -- review 3: the writer's text around the marks stays the writer's -----------------------------
def test_a_quoted_description_ends_at_its_own_closing_mark_not_a_later_quote() -> None:
    text = ('# Ginger\n\nGingerol "is the sharp compound in ginger root." Ask a nurse about the LKQ '
            'clinic before you start. A neighbour told me, "It helped a lot."\n')
    assert "quotation" not in kinds_over(text, "g.md", "Ask a nurse")
    assert "quotation" in kinds_over(text, "g.md", "sharp compound")
    assert "LKQ" in undefined(text, "g.md")


@pytest.mark.parametrize("text,path", [
    ("# Spring colds\n\nA plan for the whole house:\n\nTake 500 mg of vitamin C each morning through April and "
     "ask the pharmacist about the LKQ nasal spray when a cold starts. https://example.org/vitamin-c-trial\n",
     "plan.md"),
    ("<h1>Spring colds</h1>\n<p>A plan for the whole house:</p>\n<p>Take 500 mg of vitamin C each morning through "
     "April and ask the pharmacist about the LKQ nasal spray when a cold starts. https://example.org/vitamin-c-trial</p>\n",
     "plan.html"),
])
def test_the_writers_paragraph_citing_a_study_under_a_plain_colon_lead_is_read(text: str, path: str) -> None:
    assert "quotation" not in kinds_over(text, path, "LKQ")
    assert "LKQ" in undefined(text, path)


@pytest.mark.parametrize("text,path", [
    ("# Colds in winter\n\nThe quick guide for busy carers\n\n*Give children 500 mg of vitamin C every day from "
     "November and ask the pharmacist about the LKQ spray if they start to sneeze.*\n\nMore follows below.\n",
     "guide.md"),
    ("<h1>Colds in winter</h1>\n<p>The quick guide for busy carers</p>\n<p><em>Give children 500 mg of vitamin C "
     "every day from November and ask the pharmacist about the LKQ spray if they start to sneeze.</em></p>\n",
     "guide.html"),
])
def test_the_writers_italic_box_under_a_heading_like_line_is_read(text: str, path: str) -> None:
    assert "LKQ" in undefined(text, path)


def test_speakers_named_in_the_middle_of_the_writers_recap_are_read() -> None:
    text = ("# Our autumn health evening\n\nBack pain night at the town hall. Speakers: Dr Ruth Moss and Sam Vale. "
            "This amazing supplement helps every back in days, so take 2,000 mg of magnesium a day and ask your "
            "doctor about LKQ injections for the lower spine.\n")
    assert "reproduced" not in kinds_over(text, "recap.md", "LKQ")
    assert "LKQ" in undefined(text, "recap.md")


@pytest.mark.parametrize("text", [
    "# Clinic queues\n\n## An open letter to the health secretary\n\nDear Secretary, I have nursed for 15 years. "
    "Patients on LKQ lists wait months for a hip. Why will you not fund more theatres?\n\n"
    "Until then, gentle exercise helps most people.\n",
    "# Clinic queues\n\nDear Minister, I have nursed for 15 years. Patients on LKQ lists wait months for a hip. "
    "Why will you not fund more theatres?\n\nUntil then, gentle exercise helps most people.\n",
    "# Clinic queues\n\nDear Dr Vale, I have nursed for 15 years and my LKQ list grows every week. "
    "Why is nobody listening?\n\nUntil then, gentle exercise helps most people.\n",
])
def test_the_writers_letter_with_a_rhetorical_question_and_no_answer_is_read(text: str) -> None:
    assert "LKQ" in undefined(text, "queues.md")
