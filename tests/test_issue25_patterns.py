"""Seed patterns of issue 25, reproduced in fixtures of our own: each is reported by its
new rule and by nothing else that was not reported before the new rules existed."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint.cli import main

from helpers import FIXTURES

NEW_RULES = "url-tracking,identifier-format,reference-bare-url"


def _findings(folder: Path, *extra: str) -> set[tuple[str, int, str]]:
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", "--fail-on", "never", *extra, "."])
    assert result.exit_code == 0, result.output
    return {(d["path"], d["line"], d["rule"]) for d in json.loads(result.output)}


@pytest.fixture
def pages(isolated: Path) -> Path:
    for page in (FIXTURES / "issue25").iterdir():
        shutil.copy(page, isolated / page.name)
    (isolated / ".medlint.yaml").write_text("extends: all\n")
    return isolated


def test_each_pattern_is_reported_by_its_rule_and_nothing_else_new(pages: Path) -> None:
    everything = _findings(pages)
    before = _findings(pages, "--ignore", NEW_RULES)
    assert everything - before == {
        ("wiki-page.md", 13, "url-tracking"),         # a search URL of nearly 500 characters
        ("wiki-page.md", 20, "identifier-format"),    # 'PMID:     26747333'
        ("forum-post.txt", 10, "reference-bare-url"),  # the only source: 'Learn more: <URL>'
    }
    assert before <= everything


def test_fixes_end_to_end(pages: Path) -> None:
    page = pages / "wiki-page.md"
    crlf = page.read_bytes().replace(b"\n", b"\r\n")
    page.write_bytes(crlf)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", NEW_RULES, "--fix", "--fail-on", "never", "."])
    assert result.exit_code == 0, result.output
    assert page.read_bytes() == crlf.replace(b"PMID:     26747333", b"PMID: 26747333")
    # what has no safe fix is still reported
    assert "url-tracking" in result.output and "reference-bare-url" in result.output
