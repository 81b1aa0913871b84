"""``pattern``: flag each match of terms or regular expressions (Vale's *existence*).

The ``unless`` option drops matches whose context says they are not the page's
claim (the style rules' main false alarms on real sites): ``negated`` (a
negation, condition or hedge earlier in the clause: "not guaranteed", "should
it be proven to", "may be a breakthrough"; a goal: "a chance of curing cancer";
or a hypothetical the match is the subject of: "curing cancer would add 3 years"), ``question`` (the sentence asks),
``quoted`` (inside quotation marks: a title or someone's words), ``link-text``
(the title of a linked page), ``name`` (part of a name or title in capitals:
Miracle-Gro, "The Vitamin D Breakthrough Book") and ``specific`` (a match that opens
with the studies, research or experts it appeals to, after a determiner or a count
naming particular ones: "The studies showed",
"Four of 6 prospective studies showed": a report of those studies, not an appeal to
unnamed ones; or only some: "some studies show") and ``not-health`` (the word
describes a book, an article, a talk or software: "a revolutionary book" makes no
health claim) and ``excerpt`` (in a section under a heading that links to another site:
the linked page's words, see the ``excerpt`` region, :mod:`medlint.regions`).
"""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable

from ..diagnostic import Finding
from ..document import Document
from ..medical.blockscan import any_between, blank_back, char_positions, count_in, first_start, last_end, last_in
from ..medical.citations import cited, window
from ..reproduced import in_reproduced
from .common import SCOPE_SCHEMA, compile_regex, is_literal, scope_spans, search, trie_regex
from . import BuildContext, OptionError
from .. import lazyre

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "tokens": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "patterns": {"type": "array", "items": {"oneOf": [
            {"type": "string", "minLength": 1},
            {"type": "object", "required": ["regex"], "additionalProperties": False, "properties": {
                "regex": {"type": "string", "minLength": 1},
                "unless_cited": {"enum": ["sentence", "paragraph"]},
            }},
        ]}},
        "ignorecase": {"type": "boolean"},
        "scope": SCOPE_SCHEMA,
        "whole": {"type": "boolean"},
        "exceptions": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "unless": {"type": "array", "uniqueItems": True,
                   "items": {"enum": ["negated", "question", "quoted", "link-text", "name", "specific",
                                                "not-health", "excerpt"]}},
    },
}
DEFAULTS: dict[str, Any] = {"ignorecase": False, "tokens": [], "patterns": [], "exceptions": [], "scope": "prose",
                            "whole": False, "unless": []}
PLACEHOLDERS = ("match",)


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    """One combined regex for the plain terms and patterns (one pass over the text), the
    plain terms as a trie; patterns that need a citation check run on their own."""
    flags = re.I if options["ignorecase"] else 0
    parts = []
    tokens = options["tokens"]
    if tokens:
        parts.append(r"(?<!\w)" + trie_regex(tokens) + r"(?!\w)")
    literals = [p for p in options["patterns"] if isinstance(p, str) and is_literal(p)]
    if literals:
        parts.append(trie_regex(literals))  # thousands of plain terms cost one trie, not thousands of branches
    cited_patterns = []
    for i, pattern in enumerate(options["patterns"]):
        if isinstance(pattern, dict):
            compiled = compile_regex(pattern["regex"], ["patterns", i, "regex"], flags)
            if pattern.get("unless_cited"):
                cited_patterns.append((compiled, pattern["unless_cited"]))
                continue
            parts.append("(?:" + compiled.pattern + ")")
        elif not is_literal(pattern):
            parts.append("(?:" + compile_regex(pattern, ["patterns", i], flags).pattern + ")")
    if not parts and not cited_patterns:
        raise OptionError([], "give at least one of 'tokens' or 'patterns'")
    regex = compile_regex("|".join(parts), ["patterns"], flags) if parts else None
    exceptions = [compile_regex(p, ["exceptions", i], flags) for i, p in enumerate(options["exceptions"])]
    scope = options["scope"]
    whole = options["whole"]
    unless = frozenset(options["unless"])

    def matches(doc: Document, pattern: Any) -> Iterable[Any]:
        if not whole:
            return search(doc, scope, pattern)
        return (m for start, end in scope_spans(doc, scope) if (m := _whole(doc, pattern, start, end)))

    def check(doc: Document) -> Iterable[Finding]:
        found_matches = list(matches(doc, regex)) if regex is not None else []
        for pattern, window_scope in cited_patterns:
            for m in matches(doc, pattern):
                lo, hi = window(doc, m.start(), m.end(), window_scope)
                if not cited(doc, lo, hi):
                    found_matches.append(m)
        for m in sorted(found_matches, key=lambda m: m.start()):
            if m.end() == m.start():
                continue
            found = " ".join(m.group().split())
            if any(e.fullmatch(found) for e in exceptions):
                continue
            if unless and not_a_claim(doc, m.start(), m.end(), unless):
                continue
            yield Finding(m.start(), m.end(), {"match": found})

    return check


def _whole(doc: Document, pattern: Any, start: int, end: int) -> Any:
    """A match of the whole span, leading and trailing white space aside."""
    text = doc.prose if doc.prose[start:end].strip() else doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return pattern.fullmatch(text, start, end) if end > start else None


# -- context: is this match the page's own claim? ---------------------------------------
_CLAUSE_START = lazyre.compile(r"[.;:!?\n\u2014()]|,\s+(?:but|and|while|whereas|although|though)\b")
_NEGATED = lazyre.compile(
    r"\b(?:not|no|never|nor|neither|none|nothing|nobody|cannot|without|lacks?|lacking|rather\s+than|far\s+from|hardly"
    r"|if|unless|whether|until|should|would|could|might|may|claims?|claimed|alleged(?:ly)?|supposed(?:ly)?)\b"
    r"|n[\'\u2019]t\b", re.I)
#: A negation that governs a doubting verb affirms the claim: "Nobody will doubt this breakthrough",
#: "no one can deny", "you can't argue with": the negations before it say nothing against the match.
_DOUBTED = lazyre.compile(r"\b(?:doubts?|doubted|doubting|deny|denies|denied|denying|dispute[sd]?|disputing|"
                          r"question(?:s|ed)?|argue\s+with|quarrel\s+with|disagree(?:s|d)?(?:\s+with)?)\b", re.I)
#: A goal or a hope, not a result: "a chance of curing cancer", "the race to cure diabetes".
_AIM = lazyre.compile(r"\b(?:chances?|hopes?|goals?|aims?|quest|search|race|bids?|attempts?|efforts?|dreams?|prospects?|promise"
                      r"|potential|possibility|ambitions?)\s+(?:of|to|for|at|in)\s+$", re.I)
#: The match is the subject of a hypothetical: "Curing cancer would add about 3 years to life expectancy"
#: (not what a report says would happen: "studies show that it would prevent MS").
_HYPOTHETICAL = lazyre.compile(r"(?:(?!\bthat\b)[^.;:!?,\n]){0,40}?\b(?:would|could|might)\b", re.I)
_SENTENCE_STOP = lazyre.compile(r"[.!?](?=[\"\')\]\u201d*_]*(?:\s|$))|\n\s*\n")
_OPEN_QUOTES = {"\u201c": "\u201d", "\u2018": "\u2019", "\"": "\"", "\u00ab": "\u00bb"}
_QUOTE_CHARS = "".join(dict.fromkeys(c for pair in _OPEN_QUOTES.items() for c in pair))
#: Quotation marks written as character references (in HTML, and Markdown renders them too):
#: a headline given as "&ldquo;Pill cures gout&rdquo;" is quoted as much as one in curly quotes.
_QUOTE_ENTITY = lazyre.compile(r"&(?:(ldquo|rdquo|lsquo|rsquo|laquo|raquo|quot)|#(\d{2,4})|#[xX]([0-9a-fA-F]{2,4}));")
_ENTITY_CHARS = {"ldquo": "\u201c", "rdquo": "\u201d", "lsquo": "\u2018", "rsquo": "\u2019", "laquo": "\u00ab",
                 "raquo": "\u00bb", "quot": "\""}
_TITLE_WORD = lazyre.compile(r"[A-Z][\w\'\u2019-]*")


def not_a_claim(doc: Document, start: int, end: int, unless: frozenset[str]) -> bool:
    """True if a context in *unless* says the match at [start, end) is not the page's claim."""
    block = doc.block_at(start)
    lo, hi = (block.start, max(block.end, end)) if block else (doc.body_start, len(doc.text))
    prose = doc.prose
    if "link-text" in unless and doc.link_text_at(start) is not None:
        return True
    if "excerpt" in unless and in_reproduced(doc.whole, start):
        return True  # a section under a heading that links elsewhere: the linked page's words
    if "negated" in unless:
        clause_lo = last_end(doc, _CLAUSE_START, lo, hi, start)  # one scan per block, not per match
        negated_from = clause_lo
        doubted = last_end(doc, _DOUBTED, lo, hi, start)  # cached per block, as the clause's start
        if doubted > clause_lo and any_between(doc, _NEGATED, lo, hi, clause_lo, doubted):
            negated_from = doubted  # "nobody will doubt": a double negative
        if any_between(doc, _NEGATED, lo, hi, negated_from, start) or _AIM.search(prose, max(clause_lo, start - 40), start):
            return True
        if blank_back(prose, clause_lo, start, " *_#\t") == clause_lo and _HYPOTHETICAL.match(prose, end):
            return True  # the clause opens with the match, as its subject
    if "question" in unless:
        stop = first_start(doc, _SENTENCE_STOP, lo, hi, end)
        if stop is not None and prose[stop] == "?":
            return True
    if "quoted" in unless and _inside_quotes(doc, lo, start, end, hi):
        return True
    if "name" in unless and _in_name(prose, lo, start, end):
        return True
    if "not-health" in unless and not any(c.isspace() for c in prose[start:end]) and _ABOUT_A_WORK.match(prose, end):
        return True
    if "specific" in unless and _SOURCE_NOUN.match(prose, start):
        if _SPECIFIC.fullmatch(prose, last_end(doc, _PHRASE_START, lo, hi, start), start):
            return True
    return False


#: What a hype word (one word: "revolutionary", not "studies show") describes when it is no health claim: a book,
#: an article, a talk, software ("a revolutionary book", "the ground-breaking article", "a game-changing package");
#: not a method, an approach or a technology, which may be a treatment's.
_ABOUT_A_WORK = lazyre.compile(
    r"[\s*_]+(?:(?!it\b|they\b|this\b|that\b)[\w-]+\s+)?(?:books?|textbooks?|articles?|papers?|essays?|editorials?"
    r"|talks?|lectures?|courses?|webinars?|films?|documentar(?:y|ies)|novels?|software|packages?|algorithms?)\b", re.I)
#: The sources a "studies show" claim appeals to; "this miracle" names no study.
_SOURCE_NOUN = lazyre.compile(r"(?:studies|study|research|trials?|scientists|researchers|experts|doctors|science|data|evidence)\b",
                              re.I)
_PHRASE_START = lazyre.compile(r"[.,!?](?=\s)|[;:\n\u2014]|\b(?:and|but|that|while|whereas|because)\b", re.I)
#: A noun phrase naming particular studies, up to the matched noun: "the two trials' ", "Three out of 5 (60.0%) prospective";
#: or only some of them ("some studies show", "a few trials showed"): a hedged report, not an appeal to all.
_SPECIFIC = lazyre.compile(
    r"[\s*_]*(?:the|these|those|both|our|their|his|her|its|this|each|either|neither|all\s+(?:the|these|\d+)|some|a\s+few|one|two|three"
    r"|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\b(?:\s+[\w()%.,\u2013-]+){0,5}?\s+", re.I)


def _inside_quotes(doc: Document, lo: int, start: int, end: int, hi: int) -> bool:
    """Inside a pair of quotation marks within the block (straight quotes pair up in order).
    The block's quotation marks are found once and bisected (no re-reading per match)."""
    where = _quote_positions(doc, lo, hi)
    for opener, closer in _OPEN_QUOTES.items():
        if opener == closer:
            if count_in(where[opener], lo, start) % 2 == 1 and count_in(where[closer], end, hi):
                return True
        else:
            i = last_in(where[opener], lo, start)
            if i >= 0 and last_in(where[closer], lo, start) < i and count_in(where[closer], end, hi):
                return True
    return False


def _quote_positions(doc: Document, lo: int, hi: int) -> dict[str, list[int]]:
    """Where each quotation mark stands in the block, written as a character or as a
    character reference (``&ldquo;``, ``&#8220;``); found once per block."""
    where = char_positions(doc, _QUOTE_CHARS, lo, hi)
    if doc.text.find("&", lo, hi) < 0:
        return where
    key = ("pattern-quote-entities", lo, hi)
    merged = doc.cache.get(key)
    if merged is None:
        merged = {char: list(at) for char, at in where.items()}
        for m in _QUOTE_ENTITY.finditer(doc.text, lo, hi):  # the prose view blanks references
            if m.group(1):
                char = _ENTITY_CHARS[m.group(1)]
            else:
                code = int(m.group(2)) if m.group(2) else int(m.group(3), 16)
                char = chr(code) if code < 0x110000 else ""
            if char == "\"" and doc.text[m.start() - 1:m.start()].isdigit():
                continue  # an inch or seconds mark after a number ("12&quot;"), not a quotation mark
            if char in merged:
                merged[char].append(m.start())
        for at in merged.values():
            at.sort()
        doc.cache[key] = merged
    return merged


def _in_name(prose: str, lo: int, start: int, end: int) -> bool:
    """Part of a name or title: written with a capital away from a sentence's start and next
    to another capitalised word (Miracle-Gro, "Vitamin D Breakthrough Book")."""
    if not prose[start:start + 1].isupper():
        return False
    if prose[end:end + 1] == "-" and prose[end + 1:end + 2].isupper():
        return True  # Miracle-Gro
    left = blank_back(prose, lo, start)  # prose[lo:start].rstrip(), without copying the block
    at_sentence_start = left == lo or prose[left - 1] in ".!?:\"\u201c(" or prose[left - 1] == "\n"
    words_before = re.findall(r"\S+", prose[max(lo, start - 40):start])
    words_after = re.findall(r"\S+", prose[end:end + 40])
    # "Why Accidents, Miracles and Strange Events Occur": a list inside a title keeps its capitals.
    capital_before = bool(words_before) and bool(_TITLE_WORD.fullmatch(words_before[-1].rstrip(",;")))
    capital_after = bool(words_after) and bool(_TITLE_WORD.fullmatch(words_after[0].rstrip(".,;:")))
    return (not at_sentence_start and (capital_before or capital_after)) or (capital_before and capital_after)
