"""Helpers the test modules share: fixture paths, parsing a snippet, running one rule on it."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from medlint.config import Config
from medlint.document import Document
from medlint.kinds import load_kind
from medlint.pipeline import Run
from medlint.ruleset import Rule, RuleSet, Setting

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


def doc(text: str, path: str = "x.md") -> Document:
    return Document.from_text(text, path)


def prose_words(document: Document) -> list[str]:
    return document.prose.split()


def run_rule(kind: str, options: dict[str, Any], text: str, path: str = "x.md", message: str = "{match}") -> list[Any]:
    """Run one rule definition on a snippet, as a run would. A ``check`` key in
    *options* stands for the rule file's top-level ``check:``."""
    options = dict(options)
    check = options.pop("check", None)
    rule = Rule(id="t", kind=kind, check=check, severity="warning", message=message,
                options={**load_kind(kind).DEFAULTS, **options})
    cfg = Config(root=Path.cwd().resolve())
    ruleset = RuleSet([rule], {"t": Setting(enabled=True)}, [], context=cfg.build_context())
    diagnostics, errors = Run(cfg, ruleset=ruleset).lint_document(text, path)
    assert not errors
    return diagnostics
