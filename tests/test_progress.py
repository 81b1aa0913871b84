"""The progress bar, drawn on a real pseudo-terminal: with --jobs it moves forward, leaves no
blank lines and ends with exactly one newline."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pty = pytest.importorskip("pty")

# Lower the bar's threshold (300 files) so that a small run, still big enough to go
# parallel (48 files or more), draws it.
CODE = "import sys, medlint.cli as c; c.PROGRESS_MIN_FILES = 10; sys.argv[0] = 'medlint'; c.main()"


def stderr_on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str, str]:
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    proc = subprocess.Popen([sys.executable, "-c", CODE, *args], stdout=subprocess.PIPE, stderr=slave,
                            cwd=cwd, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the other end closed (Linux raises EIO)
            break
        if not data:
            break
        chunks.append(data)
    out = proc.stdout.read().decode() if proc.stdout else ""
    code = proc.wait(timeout=120)
    os.close(master)
    return code, out, b"".join(chunks).decode()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_progress_bar_ends_cleanly(tmp_path: Path, jobs: str) -> None:
    for i in range(64):
        (tmp_path / f"page{i:02}.md").write_text(f"A miracle, number {i}.\n")
    (tmp_path / ".medlint.yaml").write_text("rules: {sensational-language: on}\n")  # the example rule (turned on: independent of its preset)
    code, out, bar = stderr_on_a_terminal(["check", "--no-cache", "--jobs", jobs, "."], tmp_path)
    assert code == 0 and out.endswith("64 problems (0 errors, 64 warnings) in 64 files (64 checked)\n")
    assert "100%" in bar
    assert bar.count("\n") == 1 and bar.endswith("\n"), repr(bar)  # one line, closed once
    percents = [int(p) for p in re.findall(r"(\d+)%", bar)]
    assert percents == sorted(percents)  # never goes back
