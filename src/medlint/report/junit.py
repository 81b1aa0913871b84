"""JUnit XML: one test case per checked file, failing with its problems.

Understood by GitLab's and Jenkins' test report views and most CI systems.
"""
from __future__ import annotations

from typing import Any, TextIO
from xml.sax.saxutils import quoteattr, escape


def write(report: Any, out: TextIO, **_: Any) -> None:
    by_file: dict[str, list[Any]] = {path: [] for path in report.files}
    for d in report.diagnostics:
        by_file.setdefault(d.path, []).append(d)
    failures = sum(1 for problems in by_file.values() if problems)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name="medlint" tests="{len(by_file)}" failures="{failures}" errors="0">\n')
    out.write(f'  <testsuite name="medlint" tests="{len(by_file)}" failures="{failures}" errors="0" skipped="0">\n')
    for path, problems in by_file.items():
        out.write(f'    <testcase classname="medlint" name={quoteattr(path)} file={quoteattr(path)}>\n')
        if problems:
            summary = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
            body = "\n".join(f"{d.line}:{d.column}: {d.severity} [{d.rule}] {d.message}" for d in problems)
            out.write(f'      <failure message={quoteattr(summary)} type="medlint">{escape(body)}</failure>\n')
        out.write("    </testcase>\n")
    out.write("  </testsuite>\n</testsuites>\n")
