"""The nearest string among many, for "did you mean" suggestions.

Comparing the query with every candidate in pure Python (``difflib``) costs a
second or more per broken link on a site of 10,000 pages. Here a trigram index
first shortlists the candidates that share the query's rarest trigrams, and
rapidfuzz (C++) ranks only those by its normalised Indel similarity (``ratio``,
close to difflib's); small candidate lists are compared in full. The first few
queries (a one-file run has one or two broken links) find their trigrams'
candidates by substring tests instead of building the whole index (which costs
about what two such queries do); the shortlist is the same either way.
"""
from __future__ import annotations

from collections import Counter
from typing import Sequence

#: Up to this many candidates, every one is compared (no shortlist).
EXACT_LIMIT = 500
#: How many shortlisted candidates are ranked.
SHORTLIST = 40
#: How many index entries one query may visit, rarest trigrams first.
BUDGET = 20_000
#: Queries answered by substring tests before the trigram index is built.
SCAN_QUERIES = 2


def _trigrams(text: str) -> set[str]:
    padded = f"\0{text}\0"
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


class Nearest:
    """Answers "which candidate is closest to this string?" quickly, many times over."""

    def __init__(self, candidates: Sequence[str]) -> None:
        self.candidates = list(candidates)
        self._index: dict[str, list[int]] | None = None
        self._padded: list[str] | None = None
        self._queries = 0

    def _postings(self) -> dict[str, list[int]]:
        """Each trigram's candidates (their numbers, ascending)."""
        if self._index is None:
            index: dict[str, list[int]] = {}
            for number, candidate in enumerate(self.candidates):
                for gram in _trigrams(candidate.casefold()):
                    index.setdefault(gram, []).append(number)
            self._index = index
        return self._index

    def _lists(self, grams: set[str]) -> list[list[int]]:
        """The postings of *grams* (those any candidate has), in the order of *grams*: from
        the index, or for the first queries by testing each candidate (a trigram of the
        padded text is any three characters of it in a row)."""
        self._queries += 1
        if self._index is None and self._queries <= SCAN_QUERIES:
            if self._padded is None:
                self._padded = [f"\0{candidate.casefold()}\0" for candidate in self.candidates]
            padded = self._padded
            found = ([number for number, text in enumerate(padded) if gram in text] for gram in grams)
            return [postings for postings in found if postings]
        index = self._postings()
        return [index[g] for g in grams if g in index]

    def shortlist(self, wanted: str) -> list[str]:
        """The candidates worth ranking: all of them for a short list, else those
        sharing most of the query's rarer trigrams."""
        if len(self.candidates) <= EXACT_LIMIT:
            return self.candidates
        lists = sorted(self._lists(_trigrams(wanted.casefold())), key=len)
        votes: Counter[int] = Counter()
        visited = 0
        for postings in lists:
            if visited and visited + len(postings) > BUDGET:
                break
            votes.update(postings)
            visited += len(postings)
        return [self.candidates[number] for number, _ in votes.most_common(SHORTLIST)]

    def closest(self, wanted: str, cutoff: float = 0.7) -> str | None:
        """The most similar candidate with a similarity of at least *cutoff* (0 to 1), or None;
        among equals, the first in the candidates' order. (The Indel ratio is never below
        difflib's for the same pair, so its 0.7 is about difflib's 0.6.)"""
        from rapidfuzz import fuzz, process

        if len(self.candidates) > EXACT_LIMIT \
                and process.extractOne(wanted, self.candidates, scorer=fuzz.ratio, score_cutoff=cutoff * 100) is None:
            # No candidate at all is similar enough, so none of a shortlist is: ranking every one
            # in C++ (a quarter of a millisecond for 2,500) is quicker than finding the shortlist
            # (its trigrams by substring tests for the first queries, about 10 ms; later, counting
            # the votes of up to BUDGET index entries, a few ms), and most broken links of a
            # site have no close match (four in five of vdw-dev's).
            if self._index is None and self._queries < SCAN_QUERIES:
                self._queries += 1
            return None
        match = process.extractOne(wanted, self.shortlist(wanted), scorer=fuzz.ratio, score_cutoff=cutoff * 100)
        return match[0] if match else None
