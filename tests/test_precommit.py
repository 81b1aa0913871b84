"""The real pre-commit tool runs the hook from this repository (pre-commit try-repo)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("git") is None, reason="needs git")]
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def snapshot_of_this_project(into: Path) -> Path:
    """This working tree as a one-commit repository, which is what try-repo installs from."""
    for name in ("src", "rules"):
        shutil.copytree(REPO / name, into / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml"):
        shutil.copy2(REPO / name, into / name)
    env = {**os.environ, **GIT_ENV}
    subprocess.run(["git", "init", "-q", str(into)], check=True)
    subprocess.run(["git", "-C", str(into), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(into), "commit", "-q", "-m", "snapshot"], check=True, env=env)
    return into


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), **GIT_ENV}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600, check=False)


def test_try_repo_fails_on_bad_file_and_passes_on_good(tmp_path: Path) -> None:
    content = tmp_path / "content-repo"
    (content / "content" / "posts").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(content)], check=True)
    (content / "content" / "posts" / "good.md").write_text(
        "# Vitamin D\n\nSee [the basics](/posts/bad) and doi:10.1136/bmj.m1966.\n")
    (content / "content" / "posts" / "bad.md").write_text(
        "# Refs\n\n[paper](https://doi.org/10.1136/bmj.m1966.) and [gone](/posts/missing)\n")
    (content / "script.py").write_text("x = 'miracle [x](/nowhere)'\n")
    home = tmp_path / "pre-commit-home"
    hooks = snapshot_of_this_project(tmp_path / "medlint")
    bad = pre_commit("try-repo", str(hooks), "medlint", "--files", "content/posts/bad.md", "script.py",
                     cwd=content, home=home)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "content/posts/bad.md:3:42: error [doi-malformed]" in bad.stdout
    assert "content/posts/bad.md:3:56: error [link-broken]" in bad.stdout
    assert "script.py" not in bad.stdout  # only Markdown, HTML and text files reach medlint
    # Only good.md is passed, yet its link to bad.md resolves against the whole site.
    good = pre_commit("try-repo", str(hooks), "medlint", "--files", "content/posts/good.md", cwd=content, home=home)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
