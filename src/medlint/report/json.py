"""JSON: an array of diagnostics, the contract other tools parse.

Each object has exactly the keys ``path``, ``line``, ``column``,
``end_line``, ``end_column``, ``rule``, ``severity``, ``message`` and
``fix`` (null or ``{"replacement", "start": {"line", "column"}, "end": {...}}``).
One diagnostic per line: readable, easy to grep, and written by the json
module's C encoder (an indented dump of 30,000 diagnostics takes seconds).
"""
from __future__ import annotations

import json
from typing import Any, TextIO


def write(report: Any, out: TextIO, **_: Any) -> None:
    items = [json.dumps(d.to_json(), ensure_ascii=False) for d in report.diagnostics]
    out.write("[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n")
