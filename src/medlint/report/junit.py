"""JUnit XML: one test case per checked file.

Understood by GitLab's and Jenkins' test report views and most CI systems. A
test case fails with the problems at or above ``--fail-on`` (the ones that
make the exit code 1); problems below it are listed in the case's
``system-out`` and do not fail it. A file that could not be read is an
``error`` (the test could not run); one skipped on purpose (binary, larger
than ``max_file_size``) is ``skipped``.
"""
from __future__ import annotations

from typing import Any, TextIO
from xml.sax.saxutils import quoteattr, escape

from ..diagnostic import FAIL_LEVELS, SEVERITY_RANK
from ..outcome import IO_ERROR


def _lines(problems: list[Any]) -> str:
    return "\n".join(f"{d.line}:{d.column}: {d.severity} [{d.rule}] {d.message}" for d in problems)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def write(report: Any, out: TextIO, fail_on: str = "error", **_: Any) -> None:
    rank = FAIL_LEVELS[fail_on]
    by_file: dict[str, list[Any]] = {path: [] for path in report.files}
    for d in report.diagnostics:
        by_file.setdefault(d.path, []).append(d)
    cases = []
    for path, problems in by_file.items():
        io = [d for d in problems if d.rule == IO_ERROR]
        failing = [d for d in problems if d.rule != IO_ERROR and SEVERITY_RANK[d.severity] <= rank]
        passing = [d for d in problems if d.rule != IO_ERROR and d not in failing]
        cases.append((path, io, failing, passing))
    errors = sum(1 for _, io, _, _ in cases if any(d.severity == "error" for d in io))
    skipped = sum(1 for _, io, _, _ in cases if io and all(d.severity != "error" for d in io))
    failures = sum(1 for _, io, failing, _ in cases if failing and not io)
    counts = f'tests="{len(cases)}" failures="{failures}" errors="{errors}"'
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name="medlint" {counts}>\n')
    out.write(f'  <testsuite name="medlint" {counts} skipped="{skipped}">\n')
    for path, io, failing, passing in cases:
        out.write(f'    <testcase classname="medlint" name={quoteattr(path)} file={quoteattr(path)}>\n')
        if io:
            tag = "error" if any(d.severity == "error" for d in io) else "skipped"
            message = "; ".join(d.message for d in io)
            out.write(f'      <{tag} message={quoteattr(message)} type="{IO_ERROR}">{escape(_lines(io))}</{tag}>\n')
        elif failing:
            summary = _plural(len(failing), "problem")
            body = escape(_lines(failing))
            out.write(f'      <failure message={quoteattr(summary)} type="medlint">{body}</failure>\n')
        if passing:
            out.write(f"      <system-out>{escape(_lines(passing))}</system-out>\n")
        out.write("    </testcase>\n")
    out.write("  </testsuite>\n</testsuites>\n")
