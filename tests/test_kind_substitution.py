"""The substitution kind: preferred terms with a safe fix."""
from __future__ import annotations

from helpers import run_rule

OPTS = {"swap": {"utilize": "use", "in order to": "to"}, "ignorecase": True}
MSG = "Use '{replacement}' instead of '{match}'"


def test_reports_with_replacement_and_fix() -> None:
    (d,) = run_rule("substitution", OPTS, "We utilize it.", message=MSG)
    assert d.message == "Use 'use' instead of 'utilize'"
    assert d.fix is not None and d.fix.replacement == "use" and d.fix.safe
    assert (d.fix.line, d.fix.column, d.fix.end_line, d.fix.end_column) == (1, 4, 1, 11)
    assert d.to_json()["fix"] == {"replacement": "use", "start": {"line": 1, "column": 4}, "end": {"line": 1, "column": 11}, "safe": True}


def test_keeps_case_and_handles_phrases() -> None:
    diags = run_rule("substitution", OPTS, "Utilize it\nin order\nto win. UTILIZE!", message=MSG)
    assert [d.fix.replacement for d in diags] == ["Use", "to", "USE"]


def test_case_sensitive_by_default() -> None:
    assert run_rule("substitution", {"swap": {"mcg": "µg"}}, "5 MCG") == []


def test_regex_keys() -> None:
    diags = run_rule("substitution", {"swap": {r"e-?mail": "email"}, "regex": True}, "Send an e-mail or a email.")
    assert [d.fix.replacement for d in diags] == ["email"]


def test_only_prose_by_default() -> None:
    assert run_rule("substitution", OPTS, "`utilize` and [x](utilize.md)") == []


def test_many_plain_swaps_run_as_one_trie() -> None:
    swaps = {f"wrongword{i}": f"right{i}" for i in range(5000)} | {"MS patients": "people with MS"}
    found = run_rule("substitution", {"swap": swaps, "ignorecase": True}, "wrongword42 and Wrongword4999; ms  patients.")
    assert [(d.message, d.fix.replacement) for d in found] == [
        ("wrongword42", "right42"), ("Wrongword4999", "Right4999"), ("ms  patients", "people with MS")]
