"""GitHub Actions workflow commands: annotations on the pull request's files.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""
from __future__ import annotations

from typing import Any, TextIO

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def write(report: Any, out: TextIO, **_: Any) -> None:
    for d in report.diagnostics:
        props = (f"file={_property(d.path)},line={d.line},col={d.column},"
                 f"endLine={d.end_line},endColumn={d.end_column},title={_property(d.rule)}")
        out.write(f"::{LEVELS[d.severity]} {props}::{_data(d.message)}\n")
