"""Results cached per file, so an unchanged file is not checked again.

An entry's key hashes everything a file's diagnostics depend on: medlint's
version, the rules in force for the file (id, severity, options and the rule
file's own text, which holds the message), the site index's fingerprint when a
link rule runs (its settings and every page's and static file's URLs), the
run's flags, and the file's bytes. Any change makes a new key, so a stale
result cannot be served; old entries are simply never read again. Another
page's headings decide whether a link's ``#anchor`` exists, so an entry also
lists the pages whose anchors it read, with their size and modification time,
and is used only while they are unchanged: editing one page does not make
every other page's results stale. The cache
is safe to delete, and a cache that cannot be read or written only costs time.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Iterable

from .diagnostic import Diagnostic, Fix
from .jsonio import prepare_cache_folder, write_json_atomically
from .version import __version__

FOLDER = ".medlint_cache"
_LAYOUT = "results-v2"


def rules_key(active: Iterable[Any], site_fingerprint: str | None, flags: str) -> str:
    """The part of a key that is the same for every file with the same rules in force."""
    digest = hashlib.sha256(f"{__version__}\0{flags}\0{site_fingerprint or ''}".encode())
    for rule in active:
        digest.update(json.dumps([rule.id, rule.severity, rule.options, getattr(rule, "skip", ()), _source_text(rule.rule.source)],
                                 sort_keys=True, default=str).encode())
    return digest.hexdigest()


_sources: dict[str, str] = {}


def _source_text(path: str) -> str:
    if path not in _sources:
        try:
            _sources[path] = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            _sources[path] = path
    return _sources[path]


class ResultCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder / _LAYOUT
        self.usable = True

    @staticmethod
    def key(rules: str, display_path: str, text: str) -> str:
        return hashlib.sha256(f"{rules}\0{display_path}\0".encode() + text.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str) -> tuple[list[Diagnostic], list[list[Any]]] | None:
        """The diagnostics stored under *key*, and the other pages they depend on."""
        try:
            with open(self.folder / key[:2] / f"{key}.json", encoding="utf-8") as handle:
                entry = json.load(handle)
            return [_diagnostic(item) for item in entry["diagnostics"]], list(entry["depends_on"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, diagnostics: list[Diagnostic], depends_on: Iterable[list[Any]] = ()) -> None:
        if not self.usable:
            return
        entry = {"diagnostics": [_record(d) for d in diagnostics], "depends_on": list(depends_on)}
        if not (prepare_cache_folder(self.folder.parent)
                and write_json_atomically(self.folder / key[:2] / f"{key}.json", entry)):
            self.usable = False  # a read-only tree: run without a cache


def _record(d: Diagnostic) -> dict[str, Any]:
    record = d.to_json()
    record["fix_safe"] = d.fix.safe if d.fix else None
    return record


def _diagnostic(item: dict[str, Any]) -> Diagnostic:
    fix = item["fix"]
    return Diagnostic(item["path"], item["line"], item["column"], item["end_line"], item["end_column"], item["rule"],
                      item["severity"], item["message"],
                      Fix(fix["replacement"], fix["start"]["line"], fix["start"]["column"], fix["end"]["line"],
                          fix["end"]["column"], bool(item["fix_safe"])) if fix else None)
