"""Output formats, one module each, imported only when chosen.

Each module has ``write(report, out, **options)``.
"""
from __future__ import annotations

import importlib
from typing import Any, TextIO

FORMATS = {
    "text": "medlint.report.text",
    "json": "medlint.report.json",
    "github": "medlint.report.github",
    "sarif": "medlint.report.sarif",
    "gitlab": "medlint.report.gitlab",
    "junit": "medlint.report.junit",
    "html": "medlint.report.html",
}


def write_report(fmt: str, report: Any, out: TextIO, **options: Any) -> None:
    importlib.import_module(FORMATS[fmt]).write(report, out, **options)


def rule_descriptions(report: Any) -> dict[str, tuple[str, str, str]]:
    """rule id -> (summary, description, default severity), for formats that describe rules."""
    from ..suppress import META_RULES

    described = {rule.id: (rule.summary or rule.id, rule.description or rule.summary or rule.id, severity)
                 for rule, severity in report.rules}
    for rule_id, text in META_RULES.items():
        described.setdefault(rule_id, (text.split(":")[0] + ".", text, "warning"))
    return described
