"""medlint.medical.blockscan: one scan per block gives the per-match scan's answers, exactly.

Random strings dense in the characters the clause, sentence, negation and phrase patterns
look at are checked at every position against the scan each match used to make itself.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

import pytest

from medlint.kinds import pattern as kind
from medlint.medical import blockscan

PIECES = [" ", "  ", "\n", "\n\n", "\n \n", ".", ",", ", ", ";", ":", "!", "?", "(", ")", "\u2014", "\"", "'", "\u201c",
          "\u201d", "*", "_", "#", "\t", "a", "x", "and", "but", "that", "while", "not", "no", "none", "nor", "if",
          "may", "n't", "don't", "rather", "than", "far", "from", "studies", "show", "miracle", "_and", "1"]


@dataclass
class _Doc:
    """What blockscan reads of a Document: its prose view and its cache."""

    prose: str
    cache: dict[Any, Any] = field(default_factory=dict)


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30))) for _ in range(count)]


@pytest.mark.parametrize("pattern", [kind._CLAUSE_START, kind._PHRASE_START], ids=["clause", "phrase"])
def test_last_end_is_the_last_match_of_the_scan_up_to_the_point(pattern: Any) -> None:
    for text in _texts(1500, 1):
        doc = _Doc(text)
        lo = min(2, len(text))
        for at in range(lo, len(text) + 1):
            cuts = list(pattern.finditer(text, lo, at))
            assert blockscan.last_end(doc, pattern, lo, len(text), at) == (cuts[-1].end() if cuts else lo), (text, at)


def test_first_start_is_the_first_match_from_the_point() -> None:
    for text in _texts(1500, 2):
        doc = _Doc(text)
        for at in range(len(text) + 1):
            found = kind._SENTENCE_STOP.search(text, at, len(text))
            want = found.start() if found else None
            assert blockscan.first_start(doc, kind._SENTENCE_STOP, 0, len(text), at) == want, (text, at)


def test_any_between_is_a_search_of_the_span() -> None:
    for text in _texts(600, 3):
        doc = _Doc(text)
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                want = kind._NEGATED.search(text, start, end) is not None
                assert blockscan.any_between(doc, kind._NEGATED, 0, len(text), start, end) == want, (text, start, end)


def test_quotes_and_blanks_by_position() -> None:
    for text in _texts(800, 4):
        doc = _Doc(text)
        where = blockscan.char_positions(doc, "\"\u201c", 0, len(text))
        for start in range(len(text) + 1):
            assert blockscan.count_in(where["\""], 0, start) == text[:start].count("\"")
            assert blockscan.last_in(where["\u201c"], 1, start) == (text.rfind("\u201c", 1, start) if start > 1 else -1)
            assert blockscan.blank_back(text, 1, start) == (1 + len(text[1:start].rstrip()) if start > 1 else start)
            assert blockscan.blank_back(text, 0, start, " *_") == len(text[:start].rstrip(" *_"))


def test_a_line_of_one_phrase_is_checked_once_per_block() -> None:
    """20,000 'studies show' on one line: each match used to re-read the line from its start."""
    from medlint import lint_text
    import time
    began = time.process_time()
    found = lint_text("studies show " * 20_000 + "\n", "x.md", select=["sensational-language"])
    assert len(found) == 20_000
    assert time.process_time() - began < 20


def test_the_sentence_cut_lookahead_keeps_the_matches() -> None:
    """claims._SENTENCE_CUT opens with (?=[.;!?]) so that its lookbehinds run only at a full
    stop: the same matches as the pattern without it."""
    import re
    from medlint.medical import claims
    fast = claims._SENTENCE_CUT
    assert fast.pattern.startswith("(?=[.;!?])")
    plain = re.compile(fast.pattern.removeprefix("(?=[.;!?])"), fast.flags)
    rng = random.Random(5)
    pieces = [" ", "\n", "\n\n", ".", ";", "!", "?", "a", "Dr", "Drs", "al", "vs", "Prof", "No", "x.y", "*", "-", "1",
              "\t", "e.g", "M"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_the_years_around_a_phrase_are_the_slices_years() -> None:
    """date-stale reads the years of a phrase's sentence from one scan of the sentence: the same
    years as the two slices it read for each phrase (lookbehind and lookahead at their edges too)."""
    from medlint.kinds import freshness
    rng = random.Random(6)
    pieces = ["2010", "1999", "2021", "20", "19", "1", "0", " ", "  ", "\n", ",", ".", "$", "-", "/", "IU", "mg",
              "participants", "people", "a", "x", "I.U.", "\u00a0"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        doc = _Doc(text)
        lo, hi = rng.randint(0, 3), len(text) - rng.randint(0, 3)
        for start in range(lo, max(lo, hi) + 1):
            end = min(start + rng.randint(0, 4), len(text))
            want = [int(y) for y in freshness._WHEN.findall(text[lo:start]) + freshness._WHEN.findall(text[end:hi])]
            assert freshness._years_around(doc, lo, hi, start, end) == want, (text, lo, hi, start, end)


def test_a_line_of_one_stale_phrase_is_read_once_per_sentence() -> None:
    """5,000 'a new study' in one sentence on an old page: date-stale read the sentence again for
    each (its pattern hit the time limit after some 800 findings)."""
    from medlint import lint_text
    import time
    began = time.process_time()
    found = lint_text("---\ndate: 2010-01-01\n---\n" + "a new study " * 5_000 + "\n", "x.md", select=["date-stale"])
    assert [d.rule for d in found] == ["date-stale"] * 5_000
    assert time.process_time() - began < 20


def test_the_year_reach_covers_the_years_lookahead() -> None:
    """_years_around reads years afresh within _YEAR_REACH of the phrase: the longest unit or noun
    the year's lookahead reads ("2010 participants") must fit in it, with its \\b."""
    import re
    from medlint.kinds import freshness
    words = re.findall(r"[A-Za-z\\.]+", freshness._WHEN.pattern.split("\\s*(?:", 1)[1])
    assert max(len(w) for w in words) + 2 < freshness._YEAR_REACH
