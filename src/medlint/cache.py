"""Results cached per file, so an unchanged file is not checked again.

An entry's key hashes everything a file's diagnostics depend on: medlint's
version, the rules in force for the file (id, severity, options, the rule
file's own text, which holds the message, and the content of every file the
options name: vocabularies, limits tables, schemas), the site index's
fingerprint when a link rule runs (its settings and every page's and static
file's URLs), the run's flags, and the file's bytes. Any change makes a new
key, so a stale result cannot be served; old entries are simply never read
again. Another page's headings decide whether a link's ``#anchor`` exists, so
an entry also lists the pages whose anchors it read, with their size and
modification time, and is used only while they are unchanged: editing one
page does not make every other page's results stale.

The cache is data, not trust: entries are named and sealed with a keyed hash
(HMAC) under a random secret kept beside them, so a file planted in the folder
is never read as a result, and every loaded diagnostic is checked against the
file (a known rule, a severity, positions inside the text, no control
characters) before it is used. A file with no findings is stored as an empty
file (no data block). The cache is safe to delete, and a cache that cannot be
read or written only costs time.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from pathlib import Path
from typing import Any, Iterable

from .diagnostic import SEVERITIES, Diagnostic, Fix
from .jsonio import prepare_cache_folder, write_json_atomically
from .kinds import BuildContext, input_files
from .markup.model import line_starts
from .version import __version__

FOLDER = ".medlint_cache"
_LAYOUT = "results-v3"
_SECRET = "secret"


def rules_key(active: Iterable[Any], site_fingerprint: str | None, flags: str,
              context: BuildContext = BuildContext()) -> str:
    """The part of a key that is the same for every file with the same rules in force."""
    digest = hashlib.sha256(f"{__version__}\0{flags}\0{site_fingerprint or ''}".encode())
    for rule in active:
        inputs = [[str(path), _content_hash(path)] for path in input_files(rule.rule.kind, rule.options, context)]
        digest.update(json.dumps([rule.id, rule.severity, rule.options, getattr(rule, "skip", ()), _content_hash(Path(rule.rule.source)), inputs],
                                 sort_keys=True, default=str).encode())
    return digest.hexdigest()


def _content_hash(path: Path) -> str:
    """The SHA-256 of a file's bytes (read each run: an edited vocabulary is a new key)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        return f"unreadable: {exc.errno}"


class ResultCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder / _LAYOUT
        self.usable = True
        self._secret: bytes | None = None

    @staticmethod
    def key(rules: str, display_path: str, text: str) -> str:
        return hashlib.sha256(f"{rules}\0{display_path}\0".encode() + text.encode("utf-8", "surrogatepass")).hexdigest()

    def _key_secret(self, create: bool) -> bytes | None:
        """This cache's random secret (made on first write): what seals its entries."""
        if self._secret is None:
            path = self.folder / _SECRET
            try:
                self._secret = bytes.fromhex(path.read_text(encoding="ascii").strip())
            except (OSError, ValueError):
                if not create or not prepare_cache_folder(self.folder.parent):
                    return None
                try:
                    self.folder.mkdir(parents=True, exist_ok=True)
                    fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".secret-")
                    try:
                        with os.fdopen(fd, "w", encoding="ascii") as handle:
                            handle.write(secrets.token_hex(32))
                        os.link(tmp, path)  # appears whole, and only if no other process made one first
                    except FileExistsError:
                        pass  # another process made it first: use theirs
                    finally:
                        os.unlink(tmp)
                except OSError:
                    return None
                try:
                    self._secret = bytes.fromhex(path.read_text(encoding="ascii").strip())
                except (OSError, ValueError):
                    return None
            if len(self._secret) < 16:
                self._secret = None
        return self._secret

    def prepare(self) -> None:
        """Make the cache's secret now (before forking workers), if the cache is writable."""
        if self._key_secret(create=True) is None:
            self.usable = False

    def _names(self, secret: bytes, key: str) -> tuple[Path, Path]:
        """Where an entry with findings (a sealed JSON file) and one without (an empty
        file) for *key* live: both names need the secret, so none can be planted."""
        full = hmac.new(secret, key.encode(), "sha256").hexdigest()
        empty = hmac.new(secret, f"{key}\0empty".encode(), "sha256").hexdigest()
        return self.folder / full[:2] / f"{full}.json", self.folder / empty[:2] / f"{empty}.0"

    def get(self, key: str, text: str = "", rules: Iterable[str] = ()) -> tuple[list[Diagnostic], list[list[Any]]] | None:
        """The diagnostics stored under *key* (the file's *text*, its *rules* in force), and
        the other pages they depend on; None unless the entry is sealed and every
        diagnostic fits the file."""
        secret = self._key_secret(create=False)
        if secret is None:
            return None
        full, empty = self._names(secret, key)
        if empty.is_file():
            return [], []
        try:
            with open(full, encoding="utf-8") as handle:
                entry = json.load(handle)
            body = json.dumps([entry["d"], entry["depends_on"]], sort_keys=True)
            if not hmac.compare_digest(str(entry["mac"]), hmac.new(secret, f"{key}\0{body}".encode(), "sha256").hexdigest()):
                return None
            diagnostics = [_diagnostic(item) for item in entry["d"]]
            if not _plausible(diagnostics, text, set(rules)):
                return None
            return diagnostics, [list(dep) for dep in entry["depends_on"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None

    def put(self, key: str, diagnostics: list[Diagnostic], depends_on: Iterable[list[Any]] = ()) -> None:
        if not self.usable:
            return
        secret = self._key_secret(create=True)
        if secret is None:
            self.usable = False  # a read-only tree: run without a cache
            return
        full, empty = self._names(secret, key)
        depends = list(depends_on)
        if not diagnostics and not depends:
            try:
                empty.parent.mkdir(parents=True, exist_ok=True)
                empty.touch()
            except OSError:
                self.usable = False
            return
        records = [_record(d) for d in diagnostics]
        body = json.dumps([records, depends], sort_keys=True)
        entry = {"d": records, "depends_on": depends,
                 "mac": hmac.new(secret, f"{key}\0{body}".encode(), "sha256").hexdigest()}
        if not write_json_atomically(full, entry):
            self.usable = False


def _record(d: Diagnostic) -> list[Any]:
    fix = [d.fix.replacement, d.fix.line, d.fix.column, d.fix.end_line, d.fix.end_column, d.fix.safe] if d.fix else None
    return [d.path, d.line, d.column, d.end_line, d.end_column, d.rule, d.severity, d.message, fix]


def _diagnostic(item: list[Any]) -> Diagnostic:
    path, line, column, end_line, end_column, rule, severity, message, fix = item
    return Diagnostic(str(path), int(line), int(column), int(end_line), int(end_column), str(rule), str(severity),
                      str(message), Fix(str(fix[0]), int(fix[1]), int(fix[2]), int(fix[3]), int(fix[4]), bool(fix[5]))
                      if fix else None)


def _plausible(diagnostics: list[Diagnostic], text: str, rules: set[str]) -> bool:
    """Every diagnostic names a rule in force and a severity, lies inside *text*, and
    has a message without control characters."""
    if not diagnostics:
        return True
    from .suppress import META_RULES
    from .textsafe import has_controls

    starts = line_starts(text)

    def inside(line: int, column: int) -> bool:
        if not 1 <= line <= len(starts):
            return False
        length = (starts[line] if line < len(starts) else len(text) + 1) - starts[line - 1]
        return 1 <= column <= length

    for d in diagnostics:
        spans = [(d.line, d.column, d.end_line, d.end_column)]
        if d.fix:
            spans.append((d.fix.line, d.fix.column, d.fix.end_line, d.fix.end_column))
        if (d.rule not in rules and d.rule not in META_RULES) or d.severity not in SEVERITIES or has_controls(d.message):
            return False
        for line, column, end_line, end_column in spans:
            if not (inside(line, column) and inside(end_line, end_column) and (line, column) <= (end_line, end_column)):
                return False
    return True
