"""Finding files and reading them safely: skips, .gitignore, bad input."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from medlint.errors import FileError
from medlint.errors import Skipped
from medlint.files import expand_paths, read_text, walk_folder
from helpers import FIXTURES


def tree(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "site", root)
    (root / "venv").mkdir()
    (root / "venv" / "pyvenv.cfg").write_text("home = /usr\n")
    (root / "venv" / "doc.md").write_text("miracle")
    (root / "image.png").write_bytes(b"\x89PNG\0")
    return root


def test_walk_skips_hidden_node_modules_and_venvs(tmp_path: Path) -> None:
    assert walk_folder(str(tree(tmp_path))) == [
        "drafts/draft.md", "notes.txt", "page.html", "posts/broken-front.md", "posts/hype.md",
    ]


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_walk_honours_gitignore_in_a_work_tree(tmp_path: Path) -> None:
    root = tree(tmp_path)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / ".gitignore").write_text("drafts/\n")
    (root / "posts" / ".gitignore").write_text("hype.md\n")
    assert walk_folder(str(root)) == ["notes.txt", "page.html", "posts/broken-front.md"]
    # An untracked, unignored file is found too.
    (root / "new.md").write_text("x")
    assert "new.md" in walk_folder(str(root))


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_gitignore_applies_below_the_work_trees_top_and_git_is_not_asked_outside_one(tmp_path: Path,
                                                                                      monkeypatch) -> None:
    root = tree(tmp_path / "repo")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / "posts" / ".gitignore").write_text("hype.md\n")
    assert walk_folder(str(root / "posts")) == ["broken-front.md"]  # .git is above the folder walked
    outside = tree(tmp_path / "plain")
    monkeypatch.delenv("GIT_DIR", raising=False)
    monkeypatch.delenv("GIT_WORK_TREE", raising=False)

    def no_git(*args, **kwargs):
        raise AssertionError("git was started for a folder in no work tree")

    monkeypatch.setattr(subprocess, "run", no_git)
    assert walk_folder(str(outside)) == [
        "drafts/draft.md", "notes.txt", "page.html", "posts/broken-front.md", "posts/hype.md"]


def test_expand_paths_explicit_missing_and_exclude(tmp_path: Path) -> None:
    root = tree(tmp_path)
    rel = lambda p: str(Path(p).resolve().relative_to(root.resolve())).replace("\\", "/")  # noqa: E731
    targets, errors = expand_paths([str(root), str(root / ".hidden" / "secret.md"), "nope.md"], ["drafts/**"], rel)
    paths = [Path(t.path).relative_to(root).as_posix() for t in targets]
    assert ".hidden/secret.md" in paths  # named explicitly: checked
    assert "drafts/draft.md" not in paths
    assert [str(e) for e in errors] == ["nope.md: no such file or directory"]
    forced, _ = expand_paths([str(root / "drafts" / "draft.md")], ["drafts/**"], rel, force_exclude=True)
    assert forced == []


def test_read_bom_crlf_and_keep_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"\xef\xbb\xbfLine one\r\nLine two\r\n")
    assert read_text(str(path), 10_000) == ("Line one\r\nLine two\r\n", True)


def test_binary_and_large_files_are_skipped(tmp_path: Path) -> None:
    binary = tmp_path / "b.md"
    binary.write_bytes(b"abc\0def")
    with pytest.raises(Skipped, match="binary"):
        read_text(str(binary), 10_000)
    big = tmp_path / "big.md"
    big.write_text("x" * 2000)
    with pytest.raises(Skipped, match="larger than 1,000 bytes"):
        read_text(str(big), 1000)


def test_invalid_utf8_names_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes("ok\nTroms\xf8 here\n".encode("latin-1"))
    with pytest.raises(FileError) as err:
        read_text(str(path), 10_000)
    assert str(err.value) == f"{path}:2: not valid UTF-8 (byte 0xF8 at column 6); save the file as UTF-8"


def test_utf16_is_named(tmp_path: Path) -> None:
    path = tmp_path / "u16.md"
    path.write_bytes("text".encode("utf-16"))
    with pytest.raises(FileError, match="UTF-16"):
        read_text(str(path), 10_000)


def test_text_files_that_are_not_articles_are_skipped(isolated: Path) -> None:
    from click.testing import CliRunner

    from medlint.cli import main

    for name in ("requirements-dev.txt", "robots.txt", "LICENSE.txt", "COPYING.md", "CMakeLists.txt"):
        (isolated / name).write_text("miracle==1.0\n")
    (isolated / "forum-post.txt").write_text("A miracle, says the forum.\n")
    targets, _ = expand_paths(["."], [], lambda p: p)
    assert [t.path for t in targets] == ["forum-post.txt"]
    # Named explicitly they are checked, unless --force-exclude (as the pre-commit hook passes).
    named, _ = expand_paths(["robots.txt"], [], lambda p: p)
    assert [t.path for t in named] == ["robots.txt"]
    assert expand_paths(["robots.txt"], [], lambda p: p, force_exclude=True)[0] == []
    # The config can change the list.
    (isolated / ".medlint.yaml").write_text("not_articles: [forum-*.txt]\nrules: {sensational-language: on}\n")
    out = CliRunner().invoke(main, ["check", "--format", "json", "."]).stdout
    assert "forum-post.txt" not in out and "robots.txt" in out and "LICENSE.txt" in out


def test_checkable_names_are_splitexts_and_basenames() -> None:
    """_checkable reads the '/'-separated names a walk gives by string splitting: the same
    answers as os.path.splitext and os.path.basename."""
    import os

    from medlint.files import _checkable
    from medlint.markup import FORMATS_BY_SUFFIX

    names = ["a.md", "A.MD", ".md", ".hidden.md", "x/.hidden.md", "x/a.b/c", "x/a.b/c.md", "x/a..md", "x/a.",
             "x/...", "x/a.md.bak", "readme", "x/y/z.html", "x/y/z.HTM", "x/.git/a.md", "a.txt", "a b/c d.markdown"]
    expected = [os.path.splitext(n)[1].lower() in FORMATS_BY_SUFFIX and not os.path.basename(n).startswith(".")
                for n in names]
    assert [_checkable(n) for n in names] == expected
    assert expected.count(True) == 9  # (.txt is checked as text)


def test_a_folder_walk_lists_nested_files_with_slashes(tmp_path: Path) -> None:
    from medlint.files import walk_folder

    (tmp_path / "a" / "b").mkdir(parents=True)
    for rel in ("top.md", "a/one.md", "a/b/two.markdown", "a/b/.hidden.md", "a/skip.bin"):
        (tmp_path / rel).write_text("# x\n")
    assert walk_folder(str(tmp_path), respect_gitignore=False) == ["a/b/two.markdown", "a/one.md", "top.md"]


def test_sha256_of_a_source_is_hashlibs_before_and_after_the_switch(monkeypatch) -> None:
    """A run's first half megabyte is hashed without importing hashlib; the digest is the same."""
    import hashlib

    from medlint import files

    monkeypatch.setattr(files, "_hashed", 0)
    blobs = [b"", b"abc", "é\u2013x".encode(), b"x" * (files.OWN_SHA256_BYTES + 10), b"after the switch"]
    assert [files._sha256(b) for b in blobs] == [hashlib.sha256(b).hexdigest() for b in blobs]
    assert files._hashed >= files.OWN_SHA256_BYTES
