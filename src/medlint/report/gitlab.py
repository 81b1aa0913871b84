"""GitLab Code Quality (a subset of the CodeClimate report format).

https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
Fingerprints are stable: they hash the file, the rule, the message and the
text of the flagged line (not its number), so a problem keeps its identity
when lines are added above it; repeats on identical lines are numbered.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any, TextIO

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def write(report: Any, out: TextIO, **_: Any) -> None:
    issues = []
    seen: dict[str, int] = {}
    for d in report.diagnostics:
        source = report.sources.get(d.path, "")
        lines = source.splitlines()
        line_text = lines[d.line - 1].strip() if 0 < d.line <= len(lines) else ""
        key = "\0".join([d.path, d.rule, d.message, line_text])
        seen[key] = seen.get(key, 0) + 1
        fingerprint = hashlib.sha256(f"{key}\0{seen[key]}".encode("utf-8")).hexdigest()
        issues.append({
            "type": "issue",
            "description": d.message,
            "check_name": d.rule,
            "fingerprint": fingerprint,
            "severity": SEVERITIES[d.severity],
            "categories": ["Style"],
            "location": {"path": d.path, "lines": {"begin": d.line, "end": d.end_line}},
        })
    out.write(json.dumps(issues, ensure_ascii=False, indent=2))
    out.write("\n")
