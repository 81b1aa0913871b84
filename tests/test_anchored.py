"""medlint.anchored: a pattern tried only at its anchors finds what the full scan finds."""
from __future__ import annotations

import re

from medlint.anchored import find_all, matches_from


def test_find_all_lists_every_place_overlapping_ones_too() -> None:
    assert list(find_all("aaaa", "aa")) == [0, 1, 2]
    assert list(find_all("x; y; z", ";", 2)) == [4]
    assert list(find_all("none here", ";")) == []


def test_matches_from_equal_the_scan_when_every_match_starts_at_an_anchor() -> None:
    pattern = re.compile(r"(?<![\w])et al\.?(?: \(\d{4}\))?")
    text = "Ross et al. (2019) and Lee et al (2020); betal, et al. et al"
    anchors = list(find_all(text, "et al"))  # one is inside "betal": tried, and not matched
    assert [m.span() for m in matches_from(pattern, text, 0, anchors)] == [m.span() for m in pattern.finditer(text)]
    # From a start past the first match, and with anchors given unsorted, twice over.
    start = text.index("and")
    found = [m.span() for m in matches_from(pattern, text, start, anchors[::-1] + anchors)]
    assert found == [m.span() for m in pattern.finditer(text, start)] and len(found) == 3


def test_overlapping_anchors_give_no_overlapping_matches() -> None:
    pattern = re.compile(r"aa")
    assert [m.span() for m in matches_from(pattern, "aaaaa", 0, find_all("aaaaa", "a"))] == [(0, 2), (2, 4)]
