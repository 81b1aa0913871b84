"""--fix and --diff: safe fixes only, idempotent, atomic, encoding and endings kept."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint import lint_paths
from medlint.cli import main
from medlint.fix import apply_fixes
from medlint.diagnostic import Fix

BROKEN = ("# Refs\r\n\r\nSee [doi: 10.1111/j.1600-0404.2011.01543.x.](https://doi.org/10.1111/j.1600-0404.2011.01543.x.)\r\n"
          "and [x](http://dx.doi.org/10.1136/bmj.m1966) then 5.0 mg.\r\n")
FIXED = ("# Refs\r\n\r\nSee [doi: 10.1111/j.1600-0404.2011.01543.x](https://doi.org/10.1111/j.1600-0404.2011.01543.x)\r\n"
         "and [x](https://doi.org/10.1136/bmj.m1966) then 5 mg.\r\n")
RULES = ["doi-malformed", "doi-resolver", "dose-notation"]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_fix_crlf_bom_and_mode_survive(isolated: Path) -> None:
    path = isolated / "refs.md"
    path.write_bytes(b"\xef\xbb\xbf" + BROKEN.encode("utf-8"))
    os.chmod(path, 0o640)
    result = run("check", "--fix", "--select", ",".join(RULES), "refs.md")
    assert result.exit_code == 0, result.output
    assert "fixed 3 problems" in result.stdout  # the DOI in the link's text and address is one
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.encode("utf-8")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    # Idempotent: a second run changes nothing and does not rewrite the file.
    before = os.stat(path).st_mtime_ns
    again = run("check", "--fix", "--select", ",".join(RULES), "refs.md")
    assert again.exit_code == 0 and path.read_bytes() == b"\xef\xbb\xbf" + FIXED.encode("utf-8")
    assert os.stat(path).st_mtime_ns == before


def test_files_without_fixes_are_not_touched(isolated: Path) -> None:
    path = isolated / "clean.md"
    path.write_text("Nothing to fix here.\n")
    before = os.stat(path).st_mtime_ns
    run("check", "--fix", "clean.md")
    assert os.stat(path).st_mtime_ns == before and not list(isolated.glob(".medlint-*"))


def test_unsafe_fixes_need_their_flag(isolated: Path) -> None:
    path = isolated / "a.md"
    path.write_text("The pathogensis is unclear.\n")
    # A spelling suggestion is an unsafe fix: --fix alone leaves it.
    report = lint_paths([str(path)], fix=True, select=["spelling"])
    assert report.fixed == {} and path.read_text() == "The pathogensis is unclear.\n"
    assert [d.fix.safe for d in report.diagnostics] == [False]
    report = lint_paths([str(path)], fix=True, unsafe_fixes=True, select=["spelling"])
    assert report.fixed == {str(path): 1} and path.read_text() == "The pathogenesis is unclear.\n"
    assert apply_fixes("x", [Fix("y", 1, 1, 1, 2, safe=False)]) == ("y", 1)


def test_diff_prints_and_does_not_write(isolated: Path) -> None:
    path = isolated / "refs.md"
    path.write_text(BROKEN.replace("\r\n", "\n"))
    result = run("check", "--diff", "--select", ",".join(RULES), "refs.md")
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/refs.md\n+++ b/refs.md\n")
    assert "+and [x](https://doi.org/10.1136/bmj.m1966) then 5 mg." in result.stdout
    assert path.read_text() == BROKEN.replace("\r\n", "\n")
    assert run("check", "--diff", "--select", "doi-resolver", "refs.md").exit_code == 1
    path.write_text("clean\n")
    assert run("check", "--diff", "refs.md").exit_code == 0


def test_diff_with_another_output_format_is_a_usage_error(isolated: Path) -> None:
    """--diff owns standard output: a --format or --statistics beside it would be dropped
    without a word, so it is refused; --output-file still writes a report."""
    (isolated / "refs.md").write_text(BROKEN.replace("\r\n", "\n"))
    for extra in (["--format", "json"], ["--statistics"]):
        result = run("check", "--diff", *extra, "refs.md")
        assert result.exit_code == 2 and "cannot be combined with" in result.output
    result = run("check", "--diff", "--select", ",".join(RULES), "--output-file", "json=out.json", "refs.md")
    assert result.exit_code == 1 and result.stdout.startswith("--- a/refs.md")
    assert (isolated / "out.json").read_text().lstrip().startswith(("[", "{"))


def test_read_only_file_is_an_error_and_others_go_on(isolated: Path) -> None:
    locked = isolated / "locked.md"
    locked.write_text("[x](http://dx.doi.org/10.1136/bmj.m1966)\n")
    other = isolated / "other.md"
    other.write_text("[x](http://dx.doi.org/10.1136/bmj.m1966)\n")
    os.chmod(locked, 0o444)
    if os.access(locked, os.W_OK):
        pytest.skip("running as a user who can write read-only files")
    result = run("check", "--fix", "--select", "doi-resolver", "locked.md", "other.md")
    assert result.exit_code == 2
    assert "locked.md: cannot fix: the file is read-only" in result.stderr
    assert "https://doi.org/" in other.read_text() and "dx.doi.org" in locked.read_text()


def test_overlapping_fixes_apply_once() -> None:
    text = "abcdef"
    fixes = [Fix("X", 1, 2, 1, 4), Fix("Y", 1, 3, 1, 5), Fix("Z", 1, 6, 1, 7)]
    assert apply_fixes(text, fixes) == ("aXdeZ", 2)


def test_fix_from_python(isolated: Path) -> None:
    path = isolated / "a.md"
    path.write_text("Take .5 mg of the drug.\n")
    report = lint_paths([str(path)], fix=True, select=["dose-notation"])
    assert report.fixed == {str(path): 1} and report.diagnostics == []
    assert path.read_text() == "Take 0.5 mg of the drug.\n"


def test_a_safe_fix_wins_over_an_overlapping_unsafe_one(isolated: Path) -> None:
    # issue 20: "It isnâ€™t hard" became "It in€™t hard" (spelling's guess for "isnâ" won)
    path = isolated / "a.md"
    path.write_text("It isn\u00e2\u20ac\u2122t hard.\n", encoding="utf-8")
    result = run("check", "--fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == "It isn\u2019t hard.\n"
    assert result.exit_code == 0


def test_safe_fixes_are_chosen_before_unsafe_ones() -> None:
    fixes = [Fix("in", 1, 4, 1, 8, safe=False), Fix("\u2019", 1, 7, 1, 10, safe=True)]
    assert apply_fixes("It isn\u00e2\u20ac\u2122t", fixes) == ("It isn\u2019t", 1)


def test_diff_of_a_last_line_without_newline_is_a_valid_patch() -> None:
    """The last line without a newline is marked as diff and patch expect; before, the
    removed and added lines ran together ('-a.+b.') and patch refused the diff."""
    from medlint.fix import unified_diff

    assert unified_diff("a.md", "Take 500mg daily.", "Take 500 mg daily.") == (
        "--- a/a.md\n+++ b/a.md\n@@ -1 +1 @@\n"
        "-Take 500mg daily.\n\\ No newline at end of file\n"
        "+Take 500 mg daily.\n\\ No newline at end of file\n")
    # Lines split at newlines only: a form feed or U+2028 inside a line keeps it one line.
    diff = unified_diff("b.md", "one\x0ctwo 5mg\nend\n", "one\x0ctwo 5 mg\nend\n")
    assert diff.split("\n")[2:6] == ["@@ -1,2 +1,2 @@", "-one\x0ctwo 5mg", "+one\x0ctwo 5 mg", " end"]


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs patch")
def test_diff_applies_with_patch(tmp_path: Path) -> None:
    from medlint.fix import unified_diff

    for before, after in (("Take 500mg daily.", "Take 500 mg daily."), ("x\u2028y 5mg\r\nz", "x\u2028y 5 mg\r\nz")):
        (tmp_path / "a.md").write_bytes(before.encode("utf-8"))
        (tmp_path / "p.diff").write_bytes(unified_diff("a.md", before, after).encode("utf-8"))
        subprocess.run(["patch", "-s", "-p1", "-i", "p.diff"], cwd=tmp_path, check=True)
        assert (tmp_path / "a.md").read_bytes() == after.encode("utf-8")
