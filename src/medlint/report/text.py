"""Text: ``path:line:col: severity [rule-id] message``, then a summary line."""
from __future__ import annotations

from typing import Any, TextIO


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(report: Any) -> str:
    diagnostics = report.diagnostics
    if not diagnostics:
        return f"No problems in {_count(report.files_checked, 'file')}"
    by = {s: sum(1 for d in diagnostics if d.severity == s) for s in ("error", "warning", "info")}
    parts = [_count(by["error"], "error"), _count(by["warning"], "warning")]
    if by["info"]:
        parts.append(f"{by['info']} info")
    files = len({d.path for d in diagnostics})
    return (f"{_count(len(diagnostics), 'problem')} ({', '.join(parts)}) in {_count(files, 'file')}"
            f" ({report.files_checked} checked)")


def write(report: Any, out: TextIO, quiet: bool = False, **_: Any) -> None:
    for d in report.diagnostics:
        out.write(f"{d.path}:{d.line}:{d.column}: {d.severity} [{d.rule}] {d.message}\n")
    if not quiet:
        out.write(summary(report) + "\n")
