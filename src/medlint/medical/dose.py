"""Dose expressions in prose: where they are and what they mean.

A dose is an amount (or a range) followed by a dose unit: ``5,000 - 10,000
IU``, ``up to 14,000 IU per day``, ``0.5 mg``, ``2 tablets daily``.  Lab
values (``30 ng/mL``, ``200 mg/dL``), percentages, years, ages and sample
sizes carry no dose unit and are not doses.  The parser also finds the
substance named nearby (from ``data/upper-limits.yaml``) and the frequency,
which turns a dose into a daily equivalent.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..document import Document

_SEP = "[,\u2009\u202f\u00a0 .]"
NUMBER = (r"(?:\d{1,3}(?:" + _SEP + r"\d{3})+(?![\d])|\d+)(?:[.,]\d+)?|\.\d+")
UNITS = {
    "IU": r"IU|I\.U\.|[Ii]nternational\s+[Uu]nits?",
    "units": r"[Uu]nits?",
    "mg": r"mg|milligrams?",
    "mcg": r"mcg|\u00b5g|\u03bcg|ug|micrograms?",
    "g": r"g|grams?",
    "mL": r"mL|ml|millilit(?:er|re)s?",
    "mmol": r"mmol|millimoles?",
    "drops": r"drops?",
    "tablets": r"tablets?|capsules?|softgels?|pills?|caps",
}
_UNIT = "|".join(f"(?P<u_{key}>{pattern})" for key, pattern in UNITS.items())
_QUALIFIER = r"(?P<qual>up\s+to|at\s+least|as\s+much\s+as|no\s+more\s+than|more\s+than|over|less\s+than|under|about|around|approximately|~)"
DOSE = re.compile(
    r"(?:" + _QUALIFIER + r"\s+)?"
    r"(?<![\w.,\u00b5\u03bc/])(?<![\d.][eE][-+])(?P<low>" + NUMBER + r")"
    r"(?:\s*(?:" + "|".join(UNITS.values()) + r"))?"
    r"(?:\s*(?:-|\u2013|\u2014|to|and)\s*(?P<high>" + NUMBER + r"))?"
    r"\s*(?:" + _UNIT + r")(?![\w\u00b5])"
    r"(?P<per>\s*/\s*(?:kg|day|d|24\s*h|week|wk|month|dose)\b)?"
)
#: A unit followed by '/L', '/dL', '/mL' is a concentration (a lab value), not a dose.
_CONCENTRATION = re.compile(r"\s*/\s*(?:d?[lL]|m[lL]|\d*\s*m[lL]|ml)\b")
_FREQUENCIES = [
    (re.compile(r"(?:twice|two\s+times)\s+(?:a|per|each)\s+day|twice[\s-]+daily|\bb\.?i\.?d\b", re.I), 2.0, "twice a day"),
    (re.compile(r"(?:three\s+times|thrice)\s+(?:a|per|each)\s+day|\bt\.?i\.?d\b", re.I), 3.0, "three times a day"),
    (re.compile(r"every\s+other\s+day|alternate\s+days|\bq\.?o\.?d\b", re.I), 0.5, "every other day"),
    (re.compile(r"(?:twice|two\s+times)\s+(?:a|per|each)\s+week|twice[\s-]+weekly", re.I), 2 / 7, "twice a week"),
    (re.compile(r"(?:three\s+times|thrice)\s+(?:a|per|each)\s+week", re.I), 3 / 7, "three times a week"),
    (re.compile(r"every\s+(?:two|2|second|other)\s+weeks?|fortnightly|bi-?weekly", re.I), 1 / 14, "every two weeks"),
    (re.compile(r"\b(?:per|a|each|every|once\s+a)\s+week\b|\bweekly\b|/\s*(?:week|wk)\b", re.I), 1 / 7, "weekly"),
    (re.compile(r"\b(?:per|a|each|every|once\s+a)\s+month\b|\bmonthly\b|/\s*month\b", re.I), 1 / 30, "monthly"),
    (re.compile(r"\b(?:per|a|each|every)\s+day\b|\bdaily\b|/\s*(?:day|d|24\s*h)\b|\bq\.?d\b|\bonce\s+a\s+day\b", re.I), 1.0, "daily"),
    (re.compile(r"\b(?:once|single|one-time|one\s+time|bolus|loading\s+dose|stat)\b", re.I), None, "once"),
]
_MASS_IN_MG = {"mg": 1.0, "mcg": 0.001, "g": 1000.0}
_BEFORE_FREQUENCY = re.compile(r"\b(?:twice[- ]daily|daily|twice[- ]weekly|weekly|fortnightly|bi-?weekly|monthly|once|single|one-time|bolus|loading\s+dose)\b", re.I)
_PER_FREQUENCY = {"/day": ("daily", 1.0), "/d": ("daily", 1.0), "/24h": ("daily", 1.0),
                  "/week": ("weekly", 1 / 7), "/wk": ("weekly", 1 / 7), "/month": ("monthly", 1 / 30)}
#: Larger amounts are no dose, whatever the unit (and would overflow when converted).
MAX_AMOUNT = 1e12
#: Units that name a dose by themselves; the others ("2 units", "2500 grams") need a dose's context.
STRONG_UNITS = {"IU", "mg", "mcg"}
_DOSE_WORDS = re.compile(
    r"\b(?:tak(?:e|es|ing|en)|took|dos(?:e|es|ed|ing|age)|supplement\w*|prescri\w+|inject\w*|infus\w+|"
    r"administer\w*|insulin|heparin|tablets?|capsules?|pills?|drops?|oral(?:ly)?|intravenous\w*|"
    r"medication\w*|drug\w*|vitamin\w*|syrup|solution|suspension|elixir|spoons?|teaspoons?)\b",
    re.I,
)


@dataclass
class Dose:
    """A dose found in a document; ``start``/``end`` are file offsets."""

    start: int
    end: int
    text: str
    low: float
    high: float
    unit: str
    qualifier: str | None = None
    substance: str | None = None
    frequency: str | None = None
    per_day: float | None = None  # doses a day; None when unknown or a single dose
    per_kg: bool = False

    def daily(self, unit: str, iu: float | None = None) -> float | None:
        """The highest daily amount in *unit* (a mass unit), or None if it cannot be known."""
        if self.per_kg or self.frequency == "once":
            return None
        amount = self.high
        if self.unit == "IU":
            if iu is None:
                return None
            amount *= iu  # now in the limit's unit
        elif self.unit in _MASS_IN_MG and unit in _MASS_IN_MG:
            amount = amount * _MASS_IN_MG[self.unit] / _MASS_IN_MG[unit]
        else:
            return None
        return amount * (self.per_day if self.per_day is not None else 1.0)


def parse_number(text: str, unit: str) -> float | None:
    """Read an amount written with any of the usual thousands and decimal marks."""
    s = re.sub("[\u2009\u202f\u00a0 ]", "", text)
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif "," in s:
        groups = s.split(",")
        s = s.replace(",", "") if all(len(g) == 3 for g in groups[1:]) else s.replace(",", ".")
    elif s.count(".") > 1:
        s = s.replace(".", "")
    elif re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", s) and unit in ("IU", "units"):
        s = s.replace(".", "")  # 10.000 IU: a European thousands mark
    try:
        return float(s)
    except ValueError:
        return None


def load_limits(path: str | None = None) -> dict[str, Any]:
    """The substance table: names (compiled) and upper limits; read again when the file changes."""
    file = Path(path) if path else Path(__file__).parent.parent / "data" / "upper-limits.yaml"
    try:
        info = file.stat()
        stamp: tuple[int, int] = (info.st_mtime_ns, info.st_size)
    except OSError:
        stamp = (-1, -1)
    return _load_limits(str(file), stamp)


@functools.lru_cache(maxsize=8)
def _load_limits(file: str, stamp: tuple[int, int]) -> dict[str, Any]:
    from ..yamlsource import load_yaml_text

    data = load_yaml_text(Path(file).read_text(encoding="utf-8"))
    table = {}
    for name, entry in (data.get("substances") or {}).items():
        pattern = r"(?<![\w-])(?:" + "|".join(entry.get("names") or [re.escape(name)]) + r")(?![\w-])"
        table[name] = {**entry, "regex": re.compile(pattern, re.I)}
    return table


def _substance(prose: str, start: int, end: int, lo: int, hi: int, table: dict[str, Any]) -> str | None:
    """The substance named nearest the dose, within its block."""
    best: tuple[int, str] | None = None
    before = prose[max(lo, start - 90):start]
    after = prose[end:min(hi, end + 50)]
    for name, entry in table.items():
        for m in entry["regex"].finditer(before):
            distance = len(before) - m.end()
            if best is None or distance < best[0]:
                best = (distance, name)
        m = entry["regex"].search(after)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else None


def _frequency(prose: str, start: int, end: int, lo: int, hi: int) -> tuple[str | None, float | None]:
    after = prose[end:min(hi, end + 60)]
    after = re.split(r"[.;:!?]\s|\(|\)", after, maxsplit=1)[0]
    before = prose[max(lo, start - 40):start]
    before = re.split(r"[.;:!?]\s", before)[-1]
    for regex, factor, name in _FREQUENCIES:
        if regex.search(after):
            return name, factor
    # Before the amount only the adjective forms count: "a daily dose of 4,000 IU",
    # not "on a day when rain equals 5 units".
    adjective = _BEFORE_FREQUENCY.search(before)
    if adjective:
        for regex, factor, name in _FREQUENCIES:
            if regex.search(adjective.group()):
                return name, factor
    return None, None


def dose_context(doc: Document, start: int, end: int) -> bool:
    """True if the sentence around a number reads as a dose (a dose word or a substance nearby)."""
    block = doc.block_at(start)
    lo, hi = (block.start, block.end) if block else (doc.body_start, len(doc.prose))
    before = re.split(r"[.;!?]\s", doc.prose[max(lo, start - 100):start])[-1]
    after = re.split(r"[.;!?]\s", doc.prose[end:min(hi, end + 60)], maxsplit=1)[0]
    around = before + " " + after
    return bool(_DOSE_WORDS.search(around)) or any(e["regex"].search(around) for e in load_limits(None).values())


def find_doses(doc: Document, limits: str | None = None) -> list[Dose]:
    """All doses in the document's prose (cached on the document)."""
    key = "doses:" + (limits or "")
    if key in doc.cache:
        return doc.cache[key]
    table = load_limits(limits)
    prose = doc.prose
    doses: list[Dose] = []
    for m in DOSE.finditer(prose, doc.body_start):
        if _CONCENTRATION.match(prose, m.end()):
            continue
        unit = next(k[2:] for k, v in m.groupdict().items() if k.startswith("u_") and v)
        low = parse_number(m.group("low"), unit)
        high = parse_number(m.group("high"), unit) if m.group("high") else low
        if low is None or high is None or not (0 <= low <= MAX_AMOUNT and 0 <= high <= MAX_AMOUNT):
            continue  # unreadable, or no dose (a 400-digit number would print as "inf")
        block = doc.block_at(m.start())
        lo, hi = (block.start, block.end) if block else (doc.body_start, len(prose))
        per = (m.group("per") or "").replace(" ", "").lower()
        start = m.start("qual") if m.group("qual") else m.start("low")
        end = m.end() - len(m.group("per") or "") if per == "/kg" else m.end()
        dose = Dose(start, m.end(), doc.text[start:m.end()], min(low, high), max(low, high), unit,
                    qualifier=" ".join(m.group("qual").split()).lower() if m.group("qual") else None,
                    per_kg=per.startswith("/kg"))
        dose.substance = _substance(prose, start, end, lo, hi, table)
        dose.frequency, dose.per_day = _PER_FREQUENCY.get(per, (None, None))
        if dose.frequency is None:
            dose.frequency, dose.per_day = _frequency(prose, start, m.end(), lo, hi)
        if unit not in STRONG_UNITS and not (dose.substance or dose_context(doc, start, m.end())):
            continue
        doses.append(dose)
    doc.cache[key] = doses
    return doses
