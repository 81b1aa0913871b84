"""The project boundary: files that options, rule_paths and caches name stay inside
the config's folder (after resolving symlinks), wherever medlint runs from."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint import lint_text
from medlint.cli import main
from medlint.errors import ConfigError

SECRET = "root:x:0:0:secret-content\n"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file outside the project, with content that must never be printed."""
    path = tmp_path / "elsewhere" / "passwd"
    path.parent.mkdir()
    path.write_text(SECRET)
    return path


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with no config marker above it (no .git, no config)."""
    root = tmp_path / "project"
    root.mkdir()
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("option", ["schema_file", "vocabulary", "limits"])
@pytest.mark.parametrize("how", ["absolute", "relative", "symlink"])
def test_option_files_stay_inside(project: Path, outside: Path, option: str, how: str) -> None:
    name = {"absolute": str(outside), "relative": os.path.relpath(outside, project), "symlink": "inside.txt"}[how]
    if how == "symlink":
        (project / "inside.txt").symlink_to(outside)
    rule = {"schema_file": "frontmatter-schema", "vocabulary": "spelling", "limits": "dose-above-upper-limit"}[option]
    value = [name] if option == "vocabulary" else name
    (project / ".medlint.yaml").write_text(json.dumps({"rules": {rule: {"options": {option: value}}}}))
    (project / "a.md").write_text("---\ntitle: x\n---\nText.\n")
    result = CliRunner().invoke(main, ["check", "a.md"])
    assert result.exit_code == 2
    assert "is outside the project folder" in result.stderr
    assert "secret-content" not in result.stdout + result.stderr


def test_rule_paths_stay_inside(project: Path, outside: Path) -> None:
    (outside.parent / "evil.yaml").write_text("id: evil\nkind: pattern\nseverity: error\nmessage: m\noptions: {tokens: [Text]}\n")
    (project / ".medlint.yaml").write_text("rule_paths: ['../elsewhere']\n")
    with pytest.raises(ConfigError, match=r"rule_paths\[0\]: \.\./elsewhere is outside the project folder"):
        lint_text("Text.\n", config=project / ".medlint.yaml")
    (project / "rules").mkdir()
    (project / "rules" / "evil.yaml").symlink_to(outside.parent / "evil.yaml")
    (project / ".medlint.yaml").write_text("rule_paths: [rules]\n")
    with pytest.raises(ConfigError, match="this rule file is outside the project folder"):
        lint_text("Text.\n", config=project / ".medlint.yaml")


def test_the_doi_cache_lives_in_the_cache_folder_only(project: Path) -> None:
    (project / ".medlint.yaml").write_text("rules: {doi-unresolved: {options: {cache: ../../x.json}}}\n")
    with pytest.raises(ConfigError, match="unknown key 'cache'"):
        lint_text("x", config=project / ".medlint.yaml")
    (project / ".medlint.yaml").write_text("rules: {doi-unresolved: {options: {resolver: 'http://127.0.0.1:9', timeout: 0.2}}}\n")
    lint_text("doi:10.1136/bmj.m1966\n", config=project / ".medlint.yaml", online=True, cache=True)
    written = sorted(str(p.relative_to(project)) for p in project.rglob("*") if p.is_file())
    assert all(p.startswith(".medlint_cache/") or p == ".medlint.yaml" for p in written), written
