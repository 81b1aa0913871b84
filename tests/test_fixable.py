"""Fixable is visible: the text output marks findings with a fix and counts them, 'rules' and
'explain' say whether a rule fixes, and JSON says whether a fix is safe."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint.cli import main
from medlint.config import Config
from medlint.pipeline import Run
from medlint.ruleset import RuleSet, Setting, bundled_rules_dir, fixes_of, load_rules
from medlint.selftest import _example

BUNDLED, _ = load_rules([(bundled_rules_dir(), True)])
SOURCE = "[x](http://dx.doi.org/10.1136/bmj.m1966)\n\nA miracle. Teh speling.\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("rule", BUNDLED, ids=lambda r: r.id)
def test_declared_fixes_match_what_the_rule_does(rule) -> None:
    """A kind's FIXES is a declaration: the fixes a rule's own examples produce must agree with it."""
    cfg = Config(root=Path.cwd().resolve())
    checker = Run(cfg, ruleset=RuleSet([rule], {rule.id: Setting(enabled=True)}, [], context=cfg.build_context()))
    declared = fixes_of(rule)
    for item in rule.examples.get("flag", []):
        text, path = _example(item)
        if rule.kind == "links":
            continue  # needs a site; links offer no fixes
        for d in checker.lint_document(text, path)[0]:
            if d.fix is not None:
                assert declared == ("safe" if d.fix.safe else "unsafe"), (rule.id, text)


def test_text_marks_fixable_findings_and_counts_them(isolated: Path) -> None:
    (isolated / "a.md").write_text(SOURCE)
    (isolated / ".medlint.yaml").write_text("rules: {sensational-language: on}\n")  # the example rule (turned on: independent of its preset)
    lines = run("check", "a.md").stdout.splitlines()
    assert lines[0].endswith("instead of 'http://dx.doi.org/' (fix)")
    assert lines[1].endswith("say what the evidence shows instead")  # no fix, no mark
    assert lines[2].endswith("did you mean 'The'? (unsafe fix)")
    assert lines[-1] == "1 fixable with --fix (2 more with --unsafe-fixes)"
    assert "fixable" not in run("check", "-q", "a.md").stdout


def test_json_fix_says_whether_it_is_safe(isolated: Path) -> None:
    (isolated / "a.md").write_text(SOURCE)
    (isolated / ".medlint.yaml").write_text("rules: {sensational-language: on}\n")  # the example rule (turned on: independent of its preset)
    fixes = {d["rule"]: d["fix"] for d in json.loads(run("check", "--format", "json", "a.md").stdout)}
    assert fixes["doi-resolver"] == {"replacement": "https://doi.org/", "start": {"line": 1, "column": 5},
                                     "end": {"line": 1, "column": 23}, "safe": True}
    assert fixes["spelling"]["safe"] is False and fixes["sensational-language"] is None


def test_rules_and_explain_say_whether_a_rule_fixes(isolated: Path) -> None:
    rows = {line.split()[0]: line for line in run("rules", "--all").stdout.splitlines()}
    assert rows["doi-resolver"].split()[3] == "fix"
    assert rows["spelling"].split()[3:5] == ["unsafe", "fix"]
    assert rows["person-first"].split()[3:5] == ["unsafe", "fix"]  # safe: false in its options
    assert rows["link-broken"].split()[3] == "-"
    assert "Fixes: yes, safe: 'medlint check --fix' applies it" in run("explain", "dose-notation").stdout
    assert "Fixes: no" in run("explain", "link-broken").stdout
    explained = run("explain", "spelling").stdout
    assert "Fixes: yes, unsafe" in explained and "Documentation: https://github.com/medlint/medlint#spelling" in explained
