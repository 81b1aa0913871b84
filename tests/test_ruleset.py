"""Rule files: validation errors name the file, the line and the key."""
from __future__ import annotations

from pathlib import Path

import pytest

from medlint.errors import ConfigError
from medlint.ruleset import load_rule_file, load_rules

GOOD = """id: my-rule
kind: pattern
severity: warning
message: "Avoid '{match}'"
description: Why. And more.
options:
  tokens: [hype]
"""


def write(tmp_path: Path, text: str, name: str = "r.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConfigError) as err:
        load_rule_file(write(tmp_path, text))
    return str(err.value)


def test_good_rule(tmp_path: Path) -> None:
    rule = load_rule_file(write(tmp_path, GOOD))
    assert (rule.id, rule.kind, rule.severity, rule.summary) == ("my-rule", "pattern", "warning", "Why.")


def test_wrong_type_names_line_and_key(tmp_path: Path) -> None:
    text = GOOD.replace("tokens: [hype]", "tokens: hype")
    assert error_of(tmp_path, text) == f"{tmp_path / 'r.yaml'}:7: options.tokens: expected a list"


def test_unknown_key_is_an_error(tmp_path: Path) -> None:
    message = error_of(tmp_path, GOOD + "colour: red\n")
    assert ":8: colour: unknown key 'colour'" in message


def test_unknown_option_is_an_error(tmp_path: Path) -> None:
    message = error_of(tmp_path, GOOD + "  token: [x]\n")
    assert ":8: options.token: unknown key 'token'" in message


def test_unknown_kind(tmp_path: Path) -> None:
    assert ":2: kind: unknown kind 'speling'" in error_of(tmp_path, GOOD.replace("kind: pattern", "kind: speling"))


def test_missing_required_key(tmp_path: Path) -> None:
    assert "missing required key 'severity'" in error_of(tmp_path, GOOD.replace("severity: warning\n", ""))


def test_bad_severity_and_id(tmp_path: Path) -> None:
    assert ":3: severity: expected one of: error, warning, info" in error_of(tmp_path, GOOD.replace("severity: warning", "severity: loud"))
    assert ":1: id: 'My Rule' does not match" in error_of(tmp_path, GOOD.replace("id: my-rule", "id: My Rule"))


def test_bad_regex_names_its_item(tmp_path: Path) -> None:
    text = GOOD.replace("tokens: [hype]", "patterns:\n    - ok\n    - '(unclosed'")
    assert ":9: options.patterns[1]: invalid regular expression" in error_of(tmp_path, text)


def test_unknown_placeholder(tmp_path: Path) -> None:
    assert ":4: message: unknown placeholder {replacement}" in error_of(tmp_path, GOOD.replace("'{match}'", "'{replacement}'"))
    assert "bad braces" in error_of(tmp_path, GOOD.replace("'{match}'", "'{match'"))


def test_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    assert ":3:" in error_of(tmp_path, "id: x\nkind: pattern\nseverity: [unclosed\n")


def test_not_a_mapping(tmp_path: Path) -> None:
    assert "must be a mapping" in error_of(tmp_path, "- a\n- b\n")


def test_yaml_tags_are_refused(tmp_path: Path) -> None:
    assert "could not determine a constructor" in error_of(tmp_path, "id: !!python/object/apply:os.system ['true']\n")


def test_load_rules_collects_all_errors_and_duplicates(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    write(tmp_path, "kind: nope\n", "c.yml")
    rules, errors = load_rules([(tmp_path, False)])
    assert [r.id for r in rules] == ["my-rule"]
    messages = [str(e) for e in errors]
    assert any("duplicate rule id 'my-rule'" in m for m in messages)
    assert any("unknown kind 'nope'" in m for m in messages)


IDENTIFIER_RULE = """id: my-pmid
kind: identifiers
{check}severity: warning
message: "PMID '{{match}}': {{problem}}"
description: Why.
"""


def test_a_kind_with_checks_needs_one_in_the_rule_file(tmp_path: Path) -> None:
    assert "check: kind 'identifiers' needs a check, one of doi-malformed" in error_of(tmp_path, IDENTIFIER_RULE.format(check=""))
    assert "check: unknown check 'pmids'" in error_of(tmp_path, IDENTIFIER_RULE.format(check="check: pmids\n"))
    assert load_rule_file(write(tmp_path, IDENTIFIER_RULE.format(check="check: pmid\n"))).check == "pmid"
    assert "check: kind 'pattern' has no sub-checks" in error_of(tmp_path, GOOD.replace("kind: pattern\n", "kind: pattern\ncheck: pmid\n"))


def test_the_config_cannot_change_a_rules_check(isolated: Path) -> None:
    """A rule's check is its identity: `options: {check: isbn}` on doi-mismatch is refused,
    not run as an ISBN check under the DOI rule's name and message."""
    from medlint.config import ConfigErrors, config_from_dict

    cfg = config_from_dict({"rules": {"doi-mismatch": {"options": {"check": "isbn"}}}}, isolated)
    with pytest.raises(ConfigErrors) as err:
        cfg.ruleset()
    assert "rules.doi-mismatch.options" in str(err.value) and "check" in str(err.value)


def test_only_checks_that_resolve_links_build_the_site_index(isolated: Path) -> None:
    from medlint.config import config_from_dict

    cfg = config_from_dict({}, isolated)
    assert not cfg.ruleset(select=["link-unknown-marker"]).needs_site()
    assert cfg.ruleset(select=["link-anchor"]).needs_site()


def test_options_have_their_kinds_defaults_and_unset_placeholders_are_empty(tmp_path: Path) -> None:
    from medlint.kinds.pattern import DEFAULTS
    from medlint.pipeline import Run
    from medlint.ruleset import RuleSet, Setting

    assert set(DEFAULTS) <= set(load_rule_file(write(tmp_path, GOOD, "p.yaml")).options)
    rule = load_rule_file(write(tmp_path, IDENTIFIER_RULE.format(check="check: doi-mismatch\n")
                                .replace("PMID '{match}': {problem}", "Shows {match}, goes to {doi}{problem}")))
    assert rule.options["resolver"] == "https://doi.org"  # the kind's default, in force
    ruleset = RuleSet([rule], {rule.id: Setting(enabled=True)}, [])
    text = "[10.1000/a](https://doi.org/10.1000/b)"
    diagnostics, _ = Run({}, ruleset=ruleset).lint_document(text, "x.md")
    assert [d.message for d in diagnostics] == ["Shows 10.1000/a, goes to 10.1000/b"]


def test_a_bundled_rules_own_patterns_compile_on_first_use_and_match_alike() -> None:
    """A bundled rule built with its own options defers compiling its patterns (the test suite
    compiles them: they are valid); with options from a config they compile at once, so a bad
    pattern a user wrote is still an error when the rules are loaded."""
    from medlint.kinds import common
    from medlint.ruleset import RuleSet, Setting, bundled_rules_dir

    with common.deferred_patterns():
        deferred = common.compile_regex(r"\bdose\w*", ["patterns", 0], 2)
    assert "_compiled" not in deferred.compiled.__dict__  # not compiled yet
    eager = common.compile_regex(r"\bdose\w*", ["patterns", 0], 2)
    text = "The Doses and the doses."
    assert [m.span() for m in deferred.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert deferred.search(text, 5).span() == eager.search(text, 5).span() and deferred.flags == eager.flags
    with pytest.raises(common.OptionError):
        common.compile_regex("(unclosed", ["patterns", 0])

    seen: list[bool] = []
    original = common.compile_regex

    def spy(pattern: str, path: list[object], flags: int = 0) -> object:
        seen.append(common._DEFERRED.get())
        return original(pattern, path, flags)

    rules, _ = load_rules([(bundled_rules_dir(), True)])
    rule = next(r for r in rules if r.id == "disclaimer-missing")
    from medlint.kinds import required

    required.compile_regex = spy  # type: ignore[attr-defined]
    try:
        RuleSet(rules, {}, []).check_for(rule, rule.options)
        assert seen and all(seen)
        seen.clear()
        RuleSet(rules, {"disclaimer-missing": Setting(options={"lines": 3})}, []).check_for(
            rule, {**rule.options, "lines": 3})
        assert seen and not any(seen)
    finally:
        required.compile_regex = original  # type: ignore[attr-defined]


def test_bundled_is_decided_by_the_real_path(tmp_path: Path) -> None:
    """A rule file links to its README anchor when it lies, symlinks resolved, in the bundled folder."""
    from medlint.ruleset import _is_bundled, bundled_rules_dir

    bundled = bundled_rules_dir()
    assert _is_bundled(bundled / "spelling.yaml")
    assert not _is_bundled(write(tmp_path, GOOD))
    inside = tmp_path / "inside.yaml"
    inside.symlink_to(bundled / "spelling.yaml")
    assert _is_bundled(inside)
    outside = tmp_path / "folder"
    outside.symlink_to(bundled)
    assert _is_bundled(outside / "spelling.yaml")
    assert not _is_bundled(bundled.parent / (bundled.name + "-other") / "spelling.yaml")


def test_deferred_patterns_are_compiled_before_workers_fork() -> None:
    """A parallel run compiles the deferred patterns still in use once, in the parent."""
    from medlint.kinds import common

    with common.deferred_patterns():
        kept = common.compile_regex(r"\bserum\b", ["patterns", 0])
    common.compile_deferred()
    assert "_compiled" in kept.compiled.__dict__
    assert kept.search("a serum level").span() == (2, 7)
