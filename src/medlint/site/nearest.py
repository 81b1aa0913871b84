"""The nearest string among many, for "did you mean" suggestions.

Comparing the query with every candidate in pure Python (``difflib``) costs a
second or more per broken link on a site of 10,000 pages. Here a trigram index
first shortlists the candidates that share the query's rarest trigrams, and
rapidfuzz (C++) ranks only those by its normalised Indel similarity (``ratio``,
close to difflib's); small candidate lists are compared in full.
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


def _trigrams(text: str) -> set[str]:
    padded = f"\0{text}\0"
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


class Nearest:
    """Answers "which candidate is closest to this string?" quickly, many times over."""

    def __init__(self, candidates: Sequence[str]) -> None:
        self.candidates = list(candidates)
        self._index: dict[str, list[int]] | None = None

    def _postings(self) -> dict[str, list[int]]:
        if self._index is None:
            index: dict[str, list[int]] = {}
            for number, candidate in enumerate(self.candidates):
                for gram in _trigrams(candidate.casefold()):
                    index.setdefault(gram, []).append(number)
            self._index = index
        return self._index

    def shortlist(self, wanted: str) -> list[str]:
        """The candidates worth ranking: all of them for a short list, else those
        sharing most of the query's rarer trigrams."""
        if len(self.candidates) <= EXACT_LIMIT:
            return self.candidates
        index = self._postings()
        lists = sorted((index[g] for g in _trigrams(wanted.casefold()) if g in index), key=len)
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

        match = process.extractOne(wanted, self.shortlist(wanted), scorer=fuzz.ratio, score_cutoff=cutoff * 100)
        return match[0] if match else None
