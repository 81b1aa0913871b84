"""Heading ids as site generators make them.

The same heading gets different ids from different generators
(``## Dose – July 2011``: GitHub and Hugo ``dose--july-2011``, kramdown
``dose--july-2011``, pandoc ``dose-july-2011``), so the style is configurable
(``site.anchor_style``); ``any`` accepts an id of any style.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from .. import lazyre

STYLES = ("github", "github-ascii", "kramdown", "pandoc", "mkdocs", "any")

_MD_LINK = lazyre.compile(r"!?\[([^\]]*)\]\([^)]*\)|!?\[([^\]]*)\]\[[^\]]*\]")
_TAG = lazyre.compile(r"<[^>]*>")
_EMPHASIS = lazyre.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)|~~")


def plain(heading_markup: str) -> str:
    """The text of a heading as rendered: link text kept, markup and tags dropped."""
    import html

    text = _MD_LINK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), heading_markup)
    text = _TAG.sub("", text).replace("`", "")
    text = _EMPHASIS.sub("", text)
    return html.unescape(text).strip()


def github(text: str) -> str:
    """GitHub's and Hugo's default (``autoHeadingIDType: github``)."""
    text = text.strip().lower()
    text = "".join(c for c in text if c.isalnum() or c in " -_" or unicodedata.category(c) in ("Mn", "Pc"))
    return text.replace(" ", "-")


def github_ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return github(folded)


def kramdown(text: str) -> str:
    """Jekyll's kramdown: drop what is not a letter, digit, space or hyphen; no leading digits."""
    text = re.sub(r"[^a-zA-Z0-9 -]", "", text.strip()).lower()
    text = re.sub(r"^[^a-z]+", "", text)
    return text.replace(" ", "-") or "section"


def pandoc(text: str) -> str:
    """Pandoc's auto_identifiers."""
    text = re.sub(r"[^\w\s.-]", "", text.strip(), flags=re.UNICODE).lower()
    text = re.sub(r"^[^a-z]+", "", text)
    return re.sub(r"\s+", "-", text) or "section"


def mkdocs(text: str) -> str:
    """Python-Markdown's toc slugify (MkDocs): ASCII only, runs of spaces and hyphens made one."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"[^\w\s-]", "", folded).strip().lower()
    return re.sub(r"[-\s]+", "-", folded)


_FUNCTIONS = {"github": github, "github-ascii": github_ascii, "kramdown": kramdown, "pandoc": pandoc, "mkdocs": mkdocs}


def heading_ids(headings: Iterable[str], style: str = "github") -> set[str]:
    """The ids a page's headings get, duplicates numbered -1, -2... as generators do."""
    styles = list(_FUNCTIONS) if style == "any" else [style]
    ids: set[str] = set()
    for name in styles:
        seen: dict[str, int] = {}
        for heading in headings:
            base = _FUNCTIONS[name](heading)
            if base in seen:
                seen[base] += 1
                ids.add(f"{base}-{seen[base]}")
            else:
                seen[base] = 0
                ids.add(base)
    return ids
