"""The command line end to end: output formats, exit codes, errors, commands."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint import __version__
from medlint.cli import main
from helpers import FIXTURES

#: sensational-language is the canonical example rule of these tests (in the default preset since issue 16;
#: turning it on keeps them independent of which preset it is in).
HYPE_ON = "rules: {sensational-language: on}\n"

JSON_KEYS = ["path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "fix"]


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def site(isolated: Path) -> Path:
    shutil.copytree(FIXTURES / "site", isolated / "site")
    (isolated / ".medlint.yaml").write_text(HYPE_ON)
    return isolated / "site"


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_check_text_output_sorted_with_summary(site: Path) -> None:
    result = run("check", "site")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == [
        "site/drafts/draft.md:1:3: warning [sensational-language] Sensational wording 'breakthrough': say what the evidence shows instead",
        "site/page.html:1:12: warning [sensational-language] Sensational wording 'breakthrough': say what the evidence shows instead",
        "site/posts/broken-front.md:2:17: error [frontmatter-syntax] YAML front matter: mapping values are not allowed in this context",
        "site/posts/hype.md:5:3: warning [sensational-language] Sensational wording 'groundbreaking': say what the evidence shows instead",
        "site/posts/hype.md:7:21: warning [sensational-language] Sensational wording 'miracle cure': say what the evidence shows instead",
        "5 problems (1 error, 4 warnings) in 4 files (5 checked)",
    ]


def test_check_json_contract(site: Path) -> None:
    result = run("check", "--format", "json", "site/posts")
    data = json.loads(result.stdout)
    assert [list(d) for d in data] == [JSON_KEYS] * 3
    first = data[0]
    assert first == {
        "path": "site/posts/broken-front.md", "line": 2, "column": 17, "end_line": 2, "end_column": 28,
        "rule": "frontmatter-syntax", "severity": "error",
        "message": "YAML front matter: mapping values are not allowed in this context", "fix": None,
    }


def test_fail_on_levels(site: Path) -> None:
    assert run("check", "site/drafts").exit_code == 0  # only a warning
    assert run("check", "--fail-on", "warning", "site/drafts").exit_code == 1
    assert run("check", "--fail-on", "never", "site").exit_code == 0
    assert run("check", "--fail-on", "info", "site/notes.txt").exit_code == 0


def test_select_and_ignore(site: Path) -> None:
    only = run("check", "--format", "json", "--select", "frontmatter-syntax", "site")
    assert {d["rule"] for d in json.loads(only.stdout)} == {"frontmatter-syntax"}
    none = run("check", "--format", "json", "--ignore", "frontmatter-syntax,sensational-language", "site")
    assert json.loads(none.stdout) == [] and none.exit_code == 0
    bad = run("check", "--select", "no-such-rule", "site")
    assert bad.exit_code == 2 and "--select: unknown rule 'no-such-rule' (see medlint rules)" in bad.stderr


def test_exclude(site: Path) -> None:
    result = run("check", "--exclude", "**/posts/**", "--exclude", "drafts/**", "site")
    assert "posts" not in result.stdout and "drafts" not in result.stdout and "page.html" in result.stdout


def test_quiet_prints_diagnostics_only(site: Path) -> None:
    result = run("check", "-q", "site/posts/hype.md")
    assert result.stdout.count("\n") == 2 and "problems" not in result.stdout


def test_clean_tree_exits_zero(isolated: Path) -> None:
    shutil.copytree(FIXTURES / "clean", isolated / "clean")
    result = run("check", "clean")
    assert result.exit_code == 0 and result.stdout == "No problems in 5 files\n"


def test_default_path_is_current_folder(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site)
    result = run("check", "--format", "json")
    assert {d["path"] for d in json.loads(result.stdout)} >= {"posts/hype.md", "page.html"}


@pytest.mark.slow  # a 5 MB line
def test_bad_input_is_reported_and_others_still_checked(isolated: Path) -> None:
    (isolated / "good.md").write_text("A miracle.")
    (isolated / ".medlint.yaml").write_text(HYPE_ON)
    (isolated / "binary.md").write_bytes(b"\0\1\2")
    (isolated / "latin1.md").write_bytes(b"caf\xe9")
    (isolated / "empty.md").write_text("")
    (isolated / "long.md").write_text("word " * 1_000_000 + "miracle")
    result = run("check", ".", "missing.md")
    assert result.exit_code == 2
    assert "good.md:1:3: warning [sensational-language]" in result.stdout
    assert "long.md:1:5000001: warning" in result.stdout
    # Files that could not be read are io-error findings, in the output rather than beside it.
    assert "binary.md:1:1: warning [io-error] skipped: binary file (contains NUL bytes)" in result.stdout
    assert "latin1.md:1:1: error [io-error] not valid UTF-8 (byte 0xE9 at column 4)" in result.stdout
    assert "missing.md:1:1: error [io-error] no such file or directory" in result.stdout
    assert "io-error" not in result.stderr and "missing.md" not in result.stderr  # said once
    json_run = run("check", "--format", "json", ".", "missing.md")
    assert json_run.exit_code == 2
    assert "latin1.md:1: not valid UTF-8 (byte 0xE9 at column 4)" in json_run.stderr  # stdout is for machines
    assert {(d["path"], d["severity"]) for d in json.loads(json_run.stdout) if d["rule"] == "io-error"} == {
        ("binary.md", "warning"), ("latin1.md", "error"), ("missing.md", "error")}
    assert "Traceback" not in result.output


def test_oversized_file_is_skipped_with_notice(isolated: Path) -> None:
    (isolated / ".medlint.yaml").write_text("max_file_size: 100\n")
    (isolated / "big.md").write_text("x" * 200)
    result = run("check", "big.md")
    assert result.exit_code == 0  # skipped on purpose: a warning finding that never sets the exit code
    assert "big.md:1:1: warning [io-error] skipped: larger than 100 bytes" in result.stdout
    assert run("check", "--fail-on", "warning", "big.md").exit_code == 0


def test_broken_rule_file_stops_with_one_line(isolated: Path) -> None:
    (isolated / "rules").mkdir()
    (isolated / "rules" / "x.yaml").write_text("id: x\nkind: pattern\nseverity: warning\nmessage: m\noptions:\n  tokens: 3\n")
    (isolated / ".medlint.yaml").write_text("rule_paths: [rules]\n")
    (isolated / "a.md").write_text("text")
    result = run("check", "a.md")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("rules/x.yaml:6: options.tokens: expected a list")
    assert len(result.stderr.strip().splitlines()) == 1


def test_user_rule_of_each_kind_runs(isolated: Path) -> None:
    rules = isolated / "my-rules"
    rules.mkdir()
    (rules / "p.yaml").write_text("id: no-wonder\nkind: pattern\nseverity: info\nmessage: \"'{match}'\"\noptions: {tokens: [wonder]}\n")
    (rules / "s.yaml").write_text("id: use-use\nkind: substitution\nseverity: warning\nmessage: \"'{replacement}'\"\noptions: {swap: {utilize: use}}\n")
    (rules / "r.yaml").write_text("id: needs-disclaimer\nkind: required\nseverity: error\nmessage: add a disclaimer\noptions: {patterns: ['medical advice']}\n")
    (isolated / ".medlint.yaml").write_text("extends: none\nrule_paths: [my-rules]\n")
    (isolated / "a.md").write_text("A wonder to utilize.\n")
    result = run("check", "--format", "json", "a.md")
    assert [(d["rule"], d["line"], d["column"]) for d in json.loads(result.stdout)] == [
        ("needs-disclaimer", 1, 1), ("no-wonder", 1, 3), ("use-use", 1, 13),
    ]
    assert result.exit_code == 1


def test_config_option_and_bad_config(isolated: Path) -> None:
    (isolated / "cfg.yaml").write_text("rules: {sensational-language: error}\n")
    (isolated / "a.md").write_text("A miracle.")
    assert run("check", "--config", "cfg.yaml", "a.md").exit_code == 1
    (isolated / "bad.yaml").write_text("rules: [1]\n")
    result = run("check", "--config", "bad.yaml", "a.md")
    assert result.exit_code == 2 and "bad.yaml:1: rules: expected a mapping" in result.stderr
    assert run("check", "--config", "nope.yaml", "a.md").exit_code == 2


def test_rules_and_explain(isolated: Path) -> None:
    (isolated / ".medlint.yaml").write_text(HYPE_ON)
    listing = run("rules").stdout
    assert re.search(r"^sensational-language +pattern +warning +- +Hype and absolute claims", listing, re.M)
    assert re.search(r"^doi-malformed +identifiers +error +fix ", listing, re.M)
    assert "doi-unresolved" not in listing  # online only
    explained = run("explain", "sensational-language")
    assert explained.exit_code == 0
    assert explained.stdout.startswith("sensational-language (pattern, warning)")
    assert "Options:" in explained.stdout and "miracle" in explained.stdout
    assert explained.stdout.splitlines()[2].startswith("preset: default")
    person_first = run("explain", "person-first").stdout  # a rule of `all`: says how to turn it on
    assert "preset: all (runs with 'extends: all', or turn it on with 'rules: {person-first: on}')" in person_first
    assert "preset: default (runs with 'extends: default', the default)" in run("explain", "link-broken").stdout
    unknown = run("explain", "sensational-languag")
    assert unknown.exit_code == 2 and "did you mean 'sensational-language'" in unknown.stderr


def test_explain_shows_only_the_options_a_rules_check_reads(isolated: Path) -> None:
    """A kind with several checks has options for each; a rule's explanation lists its own."""
    broken = run("explain", "link-broken").stdout
    assert "ignore:" in broken and "target_patterns:" in broken and "text_patterns" not in broken
    notation = run("explain", "dose-notation").stdout
    assert "notations:" in notation and "window" not in notation and "acknowledged" not in notation
    assert "Options:" not in run("explain", "doi-malformed").stdout
    assert "run_timeout" in run("explain", "doi-unresolved").stdout


def test_rules_reflects_config(isolated: Path) -> None:
    (isolated / ".medlint.yaml").write_text("rules: {sensational-language: off}\n")
    assert "sensational-language" not in run("rules").stdout
    everything = run("rules", "--all").stdout
    assert re.search(r"^sensational-language +pattern +off ", everything, re.M)
    assert re.search(r"^doi-unresolved +identifiers +online ", everything, re.M)


def test_test_rules_on_user_files(isolated: Path) -> None:
    good = isolated / "good.yaml"
    good.write_text("id: g\nkind: pattern\nseverity: info\nmessage: m\noptions: {tokens: [wonder]}\n"
                    "examples: {flag: ['a wonder'], pass: ['a marvel']}\n")
    bad = isolated / "bad.yaml"
    bad.write_text("id: b\nkind: pattern\nseverity: info\nmessage: m\noptions: {tokens: [wonder]}\n"
                   "examples: {flag: ['a marvel'], pass: ['`wonder`', 'wonder']}\n")
    ok = run("test-rules", str(good))
    assert ok.exit_code == 0 and "ok    g: 1 flagged, 1 passing examples" in ok.stdout
    failing = run("test-rules", str(good), str(bad))
    assert failing.exit_code == 1
    assert "flag example 1 was not reported: 'a marvel'" in failing.stdout
    assert "pass example 2 was reported: 'wonder'" in failing.stdout
    assert "2 rules, 2 failing examples" in failing.stdout


def test_test_rules_reads_option_files_from_the_config_folder(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A project rule's vocabulary is relative to the config's folder, in test-rules as in
    check, also when run from a subfolder (it said 'cannot read words.txt' there)."""
    (isolated / ".medlint.yaml").write_text("rule_paths: [rules]\n")
    (isolated / "words.txt").write_text("zorblax\n")
    (isolated / "rules").mkdir()
    (isolated / "rules" / "my-spell.yaml").write_text(
        "id: my-spell\nkind: spelling\nseverity: warning\nmessage: \"Unknown word '{match}'\"\n"
        "options: {vocabulary: [words.txt]}\nexamples: {flag: ['The pathogensis.'], pass: ['The zorblax works.']}\n")
    (isolated / "sub").mkdir()
    monkeypatch.chdir(isolated / "sub")
    result = run("test-rules")
    assert result.exit_code == 0, result.output
    assert "ok    my-spell: 1 flagged, 1 passing examples" in result.stdout


def test_usage_error_exits_two() -> None:
    assert run("check", "--format", "xml").exit_code == 2
    assert run("nonsense").exit_code == 2


def test_console_script_as_users_call_it(isolated: Path) -> None:
    (isolated / "a.md").write_text("A breakthrough.\n")
    (isolated / ".medlint.yaml").write_text(HYPE_ON)
    exe = shutil.which("medlint", path=os.path.dirname(sys.executable)) or shutil.which("medlint")
    assert exe, "the medlint console script is installed"
    proc = subprocess.run([exe, "check", "a.md"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0  # warnings do not fail by default
    assert proc.stdout.startswith("a.md:1:3: warning [sensational-language]")
    module = subprocess.run([sys.executable, "-m", "medlint", "--version"], capture_output=True, text=True, check=False)
    assert module.returncode == 0 and __version__ in module.stdout


def test_explain_knows_the_ids_medlint_reports_itself(isolated: Path) -> None:
    """io-error and the suppression findings have no rule file, yet they appear in the
    output and link to the README: explain says what they are."""
    io = run("explain", "io-error")
    assert io.exit_code == 0 and io.stdout.startswith("io-error (built in") and "UTF-8" in io.stdout
    unused = run("explain", "suppression-unused")
    assert unused.exit_code == 0 and "--report-unused-suppressions" in unused.stdout
    assert run("explain", "io-eror").exit_code == 2


def test_an_output_file_that_cannot_be_written_keeps_the_main_output(isolated: Path) -> None:
    (isolated / "a.md").write_text("[p](https://doi.org/10.1136/bmj.m1966.)\n")
    result = run("check", "--output-file", "sarif=missing-folder/out.sarif", "a.md")
    assert result.exit_code == 2
    assert "a.md:1:" in result.stdout and "[doi-malformed]" in result.stdout
    assert "cannot write the sarif report" in result.stderr


def test_the_check_process_ends_without_teardown_but_with_its_output_and_exit_hooks(tmp_path: Path) -> None:
    """`medlint check` ends with os._exit once its output is flushed and the atexit
    handlers ran (issue 23: freeing a run's objects cost 40 ms of a one-file check);
    output, exit code and the hooks are those of an ordinary exit."""
    page = tmp_path / "page.md"
    page.write_text("# Dose\n\nTake 50,000 IU of vitamin D dialy.\n")
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print('hook ran', file=sys.stderr))\n"
            "from medlint.cli import main\n"
            f"sys.argv = ['medlint', 'check', '--no-cache', '--fail-on', 'warning', '--format', 'json', {str(page)!r}]\n"
            "main()\n")
    quick = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    runner = CliRunner().invoke(main, ["check", "--no-cache", "--fail-on", "warning", "--format", "json", str(page)])
    assert quick.returncode == runner.exit_code == 1
    assert json.loads(quick.stdout) == json.loads(runner.stdout) and json.loads(quick.stdout)
    assert quick.stderr.strip().splitlines()[-1] == "hook ran"
