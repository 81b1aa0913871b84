"""--jobs: checking across processes gives exactly what a serial run gives."""
from __future__ import annotations

import pytest

import shutil
from pathlib import Path

from click.testing import CliRunner

from medlint import lint_paths
from medlint.cli import main
from helpers import FIXTURES


pytestmark = pytest.mark.slow


def tree(root: Path) -> Path:
    shutil.copytree(FIXTURES / "hugo-site", root)
    posts = root / "content" / "posts"
    for i in range(90):
        (posts / f"gen-{i}.md").write_text(
            f"---\ntitle: Page {i}\ndate: 2024-01-{i % 28 + 1:02d}\n---\n\n# Page {i}\n\n"
            f"A miracle cure, see [the primer](/posts/vitamin-d-primer#who-may-need-more) and [gone](/posts/gone-{i}).\n"
            f"Take .5 mg of the drug and 5,000 IU of vitamin D daily. The pathogensis is unclear.\n", encoding="utf-8")
    (posts / "latin1.md").write_bytes(b"caf\xe9\n")
    (posts / "binary.md").write_bytes(b"\0\1")
    return root


def test_parallel_equals_serial(tmp_path: Path, monkeypatch) -> None:
    root = tree(tmp_path / "site")
    monkeypatch.chdir(root)
    serial = lint_paths(["content"], jobs=1)
    parallel = lint_paths(["content"], jobs=2)
    assert parallel.files_checked == serial.files_checked > 90
    assert parallel.diagnostics == serial.diagnostics and len(serial.diagnostics) > 300
    assert [str(e) for e in parallel.errors] == [str(e) for e in serial.errors] == [
        "content/posts/latin1.md:1: not valid UTF-8 (byte 0xE9 at column 4); save the file as UTF-8"]
    assert [str(n) for n in parallel.notices] == ["content/posts/binary.md: skipped: binary file (contains NUL bytes)"]
    assert parallel.files == serial.files


def test_parallel_fix_through_the_cli(tmp_path: Path, monkeypatch) -> None:
    serial_root = tree(tmp_path / "a")
    parallel_root = tree(tmp_path / "b")
    for root, jobs in ((serial_root, "1"), (parallel_root, "2")):
        monkeypatch.chdir(root)
        result = CliRunner().invoke(main, ["check", "--fix", "--jobs", jobs, "--select", "dose-notation", "content"])
        assert result.exit_code == 2  # the latin1 file
        assert "fixed 90 problems" in result.stdout
    for path in (serial_root / "content").rglob("*.md"):
        twin = parallel_root / path.relative_to(serial_root)
        assert path.read_bytes() == twin.read_bytes()
    assert "Take 0.5 mg" in (parallel_root / "content" / "posts" / "gen-7.md").read_text()
