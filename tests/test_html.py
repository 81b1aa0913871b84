"""HTML files: tags, attributes, comments and code are not prose; links carry spans."""
from __future__ import annotations

from helpers import doc, prose_words

PAGE = """<!DOCTYPE html>
<html><head><title>Dose guide</title>
<script>var miracle = "x";</script><style>p { color: red }</style></head>
<body>
<h2 id="dose">Dose &amp; safety</h2>
<p>Take <abbr title="international units">IU</abbr> per day; see
<a href="/posts/vitamin-d" title="Vitamin D">the vitamin D page</a>.</p>
<ul><li>First item</li><li>Second <img src="/attachments/d3.jpg" alt="chart"></li></ul>
<!-- a comment with breakthrough -->
<pre>code miracle</pre><code>x</code>
<p>Unclosed <a href='page.html'>anchor
</body></html>
"""


def test_prose_excludes_markup() -> None:
    words = prose_words(doc(PAGE, "x.html"))
    assert "miracle" not in words and "breakthrough" not in words and "color:" not in words
    assert "international" not in words  # attribute
    assert words[:6] == ["Dose", "guide", "Dose", "safety", "Take", "IU"]


def test_links_with_exact_spans() -> None:
    d = doc(PAGE, "x.html")
    by_target = {l.target: l for l in d.links}
    a = by_target["/posts/vitamin-d"]
    assert a.tag == "a" and a.text == "the vitamin D page" and a.title == "Vitamin D"
    assert PAGE[a.target_start:a.target_end] == "/posts/vitamin-d"
    img = by_target["/attachments/d3.jpg"]
    assert img.image and img.text == "chart"
    assert by_target["page.html"].text == "anchor"


def test_blocks_and_headings() -> None:
    d = doc(PAGE, "x.html")
    kinds = [b.kind for b in d.blocks if d.prose[b.start:b.end].strip()]
    assert kinds.count("li") == 2 and "p" in kinds and "h2" in kinds
    (h,) = d.headings
    assert h.level == 2 and h.id == "dose" and h.text == "Dose safety"
    assert ("dose", PAGE.index('dose"')) in d.anchors


def test_unbalanced_html_does_not_break() -> None:
    d = doc("<p>a <b>bold <i>text</p></div></span> < not a tag > 3 <", "x.html")
    assert prose_words(d) == ["a", "bold", "text", "<", "not", "a", "tag", ">", "3", "<"]


def test_attribute_value_entities_are_unescaped() -> None:
    d = doc('<a href="/search?a=1&amp;b=2">s</a>', "x.html")
    assert d.links[0].target == "/search?a=1&b=2"
