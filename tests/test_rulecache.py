"""medlint's own rule files, parsed once and kept between runs (medlint.rulecache, issue 23)."""
from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from medlint import rulecache
from medlint.ruleset import bundled_rules_dir, load_rules, rule_files
from medlint.yamlsource import load_yaml_text


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache in *tmp_path*, as a new process would start with."""
    monkeypatch.setenv("MEDLINT_PATTERN_CACHE", str(tmp_path / "patterns.marshal"))
    monkeypatch.setattr(rulecache, "_table", None)
    monkeypatch.setattr(rulecache, "_changed", False)
    return tmp_path / Path(rulecache.cache_file() or "").name


def _rules_as_data() -> list[tuple]:
    rules, errors = load_rules([(bundled_rules_dir(), True)])
    assert not errors
    return [(r.id, r.kind, r.check, r.severity, r.message, r.options, r.files, r.exclude, r.skip, r.examples, r.link)
            for r in rules]


def test_the_bundled_rules_load_the_same_parsed_or_kept(kept: Path) -> None:
    first = _rules_as_data()
    assert kept.is_file()
    stamp, table = marshal.loads(kept.read_bytes())
    assert len(table) == len(rule_files(bundled_rules_dir()))
    rulecache._table = None
    again = _rules_as_data()
    assert again == first and not rulecache._changed  # every one came from the file
    for path in rule_files(bundled_rules_dir()):  # and each is what a parse gives
        text = path.read_text(encoding="utf-8-sig")
        assert rulecache.parse(path, text) == load_yaml_text(text, trusted=True)


def test_changed_text_is_parsed_again(kept: Path, tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    assert rulecache.parse(path, "id: a\nseverity: info\n") == {"id": "a", "severity": "info"}
    assert rulecache.parse(path, "id: b\nseverity: info\n") == {"id": "b", "severity": "info"}
    one = rulecache.parse(path, "id: b\nlist: [1, 2]\n")
    two = rulecache.parse(path, "id: b\nlist: [1, 2]\n")
    assert one == two and one is not two and one["list"] is not two["list"]  # fresh objects each time
    assert rulecache.parse(path, "when: 2020-01-02\n") == load_yaml_text("when: 2020-01-02\n")  # a date: not kept


def test_off_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDLINT_PATTERN_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(rulecache, "_table", None)
    monkeypatch.setattr(rulecache, "_changed", False)
    assert rulecache.cache_file() is None
    assert rulecache.parse(tmp_path / "r.yaml", "id: a\n") == {"id": "a"}
    rulecache.save()
    assert list(tmp_path.iterdir()) == []


def test_a_damaged_file_is_ignored_and_a_users_rule_file_is_not_kept(kept: Path, tmp_path: Path) -> None:
    kept.write_bytes(b"not marshal")
    assert _rules_as_data()
    stamp, table = marshal.loads(kept.read_bytes())
    user = tmp_path / "rules" / "mine.yaml"
    user.parent.mkdir()
    user.write_text("id: my-rule\nkind: pattern\nseverity: info\nmessage: 'x {match}'\n"
                    "options:\n  patterns: ['zzz']\n", encoding="utf-8")
    rulecache._table = None
    load_rules([(user.parent, False)])
    assert all(str(user) != key for key in marshal.loads(kept.read_bytes())[1])
