"""Inline suppressions in comments and front matter."""
from __future__ import annotations

from medlint import lint_text

HYPE = ["sensational-language"]
#: sensational-language, the example rule here (in the default preset since issue 16; turned on so that the
#: tests do not depend on which preset it is in).
ON = {"rules": {"sensational-language": "on"}}


def rules_on_lines(text: str, path: str = "x.md", **kwargs) -> list[tuple[int, str]]:
    return [(d.line, d.rule) for d in lint_text(text, path=path, config=ON, **kwargs)
            if d.rule in ("sensational-language", "suppression-unused", "suppression-unknown-rule")]


def test_disable_enable_range() -> None:
    text = "miracle\n<!-- medlint-disable sensational-language -->\nmiracle\nmiracle\n<!-- medlint-enable -->\nmiracle\n"
    assert rules_on_lines(text) == [(1, "sensational-language"), (6, "sensational-language")]


def test_disable_all_rules_and_reason() -> None:
    text = "<!-- medlint-disable -- quoted from the press release -->\nmiracle breakthrough\n"
    assert rules_on_lines(text) == []


def test_next_line_and_same_line() -> None:
    text = ("<!-- medlint-disable-next-line sensational-language -->\nmiracle\nmiracle\n"
            "miracle <!-- medlint-disable-line sensational-language -->\n")
    assert rules_on_lines(text) == [(3, "sensational-language")]


def test_file_wide_and_front_matter() -> None:
    assert rules_on_lines("miracle\n\n<!-- medlint-disable-file sensational-language -->\n") == []
    assert rules_on_lines("---\nmedlint: {disable: [sensational-language]}\n---\nmiracle\n") == []
    assert rules_on_lines("---\nmedlint: {disable: [doi-malformed]}\n---\nmiracle\n") == [(4, "sensational-language")]


def test_other_rules_not_affected() -> None:
    text = "<!-- medlint-disable doi-malformed -->\nmiracle\n"
    assert rules_on_lines(text) == [(2, "sensational-language")]


def test_enable_one_of_two_keeps_the_other_off() -> None:
    text = ("<!-- medlint-disable sensational-language, doi-malformed -->\nmiracle doi:10.1/x–y\n"
            "<!-- medlint-enable sensational-language -->\nmiracle doi:10.1/x–y\n")
    found = [(d.line, d.rule) for d in lint_text(text, config=ON, select=["sensational-language", "doi-malformed"])]
    assert found == [(4, "sensational-language")]


def test_directive_in_code_is_an_example_not_a_directive() -> None:
    text = "```html\n<!-- medlint-disable -->\n```\n\nmiracle\n"
    assert rules_on_lines(text) == [(5, "sensational-language")]


def test_html_files() -> None:
    text = "<p>miracle</p>\n<!-- medlint-disable-next-line -->\n<p>miracle</p>\n"
    assert rules_on_lines(text, "x.html") == [(1, "sensational-language")]


def test_unknown_rule_is_reported() -> None:
    text = "<!-- medlint-disable sensational-languag -->\nmiracle\n"
    found = lint_text(text, config=ON)
    assert [(d.line, d.rule, d.message) for d in found if d.rule.startswith("suppression")] == [
        (1, "suppression-unknown-rule", "Suppression names unknown rule 'sensational-languag'; did you mean 'sensational-language'?")]


def test_unused_suppressions_on_request() -> None:
    text = "<!-- medlint-disable-next-line sensational-language -->\ncalm words\n<!-- medlint-disable-next-line -->\nmiracle\n"
    assert rules_on_lines(text) == []
    from medlint.pipeline import Run, RunOptions

    diagnostics, _ = Run(ON, options=RunOptions(report_unused_suppressions=True)).lint_document(text, "x.md")
    assert [(d.line, d.rule, d.message) for d in diagnostics] == [
        (1, "suppression-unused", "Suppression of 'sensational-language' silenced nothing; remove it")]


def test_select_filters_meta_diagnostics() -> None:
    text = "<!-- medlint-disable nope -->\nmiracle\n"
    assert [d.rule for d in lint_text(text, config=ON, select=["sensational-language"])] == ["sensational-language"]
    assert [d.rule for d in lint_text(text, config=ON, ignore=["suppression-unknown-rule"])] == ["sensational-language"]
