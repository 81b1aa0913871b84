"""The Python API: lint_paths and lint_text."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import medlint
from medlint.errors import ConfigError
from helpers import FIXTURES

#: sensational-language, the example rule here (in the default preset since issue 16; turned on so that the
#: tests do not depend on which preset it is in).
ON = {"rules": {"sensational-language": "on"}}


def test_lint_text_returns_diagnostics(isolated: Path) -> None:
    diags = medlint.lint_text("# Title\n\nA breakthrough and a miracle.\n", path="post.md", config=ON)
    assert [(d.path, d.line, d.column, d.rule) for d in diags] == [
        ("post.md", 3, 3, "sensational-language"), ("post.md", 3, 22, "sensational-language"),
    ]


def test_lint_text_format_follows_path(isolated: Path) -> None:
    assert medlint.lint_text("<p title='miracle'>x</p>", path="a.html", config=ON) == []
    assert len(medlint.lint_text("<p title='miracle'>x</p>", path="a.txt", config=ON)) == 1


def test_lint_paths_report(isolated: Path) -> None:
    shutil.copytree(FIXTURES / "site", isolated / "site")
    report = medlint.lint_paths(["site", "missing"], config=ON)
    assert report.files_checked == 5 and len(report) == 6
    assert [str(e) for e in report.errors] == ["missing: no such file or directory"]
    assert [(d.path, d.rule, d.severity) for d in report if d.path == "missing"] == [("missing", "io-error", "error")]
    assert [d.path for d in report][:2] == ["missing", "site/drafts/draft.md"]  # sorted by path


def test_lint_paths_with_mapping_config(isolated: Path) -> None:
    shutil.copytree(FIXTURES / "site", isolated / "site")
    report = medlint.lint_paths("site", config={"rules": {"sensational-language": "off"}})
    assert {d.rule for d in report} == {"frontmatter-syntax"}


def test_bad_config_raises(isolated: Path) -> None:
    with pytest.raises(ConfigError):
        medlint.lint_text("x", config={"rules": {"nope": "off"}})
