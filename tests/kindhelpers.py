"""Run one rule definition on a snippet, as the engine would."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from medlint.config import Config
from medlint.engine import check_text
from medlint.ruleset import Rule, RuleSet, Setting


def run_rule(kind: str, options: dict[str, Any], text: str, path: str = "x.md", message: str = "{match}") -> list[Any]:
    rule = Rule(id="t", kind=kind, severity="warning", message=message, options=options)
    ruleset = RuleSet([rule], {"t": Setting(enabled=True)}, [])
    diagnostics, errors = check_text(text, path, Config(root=Path.cwd()), ruleset)
    assert not errors
    return diagnostics
