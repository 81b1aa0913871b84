"""SARIF 2.1.0, for GitHub code scanning and other SARIF consumers.

One run; ``tool.driver.rules`` describes every rule in force; each result has
a region with 1-based lines and columns counted in Unicode code points
(``columnKind``), and a fix where the rule offers one.
"""
from __future__ import annotations

import json
from typing import Any, TextIO

from ..version import HOMEPAGE, __version__
from . import rule_descriptions, rule_links

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/:@-._~")


def _invocation(report: Any) -> dict[str, Any]:
    """Whether the run checked everything, with a tool notification per file it could not
    check (errors) or skipped (notices): SARIF viewers show these apart from results."""
    from ..outcome import IO_ERROR, io_message

    notifications = []
    for level, problems in (("error", report.errors), ("warning", report.notices)):
        for problem in problems:
            note: dict[str, Any] = {"level": level, "message": {"text": io_message(problem)},
                                    "descriptor": {"id": IO_ERROR}}
            if problem.path:
                note["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": _uri(problem.path)}}}]
            notifications.append(note)
    return {"executionSuccessful": not report.errors, "toolExecutionNotifications": notifications}


def write(report: Any, out: TextIO, **_: Any) -> None:
    described = rule_descriptions(report)
    links = rule_links(report)
    used = {d.rule for d in report.diagnostics}
    ids = sorted(set(r.id for r, _ in report.rules) | (used & set(described)))
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    rules = []
    for rule_id in ids:
        summary, description, severity = described[rule_id]
        entry: dict[str, Any] = {
            "id": rule_id,
            "shortDescription": {"text": summary},
            "fullDescription": {"text": description},
            "help": {"text": description},
            "defaultConfiguration": {"level": LEVELS[severity]},
        }
        if rule_id in links:
            entry["helpUri"] = links[rule_id]
        rules.append(entry)
    results = []
    for d in report.diagnostics:
        region = {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column}
        result: dict[str, Any] = {
            "ruleId": d.rule,
            "level": LEVELS[d.severity],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(d.path)}, "region": region}}],
        }
        if d.rule in index:
            result["ruleIndex"] = index[d.rule]
        if d.fix is not None:
            result["fixes"] = [{
                "description": {"text": f"Replace with '{d.fix.replacement}'" if d.fix.replacement else "Delete"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(d.path)},
                    "replacements": [{
                        "deletedRegion": {"startLine": d.fix.line, "startColumn": d.fix.column,
                                          "endLine": d.fix.end_line, "endColumn": d.fix.end_column},
                        "insertedContent": {"text": d.fix.replacement},
                    }],
                }],
            }]
        results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "medlint", "version": __version__, "semanticVersion": __version__,
                                "informationUri": HOMEPAGE, "rules": rules}},
            "invocations": [_invocation(report)],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    out.write(json.dumps(log, ensure_ascii=False, indent=2))
    out.write("\n")
