"""JSON: an array of diagnostics, the contract other tools parse.

Each object has exactly the keys ``path``, ``line``, ``column``,
``end_line``, ``end_column``, ``rule``, ``severity``, ``message`` and
``fix`` (null or ``{"replacement", "start": {"line", "column"}, "end": {...}}``).
"""
from __future__ import annotations

import json
from typing import Any, TextIO


def write(report: Any, out: TextIO, **_: Any) -> None:
    json.dump([d.to_json() for d in report.diagnostics], out, ensure_ascii=False, indent=2)
    out.write("\n")
