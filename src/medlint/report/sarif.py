"""SARIF 2.1.0, for GitHub code scanning and other SARIF consumers.

One run; ``tool.driver.rules`` describes every rule in force; each result has
a region with 1-based lines and columns counted in Unicode code points
(``columnKind``), and a fix where the rule offers one.
"""
from __future__ import annotations

import json
from typing import Any, TextIO

from ..version import HOMEPAGE, __version__
from . import rule_descriptions

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/:@-._~")


def write(report: Any, out: TextIO, **_: Any) -> None:
    described = rule_descriptions(report)
    used = {d.rule for d in report.diagnostics}
    ids = sorted(set(r.id for r, _ in report.rules) | (used & set(described)))
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    rules = []
    for rule_id in ids:
        summary, description, severity = described[rule_id]
        rules.append({
            "id": rule_id,
            "shortDescription": {"text": summary},
            "fullDescription": {"text": description},
            "help": {"text": description},
            "defaultConfiguration": {"level": LEVELS[severity]},
        })
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
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    out.write(json.dumps(log, ensure_ascii=False, indent=2))
    out.write("\n")
