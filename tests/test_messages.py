"""Messages a user can act on: 'did you mean' for unknown rule ids everywhere, YAML errors in
plain words, every error of a file at once, dates that should be quoted, several configs."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from medlint.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_did_you_mean_for_select_and_ignore(isolated: Path) -> None:
    (isolated / "a.md").write_text("Text.\n")
    result = run("check", "--select", "spellng,doi-resolvr", "a.md")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["--select: unknown rule 'doi-resolvr'; did you mean 'doi-resolver'?",
                                          "--select: unknown rule 'spellng'; did you mean 'spelling'?"]
    assert "did you mean 'sensational-language'?" in run("check", "--ignore", "sensational-langauge", "a.md").stderr


def test_did_you_mean_in_config_rules(isolated: Path) -> None:
    (isolated / ".medlint.yaml").write_text("rules:\n  sensational-langauge: off\n")
    result = run("check", ".")
    assert result.exit_code == 2
    assert (f"{isolated}/.medlint.yaml:2: rules.sensational-langauge: unknown rule 'sensational-langauge'; "
            "did you mean 'sensational-language'?") in result.stderr


def test_did_you_mean_in_suppression_comments(isolated: Path) -> None:
    (isolated / "a.md").write_text("A miracle. <!-- medlint-disable-line sensational-langage -->\n")
    assert ("[suppression-unknown-rule] Suppression names unknown rule 'sensational-langage'; "
            "did you mean 'sensational-language'?") in run("check", "a.md").stdout


def test_tab_in_yaml_is_said_plainly(isolated: Path) -> None:
    (isolated / ".medlint.yaml").write_text("rules:\n\tspelling: off\n")
    result = run("check", ".")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{isolated}/.medlint.yaml:2: tabs are not allowed in YAML indentation; use spaces"


def test_every_error_of_a_rule_file_at_once_and_dates_to_quote(isolated: Path) -> None:
    (isolated / "rules").mkdir()
    (isolated / "rules" / "fresh.yaml").write_text(
        "id: fresh\nkind: freshness\nseverity: loud\nmessage: m\noptions:\n  today: 2024-01-31\n  years: many\n")
    (isolated / ".medlint.yaml").write_text("extends: none\nrule_paths: [rules]\n")
    result = run("check", ".")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "rules/fresh.yaml:3: severity: expected one of: error, warning, info (got 'loud')".replace("rules/", f"{isolated}/rules/"),
        f"{isolated}/rules/fresh.yaml:6: options.today: expected a string "
        "(YAML read 2024-01-31 as a date: quote it, '2024-01-31')",
        f"{isolated}/rules/fresh.yaml:7: options.years: expected a whole number",
    ]


def test_every_options_error_of_a_config_at_once(isolated: Path) -> None:
    (isolated / ".medlint.yaml").write_text(
        "rules:\n  date-stale:\n    options:\n      today: 2024-01-31\n      years: many\n")
    errors = run("check", ".").stderr.splitlines()
    assert [e.split(": ", 1)[1] for e in errors] == [
        "rules.date-stale.options.today: expected a string (YAML read 2024-01-31 as a date: quote it, '2024-01-31')",
        "rules.date-stale.options.years: expected a whole number"]


def test_several_config_files_in_one_folder_is_a_warning(isolated: Path) -> None:
    (isolated / ".medlint.yaml").write_text("rules: {sensational-language: off}\n")
    (isolated / ".medlint.yml").write_text("rules: {}\n")
    (isolated / "a.md").write_text("A miracle.\n")
    result = run("check", "a.md")
    assert result.exit_code == 0 and "sensational-language" not in result.stdout  # .medlint.yaml is used
    assert result.stderr == (f"medlint: warning: {isolated}: several config files; using .medlint.yaml "
                             "and ignoring .medlint.yml\n")
    assert run("check", "-q", "a.md").stderr == ""
