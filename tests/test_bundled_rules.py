"""Every bundled rule is valid, documented, and passes its own examples."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint.cli import main
from medlint.ruleset import load_rule_file, rule_files
from medlint.selftest import run_examples
from helpers import REPO

RULE_FILES = rule_files(REPO / "rules")


@pytest.mark.slow
def test_the_wheel_ships_every_bundled_rule(tmp_path: Path) -> None:
    """Build the wheel as pip would and look inside: medlint/rules/*.yaml must be there
    (an editable install reads rules/ of the checkout, so only the wheel can tell)."""
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(REPO)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next(tmp_path.glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        shipped = sorted(Path(n).name for n in archive.namelist() if n.startswith("medlint/rules/") and n.endswith(".yaml"))
    assert shipped == sorted(p.name for p in RULE_FILES)
    assert {p.stem for p in RULE_FILES} >= {"sensational-language", "frontmatter-syntax"}


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.stem)
def test_bundled_rule(path: Path) -> None:
    rule = load_rule_file(path, trusted=False)  # full schema validation
    assert rule.id == path.stem, "a bundled rule's file is named after its id"
    assert len(rule.description) > 80, "the description says why it matters and how to fix it"
    if rule.online:
        # Examples would need the network; tests/test_doi_online.py covers it with a local server.
        assert not rule.examples
        return
    assert len(rule.examples.get("flag", [])) >= 3 and len(rule.examples.get("pass", [])) >= 3
    result = run_examples(rule)
    assert result.ok, [(f.expectation, f.text) for f in result.failures]


def test_test_rules_command_over_all_bundled_rules(isolated: Path) -> None:
    result = CliRunner().invoke(main, ["test-rules", str(REPO / "rules")])
    assert result.exit_code == 0, result.output
    assert f"{len(RULE_FILES)} rules, 0 failing examples" in result.output
