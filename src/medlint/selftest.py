"""Rules test themselves: each ``examples.flag`` snippet must be reported by
its rule, and each ``examples.pass`` snippet must not."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Config
from .diagnostic import Diagnostic
from .kinds import needs_site
from .pipeline import Run
from .ruleset import Rule, RuleSet, Setting
from .site.index import SiteIndex


@dataclass
class ExampleFailure:
    expectation: str  # "flag" or "pass"
    index: int
    text: str
    diagnostics: list[Diagnostic]


@dataclass
class RuleResult:
    rule: Rule
    checked: int = 0
    failures: list[ExampleFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures and self.checked > 0


def _example(item: Any) -> tuple[str, str]:
    if isinstance(item, dict):
        return item["text"], item.get("path", "example.md")
    return str(item), "example.md"


def run_examples(rule: Rule, root: Path | None = None) -> RuleResult:
    """Run one rule on its own examples, the rule on and alone; files its options name
    are read from *root*, the config's folder (default: the current folder)."""
    cfg = Config(root=(root or Path.cwd()).resolve())
    ruleset = RuleSet([rule], {rule.id: Setting(enabled=True)}, [], context=cfg.build_context())
    result = RuleResult(rule)
    with tempfile.TemporaryDirectory() as empty:
        # Link rules see a site of one page, the example itself.
        site = SiteIndex(Path(empty)) if needs_site(rule.kind, rule.check, rule.options) else None
        _check_examples(rule, Run(cfg, ruleset=ruleset, site=site), result)
    return result


def _check_examples(rule: Rule, run: Run, result: RuleResult) -> None:
    for expectation in ("flag", "pass"):
        for index, item in enumerate(rule.examples.get(expectation, [])):
            text, path = _example(item)
            diagnostics, errors = run.lint_document(text, path)
            if errors:
                raise errors[0]
            hits = [d for d in diagnostics if d.rule == rule.id]
            result.checked += 1
            if bool(hits) != (expectation == "flag"):
                result.failures.append(ExampleFailure(expectation, index, text, hits))
