"""A client of doi.org's handle API, for the opt-in (``--online``) ``doi-unresolved`` check.

``GET {resolver}/api/handles/{doi}`` answers JSON with ``responseCode`` 1 when
the DOI exists and 100 when it does not (with HTTP 404).  Publishers' landing
pages often block bots, so a DOI is never judged by following its redirect.
Answers are kept in a small JSON file in the run's cache folder (none when caching is off); a DOI whose lookup fails
(time-out, server error) is neither reported nor cached.
"""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..jsonio import write_json_atomically
from ..version import __version__

DEFAULT_RESOLVER = "https://doi.org"
NEGATIVE_DAYS = 1.0  # a DOI not found may be registered tomorrow: ask again soon


class DoiClient:
    """Asks the resolver whether DOIs exist; remembers the answers in *cache* (a JSON file)."""

    def __init__(self, resolver: str = DEFAULT_RESOLVER, timeout: float = 10.0,
                 cache: Path | None = None, cache_days: float = 30.0) -> None:
        self.resolver = resolver.rstrip("/")
        self.timeout = timeout
        self.cache_path = cache
        self.cache_days = cache_days
        self._cache: dict[str, list[Any]] | None = None

    def _load(self) -> dict[str, list[Any]]:
        if self._cache is None:
            try:
                if self.cache_path is None:
                    raise OSError("no cache")
                data = json.loads(self.cache_path.read_text(encoding="utf-8"))
                self._cache = data if isinstance(data, dict) else {}
            except (OSError, ValueError):
                self._cache = {}
        return self._cache

    def _save(self) -> None:
        if self.cache_path is not None:
            write_json_atomically(self.cache_path, self._cache)  # failing only costs speed

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
