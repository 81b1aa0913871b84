"""Pieces of documents that break parsers, shared by the hypothesis tests and bench/fuzz.py."""
from __future__ import annotations

PIECES = [
    "# Heading\n", "## Dose – July 2011 {#dose}\n", "Setext\n===\n", "\n", "\r\n", "\r", "\t", "    indented code\n",
    "```\n", "```python\nx = 1\n", "~~~~\n", "`", "``", "`code`", "* item\n", "1. item\n", "   * nested\n", "> quote\n",
    "| a | b |\n|---|---|\n", "[text](", "[text](https://doi.org/10.1111/j.1600-0404.2011.01543.x.)", "](", "[", "]",
    "[[[[", "]]]]", "![alt](/img/x.png)", "[ref]: /posts/x\n", "[^1]", "[^1]: note\n", "<https://example.org>",
    "https://example.org/a_(b)).", "www.example.org", "a@b.org", "<a href=\"/posts/x\" title=\"This link has an unknown page_id: 1\">",
    "</a>", "<a href='x", "<img src=/a.png>", "<p>", "</p>", "<div>", "<!--", "-->", "<!-- medlint-disable -->",
    "<!-- medlint-enable -->", "<script>", "</script>", "<pre>", "&amp;", "&nbsp;", "&#x1F600;", "&bogus",
    "---\n", "+++\n", "title: x\n", "a: &a [1, 2]\nb: *a\n", "!!python/object:os.system x\n", "{\n", "}\n", "\"k\": [",
    "$x^2$", "$$", "\\*", "\\", "doi:10.1000/xyz.", "PMID: 0123", "NCT123", "ISBN 978-0-306-40615-6", "5,000 - 10,000 IU",
    "up to 14,000 IU per day of vitamin D", "5.0 mg", ".5 mg", "10 U", "qd", "miracle", "breakthrough", "pathogensis",
    "\u0301", "\u202e", "\u200b", "\ud83d\ude00", "\U0001F600", "\ufeff", "\x00", "\ud800", "Tromsø", "x" * 3000,
    "a" * 200 + "!", "word ", "Take ", "supplement ", "(Smith et al., 2019)", "[1]", "<sup>2</sup>", "?", "â€™", "50?years",
]
