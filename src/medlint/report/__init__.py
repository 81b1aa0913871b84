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
#: Views that are not machine formats (``--statistics``).
VIEWS = {"statistics": "medlint.report.statistics"}


def write_report(fmt: str, report: Any, out: TextIO, **options: Any) -> None:
    importlib.import_module(FORMATS.get(fmt) or VIEWS[fmt]).write(report, out, **options)


def rule_descriptions(report: Any) -> dict[str, tuple[str, str, str]]:
    """rule id -> (summary, description, default severity), for formats that describe rules."""
    from ..outcome import IO_ERROR, IO_ERROR_TEXT
    from ..suppress import META_RULES

    described = {rule.id: (rule.summary or rule.id, rule.description or rule.summary or rule.id, severity)
                 for rule, severity in report.rules}
    for rule_id, text in META_RULES.items():
        described.setdefault(rule_id, (text.split(":")[0] + ".", text, "warning"))
    described.setdefault(IO_ERROR, (IO_ERROR_TEXT.split(":")[0] + ".", IO_ERROR_TEXT, "error"))
    return described


def rule_links(report: Any) -> dict[str, str]:
    """rule id -> the URL of its documentation (SARIF helpUri, the text output's source view)."""
    from ..outcome import IO_ERROR
    from ..suppress import META_RULES
    from ..version import HOMEPAGE

    links = {rule.id: rule.link for rule, _ in report.rules if rule.link}
    for rule_id in META_RULES:
        links.setdefault(rule_id, f"{HOMEPAGE}#suppressing-a-diagnostic")
    links.setdefault(IO_ERROR, f"{HOMEPAGE}#{IO_ERROR}")
    return links
