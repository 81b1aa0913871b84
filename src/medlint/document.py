"""The document model every rule reads.

A :class:`Document` is one file's text with what the markup readers found in
it: front matter, links, blocks (paragraphs, list items, headings...) and the
*prose view*, a copy of the text of the same length in which everything that
is not prose (code, tags, URLs, link targets, front matter...) is blanked
with spaces.  Because offsets in the prose view are offsets in the file, a
regex match on prose maps straight back to an exact line and column.
"""
from __future__ import annotations

import bisect
import copy
import re
import time
from typing import Any, Iterable

from .markup import format_for, parse
from .markup.model import Block, Link, Markup, line_starts
from .regions import Region, find_regions

_NOT_NEWLINE = re.compile(r"[^\r\n]+")


class Document:
    """One file, read and parsed once, shared by every rule."""

    def __init__(self, path: str, text: str, format: str, markup: Markup) -> None:
        self.path = path
        self.text = text
        self.format = format
        self.front_matter = markup.front_matter
        self.links = markup.links
        self.blocks = sorted(markup.blocks, key=lambda b: (b.start, b.end))
        self.headings = markup.headings
        self.definitions = markup.definitions
        self.anchors = markup.anchors
        self.footnote_refs = markup.footnote_refs
        self.comments = markup.comments
        self.masked = _merge(markup.masks)
        self.prose = _blank(text, self.masked)
        self._line_starts: list[int] | None = None
        self._prose_spans: list[tuple[int, int]] | None = None
        self._block_starts: list[int] | None = None
        self._link_texts: list[tuple[int, int, Link]] | None = None
        self._heading_starts: list[int] | None = None
        self._sorted_headings: list[Any] = []
        self._regions: list[Region] | None = None
        #: Seconds spent finding :attr:`regions` (``--profile`` reports them apart from the rule that asked first).
        self.regions_seconds = 0.0
        #: Spans a rule's ``skip:`` blanked from this view's prose (see :meth:`view`).
        self.skipped: list[tuple[int, int]] = []
        #: The document with nothing skipped (itself, but for a view): what a page
        #: defines or cites counts wherever it stands.
        self.whole: Document = self
        #: Results that several rules share (doses, sentences...), computed once.
        self.cache: dict[str, Any] = {}
        #: The run's SiteIndex, attached by the run when a rule needs it.
        self.site: Any = None
        for heading in self.headings:
            if not heading.text:
                heading.text = self.prose_of(heading.start, heading.end)

    @classmethod
    def from_text(cls, text: str, path: str = "x.md", format: str | None = None) -> "Document":
        fmt = format or format_for(path)
        return cls(path, text, fmt, parse(text, fmt))

    # -- positions ---------------------------------------------------------
    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = line_starts(self.text)
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        starts = self.line_starts
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    # -- regions -------------------------------------------------------------
    @property
    def body_start(self) -> int:
        """Offset of the first character after the front matter."""
        return self.front_matter.end if self.front_matter else 0

    @property
    def prose_spans(self) -> list[tuple[int, int]]:
        """Maximal runs of prose (the complement of the masked regions), non-blank."""
        if self._prose_spans is None:
            spans: list[tuple[int, int]] = []
            pos = 0
            for start, end in self.masked + [(len(self.text), len(self.text))]:
                if start > pos and not self.text[pos:start].isspace():
                    spans.append((pos, start))
                pos = max(pos, end)
            self._prose_spans = spans
        return self._prose_spans

    def is_prose(self, offset: int) -> bool:
        """True if the character at *offset* is prose."""
        i = bisect.bisect_right(self.masked, (offset, len(self.text) + 1)) - 1
        return not (i >= 0 and self.masked[i][0] <= offset < self.masked[i][1])

    def block_at(self, offset: int) -> Block | None:
        """The innermost block containing *offset*.

        Called for every dose and citation, so it bisects. The readers make blocks
        that follow one another without nesting, so the block to look at is the
        last one starting at or before *offset* (a few more are tried for ties).
        """
        if self._block_starts is None:
            self._block_starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(self._block_starts, offset) - 1
        for block in reversed(self.blocks[max(0, i - 3):i + 1]):
            if block.start <= offset < block.end:
                return block
        return None

    def link_text_at(self, offset: int) -> Link | None:
        """The link whose text holds *offset* (None outside link text). Rules ask it per
        dose, claim and phrase, so it bisects the links' text spans."""
        if self._link_texts is None:
            self._link_texts = sorted((l.text_start, l.text_end, l) for l in self.links
                                      if l.text_start is not None and l.text_end is not None)
        i = bisect.bisect_right(self._link_texts, (offset, float("inf"))) - 1
        for start, end, link in reversed(self._link_texts[max(0, i - 3):i + 1]):
            if start <= offset < end:
                return link
        return None

    def heading_before(self, offset: int) -> str:
        """The text of the last heading starting at or before *offset* (empty when none):
        the section a dose, claim or trigger stands in. Asked per dose, so it bisects."""
        if self._heading_starts is None:
            self._sorted_headings = sorted(self.headings, key=lambda h: h.start)
            self._heading_starts = [h.start for h in self._sorted_headings]
        i = bisect.bisect_right(self._heading_starts, offset) - 1
        return (self._sorted_headings[i].text or "") if i >= 0 else ""

    def block_index(self, block: Block) -> int | None:
        """The index of *block* in :attr:`blocks` (by bisection: rules ask it per dose and claim)."""
        if self._block_starts is None:
            self._block_starts = [b.start for b in self.blocks]
        i = bisect.bisect_left(self._block_starts, block.start)
        while i < len(self.blocks) and self.blocks[i].start == block.start:
            if self.blocks[i].end == block.end:
                return i
            i += 1
        return None

    @property
    def regions(self) -> list[Region]:
        """The typed spans of :mod:`medlint.regions` (references, quotations...), found
        on first use: a run whose rules skip nothing and read no definitions pays nothing."""
        if self._regions is None:
            start = time.perf_counter()
            self._regions = find_regions(self)
            self.regions_seconds += time.perf_counter() - start
        return self._regions

    def spans_of(self, kinds: Iterable[str]) -> list[tuple[int, int]]:
        """The merged spans of the regions of *kinds*."""
        wanted = set(kinds)
        if "excerpt" in wanted:  # the old name of the reproduced region
            wanted.add("reproduced")
        return _merge([(r.start, r.end) for r in self.regions if r.kind in wanted])

    def view(self, skip: Iterable[str]) -> "Document":
        """This document as a rule that skips the region kinds *skip* reads it: the
        same text and offsets, with those regions blanked from the prose view (and
        counted as masked). Blanking keeps every offset, so findings map back to the
        file exactly; views are made once per document and set of kinds."""
        kinds = frozenset(skip)
        if not kinds:
            return self
        key = ("view", kinds)
        found = self.cache.get(key)
        if found is None:
            spans = self.spans_of(kinds)
            found = self
            if spans:
                found = copy.copy(self)
                found.skipped = spans
                found.masked = _merge(self.masked + spans)
                found.prose = _blank(self.prose, spans)
                found._prose_spans = None
                found.cache = {}  # doses, sentences... differ when text is blanked
            self.cache[key] = found
        return found

    def in_skipped(self, offset: int) -> bool:
        """True if *offset* lies in a span this view skips."""
        i = bisect.bisect_right(self.skipped, (offset, len(self.text) + 1)) - 1
        return i >= 0 and self.skipped[i][0] <= offset < self.skipped[i][1]

    def prose_of(self, start: int, end: int) -> str:
        """The prose view of a span, with runs of blanks collapsed."""
        return " ".join(self.prose[start:end].split())


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _blank(text: str, masked: list[tuple[int, int]]) -> str:
    """Replace every masked character but line breaks by a space."""
    if not masked:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in masked:
        parts.append(text[pos:start])
        segment = text[start:end]
        if "\r" in segment:
            parts.append(_NOT_NEWLINE.sub(lambda m: " " * len(m.group()), segment))
        elif "\n" in segment:  # (line by line: a masked code block has hundreds of lines)
            parts.append("\n".join([" " * len(line) for line in segment.split("\n")]))
        else:
            parts.append(" " * len(segment))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
