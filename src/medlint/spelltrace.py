"""``medlint words --trace WORD``: which list accepts or rejects a word, like ``cspell trace``.

The spelling rule's verdict on a word comes from several places (the bundled
lists, the config's vocabulary files, its ``words`` and ``reject`` options,
regular expressions in vocabulary files, inline ``medlint-words`` comments in a
page); when a word is flagged or passes unexpectedly, this says which of them
decided, without reading the code.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Iterable

from .document import Document
from .errors import FileError, Skipped
from .files import expand_paths, read_text
from .kinds.spelling import _INLINE_WORDS, _read_vocabulary, judged_places, speller_for
from .markup import format_for
from .pipeline import resolve_config, spelling_rule


@dataclass
class Trace:
    """The sources consulted for one word and the verdict they give."""

    word: str
    variant: str
    #: (source, holds the word, how: "accepts" or "rejects").
    sources: list[tuple[str, bool, str]] = field(default_factory=list)
    suggestion: str | None = None
    #: Where the pages read leave the word unreported for its place ("a.md:3: species").
    places: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        if any(found and how == "rejects" for _, found, how in self.sources):
            return "rejected"
        return "accepted" if any(found and how == "accepts" for _, found, how in self.sources) else "unknown"

    def lines(self) -> list[str]:
        head = f"{self.word} (spelling, variant {self.variant}): {self.verdict}"
        if self.verdict == "unknown" and self.suggestion:
            head += f"; did you mean '{self.suggestion}'?"
        out = [head]
        for source, found, how in self.sources:
            out.append(f"  {'+' if found and how == 'accepts' else '!' if found else '-'} {source}"
                       f"{' (' + how + ')' if found else ''}")
        out.extend(f"  ~ {place}" for place in self.places)
        return out


def _entry_matches(entry: str, word: str) -> bool:
    """The rule's case rule: a lower-case entry matches any case, another only as written."""
    return entry == word or (entry.islower() and entry == word.lower())


def trace_word(word: str, paths: Iterable[str] = (), config: Any = None, exclude: Iterable[str] = ()) -> Trace:
    """Where the spelling rule's verdict on *word* comes from, under *config*; the inline
    directives of the pages in *paths* are read too."""
    cfg = resolve_config(config)
    ruleset, rule, setting, options = spelling_rule(cfg)
    context = ruleset.context
    speller = speller_for(options, context)
    trace = Trace(word, options["variant"])
    for source, found in speller.bundled_sources(word):
        trace.sources.append((source, found, "rejects" if "rejected under" in source else "accepts"))
    for index, name in enumerate(options["vocabulary"]):
        words, patterns = _read_vocabulary([name], context)
        trace.sources.append((f"vocabulary file {name}", any(_entry_matches(w, word) for w in words), "accepts"))
        for pattern in patterns:
            if pattern.fullmatch(word):
                trace.sources.append((f"accept pattern /{pattern.pattern}/ in {name}", True, "accepts"))
    trace.sources.append(("the rule's words option", any(_entry_matches(w, word) for w in options["words"]),
                          "accepts"))
    trace.sources.append(("the rule's reject option", word.lower() in {w.lower() for w in options["reject"]},
                          "rejects"))
    docs = _documents(list(paths), cfg, exclude)
    for where in _inline_directives(word, docs):
        trace.sources.append((f"inline directive <!-- medlint-words: --> in {where}, that page only", True, "accepts"))
    if trace.verdict == "unknown":
        trace.places = _passed_over(word, docs, speller, options)
    if trace.verdict == "unknown" and options["suggest"]:
        trace.suggestion = speller.suggest(word)
    return trace


def _documents(paths: list[str], cfg: Any, exclude: Iterable[str]) -> list[Document]:
    """The pages under *paths* (none without paths), read as the rules read them."""
    if not paths:
        return []
    targets, errors = expand_paths(paths, cfg.exclude + list(exclude), cfg.relpath, not_articles=cfg.not_articles,
                                   follow_external_symlinks=cfg.follow_external_symlinks)
    if errors:
        raise errors[0]
    docs = []
    for target in targets:
        try:
            text, _ = read_text(target.path, cfg.max_file_size)
        except (Skipped, FileError):
            continue
        docs.append(Document.from_text(text, target.path.replace(os.sep, "/"), format_for(target.path)))
    return docs


def _inline_directives(word: str, docs: list[Document]) -> list[str]:
    """``file:line`` of each inline ``medlint-words`` comment in *docs* naming *word*
    (it accepts the word in that page only)."""
    found = []
    for doc in docs:
        for start, end in doc.comments:
            m = _INLINE_WORDS.match(doc.text, start, end)
            if m and any(_entry_matches(entry, word) for entry in m.group(1).split()):
                found.append(f"{doc.path}:{doc.text.count(chr(10), 0, start) + 1}")
    return found


#: What each reason of spellcontext.why_not_a_typo says about the place.
_PLACE_REASONS = {
    "name": "a name (a capitalised word with no sure correction, or one the page writes as a name, or a lower-case"
            " word in a name's place: opening a citation, a one-word list item, a commenter's handle)",
    "species": "a species epithet after its genus", "address": "part of an e-mail address spelt out",
    "unit": "a unit with a metric prefix or the micro sign", "code": "written as code",
    "software": "named as software", "identifier": "a citation's label or journal code",
    "link name": "the name of what the link points to", "fragment": "a piece of a word cut by markup",
    "foreign": "a word of another language", "abbreviation": "an abbreviation",
    "compound": "two known words written solid", "term": "the page's own term (used three times or more, or twice when a list the build screened holds it)",
    "phrase": "a Latin phrase of medical or scientific terms (spina bifida)",
    "address part": "a part of an address the page links to or writes (a site, a user, a path)",
    "symbol": "a symbol a formula defines (where pbar is ...)", "elongation": "a letter held for effect (sooooo)",
    "mention": "a word in a short quotation, mentioned rather than used",
}


def _passed_over(word: str, docs: list[Document], speller: Any, options: dict[str, Any]) -> list[str]:
    """``file:line: why`` for each place in *docs* where the unknown *word* is not reported
    for what its place says it is (see ``spellcontext.why_not_a_typo``)."""
    out = []
    for doc in docs:
        found, reasons = judged_places(doc, speller, options)
        for (offset, shown, judged), why in zip(found, reasons):
            if why and _entry_matches(word, judged):
                line = doc.text.count("\n", 0, offset) + 1
                out.append(f"{doc.path}:{line}: not reported there: {_PLACE_REASONS.get(why, why)}")
    return out
