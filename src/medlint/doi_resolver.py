"""Opt-in (``--online``) check that each DOI exists, through doi.org's handle API.

``GET {resolver}/api/handles/{doi}`` answers JSON with ``responseCode`` 1 when
the DOI exists and 100 when it does not (with HTTP 404).  Publishers' landing
pages often block bots, so a DOI is never judged by following its redirect.
Answers are kept in a small JSON cache on disk; a DOI whose lookup fails
(time-out, server error) is neither reported nor cached.
"""
from __future__ import annotations

import json
import os
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import quote

from . import __version__
from . import identifiers as ids
from .diagnostic import Finding
from .document import Document

DEFAULT_RESOLVER = "https://doi.org"
NEGATIVE_DAYS = 1.0  # a DOI not found may be registered tomorrow: ask again soon


class DoiResolver:
    def __init__(self, resolver: str = DEFAULT_RESOLVER, timeout: float = 10.0,
                 cache: str | os.PathLike[str] = ".medlint_cache/doi.json", cache_days: float = 30.0) -> None:
        self.resolver = resolver.rstrip("/")
        self.timeout = timeout
        self.cache_path = Path(cache)
        self.cache_days = cache_days
        self._cache: dict[str, list[Any]] | None = None

    def _load(self) -> dict[str, list[Any]]:
        if self._cache is None:
            try:
                data = json.loads(self.cache_path.read_text(encoding="utf-8"))
                self._cache = data if isinstance(data, dict) else {}
            except (OSError, ValueError):
                self._cache = {}
        return self._cache

    def _save(self) -> None:
        try:
            self.cache_path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.cache_path.parent, prefix=".doi-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self._cache, handle)
            os.replace(tmp, self.cache_path)
        except OSError:
            pass  # a cache that cannot be written only costs speed

    def cached(self, doi: str) -> bool | None:
        entry = self._load().get(doi)
        if not entry:
            return None
        found, when = bool(entry[0]), float(entry[1])
        max_age = (self.cache_days if found else NEGATIVE_DAYS) * 86400
        return found if time.time() - when < max_age else None

    def lookup(self, doi: str) -> bool | None:
        """True if the DOI exists, False if the resolver says it does not, None if unknown."""
        url = f"{self.resolver}/api/handles/{quote(doi, safe='/')}"
        request = urllib.request.Request(url, headers={"User-Agent": f"medlint/{__version__}", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - http(s) only
                body = response.read(65536)
        except urllib.error.HTTPError as exc:
            body = exc.read(65536) if exc.code == 404 else b""
        except (OSError, ValueError):
            return None
        try:
            code = json.loads(body.decode("utf-8")).get("responseCode")
        except (ValueError, AttributeError):
            return None
        return True if code == 1 else False if code == 100 else None

    def exist(self, dois: list[str]) -> dict[str, bool | None]:
        """Look up many DOIs, from the cache where possible, a few at a time."""
        answers = {doi: self.cached(doi) for doi in dois}
        missing = [doi for doi, known in answers.items() if known is None]
        if missing:
            with ThreadPoolExecutor(max_workers=min(8, len(missing))) as pool:
                for doi, found in zip(missing, pool.map(self.lookup, missing)):
                    answers[doi] = found
                    if found is not None:
                        self._load()[doi] = [found, time.time()]
            self._save()
        return answers


def unresolved_check(options: dict[str, Any], sites: Callable[[Document], list[Any]]) -> Callable[[Document], Iterator[Finding]]:
    resolver = DoiResolver(options.get("resolver", DEFAULT_RESOLVER), options.get("timeout", 10.0),
                           options.get("cache", ".medlint_cache/doi.json"), options.get("cache_days", 30.0))

    def check(doc: Document) -> Iterator[Finding]:
        found = []
        for site in sites(doc):
            raw = site.raw(doc)
            if ids.doi_problems(raw, True, site.trailing_is_damage, site.entities_decoded):
                continue  # malformed: doi-malformed reports it
            found.append((site, ids.normalize_doi(raw), raw))
        answers = resolver.exist(sorted({doi for _, doi, _ in found}))
        for site, doi, raw in found:
            if answers.get(doi) is False:
                yield Finding(site.start, site.end, {"match": raw, "doi": doi, "problem": "", "replacement": ""})

    return check
