"""medlint.medical.headingspans and the page's anchor ids: answered once per page, exactly.

A page of thousands of short sections asked "is this in a heading", "which section is
this in" and "which ids does this page define" per dose, claim and link; each question
scanned every heading, so the page cost its number of sections squared. The bisections
must give the scans' answers at every offset, for headings in order, out of order,
nested, empty and with equal starts.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from medlint.document import Document
from medlint.markup.model import Heading
from medlint.medical import headingspans
from medlint.site import index


@dataclass
class _Doc:
    """What headingspans reads of a Document: its headings and its cache."""

    headings: list[Heading]
    cache: dict[Any, Any] = field(default_factory=dict)


def _pages(count: int, seed: int) -> list[list[Heading]]:
    rng = random.Random(seed)
    pages = []
    for _ in range(count):
        heads = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, 60)
            heads.append(Heading(2, start, start + rng.choice([0, 0, 1, 5, 12, 30]), "x"))
        if rng.random() < 0.6:
            heads.sort(key=lambda h: h.start)  # the readers' order; the rest test the fallback
        pages.append(heads)
    return pages


def test_in_heading_answers_as_the_scan_of_every_heading() -> None:
    for heads in _pages(3000, 1):
        doc = _Doc(heads)
        for at in range(0, 95):
            assert headingspans.in_heading(doc, at) == any(h.start <= at < h.end for h in heads)
            assert headingspans.in_heading(doc, at, widen=True) == any(
                h.start <= at < max(h.end, h.start + 1) for h in heads)


def test_last_at_and_last_before_answer_as_the_scans_in_page_order() -> None:
    for heads in _pages(3000, 2):
        doc = _Doc(heads)
        for at in range(0, 95):
            stop = None
            for i, h in enumerate(heads):
                if h.start > at:
                    break
                stop = i
            assert headingspans.last_at(doc, at) == stop
            assert headingspans.last_before(doc, at) is next((h for h in reversed(heads) if h.start <= at), None)


def test_anchor_ids_are_made_once_per_page_and_style(monkeypatch: Any) -> None:
    text = "".join(f"## Part {i}\n\nSee [next](#part-{i + 1}).\n\n" for i in range(50))
    doc = Document.from_text(text, "page.md")
    calls = []
    real = index.anchors_in
    monkeypatch.setattr(index, "anchors_in", lambda *a: calls.append(a) or real(*a))
    first = index.anchors_of(doc, "github")
    for _ in range(49):
        assert index.anchors_of(doc, "github") == first
    assert len(calls) == 1
    assert {"part-0", "part-49"} <= first and "part-50" not in first
    assert index.anchors_of(doc, "pandoc") == first and len(calls) == 2
