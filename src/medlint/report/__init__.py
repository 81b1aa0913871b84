"""Output formats, one module each, imported only when chosen."""
from __future__ import annotations

import importlib
from typing import Any, TextIO

FORMATS = {
    "text": "medlint.report.text",
    "json": "medlint.report.json",
}


def write_report(fmt: str, report: Any, out: TextIO, **options: Any) -> None:
    importlib.import_module(FORMATS[fmt]).write(report, out, **options)
