"""A client of doi.org's handle API, for the opt-in (``--online``) ``doi-unresolved`` check.

``GET {resolver}/api/handles/{doi}`` answers JSON with ``responseCode`` 1 when
the DOI exists and 100 when it does not (with HTTP 404).  Publishers' landing
pages often block bots, so a DOI is never judged by following its redirect.
The DOI is sent percent-encoded as one path segment (``../`` in a DOI cannot
walk the server's paths).  Each request has a total deadline, not only a
socket time-out (a server that sends a byte every few seconds cannot hold a
run), and so do all of a run's requests together.  Answers are kept in a
small JSON file in the run's cache folder (none when caching is off); a DOI
whose lookup fails (time-out, server error) is not cached, and its reason is
returned so the rule can say it could not be checked.
"""
from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from ..jsonio import write_json_atomically
from ..version import __version__

DEFAULT_RESOLVER = "https://doi.org"
NEGATIVE_DAYS = 1.0  # a DOI not found may be registered tomorrow: ask again soon
#: Seconds all of one run's look-ups may take together (the rule's ``run_timeout``).
DEFAULT_RUN_TIMEOUT = 120.0


class DoiClient:
    """Asks the resolver whether DOIs exist; remembers the answers in *cache* (a JSON file).

    *timeout* bounds each request from connecting to the last byte; *run_timeout*
    bounds every request of this client together (after it, DOIs are not looked up)."""

    def __init__(self, resolver: str = DEFAULT_RESOLVER, timeout: float = 10.0,
                 cache: Path | None = None, cache_days: float = 30.0,
                 run_timeout: float = DEFAULT_RUN_TIMEOUT) -> None:
        self.resolver = resolver.rstrip("/")
        self.timeout = timeout
        self.cache_path = cache
        self.cache_days = cache_days
        self.run_timeout = run_timeout
        self._run_deadline: float | None = None
        self._cache: dict[str, list[Any]] | None = None
        #: Why each DOI whose lookup failed could not be checked.
        self.failures: dict[str, str] = {}

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

    def url(self, doi: str) -> str:
        """The handle API's URL for *doi*: the DOI is one percent-encoded path segment."""
        return f"{self.resolver}/api/handles/{quote(doi, safe='')}"

    def lookup(self, doi: str) -> bool | None:
        """True if the DOI exists, False if the resolver says it does not, None if unknown
        (the reason is then in :attr:`failures`)."""
        found, reason = self._ask(doi)
        if found is None:
            self.failures[doi] = reason
        return found

    def _ask(self, doi: str) -> tuple[bool | None, str]:
        now = time.monotonic()
        if self._run_deadline is None:
            self._run_deadline = now + self.run_timeout
        budget = min(self.timeout, self._run_deadline - now)
        if budget <= 0:
            return None, f"the run's {self.run_timeout:g} s for DOI look-ups ran out"
        parts = urlsplit(self.url(doi))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None, f"the resolver {self.resolver} is not an http(s) URL"
        connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        connection = connection_class(parts.netloc, timeout=budget)
        expired = threading.Event()
        opened: list[socket.socket] = []

        def abort() -> None:  # the deadline: wake a read that is still trickling in
            expired.set()
            for sock in opened:  # (the connection hands its socket to the response, so keep our own)
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

        timer = threading.Timer(budget, abort)
        timer.daemon = True
        timer.start()
        try:
            connection.connect()
            if connection.sock is not None:
                opened.append(connection.sock)
            if expired.is_set():
                abort()
            connection.request("GET", parts.path, headers={"User-Agent": f"medlint/{__version__}",
                                                          "Accept": "application/json"})
            response = connection.getresponse()
            body = response.read(65536)
            status = response.status
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if expired.is_set() or isinstance(exc, socket.timeout):
                return None, f"{self.resolver} did not answer within {budget:g} s"
            return None, f"{self.resolver} could not be reached ({exc})"
        finally:
            timer.cancel()
            connection.close()
        if expired.is_set():
            return None, f"{self.resolver} did not answer within {budget:g} s"
        try:
            code = json.loads(body.decode("utf-8")).get("responseCode")
        except (ValueError, AttributeError):
            return None, f"{self.resolver} answered HTTP {status} without a handle record"
        if code == 1:
            return True, ""
        if code == 100:
            return False, ""
        return None, f"{self.resolver} answered HTTP {status} with response code {code}"

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
