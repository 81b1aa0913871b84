"""Compiled patterns kept between runs (issue 23: start-up of a one-file check)."""
from __future__ import annotations

import importlib
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import medlint
from medlint import lazyre, patterncache


@pytest.fixture
def cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh table kept in *tmp_path*, as a new process would start with."""
    path = tmp_path / "patterns.marshal"
    monkeypatch.setenv("MEDLINT_PATTERN_CACHE", str(path))
    monkeypatch.setattr(patterncache, "_table", None)
    monkeypatch.setattr(patterncache, "_added", 0)
    return path


def _medlint_patterns() -> list[tuple[str, int]]:
    """Every module-level `re` pattern of medlint's modules (importing them all)."""
    for module in pkgutil.walk_packages(medlint.__path__, "medlint."):
        if ".lsp" not in module.name and not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    return sorted({(p.pattern, int(p._flags)) for p in lazyre._MADE if p._compiler is patterncache.compile}, key=repr)


def test_every_pattern_of_medlint_compiles_to_what_re_makes_fresh_and_from_the_file(cache_file: Path) -> None:
    patterns = _medlint_patterns()
    assert len(patterns) > 200
    assert all(patterncache.compile(p, f) == re.compile(p, f) for p, f in patterns)  # == compares flags and code
    patterncache.save()
    assert cache_file.stat().st_size > 0
    patterncache._table = None
    assert all(patterncache.compile(p, f) == re.compile(p, f) for p, f in patterns)
    assert patterncache._added == 0  # every one came from the file


def test_compiled_patterns_match_groups_and_errors_as_re(cache_file: Path) -> None:
    pattern = patterncache.compile(r"(?P<dose>\d+(?:\.\d+)?)\s*(?:mg|µg)\b", re.I)
    match = pattern.search("Give 12.5 MG twice")
    assert match is not None and match.group("dose") == "12.5" and pattern.groupindex == {"dose": 1}
    assert patterncache.compile(rb"\d+").findall(b"a 12 b 3") == [b"12", b"3"]
    with pytest.raises(re.error):
        patterncache.compile(r"(unclosed")
    already = re.compile("x")
    assert patterncache.compile(already) is already


def test_a_damaged_or_foreign_file_is_ignored_and_replaced(cache_file: Path) -> None:
    cache_file.write_bytes(b"not marshal data")
    assert patterncache.compile(r"a+b").fullmatch("aab")
    patterncache.save()
    import marshal

    stamp, table = marshal.loads(cache_file.read_bytes())
    assert stamp == patterncache._STAMP and ("a+b", 0) in table
    cache_file.write_bytes(marshal.dumps(("another python", {("a+b", 0): (0, [0], 0, {}, ())})))
    patterncache._table = None
    assert patterncache.compile(r"a+b").fullmatch("aab")  # the foreign entry (nonsense code) was not used


def test_off_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDLINT_PATTERN_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(patterncache, "_table", None)
    assert patterncache.cache_file() is None
    assert patterncache.compile(r"c+d").match("ccd")
    patterncache.save()
    assert list(tmp_path.iterdir()) == []


def test_the_cli_writes_the_file_in_the_user_cache_folder_and_reuses_it(tmp_path: Path) -> None:
    page = tmp_path / "site" / "page.md"
    page.parent.mkdir()
    page.write_text("# Dosing\n\nTake 500 mg of paracetamol every 6 hours.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "MEDLINT_PATTERN_CACHE"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    command = [sys.executable, "-m", "medlint", "check", "--no-cache", "--format", "json", str(page)]
    first = subprocess.run(command, cwd=page.parent, env=env, capture_output=True, text=True)
    kept = list((tmp_path / "cache" / "medlint").iterdir())
    assert [p.name for p in kept] == [f"patterns-{sys.implementation.cache_tag}.marshal"]
    assert list(page.parent.iterdir()) == [page]  # nothing written into the checked site
    stamp = kept[0].stat().st_mtime_ns
    second = subprocess.run(command, cwd=page.parent, env=env, capture_output=True, text=True)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert kept[0].stat().st_mtime_ns == stamp  # nothing new to keep: not rewritten
