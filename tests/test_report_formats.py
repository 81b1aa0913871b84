"""Machine formats: GitHub annotations, SARIF (validated), GitLab Code Quality, JUnit; text extras."""
from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint.cli import main
from helpers import FIXTURES

#: sensational-language is the canonical example rule of these tests (in the default preset since issue 16;
#: turning it on keeps them independent of which preset it is in).
HYPE_ON = "rules: {sensational-language: on}\n"

SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env)


@pytest.fixture
def site(isolated: Path) -> Path:
    shutil.copytree(FIXTURES / "site", isolated / "site")
    (isolated / ".medlint.yaml").write_text(HYPE_ON)
    (isolated / "site" / "refs.md").write_text("[x](http://dx.doi.org/10.1136/bmj.m1966)\nA miracle, 100%: done\n")
    return isolated / "site"


def test_github_annotations(site: Path) -> None:
    out = run("check", "--format", "github", "site").stdout.splitlines()
    assert "::warning file=site/posts/hype.md,line=5,col=3,endLine=5,endColumn=17,title=sensational-language::Sensational wording 'groundbreaking': say what the evidence shows instead" in out
    assert any(line.startswith("::error file=site/posts/broken-front.md,line=2,col=17,") for line in out)
    assert any(line.startswith("::notice file=site/refs.md,line=1,col=5,") for line in out)


def test_github_chosen_automatically_in_actions(site: Path) -> None:
    assert run("check", "site", env={"GITHUB_ACTIONS": "true"}).stdout.startswith("::")
    assert run("check", "--format", "text", "site", env={"GITHUB_ACTIONS": "true"}).stdout.startswith("site/")


def test_github_escapes_special_characters() -> None:
    from medlint.report.github import _data, _property

    assert _data("50% done\nnext") == "50%25 done%0Anext"
    assert _property("a,b:c") == "a%2Cb%3Ac"


def test_sarif_validates_against_the_official_schema(site: Path) -> None:
    from jsonschema import Draft4Validator

    log = json.loads(run("check", "--format", "sarif", "site").stdout)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=str)
    assert errors == []
    run_ = log["runs"][0]
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert {"sensational-language", "doi-malformed", "link-broken"} <= set(rules)
    assert rules["doi-resolver"]["defaultConfiguration"]["level"] == "note"
    assert rules["sensational-language"]["shortDescription"]["text"] == "Hype and absolute claims in health writing."
    result = next(r for r in run_["results"] if r["ruleId"] == "doi-resolver")
    assert result["level"] == "note"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 5, "endLine": 1, "endColumn": 23}
    assert run_["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "doi-resolver"
    assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "https://doi.org/"


def test_gitlab_code_quality_with_stable_fingerprints(site: Path) -> None:
    issues = json.loads(run("check", "--format", "gitlab", "site").stdout)
    hype = next(i for i in issues if i["location"]["path"] == "site/posts/hype.md" and i["location"]["lines"]["begin"] == 5)
    assert set(hype) == {"type", "description", "check_name", "fingerprint", "severity", "categories", "location"}
    assert hype["check_name"] == "sensational-language" and hype["severity"] == "minor"
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    # Adding lines above a problem keeps its fingerprint.
    post = site / "posts" / "hype.md"
    post.write_text(post.read_text().replace("A groundbreaking", "New line.\n\nA groundbreaking"))
    again = json.loads(run("check", "--format", "gitlab", "site").stdout)
    moved = next(i for i in again if i["description"] == hype["description"])
    assert moved["location"]["lines"]["begin"] == 7 and moved["fingerprint"] == hype["fingerprint"]


def test_junit_one_case_per_file(site: Path) -> None:
    root = ET.fromstring(run("check", "--format", "junit", "--fail-on", "warning", "site").stdout)
    suite = root.find("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert set(cases) == {"site/drafts/draft.md", "site/notes.txt", "site/page.html", "site/posts/broken-front.md",
                          "site/posts/hype.md", "site/refs.md"}
    assert cases["site/notes.txt"].find("failure") is None
    failure = cases["site/posts/hype.md"].find("failure")
    assert failure.get("message") == "2 problems" and "5:3: warning [sensational-language]" in failure.text
    assert suite.get("tests") == "6" and suite.get("failures") == "5"


def test_junit_problems_below_fail_on_are_not_failures(site: Path) -> None:
    """As the exit code: with the default --fail-on error, a file with only warnings passes,
    its warnings listed in system-out; an unreadable file is an error, not a failure."""
    (site / "utf16.md").write_bytes("A miracle".encode("utf-16"))
    root = ET.fromstring(run("check", "--format", "junit", "site").stdout)
    suite = root.find("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    hype = cases["site/posts/hype.md"]
    assert hype.find("failure") is None and "5:3: warning [sensational-language]" in hype.find("system-out").text
    assert cases["site/posts/broken-front.md"].find("failure") is not None  # an error fails
    error = cases["site/utf16.md"].find("error")
    assert error.get("type") == "io-error" and "UTF-16" in error.get("message")
    assert suite.get("failures") == "1" and suite.get("errors") == "1" and suite.get("tests") == "7"


def test_text_colour_and_source(site: Path) -> None:
    plain = run("check", "--color", "never", "--show-source", "site/refs.md").stdout
    assert "    1 | [x](http://dx.doi.org/10.1136/bmj.m1966)\n      |     ^^^^^^^^^^^^^^^^^^\n" in plain
    coloured = run("check", "--color", "always", "site/refs.md").stdout
    assert "\x1b[36minfo\x1b[0m" in coloured
    assert "\x1b[" not in run("check", "--color", "auto", "site/refs.md", env={"NO_COLOR": "1"}).stdout
    assert "|" not in run("check", "--no-show-source", "site/refs.md").stdout.split("\n")[0]


def test_stdin_with_filename(isolated: Path) -> None:
    (isolated / ".medlint.yaml").write_text(HYPE_ON)
    result = CliRunner().invoke(main, ["check", "-", "--stdin-filename", "notes/page.html"], input="<p>A miracle</p>")
    assert result.exit_code == 0
    assert result.stdout.startswith("notes/page.html:1:6: warning [sensational-language]")


def test_stdin_fix_prints_the_fixed_text(isolated: Path) -> None:
    """Format-on-save: the fixed document on standard output, what is left on standard error."""
    source = "See http://dx.doi.org/10.1136/bmj.m1966 for a miracle.\n"
    (isolated / ".medlint.yaml").write_text("rules: {sensational-language: on}\n")  # the example rule (turned on: independent of its preset)
    result = CliRunner().invoke(main, ["check", "-", "--fix", "--stdin-filename", "a.md"], input=source)
    assert result.stdout == "See https://doi.org/10.1136/bmj.m1966 for a miracle.\n"
    assert "a.md:1:45: warning [sensational-language]" in result.stderr and "doi-resolver" not in result.stderr
    assert result.exit_code == 0
    untouched = CliRunner().invoke(main, ["check", "-", "--fix", "-q"], input="Nothing to fix.\n")
    assert untouched.stdout == "Nothing to fix.\n" and untouched.exit_code == 0


def test_init_writes_a_valid_config(isolated: Path) -> None:
    result = run("init")
    assert result.exit_code == 0 and (isolated / ".medlint.yaml").exists()
    assert run("rules").exit_code == 0  # the written config loads
    assert run("init").exit_code == 2
    assert run("init", "--force").exit_code == 0


def test_statistics_counts_per_rule_and_groups_broken_targets(isolated: Path) -> None:
    """--statistics: counts per rule instead of the list, then the broken link targets
    grouped into patterns, so a migrated site's bulk breaks are one line."""
    content = isolated / "content"
    (content / "posts").mkdir(parents=True)
    for slug in ("alpha", "beta", "gamma"):
        (content / "posts" / f"{slug}.md").write_text(
            f"---\ntitle: {slug}\n---\nSee [tag](/tags/{slug}-x.html) and [other](/tags/{slug}-y.html).\n"
            "Teh end.\n")
    result = run("check", "--statistics", "content")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["count", "rule", "severity", "pages", "fixable"]
    assert lines[1].split() == ["6", "link-broken", "error", "3"]
    assert lines[2].split() == ["3", "spelling", "warning", "3", "3"]
    assert lines[3].split()[:2] == ["9", "in"]
    assert "6 links on 3 pages  [link-broken] /tags/*.html" in result.stdout
    assert not any(":1:" in line for line in lines)  # no list of findings


def test_statistics_counts_unreadable_files_and_says_why_on_stderr(isolated: Path) -> None:
    """A file that cannot be read is an io-error row; the totals count it among the files
    (not 'in 2 of 1 files') and the reason, which the table does not show, goes to stderr."""
    content = isolated / "content"
    content.mkdir()
    (content / "a.md").write_text("See [x](nope.md).\n")
    (content / "b.md").write_bytes(b"\xff\xfe b\x00a\x00d\x00")
    result = run("check", "--statistics", "content")
    assert result.exit_code == 2
    total = [line for line in result.stdout.splitlines() if " in " in line][-1]
    assert total.split()[1:] == ["in", "2", "of", "2", "files", "(1", "checked)"]
    assert "content/b.md: is UTF-16" in result.stderr
