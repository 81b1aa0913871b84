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


@pytest.mark.slow
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


@pytest.fixture(scope="module")
def hooks(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One snapshot and one pre-commit home for the module: the hook's environment is built once."""
    base = tmp_path_factory.mktemp("hooks")
    return snapshot_of_this_project(base / "medlint"), base / "pre-commit-home"


def content_repo(root: Path) -> Path:
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / ".medlint.yaml").write_text("exclude: [\"drafts/**\"]\n")
    return root


def hook_output(proc: subprocess.CompletedProcess[str]) -> str:
    return proc.stdout + proc.stderr


@pytest.mark.slow
def test_hook_honours_the_config_exclude(hooks: tuple[Path, Path], tmp_path: Path) -> None:
    repo, home = hooks
    content = content_repo(tmp_path / "content")
    (content / "drafts").mkdir()
    (content / "drafts" / "wip.md").write_text("[gone](https://doi.org/10.1136/bmj.m1966.)\n")
    proc = pre_commit("try-repo", str(repo), "medlint", "--files", "drafts/wip.md", cwd=content, home=home)
    assert proc.returncode == 0, hook_output(proc)
    assert "doi-malformed" not in proc.stdout
    assert "No files checked: drafts/wip.md matches exclude patterns (drafts/**)" in proc.stdout


@pytest.mark.slow
def test_hook_skips_text_files_that_are_not_articles(hooks: tuple[Path, Path], tmp_path: Path) -> None:
    repo, home = hooks
    content = content_repo(tmp_path / "content")
    (content / ".medlint.yaml").write_text("rules: {sensational-language: on}\n")  # the example rule (turned on: independent of its preset)
    (content / "requirements.txt").write_text("miracle-cure==1.0\n")
    (content / "LICENSE.txt").write_text("A miracle of a licence, guaranteed.\n")
    (content / "forum-post.txt").write_text("This supplement is a miracle.\n")
    proc = pre_commit("try-repo", str(repo), "medlint", "--files", "requirements.txt", "LICENSE.txt",
                      "forum-post.txt", cwd=content, home=home)
    assert "forum-post.txt:1:22: warning [sensational-language]" in proc.stdout, hook_output(proc)
    assert "requirements.txt" not in proc.stdout and "LICENSE.txt" not in proc.stdout


@pytest.mark.slow
def test_hook_shows_warnings_without_blocking_and_blocks_on_errors(hooks: tuple[Path, Path], tmp_path: Path) -> None:
    repo, home = hooks
    content = content_repo(tmp_path / "content")
    (content / ".medlint.yaml").write_text("rules: {sensational-language: on}\n")  # the example rule (turned on: independent of its preset)
    (content / "warn.md").write_text("# Notes\n\nA miracle.\n")
    (content / "bad.md").write_text("# Refs\n\n[paper](https://doi.org/10.1136/bmj.m1966.)\n")
    warned = pre_commit("try-repo", str(repo), "medlint", "--files", "warn.md", cwd=content, home=home)
    assert warned.returncode == 0, hook_output(warned)
    assert "Passed" in warned.stdout
    assert "warn.md:3:3: warning [sensational-language]" in warned.stdout  # shown although it passed
    blocked = pre_commit("try-repo", str(repo), "medlint", "--files", "bad.md", cwd=content, home=home)
    assert blocked.returncode == 1 and "bad.md:3:42: error [doi-malformed]" in blocked.stdout, hook_output(blocked)


@pytest.mark.slow
def test_fix_hook_fixes_the_file(hooks: tuple[Path, Path], tmp_path: Path) -> None:
    repo, home = hooks
    content = content_repo(tmp_path / "content")
    page = content / "page.md"
    page.write_text("# Refs\n\nSee http://dx.doi.org/10.1136/bmj.m1966 today.\n")
    subprocess.run(["git", "-C", str(content), "add", "page.md"], check=True)  # staged, as in a commit
    proc = pre_commit("try-repo", str(repo), "medlint-fix", "--files", "page.md", cwd=content, home=home)
    assert page.read_text() == "# Refs\n\nSee https://doi.org/10.1136/bmj.m1966 today.\n", hook_output(proc)
    assert proc.returncode == 1 and "files were modified by this hook" in proc.stdout  # pre-commit's rule
    again = pre_commit("try-repo", str(repo), "medlint-fix", "--files", "page.md", cwd=content, home=home)
    assert again.returncode == 0, hook_output(again)
