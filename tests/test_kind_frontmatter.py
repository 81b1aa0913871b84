"""The frontmatter kind reports front matter that does not parse, where it breaks."""
from __future__ import annotations

from helpers import run_rule


def test_reports_yaml_error_at_its_column() -> None:
    (d,) = run_rule("frontmatter", {}, "---\ntitle: Vitamin D: facts\n---\nBody", message="{error}")
    assert (d.line, d.column) == (2, 17)  # the second colon
    assert d.message.startswith("YAML front matter: mapping values")


def test_valid_or_absent_front_matter_is_fine() -> None:
    assert run_rule("frontmatter", {}, "---\ntitle: ok\n---\nBody") == []
    assert run_rule("frontmatter", {}, "Body") == []


def test_reports_in_every_format() -> None:
    assert len(run_rule("frontmatter", {}, "---\na: [\n---\n<p>x</p>", path="x.html")) == 1
    assert len(run_rule("frontmatter", {}, '{\n"a": 1,\n}\ntext', path="x.txt")) == 1


# -- quickschema: a "certainly valid" that must never contradict jsonschema ---------

import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from medlint import quickschema  # noqa: E402

_scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(-5, 5, allow_nan=False),
                     st.text(max_size=6), st.sampled_from(["2024-01-02", "July 2011", "", "x"]))
_values = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["title", "date", "tags", "n"]), inner, max_size=4)),
    max_leaves=8)
_leaf_schemas = st.fixed_dictionaries({}, optional={
    "type": st.one_of(st.sampled_from(list(quickschema._TYPES)), st.lists(st.sampled_from(list(quickschema._TYPES)),
                                                                          min_size=1, max_size=2, unique=True)),
    "minLength": st.integers(0, 3), "maxLength": st.integers(0, 5), "pattern": st.sampled_from(["^\\d{4}-", "a", "^$"]),
    "enum": st.lists(_scalars, max_size=3), "minimum": st.integers(-3, 3), "maximum": st.integers(-3, 3),
    "minItems": st.integers(0, 2), "maxItems": st.integers(0, 3), "const": _scalars,
})
_schemas = st.recursive(_leaf_schemas, lambda inner: st.one_of(
    st.fixed_dictionaries({"type": st.just("object")}, optional={
        "properties": st.dictionaries(st.sampled_from(["title", "date", "tags", "n"]), inner, max_size=3),
        "required": st.lists(st.sampled_from(["title", "date", "tags"]), max_size=2, unique=True),
        "additionalProperties": st.one_of(st.booleans(), inner), "minProperties": st.integers(0, 2)}),
    st.fixed_dictionaries({"type": st.just("array")}, optional={"items": inner, "uniqueItems": st.booleans()}),
    st.fixed_dictionaries({"oneOf": st.lists(inner, min_size=1, max_size=3)})), max_leaves=5)


@settings(max_examples=400, deadline=None)
@pytest.mark.slow
@given(_schemas, _values)
def test_quickschema_never_accepts_what_jsonschema_rejects(schema: dict, value: object) -> None:
    from jsonschema import Draft202012Validator

    assert quickschema.is_simple(schema)
    if quickschema.certainly_valid(schema, value):
        assert Draft202012Validator(schema).is_valid(value), (schema, value)


def test_quickschema_accepts_the_common_case_and_declines_the_rest() -> None:
    default = {"type": "object", "required": ["title", "date"], "properties": {
        "title": {"type": "string", "minLength": 1}, "date": {"type": "string", "pattern": r"^\d{4}-\d\d-\d\d$"}}}
    assert quickschema.is_simple(default)
    assert quickschema.certainly_valid(default, {"title": "Vitamin D", "date": "2024-01-02", "tags": ["x"]})
    assert not quickschema.certainly_valid(default, {"title": "", "date": "2024-01-02"})
    assert not quickschema.certainly_valid(default, {"title": "x"})
    for hard in ({"anyOf": [{"type": "string"}]}, {"type": "strin"}, {"required": ["a", "a"]},
                 {"pattern": "("}, {"format": "date"}, {"minLength": -1}, {"type": []}, {"type": ["string", "string"]}):
        assert not quickschema.is_simple(hard)


def test_quickschema_one_of_and_unique_items() -> None:
    """The config's rule settings: exactly one of a boolean, a word or a mapping."""
    setting = {"oneOf": [{"type": "boolean"}, {"enum": ["off", "on", "error"]},
                         {"type": "object", "properties": {"skip": {"type": "array", "uniqueItems": True}}}]}
    assert quickschema.is_simple(setting)
    for fine in (True, "on", {"skip": ["a", "b"]}, {}):
        assert quickschema.certainly_valid(setting, fine), fine
    for unsure in ("of", 1, {"skip": ["a", "a"]}, {"skip": [1, 1.0]}, None):
        assert not quickschema.certainly_valid(setting, unsure), unsure
    # Two alternatives that may both accept: never "certainly" (oneOf wants exactly one).
    assert not quickschema.certainly_valid({"oneOf": [{"type": "string"}, {"minLength": 1}]}, "x")
    # jsonschema counts 1.0 as an integer, so an integer alternative does not rule 1.0 out.
    assert not quickschema.certainly_valid({"oneOf": [{"type": "integer"}, {"type": "number"}]}, 1.0)
    assert not quickschema.is_simple({"oneOf": []})
    assert not quickschema.is_simple({"uniqueItems": "yes"})


def test_schema_errors_still_come_from_jsonschema() -> None:
    """An invalid page is reported with jsonschema's findings, the same as before."""
    from medlint import lint_text

    found = lint_text("---\ntitle: ''\ndate: July 2011\n---\nBody.", config={}, select=["frontmatter-schema"])
    messages = sorted(d.message for d in found)
    assert len(messages) == 2
    assert any("date" in m and "does not match" in m for m in messages)
    assert any("title" in m and "must not be empty" in m for m in messages)


def test_a_backtracking_schema_pattern_is_stopped(monkeypatch) -> None:
    import subprocess
    import sys

    code = ("import sys, medlint.fastre as c; c.REGEX_TIMEOUT = 0.5; c.REGEX_SECONDS_PER_MB = 0\n"
            "from medlint import lint_text\n"
            "cfg = {'rules': {'frontmatter-schema': {'options': {'schema': {'type': 'object', 'properties': "
            "{'title': {'type': 'string', 'pattern': '^(a|aa)+$'}}}}}}}\n"
            "for d in lint_text(sys.stdin.read(), config=cfg, select=['frontmatter-schema']): print(d.message)\n")
    front = "---\ntitle: " + "a" * 40 + "!\ndate: 2020-01-01\n---\nBody.\n"
    proc = subprocess.run([sys.executable, "-c", code], input=front, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-400:]
    assert "the schema's pattern '^(a|aa)+$' took longer than 0.5 s on this value and was stopped" in proc.stdout
