"""Applying fixes: non-overlapping edits, re-checked, written atomically.

A file is written only when a fix changed it, through a temporary file in
the same folder that replaces the original in one rename, so an interrupted
run leaves either the old file or the new one, never half of each.  The
original's BOM, line endings (edits never touch them) and permissions are
kept.  A writer's work is never lost: a symlink is written through to its
target, a file with hard links keeps its inode, and a file edited during the
run is left alone (see :func:`write_fixed`).
"""
from __future__ import annotations

import bisect
import os
import stat
from typing import Callable, Iterable

from .diagnostic import Diagnostic, Fix
from .markup.model import line_starts
from .errors import FileError
from .jsonio import NoTemporaryFile, replace_file

MAX_PASSES = 5


def _offset(starts: list[int], line: int, column: int) -> int:
    return starts[line - 1] + column - 1


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply fixes that overlap no other chosen one; return (text, count).

    Safe fixes are chosen first, so an unsafe fix (a spelling guess) can never win
    over a safe one it overlaps (the mojibake repair of the same word)."""
    starts = line_starts(text)
    edits = {(not f.safe, _offset(starts, f.line, f.column), _offset(starts, f.end_line, f.end_column), f.replacement)
             for f in fixes}
    chosen: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping (start, end) of the chosen edits
    for _, start, end, replacement in sorted(edits):
        if text[start:end] == replacement:
            continue
        i = bisect.bisect_left(taken, (start, start))
        reach = (start, max(end, start + 1))
        before = taken[i - 1] if i else None
        after = taken[i] if i < len(taken) else None
        if (before and before[1] > reach[0]) or (after and after[0] < reach[1]):
            continue  # overlaps (or inserts inside) a fix already chosen
        taken.insert(i, reach)
        chosen.append((start, end, replacement))
    for start, end, replacement in sorted(chosen, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text, len(chosen)


def fix_text(text: str, lint: Callable[[str], list[Diagnostic]], unsafe: bool = False) -> tuple[str, int, list[Diagnostic]]:
    """Fix, re-check and fix again until nothing changes (or MAX_PASSES).

    Returns the fixed text, the number of fixes applied and the diagnostics
    of the final text.
    """
    total = 0
    diagnostics = lint(text)
    for _ in range(MAX_PASSES):
        fixes = [d.fix for d in diagnostics if d.fix is not None and (d.fix.safe or unsafe)]
        if not fixes:
            break
        text, count = apply_fixes(text, fixes)
        if not count:
            break
        total += count
        diagnostics = lint(text)
    return text, total, diagnostics


def unified_diff(path: str, before: str, after: str) -> str:
    """The change as a unified diff that ``patch`` and ``git apply`` accept: lines split at
    newlines only (a form feed or U+2028 inside a line stays in it), and a last line
    without a newline marked ``\\ No newline at end of file`` instead of running into the next."""
    name = path.lstrip("/")
    out = []
    import difflib  # only --diff needs it: off the start-up path

    for line in difflib.unified_diff(_diff_lines(before), _diff_lines(after), f"a/{name}", f"b/{name}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _diff_lines(text: str) -> list[str]:
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]  # what follows the last newline: nothing, or a last line without one
    return lines if lines[-1] else lines[:-1]


def write_fixed(path: str, text: str, bom: bool, stamp: tuple[int, int, str] | None, max_size: int) -> None:
    """Write a fixed file without losing anyone's work.

    A symlink is written through (its target gets the fix; the link stays a link).
    The file must be as it was read (*stamp*: size, mtime and hash), else someone
    edited it during the run and it is left alone.  A file with several hard links
    is rewritten in place, keeping its inode, so every name sees the fix; any other
    file is replaced in one rename.
    """
    from .files import file_stamp

    target = os.path.realpath(path)
    if stamp is not None and file_stamp(target, max_size) != stamp:
        raise FileError("not fixed: the file changed on disk while medlint was checking it; run again", path)
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    try:
        links = os.stat(target).st_nlink
    except OSError as exc:
        raise FileError(f"cannot fix: {exc.strerror or exc}", path) from None
    if links > 1:
        _write_in_place(target, data, path)
    else:
        write_atomically(target, data, path)


def _write_in_place(target: str, data: bytes, shown: str) -> None:
    """Overwrite *target*'s bytes in its own inode (what keeps hard links together)."""
    if not os.access(target, os.W_OK):
        raise FileError("cannot fix: the file is read-only", shown)
    try:
        with open(target, "r+b") as handle:
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise FileError(f"cannot fix: {exc.strerror or exc}", shown) from None


def write_atomically(path: str, data: bytes, shown: str | None = None) -> None:
    """Replace *path* with *data* in one rename, keeping its mode; errors name *shown*."""
    shown = shown or path
    if not os.access(path, os.W_OK):
        raise FileError("cannot fix: the file is read-only", shown)
    try:
        replace_file(path, data, mode=stat.S_IMODE(os.stat(path).st_mode), durable=True, prefix=".medlint-")
    except NoTemporaryFile as exc:
        raise FileError(f"cannot fix: cannot write in its folder ({exc.strerror})", shown) from None
