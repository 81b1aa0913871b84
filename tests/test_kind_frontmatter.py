"""The frontmatter kind reports front matter that does not parse, where it breaks."""
from __future__ import annotations

from kindhelpers import run_rule


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
