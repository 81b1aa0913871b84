"""Markdown (CommonMark with the GFM extensions content repos use).

Two passes, as CommonMark itself does: the block pass walks lines and finds
code, HTML blocks, headings, list items, quotes, tables and link reference
definitions; the inline pass reads each block's text for code spans, links,
images, inline HTML, autolinks, bare URLs, entities and escapes.  Neither
pass builds a tree: they only record spans, which is all rules need and keeps
every offset exact.  Every scan is linear in the input, so a 5 MB line or
10,000 unmatched brackets cost no more than ordinary text.
"""
from __future__ import annotations

import bisect
import html
import re
from collections import defaultdict
from itertools import accumulate
from typing import Iterable

from .. import fastre
from .model import Block, Heading, Link, Markup
from .generator import ADMONITION, mask_generator_syntax
from .html import AnchorTracker, scan_html
from .scan import EMAIL, URL, add_url
from .tags import ENTITY, RAW_TEXT, comment_end, find_close_tag, parse_tag
from .. import lazyre

_LINE = lazyre.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_ATX = lazyre.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = lazyre.compile(r"[ \t]+#+[ \t]*$|^#+[ \t]*$")
_HEADING_ID = lazyre.compile(r"[ \t]*\{:?[ \t]*#([^}\s]+)[^}]*\}[ \t]*$")
#: An attribute list: kramdown's ``{: #id .class key="v"}`` (after a span, or a line
#: of its own for the block before or after it) and Pandoc's ``{#id .class}`` (after
#: an image, link, ``[span]`` or code span, or on a ``:::`` div fence).
_ATTR_LIST = lazyre.compile(r"\{(:?)[ \t]*((?=[#.:A-Za-z])(?:\"[^\"\r\n]*\"|'[^'\r\n]*'|[^{}\"'\r\n]){1,500})\}")
_ATTR_AFTER = frozenset(")]`}")
_QUOTED = lazyre.compile(r"\"[^\"]*\"|'[^']*'")
#: A Pandoc attribute: ``#id``, ``.class`` or ``key=value`` (quoted values blanked first).
_PANDOC_ATTR = lazyre.compile(r"#[^\s#]+|\.[^\s.#]+|[A-Za-z_][\w.-]*=\S*")
_ATTR_ID = lazyre.compile(r"(?:^|\s)(?:#([^\s#.\"'=]+)|id=([^\s\"'=]+))")
_SETEXT = lazyre.compile(r" {0,3}(=+|-+)[ \t]*$")
_HR = lazyre.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = lazyre.compile(r"[ \t]*(`{3,}|~{3,})")
_LIST = lazyre.compile(r"([ \t]*)([-+*]|\d{1,9}[.)])(?:([ \t]+)|$)")
_TASK = lazyre.compile(r"\[[ xX]\](?=[ \t])")
_QUOTE = lazyre.compile(r" {0,3}>[ \t]?")
_DEFINITION = lazyre.compile(
    r" {0,3}\[((?:[^\]\\\r\n]|\\.){1,999})\]:[ \t]*(?:<([^>\r\n]*)>|(\S+))"
    r"(?:[ \t]+(?:\"([^\"]*)\"|'([^']*)'|\(([^)]*)\)))?[ \t]*$"
)
_FOOTNOTE = lazyre.compile(r" {0,3}\[\^([^\]\s]+)\]:")
_TABLE_DELIM = lazyre.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_HTML_RAW = lazyre.compile(r" {0,3}<(script|pre|style|textarea)(?=[\s>]|$)", re.I)
_HTML_SPECIAL = lazyre.compile(r" {0,3}<(!--|\?|![A-Za-z]|!\[CDATA\[)")
_HTML_BLOCK = lazyre.compile(
    r" {0,3}</?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
    r"details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|"
    r"header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|"
    r"section|source|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?=[\s/>]|$)",
    re.I,
)
_SPECIAL_CLOSERS = {"!--": "-->", "?": "?>", "![CDATA[": "]]>"}

_INLINE = lazyre.compile(
    r"(?P<tick>`+)|(?P<esc>\\[!-/:-@\[-`{-~])|(?P<lt><)|(?P<img>!\[)|(?P<br>\[)"
    # TeX math as pandoc, R Markdown and Hugo's MathJax read it: $$...$$, or $...$ with
    # no space inside either dollar and no digit after the closing one ($5 and $10 is text).
    r"|(?P<math>\$\$.+?\$\$|\$(?=[^\s$])[^$\n]*?(?<=[^\s\\])\$(?!\d))"
    r"|(?P<ent>" + ENTITY.pattern + r")"
    r"|(?P<url>" + URL.pattern + r")"
    r"|(?P<mail>" + EMAIL.pattern + r")",
    re.S,
)
#: What each inline alternative needs somewhere in the text to match at all, and the
#: characters it can start with. A page without an ``@`` (most pages) is scanned without
#: the e-mail alternative, which is tried at every word; without it the scan tests one
#: character class per position (:func:`_inline_for`): three times faster on real pages.
_INLINE_NEEDS = {"mail": ("@",), "url": ("://", "www."), "math": ("$",), "ent": ("&",)}
_INLINE_FIRST = {"tick": "`", "esc": "\\\\", "lt": "<", "img": "!", "br": "\\[", "math": "$", "ent": "&", "url": "hfw"}
_INLINE_VARIANTS: dict[frozenset[str], re.Pattern[str]] = {}


def _absent(text: str, start: int, stop: int, tested: Iterable[tuple[str, tuple[str, ...]]]) -> list[str]:
    """The names of the alternatives *tested* (name, needs) none of whose needs is in text[start:stop]."""
    found = []
    for name, needs in tested:
        for need in needs:
            if text.find(need, start, stop) >= 0:
                break
        else:
            found.append(name)
    return found


def _inline_for(text: str, start: int = 0, end: int | None = None,
                tested: Iterable[tuple[str, tuple[str, ...]]] | None = None,
                absent_already: frozenset[str] = frozenset()) -> re.Pattern[str]:
    """:data:`_INLINE` without the alternatives that cannot match anywhere in
    text[start:end]: the same matches there (an alternative that never matches never
    wins; what each needs lies inside its match), found faster. *tested*: the
    alternatives (name, needs) to test, the others being *absent_already* or present
    (a page's blocks test only what the page has: see :func:`parse_markdown`)."""
    found = _absent(text, start, len(text) if end is None else end,
                    _INLINE_NEEDS.items() if tested is None else tested)
    absent = absent_already.union(found) if found else absent_already
    pattern = _INLINE_VARIANTS.get(absent)
    if pattern is None:
        alternatives = ["(?P<" + a for a in _INLINE.pattern.split("|(?P<")]
        alternatives[0] = alternatives[0][len("(?P<"):]
        kept = [a for a in alternatives if a[len("(?P<"):a.index(">")] not in absent]
        names = [a[len("(?P<"):a.index(">")] for a in kept]
        # with no e-mail alternative (which starts at any word character), a match starts
        # with one of the others' first characters: tested first, one test per position
        head = "" if "mail" in names else "(?=[" + "".join(_INLINE_FIRST[n] for n in names) + "])"
        pattern = _INLINE_VARIANTS[absent] = re.compile(head + "(?:" + "|".join(kept) + ")", re.S)
    return pattern


#: Where an alternative of :data:`_INLINE` but the e-mail one can match: one of their first
#: characters (a URL's only before "://" or "www."). Literal alternatives, so that ``re``
#: skips the text between them in C (a pattern opening with a lookahead is tried at every
#: position): see :meth:`_InlineReader._search`.
_INLINE_STARTS = lazyre.compile(r"`|\\|<|!|\[|\$|&|h(?=ttps?://)|f(?=tp://)|w(?=ww\.)")
_TICKS = lazyre.compile(r"`+")
#: A run of a link destination's characters that :meth:`_InlineReader._destination` steps over
#: one at a time: no white space (``str.isspace``'s, which ``\s`` is), control character,
#: parenthesis or backslash.
_PLAIN_DESTINATION = lazyre.compile(r"[^\s\x00-\x1f()\\]+")
_BRACKETS = fastre.compile(r"\\.|[\[\]]|`+", re.S)
_AUTOLINK = lazyre.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_MAIL_AUTOLINK = lazyre.compile(r"<[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*>")
_ESCAPED = lazyre.compile(r"\\([!-/:-@\[-`{-~])")
_MAX_NESTING = 8


def normalize_label(label: str) -> str:
    """Link labels match case-insensitively with white space collapsed."""
    return " ".join(label.split()).casefold()


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """The (start, end) of each line of text[start:], its line break included, as
    :data:`_LINE` finds them (none empty). Without a carriage return, by splitting at
    line feeds and summing lengths, mostly in C: the pattern's matches, a tuple each,
    took a sixth of the block pass."""
    if text.find("\r", start) >= 0:
        return [(m.start(), m.end()) for m in _LINE.finditer(text, start) if m.end() > m.start()]
    parts = text[start:].split("\n")
    # (Each part's start: the one before's, its length and its line feed after it.)
    starts = list(accumulate(map(len, parts), lambda at, length: at + length + 1, initial=start))
    count = len(parts)
    lines = list(zip(starts[:count - 1], starts[1:count]))
    if parts[-1]:
        lines.append((starts[count - 1], starts[count] - 1))  # (the last line, with no line feed)
    return lines


def _indent(line: str) -> int:
    width = 0
    for ch in line:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def parse_markdown(markup: Markup, text: str, start: int, anchors_only: bool = False) -> None:
    """Read Markdown: blocks (and headings) first, then the inline markup of each
    block; with *anchors_only*, only the blocks whose inline HTML may define ids."""
    inline_ranges = _BlockReader(markup, text).read(start)
    mask_generator_syntax(markup, text, start)
    definitions = markup.definitions
    # The inline pattern is chosen for each block's text (testing the whole page's for each of
    # its blocks cost a fifth of parsing, and a page's "@" slowed every block's scan); a
    # block is tested only for what its page has.
    missing = frozenset(_absent(text, 0, len(text), _INLINE_NEEDS.items()))
    tested = [(name, needs) for name, needs in _INLINE_NEEDS.items() if name not in missing]
    for a, b in inline_ranges:
        if text.find("{", a, b) != -1:
            _attribute_lists(markup, text, a, b)
        if not anchors_only or text.find("<", a, b) != -1:
            _InlineReader(markup, text, definitions, _inline_for(text, a, b, tested, missing)).scan(a, b)


def _attribute_lists(markup: Markup, text: str, start: int, end: int) -> None:
    """Record the ids of kramdown and Pandoc attribute lists in text[start:end] as
    anchors, and mask the lists (they are markup, not prose).  A Pandoc list counts
    only right after a span, at the start of a line or on a div fence, so braces in
    prose ("{a set}") are left alone."""
    for m in _ATTR_LIST.finditer(text, start, end):
        s = m.start()
        if not m.group(1):
            line_start = text.rfind("\n", start, s) + 1
            before = text[max(line_start, start):s]
            if not (before.strip(" \t:") == "" or (s > start and text[s - 1] in _ATTR_AFTER)):
                continue
        body = _QUOTED.sub(lambda q: " " * len(q.group()), m.group(2))
        if not m.group(1) and not all(_PANDOC_ATTR.fullmatch(token) for token in body.split()):
            continue  # {SPLIT(colsize=40%|60%)}: a wiki plugin, not attributes
        for ident in _ATTR_ID.finditer(body):
            name = ident.group(1) or ident.group(2)
            offset = m.start(2) + (ident.start(1) if ident.group(1) else ident.start(2))
            markup.anchors.append((name, offset))
        markup.mask(s, m.end())


class _BlockReader:
    """The block pass: classifies lines and records blocks and inline ranges."""

    def __init__(self, markup: Markup, text: str) -> None:
        self.markup = markup
        self.text = text
        self.inline: list[tuple[int, int]] = []
        self.block: Block | None = None  # the open paragraph-like block
        self.list_indent: int | None = None  # content indent of the open list item
        self.in_table = False
        self.admonition = False  # inside an MkDocs admonition's indented body

    def close(self) -> None:
        if self.block is not None:
            self.markup.blocks.append(self.block)
            self.inline.append((self.block.start, self.block.end))
            self.block = None
        self.in_table = False

    def open(self, kind: str, start: int, end: int) -> None:
        self.close()
        self.block = Block(kind, start, end)

    def read(self, start: int) -> list[tuple[int, int]]:
        text = self.text
        lines = _lines(text, start)
        i = 0
        prev_blank = True
        while i < len(lines):
            ls, le = lines[i]
            raw = text[ls:le]
            line = raw.rstrip("\r\n")
            i += 1
            if not line.strip():
                self.close()
                prev_blank = True
                continue
            if self.admonition:
                # An admonition's body is indented four columns: it is prose, not code.
                cut = 4 if line.startswith("    ") else 1 if line.startswith("\t") else 0
                if cut:
                    ls, line = ls + cut, line[cut:]
                else:
                    self.admonition = False
            ce = ls + len(line)  # content end, before the line break
            if line[0].isascii() and line[0].isalpha():
                # A line that opens with a letter (most lines of prose) starts no block: no
                # indent, admonition, fence, HTML, heading, underline, rule, quote, footnote,
                # definition or list item can (each needs a space, a tab or a mark first).
                if self.list_indent is not None and prev_blank and 0 < self.list_indent:
                    self.list_indent = None  # the list ended (as below, with an indent of 0)
                prev_blank = False
                if self.in_table and "|" in line:
                    self._table_row(ls, ce)
                elif self.block is not None:
                    self.block.end = ce  # continuation line
                else:
                    self.open("paragraph", ls, ce)
                continue
            admonition = ADMONITION.match(line)
            if admonition and (not line[admonition.end():].strip() or line[admonition.end():].strip()[0] in "\"'"):
                self.close()
                self.markup.mask(ls, ls + admonition.end())
                if line[admonition.end():].strip():
                    self.open("paragraph", ls + admonition.end(), ce)  # the admonition's title
                    self.close()
                self.admonition = True
                prev_blank = True
                continue
            indent = _indent(line)
            in_list = self.list_indent is not None
            if in_list and prev_blank and indent < self.list_indent and not _LIST.match(line):
                self.list_indent = None  # the list ended
                in_list = False
            blank_before, prev_blank = prev_blank, False

            # Indented code: not inside a paragraph, nor a list item's continuation.
            code_indent = (self.list_indent + 4) if in_list else 4
            if indent >= code_indent and (self.block is None or blank_before):
                j = i
                while j < len(lines):
                    nxt = text[lines[j][0]:lines[j][1]].rstrip("\r\n")
                    if nxt.strip() and _indent(nxt) < code_indent:
                        break
                    j += 1
                while j > i and not text[lines[j - 1][0]:lines[j - 1][1]].strip():
                    j -= 1
                self.close()
                end = lines[j - 1][0] + len(text[lines[j - 1][0]:lines[j - 1][1]].rstrip("\r\n"))
                self.markup.mask(ls, end)
                i = j
                continue

            fence = _FENCE.match(line)
            if fence and not (fence.group(1)[0] == "`" and "`" in line[fence.end():]):
                self.close()
                marker = fence.group(1)
                closing = re.compile(r"[ \t]*" + re.escape(marker[0]) + "{" + str(len(marker)) + r",}[ \t]*$")
                j = i
                while j < len(lines) and not closing.match(text[lines[j][0]:lines[j][1]].rstrip("\r\n")):
                    j += 1
                last = min(j, len(lines) - 1)
                self.markup.mask(ls, lines[last][0] + len(text[lines[last][0]:lines[last][1]].rstrip("\r\n")))
                i = j + 1
                continue

            html_kind = self._html_block_kind(line, ls)
            if html_kind is not None:
                self.close()
                i = self._html_block(html_kind, lines, i - 1)
                prev_blank = False
                continue

            atx = _ATX.match(line)
            if atx:
                self.close()
                self._heading(len(atx.group(1)), ls, ls + atx.end(), ce)
                continue

            if self.block is not None and self.block.kind == "paragraph" and not self.in_table:
                setext = _SETEXT.match(line)
                if setext and "\n" not in text[self.block.start:self.block.end].rstrip():
                    block = self.block
                    self.block = None
                    self.markup.mask(ls, ce)
                    self._heading(1 if setext.group(1)[0] == "=" else 2, block.start, block.start, block.end)
                    continue
                if (_TABLE_DELIM.match(line) and "|" in line and "|" in text[self.block.start:self.block.end]
                        and "\n" not in text[self.block.start:self.block.end]):
                    self.block.kind = "table-row"
                    self.markup.mask(ls, ce)
                    self.close()
                    self.in_table = True
                    continue

            if _HR.match(line):
                self.close()
                self.markup.mask(ls, ce)
                continue

            if self.in_table and "|" in line:
                self._table_row(ls, ce)
                continue

            quote = _QUOTE.match(line)
            if quote:
                self.markup.mask(ls, ls + quote.end())
                inner = line[quote.end():]
                if not inner.strip():
                    self.close()  # '>' alone separates paragraphs of a quote
                elif self.block is not None and self.block.kind == "blockquote":
                    self.block.end = ce
                else:
                    self.open("blockquote", ls + quote.end(), ce)
                continue

            footnote = _FOOTNOTE.match(line)
            if footnote:
                self.markup.mask(ls, ls + footnote.end())
                self.open("footnote", ls + footnote.end(), ce)
                continue

            if self.block is None:
                definition = _DEFINITION.match(line)
                if definition:
                    self._definition(definition, ls, ce)
                    continue

            item = _LIST.match(line)
            if item and self._may_start_item(item, line):
                marker_end = ls + item.end()
                task = _TASK.match(text, marker_end, ce)
                if task:
                    marker_end = task.end()
                self.markup.mask(ls, marker_end)
                self.list_indent = _indent(item.group(1)) + len(item.group(2)) + len(item.group(3) or " ")
                self.open("list-item", marker_end, ce)
                continue

            if self.block is not None:
                self.block.end = ce  # continuation line
            else:
                self.open("paragraph", ls, ce)
        self.close()
        return self.inline

    def _table_row(self, ls: int, ce: int) -> None:
        """A row of the open table: a block of its own, and the table goes on."""
        self.close()
        self.in_table = True
        self.block = Block("table-row", ls, ce)
        self.close()
        self.in_table = True

    def _may_start_item(self, item: re.Match[str], line: str) -> bool:
        if not line[item.end():].strip():
            return self.block is None  # an empty item cannot interrupt a paragraph
        if self.block is not None and self.block.kind == "paragraph":
            marker = item.group(2)
            return marker in "-+*" or marker[:-1] == "1"
        return True

    def _heading(self, level: int, line_start: int, content_start: int, content_end: int) -> None:
        text = self.text
        self.markup.mask(line_start, content_start)
        end = content_end
        ident = None
        attr = _HEADING_ID.search(text, content_start, end)
        if attr:
            ident = attr.group(1)
            self.markup.anchors.append((ident, attr.start(1)))
            self.markup.mask(attr.start(), end)
            end = attr.start()
        closing = _ATX_CLOSE.search(text, content_start, end) if content_start != line_start else None
        if closing:
            self.markup.mask(closing.start(), end)
            end = closing.start()
        self.markup.blocks.append(Block("heading", content_start, end))
        self.markup.headings.append(Heading(level, content_start, end, "", ident))
        self.inline.append((content_start, end))

    def _definition(self, m: re.Match[str], ls: int, ce: int) -> None:
        group = 2 if m.group(2) is not None else 3
        target = html.unescape(_ESCAPED.sub(r"\1", m.group(group)))
        title = next((g for g in (m.group(4), m.group(5), m.group(6)) if g is not None), None)
        label = normalize_label(m.group(1))
        link = Link(
            "definition", target, ls, ce, target_start=ls + m.start(group), target_end=ls + m.end(group),
            title=title, label=m.group(1),
        )
        self.markup.links.append(link)
        self.markup.definitions.setdefault(label, link)
        self.markup.mask(ls, ce)

    def _html_block_kind(self, line: str, ls: int) -> str | None:
        if line.lstrip()[:1] != "<":
            return None
        if _HTML_RAW.match(line):
            return "raw"
        special = _HTML_SPECIAL.match(line)
        if special:
            opener = special.group(1)
            return _SPECIAL_CLOSERS.get(opener, ">" if opener.startswith("!") else "?>")
        if _HTML_BLOCK.match(line):
            return "block"
        if self.block is None:
            start = ls + len(line) - len(line.lstrip())
            tag = parse_tag(self.text, start, ls + len(line))
            if tag and not self.text[tag.end:ls + len(line)].strip() and tag.name not in RAW_TEXT:
                return "block"
        return None

    def _html_block(self, kind: str, lines: list[tuple[int, int]], i: int) -> int:
        """Read an HTML block starting at line *i*; return the index after it."""
        text = self.text
        start = lines[i][0]
        j = i
        if kind == "block":
            while j < len(lines) and text[lines[j][0]:lines[j][1]].strip():
                j += 1
            end = lines[j - 1][0] + len(text[lines[j - 1][0]:lines[j - 1][1]].rstrip("\r\n"))
            scan_html(self.markup, text, start, end)
            return j
        if kind == "raw":
            m = re.match(r"\s*<([A-Za-z]+)", text[start:lines[i][1]])
            name = m.group(1).lower() if m else "pre"
            close = find_close_tag(text, name, start, len(text))
            stop = close[1] if close else len(text)
        else:
            found = text.find(kind, start + 2)
            stop = len(text) if found < 0 else found + len(kind)
            if kind == "-->":
                opener = text.find("<!--", start)
                self.markup.comments.append((opener, stop))
        self.markup.mask(start, stop)
        # Anything after the closer on its line is not looked at, as in CommonMark.
        while j < len(lines) and lines[j][0] < stop:
            j += 1
        if j > i and j - 1 < len(lines):
            self.markup.mask(stop, lines[j - 1][0] + len(text[lines[j - 1][0]:lines[j - 1][1]].rstrip("\r\n")))
        return max(j, i + 1)


class _InlineReader:
    """The inline pass over one block's text."""

    def __init__(self, markup: Markup, text: str, definitions: dict[str, Link],
                 inline: re.Pattern[str] | None = None) -> None:
        self.markup = markup
        self.text = text
        self.definitions = definitions
        self.code: dict[int, int] = {}
        self.brackets: dict[int, int] = {}
        #: :func:`_inline_for` the text scanned (by default, the whole *text*).
        self.inline = inline if inline is not None else _inline_for(text)
        #: Whether a match can start only where :data:`_INLINE_STARTS` matches (no e-mail alternative).
        self._starts = "(?P<mail>" not in self.inline.pattern

    def _search(self, pos: int, end: int) -> re.Match[str] | None:
        """``self.inline.search(text, pos, end)``: without the e-mail alternative, the same
        match found by trying the pattern only where one of its alternatives could start
        (the first such place where it matches is where the search finds its match;
        lookbehinds see the text before *pos* either way)."""
        text = self.text
        if not self._starts:
            return self.inline.search(text, pos, end)
        candidate, match = _INLINE_STARTS.search, self.inline.match
        while True:
            found = candidate(text, pos, end)
            if found is None:
                return None
            at = found.start()
            m = match(text, at, end)
            if m is not None:
                return m
            pos = at + 1

    def scan(self, start: int, end: int) -> None:
        if end <= start:
            return
        self._pair_code_spans(start, end)
        self._pair_brackets(start, end)
        anchors = AnchorTracker(self.markup, self.text)
        self._scan(start, end, 0, anchors)
        anchors.close(end)

    def _pair_code_spans(self, start: int, end: int) -> None:
        if self.text.find("`", start, end) < 0:
            self.code = {}  # (most blocks: no backtick, no code span)
            return
        runs = [(m.start(), m.end()) for m in _TICKS.finditer(self.text, start, end)]
        by_length: dict[int, list[int]] = defaultdict(list)
        for index, (s, e) in enumerate(runs):
            by_length[e - s].append(index)
        self.code = {}
        i = 0
        while i < len(runs):
            s, e = runs[i]
            same = by_length[e - s]
            k = bisect.bisect_right(same, i)
            if k < len(same) and (s == 0 or self.text[s - 1] != "\\"):
                j = same[k]
                self.code[s] = runs[j][1]
                i = j + 1
            else:
                i += 1

    def _pair_brackets(self, start: int, end: int) -> None:
        self.brackets = {}
        if self.text.find("[", start, end) < 0:
            return  # (no opening bracket: nothing pairs)
        stack: list[int] = []
        skip_until = start
        for m in _BRACKETS.finditer(self.text, start, end):
            s = m.start()
            if s < skip_until:
                continue
            token = m.group()
            if token[0] == "`":
                skip_until = self.code.get(s, s)
            elif token == "[":
                stack.append(s)
            elif token == "]" and stack:
                self.brackets[stack.pop()] = s

    def _scan(self, start: int, end: int, depth: int, anchors: AnchorTracker, in_link: bool = False) -> None:
        text = self.text
        mask = self.markup.mask
        pos = start
        search = self._search
        while pos < end:
            m = search(pos, end)
            if not m:
                return
            kind = m.lastgroup
            s = m.start()
            if kind == "tick":
                stop = self.code.get(s)
                if stop is not None and stop <= end:
                    mask(s, stop)
                    pos = stop
                else:
                    pos = m.end()
            elif kind in ("esc", "ent"):
                mask(s, s + 1 if kind == "esc" else m.end())
                pos = m.end()
            elif kind == "url":
                pos = max(add_url(self.markup, m.group(), s, record=not in_link), s + 1)
            elif kind in ("mail", "math"):
                mask(s, m.end())
                pos = m.end()
            elif kind == "lt":
                pos = self._angle(s, end, anchors, in_link)
            else:
                pos = self._bracket(s, end, depth, kind == "img", anchors)

    def _angle(self, s: int, end: int, anchors: AnchorTracker, in_link: bool) -> int:
        text = self.text
        mask = self.markup.mask
        auto = _AUTOLINK.match(text, s, end)
        if auto:
            if not in_link:
                self.markup.links.append(Link(
                    "autolink", auto.group(1), s, auto.end(), target_start=s + 1, target_end=auto.end() - 1,
                ))
            mask(s, auto.end())
            return auto.end()
        mail = _MAIL_AUTOLINK.match(text, s, end)
        if mail:
            mask(s, mail.end())
            return mail.end()
        if text.startswith(("<!", "<?"), s):
            stop = comment_end(text, s, end)
            mask(s, stop)
            if text.startswith("<!--", s):
                self.markup.comments.append((s, stop))
            return stop
        tag = parse_tag(text, s, end)
        if tag is None:
            return s + 1
        mask(tag.start, tag.end)
        anchors.tag(tag)
        if not tag.closing and not tag.self_closing and tag.name in RAW_TEXT:
            close = find_close_tag(text, tag.name, tag.end, end)
            if close:
                mask(tag.end, close[1])
                return close[1]
        return tag.end

    def _bracket(self, s: int, end: int, depth: int, image: bool, anchors: AnchorTracker) -> int:
        text = self.text
        mask = self.markup.mask
        b = s + 1 if image else s
        close = self.brackets.get(b)
        if close is None or close >= end or depth >= _MAX_NESTING:
            return b + 1
        after = close + 1
        if not image and text.startswith("^", b + 1) and "\n" not in text[b:close]:
            self.markup.footnote_refs.append((b, after))
            mask(b, after)
            return after
        if text.startswith("(", after):
            dest = self._destination(after + 1, end)
            if dest is not None:
                target, t_start, t_end, title, stop = dest
                link = Link("inline", target, s, stop, text=None, text_start=b + 1, text_end=close,
                            target_start=t_start, target_end=t_end, title=title, image=image)
                return self._finish(link, s, b, close, stop, depth, anchors)
        label, stop = None, after
        if text.startswith("[", after) and after in self.brackets and self.brackets[after] < end:
            inner = text[after + 1:self.brackets[after]]
            label = inner if inner.strip() else text[b + 1:close]
            stop = self.brackets[after] + 1
        elif not text.startswith("[", after):
            label = text[b + 1:close]
        if label is not None:
            definition = self.definitions.get(normalize_label(label))
            if definition is not None:
                link = Link("reference", definition.target, s, stop, text_start=b + 1, text_end=close,
                            target_start=definition.target_start, target_end=definition.target_end,
                            title=definition.title, image=image, label=label)
                return self._finish(link, s, b, close, stop, depth, anchors)
        return b + 1

    def _finish(self, link: Link, s: int, b: int, close: int, stop: int, depth: int, anchors: AnchorTracker) -> int:
        mask = self.markup.mask
        mask(s, b + 1)
        mask(close, stop)
        self._scan(b + 1, close, depth + 1, anchors, in_link=True)
        link.text = " ".join(self.text[b + 1:close].split())
        self.markup.links.append(link)
        return stop

    def _destination(self, p: int, end: int) -> tuple[str, int, int, str | None, int] | None:
        """Parse ``dest "title")`` starting at *p*; None if it is not a link destination."""
        text = self.text
        p = _skip_space(text, p, end)
        if text.startswith("<", p):
            close = text.find(">", p + 1, end)
            if close < 0 or "\n" in text[p:close]:
                return None
            t_start, t_end, q = p + 1, close, close + 1
        else:
            t_start = q = p
            depth = 0
            plain = _PLAIN_DESTINATION.match
            while q < end:
                run = plain(text, q, end)
                if run is not None:
                    q = run.end()  # (what the loop below would step over one by one)
                    if q >= end:
                        break
                ch = text[q]
                if ch == "\\" and q + 1 < end:
                    q += 2
                    continue
                if ch.isspace() or ord(ch) < 32:
                    break
                if ch == "(":
                    depth += 1
                elif ch == ")":
                    if depth == 0:
                        break
                    depth -= 1
                q += 1
            if depth:
                return None
            t_end = q
        title = None
        r = _skip_space(text, q, end)
        if r < end and text[r] in "\"'(" and r > q:
            closer = ")" if text[r] == "(" else text[r]
            close = text.find(closer, r + 1, end)
            if close < 0:
                return None
            title = text[r + 1:close]
            r = _skip_space(text, close + 1, end)
        if r >= end or text[r] != ")":
            return None
        target = html.unescape(_ESCAPED.sub(r"\1", text[t_start:t_end]))
        return target, t_start, t_end, title, r + 1


def _skip_space(text: str, p: int, end: int) -> int:
    newlines = 0
    while p < end and text[p] in " \t\r\n":
        if text[p] == "\n":
            newlines += 1
            if newlines > 1:
                break
        p += 1
    return p
