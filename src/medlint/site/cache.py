"""The site index's pages remembered between runs, so that a pre-commit run on
one file does not read the front matter of every page of a large site again.

A page's entry (its published URL and every URL it answers to) is reused only
when the file's size and modification time are unchanged and that time lies
well before the moment the entry was saved: a file edited twice within the
clock's resolution around a save would otherwise keep its old entry (git's
"racy" problem). The entries are JSON, never pickle, so a cache folder
committed to a repository cannot run code. A cache that cannot be read or
written only costs time.
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from ..jsonio import prepare_cache_folder, write_json_atomically
from ..version import __version__

LAYOUT = "site-v1"
#: An entry is trusted only for files last changed this long before it was saved.
RACY_NS = 2_000_000_000


class SiteCache:
    """Entries for one content root and one set of URL settings."""

    def __init__(self, folder: Path, root: Path, settings: Any) -> None:
        import hashlib  # (here: a run with no results cache never needs it, and its import cost 2-3 ms)

        key = hashlib.sha256(json.dumps([__version__, str(root), settings], sort_keys=True, default=str).encode())
        self.path = folder / LAYOUT / f"{key.hexdigest()[:32]}.json"
        self.saved_at = 0
        self.started_at = time.time_ns()
        self.old: dict[str, list[Any]] = {}
        self.new: dict[str, list[Any]] = {}
        #: Pages changed too recently for an entry to be trusted later (see RACY_NS).
        self.recent: set[str] = set()
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.saved_at = int(data["saved_at"])
            self.old = dict(data["pages"])
        except (OSError, ValueError, KeyError, TypeError):
            pass

    def get(self, rel: str, size: int, mtime_ns: int) -> tuple[str, set[str]] | None:
        entry = self.old.get(rel)
        if (not isinstance(entry, list) or len(entry) != 4 or entry[0] != size or entry[1] != mtime_ns
                or mtime_ns >= self.saved_at - RACY_NS):
            return None
        self.new[rel] = entry
        return str(entry[2]), {str(url) for url in entry[3]}

    def put(self, rel: str, size: int, mtime_ns: int, main_url: str, urls: set[str]) -> None:
        self.new[rel] = [size, mtime_ns, main_url, sorted(urls)]
        if mtime_ns >= self.started_at - RACY_NS:
            self.recent.add(rel)

    def save(self) -> None:
        """Write the entries of this run's pages (pages gone since are dropped), unless
        nothing changed but pages too recent to be trusted anyway: the pre-commit case,
        where rewriting the entries of a whole site for one edited page would cost more
        than it saves."""
        changed = {rel for rel in self.new.keys() | self.old.keys() if self.new.get(rel) != self.old.get(rel)}
        if self.saved_at and changed <= self.recent:
            return
        if prepare_cache_folder(self.path.parent.parent):
            write_json_atomically(self.path, {"saved_at": time.time_ns(), "pages": self.new})
