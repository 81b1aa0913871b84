"""What is and is not prose in Markdown, and the links it holds."""
from __future__ import annotations

from helpers import doc, prose_words


def test_fenced_and_indented_code_are_not_prose() -> None:
    text = "Intro\n\n```python\nmiracle = 1\n```\n\n~~~~\nx\n~~~~\n\n    indented code\n\nOutro\n"
    assert prose_words(doc(text)) == ["Intro", "Outro"]


def test_unclosed_fence_runs_to_the_end() -> None:
    assert prose_words(doc("Text\n\n```\ncode\nmore")) == ["Text"]


def test_indented_lines_in_a_list_are_not_code() -> None:
    text = "* item\n\n    continued paragraph of the item\n"
    assert "continued" in prose_words(doc(text))


def test_inline_code_with_longer_fences() -> None:
    d = doc("Use ``a `tick` b`` and `x` but not `unclosed")
    assert prose_words(d) == ["Use", "and", "but", "not", "`unclosed"]


def test_links_text_is_prose_target_is_not() -> None:
    text = 'See [the NHS page](https://nhs.uk/a_(b) "Title") now.'
    d = doc(text)
    assert prose_words(d) == ["See", "the", "NHS", "page", "now."]
    (link,) = d.links
    assert link.kind == "inline" and link.target == "https://nhs.uk/a_(b)" and link.title == "Title"
    assert text[link.target_start:link.target_end] == "https://nhs.uk/a_(b)"
    assert text[link.text_start:link.text_end] == "the NHS page"
    assert link.text == "the NHS page"


def test_angle_bracket_destination_and_escapes() -> None:
    d = doc(r"[a](<my file.md>) and [b](x\_y.md)")
    assert [l.target for l in d.links] == ["my file.md", "x_y.md"]


def test_images_alt_is_prose() -> None:
    d = doc("![Bone scan](/img/scan.png)")
    (link,) = d.links
    assert link.image and link.target == "/img/scan.png"
    assert prose_words(d) == ["Bone", "scan"]


def test_nested_image_in_link() -> None:
    d = doc("[![badge](b.svg)](https://ci.example)")
    targets = sorted(l.target for l in d.links)
    assert targets == ["b.svg", "https://ci.example"]


def test_reference_links_and_definitions() -> None:
    text = "Read [the trial][t1] and [Trial 2] and [unknown][nope].\n\n[t1]: https://doi.org/10.1/x \"T\"\n[trial 2]: <./two.md>\n"
    d = doc(text)
    kinds = [(l.kind, l.target) for l in d.links]
    assert ("reference", "https://doi.org/10.1/x") in kinds
    assert ("reference", "./two.md") in kinds
    assert [k for k in kinds if k[0] == "definition"] == [("definition", "https://doi.org/10.1/x"), ("definition", "./two.md")]
    assert "nope" in d.prose  # an undefined reference is literal text
    assert "https" not in d.prose and "two.md" not in d.prose
    ref = next(l for l in d.links if l.kind == "reference" and l.label == "t1")
    assert text[ref.target_start:ref.target_end] == "https://doi.org/10.1/x"


def test_autolinks_and_bare_urls() -> None:
    text = "Mail <a@b.org> or see <https://x.org/a>, www.example.com/path. Also https://e.org/p?q=1)."
    d = doc(text)
    targets = [l.target for l in d.links]
    assert targets == ["https://x.org/a", "www.example.com/path", "https://e.org/p?q=1"]
    assert prose_words(d) == ["Mail", "or", "see", ",", ".", "Also", ")."]


def test_inline_html_tags_and_comments_are_masked() -> None:
    text = 'A <span style="color:red">red</span> word <!-- hidden\nnote --> end.'
    assert prose_words(doc(text)) == ["A", "red", "word", "end."]


def test_inline_html_anchor_is_a_link_with_text() -> None:
    text = '* <a href="/posts/x" title="This link has an unknown page_id: 691">Overview</a>'
    d = doc(text)
    (link,) = d.links
    assert link.kind == "html" and link.tag == "a" and link.target == "/posts/x"
    assert link.title.startswith("This link has") and link.text == "Overview"
    assert text[link.target_start:link.target_end] == "/posts/x"


def test_html_block_in_markdown() -> None:
    text = "Para\n\n<div class=\"x\">\n<p>Inside <a href=\"a.md\">a</a></p>\n</div>\n\n<img src=\"/attachments/d3.jpg\" alt=\"chart\">\n"
    d = doc(text)
    assert prose_words(d) == ["Para", "Inside", "a"]
    assert sorted(l.target for l in d.links) == ["/attachments/d3.jpg", "a.md"]


def test_script_and_comment_blocks_are_masked() -> None:
    text = "<script>\nvar miracle = 1;\n</script>\n\n<!--\nmiracle\n\n-->\n\nText"
    assert prose_words(doc(text)) == ["Text"]


def test_headings_atx_setext_and_ids() -> None:
    text = "# One #\n\nTwo\n===\n\n## Three {#custom-id}\n\nPara\n"
    d = doc(text)
    assert [(h.level, h.text, h.id) for h in d.headings] == [(1, "One", None), (1, "Two", None), (2, "Three", "custom-id")]
    assert [b.kind for b in d.blocks] == ["heading", "heading", "heading", "paragraph"]


def test_blockquote_markers_masked_and_quote_paragraphs() -> None:
    d = doc("> Quoted text\n> more\n>\n> second\n")
    assert prose_words(d) == ["Quoted", "text", "more", "second"]
    assert [b.kind for b in d.blocks] == ["blockquote", "blockquote"]


def test_tables_rows_are_blocks() -> None:
    text = "| Dose | Source |\n|---|---|\n| 400 IU | [NIH](https://ods.od.nih.gov) |\n"
    d = doc(text)
    assert [b.kind for b in d.blocks] == ["table-row", "table-row"]
    assert "---" not in d.prose and "NIH" in d.prose


def test_footnotes() -> None:
    d = doc("A claim.[^1]\n\n[^1]: Smith 2020, a trial.\n")
    assert "^1" not in d.prose and "Smith" in d.prose
    assert len(d.footnote_refs) == 1
    assert [b.kind for b in d.blocks] == ["paragraph", "footnote"]


def test_entities_escapes_and_emails_are_masked() -> None:
    d = doc(r"&nbsp;Tom &amp; Jerry \*not emphasis\* mail me@example.org")
    assert prose_words(d) == ["Tom", "Jerry", "*not", "emphasis", "*", "mail"]


def test_task_list_markers_and_ordered_items() -> None:
    d = doc("1. first\n2) second\n- [x] done\n")
    assert prose_words(d) == ["first", "second", "done"]


def test_ordered_number_does_not_interrupt_paragraph() -> None:
    d = doc("The study ran until\n2011. Then it stopped.\n")
    assert [b.kind for b in d.blocks] == ["paragraph"]


def test_link_text_url_is_not_a_second_link() -> None:
    d = doc("[https://doi.org/10.1/x.](https://doi.org/10.1/x.)")
    assert [l.kind for l in d.links] == ["inline"]
    assert d.links[0].target == "https://doi.org/10.1/x."


def test_pathological_brackets_and_ticks_are_fast() -> None:
    import time

    text = "[" * 50_000 + "]" * 10 + "`" * 5 + " ``" * 20_000 + "<a " * 20_000 + "![" * 20_000
    start = time.perf_counter()
    doc(text)
    assert time.perf_counter() - start < 20


def test_inline_scan_without_the_alternatives_a_page_cannot_match_finds_the_same() -> None:
    """The inline scanner drops the e-mail, URL, math and entity alternatives on a page
    without an ``@``, ``://``/``www.``, ``$`` or ``&``: same matches, same kinds."""
    from medlint.markup.markdown import _INLINE, _inline_for

    pages = [
        "Plain words, `code`, \\*stars\\*, <b>tag</b>, ![img](a.png) and [a link](b.md).",
        "Mail nurse@clinic.example or see https://example.org/x and www.example.com today.",
        "Costs $5 and $10; math $x^2$ and $$y$$; an entity &amp; a dash &mdash; here.",
        "All of it: a@b.example, http://h.example/p, $a$, &lt;, `t`, [l](u), <i>x</i>.",
    ]
    for text in pages:
        fast = [(m.span(), m.lastgroup) for m in _inline_for(text).finditer(text)]
        assert fast == [(m.span(), m.lastgroup) for m in _INLINE.finditer(text)]
    assert _inline_for(pages[0]).pattern != _INLINE.pattern  # the plain page gets the shorter scan
    assert len(_inline_for(pages[3]).pattern) >= len(_INLINE.pattern)


_INLINE_SAMPLES = [
    "Plain words, `code`, \\*stars\\*, <b>tag</b>, ![img](a.png) and [a link](b.md).",
    "Mail nurse@clinic.example or see https://example.org/x and www.example.com today.",
    "Costs $5 and $10; math $x^2$ and $$y$$; an entity &amp; a dash &mdash; here.",
    "All of it: a@b.example, http://h.example/p, $a$, &lt;, `t`, [l](u), <i>x</i>.",
    # a URL's first letter after a word character or a slash (the lookbehind), upper case,
    # half a scheme; a "!" and a "$" that start nothing; "www" without its dot
    "xhttp://no.example /https://no.example HTTP://NO.EXAMPLE http:/ ftp://yes.example "
    "wwww.no www.yes.example www x! ! $ 5$ && &x; hhttps://x.example fftp://y.example",
    "", "h", "www.", "!\n[", "`a` `` b `c``",
]


def test_inline_search_by_start_characters_finds_what_the_pattern_search_finds() -> None:
    """``_InlineReader._search`` tries the inline pattern only where an alternative can
    start (:data:`_INLINE_STARTS`): from every position, to every end, it must find what
    the pattern's own search finds, lookbehinds before the position included."""
    from medlint.markup.markdown import _InlineReader, _inline_for
    from medlint.markup.model import Markup

    for text in _INLINE_SAMPLES:
        pattern = _inline_for(text)
        reader = _InlineReader(Markup(), text, {}, pattern)
        assert reader._starts == ("@" not in text)
        for pos in range(len(text) + 1):
            for end in {len(text), pos + 7, pos + 1}:
                if end > len(text):
                    continue
                want = pattern.search(text, pos, end)
                got = reader._search(pos, end)
                assert (got and (got.span(), got.lastgroup)) == (want and (want.span(), want.lastgroup)), (text, pos, end)


def test_inline_pattern_chosen_for_a_block_finds_what_the_whole_pattern_finds_there() -> None:
    """The inline pattern is chosen per block (``_inline_for(text, start, end)``): an
    alternative whose needed text (``@``, ``://``, ``$``, ``&``) is outside the block never
    matches inside it, so the block's scan finds the same matches as the full pattern."""
    from medlint.markup.markdown import _INLINE, _inline_for

    text = " ".join(_INLINE_SAMPLES)
    for start in range(0, len(text), 5):
        for end in (start + 3, start + 20, start + 60, len(text)):
            end = min(end, len(text))
            block = _inline_for(text, start, end)
            assert [(m.span(), m.lastgroup) for m in block.finditer(text, start, end)] == \
                [(m.span(), m.lastgroup) for m in _INLINE.finditer(text, start, end)], (start, end)


def test_markdown_page_with_mail_and_urls_in_other_blocks_parses_as_before() -> None:
    """A page with an ``@`` in one paragraph: the others' URLs, math and entities are still found."""
    text = "Write to a@b.example.\n\nSee https://x.example/p and $x$ &amp; [l](u).\n"
    d = doc(text)
    assert [(l.kind, l.target) for l in d.links] == [("url", "https://x.example/p"), ("inline", "u")]
    assert "a@b.example" not in d.prose and "https" not in d.prose and "&amp;" not in d.prose


def test_lines_split_as_the_line_pattern_finds_them() -> None:
    """``_lines`` splits at line feeds when the text has no carriage return: the same
    (start, end) pairs as the line pattern's matches, from any start."""
    import random

    from medlint.markup.markdown import _LINE, _lines

    rng = random.Random(11)
    texts = ["", "a", "\n", "a\n", "a\nb", "\n\n", "ab\n\ncd\n", "a\r\nb\rc\n"]
    texts += ["".join(rng.choice("ab \n\r") for _ in range(rng.randint(0, 40))) for _ in range(400)]
    for text in texts:
        for start in range(len(text) + 1):
            want = [(m.start(), m.end()) for m in _LINE.finditer(text, start) if m.end() > m.start()]
            assert _lines(text, start) == want, (text, start)


def test_link_destinations_with_parentheses_escapes_and_odd_spaces() -> None:
    """The destination's plain runs are stepped over by a pattern: parentheses, escapes,
    control characters and Unicode spaces still end or extend it as before."""
    cases = {
        "[a](https://x.example/a_(b)_c)": "https://x.example/a_(b)_c",
        "[a](/p\\)q)": "/p)q",
        "[a](/p\\ q)": "/p\\ q",  # (a backslash before a space escapes nothing)
        "[a](/p q)": None,
        "[a](/p\u00a0q)": None,
        "[a](/p\u2003q)": None,
        "[a](/p((q)))": "/p((q))",
        "[a](/p(q)": None,
        "[a](/p\x01q)": None,
        "[a](/é\u2013x \"t\")": "/é\u2013x",
        "[a](/end\\)": None,
    }
    for text, target in cases.items():
        links = [l for l in doc(text).links if l.kind == "inline"]
        assert [l.target for l in links] == ([target] if target is not None else []), text


def test_lines_opening_with_a_letter_continue_tables_paragraphs_and_end_lists() -> None:
    """A line that opens with a letter takes the block pass's short way: it is a table row in
    a table, a paragraph's next line, or a new paragraph, and after a blank line it ends a list."""
    d = doc("a | b\n--|--\nc | d\nplain line\n\n- item\n  more\n\nAfter the list\n    indented\nx\n")
    kinds = [(b.kind, d.text[b.start:b.end]) for b in d.blocks]
    assert kinds == [("table-row", "a | b"), ("table-row", "c | d"), ("paragraph", "plain line"),
                     ("list-item", "item\n  more"), ("paragraph", "After the list\n    indented\nx")]
    assert doc("- a\n\n  b continues the item\n").blocks[-1].kind == "paragraph"
