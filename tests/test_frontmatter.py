"""Front matter in YAML, TOML and JSON; broken front matter keeps its position."""
from __future__ import annotations

import datetime

import pytest

from helpers import doc


def test_yaml_front_matter() -> None:
    d = doc("---\ntitle: Vitamin D\ndate: 2024-01-02\ntags: [a, b]\n---\n\nBody text.\n")
    fm = d.front_matter
    assert fm is not None and fm.format == "yaml" and fm.error is None
    assert fm.data["title"] == "Vitamin D" and fm.data["tags"] == ["a", "b"]
    assert d.body_start == d.text.index("\nBody") and "title" not in d.prose


def test_yaml_with_crlf_and_dots_closer() -> None:
    d = doc("---\r\ntitle: x\r\n...\r\nBody\r\n")
    assert d.front_matter.data == {"title": "x"}
    assert d.position(d.body_start) == (4, 1)


def test_toml_front_matter() -> None:
    d = doc('+++\ntitle = "Dose"\n[params]\nlevel = 3\n+++\nBody')
    assert d.front_matter.format == "toml"
    assert d.front_matter.data == {"title": "Dose", "params": {"level": 3}}
    assert d.prose.strip() == "Body"


def test_json_front_matter_like_hugo() -> None:
    text = '{\n    "title": "MS",\n    "aliases": ["/a+b", "/1810"]\n}\n\n# Heading\n'
    d = doc(text)
    assert d.front_matter.format == "json"
    assert d.front_matter.data["aliases"] == ["/a+b", "/1810"]
    assert d.headings[0].text == "Heading"
    assert "aliases" not in d.prose


def test_empty_yaml_front_matter_is_an_empty_mapping() -> None:
    d = doc("---\n---\nBody")
    assert d.front_matter.data == {} and d.front_matter.error is None


def test_broken_yaml_points_at_line_and_column() -> None:
    d = doc("---\ntitle: ok\nsummary: Vitamin D: the facts\n---\nBody")
    fm = d.front_matter
    assert fm.error.startswith("YAML front matter: mapping values are not allowed")
    assert d.position(fm.error_offset) == (3, 19)
    assert d.prose.strip() == "Body"


def test_unclosed_yaml_is_an_error_at_line_one() -> None:
    d = doc("---\ntitle: x\n\nBody")
    assert "not closed" in d.front_matter.error
    assert d.position(d.front_matter.error_offset) == (1, 1)


def test_non_mapping_yaml_is_an_error() -> None:
    d = doc("---\n- a\n- b\n---\nBody")
    assert "not a mapping" in d.front_matter.error


def test_broken_toml_and_json_report_their_line() -> None:
    toml = doc('+++\ntitle = "x"\nbad = \n+++\nBody')
    assert toml.front_matter.error.startswith("TOML front matter:")
    assert d_line(toml) == 3
    js = doc('{\n  "title": "x",\n}\nBody')
    assert js.front_matter.error.startswith("JSON front matter:")
    assert d_line(js) == 3


def d_line(d) -> int:
    return d.position(d.front_matter.error_offset)[0]


def test_thematic_break_and_brace_text_are_not_front_matter() -> None:
    assert doc("Text\n\n---\n").front_matter is None
    assert doc("---not front matter\n").front_matter is None
    assert doc("{braces} in text").front_matter is None


def test_yaml_alias_bomb_is_refused() -> None:
    lines = ["---", 'a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 12):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 99) + "]")
    lines += ["---", "Body"]
    d = doc("\n".join(lines))
    assert d.front_matter.error and "aliases" in d.front_matter.error


# -- the fast paths a site index relies on (issue 23): same answers as the plain code ---------

import re  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from medlint.markup.frontmatter import _brace_line  # noqa: E402

_CLOSING = re.compile(r"^\}[ \t]*(?:\r\n|\r|\n|\Z)", re.M)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["}", "{", "\n", "\r", "\r\n", " ", "\t", "a", '"x"']), max_size=14).map("".join))
def test_closing_brace_line_is_the_multiline_regex(text: str) -> None:
    """``_brace_line`` finds with str.find what ``^\\}...`` with re.M finds (``^`` only after \\n)."""
    want, got = _CLOSING.search(text), _brace_line(text)
    assert (want and want.span()) == (got and got.span())


def test_json_front_matter_ends_at_the_first_lone_brace_line() -> None:
    d = doc('{\n  "title": "A",\n  "n": {"a": 1\n}\n}\nBody } here\n}\n', path="x.md")
    assert d.front_matter is not None and d.front_matter.data == {"title": "A", "n": {"a": 1}}
    assert d.text[d.front_matter.end:].startswith("Body")


_URL_KEYS = frozenset({"slug", "date", "aliases"})


@pytest.mark.parametrize("body, fields", [
    ("title: A\nslug: a-page\ndate: 2011-10-11\ntags:\n- x\n- 3\n", {"slug": "a-page", "date": datetime.date(2011, 10, 11)}),
    ("slug: one\nslug: two\n", {"slug": "two"}),  # the last of a repeated key, as the full load
    ("aliases: [/a, /b]\nsize: 1.5\ndraft: false\nnote: ~\n", {"aliases": ["/a", "/b"]}),
    ("", {}),
    ("# only a comment\n", {}),
])
def test_yaml_fields_are_those_of_the_full_load(body: str, fields: dict[str, object]) -> None:
    from medlint.markup.frontmatter import front_data, front_fields
    from medlint.yamlsource import load_yaml_fields

    assert load_yaml_fields(body, _URL_KEYS) == fields
    text = f"---\n{body}---\nBody.\n"
    full = front_data(text)
    assert full is not None and front_fields(text, _URL_KEYS) == {k: v for k, v in full.items() if k in _URL_KEYS}


@pytest.mark.parametrize("body", [
    "slug: a\ndate: 2024-13-45\n",  # a date the full load refuses: no front matter at all
    "slug: a\nodd: =\n",  # the YAML "value" tag, which the safe loader cannot construct
    "slug: a\nkey: !custom x\n",
    "base: &b /x\naliases: [*b]\n",  # aliases: the full load checks what they expand to
    "slug: a\nparams:\n  slug: b\n",  # a nested mapping
    "? [a, b]\n: c\nslug: a\n",  # a key that is not a plain string
    "slug: a\n---\nslug: b\n",  # two documents
    "slug: [a\n",  # not YAML
    "slug: a\nlist:\n" + "".join("  " * i + "- \n" for i in range(120)),  # deeper than MAX_DEPTH
])
def test_yaml_fields_leave_what_they_cannot_vouch_for_to_the_full_load(body: str) -> None:
    from medlint.markup.frontmatter import front_data, front_fields
    from medlint.yamlsource import load_yaml_fields

    assert load_yaml_fields(body, _URL_KEYS) is None
    text = f"---\n{body}---\nBody.\n"
    assert front_fields(text, _URL_KEYS) == front_data(text)  # the full load's answer, error or not
