"""Generator syntax in Markdown sources: what a static-site generator reads and a reader never sees.

kramdown attribute lists (``{: #id .class}``, ``{::comment}``), Pandoc/Hugo
attributes after a link, span, heading or on a line of their own
(``{rel=external}``, ``{#id .class}``), Hugo shortcodes (``{{< toc >}}``,
``{{% note %}}``), Liquid and Jinja tags, expressions and comments
(``{% include x %}``, ``{{ page.title }}``, ``{# ... #}``) and the markers of
MkDocs admonitions (``!!! note``, ``??? tip``) are masked out of the prose
view, so no rule reads them as words, abbreviations or doses.
"""
from __future__ import annotations

import re

from .model import Markup

_ATTR = r"(?:[#.][\w:-]+|[\w:-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}\"']+))"
_GENERATOR = re.compile(
    # Hugo shortcodes (may span lines: a figure's parameters often do).
    r"\{\{<.{0,2000}?>\}\}|\{\{%.{0,2000}?%\}\}"
    # Liquid / Jinja tags, expressions and comments.
    # An expression is spaced ({{ page.title }}) or dotted ({{page.title}}): a bare
    # {{Name}} is a wiki template left by a migration, which other rules report.
    r"|\{%-?.{0,500}?-?%\}|\{\{-?(?:\s[^{}\n]{0,300}?|\w+(?:\.\w+)+\s*)-?\}\}|\{#-?[^{}]{0,2000}?-?#\}"
    # kramdown inline and block attribute lists, and its extensions ({::nomarkdown}).
    r"|\{::?[^{}\n]{0,500}\}"
    # Pandoc / Hugo / Goldmark attributes: one or more #id, .class or key=value.
    r"|\{[ \t]*" + _ATTR + r"(?:[ \t]+" + _ATTR + r")*[ \t]*\}",
    re.S,
)
#: ``!!! note "Title"``, ``???+ tip``: the marker and type (the quoted title is prose).
ADMONITION = re.compile(r"[ \t]{0,3}(?:!!!|\?\?\?\+?)[ \t]+[a-z][\w-]*(?:[ \t]+[a-z][\w-]*)*")


def mask_generator_syntax(markup: Markup, text: str, start: int) -> None:
    """Mask every generator construct in ``text[start:]``."""
    if "{" not in text[start:] and "!!!" not in text and "???" not in text:
        return
    for m in _GENERATOR.finditer(text, start):
        markup.mask(m.start(), m.end())
