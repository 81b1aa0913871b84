"""The GitHub Action: its definition parses, and its medlint step runs as written."""
from __future__ import annotations

import pytest

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from helpers import FIXTURES, REPO

pytestmark = pytest.mark.slow


ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))


def test_action_shape() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"paths", "args", "sarif", "python-version"}
    steps = ACTION["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    for step in steps[1:]:
        assert step["shell"] == "bash"
        assert "${{" not in step["run"], "inputs reach scripts through env, never pasted in"


def _env_for(step: dict, inputs: dict[str, str]) -> dict[str, str]:
    def expand(value: str) -> str:
        value = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs.get(m.group(1), ACTION["inputs"][m.group(1)]["default"]), value)
        return value.replace("${{ github.action_path }}", str(REPO))
    return {k: expand(str(v)) for k, v in step.get("env", {}).items()}


def test_run_step_annotates_and_writes_sarif(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "site", tmp_path / "site")
    (tmp_path / ".medlint.yaml").write_text("rules: {sensational-language: on}\n")  # the example rule (turned on: independent of its preset)
    step = next(s for s in ACTION["runs"]["steps"] if s.get("name") == "Run medlint")
    env = {**os.environ, **_env_for(step, {"paths": "site", "sarif": "medlint.sarif", "args": "--fail-on error"})}
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env["PATH"]
    proc = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 1  # the fixture has an error-level problem
    assert "::error file=site/posts/broken-front.md,line=2,col=17," in proc.stdout
    assert "::warning file=site/posts/hype.md,line=5,col=3," in proc.stdout
    sarif = json.loads((tmp_path / "medlint.sarif").read_text())
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    # Both from one run of medlint.
    assert len(re.findall(r"^\s*medlint check\b", step["run"], re.M)) == 1


def test_run_step_without_sarif(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "site", tmp_path / "site")
    (tmp_path / ".medlint.yaml").write_text("rules: {sensational-language: on}\n")  # the example rule (turned on: independent of its preset)
    step = next(s for s in ACTION["runs"]["steps"] if s.get("name") == "Run medlint")
    env = {**os.environ, **_env_for(step, {"paths": "site/posts/hype.md"})}
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env["PATH"]
    proc = subprocess.run(["bash", "-e", "-u", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr  # warnings only
    assert "::warning file=site/posts/hype.md,line=5,col=3," in proc.stdout
    assert list(tmp_path.glob("*.sarif")) == []
