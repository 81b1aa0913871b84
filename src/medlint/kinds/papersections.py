"""Sections of a research paper that a page carries under the paper's own headings.

A health site that pastes a paper keeps its headings: "Introduction", "Methods",
"Discussion", "Conclusions", "Take-home messages", a "Figure 2" or "Table 1" caption, the
"Table of contents" of a thesis or a book. Those are the parts of a scientific report (the
IMRaD structure the ICMJE recommendations describe, and a figure's or table's legend); a
site does not head its own remarks so. The text under such a heading is the paper's: its
abbreviations are defined, or not, as the paper defines them, and the page cannot expand
them without misquoting (``acronym-undefined`` does not read it). "Highlights" and "Key
points" are left out: sites write their own under those names.

One such heading is no paper: a site heads its own text "Background" or "Conclusion" too
("## Background" / "People with COPD often ..."). The sections are the paper's only when
the page has two or more different section headings, as :mod:`medlint.regions` asks of a
reproduced paper, or one under a heading that is a paper's title as PubMed prints it (four
words or more ending with a full stop, not in the writer's voice: a site's own headings do
not end so); a figure's or a table's caption is one on its own.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import lazyre

if TYPE_CHECKING:
    from ..document import Document

#: A heading that is only the name of a paper's section, perhaps numbered ("3. Results", "IV. Discussion").
_SECTION = lazyre.compile(
    r"[\W_]*(?:(?:\d{1,2}|[IVX]{1,4})[.)]?\s+)?"
    r"(?:introduction|background|methods?|materials?\s+and\s+methods|(?:patients|subjects|participants)\s+and\s+methods"
    r"|study\s+design|statistical\s+analys[ie]s|results?|results\s+and\s+discussion|discussion|conclusions?"
    r"|limitations|abstract|summary\s+points|take[-\s]home\s+(?:messages?|points?)|(?:table\s+of\s+)?contents)[\W_]*",
    re.I)
#: A heading that opens a figure's or a table's caption: "Figure 2", "Fig. (8).", "Table II. Symptoms ...".
_CAPTION = lazyre.compile(r"[\W_]*(?:supplementary\s+)?(?:fig(?:ure)?s?\.?|table)\s*\(?\s*(?:\d{1,2}[a-z]?|[IVX]{1,5})\b"
                          r"(?![ \t]*(?:IU|mg|mcg|ng|%))", re.I)

#: A paper's title as PubMed prints it: four words or more, ending with a full stop.
_PAPER_TITLE = lazyre.compile(r"(?:\S+\s+){3,}\S*[^\W_]\.")
#: The writer's voice in a heading ("What I learnt.", "Why we moved."): no paper's title.
_VOICE = lazyre.compile(r"\b(?:I|I'm|I've|my|me|we|our|us|you|your)\b", re.I)
#: How many different section headings make the page a pasted paper (as regions.py asks).
PAPER_HEADINGS = 2


def _name(heading: str) -> str:
    """A section heading's name without its number and marks: "3. Results" -> "results"."""
    return " ".join(re.sub(r"^[\W_]*(?:(?:\d{1,2}|[IVX]{1,4})[.)]?\s+)?|[\W_]+$", "", heading).lower().split())


def paper_sections(doc: "Document") -> list[tuple[int, int]]:
    """The spans of *doc* under a heading that names a part of a research paper, on a page
    with two or more such headings, or a caption (see the module's docstring), each up to
    the next heading of any level: a paper's sections follow one another, and a heading of
    another kind is the page's own again."""
    headings = sorted(doc.headings, key=lambda h: h.start)
    texts = [" ".join(h.text.split()) for h in headings]
    sections = [_SECTION.fullmatch(t) for t in texts]
    names = {_name(m.group(0)) for m in sections if m}
    first = next((i for i, m in enumerate(sections) if m), len(headings))
    titled = any(_PAPER_TITLE.fullmatch(t) and not _VOICE.search(t) for t in texts[:first])
    paper = len(names) + titled >= PAPER_HEADINGS
    spans = []
    for i, h in enumerate(headings):
        if (paper and sections[i]) or _CAPTION.match(texts[i]):
            end = headings[i + 1].start if i + 1 < len(headings) else len(doc.text)
            spans.append((h.end, end))
    return spans
