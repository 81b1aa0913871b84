"""Writing JSON files atomically, for medlint's caches (results, site index, DOIs).

A cache that cannot be written only costs time, so these helpers report
failure by their return value and never raise ``OSError``.
"""
from __future__ import annotations

import json
import os
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


class NoTemporaryFile(OSError):
    """The temporary file could not be made in the target's folder (nothing was changed)."""


def replace_file(path: str | os.PathLike[str], data: bytes, mode: int | None = None, durable: bool = False,
                 prefix: str = ".") -> None:
    """Replace *path* with *data* through a temporary file in the same folder renamed
    over it, so a reader (or a killed run) sees the old file or the new one, never half
    of each. *mode* sets the new file's permissions; *durable* syncs it to disk before
    the rename. Raises :class:`NoTemporaryFile` when the folder takes no new file, and
    ``OSError`` from the write or the rename; the temporary file never outlives a failure."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        import tempfile  # only when writing: off the start-up path of a --no-cache run

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".tmp")
    except OSError as exc:
        raise NoTemporaryFile(exc.errno, exc.strerror) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_json_atomically(path: Path, data: Any) -> bool:
    """Write *data* as JSON to *path* atomically (see :func:`replace_file`); False if it
    could not be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, json.dumps(data).encode("utf-8"))
        return True
    except OSError:
        return False
