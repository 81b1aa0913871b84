"""The site index: every page of a content tree and the URLs it answers to.

Built once per run, and only when a ``links`` rule is active.  It reads the
front matter of every page under ``site.content_root`` (not just the files
being checked, so a pre-commit run on one file still resolves links to the
others) and records each page's URLs: its slug-based URL (Hugo's default, or
``site.permalinks`` patterns), ``url``, ``aliases``, Jekyll's ``permalink``
and ``redirect_from``.  Static files come from ``site.static_dirs`` and page
bundles.  Heading anchors are read lazily, only for pages a ``#fragment``
points into.
"""
from __future__ import annotations

import os
import re
import stat as stat_module
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Iterable
from urllib.parse import unquote, urlsplit

from .anchors import heading_ids, plain
from ..document import Document
from ..markup import FORMATS_BY_SUFFIX, PAGE_SUFFIXES, format_for
from ..files import Skipped, decode, walk_folder
from ..errors import FileError
from ..markup.frontmatter import read_front_matter
from .cache import RACY_NS, SiteCache

#: Server-side pages: a link to one is a page link, not an attachment.
DYNAMIC_SUFFIXES = {".asp", ".aspx", ".php", ".shtml", ".jsp", ".cfm", ".cgi", ".pl", ".xhtml"}
INDEX_NAMES = {"index", "_index"}


def _host(base_url: str) -> str:
    try:
        return urlsplit(base_url if "//" in base_url else "//" + base_url).netloc.lower()
    except ValueError:
        return base_url.lower()


def normalize_path(path: str) -> str:
    """Compare URL paths after percent-decoding, '+' as space, and without
    a trailing slash or ``index.html``."""
    p = unquote(path).replace("+", " ") if "%" in path or "+" in path else path
    if "//" in p:
        p = re.sub(r"/{2,}", "/", p)
    if "index.htm" in p:
        p = re.sub(r"(?:^|/)index\.html?$", "/", p)
    if not p.startswith("/"):
        p = "/" + p
    return p.rstrip("/") or "/"


def urlize(text: str) -> str:
    """Hugo's urlize, near enough: lower case, spaces to hyphens, no stray punctuation."""
    text = re.sub(r"[^\w\s-]", "", str(text).strip().lower())
    return re.sub(r"[\s]+", "-", text)


@dataclass
class Page:
    path: Path  # absolute
    rel: str  # relative to the content root, '/'-separated
    urls: set[str] = field(default_factory=set)
    #: The URL the generator publishes it at (slug or permalink pattern).
    main_url: str = "/"


class SiteIndex:
    """Pages, their URLs and the site's static files."""

    def __init__(self, content_root: Path, static_dirs: Iterable[Path] = (), base_urls: Iterable[str] = (),
                 permalinks: dict[str, str] | None = None, anchor_style: str = "github",
                 cache_folder: Path | None = None) -> None:
        self.root = content_root.resolve()
        self.static_dirs = [d.resolve() for d in static_dirs if d.is_dir()]
        self.hosts = {_host(u) for u in base_urls}
        self.permalinks = permalinks or {}
        self.anchor_style = anchor_style
        self.pages: list[Page] = []
        self.by_url: dict[str, Page] = {}
        self.by_url_folded: dict[str, Page] = {}
        self.by_file: dict[Path, Page] = {}
        self.assets: dict[str, Path] = {}
        self._anchors: dict[Path, set[str]] = {}
        self._fingerprint: str | None = None
        self._nearest: dict[str, Any] = {}
        self._closest: dict[tuple[str, str], str | None] = {}
        #: (size, modification time) of each page, as read while building.
        self._page_stats: dict[Path, tuple[int, int]] = {}
        #: Pages whose anchors were read (for the result cache's dependencies).
        self.consulted: set[Path] = set()
        self._real_dirs: dict[str, str] = {}
        self._cache = None
        if cache_folder is not None:
            self._cache = SiteCache(cache_folder, self.root, self.permalinks)
        self._build()
        if self._cache is not None:
            self._cache.save()

    # -- building ----------------------------------------------------------------
    def _build(self) -> None:
        root = str(self.root)
        for rel in walk_folder(root) if self.root.is_dir() else []:
            if os.path.splitext(rel)[1].lower() in PAGE_SUFFIXES:
                self._add_page(os.path.join(root, rel), rel)
        for rel, path in self._files(self.root, skip=PAGE_SUFFIXES):
            self.assets.setdefault(normalize_path(rel), path)
            bundle = self.by_file.get(path.parent / "index.md") or self.by_file.get(path.parent / "index.html")
            if bundle is not None:
                for url in bundle.urls:
                    self.assets.setdefault(normalize_path(url + "/" + path.name), path)
        for folder in self.static_dirs:
            for rel, path in self._files(folder):
                self.assets.setdefault(normalize_path(rel), path)

    @staticmethod
    def _files(folder: Path, skip: Iterable[str] = ()) -> list[tuple[str, Path]]:
        """Files below *folder* (but hidden ones and those with a suffix in *skip*), as (relative, absolute) paths."""
        out = []
        skip = set(skip)
        top = len(str(folder)) + 1
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            prefix = dirpath[top:].replace(os.sep, "/")
            for name in filenames:
                if skip and os.path.splitext(name)[1].lower() in skip:
                    continue
                out.append((f"{prefix}/{name}" if prefix else name, Path(dirpath, name)))
        return out

    def _add_page(self, file: str, rel: str) -> None:
        """Index one page; its real path is resolved per folder, so a large site costs few system calls."""
        try:
            info = os.lstat(file)
            if stat_module.S_ISLNK(info.st_mode):
                path = Path(file).resolve()
                info = os.stat(file)
            else:
                folder, name = os.path.split(file)
                real = self._real_dirs.get(folder)
                if real is None:
                    real = self._real_dirs[folder] = os.path.realpath(folder)
                path = Path(real + os.sep + name)
            stat = (info.st_size, info.st_mtime_ns)
        except OSError:
            path, stat = Path(file).resolve(), (-1, -1)
        page = Page(path, rel)
        self._page_stats[path] = stat
        cached = self._cache.get(rel, *stat) if self._cache is not None else None
        if cached is not None:
            page.main_url, page.urls = cached
        else:
            page.urls = self._urls(page, self._front(path))
            if self._cache is not None and stat[0] >= 0:
                self._cache.put(rel, *stat, page.main_url, page.urls)
        self.pages.append(page)
        self.by_file[path] = page
        for url in page.urls:
            self.by_url.setdefault(url, page)
            self.by_url_folded.setdefault(url.casefold(), page)

    @staticmethod
    def _front(path: Path) -> dict[str, Any]:
        """A page's front matter ({} for none, or when it cannot be read)."""
        try:
            with open(path, "rb") as handle:
                head = handle.read(65536)
            text = decode(head, str(path)) if head else ""
            if text[:1] in "-+{":
                if len(head) == 65536:
                    text = decode(path.read_bytes(), str(path))
                fm = read_front_matter(text)
                if fm is not None and fm.error is None and isinstance(fm.data, dict):
                    return fm.data
        except (OSError, FileError, Skipped, UnicodeDecodeError):
            pass  # an unreadable page still answers to its path
        return {}

    def _urls(self, page: Page, front: dict[str, Any]) -> set[str]:
        """The URLs *page* answers to (and its main URL, set on it), from its path and front matter."""
        rel = PurePosixPath(page.rel)
        stem = rel.stem
        folders = list(rel.parent.parts)
        if stem in INDEX_NAMES:
            name = folders[-1] if folders and stem == "index" else ""
            parents = folders[:-1] if stem == "index" else folders
        else:
            name, parents = stem, folders
        slug = str(front.get("slug") or name)
        section = folders[0] if folders else ""
        pattern = self.permalinks.get(section) or self.permalinks.get("default")
        if isinstance(front.get("url"), str):
            main = front["url"]
        elif stem == "_index":
            main = "/" + "/".join(folders)
        elif pattern:
            main = self._expand(pattern, front, section, parents, slug, stem)
        else:
            main = "/" + "/".join([*parents, slug])
        page.main_url = normalize_path(main.lower() if not isinstance(front.get("url"), str) else main)
        urls = {main, "/" + "/".join([*parents, name])}  # the file's own path, as links by path expect
        for key in ("url", "permalink"):
            if isinstance(front.get(key), str):
                urls.add(front[key])
        for key in ("aliases", "redirect_from"):
            value = front.get(key)
            for alias in ([value] if isinstance(value, str) else value if isinstance(value, list) else []):
                if isinstance(alias, str):
                    urls.add(alias)
        out = set()
        for url in urls:
            out.add(normalize_path(url))
            out.add(normalize_path(url.lower()))  # Hugo lower-cases the paths it makes
        return out

    @staticmethod
    def _expand(pattern: str, front: dict[str, Any], section: str, parents: list[str], slug: str, stem: str) -> str:
        date = str(front.get("date") or "")
        parts = {
            ":sections": "/".join(parents), ":section": section, ":slug": slug, ":filename": stem,
            ":title": urlize(front.get("title") or stem),
            ":year": date[:4], ":month": date[5:7], ":day": date[8:10],
        }
        return re.sub(r":sections|:section|:slug|:filename|:title|:year|:month|:day", lambda m: parts[m.group()], pattern)

    # -- looking up ----------------------------------------------------------------
    def page_for(self, path: str | Path) -> Page | None:
        return self.by_file.get(Path(path).resolve())

    def find_page(self, url_path: str) -> Page | None:
        key = normalize_path(url_path)
        if key == "/" and key not in self.by_url:
            return HOME
        page = self.by_url.get(key) or self.by_url_folded.get(key.casefold())
        if page is None and key.endswith((".html", ".htm")):
            page = self.by_url.get(normalize_path(re.sub(r"\.html?$", "", key)))
        if page is None and PurePosixPath(key).suffix in FORMATS_BY_SUFFIX:
            page = self.by_file.get((self.root / key.lstrip("/")).resolve())
        return page

    def find_asset(self, url_path: str) -> Path | None:
        key = normalize_path(url_path)
        return self.assets.get(key) or self.assets.get(key.lower())

    def is_internal_host(self, host: str) -> bool:
        return host.lower() in self.hosts

    def anchors(self, page: Page, doc: Document | None = None) -> set[str]:
        """The ids a page defines: heading ids in the configured style, explicit ids, HTML id/name.
        The page is noted in :attr:`consulted` (see :meth:`dependencies`)."""
        self.consulted.add(page.path)
        if page.path in self._anchors:
            return self._anchors[page.path]
        if page is HOME:
            return set()
        if doc is None:
            try:
                text = decode(page.path.read_bytes(), str(page.path))
            except (OSError, FileError, Skipped):
                text = ""
            from ..markup import parse

            markup = parse(text, format_for(str(page.path)), anchors_only=True)
            ids = anchors_in(text, markup.headings, markup.anchors, self.anchor_style)
        else:
            ids = anchors_of(doc, self.anchor_style)
        self._anchors[page.path] = ids
        return ids

    def fingerprint(self) -> str:
        """What a page's link results depend on besides the page itself and the pages
        whose anchors they read: the index's settings, every page's URLs, every static
        file's URL. Editing a page's text leaves it unchanged; moving, renaming or
        re-slugging a page, or adding or removing a file, changes it."""
        if self._fingerprint is None:
            import hashlib
            import json

            digest = hashlib.sha256(json.dumps(
                [str(self.root), [str(d) for d in self.static_dirs], sorted(self.hosts), self.permalinks,
                 self.anchor_style], sort_keys=True, default=str).encode())
            for page in sorted(self.pages, key=lambda p: p.rel):
                digest.update(f"{page.rel}\0{page.main_url}\0{sorted(page.urls)}\n".encode("utf-8", "surrogatepass"))
            for url in sorted(self.assets):
                digest.update(f"{url}\n".encode("utf-8", "surrogatepass"))
            self._fingerprint = digest.hexdigest()
        return self._fingerprint

    def dependencies(self) -> list[list[Any]] | None:
        """The pages :meth:`anchors` was asked about since :attr:`consulted` was last
        cleared, with their size and modification time: a cached result that read
        another page's anchors holds only while that page is unchanged. None when one
        of them changed so recently that a second change could keep the same time
        (the result is then not worth caching)."""
        recent = time.time_ns() - RACY_NS
        pages = [path for path in sorted(self.consulted, key=str) if path in self._page_stats]
        if any(self._page_stats[path][1] >= recent for path in pages):
            return None
        return [[str(path), *self._page_stats[path]] for path in pages]

    def unchanged(self, dependencies: list[list[Any]]) -> bool:
        """True if every page in *dependencies* still has the recorded size and time."""
        try:
            return all(list(self._page_stats.get(Path(path), (-1, -1))) == [size, mtime]
                       for path, size, mtime in dependencies)
        except (TypeError, ValueError):
            return False

    def closest(self, kind: str, wanted: str) -> str | None:
        """The existing URL nearest to *wanted*, for a 'did you mean': among the files
        for an asset, among the pages' published URLs for a page; once per target."""
        key = (kind, wanted)
        if key not in self._closest:
            if kind not in self._nearest:
                from .nearest import Nearest

                self._nearest[kind] = Nearest(sorted(self.assets) if kind == "asset" else sorted({p.main_url for p in self.pages}))
            self._closest[key] = self._nearest[kind].closest(wanted)
        return self._closest[key]


#: The home page: every site has one, whether or not the content tree has a file for it.
HOME = Page(Path("/"), "", {"/"}, "/")


def anchors_of(doc: Document, style: str) -> set[str]:
    return anchors_in(doc.text, doc.headings, doc.anchors, style)


def anchors_in(text: str, headings: list[Any], anchors: list[tuple[str, int]], style: str) -> set[str]:
    """The ids of headings (explicit, or made from their text in *style*) and of HTML anchors."""
    texts = [plain(text[h.start:h.end]) for h in headings if h.id is None]
    ids = heading_ids(texts, style)
    ids.update(h.id for h in headings if h.id)
    ids.update(name for name, _ in anchors)
    return ids


def default_content_root(config_root: Path, paths: Iterable[str]) -> Path:
    """The nearest folder named ``content``, else the folder being checked."""
    if (config_root / "content").is_dir():
        return config_root / "content"
    folders = []
    for given in paths:
        p = Path(given).resolve()
        folder = p if p.is_dir() else p.parent
        for candidate in [folder, *folder.parents]:
            if candidate.name == "content":
                return candidate
        folders.append(folder)
    if not folders:
        return config_root
    common = Path(os.path.commonpath([str(f) for f in folders]))
    return common


def build_site(settings: dict[str, Any], config_root: Path, paths: Iterable[str],
               cache_folder: Path | None = None) -> SiteIndex:
    """The site index for a run, from the config's ``site`` settings; with
    *cache_folder*, pages unchanged since the last run are not read again."""
    root = settings.get("content_root")
    content = (config_root / root) if root else default_content_root(config_root, paths)
    static = settings.get("static_dirs")
    bases = [config_root, content.parent]
    if static is None:
        dirs = [base / name for base in bases for name in ("static", "public")]
    else:
        dirs = [base / name for base in bases for name in static]
    return SiteIndex(content, dirs, settings.get("base_urls", []), settings.get("permalinks"),
                     settings.get("anchor_style", "github"), cache_folder)
