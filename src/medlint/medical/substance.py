"""Which substance a dose is of, read as an editor reads it: from the dose's own
sentence first, then its paragraph, its section heading, the page's title and
front matter, and the substance the page is mostly about.

Why an order and not "the nearest name": a list line "Ascorbic acid 400 mg"
next to a line "Zinc 15 mg" is about vitamin C, and "20,000 IU daily" on a page
about vitamin D is vitamin D although the sentence never says so.  Outside the
sentence only units that fit the substance are trusted: IU name a handful of
vitamins (a page's substance for "400 IU" is one of those), while "500 mg" can
be any drug ("inhaled ciclesonide 320 mcg a day" in a paragraph on vitamin D), so
a mass takes its substance from its own sentence only.
"""
from __future__ import annotations

import bisect

import re
from collections import Counter
from typing import Any, Iterable

from ..document import Document
from .. import lazyre

#: Where a substance came from, in the words a message uses (empty: the sentence).
SOURCES = {
    "sentence": "",
    "paragraph": "named in the paragraph",
    "heading": "named in the section heading",
    "title": "named in the page's title",
    "front matter": "named in the page's tags or categories",
    "page": "the substance the page mentions most",
}

#: A sentence ends at a full stop, semicolon, question or exclamation mark before a
#: space (not a decimal point), at a blank line, and at a line break that starts a new
#: item: a list marker, a table row, a capital letter or a number.
_SENTENCE_END = lazyre.compile(r"[.;!?](?=\s)|\n\s*\n|\n(?=\s*(?:[*+\-|>]|\d+[.)]\s|[A-Z0-9]))")
_HTML_TITLE = lazyre.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
_TAG = lazyre.compile(r"<[^>]+>")
#: How far a sentence is searched either side of the dose (long sentences hold several doses).
_BEFORE, _AFTER = 200, 120
#: After the dose the reach counts what the reader sees: a run of spaces where the prose view
#: blanked a tag or a link's target counts as one ("50,000 IU of <b>D3</b> <a href=...>per</a>
#: month" is one sentence), up to this many characters of the file.
_AFTER_RAW = 600
_VISIBLE_AFTER = lazyre.compile(r"(?:\s+\S|\S){0,%d}" % _AFTER)


def sentence_bounds(prose: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence around ``[start, end)`` within ``[lo, hi)``, in file offsets."""
    left = max(lo, start - _BEFORE)
    cut = left
    for m in _SENTENCE_END.finditer(prose, left, start):
        cut = m.end()
    reach = _VISIBLE_AFTER.match(prose, end, min(hi, end + _AFTER_RAW))
    right = min(hi, reach.end() if reach else end + _AFTER)
    m = _SENTENCE_END.search(prose, end, right)
    return cut, (m.start() + (1 if prose[m.start()] in "?!" else 0)) if m else right


def _names(text: str, table: dict[str, Any], wanted: Iterable[str]) -> Counter[str]:
    """How often each wanted substance is named in *text*."""
    found: Counter[str] = Counter()
    for name in wanted:
        count = len(table[name]["regex"].findall(text))
        if count:
            found[name] = count
    return found


#: How far from a dose, within its sentence, its substance's name is looked for.
SENTENCE_REACH = 300


#: A medicine the table does not know, named between a substance and the amount: "the vitamin
#: D group reduced its medication to 95 micrograms" is the steroid's dose, not vitamin D's.
_OTHER_MEDICINE = lazyre.compile(r"\b(?:medications?|medicines?|drugs?|steroids?|corticosteroids?|inhalers?|"
                                 r"antibiotics?|statins?|painkillers?|prednisone|prednisolone)\b", re.I)
#: An amount with its unit, for reading which substance each amount of a sentence is bound to.
_AMOUNT = lazyre.compile(r"(?<![\w.,])\d[\d,.]*\s*(?:(?P<iu>IU|I\.U\.|international\s+units?)|mcg|\u00b5g|\u03bcg|ug|"
                         r"micrograms?|mg|milligrams?|g|grams?)(?![\w\u00b5])", re.I)
#: What may stand between an amount and the name it is bound to: "400 mg of magnesium",
#: "100 micrograms of Vitamin K2", "Magnesium: 400 mg", "Vitamin C 500 mg".
_BOUND_AFTER = lazyre.compile(r"\s*(?:of\s+)?")
_BOUND_BEFORE = lazyre.compile(r"[\s:=,\u2013-]*")
_MASS_UNITS = ("mg", "mcg", "g")


def _family(unit: str) -> str | None:
    """IU or mass: the unit family a writer keeps for one substance within a sentence."""
    return "IU" if unit == "IU" else "mass" if unit in _MASS_UNITS else None


def _bound_name(prose: str, start: int, end: int, lo: int, hi: int, table: dict[str, Any]) -> str | None:
    """The substance named right next to the amount at ``[start, end)``: after it ("of
    magnesium") or right before it ("Magnesium: 400 mg"), nothing but "of" or a colon between."""
    gap = _BOUND_AFTER.match(prose, end, hi)
    at = gap.end() if gap else end
    any_name = _any_name(table)  # (None: every name is tried)
    for name, entry in table.items() if any_name is None or any_name.match(prose, at) else ():
        if entry["regex"].match(prose, at):
            return name
    near = max(lo, start - 40)
    for name, entry in table.items() if any_name is None or any_name.search(prose, near, start) else ():
        for m in entry["regex"].finditer(prose, near, start):
            if _BOUND_BEFORE.fullmatch(prose, m.end(), start):
                return name
    return None


def _by_unit(prose: str, start: int, end: int, lo: int, hi: int, unit: str, nearest: str,
             table: dict[str, Any]) -> str | None:
    """The substance an amount that names none is of, read from the amounts its sentence binds
    to names: "100 micrograms of vitamin K2 per 1,000 IU of vitamin D (1,000 micrograms if
    taking 10,000 IU)": the micrograms are vitamin K2's, the IU vitamin D's, although vitamin D
    is named nearest. None when the sentence does not settle it (the nearest name stands)."""
    family = _family(unit)
    if family is None or _bound_name(prose, start, end, lo, hi, table):
        return None
    bound: dict[str, set[str]] = {"IU": set(), "mass": set()}
    for m in _AMOUNT.finditer(prose, lo, hi):
        if m.start() <= start < m.end():
            continue
        name = _bound_name(prose, m.start(), m.end(), lo, hi, table)
        if name:
            bound["IU" if m.group("iu") else "mass"].add(name)
    same = bound[family]
    if len(same) == 1 and nearest not in same and nearest in bound["IU" if family == "mass" else "mass"]:
        return next(iter(same))
    return None


#: The pattern of :func:`_any_name`, per table (the table is kept: its id names it only while it lives).
_ANY_NAME: dict[int, tuple[dict[str, Any], Any]] = {}


def _any_name(table: dict[str, Any]) -> Any:
    """One pattern that matches wherever any of the table's names does (their patterns as
    alternatives), or None when they cannot be joined (capturing groups, differing flags).
    A dose's sentence mostly names no substance on one side of it: one search rules out
    the twenty (issue 23)."""
    known = _ANY_NAME.get(id(table))
    if known is not None and known[0] is table:
        return known[1]
    patterns = [entry.get("regex") for entry in table.values()]
    joined = None
    if patterns and all(isinstance(p, re.Pattern) and not p.groups and p.flags == patterns[0].flags
                        for p in patterns):
        try:
            joined = re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
        except (re.error, OverflowError):
            joined = None
    if len(_ANY_NAME) > 32:
        _ANY_NAME.clear()
    _ANY_NAME[id(table)] = (table, joined)
    return joined


def _in_sentence(prose: str, start: int, end: int, s_lo: int, s_hi: int, table: dict[str, Any],
                 unit: str = "") -> str | None:
    """The substance named nearest the dose in its sentence; before the dose wins a tie
    ("Vitamin C 400 mg Zinc" is vitamin C). A name with another medicine between it and the
    dose is not the dose's (:data:`_OTHER_MEDICINE`; "" when that leaves none: the dose is of
    a medicine the table does not know), and an amount bound to no name takes the substance
    the sentence's other amounts of its unit are bound to (:func:`_by_unit`)."""
    best: tuple[int, int, str] | None = None
    other = False
    # A name further than SENTENCE_REACH from the dose is not its substance, even in a
    # sentence that never ends (a pasted table, a run of doses): the scan stays linear.
    before, after = prose[max(s_lo, start - SENTENCE_REACH):start], prose[end:min(s_hi, end + SENTENCE_REACH)]
    any_name = _any_name(table)
    named_before = any_name is None or any_name.search(before) is not None
    named_after = any_name is None or any_name.search(after) is not None
    for name, entry in table.items() if named_before or named_after else ():
        for m in entry["regex"].finditer(before) if named_before else ():
            if _OTHER_MEDICINE.search(before, m.end()):
                other = True
                continue
            key = (len(before) - m.end(), 0, name)
            best = key if best is None or key < best else best
        m = entry["regex"].search(after) if named_after else None
        if m:
            key = (m.start(), 1, name)
            best = key if best is None or key < best else best
    if best is None:
        return "" if other else None
    lo, hi = max(s_lo, start - SENTENCE_REACH), min(s_hi, end + SENTENCE_REACH)
    return _by_unit(prose, start, end, lo, hi, unit, best[2], table) or best[2]


def _top(found: Counter[str]) -> str | None:
    """The most named substance, if it is named more than any other."""
    ranked = found.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _heading_text(doc: Document, offset: int) -> str:
    """The nearest heading above *offset* and the headings it sits under."""
    texts: list[str] = []
    level = 7
    for heading in sorted((h for h in doc.headings if h.start <= offset), key=lambda h: h.start, reverse=True):
        if heading.level < level:
            texts.append(heading.text or "")
            level = heading.level
        if level == 1:
            break
    return "\n".join(texts)


def _front_matter(doc: Document, keys: tuple[str, ...]) -> str:
    """The front matter values under *keys* (strings or lists of strings), as text."""
    data = doc.front_matter.data if doc.front_matter and isinstance(doc.front_matter.data, dict) else {}
    parts: list[str] = []
    for key in keys:
        value = data.get(key)
        values = value if isinstance(value, list) else [value]
        parts.extend(str(v) for v in values if isinstance(v, (str, int, float)))
    return "\n".join(parts)


def page_title(doc: Document) -> str:
    """The page's title: front matter `title`, and an HTML page's <title>."""
    title = _front_matter(doc, ("title",))
    if doc.format == "html":
        m = _HTML_TITLE.search(doc.text)
        if m:
            title += "\n" + _TAG.sub(" ", m.group(1))
    return title


def page_substances(doc: Document, table: dict[str, Any]) -> Counter[str]:
    """How often the page's prose names each substance (cached on the document)."""
    key = "substances:" + str(id(table))
    if key not in doc.cache:
        doc.cache[key] = _names(doc.prose[doc.body_start:], table, table)
    return doc.cache[key]


def substance_of(doc: Document, start: int, end: int, lo: int, hi: int, unit: str,
                 table: dict[str, Any]) -> tuple[str | None, str | None]:
    """The substance of the dose at ``[start, end)`` (its block is ``[lo, hi)``) and where
    it was found (a key of :data:`SOURCES`), or ``(None, None)``."""
    prose = doc.prose
    s_lo, s_hi = sentence_bounds(prose, start, end, lo, hi)
    found = _in_sentence(prose, start, end, s_lo, s_hi, table, unit)
    if found:
        return found, "sentence"
    if found == "":
        return None, None  # another medicine's dose: "reduced its medication to 95 micrograms"
    if unit != "IU":  # "500 mg" can be of any drug: only its own sentence says which
        return None, None
    fits = [name for name, entry in table.items() if entry.get("iu")]
    # The block's names are found once per block (a long paragraph of doses stays linear):
    # the paragraph's are the block's less the sentence's own.
    named = _block_names(doc, lo, hi, table, fits)
    paragraph = Counter(name for _, m_end, name in named) - _names(prose[s_lo:s_hi], table, fits)
    if paragraph:
        before = [name for _, m_end, name in named[:bisect.bisect_left(named, (s_lo,))] if m_end <= s_lo]
        nearest = next((name for name in reversed(before) if name in paragraph), None)
        return nearest or _top(paragraph) or next(iter(paragraph)), "paragraph"
    for source, text in (("heading", _heading_text(doc, start)), ("title", page_title(doc)),
                         ("front matter", _front_matter(doc, ("tags", "categories")))):
        named = _top(_names(text, table, fits))
        if named:
            return named, source
    page = _top(Counter({n: c for n, c in page_substances(doc, table).items() if n in fits}))
    return (page, "page") if page else (None, None)


def _block_names(doc: Document, lo: int, hi: int, table: dict[str, Any], fits: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, substance) of every name of *fits* in ``prose[lo:hi]``, in order (cached)."""
    key = f"block-substances:{lo}:{hi}:{id(table)}"
    if key not in doc.cache:
        found = [(m.start(), m.end(), name) for name in fits for m in table[name]["regex"].finditer(doc.prose, lo, hi)]
        doc.cache[key] = sorted(found)
    return doc.cache[key]


