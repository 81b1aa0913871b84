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

import bisect
import itertools
import os
import re
import stat as stat_module
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterable
from urllib.parse import unquote, urlsplit

from .anchors import heading_ids, plain
from .generators import MODELS, URL_KEYS, UrlRules, detect, read_settings
from ..document import Document
from ..markup import FORMATS_BY_SUFFIX, PAGE_SUFFIXES, format_for
from ..files import Skipped, decode, walk_folder
from ..errors import FileError
from ..markup.frontmatter import front_fields
from .cache import RACY_NS, SiteCache

#: Server-side pages: a link to one is a page link, not an attachment.
DYNAMIC_SUFFIXES = {".asp", ".aspx", ".php", ".shtml", ".jsp", ".cfm", ".cgi", ".pl", ".xhtml"}
#: A broken link's last segment names a page once these are taken off (for "did you
#: mean" by slug): a file suffix, and a trailing date such as "-nov-2011".
_SUFFIX = re.compile(r"\.(?:html?|php|aspx?|md)$", re.I)
_TRAILING_DATE = re.compile(
    r"(?:[-_](?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)?[-_](?:19|20)\d\d(?:[-_]\d\d){0,2}$", re.I)


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


@dataclass
class Page:
    path: Path  # absolute
    rel: str  # relative to the content root, '/'-separated
    urls: set[str] = field(default_factory=set)
    #: The URL the generator publishes it at (slug or permalink pattern).
    main_url: str = "/"
    #: For a page made of a folder's files (``site.page_fragments``): those files.
    parts: list[Path] = field(default_factory=list)


class SiteIndex:
    """Pages, their URLs and the site's static files."""

    def __init__(self, content_root: Path, static_dirs: Iterable[Path] = (), base_urls: Iterable[str] = (),
                 permalinks: dict[str, str] | None = None, anchor_style: str | None = None,
                 cache_folder: Path | None = None, generator: str = "hugo",
                 folder_pages: Iterable[str] = (), page_fragments: bool = False, lazy: bool = False) -> None:
        self.root = content_root.resolve()
        self.static_dirs = [d.resolve() for d in static_dirs if d.is_dir()]
        self.hosts = {_host(u) for u in base_urls}
        self.permalinks = permalinks or {}
        self.generator = generator
        self.rules = UrlRules(generator, self.permalinks)
        self.anchor_style = anchor_style or MODELS[generator].anchor_style
        self.folder_pages = list(folder_pages)
        self.page_fragments = page_fragments
        self._by_slug: dict[str, str | None] | None = None
        self._fragment_docs: dict[Path, Document] = {}
        self._anchors: dict[Path, set[str]] = {}
        self._fingerprint: str | None = None
        self._nearest: dict[str, Any] = {}
        self._closest: dict[tuple[str, str], str | None] = {}
        self._files_at: dict[str, Path] = {}
        #: Pages whose anchors were read (for the result cache's dependencies).
        self.consulted: set[Path] = set()
        self._real_dirs: dict[str, str] = {}
        self._walked: list[str] | None = None
        self._walked_names: dict[str, list[str]] | None = None
        #: The page files' paths joined by NULs, case-folded, and where each starts (see _walked_containing).
        self._walked_folded: tuple[str, list[int]] | None = None
        self._walked_asks = 0
        self._walked_rels: set[str] | None = None
        self._named_pages: dict[str, Page] = {}
        self._front_bytes: Any = None  # (prefilter.FrontBytes, made on the first search)
        self._missing: set[str] = set()
        self._early_assets: dict[str, Path] | None = None
        self._real_paths: dict[Path, str] | None = None
        self._symlinks: list[str] | None = None
        self._all_folders_real: bool | None = None
        self._early_main_urls: list[str] | None = None
        self._cache = None
        if cache_folder is not None:
            self._cache = SiteCache(cache_folder, self.root, [self.permalinks, generator])
        self._loaded = False
        if not lazy:
            self.load()

    # -- building ----------------------------------------------------------------
    #: What :meth:`load` fills in: reading one of them on an index made with ``lazy``
    #: builds it then (see :meth:`__getattr__`).
    _LAZY = frozenset(("pages", "by_url", "by_url_folded", "by_file", "assets", "_page_stats"))

    def __getattr__(self, name: str) -> Any:
        # Called only for attributes not set yet: the page tables of an index not built yet.
        if name in SiteIndex._LAZY and not self.__dict__.get("_loaded", True):
            self.load()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def load(self) -> None:
        """Index every page (once): at construction, or with ``lazy`` on the first look-up
        of a page, a URL or a file. A one-file run whose page links nowhere in the site
        then reads no other page."""
        if self._loaded:
            return
        self._loaded = True
        self.pages: list[Page] = []
        self.by_url: dict[str, Page] = {}
        self.by_url_folded: dict[str, Page] = {}
        self.by_file: dict[Path, Page] = {}
        self.assets: dict[str, Path] = {}
        #: (size, modification time) of each page, as read while building.
        self._page_stats: dict[Path, tuple[int, int]] = {}
        self._build()
        if self._cache is not None:
            self._cache.save()

    def loaded(self) -> bool:
        """Whether every page has been indexed (always, unless made with ``lazy``)."""
        return self._loaded

    def has_pages(self) -> bool:
        """Whether the generator publishes any page of the content tree. On an index not
        built yet, pages are read in order only until one is published (usually the first)."""
        if self._loaded or self.folder_pages or self.page_fragments:
            return bool(self.pages)
        root = str(self.root)
        return any(self._read_page(os.path.join(root, rel), rel)[0].urls for rel in self._page_files())

    def _page_files(self) -> list[str]:
        """The page files below the content root (relative paths), walked once."""
        if self._walked is None:
            root = str(self.root)
            # (walk_folder's files have a suffix in their '/'-separated last part: the text after
            # the last dot is what os.path.splitext gives.)
            self._walked = [rel for rel in (walk_folder(root) if self.root.is_dir() else [])
                            if rel[rel.rfind("."):].lower() in PAGE_SUFFIXES]
        return self._walked

    def _build(self) -> None:
        root = str(self.root)
        for rel in self._page_files():
            self._add_page(os.path.join(root, rel), rel)
        files = self._files(self.root, skip=PAGE_SUFFIXES)
        self._add_folder_pages(files)
        self._add_assets(self.assets, files, self.by_file.get)

    def _add_assets(self, assets: dict[str, Path], files: list[tuple[str, Path]],
                    page_at: Callable[[Path], Page | None]) -> None:
        """The static files by URL: *files* (the content tree's), those of a page bundle also
        below its page's URLs (*page_at* gives the page at a file path), the static folders'."""
        for rel, path in files:
            assets.setdefault(normalize_path(rel), path)
            bundle = page_at(path.parent / "index.md") or page_at(path.parent / "index.html")
            if bundle is not None:
                for url in bundle.urls:
                    assets.setdefault(normalize_path(url + "/" + path.name), path)
        for folder in self.static_dirs:
            for rel, path in self._files(folder):
                assets.setdefault(normalize_path(rel), path)

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
        """Index one page."""
        page, stat = self._read_page(file, rel)
        if stat is None:
            return  # a FIFO or a device is no page, and reading one could block for ever
        self._page_stats[page.path] = stat
        if not page.urls:
            return  # a file the generator does not publish (a Jekyll layout, a Docusaurus partial)
        self.pages.append(page)
        self.by_file[page.path] = page
        for url in page.urls:
            self.by_url.setdefault(url, page)
            self.by_url_folded.setdefault(url.casefold(), page)

    def _read_page(self, file: str, rel: str) -> tuple[Page, tuple[int, int] | None]:
        """One page with its URLs (none for a file the generator does not publish), and its
        (size, modification time), None for no regular file; its real path is resolved per
        folder, so a large site costs few system calls."""
        try:
            info = os.lstat(file)
            if stat_module.S_ISLNK(info.st_mode):
                path = Path(os.path.realpath(file))  # never raises, even on a symlink loop
                info = os.stat(file)
            else:
                folder, _, name = file.rpartition(os.sep)
                real = self._real_dirs.get(folder)
                if real is None:
                    real = self._real_dirs[folder] = os.path.realpath(folder or os.sep)
                path = Path(real + os.sep + name)
            if not stat_module.S_ISREG(info.st_mode):
                return Page(path, rel), None
            stat = (info.st_size, info.st_mtime_ns)
        except OSError:  # a symlink loop or a dangling link: it answers to its path only
            path, stat = Path(os.path.realpath(file)), (-1, -1)
        page = Page(path, rel)
        cached = self._cache.get(rel, *stat) if self._cache is not None else None
        if cached is not None:
            page.main_url, page.urls = cached
        else:
            # (The path walked, not str() of the Path; the size as stat gave it, so that a page
            # shorter than the head is read in one system call.)
            page.urls = self._urls(page, self._front(file, stat[0]))
            if self._cache is not None and stat[0] >= 0:
                self._cache.put(rel, *stat, page.main_url, page.urls)
        return page, stat

    @staticmethod
    def _front(path: Path | str, size: int = -1) -> dict[str, Any]:
        """A page's front matter ({} for none, or when it cannot be read); *size*, the
        file's size if known, spares the read that finds its end."""
        file = str(path)
        try:
            # Most front matter fits in the first few kilobytes: read and decode only those,
            # and the whole page only when its front matter runs past them.
            head = _read_head(file, FRONT_HEAD, size)
            partial = len(head) == FRONT_HEAD
            if partial:
                head = _whole_characters(head)  # a UTF-8 sequence cut by the read is no decoding error
            text = decode(head, file) if head else ""
            if text[:1] in "-+{":
                data = front_fields(text, URL_KEYS)  # (only the keys the URL rules read)
                if partial and data is None:
                    data = front_fields(decode(Path(file).read_bytes(), file), URL_KEYS)
                if data is not None:
                    return data
        except (OSError, FileError, Skipped, UnicodeDecodeError):
            pass  # an unreadable page still answers to its path
        return {}

    def _urls(self, page: Page, front: dict[str, Any]) -> set[str]:
        """The URLs *page* answers to (and its main URL, set on it), by the generator's
        rules; an empty set for a file it does not publish."""
        found = self.rules.urls(page.rel, front)
        if found is None:
            return set()
        main, urls = found
        page.main_url = normalize_path(main)
        out = set()
        for url in urls:
            out.add(normalize_path(url))
            lower = url.lower()
            if lower != url:  # (most URLs are lower case already: one normalising is enough)
                out.add(normalize_path(lower))  # Hugo lower-cases the paths it makes
        return out

    def _add_folder_pages(self, files: list[tuple[str, Path]]) -> None:
        """Folders that are pages: those holding a ``site.folder_pages`` file (a manifest)
        and no index page of their own, or with ``site.page_fragments`` and no such
        names, every folder of pages. With ``page_fragments``, the folder's own files
        are the page's fragments: not pages of their own, their ids the page's."""
        folders: dict[str, Path] = {}
        names = set(self.folder_pages)
        for rel, path in files:
            if PurePosixPath(rel).name in names and "/" in rel:
                folders.setdefault(rel.rsplit("/", 1)[0], path.parent)
        if self.page_fragments and not names:
            for page in self.pages:
                if "/" in page.rel:
                    folders.setdefault(page.rel.rsplit("/", 1)[0], page.path.parent)
        for rel in sorted(folders):
            url = normalize_path("/" + rel)
            owner = self.by_url.get(url)
            if owner is not None and not owner.parts and owner.path.parent == folders[rel] \
                    and not self.page_fragments:
                continue  # an index page already is the folder's page
            page = Page(folders[rel], rel, {url, normalize_path(url.lower())}, url)
            if self.page_fragments:
                page.parts = sorted(p.path for p in self.pages if p.path.parent == folders[rel])
            for part in page.parts:
                self.by_file[part] = page
            drop = set(page.parts)
            if drop:
                self.pages = [p for p in self.pages if p.path not in drop]
                for table in (self.by_url, self.by_url_folded):
                    for key in [k for k, p in table.items() if p.path in drop]:
                        del table[key]
            self.pages.append(page)
            self.by_file[page.path] = page
            for key in page.urls:
                self.by_url[key] = page
                self.by_url_folded[key.casefold()] = page

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
            page = self.by_file.get(self._file_at(key))
        return page

    def _file_at(self, key: str) -> Path:
        """The real path of the file a URL path with a page suffix names below the content
        root, resolved once per run: a site's pages link to the same missing ``.html`` pages
        again and again, and each resolve is a system call per folder of the path."""
        found = self._files_at.get(key)
        if found is None:
            found = self._files_at[key] = (self.root / key.lstrip("/")).resolve()
        return found

    # -- answering before the pages are read ------------------------------------------
    def resolves(self, url_path: str) -> bool:
        """Whether a page answers to *url_path* (:meth:`find_page` finds one). On an index
        not read yet, the page files the path names are read first (``/a/b`` names
        ``a/b.md``, ``a/b/index.md``...): when one of them answers to it, no other page need
        be read, since which page it is does not matter here. Otherwise, as :meth:`find_page`."""
        if self._named_page_answers(url_path) or self._searched_page_answers(url_path):
            return True
        return not self.known_missing(url_path) and self.find_page(url_path) is not None

    def has_page_file(self, path: Path) -> bool:
        """Whether the page file at *path* (a resolved path) is a page of the site, as
        ``by_file.get(path) is not None``; on an index not read yet, by reading that page
        alone when it lies below the content root with no link on the way."""
        return self._named_file_is_page(path) or self.page_at(path) is not None

    def _named_page_answers(self, url_path: str) -> bool:
        """True when a page file *url_path* names answers to it (then so does :meth:`find_page`);
        False when none does or the pages are read already (find_page then knows)."""
        if not self._can_name_pages():
            return False
        try:
            key = normalize_path(url_path)
            if key == "/":
                return True  # the home page (find_page's HOME, or the page that claims "/")
            stripped = normalize_path(re.sub(r"\.html?$", "", key)) if key.endswith((".html", ".htm")) else None
            return self._any_answers(self._named(key.lstrip("/"), stripped), key, stripped)
        except (OSError, ValueError, UnicodeError):
            pass  # no shortcut: find_page answers
        return False

    def _any_answers(self, rels: list[str], key: str, stripped: str | None) -> bool:
        """Whether one of the pages *rels*, each read on its own, answers to the normalised
        URL *key* (or, for a ``.html`` key, to *stripped*, the key without it)."""
        folded = key.casefold()
        for rel in rels:
            urls = self._named_page(rel).urls
            if key in urls or (stripped is not None and stripped in urls) \
                    or any(url.casefold() == folded for url in urls):
                return True
        return False

    def _searched_page_answers(self, url_path: str) -> bool:
        """True when a page answers to *url_path* by its front matter (an alias, a slug, a
        ``url``), found by parsing only the pages whose front matter bytes or file path
        spell the URL's last segment (see :mod:`.prefilter`); False when none does, or
        the search cannot tell (find_page then reads every page, as before)."""
        if not self._can_name_pages() or self.generator != "hugo":
            return False
        from .prefilter import FrontBytes, patterns_dated, patterns_searchable, printed, searchable

        try:
            key = normalize_path(url_path)
            if key == "/":
                return False
            stripped = normalize_path(re.sub(r"\.html?$", "", key)) if key.endswith((".html", ".htm")) else None
            segment = (stripped or key).rsplit("/", 1)[-1]
            patterns = self.permalinks.values()
            if not patterns_searchable(patterns):
                return False
            dated = patterns_dated(patterns)
            run = searchable(segment, dated)
            if run is None or (stripped is not None and searchable(key.rsplit("/", 1)[-1], dated) is None):
                return False
            if self._front_bytes is None:
                self._front_bytes = FrontBytes(str(self.root), self._page_files(), FRONT_HEAD)
            elif self._front_bytes.searches() >= SEARCHES:
                return False  # many links not answered by name: reading every page is cheaper now
            if PurePosixPath(key).suffix in FORMATS_BY_SUFFIX \
                    and self._page_file_at((self.root / key.lstrip("/")).resolve()) is not None:
                return True  # a page file's own path (as find_page's by_file finds it)
            last = key.rsplit("/", 1)[-1]
            if self._any_answers(self._front_bytes.candidates(run, printed(segment) or printed(last)), key, stripped):
                return True
            self._missing.add(key)
        except (OSError, ValueError, UnicodeError):
            pass
        return False

    def unread(self) -> bool:
        """Whether the pages are not read yet and :meth:`page_at` can answer without them."""
        return self._can_name_pages()

    def page_at(self, path: Path) -> Page | None:
        """``by_file.get(path)`` (*path* resolved); on an index not read yet, by reading only
        the page whose real path it is (:meth:`_page_file_at`)."""
        return self._page_file_at(path) if self._can_name_pages() else self.by_file.get(path)

    def known_missing(self, url_path: str) -> bool:
        """True when :meth:`resolves` found, without reading every page, that no page
        answers to *url_path* (:meth:`find_page` would find none); False when not known so."""
        return bool(self._missing) and normalize_path(url_path) in self._missing

    def _searched(self) -> bool:
        """Whether the pages are not read yet but their front matter was searched, and each
        page's main URL follows from its path unless its front matter names a slug or URL
        (no permalink pattern takes the date or the title): then a broken link's "did you
        mean" and the static files need not read every page (:meth:`_main_urls`,
        :meth:`_asset_table`)."""
        return not self._loaded and self._front_bytes is not None and self._can_name_pages() \
            and not any(token in pattern for pattern in self.permalinks.values()
                        for token in (":year", ":month", ":day", ":title"))

    def _main_urls(self) -> list[str]:
        """Every page's main URL: the pages' own, or (:meth:`_searched`) made from the path
        of each page whose front matter cannot change it, the others read one by one."""
        if not self._searched():
            return [p.main_url for p in self.pages]
        if self._early_main_urls is None:
            scan = self._front_bytes
            out = []
            for i, (rel, free) in enumerate(zip(scan.rels, scan.slug_free())):
                if i in scan.irregular:
                    continue  # no regular file: no page (see _add_page)
                found = self.rules.path_main(rel) if free else None
                if found is not None:
                    out.append(normalize_path(found))  # (as _urls sets main_url)
                    continue
                page = self._named_page(rel)
                if page.urls:
                    out.append(page.main_url)
            self._early_main_urls = out
        return self._early_main_urls

    def _asset_table(self) -> dict[str, Path]:
        """The static files by URL (:attr:`assets`); with :meth:`_searched`, built without
        reading the pages but the bundles' own (a bundle's files answer below its URLs too)."""
        if not self._searched():
            return self.assets
        if self._early_assets is None:
            files = self._files(self.root, skip=PAGE_SUFFIXES)
            self._early_assets = {}
            self._add_assets(self._early_assets, files, self._page_file_at)
        return self._early_assets

    def _page_file_at(self, path: Path) -> Page | None:
        """The published page whose real path is *path*, as ``by_file`` has it after
        :meth:`load` (the last page file that resolves to it), read on its own."""
        if self._real_paths is None and not os.path.lexists(path):
            # Only a page file that could not be opened (a dangling link) can resolve to a
            # path where nothing is: the others' real paths need not be worked out. Before the
            # front matter search, the symbolic links among the page files stand for those
            # (a relative link to no file, met early on a page, cost a stat of every page).
            if self._front_bytes is not None:
                scan = self._front_bytes
                suspects = [scan.rels[i] for i in sorted(scan.unopened)]
            else:
                suspects = self._symlinked_page_files()
            rel = None
            for suspect in suspects:
                if Path(os.path.realpath(os.path.join(str(self.root), suspect))) == path:
                    rel = suspect
            page = self._named_page(rel) if rel is not None else None
            return page if page is not None and page.urls else None
        if self._real_paths is None and self._folders_real():
            rel = self._last_page_file_at(path)
            page = self._named_page(rel) if rel is not None else None
            return page if page is not None and page.urls else None
        if self._real_paths is None:
            real: dict[Path, str] = {}
            root = str(self.root)
            for rel in self._page_files():
                file = os.path.join(root, rel)
                try:
                    info = os.lstat(file)
                    if stat_module.S_ISLNK(info.st_mode):
                        found, info = Path(os.path.realpath(file)), os.stat(file)
                    else:
                        folder, _, name = file.rpartition(os.sep)
                        if folder not in self._real_dirs:
                            self._real_dirs[folder] = os.path.realpath(folder or os.sep)
                        found = Path(self._real_dirs[folder] + os.sep + name)
                    if not stat_module.S_ISREG(info.st_mode):
                        continue
                except OSError:
                    found = Path(os.path.realpath(file))
                real[found] = rel
            self._real_paths = real
        rel = self._real_paths.get(path)
        if rel is None:
            return None
        page = self._named_page(rel)
        return page if page.urls else None

    def _folders_real(self) -> bool:
        """Whether every folder that holds page files is its own real path (no symbolic link
        below the content root on the way to it): then a page file that is no link is at its
        real path, and only the links among them can resolve elsewhere."""
        if self._all_folders_real is None:
            root = str(self.root)
            folders = {rel.rpartition("/")[0] for rel in self._page_files()}
            self._all_folders_real = all(
                os.path.realpath(full) == full
                for full in (os.path.join(root, *folder.split("/")) if folder else root for folder in folders))
        return self._all_folders_real

    def _last_page_file_at(self, path: Path) -> str | None:
        """The last page file (in walk order) whose real path is *path*, as the table that
        :meth:`_page_file_at` builds has it, found from the page file at *path* itself and the
        page files that are symbolic links (:meth:`_folders_real` must hold): a stat of each of
        those, not of every page (a page's own path, asked for its relative links, cost one of
        every page of the site)."""
        root = str(self.root)
        links = self._symlinked_page_files()
        matching: set[str] = set()
        for rel in links:
            file = os.path.join(root, rel)
            try:
                if not stat_module.S_ISREG(os.stat(file).st_mode):
                    continue
            except OSError:
                pass  # (a dangling link: the table keeps it at the path it leads to)
            if Path(os.path.realpath(file)) == path:
                matching.add(rel)
        try:
            own = path.relative_to(self.root).as_posix()
        except ValueError:
            own = None
        if own is not None and own in self._page_file_set() and own not in set(links):
            file = os.path.join(root, own)
            try:
                if stat_module.S_ISREG(os.lstat(file).st_mode):
                    matching.add(own)
            except OSError:
                if Path(os.path.realpath(file)) == path:
                    matching.add(own)
        if len(matching) <= 1:
            return next(iter(matching), None)
        return [rel for rel in self._page_files() if rel in matching][-1]

    def _symlinked_page_files(self) -> list[str]:
        """The page files that are symbolic links, in walk order: read from each page folder's
        directory entries (their type comes with the listing on most file systems), not by a
        stat of every page; a folder that cannot be listed counts all its pages as links."""
        if self._symlinks is None:
            folders: dict[str, set[str]] = {}
            for rel in self._page_files():
                folder, _, name = rel.rpartition("/")
                folders.setdefault(folder, set()).add(name)
            links: set[str] = set()
            root = str(self.root)
            for folder, names in folders.items():
                prefix = folder + "/" if folder else ""
                try:
                    with os.scandir(os.path.join(root, folder) if folder else root) as entries:
                        links.update(prefix + entry.name for entry in entries
                                     if entry.name in names and entry.is_symlink())
                except OSError:
                    links.update(prefix + name for name in names)
            self._symlinks = [rel for rel in self._page_files() if rel in links]
        return self._symlinks

    def _named_file_is_page(self, path: Path) -> bool:
        """True when *path* is a published page file below the content root, found without
        reading the others (then ``by_file`` has it); False when not, or not known so."""
        if not self._can_name_pages():
            return False
        try:
            rel = path.relative_to(self.root).as_posix()
            if rel in self._page_file_set() and os.path.realpath(os.path.join(self.root, rel)) == str(path):
                return bool(self._named_page(rel).urls)
        except (OSError, ValueError, UnicodeError):
            pass
        return False

    def _can_name_pages(self) -> bool:
        """Whether :meth:`resolves` may read only the pages a path names: the pages are not
        read yet, no results cache is kept, and every page is one file."""
        return not self._loaded and self._cache is None and not self.folder_pages and not self.page_fragments

    def _walked_set(self, rels: Iterable[str] | None = None) -> dict[str, list[str]]:
        """The page files (relative paths) by their own path, by their case-folded path
        without suffix ("\\0" first), and by their case-folded file name without suffix
        ("\\1" first; an index page by its folder's name); of *rels* only (in the page
        files' order) when given, made afresh."""
        if rels is None and self._walked_names is not None:
            return self._walked_names
        names: dict[str, list[str]] = {}
        for rel in self._page_files() if rels is None else rels:
            stem = rel[:rel.rfind(".")].casefold()  # (os.path.splitext's: see _page_files)
            names[rel] = [rel]
            names.setdefault("\0" + stem, []).append(rel)
            parts = stem.split("/")
            if parts[-1] in ("index", "_index", "readme") and len(parts) > 1:
                parts.pop()
            names.setdefault("\1" + parts[-1], []).append(rel)
        if rels is None:
            self._walked_names = names
        return names

    def _page_file_set(self) -> set[str] | dict[str, list[str]]:
        """The page files (relative paths), for ``in``: the walked set's own keys when it is
        built (a path holds no NUL, so no other key is one), else a set of them (built in C,
        where :meth:`_walked_set` costs a few ms of Python per thousand pages)."""
        if self._walked_names is not None:
            return self._walked_names
        if self._walked_rels is None:
            self._walked_rels = set(self._page_files())
        return self._walked_rels

    def _walked_containing(self, needles: list[str]) -> list[str] | None:
        """The page files whose case-folded path holds one of *needles* (case-folded), in
        the page files' order; None when that would not spare building :meth:`_walked_set`
        (it is built, an empty needle, many asks). Every key of the walked set a page file
        is filed under is a case-folded part of its path, and a URL's every key that
        :meth:`_named` looks up holds its case-folded last segment: the pages filed under
        those keys are among the pages whose path holds it. (One search of all paths
        joined, case-folded at once: casefold maps each character on its own, so the
        parts are the paths' own; no path holds a NUL.) A one-file run asks for a link
        or two: building the whole set for them cost more than the rest of the ask."""
        if self._walked_names is not None or not all(needles):
            return None
        self._walked_asks += 1
        if self._walked_asks > WALKED_ASKS:
            return None
        if self._walked_folded is None:
            rels = self._page_files()
            folded = "\0".join(rels).casefold()
            starts = [0, *itertools.accumulate(len(part) + 1 for part in folded.split("\0"))]
            self._walked_folded = (folded, starts[:-1])
        folded, starts = self._walked_folded
        rels = self._page_files()
        hits: set[int] = set()
        for needle in needles:
            at = folded.find(needle)
            while at >= 0:
                i = bisect.bisect_right(starts, at) - 1
                hits.add(i)
                at = folded.find(needle, starts[i + 1]) if i + 1 < len(starts) else -1
        return [rels[i] for i in sorted(hits)]

    def _named(self, path: str, stripped: str | None) -> list[str]:
        """The page files a URL path (without its leading slash) names, by file name: the
        path with a page suffix, or a folder's index page, or else (a permalink pattern such
        as ``/:slug`` or ``/:year/:slug``) a few files named as its last segment; compared
        case-folded (Hugo lower-cases the URLs it makes from file names). A guess, which
        the page's own URLs confirm or not."""
        bases = list(dict.fromkeys([path] + ([stripped.lstrip("/")] if stripped is not None else [])))
        lasts = list(dict.fromkeys(base.rstrip("/").rsplit("/", 1)[-1].casefold() for base in bases))
        few = self._walked_containing(lasts)
        names = self._walked_set(few)
        found: list[str] = []
        for base in bases:
            found += names.get(base, [])  # a file's own path ("/notes/a.md")
            for stem in (base, f"{base}/index", f"{base}/_index", f"{base}/readme"):
                found += names.get("\0" + stem.casefold(), [])
        for base in bases:
            same_name = names.get("\1" + base.rstrip("/").rsplit("/", 1)[-1].casefold(), [])
            if len(same_name) <= NAMED_PAGES:
                found += same_name
        return list(dict.fromkeys(found))

    def _named_page(self, rel: str) -> Page:
        """One page read on its own (its URLs; none when not published), kept for the next ask."""
        page = self._named_pages.get(rel)
        if page is None:
            page = self._named_pages[rel] = self._read_page(os.path.join(str(self.root), rel), rel)[0]
        return page

    def find_asset(self, url_path: str) -> Path | None:
        key = normalize_path(url_path)
        assets = self._asset_table()
        return assets.get(key) or assets.get(key.lower())

    def is_internal_host(self, host: str) -> bool:
        return host.lower() in self.hosts

    def anchors(self, page: Page, doc: Document | None = None) -> set[str]:
        """The ids a page defines: heading ids in the configured style, explicit ids, HTML id/name;
        for a page made of fragments, those of every fragment (*doc* may be one of them).
        The files read are noted in :attr:`consulted` (see :meth:`dependencies`)."""
        if page is HOME:
            return set()
        if not page.parts:
            return self._file_anchors(page.path, doc)
        here = Path(doc.path).resolve() if doc is not None else None
        ids: set[str] = set()
        for part in page.parts:
            ids |= self._file_anchors(part, doc if part == here else None)
        return ids

    def _file_anchors(self, path: Path, doc: Document | None) -> set[str]:
        self.consulted.add(path)
        if path in self._anchors:
            return self._anchors[path]
        if doc is None:
            try:
                text = decode(path.read_bytes(), str(path))
            except (OSError, FileError, Skipped):
                text = ""
            from ..markup import parse

            markup = parse(text, format_for(str(path)), anchors_only=True)
            ids = anchors_in(text, markup.headings, markup.anchors, self.anchor_style)
        else:
            ids = anchors_of(doc, self.anchor_style)
        self._anchors[path] = ids
        return ids

    def fragments(self, path: str | Path) -> list[Document]:
        """The other fragments of the page *path* is a fragment of (``site.page_fragments``),
        read as documents: what one of them says (a disclaimer, an abbreviation's
        definition) it says for the whole page. Empty for an ordinary page."""
        if not self.page_fragments:
            return []  # only site.page_fragments makes pages of several files
        here = Path(path).resolve()
        page = self.by_file.get(here)
        if page is None or not page.parts:
            return []
        out = []
        for part in page.parts:
            if part == here:
                continue
            self.consulted.add(part)
            if part not in self._fragment_docs:
                try:
                    text = decode(part.read_bytes(), str(part))
                except (OSError, FileError, Skipped):
                    text = ""
                self._fragment_docs[part] = Document.from_text(text, str(part), format_for(str(part)))
            out.append(self._fragment_docs[part])
        return out

    @staticmethod
    def url_base(page: Page | None) -> str:
        """The folder a relative link on *page* resolves from, as a browser does: the page's
        URL itself for a folder-like URL (``/a/b`` published as ``/a/b/``), its folder for a
        file-like one (``/a/b.html``)."""
        if page is None:
            return "/"
        url = page.main_url
        last = url.rsplit("/", 1)[-1]
        if "." in last and not re.fullmatch(r"[\w-]*\.\d+", last):
            return url.rsplit("/", 1)[0] + "/"
        return url.rstrip("/") + "/"

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
                 self.anchor_style, self.generator, self.folder_pages, self.page_fragments],
                sort_keys=True, default=str).encode())
            for page in sorted(self.pages, key=lambda p: p.rel):
                digest.update(f"{page.rel}\0{page.main_url}\0{sorted(page.urls)}\0{page.parts}\n".encode(
                    "utf-8", "surrogatepass"))
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
        if key not in self._closest and kind == "page":
            by_slug = self.by_slug(wanted)
            if by_slug is not None:
                self._closest[key] = by_slug
        if key not in self._closest:
            if kind not in self._nearest:
                from .nearest import Nearest

                self._nearest[kind] = Nearest(sorted(self._asset_table()) if kind == "asset" else sorted(set(self._main_urls())))
            self._closest[key] = self._nearest[kind].closest(wanted)
        return self._closest[key]


    def by_slug(self, wanted: str) -> str | None:
        """The page a broken link's last path segment names: the page whose URL ends in
        that segment, without a file suffix and, failing that, without a trailing date
        (``/tags/overview-of-ms.html`` → ``/posts/overview-of-ms``); None when no page,
        or more than one, does. Migrations break links in bulk this way, and a fuzzy
        match over whole URLs then suggests an unrelated page with similar words."""
        if self._by_slug is None:
            exact: dict[str, str | None] = {}
            undated: dict[str, str | None] = {}
            for main_url in sorted(self._main_urls()):
                slug = main_url.rstrip("/").rsplit("/", 1)[-1].lower()
                # (Each pattern is tried only where it can match: a suffix needs a dot, a date ends
                # in a digit, before a last newline at most; most slugs have neither.)
                if "." in slug:
                    slug = _SUFFIX.sub("", slug)
                dateless = _TRAILING_DATE.sub("", slug) if slug[-1:].isdigit() or slug.endswith("\n") else slug
                for table, key in ((exact, slug), (undated, dateless)):
                    if key:  # a slug two pages share names neither
                        table[key] = None if table.get(key, main_url) != main_url else main_url
            self._by_slug = {**{"\0" + k: v for k, v in undated.items()}, **exact}
        path = unquote(wanted.split("?", 1)[0]).rstrip("/")
        segment = _SUFFIX.sub("", path.rsplit("/", 1)[-1].lower())
        if len(segment) < 4 or not re.fullmatch(r"[\w.~-]*[^\W\d_][\w.~-]*", segment) or re.search(r"\s", path):
            return None  # not a slug: "µg/d" in a link made of a sentence
        undated_segment = _TRAILING_DATE.sub("", segment)
        for key in (segment, undated_segment, "\0" + segment, "\0" + undated_segment):
            found = self._by_slug.get(key) if key.strip("\0") else None
            if found is not None and normalize_path(found) != normalize_path(wanted):
                return found
        return None


#: At most this many segments are searched for (site/prefilter.py) before a page's links
#: read the whole index instead: a search is a scan of every front matter, the whole
#: index a few dozen of them.
SEARCHES = 24
#: At most this many link paths are looked up among the page files by a search of their paths
#: (:meth:`SiteIndex._walked_containing`) before the whole table of their names is built.
WALKED_ASKS = 8
#: At most this many pages of one file name are read to answer a link by its last segment.
NAMED_PAGES = 4
#: How much of a page the site index reads first for its front matter (more only when needed).
FRONT_HEAD = 8192


def _whole_characters(data: bytes) -> bytes:
    """*data* without a UTF-8 sequence left incomplete at its end (at most three bytes)."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return data  # ASCII: nothing cut
        if byte >= 0xC0:  # the lead byte: complete if its sequence fits
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return data if back >= need else data[:-back]
    return data  # not UTF-8 here: decode judges it


def _read_head(file: str, size: int, known: int = -1) -> bytes:
    """The first *size* bytes of a regular file, by ``os.read``: a third cheaper than
    ``open()``'s buffered file object, which a site index makes thousands of. With the
    file's size *known* (from a stat just before), reading stops once that much is read,
    without the read that finds its end."""
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        chunks = []
        got = 0
        while got < size:
            chunk = os.read(fd, size - got)
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
            if got == known:
                break
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)


#: The home page: every site has one, whether or not the content tree has a file for it.
HOME = Page(Path("/"), "", {"/"}, "/")


def anchors_of(doc: Document, style: str) -> set[str]:
    """The page's anchor ids, made once per document and style: the anchor rule asks for
    every ``#fragment`` link to the page itself, and making them reads every heading."""
    key = ("anchors_of", style)
    ids = doc.cache.get(key)
    if ids is None:
        ids = doc.cache[key] = anchors_in(doc.text, doc.headings, doc.anchors, style)
    return ids


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
               cache_folder: Path | None = None, lazy: bool = False) -> SiteIndex:
    """The site index for a run, from the config's ``site`` settings; with
    *cache_folder*, pages unchanged since the last run are not read again; with
    *lazy*, pages are read on the first look-up (see :meth:`SiteIndex.load`)."""
    root = settings.get("content_root")
    generator = settings.get("generator")
    found = None
    if generator is None or not root:
        # The generator's config stands beside medlint's, at the content root or just
        # above it, or (no root set) a few folders above the files checked.
        if root:
            near = [config_root, (config_root / root).resolve(), (config_root / root).resolve().parent]
        else:
            near = [config_root] + [f for p in paths for f in [Path(p).resolve(), *Path(p).resolve().parents][:4]]
        found = detect(list(dict.fromkeys(near)))
    generator = generator or (found[0] if found else "hugo")
    own = read_settings(generator, found[1]) if found and found[0] == generator else {}
    permalinks = settings.get("permalinks", own.get("permalinks"))
    if root:
        content = config_root / root
    elif found and generator != "hugo":
        # The generator's own content folder: MkDocs reads docs/ (docs_dir), the others their site root.
        docs = found[1] / own.get("docs_dir", "docs")
        content = docs if generator == "mkdocs" and docs.is_dir() else found[1]
    else:
        content = default_content_root(config_root, paths)
    static = settings.get("static_dirs")
    bases = list(dict.fromkeys([config_root, content.parent] + ([found[1]] if found else [])))
    if static is None:
        dirs = [base / name for base in bases for name in MODELS[generator].static_dirs]
    else:
        dirs = [base / name for base in bases for name in static]
    return SiteIndex(content, dirs, settings.get("base_urls", []), permalinks,
                     settings.get("anchor_style"), cache_folder, generator,
                     settings.get("folder_pages", []), bool(settings.get("page_fragments", False)), lazy)
