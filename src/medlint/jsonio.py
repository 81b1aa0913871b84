"""Writing JSON files atomically, for medlint's caches (results, site index, DOIs).

A cache that cannot be written only costs time, so these helpers report
failure by their return value and never raise ``OSError``.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def prepare_cache_folder(folder: Path) -> bool:
    """Create a cache folder, with a .gitignore so that it is never committed."""
    try:
        if not folder.exists():
            folder.mkdir(parents=True)
            (folder / ".gitignore").write_text("# medlint's cache: safe to delete\n*\n", encoding="utf-8")
        return True
    except OSError:
        return False


def write_json_atomically(path: Path, data: Any) -> bool:
    """Write *data* as JSON to *path* through a temporary file renamed over it, so a
    reader (or a killed run) never sees half a file; False if it could not be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        return True
    except OSError:
        return False
