"""The document model: positions, line endings, BOM, prose spans, blocks."""
from __future__ import annotations

import re

import pytest

from medlint.document import Document
from medlint.markup import format_for
from helpers import doc


def test_format_by_suffix() -> None:
    assert format_for("a/b.md") == "markdown"
    assert format_for("a/b.MARKDOWN") == "markdown"
    assert format_for("x.htm") == "html"
    assert format_for("x.HTML") == "html"
    assert format_for("notes.txt") == "text"
    assert format_for("README") == "text"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_positions_are_one_based_for_every_line_ending(newline: str) -> None:
    text = newline.join(["first", "second line", "", "fourth"])
    d = doc(text, "x.txt")
    assert d.position(0) == (1, 1)
    assert d.position(text.index("line")) == (2, 8)
    assert d.position(text.index("fourth")) == (4, 1)
    assert d.position(len(text)) == (4, 7)
    assert d.line_text(2) == "second line"


def test_columns_count_characters_not_bytes() -> None:
    text = "Tromsø – Ålesund ✓ miracle"
    d = doc(text)
    assert d.position(text.index("miracle")) == (1, 20)


def test_prose_view_keeps_offsets_and_line_breaks() -> None:
    text = "Some `code` here\r\nand <b>bold</b>.\n"
    d = doc(text)
    assert len(d.prose) == len(text)
    assert d.prose.count("\n") == 2 and "\r\n" in d.prose
    assert "code" not in d.prose and "<b>" not in d.prose
    assert d.prose[text.index("bold"):].startswith("bold")


def test_prose_spans_are_the_unmasked_runs() -> None:
    text = "Intro [text](http://x.org/a) tail"
    d = doc(text)
    spans = [text[a:b] for a, b in d.prose_spans]
    assert spans == ["Intro ", "text", " tail"]
    assert d.is_prose(text.index("text")) and not d.is_prose(text.index("http"))


def test_paragraphs_and_list_items_are_blocks() -> None:
    text = "Para one\ncontinues.\n\n* item one\n  more\n* item two\n\n   * nested\n"
    d = doc(text)
    kinds = [(b.kind, text[b.start:b.end]) for b in d.blocks]
    assert kinds == [
        ("paragraph", "Para one\ncontinues."),
        ("list-item", "item one\n  more"),
        ("list-item", "item two"),
        ("list-item", "nested"),
    ]
    assert d.block_at(text.index("more")).kind == "list-item"


def test_empty_document() -> None:
    d = doc("")
    assert d.position(0) == (1, 1)
    assert d.prose == "" and d.blocks == [] and d.links == []


def test_from_text_picks_format_from_path() -> None:
    assert Document.from_text("<b>x</b>", "a.html").format == "html"
    assert "<b>" not in Document.from_text("<b>x</b>", "a.html").prose
    assert Document.from_text("<b>x</b>", "a.txt").prose == "<b>x</b>"


def test_heading_text_is_its_prose() -> None:
    d = doc("# Dose `x` – July 2011 {#dose}\n")
    assert d.headings[0].text == "Dose – July 2011"
    assert d.headings[0].id == "dose"
    assert ("dose", d.text.index("dose}")) in d.anchors


def test_long_single_line_is_linear() -> None:
    import time

    text = ("word [x " * 200_000) + "`" * 3 + "<a " * 10_000
    start = time.perf_counter()
    d = doc(text)
    assert d.position(len(text))[0] == 1
    # Generous bound: a quadratic scan of this line would take minutes.
    assert time.perf_counter() - start < 20
    assert re.search("word", d.prose)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_masked_code_blocks_keep_their_line_breaks_in_the_prose(newline: str) -> None:
    text = newline.join(["Intro.", "", "```", "x = 1", "", "y = 22", "```", "", "After."]) + newline
    d = doc(text, "x.md")
    assert len(d.prose) == len(text)
    assert [i for i, c in enumerate(d.prose) if c in "\r\n"] == [i for i, c in enumerate(text) if c in "\r\n"]
    assert "x = 1" not in d.prose and "y = 22" not in d.prose
    assert d.prose.startswith("Intro.") and "After." in d.prose
