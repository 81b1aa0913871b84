"""Compiled patterns kept between runs (issue 23: start-up of a one-file check)."""
from __future__ import annotations

import importlib
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import medlint
from medlint import fastre, lazyre, patterncache


_ENGINE = importlib.import_module("regex._regex")


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
    patterncache.uninstall()  # (a first import of medlint.cli, under a test's cache file, installs it)
    made = {(p.pattern, int(p._flags)) for p in lazyre._MADE if p._compiler is patterncache.compile}
    return sorted((made - {(p, f) for p, f in made if not _compiles(p, f)}), key=repr)


def _compiles(pattern: str, flags: int) -> bool:
    """Whether ``re`` compiles it (other tests make broken stand-ins on purpose)."""
    try:
        re.compile(pattern, flags)
    except re.error:
        return False
    return True


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
    cache_file.write_bytes(marshal.dumps(("another python", {("a+b", 0): marshal.dumps((0, [0], 0, {}, ()))})))
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
    kept = sorted((tmp_path / "cache" / "medlint").iterdir())
    tag = sys.implementation.cache_tag
    assert [p.name for p in kept] == [f"patterns-3-{tag}.marshal", f"rules-{tag}.marshal"]  # (rules: medlint.rulecache)
    assert list(page.parent.iterdir()) == [page]  # nothing written into the checked site
    stamps = [p.stat().st_mtime_ns for p in kept]
    second = subprocess.run(command, cwd=page.parent, env=env, capture_output=True, text=True)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert [p.stat().st_mtime_ns for p in kept] == stamps  # nothing new to keep: not rewritten


def _medlint_regex_patterns() -> list[tuple[str, int]]:
    """Every module-level ``regex`` pattern of medlint's modules (:mod:`medlint.fastre`)."""
    _medlint_patterns()
    import regex

    made = {(p.pattern, int(p._flags)) for p in lazyre._MADE if p._compiler is fastre._compile_now}
    broken = set()
    for pattern, flags in made:  # (other tests make broken stand-ins on purpose)
        try:
            regex.compile(pattern, flags | regex.VERSION0)
        except regex.error:
            broken.add((pattern, flags))
    return sorted(made - broken, key=repr)


def test_regex_patterns_kept_answer_as_regex_compiles_them(cache_file: Path) -> None:
    import regex

    patterns = _medlint_regex_patterns()
    assert len(patterns) > 20
    text = ("PMID: 12345678, doi:10.1000/xyz-12 (Smith et al., 2019). Take 2 x 500 mg/day; NCT01234567 "
            "and PMC1234567. ISBN 978-3-16-148410-0. See https://example.org/a_b?c=1#d.\n" * 3)

    def answers(compiled: Any) -> list[Any]:
        return [(m.span(), m.groups()) for m in compiled.finditer(text)]

    fresh = {p: regex.compile(p, f | regex.VERSION0, cache_pattern=False) for p, f in patterns}
    before = patterncache._added  # (run alone, importing medlint's modules above recorded their own)
    made = [fastre._compile_now(p, f) for p, f in patterns]
    assert patterncache._added - before == len(patterns)  # each recorded once
    patterncache.save()
    patterncache._table = None
    kept = [fastre._compile_now(p, f) for p, f in patterns]
    assert patterncache._added == 0  # every one came from the file
    for (p, _), one, two in zip(patterns, made, kept):
        assert (two.pattern, two.flags, two.groups, two.groupindex) == (fresh[p].pattern, fresh[p].flags,
                                                                        fresh[p].groups, fresh[p].groupindex)
        assert answers(one) == answers(two) == answers(fresh[p])
    assert not patterncache._RECORDING.locked() and regex._main._regex is _ENGINE


def test_a_rule_pattern_is_kept_and_its_errors_and_named_lists_are_left_to_regex(cache_file: Path) -> None:
    import regex

    from medlint.kinds.common import compile_regex

    first = compile_regex(r"(?i)\bwarfarin\s+(\d+)\s*mg", ["options", "pattern"])
    assert patterncache._added == 1 and first.search("Warfarin 5 mg daily").span() == (0, 13)
    again = compile_regex(r"(?i)\bwarfarin\s+(\d+)\s*mg", ["options", "pattern"])
    assert patterncache._added == 1 and again.search("take WARFARIN 10mg").group(0) == "WARFARIN 10mg"
    with pytest.raises(Exception, match="invalid regular expression"):
        compile_regex(r"(unclosed", ["options", "pattern"])
    with pytest.raises(regex.error):  # a named list needs its words: a compile error, as regex's own
        patterncache.compile_regex(r"\L<drugs>", 0)
    assert patterncache._added == 1 and regex._main._regex is _ENGINE


def test_changed_internals_fall_back_to_plain_compiling(monkeypatch) -> None:
    """Another Python's re, or a regex release laid out differently, must cost speed, never a crash."""
    import re

    import regex

    from medlint import patterncache

    monkeypatch.setattr(patterncache, "_USABLE", True)
    monkeypatch.setattr(patterncache, "_table", {})

    def broken(*args: object) -> None:
        raise TypeError("compile() takes 5 arguments")

    from types import SimpleNamespace

    monkeypatch.setattr(patterncache, "_sre", SimpleNamespace(compile=broken))  # only the cache's view of _sre
    assert patterncache.compile(r"\bnew (?:study|trial)\b", re.I) == re.compile(r"\bnew (?:study|trial)\b", re.I)
    assert patterncache._USABLE is False
    monkeypatch.setattr(patterncache, "_USABLE", True)
    try:
        patterncache.compile("(unclosed")
    except re.error:
        pass
    else:
        raise AssertionError("a bad pattern must still raise re.error")
    assert patterncache._USABLE is True  # a pattern's own error does not switch the cache off

    import marshal

    key = (f"regex {regex.__version__}", r"\d+ IU", 0)
    patterncache._table[key] = marshal.dumps((1, 2))  # an entry this regex's engine no longer takes
    found = patterncache.compile_regex(r"\d+ IU")
    assert found.search("take 400 IU").group() == "400 IU"


def test_installed_every_re_compile_comes_from_the_file_and_equals_re(cache_file: Path) -> None:
    """With :func:`patterncache.install` (the command line's), a plain ``re.compile`` anywhere in
    the process is kept too: equal to what re's compiler makes, with its errors, and read back
    from the file by the next process without parsing."""
    import re._compiler as compiler  # type: ignore[import-not-found]

    original = compiler.compile
    patterns = [(r"(?P<year>\d{4})-(?P<month>\d\d)", 0), (r"\bmg/kg\b", re.I), (rb"\\x[0-7]", 0), ("café", re.I)]
    fresh = [original(p, f) for p, f in patterns]
    patterncache.install()
    try:
        assert compiler.compile is not original
        patterncache.install()  # twice: no second layer
        assert compiler.compile._medlint_original is original
        re.purge()  # (re's own cache would answer before the compiler is asked)
        assert [re.compile(p, f) for p, f in patterns] == fresh
        with pytest.raises(re.error):
            re.compile(r"(unclosed")
        assert patterncache._added >= len(patterns)
        patterncache.save()
        patterncache._table, patterncache._added = None, 0
        re.purge()
        assert [re.compile(p, f) for p, f in patterns] == fresh
        assert patterncache._added == 0  # every one came from the file
    finally:
        patterncache.uninstall()
        re.purge()
    assert compiler.compile is original


def test_install_does_nothing_when_the_cache_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    import re._compiler as compiler  # type: ignore[import-not-found]

    monkeypatch.setenv("MEDLINT_PATTERN_CACHE", "off")
    original = compiler.compile
    patterncache.install()
    assert compiler.compile is original


def test_the_file_is_an_index_then_entries_read_one_by_one(cache_file: Path) -> None:
    """The file opens with (stamp, index) as one marshal object and the entries after it:
    a run decodes the index only, and each entry when its pattern is compiled."""
    import marshal

    patterns = [(r"(?P<n>\d+) mg", 0), (r"\bIU\b", re.I), (rb"\\x[0-7]", 0)]
    assert [patterncache.compile(p, f) for p, f in patterns] == [re.compile(p, f) for p, f in patterns]
    patterncache.save()
    stamp, index = marshal.loads(cache_file.read_bytes())
    assert stamp == patterncache._STAMP and set(index) == set(patterns)
    patterncache._table, patterncache._added = None, 0
    assert patterncache.compile(r"\bIU\b", re.I) == re.compile(r"\bIU\b", re.I)
    table = patterncache._table
    assert patterncache._added == 0 and len(table) == 3 and (r"\bIU\b", re.I) in table
    assert table.pop((r"\bIU\b", re.I)) is not None and (r"\bIU\b", re.I) not in table and len(table) == 2
    assert patterncache.compile(r"\bIU\b", re.I) == re.compile(r"\bIU\b", re.I)  # compiled afresh
    assert patterncache._added == 1 and len(table) == 3
    patterncache.save()
    patterncache._table, patterncache._added = None, 0
    assert [patterncache.compile(p, f) for p, f in patterns] == [re.compile(p, f) for p, f in patterns]
    assert patterncache._added == 0
