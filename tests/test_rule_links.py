"""Each rule links to its documentation: bundled rules to their README anchor, a rule file's
own `link` otherwise; used by SARIF helpUri, `explain` and the text output's source view."""
from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from medlint.cli import main
from medlint.ruleset import bundled_rules_dir, load_rules
from medlint.version import HOMEPAGE
from helpers import REPO


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_every_bundled_rule_links_to_an_anchor_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', readme))
    rules, _ = load_rules([(bundled_rules_dir(), True)])
    for rule in rules:
        assert rule.link == f"{HOMEPAGE}#{rule.id}"
        assert rule.id in anchors, rule.id
    assert {"io-error"} <= anchors


def test_a_rule_file_may_name_its_own_link(isolated: Path) -> None:
    (isolated / "rules").mkdir()
    (isolated / "rules" / "superfood.yaml").write_text(
        "id: no-superfood\nkind: pattern\nseverity: warning\nmessage: m\nlink: https://style.example.org/superfood\n"
        "options: {tokens: [superfood]}\n")
    (isolated / "rules" / "plain.yaml").write_text(
        "id: plain\nkind: pattern\nseverity: warning\nmessage: m\noptions: {tokens: [kale]}\n")
    (isolated / ".medlint.yaml").write_text("extends: none\nrule_paths: [rules]\n")
    (isolated / "a.md").write_text("Kale is a superfood.\n")
    assert "Documentation: https://style.example.org/superfood" in run("explain", "no-superfood").stdout
    assert "Documentation:" not in run("explain", "plain").stdout  # a user's rule: no README anchor of ours
    sarif = json.loads(run("check", "--format", "sarif", "a.md").stdout)
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["no-superfood"]["helpUri"] == "https://style.example.org/superfood"
    assert "helpUri" not in rules["plain"]
    shown = run("check", "--show-source", "--color", "never", "a.md").stdout
    assert "      = docs: https://style.example.org/superfood\n" in shown
    (isolated / "rules" / "bad.yaml").write_text("id: bad\nkind: pattern\nseverity: warning\nmessage: m\nlink: not a url\n")
    assert "link: " in run("rules").output and run("rules").exit_code == 2


def test_sarif_help_uri_of_bundled_rules(isolated: Path) -> None:
    (isolated / "a.md").write_text("A miracle.\n")
    (isolated / ".medlint.yaml").write_text("rules: {sensational-language: on}\n")  # the example rule (turned on: independent of its preset)
    sarif = json.loads(run("check", "--format", "sarif", "a.md").stdout)
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["sensational-language"]["helpUri"] == f"{HOMEPAGE}#sensational-language"
