"""``links``: internal links that do not resolve, against the whole site.

Needs the :class:`~medlint.site.index.SiteIndex`, which the run attaches to each
document as ``doc.site``.  External links (another host) are never fetched.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import unquote, urlsplit

from ..diagnostic import Finding
from ..document import Document
from ..markup.model import Link
from ..markup import PAGE_SUFFIXES
from ..site.index import DYNAMIC_SUFFIXES, SiteIndex, anchors_of, normalize_path
from . import BuildContext
from .common import compile_regex
from .. import lazyre

CHECKS = ("broken", "anchor", "asset", "unknown-marker")
#: The checks that resolve links against the site index (unknown-marker reads only the
#: page, and asks the index, when the run has one, which hosts are the site's own).
SITE_CHECKS = frozenset({"broken", "anchor", "asset"})
OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "ignore": {"type": "array", "items": {"type": "string"}},
        "title_patterns": {"type": "array", "items": {"type": "string"}},
        "target_patterns": {"type": "array", "items": {"type": "string"}},
        "text_patterns": {"type": "array", "items": {"type": "string"}},
    },
}
DEFAULTS: dict[str, Any] = {"ignore": [], "title_patterns": [], "target_patterns": [], "text_patterns": []}
PLACEHOLDERS = ("match", "suggestion", "page")
#: The options each check reads (``medlint explain`` shows only these).
CHECK_OPTIONS = {"broken": ("ignore", "title_patterns", "target_patterns"), "anchor": ("ignore",), "asset": ("ignore",),
                 "unknown-marker": ("title_patterns", "target_patterns", "text_patterns")}

_SCHEME = lazyre.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
#: A link written without its scheme ("www.nhs.uk/...", "cdc.gov/flu"): browsers read it
#: as a relative path. Beyond "www.", a first segment ending in a common top-level domain
#: counts; a file or folder of a site is rarely named like one.
_HOST_LIKE = lazyre.compile(r"(?i)^(?:www\d?\.[a-z0-9-]+\.[a-z]|(?:[a-z0-9-]+\.)+"
                            r"(?:com|org|net|edu|gov|int|mil|info|io|uk|ca|au|nz|ie|de|fr|eu|us)(?:[/?#]|$))")
#: What an editor leaves in a draft between double brackets: a note, not a wiki link
#: ("[[add details]]", "[[Reference needed]]", "[[Details to follow.]]", "[[Screen shot of
#: the applet]]"). A page name has no sentence punctuation at its end, is short, and is not
#: an instruction or a picture still to come.
_EDITORIAL_NOTE = lazyre.compile(
    r"(?is)^\s*(?:(?:add|insert|explain|document|describe|conclude|cite|check|fix|update|expand|write|"
    r"finish|complete|todo|tbd|fixme|xxx)\b"
    # a placeholder for a picture still to come: "[[Screen shot of the applet]]", "[[Figure of ...]]"
    r"|(?:screen\s*shots?|screenshots?|images?|pictures?|photos?|figures?|graphs?|charts?|diagrams?|tables?|plots?)\s+(?:of|showing)\b"
    r"|.*\b(?:needed|required|to\s+(?:be\s+)?(?:added|provided|"
    r"follow|come|do|confirm)|tbd|todo|fixme|placeholder)\b)|.*[.!?:]\s*$")
_SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "ftp:", "file:", "sms:", "news:", "irc:")


def _did_you_mean(url: str | None) -> str:
    return f"; did you mean '{url}'?" if url else ""


class Target:
    """What a link points at inside the site, once resolved."""

    def __init__(self, path: str, fragment: str, asset_like: bool) -> None:
        self.path = path
        self.fragment = fragment
        self.asset_like = asset_like


def _internal(link: Link, site: SiteIndex) -> Target | None:
    """The site-relative target of a link, or None for external links."""
    target = link.target.strip()
    if not target or target.lower().startswith(_SKIP_SCHEMES):
        return None
    if link.kind == "url" and target.lower().startswith("www."):
        return None  # a bare www. autolink: the renderer adds http://
    if target.startswith("//") or _SCHEME.match(target):
        try:
            parts = urlsplit(target if not target.startswith("//") else "https:" + target)
        except ValueError:
            return None  # not a URL any browser would follow into this site
        if parts.scheme.lower() not in ("http", "https", "") or not site.is_internal_host(parts.netloc):
            return None
        path, fragment = parts.path or "/", parts.fragment
    else:
        path, _, fragment = target.partition("#")
        path = path.split("?", 1)[0]
    suffix = os.path.splitext(unquote(path.rstrip("/")))[1].lower()
    asset_like = link.image or (bool(suffix) and suffix not in PAGE_SUFFIXES | DYNAMIC_SUFFIXES
                                and not re.fullmatch(r"\.\d+", suffix))
    return Target(path, fragment, asset_like)


def _resolve(doc: Document, site: SiteIndex, target: Target, which: bool = True) -> tuple[str, Any]:
    """('page', Page) | ('asset', Path) | ('self', None) | ('missing', None); with *which*
    off, ('page', None) for a link to some page: asking only whether one answers lets an
    index not read yet read just the pages the link names (see :meth:`SiteIndex.resolves`)."""
    path = target.path
    if not path:
        return "self", None
    here = Path(os.path.abspath(doc.path))
    if path.startswith("/"):
        if not which and site.resolves(path):
            return "page", None
        # (A link proven broken without reading every page: find_page would read them all.)
        page = None if not which and site.known_missing(path) else site.find_page(path)
        if page is not None:
            return "page", page
        asset = site.find_asset(path)
        return ("asset", asset) if asset is not None else ("missing", None)
    # Relative: first as a file path next to this one, then against the page's URL.
    on_disk = (here.parent / unquote(path)).resolve()
    if not which and any(site.has_page_file(candidate) for candidate in (
            on_disk, on_disk.with_name(on_disk.name + ".md"), on_disk / "index.md", on_disk / "_index.md",
            on_disk / "README.md")):
        return "page", None
    # (Unless which page matters, an index not read yet reads only the pages these name.)
    early = not which and site.unread()
    page_at = site.page_at if early else site.by_file.get
    page = page_at(on_disk)
    if page is None:
        for candidate in (on_disk.with_name(on_disk.name + ".md"), on_disk / "index.md", on_disk / "_index.md",
                          on_disk / "README.md"):
            page = page_at(candidate)
            if page:
                break
    if page is not None:
        return "page", None if early else page
    if on_disk.is_file():
        return "asset", on_disk
    # Against the page's published URL, as the browser resolves it (a generator may
    # publish the page elsewhere than its file's folder).
    base = site.url_base(page_at(here.resolve()))
    resolved = os.path.normpath(base + path).replace(os.sep, "/")
    if not which and site.resolves(resolved):
        return "page", None
    page = None if not which and site.known_missing(resolved) else site.find_page(resolved)
    if page is not None:
        return "page", page
    asset = site.find_asset(resolved)
    return ("asset", asset) if asset is not None else ("missing", None)


def _resolved(doc: Document, site: SiteIndex, target: Target, which: bool) -> tuple[str, Any]:
    """:func:`_resolve`, remembered per page: link-broken, link-asset and link-anchor each
    ask about every link of the page, and a page often links to one place many times."""
    memo = doc.whole.cache.setdefault("links:resolved", {})
    key = (target.path, which)
    answer = memo.get(key)
    if answer is None:
        try:
            # (Which page matters only for the anchor a fragment names.)
            answer = _resolve(doc, site, target, which=which)
        except (UnicodeError, ValueError, OSError):
            answer = ("missing", None)  # a target no file system could hold
        memo[key] = answer
    return answer


def _links(doc: Document) -> Iterator[Link]:
    for link in doc.links:
        if link.kind != "reference" and link.target_start is not None:
            yield link


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    check = context.check
    ignore = [compile_regex(p, ["ignore", i]) for i, p in enumerate(options["ignore"])]
    if check == "unknown-marker":
        return _unknown_marker(options)

    # A link a migration marked (title_patterns, target_patterns: link-unknown-marker's own
    # markers, repeated in link-broken's rule file) is that rule's finding: its message
    # says what happened, and it needs no site index. One defect, one finding.
    marked_titles = [compile_regex(p, ["title_patterns", i], re.I) for i, p in enumerate(options["title_patterns"])]
    marked_targets = [compile_regex(p, ["target_patterns", i], re.I) for i, p in enumerate(options["target_patterns"])]

    def marked(link: Link) -> bool:
        title = link.title or link.attrs.get("title", "")
        return (bool(title) and any(r.search(title) for r in marked_titles)) or any(
            r.search(link.target) for r in marked_targets)

    def run(doc: Document) -> Iterator[Finding]:
        site: SiteIndex | None = getattr(doc, "site", None)
        if site is None:
            return
        for link in _links(doc):
            if any(r.search(link.target) for r in ignore) or (check == "broken" and marked(link)):
                continue
            target = _internal(link, site)
            if target is None:
                continue
            kind, found = _resolved(doc, site, target, which=check == "anchor" and bool(target.fragment))
            start, end = link.target_start or link.start, link.target_end or link.end
            if kind == "missing":
                host_like = _HOST_LIKE.match(target.path)
                wants_asset = target.asset_like and not host_like
                if (check == "asset") == wants_asset and check in ("asset", "broken"):
                    wanted = normalize_path(target.path) if target.path.startswith("/") else target.path
                    hint = (f"; did you mean 'https://{link.target.strip()}'?" if host_like
                            else _did_you_mean(site.closest("asset" if wants_asset else "page", wanted)))
                    yield Finding(start, end, {"match": target.path, "suggestion": hint})
                continue
            if check != "anchor" or not target.fragment or kind == "asset":
                continue
            if kind == "self":
                ids, where = anchors_of(doc, site.anchor_style), "this page"
                whole = site.page_for(doc.path)
                if whole is not None and whole.parts:  # a fragment: the page is all of them
                    ids = ids | site.anchors(whole, doc)
            else:
                ids, where = site.anchors(found, doc if site.page_for(doc.path) is found else None), found.main_url
            fragment = unquote(target.fragment)
            if fragment not in ids and fragment.lower() not in ids:
                at = doc.text.rfind("#", start, end)
                import difflib  # only for a broken #fragment: off the start-up path

                close = difflib.get_close_matches(fragment, sorted(ids), n=1, cutoff=0.6)
                yield Finding(at if at >= 0 else start, end, {
                    "match": "#" + fragment, "page": where,
                    "suggestion": f"; did you mean '#{close[0]}'?" if close else "",
                })

    return run


def _own_link(link: Link, site: SiteIndex | None) -> bool:
    """A relative link, or one to the site's own hosts: where a migration's marker in the
    URL means a link it left unconverted (on another site, "index.php?title=" is that
    wiki's permalink). Without a site index (no link rule in the run) an absolute URL
    counts as another site's: a marker is reported only where it is certain."""
    target = link.target.strip()
    if not (target.startswith("//") or _SCHEME.match(target)):
        return True
    try:
        host = urlsplit(target if not target.startswith("//") else "https:" + target).netloc
    except ValueError:
        return False
    return site is not None and site.is_internal_host(host)


def _unknown_marker(options: dict[str, Any]) -> Callable[[Document], Iterator[Finding]]:
    titles = [compile_regex(p, ["title_patterns", i], re.I) for i, p in enumerate(options["title_patterns"])]
    targets = [compile_regex(p, ["target_patterns", i], re.I) for i, p in enumerate(options["target_patterns"])]
    texts = [compile_regex(p, ["text_patterns", i]) for i, p in enumerate(options["text_patterns"])]

    def run(doc: Document) -> Iterator[Finding]:
        site: SiteIndex | None = getattr(doc, "site", None)
        for link in _links(doc):
            start, end = link.target_start or link.start, link.target_end or link.end
            title = link.title or link.attrs.get("title", "")
            marker = next((m.group() for r in titles if title and (m := r.search(title))), None)
            if marker is None and _own_link(link, site):
                marker = next((m.group() for r in targets if (m := r.search(link.target))), None)
            if marker:
                yield Finding(start, end, {"match": marker, "page": link.target})
        for regex in texts:
            for m in regex.finditer(doc.prose, doc.body_start):
                inner = m.group().strip("[]{}()<> ")
                if len(inner.split()) > 8 or _EDITORIAL_NOTE.match(inner):
                    continue  # a draft's note or an aside, not a page name
                yield Finding(m.start(), m.end(), {"match": m.group()})

    return run
