"""``frontmatter``: front matter the site generator cannot read, or that breaks the site's schema.

Without ``schema`` the rule reports syntax errors; with one, it validates the
parsed front matter with jsonschema (dates as ISO strings) and reports each
violation at the line of the offending key.
"""
from __future__ import annotations

import datetime
import functools
import json
import re
from typing import Any, Callable, Iterable, Iterator

from .. import quickschema
from ..diagnostic import Finding
from ..document import Document
from . import BuildContext, OptionError
from .common import regex_timeout, shown_pattern

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "schema": {"type": "object"},
        "schema_file": {"type": "string", "minLength": 1},
        "require_front_matter": {"type": "boolean"},
    },
}
DEFAULTS: dict[str, Any] = {"require_front_matter": False}
PLACEHOLDERS = ("match", "error")
FILE_OPTIONS = ("schema_file",)


def _plain(value: Any) -> Any:
    """Front matter as JSON would hold it: dates become ISO strings."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    return value


def _line_end(doc: Document, at: int) -> int:
    """The offset where the line holding *at* ends (before its line break)."""
    line, column = doc.position(at)
    return at + max(len(doc.line_text(line)) - (column - 1), 0)


def _key_offset(doc: Document, path: list[Any]) -> int:
    """Where the deepest named key of *path* is written in the front matter (or its start)."""
    fm = doc.front_matter
    assert fm is not None
    keys = [str(p) for p in path if not isinstance(p, int)]
    for key in reversed(keys):
        m = re.compile(r"(?m)^[ \t]*[\"']?" + re.escape(key) + r"[\"']?[ \t]*[:=]").search(doc.text, fm.content_start, fm.content_end)
        if m:
            return m.start() + len(m.group()) - len(m.group().lstrip())
    return fm.start


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    schema = options.get("schema")
    if options.get("schema_file"):
        path = context.project_file(options["schema_file"], ["schema_file"])
        try:
            schema = json.loads(path.read_text(encoding="utf-8")) if path.suffix == ".json" else _yaml(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise OptionError(["schema_file"], f"cannot read the schema: {exc}") from None
    # jsonschema is imported only for a schema quickschema cannot judge, or for
    # front matter it does not find certainly valid (see quickschema's docstring).
    simple = schema is not None and quickschema.is_simple(schema)
    validators = [] if schema is None or simple else [_validator(schema)]
    require = options["require_front_matter"]

    def check(doc: Document) -> Iterable[Finding]:
        fm = doc.front_matter
        if schema is None:
            if fm is not None and fm.error is not None:
                at = fm.error_offset if fm.error_offset is not None else fm.start
                end = _line_end(doc, at)
                yield Finding(at, end, {"match": doc.text[at:end].strip(), "error": fm.error})
            return
        if fm is None:
            if require:
                yield Finding(0, 0, {"match": "", "error": "the page has no front matter"})
            return
        if fm.error is not None:
            return  # frontmatter-syntax reports it
        data = _plain(fm.data)
        if simple and quickschema.certainly_valid(schema, data):
            return
        from ..yamlsource import describe_error

        if not validators:
            validators.append(_validator(schema))
        for error in sorted(validators[0].iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
            path, message = describe_error(error)
            at = _key_offset(doc, path)
            where = ".".join(str(p) for p in path)
            yield Finding(at, _line_end(doc, at), {"match": where, "error": f"{where}: {message}" if where else message})

    return check


def _validator(schema: Any) -> Any:
    from jsonschema.exceptions import SchemaError

    from ..yamlsource import schema_validator

    try:
        return schema_validator(schema, formats=True, validator_class=_bounded_validator_class())
    except SchemaError as exc:
        raise OptionError(["schema"], f"not a valid JSON Schema: {exc.message}") from None


def _bounded_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    """jsonschema's ``pattern`` keyword with a time limit on each search: a schema
    shared between projects must not hang a run with a backtracking pattern."""
    import regex
    from jsonschema.exceptions import ValidationError

    if not validator.is_type(instance, "string"):
        return
    try:
        found = regex.search(pattern, instance, regex.VERSION0, timeout=regex_timeout(len(instance)))
    except TimeoutError:
        yield ValidationError(f"the schema's pattern {shown_pattern(pattern)} took longer than "
                              f"{regex_timeout(len(instance)):g} s on this value and was stopped; simplify it "
                              "(nested repeats such as (a+)+ backtrack)")
        return
    if found is None:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@functools.lru_cache(maxsize=1)
def _bounded_validator_class() -> Any:
    """Draft 2020-12 with :func:`_bounded_pattern` (jsonschema is imported only here)."""
    from jsonschema import Draft202012Validator, validators

    return validators.extend(Draft202012Validator, {"pattern": _bounded_pattern})


def _yaml(text: str) -> Any:
    from ..yamlsource import load_yaml_text

    return load_yaml_text(text)
