"""Site generators: what URL a content file is published at, by each one's rules.

The same file ``guide/dosing.md`` is ``/guide/dosing/`` on Hugo, MkDocs and
Eleventy, ``/guide/dosing.html`` on Jekyll and ``/docs/guide/dosing`` on
Docusaurus; a folder's ``index.md`` (``_index.md``, ``README.md``...) is the
folder's page; slugs, permalinks and ids in front matter move a page. The
generator is ``site.generator``, else detected from its config file, else
Hugo's rules (medlint's behaviour before generators were modelled).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Callable

import yaml

from ..yamlsource import MAX_DEPTH, nesting_depth, toml_key_depth

NAMES = ("hugo", "jekyll", "mkdocs", "docusaurus", "eleventy", "plain")

#: Config files that say which generator builds a site, in the order tried.
CONFIG_FILES: tuple[tuple[str, str], ...] = (
    ("hugo.toml", "hugo"), ("hugo.yaml", "hugo"), ("hugo.json", "hugo"),
    ("mkdocs.yml", "mkdocs"), ("mkdocs.yaml", "mkdocs"),
    ("docusaurus.config.js", "docusaurus"), ("docusaurus.config.ts", "docusaurus"),
    ("docusaurus.config.mjs", "docusaurus"),
    (".eleventy.js", "eleventy"), ("eleventy.config.js", "eleventy"), ("eleventy.config.mjs", "eleventy"),
    ("eleventy.config.cjs", "eleventy"),
    ("_config.yml", "jekyll"), ("_config.yaml", "jekyll"),
    ("config.toml", "hugo"),
)


@dataclass(frozen=True)
class Model:
    """One generator's rules."""

    name: str
    #: File stems that make a file its folder's page.
    index_stems: tuple[str, ...]
    #: The heading-id style its Markdown renderer uses.
    anchor_style: str
    #: Folders (beside the content root or the config) it copies to the site root.
    static_dirs: tuple[str, ...]


MODELS = {
    "hugo": Model("hugo", ("index", "_index"), "github", ("static", "public")),
    "jekyll": Model("jekyll", ("index",), "kramdown", ("static", "public")),
    "mkdocs": Model("mkdocs", ("index", "README"), "mkdocs", ("static", "public")),
    "docusaurus": Model("docusaurus", ("index", "README"), "github", ("static", "public")),
    "eleventy": Model("eleventy", ("index",), "any", ("static", "public")),
    "plain": Model("plain", ("index", "README"), "github", ("static", "public")),
}


def detect(folders: list[Path]) -> tuple[str, Path] | None:
    """The generator whose config file stands in one of *folders* (nearest first), and that folder."""
    for folder in folders:
        for name, generator in CONFIG_FILES:
            # config.toml is too common a name to mean Hugo without Hugo's content/ beside it.
            if (folder / name).is_file() and (name != "config.toml" or (folder / "content").is_dir()):
                return generator, folder
    return None


#: The most medlint reads of a generator's config (real ones are a few kilobytes).
MAX_GENERATOR_CONFIG = 1024 * 1024


def read_settings(generator: str, folder: Path) -> dict[str, Any]:
    """What medlint takes from the generator's own config file in *folder*: Hugo's and
    Jekyll's permalink patterns, MkDocs' ``docs_dir``. Empty when it cannot be read
    (a config medlint cannot parse only loses these defaults)."""
    data: Any = None
    try:
        for name, kind in CONFIG_FILES:
            path = folder / name
            if kind != generator or not path.is_file():
                continue
            with open(path, "rb") as handle:
                raw = handle.read(MAX_GENERATOR_CONFIG + 1)
            if len(raw) > MAX_GENERATOR_CONFIG:
                return {}  # no real site config is this large; reading it could exhaust memory
            text = raw.decode("utf-8")
            if name.endswith(".toml"):
                data = _toml().loads(text) if toml_key_depth(text) <= MAX_DEPTH else None
            elif name.endswith((".yml", ".yaml")):
                data = _load_generator_yaml(text)
            break
    except (OSError, ValueError, RecursionError, yaml.YAMLError):  # TOMLDecodeError is a ValueError
        return {}
    if not isinstance(data, dict):
        return {}
    out: dict[str, Any] = {}
    if generator == "hugo" and isinstance(data.get("permalinks"), dict):
        table = data["permalinks"]
        table = {**table, **table["page"]} if isinstance(table.get("page"), dict) else table
        patterns = {k: v for k, v in table.items() if isinstance(v, str) and v.startswith("/")}
        if patterns:
            out["permalinks"] = patterns
    elif generator == "jekyll" and isinstance(data.get("permalink"), str):
        out["permalinks"] = {"default": data["permalink"]}
    elif generator == "mkdocs" and isinstance(data.get("docs_dir"), str):
        out["docs_dir"] = data["docs_dir"]
    return out


class _GeneratorLoader(yaml.SafeLoader):
    """YAML's safe loader that reads a tag it does not know as nothing instead of failing:
    MkDocs configs name Python objects (``!!python/name:material.extensions.emoji.twemoji``)
    and environment variables (``!ENV``), and one such tag must not lose ``docs_dir``."""


_GeneratorLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _load_generator_yaml(text: str) -> Any:
    """A generator's YAML config, or None when it nests deeper than medlint reads any YAML
    (the parser recurses once per level). Its aliases are never walked: only two keys are read."""
    if nesting_depth(text) > MAX_DEPTH:
        return None
    return yaml.load(text, Loader=_GeneratorLoader)


def _toml() -> Any:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    return tomllib


def urlize(text: str) -> str:
    """Hugo's urlize, near enough: lower case, spaces to hyphens, no stray punctuation."""
    text = re.sub(r"[^\w\s-]", "", str(text).strip().lower())
    return re.sub(r"[\s]+", "-", text)


_DATED = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
_NUMBER_PREFIX = re.compile(r"^\d+[-_.]\s*")
_JEKYLL_PERMALINKS = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
#: Jekyll folders that hold no pages.
_JEKYLL_PRIVATE = {"_layouts", "_includes", "_data", "_sass", "_site", "_drafts", "_plugins"}


def _folders_and_stem(rel: str) -> tuple[list[str], str]:
    """``list(PurePosixPath(rel).parent.parts)`` and ``PurePosixPath(rel).stem``: by
    splitting the string for the plain relative paths a folder walk gives (pathlib
    took a tenth of a site index's time), by pathlib for anything else."""
    folders = rel.split("/")
    name = folders.pop()
    if rel.startswith("/") or name in ("", ".", "..") or "" in folders or "." in folders:
        path = PurePosixPath(rel)
        return list(path.parent.parts), path.stem
    dot = name.rfind(".")
    return folders, name[:dot] if 0 < dot < len(name) - 1 else name


#: The front matter keys :class:`UrlRules` reads (a site index reads only these of each page).
URL_KEYS = frozenset({"slug", "url", "permalink", "aliases", "redirect_from", "date", "title", "categories",
                      "category", "id"})


class UrlRules:
    """The URLs a page answers to under one generator's rules."""

    def __init__(self, generator: str, permalinks: dict[str, str] | None = None) -> None:
        self.model = MODELS[generator]
        self.permalinks = permalinks or {}
        self._rules: Callable[[PurePosixPath, dict[str, Any]], tuple[str, set[str]] | None] = getattr(
            self, "_" + generator)
        self._is_hugo = generator == "hugo"

    def urls(self, rel: str, front: dict[str, Any]) -> tuple[str, set[str]] | None:
        """(main URL, every URL) of the page at *rel* (relative to the content root,
        '/'-separated), or None for a file the generator does not publish as a page."""
        if self._is_hugo:  # the default: by string operations, once per page of a site index
            return self._hugo_urls(*_folders_and_stem(rel), front)
        return self._rules(PurePosixPath(rel), front)

    def path_main(self, rel: str) -> str | None:
        """``urls(rel, {})[0]``: the main URL of the page at *rel* when its front matter sets
        none. A broken link's "did you mean" asks it of every page of a site; under Hugo
        with no permalink pattern it is the path alone (``_hugo_urls`` with no front matter),
        made without the page's other URLs."""
        if self._is_hugo and not self.permalinks:
            folders, stem = _folders_and_stem(rel)
            if stem == "_index":
                return ("/" + "/".join(folders)).lower()
            if stem == "index":
                return ("/" + "/".join([*folders[:-1], folders[-1] if folders else ""])).lower()
            return ("/" + "/".join([*folders, stem])).lower()
        found = self.urls(rel, {})
        return found[0] if found is not None else None

    def _index_split(self, rel: PurePosixPath) -> tuple[list[str], str, bool]:
        """(folders, name, is_index): an index file is named after its folder."""
        folders = list(rel.parent.parts)
        if rel.stem in self.model.index_stems or rel.stem.lower() == "readme" and "README" in self.model.index_stems:
            return folders[:-1], folders[-1] if folders else "", True
        return folders, rel.stem, False

    @staticmethod
    def _aliases(front: dict[str, Any], keys: tuple[str, ...] = ("aliases", "redirect_from")) -> set[str]:
        out: set[str] = set()
        for key in keys:
            value = front.get(key)
            for alias in ([value] if isinstance(value, str) else value if isinstance(value, list) else []):
                if isinstance(alias, str):
                    out.add(alias)
        return out

    # -- Hugo -------------------------------------------------------------------------
    def _hugo(self, rel: PurePosixPath, front: dict[str, Any]) -> tuple[str, set[str]]:
        return self._hugo_urls(list(rel.parent.parts), rel.stem, front)

    def _hugo_urls(self, folders: list[str], stem: str, front: dict[str, Any]) -> tuple[str, set[str]]:
        if stem in ("index", "_index"):
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
        urls = {main}
        if not pattern or isinstance(front.get("url"), str):
            # The file's own path, as links by path expect; under a permalink pattern Hugo
            # publishes the page at the pattern's URL only.
            urls.add("/" + "/".join([*parents, name]))
        if isinstance(front.get("permalink"), str):
            urls.add(front["permalink"])
        urls |= self._aliases(front)
        return (main if isinstance(front.get("url"), str) else main.lower()), urls

    @staticmethod
    def _expand(pattern: str, front: dict[str, Any], section: str, parents: list[str], slug: str, stem: str) -> str:
        date = str(front.get("date") or "")
        parts = {
            ":sections": "/".join(parents), ":section": section, ":slug": slug, ":filename": stem,
            # (urlize only for a pattern that has the title: two regex passes per page of a site index)
            ":title": urlize(front.get("title") or stem) if ":title" in pattern else "",
            ":year": date[:4], ":month": date[5:7], ":day": date[8:10],
        }
        return re.sub(r":sections|:section|:slug|:filename|:title|:year|:month|:day", lambda m: parts[m.group()], pattern)

    # -- Jekyll -----------------------------------------------------------------------
    def _jekyll(self, rel: PurePosixPath, front: dict[str, Any]) -> tuple[str, set[str]] | None:
        parts = rel.parts
        if any(p in _JEKYLL_PRIVATE for p in parts[:-1]):
            return None
        urls = self._aliases(front, ("redirect_from",))
        permalink = front.get("permalink") if isinstance(front.get("permalink"), str) else None
        if "_posts" in parts[:-1]:
            at = parts.index("_posts")
            dated = _DATED.match(rel.stem)
            if not dated:
                return None  # Jekyll skips a post without a date in its name
            year, month, day, title = dated.groups()
            if front.get("date"):
                date = str(front["date"])
                year, month, day = date[:4] or year, date[5:7] or month, date[8:10] or day
            cats = list(parts[:at])
            extra = front.get("categories", front.get("category"))
            cats += extra.split() if isinstance(extra, str) else [str(c) for c in extra] if isinstance(extra, list) else []
            pattern = permalink or self.permalinks.get("posts") or self.permalinks.get("default") or "date"
            pattern = _JEKYLL_PERMALINKS.get(pattern, pattern)
            slug = str(front.get("slug") or title)
            values = {":categories": "/".join(cats), ":year": year, ":month": month, ":day": day,
                      ":title": slug, ":slug": slug, ":output_ext": ".html", ":i_month": str(int(month)),
                      ":i_day": str(int(day)), ":short_year": year[2:], ":y_day": ""}
            main = re.sub(r":[a-z_]+", lambda m: values.get(m.group(), m.group()), pattern)
            main = re.sub(r"/{2,}", "/", main)
            return main, urls | {main}
        if parts[0].startswith("_"):
            collection = parts[0][1:]
            path = "/".join([*parts[1:-1], rel.stem])
            main = permalink or f"/{collection}/{path}/"
            return main, urls | {main, f"/{collection}/{path}.html"}
        folders, name, is_index = self._index_split(rel)
        if is_index:
            main = "/" + "/".join([*folders, name]) + "/"
            urls.add(main)
        else:
            main = "/" + "/".join([*folders, name]) + ".html"
            urls |= {main, main[:-5]}  # GitHub Pages serves about.html at /about too
        if permalink:
            main = permalink
            urls.add(permalink)
        return main, urls

    # -- MkDocs, Eleventy, plain -----------------------------------------------------------
    def _folder_urls(self, rel: PurePosixPath, front: dict[str, Any]) -> tuple[str, set[str]]:
        folders, name, _ = self._index_split(rel)
        main = "/" + "/".join(p for p in [*folders, name] if p) + "/"
        return main, {main}

    def _mkdocs(self, rel: PurePosixPath, front: dict[str, Any]) -> tuple[str, set[str]]:
        main, urls = self._folder_urls(rel, front)
        return main, urls | {main.rstrip("/") + ".html"} | self._aliases(front)  # use_directory_urls: false

    def _eleventy(self, rel: PurePosixPath, front: dict[str, Any]) -> tuple[str, set[str]] | None:
        permalink = front.get("permalink")
        if permalink is False:
            return None
        main, urls = self._folder_urls(rel, front)
        if isinstance(permalink, str) and "{" not in permalink:
            main = re.sub(r"index\.html?$", "", permalink)
            urls = {main}  # the page moves: its path no longer answers
        return main, urls | self._aliases(front)

    def _plain(self, rel: PurePosixPath, front: dict[str, Any]) -> tuple[str, set[str]]:
        main = "/" + str(rel)
        urls = {main, "/" + str(rel.with_suffix(".html")), "/" + str(rel.with_suffix(""))}
        folders, name, is_index = self._index_split(rel)
        if is_index:
            urls.add("/" + "/".join([*folders, name]))
        return main, urls

    # -- Docusaurus ------------------------------------------------------------------------
    def _docusaurus(self, rel: PurePosixPath, front: dict[str, Any]) -> tuple[str, set[str]] | None:
        parts = list(rel.parts)
        if any(p.startswith("_") for p in parts):
            return None  # partials and _category_ files are not pages
        if parts[0] == "blog":
            dated = _DATED.match(rel.stem) or (
                _DATED.match(parts[-2]) if len(parts) > 2 and rel.stem == "index" else None)
            slug = front.get("slug")
            if isinstance(slug, str):
                main = "/blog" + (slug if slug.startswith("/") else "/" + slug)
            elif dated:
                year, month, day, title = dated.groups()
                main = f"/blog/{year}/{month}/{day}/{title}"
            else:
                main = "/" + "/".join([*parts[:-1], rel.stem])
            return main, {main} | self._aliases(front)
        base = "/" + parts[0] if parts[0] == "docs" else ""
        inner = parts[1:] if base else parts
        folders = [_NUMBER_PREFIX.sub("", p) for p in inner[:-1]]
        stem = _NUMBER_PREFIX.sub("", PurePosixPath(inner[-1]).stem) if inner else ""
        is_index = stem.lower() in ("index", "readme") or (folders and stem == folders[-1])
        name = str(front["id"]) if isinstance(front.get("id"), str) else ("" if is_index else stem)
        slug = front.get("slug")
        if isinstance(slug, str):
            main = base + slug if slug.startswith("/") else base + "/" + "/".join([*folders, slug])
        else:
            main = base + "/" + "/".join(p for p in [*folders, name] if p)
        return main, {main}
