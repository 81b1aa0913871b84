"""Hostile file systems: FIFOs, devices, symlink loops and links out of the tree, and
``--fix`` that must never lose a writer's work (symlinks, hard links, edits during the
run, a killed run's workers).  Hangs are guarded by a subprocess time-out."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from medlint import lint_paths
from medlint.pipeline import Run, RunOptions

FIXABLE = "Take .5 mg of it.\n"
FIXED = "Take 0.5 mg of it.\n"


def medlint(args: list[str], cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "medlint", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_and_a_device_are_skipped_not_read(isolated: Path) -> None:
    os.mkfifo(isolated / "x.md")
    (isolated / "z.md").symlink_to("/dev/zero")
    (isolated / "ok.md").write_text("Fine text.\n")
    # hung for ever before (and /dev/zero read 5.8 GB in 6 s); z.md named, so its link is followed
    result = medlint(["check", "--select", "dose-notation", ".", "z.md"], isolated, timeout=30)
    # Files not checked are io-error findings in the output (see test_unchecked.py).
    assert "x.md:1:1: warning [io-error] skipped: not a regular file (a named pipe); only regular files are read" in result.stdout
    assert "z.md:1:1: warning [io-error] skipped: not a regular file (a character device)" in result.stdout
    assert result.returncode == 0


def test_a_growing_file_is_read_with_a_cap(isolated: Path) -> None:
    from medlint.errors import Skipped
    from medlint.files import read_text

    (isolated / "big.md").write_text("a" * 5000)
    with pytest.raises(Skipped, match="larger than 1,000 bytes"):
        read_text(str(isolated / "big.md"), 1000)


def test_a_symlink_loop_is_that_files_error(isolated: Path) -> None:
    (isolated / "loop1.md").symlink_to("loop2.md")
    (isolated / "loop2.md").symlink_to("loop1.md")
    (isolated / "a.md").write_text(FIXABLE)
    # link-broken builds the site index, which is where the loop used to end the run
    result = medlint(["check", "--select", "dose-notation,link-broken", "."], isolated, timeout=60)
    assert "internal error" not in result.stderr
    assert "loop1.md:1:1: error [io-error] cannot read: a symbolic link loop" in result.stdout
    assert "a.md:1:6: warning [dose-notation]" in result.stdout
    assert result.returncode == 2


def test_utf32_is_named(isolated: Path) -> None:
    (isolated / "a.md").write_bytes("hello".encode("utf-32"))
    report = lint_paths([str(isolated / "a.md")])
    assert [e.message for e in report.errors] == ["is UTF-32; medlint reads UTF-8 (save the file as UTF-8)"]


def test_symlinks_out_of_the_tree_are_not_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text(FIXABLE)
    tree = tmp_path / "tree"
    tree.mkdir()
    monkeypatch.chdir(tree)
    (tree / "inside.md").write_text(FIXABLE)
    (tree / "link.md").symlink_to(outside)
    (tree / "alias.md").symlink_to(tree / "inside.md")
    report = lint_paths(["."], select=["dose-notation"], fix=True)
    assert outside.read_text() == FIXABLE  # neither read nor written
    assert [str(n) for n in report.notices] == [
        "link.md: skipped: a symbolic link to a file outside the folder being checked; not followed "
        "(set follow_external_symlinks: true to check it)"]
    assert sorted(report.files) == ["alias.md", "inside.md"]
    assert (tree / "inside.md").read_text() == FIXED
    (tree / ".medlint.yaml").write_text("follow_external_symlinks: true\n")
    outside.write_text(FIXABLE)
    report = lint_paths(["."], select=["dose-notation"], fix=True)
    assert not report.notices and outside.read_text() == FIXED


def test_fix_writes_through_a_symlink(isolated: Path) -> None:
    (isolated / "real.md").write_text(FIXABLE)
    (isolated / "link.md").symlink_to("real.md")
    lint_paths([str(isolated / "link.md")], select=["dose-notation"], fix=True)
    assert (isolated / "link.md").is_symlink()
    assert (isolated / "real.md").read_text() == FIXED


def test_fix_keeps_hard_links_together(isolated: Path) -> None:
    (isolated / "a.md").write_text(FIXABLE)
    os.link(isolated / "a.md", isolated / "b.txt")
    inode = (isolated / "a.md").stat().st_ino
    lint_paths([str(isolated / "a.md")], select=["dose-notation"], fix=True)
    assert (isolated / "a.md").stat().st_ino == inode
    assert (isolated / "b.txt").read_text() == FIXED


def test_fix_leaves_a_file_edited_during_the_run(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = isolated / "a.md"
    path.write_text(FIXABLE)
    writer = "Take .5 mg of it.\nThe writer's new paragraph.\n"
    real = Run.lint_document

    def lint_while_someone_edits(self: Run, *args: object, **kwargs: object) -> object:
        if path.read_text() == FIXABLE:
            path.write_text(writer)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Run, "lint_document", lint_while_someone_edits)
    report = Run(None, select=["dose-notation"], options=RunOptions(fix=True)).check_paths([str(path)])
    assert path.read_text() == writer
    assert [str(e) for e in report.errors] == [
        f"{path}: not fixed: the file changed on disk while medlint was checking it; run again"]
    assert not report.fixed


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs process groups")
def test_workers_die_with_a_killed_parent(isolated: Path) -> None:
    for i in range(400):
        (isolated / f"p{i:03}.md").write_text(("Take .5 mg of it daily with food. " * 40 + "\n\n") * 20)
    proc = subprocess.Popen([sys.executable, "-m", "medlint", "check", "--fix", "-j", "2", "--no-cache",
                             "--select", "dose-notation,spelling", "."], cwd=isolated,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while not any((isolated / f"p{i:03}.md").read_text().startswith("Take 0.5") for i in range(400)):
        assert time.monotonic() < deadline and proc.poll() is None, "the run never started fixing"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    time.sleep(1.5)
    snapshot = {p.name: p.stat().st_mtime_ns for p in isolated.glob("*.md")}
    time.sleep(3)
    try:
        os.killpg(proc.pid, 0)
        alive = True
    except ProcessLookupError:
        alive = False
    if alive:
        os.killpg(proc.pid, signal.SIGKILL)
    assert not alive, "worker processes outlived the killed run"
    assert {p.name: p.stat().st_mtime_ns for p in isolated.glob("*.md")} == snapshot
    assert sum(1 for p in isolated.glob("*.md") if p.read_text().startswith("Take 0.5")) < 400
