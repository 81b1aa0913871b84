"""Plain text: everything is prose but URLs and e-mail addresses."""
from __future__ import annotations

from helpers import doc, prose_words


def test_plain_text_paragraphs_and_urls() -> None:
    text = "Title line\n\nFirst paragraph with https://example.org/a.\nSecond line.\n\n* item one\n* item two\n"
    d = doc(text, "x.txt")
    assert [l.target for l in d.links] == ["https://example.org/a"]
    assert "https" not in d.prose
    blocks = [text[b.start:b.end] for b in d.blocks]
    assert blocks == ["Title line", "First paragraph with https://example.org/a.\nSecond line.", "* item one", "* item two"]


def test_markdown_syntax_is_literal_in_text() -> None:
    assert prose_words(doc("`code` <b>", "x.txt")) == ["`code`", "<b>"]


def test_front_matter_in_text_files() -> None:
    d = doc('{\n "title": "x"\n}\nBody', "x.txt")
    assert d.front_matter.data == {"title": "x"} and prose_words(d) == ["Body"]
