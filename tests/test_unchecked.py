"""Nothing silent: missing paths, runs that check no file (and why), and unreadable files as
io-error findings in every output format."""
from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint.cli import main

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_missing_path_is_not_summarised_as_no_problems(isolated: Path) -> None:
    result = run("check", "nothere.md")
    assert result.exit_code == 2
    assert "No problems" not in result.output
    assert result.stdout.splitlines() == ["nothere.md:1:1: error [io-error] no such file or directory",
                                          "1 problem (1 error, 0 warnings) in 1 file (0 checked)"]


def test_empty_folder_says_so(isolated: Path) -> None:
    (isolated / "empty").mkdir()
    (isolated / "empty" / "picture.png").write_bytes(b"\x89PNG")
    result = run("check", "empty")
    assert result.exit_code == 0
    assert result.stdout == "No files checked: no .htm, .html, .markdown, .md, .txt files under empty/\n"


@needs_git
def test_everything_gitignored_says_so_and_can_be_overridden(isolated: Path) -> None:
    subprocess.run(["git", "init", "-q", str(isolated)], check=True)
    (isolated / ".medlint.yaml").write_text("rules: {sensational-language: on}\n")  # the example rule (turned on: independent of its preset)
    (isolated / ".gitignore").write_text("corpus/\n")
    (isolated / "corpus").mkdir()
    for i in range(3):
        (isolated / "corpus" / f"{i}.md").write_text("A miracle.\n")
    result = run("check", "corpus")
    assert result.exit_code == 0
    assert result.stdout == ("No files checked: all 3 files under corpus/ are ignored by .gitignore "
                             "(use --no-respect-gitignore)\n")
    unignored = run("check", "--no-respect-gitignore", "corpus")
    assert "corpus/0.md:1:3: warning [sensational-language]" in unignored.stdout
    assert "(3 checked)" in unignored.stdout


def test_everything_excluded_says_so(isolated: Path) -> None:
    (isolated / "drafts").mkdir()
    (isolated / "drafts" / "a.md").write_text("A miracle.\n")
    result = run("check", "--exclude", "drafts/**", "drafts")
    assert result.stdout == "No files checked: the only file under drafts/ matches exclude patterns (drafts/**)\n"
    forced = run("check", "--exclude", "drafts/**", "--force-exclude", "drafts/a.md")
    assert forced.stdout.startswith("No files checked: drafts/a.md matches exclude patterns (drafts/**)")


def test_oversized_file_is_a_finding_and_the_summary_counts_it(isolated: Path) -> None:
    (isolated / ".medlint.yaml").write_text("max_file_size: 10\n")
    (isolated / "big.md").write_text("x" * 20)
    result = run("check", "big.md")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "big.md:1:1: warning [io-error] skipped: larger than 10 bytes (20); raise max_file_size to check it",
        "1 problem (0 errors, 1 warning) in 1 file (0 checked)"]


@pytest.fixture
def unreadable(isolated: Path) -> Path:
    (isolated / "good.md").write_text("Fine text.\n")
    (isolated / "utf16.md").write_bytes("A miracle".encode("utf-16"))
    (isolated / "latin1.md").write_bytes(b"line one\ncaf\xe9\n")
    (isolated / "binary.md").write_bytes(b"\0\1\2")
    return isolated


def test_unreadable_files_in_json(unreadable: Path) -> None:
    result = run("check", "--format", "json", ".")
    assert result.exit_code == 2  # as documented: a file that could not be checked
    found = {d["path"]: d for d in json.loads(result.stdout) if d["rule"] == "io-error"}
    assert set(found) == {"utf16.md", "latin1.md", "binary.md"}
    assert found["latin1.md"]["line"] == 2 and found["latin1.md"]["severity"] == "error"
    assert found["binary.md"]["severity"] == "warning"


def test_unreadable_files_in_github_and_gitlab(unreadable: Path) -> None:
    github = run("check", "--format", "github", ".").stdout
    assert "::error file=utf16.md,line=1,col=1,endLine=1,endColumn=1,title=io-error::is UTF-16" in github
    gitlab = json.loads(run("check", "--format", "gitlab", ".").stdout)
    assert {i["location"]["path"] for i in gitlab if i["check_name"] == "io-error"} == {"utf16.md", "latin1.md", "binary.md"}


def test_unreadable_files_in_sarif_results_and_notifications(unreadable: Path) -> None:
    from jsonschema import Draft4Validator

    log = json.loads(run("check", "--format", "sarif", ".").stdout)
    schema = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert sorted(Draft4Validator(schema).iter_errors(log), key=str) == []
    sarif_run = log["runs"][0]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif_run["results"] if r["ruleId"] == "io-error"} == {"utf16.md", "latin1.md", "binary.md"}
    rules = {r["id"]: r for r in sarif_run["tool"]["driver"]["rules"]}
    assert rules["io-error"]["helpUri"].endswith("#io-error")
    invocation = sarif_run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = {n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: n["level"]
             for n in invocation["toolExecutionNotifications"]}
    assert notes == {"utf16.md": "error", "latin1.md": "error", "binary.md": "warning"}


def test_unreadable_files_in_junit_and_text_summary(unreadable: Path) -> None:
    suite = ET.fromstring(run("check", "--format", "junit", ".").stdout).find("testsuite")
    assert suite.get("errors") == "2" and suite.get("skipped") == "1"  # the binary file is skipped on purpose
    binary = next(c for c in suite.findall("testcase") if c.get("name") == "binary.md")
    assert "binary file" in binary.find("skipped").get("message")
    text = run("check", ".").stdout
    assert text.splitlines()[-1] == "3 problems (2 errors, 1 warning) in 3 files (1 checked)"
