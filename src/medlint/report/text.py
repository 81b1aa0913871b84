"""Text: ``path:line:col: severity [rule-id] message``, then a summary line.

On a terminal it is coloured and shows the source line with a caret under
the problem and a link to the rule's documentation; both can be forced on or
off (``--color``, ``--show-source``). A finding with a fix ends in ``(fix)``
(``--fix`` applies it) or ``(unsafe fix)`` (only with ``--unsafe-fixes``).
"""
from __future__ import annotations

from typing import Any, TextIO

_COLORS = {"error": "31", "warning": "33", "info": "36", "dim": "2", "bold": "1", "caret": "35"}
_WINDOW = 120


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(report: Any) -> str:
    diagnostics = report.diagnostics
    fixed = sum(report.fixed.values())
    tail = f"; fixed {_count(fixed, 'problem')}" if fixed else ""
    if not diagnostics and not report.files_checked:
        return "No files checked" + (": " + "; ".join(report.unchecked) if report.unchecked else "") + tail
    if not diagnostics:
        return f"No problems in {_count(report.files_checked, 'file')}{tail}"
    by = {s: sum(1 for d in diagnostics if d.severity == s) for s in ("error", "warning", "info")}
    parts = [_count(by["error"], "error"), _count(by["warning"], "warning")]
    if by["info"]:
        parts.append(f"{by['info']} info")
    files = len({d.path for d in diagnostics})
    return (f"{_count(len(diagnostics), 'problem')} ({', '.join(parts)}) in {_count(files, 'file')}"
            f" ({report.files_checked} checked){tail}")


def fixable(report: Any) -> str:
    """'N fixable with --fix (M more with --unsafe-fixes)', or '' when nothing is."""
    safe = sum(1 for d in report.diagnostics if d.fix is not None and d.fix.safe)
    unsafe = sum(1 for d in report.diagnostics if d.fix is not None and not d.fix.safe)
    if not safe and not unsafe:
        return ""
    return f"{safe} fixable with --fix" + (f" ({unsafe} more with --unsafe-fixes)" if unsafe else "")


def _marker(d: Any) -> str:
    if d.fix is None:
        return ""
    return " (fix)" if d.fix.safe else " (unsafe fix)"


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_COLORS[style]}m{text}\x1b[0m" if color else text


def _source(report: Any, d: Any, color: bool) -> str:
    lines = report.sources.get(d.path, "").splitlines()
    if not 0 < d.line <= len(lines):
        return ""
    line = lines[d.line - 1].replace("\t", " ")
    start = max(0, d.column - 1 - _WINDOW // 2) if len(line) > _WINDOW else 0
    shown = line[start:start + _WINDOW]
    width = (d.end_column - d.column) if d.end_line == d.line else len(line) - d.column + 1
    caret = " " * (d.column - 1 - start) + "^" * max(1, min(width, _WINDOW - (d.column - 1 - start)))
    gutter = f"{d.line:>5} | "
    return (_paint(gutter, "dim", color) + ("…" if start else "") + shown + "\n"
            + _paint(" " * 5 + " | ", "dim", color) + (" " if start else "") + _paint(caret, "caret", color) + "\n")


def write(report: Any, out: TextIO, quiet: bool = False, color: bool = False, show_source: bool = False,
          **_: Any) -> None:
    from . import rule_links

    links = rule_links(report) if show_source else {}
    for d in report.diagnostics:
        where = _paint(f"{d.path}:{d.line}:{d.column}:", "bold", color)
        out.write(f"{where} {_paint(d.severity, d.severity, color)} [{d.rule}] {d.message}{_marker(d)}\n")
        if show_source:
            out.write(_source(report, d, color))
            if d.rule in links:
                out.write(_paint(" " * 5 + " = ", "dim", color) + f"docs: {links[d.rule]}\n")
    if not quiet:
        out.write(summary(report) + "\n")
        hint = fixable(report)
        if hint:
            out.write(hint + "\n")
