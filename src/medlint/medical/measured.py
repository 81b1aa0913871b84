"""Amounts written like doses that are no doses: what a sample holds, a conversion factor, web-address text.

The notation check flags "2.0 mg", "20 µg", "30 cc" and "600IU" because a misread
dose harms someone; nobody is given a lab value, a unit conversion or the text of a
link, so their notation is no error.  The amount is no dose when:

- **it is a concentration or content**: its unit is per volume or per mass of the
  sample ("2.0 mg/dL", "25 µg/L", "4075 U/L", "1.40 μg/mL", "3 mg per litre",
  "1.11mg/g extract", "1.25mg/100g"), or per another dose unit with no number
  ("40 IU/µg", a conversion; "1000IU/400IU" is two doses).  Per kg
  is a dose by body weight ("1.0 mg/kg") and is still reported;
- **it is a measured value**: a measurement word (serum, plasma, level,
  concentration, threshold, cut-off, volume, reference range) stands a few words
  before it in its sentence and the words between end in a comparison or a link
  ("serum zinc levels above 1.2 mg", "residual volume < 50 cc", "a
  threshold of 10 µg"), with no dose word between or just before it ("levels < 50
  nmol/L need an intake of 10 µg", "an intake level of 10 µg" are intakes, "levels
  rose with 2000IU" a dose);
- **it is part of a conversion factor**: an equation with one unit on one side
  ("1 µg = 40 IU", "1 IU vitamin D3 = 0.025 μg", "40 IU is equivalent to 1 mcg").
  A dose restated in another unit ("400 IU (= 10 µg)") has no 1 and is a dose;
- **it is web-address text**: a number right after a '%' ("%20IU" is an escaped
  space followed by "IU"), or a word holding "://" or several %XX escapes (a link
  target the page printed as text).  Link targets the reader parses are never prose.
"""
from __future__ import annotations

import re

from ..document import Document
from .. import lazyre

#: A unit right after an amount whose match stopped at the number ("2.0" of "2.0 mg").
_UNIT_AFTER = lazyre.compile(r"\s?(?:mg|mcg|[\u00b5\u03bcu]g|g|mL|ml|units?|IU|U|cc)(?![\w\u00b5\u03bc])")
#: Per volume or per mass of the sample, or per another dose unit; never per kg (of body weight).
_PER_SAMPLE = lazyre.compile(
    r"\s*(?:/|\bper\s+)\s*(?:(?:\d+(?:[.,]\d+)?\s*)?"
    r"(?:[dcm\u00b5\u03bcn]?[lL]|(?:deci|milli)?lit(?:re|er)s?|m?mol|m?g|(?:milli)?grams?)|"
    r"IU|[\u00b5\u03bcu]g|mcg|micrograms?|units?)(?![\w\u00b5\u03bc])")
_MEASURE_WORD = lazyre.compile(
    r"\b(?:[Ss]erum|[Pp]lasma|[Ll]evels?|[Cc]oncentrations?|[Tt]hresholds?|[Cc]ut-?offs?|[Vv]olumes?|[Tt]it(?:re|er)s?|"
    r"(?:[Rr]eference|[Nn]ormal|[Tt]arget)\s+(?:range|interval|value)s?)\b")
#: What may stand between a measurement word and its value: a few words ending in a comparison or a link.
_TO_VALUE = lazyre.compile(
    r"[^.;!?\n]{0,40}?(?:[<>\u2264\u2265=~:]|\b(?:of|was|were|is|are|above|below|over|under|than|exceeding|between|"
    r"from|to|at|reached|remained)\b)\s*[(\[]?\s*[-+\u2212\u00b1]?\s*$")
_DOSE_WORD = lazyre.compile(
    r"\b(?:tak(?:e|es|ing|en)|took|giv(?:e|es|en|ing)|gave|receiv\w*|dos(?:e|es|ed|ing|age)|intakes?|suppl\w*|"
    r"administ\w*|inject\w*|infus\w*|prescri\w*|amounts?|daily|consum\w*|treat\w*|fortif\w*|regimens?|therapy|"
    r"orally|capsules?|tablets?|recommend\w*)\b", re.I)
_ONE = r"(?<![\w.,])(?:1|one)\s*"
_UNIT = r"(?:IU|I\.U\.|iu|[\u00b5\u03bcu]g|mcg|mg|micrograms?|milligrams?|units?|U)(?![\w\u00b5\u03bc])"
_AMOUNT = r"(?<![\w.,])(?:\d[\d,.]*|one)\s*"
_NAMED = r"(?:\s+(?:of\s+)?[\w()\-]+){0,3}?"
_EQUALS = r"\s*(?:=|\u2248|equals?|is\s+equal\s+to|(?:is\s+)?equivalent\s+to|corresponds?\s+to|is\s+the\s+same\s+as)\s*"
#: A conversion factor: one unit on one side of an equation.
_FACTOR = lazyre.compile(_ONE + _UNIT + _NAMED + _EQUALS + _AMOUNT + _UNIT + "|" + _AMOUNT + _UNIT + _NAMED + _EQUALS + _ONE + _UNIT)
_COMPARISONS = {"lt": "<", "gt": ">", "le": "\u2264", "ge": "\u2265", "#60": "<", "#62": ">"}
_COMPARISON_ENTITY = lazyre.compile(r"&(lt|gt|le|ge|#60|#62);")
_ESCAPE = lazyre.compile(r"%[0-9A-Fa-f]{2}")
#: How far to look for the words around an amount (characters).
_REACH = 100


def not_a_dose(doc: Document, start: int, end: int) -> str | None:
    """Why the amount at ``[start, end)`` (its number, with or without its unit) is no
    dose: "concentration", "measured", "conversion" or "address"; None if it may be one."""
    prose = doc.prose
    if prose[end - 1:end].isdigit() and (unit := _UNIT_AFTER.match(prose, end)):
        end = unit.end()
    if _in_address(prose, start, end):
        return "address"
    if _PER_SAMPLE.match(prose, end):
        return "concentration"
    block = doc.block_at(start)
    lo, hi = (block.start, block.end) if block else (doc.body_start, len(prose))
    before = re.split(r"[.;!?]\s|\n", _with_comparisons(doc, max(lo, start - _REACH), start))[-1]
    if _measured(before):
        return "measured"
    w_lo, w_hi = max(lo, start - _REACH), min(hi, end + _REACH)
    if any(f.start() <= start and end <= f.end() for f in _FACTOR.finditer(prose, w_lo, w_hi)):
        return "conversion"
    return None


def _with_comparisons(doc: Document, start: int, end: int) -> str:
    """The prose of ``[start, end)`` with the comparison entities it blanked put back:
    "volume &lt; 30 cc" in HTML reads as "volume < 30 cc"."""
    chars = list(doc.prose[start:end])
    for m in _COMPARISON_ENTITY.finditer(doc.text, start, end):
        chars[m.start() - start] = _COMPARISONS[m.group(1)]
    return "".join(chars)


def _measured(before: str) -> bool:
    """True if *before* (the sentence up to an amount) ends with a measurement word and a
    comparison or link to the amount, and no dose word comes after the measurement word."""
    words = list(_MEASURE_WORD.finditer(before))
    if not words:
        return False
    word = words[-1]
    gap = before[word.end():]
    if _DOSE_WORD.search(before[max(0, word.start() - 25):word.start()]):
        return False  # "an intake level of 10 µg", "the dose concentration": a dose
    return bool(_TO_VALUE.fullmatch(gap)) and not _DOSE_WORD.search(gap)


def _in_address(prose: str, start: int, end: int) -> bool:
    """True if the amount is text of a web address: right after a '%' (an escape such as
    "%20"), or in a word holding "://" or two or more %XX escapes."""
    if prose[start - 1:start] == "%":
        return True
    lo = start
    while lo > max(0, start - 300) and not prose[lo - 1].isspace():
        lo -= 1
    hi = start
    while hi < min(len(prose), start + 300) and not prose[hi].isspace():
        hi += 1
    word = prose[lo:hi]
    return "://" in word or len(_ESCAPE.findall(word)) >= 2
