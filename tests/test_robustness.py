"""Any input: no exception escapes, and every position lies inside the file and on its text."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medlint.config import Config
from medlint.document import Document
from medlint.pipeline import Run
from medlint.site.index import SiteIndex
from robust_pieces import PIECES

CFG = Config(root=Path(__file__).parent)
RULESET = CFG.ruleset()
_RUNS: dict[int, Run] = {}


def check_text(text: str, path: str, site: SiteIndex) -> tuple[list, list]:
    run = _RUNS.setdefault(id(site), Run(CFG, ruleset=RULESET, site=site))
    return run.lint_document(text, path)


@pytest.fixture(scope="module")
def empty_site(tmp_path_factory: pytest.TempPathFactory) -> SiteIndex:
    return SiteIndex(tmp_path_factory.mktemp("site"))


documents = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=40).map("".join)
formats = st.sampled_from(["x.md", "x.html", "x.txt"])


def check_positions(text: str, path: str, site: SiteIndex) -> None:
    doc = Document.from_text(text, path)
    diagnostics, errors = check_text(text, path, site)
    assert not errors, errors
    lines = doc.line_starts
    for d in diagnostics:
        assert 1 <= d.line <= len(lines) and 1 <= d.end_line <= len(lines)
        assert (d.line, d.column) <= (d.end_line, d.end_column)
        for line, column in ((d.line, d.column), (d.end_line, d.end_column)):
            assert 1 <= column <= len(doc.line_text(line)) + 1, (d, doc.line_text(line))
        quoted = re.match(r"[^']*'([^']+)'", d.message)
        if quoted and d.rule in ("sensational-language", "spelling") and d.line == d.end_line:
            start = lines[d.line - 1] + d.column - 1
            shown = " ".join(text[start:lines[d.end_line - 1] + d.end_column - 1].split())
            assert shown.lower() == quoted.group(1).lower(), (d, shown)


@pytest.mark.slow
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=documents, path=formats)
def test_documents_of_broken_pieces(text: str, path: str, empty_site: SiteIndex) -> None:
    check_positions(text, path, empty_site)


@pytest.mark.slow
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), path=formats)
def test_arbitrary_unicode(text: str, path: str, empty_site: SiteIndex) -> None:
    check_positions(text, path, empty_site)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_through_the_reader(data: bytes, tmp_path: Path) -> None:
    from medlint.errors import FileError, Skipped
    from medlint.files import read_text

    path = tmp_path / "x.md"
    path.write_bytes(data)
    try:
        text, _ = read_text(str(path), 10_000)
    except (Skipped, FileError) as problem:
        assert str(problem).startswith(str(path))
        return
    check_positions(text, "x.md", SiteIndex(tmp_path))


@pytest.mark.parametrize("front", [
    "---\na: " + "[" * 5000 + "]" * 5000 + "\n---\nbody",
    "---\n" + "".join(" " * i + "a:\n" for i in range(0, 2000, 2)) + "---\nbody",
    '{"a": ' + "[" * 5000 + "]" * 5000 + "}\nbody",
    "+++\na = " + "[" * 5000 + "]" * 5000 + "\n+++\nbody",
    "---\n" + "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}" if i else "*a"] * 50) + "]\n" for i in range(40)) + "---\nbody",
])
def test_hostile_front_matter_is_an_error_not_a_crash(front: str) -> None:
    # Run in a child process: a libyaml crash would kill the interpreter, not raise.
    code = ("import sys; from medlint.document import Document; "
            "d = Document.from_text(sys.stdin.read(), 'x.md'); print(d.front_matter.error or 'no error')")
    proc = subprocess.run([sys.executable, "-c", code], input=front, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert "front matter" in proc.stdout


def test_catastrophic_user_regex_is_stopped(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import medlint.fastre as fastre
    from click.testing import CliRunner
    from medlint.cli import main

    monkeypatch.setattr(fastre, "REGEX_TIMEOUT", 0.5)
    monkeypatch.setattr(fastre, "REGEX_SECONDS_PER_MB", 0.0)
    rules = isolated / "rules"
    rules.mkdir()
    (rules / "slow.yaml").write_text("id: slow\nkind: pattern\nseverity: error\nmessage: m\noptions:\n"
                                     "  scope: raw\n  patterns: ['(a+)+$']\n")
    (isolated / ".medlint.yaml").write_text("extends: none\nrule_paths: [rules]\n")
    (isolated / "long.md").write_text("a" * 5000 + "!\n")
    (isolated / "fine.md").write_text("aaa\n")
    start = time.perf_counter()
    result = CliRunner().invoke(main, ["check", "long.md", "fine.md"])
    assert time.perf_counter() - start < 30
    assert result.exit_code == 2
    assert "long.md: rule 'slow' (" in result.stderr and "rules/slow.yaml): pattern '(?:(a+)+$)' took longer than" in result.stderr
    assert "fine.md:1:1: error [slow]" in result.stdout  # the other file is still checked


def test_rule_options_cannot_read_outside_the_project(isolated: Path) -> None:
    from medlint import lint_text
    from medlint.errors import ConfigError

    (isolated / ".git").mkdir()
    with pytest.raises(ConfigError, match="outside the project folder"):
        lint_text("x", config={"rules": {"spelling": {"options": {"vocabulary": ["/etc/hostname"]}}}})
    with pytest.raises(ConfigError, match="outside the project folder"):
        lint_text("x", config={"rules": {"dose-above-upper-limit": {"options": {"limits": "../../limits.yaml"}}}})


def test_no_write_without_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins
    import shutil

    from medlint import lint_paths
    from helpers import FIXTURES

    tree = tmp_path / "tree"
    shutil.copytree(FIXTURES, tree)
    for root, dirs, files in os.walk(tree):
        for name in files:
            os.chmod(os.path.join(root, name), 0o444)
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o555)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tree.rglob("*") if p.is_file()}
    real_open = builtins.open

    def read_only_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        assert not any(c in mode for c in "wax+"), f"opened {file} with mode {mode}"
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", read_only_open)
    monkeypatch.chdir(tree)
    report = lint_paths(["."])
    assert report.files_checked > 5
    monkeypatch.setattr(builtins, "open", real_open)
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tree.rglob("*") if p.is_file()}
    assert after == before
    for root, dirs, _ in os.walk(tree):
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o755)


def test_interrupted_write_leaves_the_original(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from medlint import lint_paths

    path = isolated / "a.md"
    original = "[x](http://dx.doi.org/10.1136/bmj.m1966)\n"
    path.write_text(original)

    def fail(*args: object) -> None:
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="simulated"):
        lint_paths([str(path)], fix=True, select=["doi-resolver"])
    assert path.read_text() == original
    assert [p.name for p in isolated.iterdir()] == ["a.md"]  # no temporary file left


def test_two_processes_fixing_the_same_tree(isolated: Path) -> None:
    for i in range(40):
        (isolated / f"p{i}.md").write_text(f"Page {i}: [x](http://dx.doi.org/10.1136/bmj.m{i}) and .5 mg of the drug.\n" * 20)
    command = [sys.executable, "-m", "medlint", "check", "--fix", "--select", "doi-resolver,dose-notation", "."]
    procs = [subprocess.Popen(command, cwd=isolated, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for proc in procs:
        proc.communicate(timeout=300)
    for i in range(40):
        assert (isolated / f"p{i}.md").read_text() == f"Page {i}: [x](https://doi.org/10.1136/bmj.m{i}) and 0.5 mg of the drug.\n" * 20
    assert not list(isolated.glob(".medlint-*"))


def test_debug_shows_a_traceback(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    import medlint.pipeline
    from medlint.cli import main

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(medlint.pipeline, "lint_paths", broken)
    (isolated / "a.md").write_text("x")
    quiet = CliRunner().invoke(main, ["check", "a.md"])
    assert quiet.exit_code == 2 and quiet.stderr.strip() == "medlint: internal error: RuntimeError: boom (run with --debug for a traceback)"
    loud = CliRunner().invoke(main, ["check", "--debug", "a.md"])
    assert isinstance(loud.exception, RuntimeError)
