"""YAML loading with line numbers for error messages.

Everything is loaded with PyYAML's safe loader (the C one when available).
Line numbers are only needed when something is wrong, so the node tree that
carries them is composed lazily, on the error path.
"""
from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any, Iterable, Sequence

import yaml

from .errors import ConfigError

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Bound on the size of a document once its aliases are expanded (values counted as
#: a walk visits them): a 700-byte "billion laughs" of aliases of aliases would
#: otherwise make every reader of the data (schema checks, JSON) run for ever.
MAX_NODES = 100_000


class YAMLSyntaxError(Exception):
    def __init__(self, message: str, line0: int | None, column0: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line0 = line0  # 0-based line, or None
        self.column0 = column0


#: Deeper nesting is refused before parsing: libyaml recurses once per level and
#: crashes the interpreter (not an exception) on a few thousand.
MAX_DEPTH = 100
_INDENT = re.compile(r"^( *)((?:- +)*)(?=\S)", re.M)


def nesting_depth(text: str, indentation: bool = True) -> int:
    """An upper bound on how deeply a YAML or JSON document nests: brackets, or levels
    of indentation (each deeper indentation opens one level, however many spaces it
    takes, and each ``- `` of a compact sequence another). JSON nests by brackets
    only, so it passes ``indentation=False``.

    Text that opens no more than :data:`MAX_DEPTH` brackets cannot nest deeper than
    that, so the count stands for the depth (a site index asks this of thousands of
    pages; walking their characters in Python took half its time)."""
    opened = text.count("[") + text.count("{")
    deepest = opened if opened <= MAX_DEPTH else _bracket_depth(text)
    if not indentation:
        return deepest
    levels = [0]
    for m in _INDENT.finditer(text):
        indent = len(m.group(1))
        while levels[-1] > indent:
            levels.pop()
        if levels[-1] < indent:
            levels.append(indent)
        deepest = max(deepest, len(levels) - 1 + m.group(2).count("-"))
    return deepest


def _bracket_depth(text: str) -> int:
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif ch in "]}" and depth:
            depth -= 1
    return deepest


_TOML_KEY = re.compile(r"^[ \t]*(\[{1,2}[^\]\n]*|[^=\n]*=)", re.M)


def toml_key_depth(text: str) -> int:
    """An upper bound on how deeply TOML's dotted keys and table headers nest (Python's
    TOML reader takes time quadratic in it, then recurses once per level)."""
    return max((m.group(1).count(".") + 1 for m in _TOML_KEY.finditer(text)), default=0)


def expanded_size(data: Any, limit: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> int | None:
    """How many values a walk of *data* visits (an alias is visited once per use), or
    None when that is more than *limit*, when the data nests more than *max_depth*
    levels, or when it contains itself.  Linear in the number of distinct values:
    each one's size is computed once."""
    sizes: dict[int, int] = {}
    busy: set[int] = set()

    def size(value: Any, depth: int) -> int | None:
        if not isinstance(value, (dict, list)):
            return 1
        if depth > max_depth:
            return None
        key = id(value)
        if key in sizes:
            return sizes[key]
        if key in busy:
            return None  # an alias of an enclosing value: a walk would never end
        busy.add(key)
        total = 1
        for child in (value.values() if isinstance(value, dict) else value):
            child_size = size(child, depth + 1)
            if child_size is None:
                return None
            total += child_size
            if total > limit:
                return None
        busy.discard(key)
        sizes[key] = total
        return total

    return size(data, 0)


def load_yaml_text(text: str, trusted: bool = False) -> Any:
    """Parse YAML safely; raise :class:`YAMLSyntaxError` with a 0-based line. *trusted*
    text (medlint's own rule files, which the test suite loads) skips the guards against
    hostile nesting and aliases, a third of reading the bundled rules at every start."""
    if not trusted and nesting_depth(text) > MAX_DEPTH:
        raise YAMLSyntaxError(f"nested more than {MAX_DEPTH} levels deep", None)
    try:
        data = yaml.load(text, Loader=_Loader)
        if not trusted and "*" in text and expanded_size(data) is None:
            raise YAMLSyntaxError(f"its aliases (*name) expand to more than {MAX_NODES:,} values, or to a value that "
                                  "contains itself; write the values out", None)
        return data
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and mark is not None and mark.index >= len(text.rstrip()):
            mark = exc.context_mark  # ran off the end: the opening bracket is what to fix
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        if "'\\t'" in problem or (mark is not None and _tab_indented(text, mark.line)):
            problem = "tabs are not allowed in YAML indentation; use spaces"
        return _raise(problem, mark.line if mark else None, mark.column if mark else 0)
    except yaml.YAMLError as exc:
        return _raise(str(exc).splitlines()[0] if str(exc) else "invalid YAML", None)
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # e.g. a date like 2024-13-45, or absurd nesting
        return _raise(f"invalid value: {exc}", None)


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def load_yaml_fields(text: str, keys: frozenset[str]) -> dict[str, Any] | None:
    """The values of *keys* in the mapping :func:`load_yaml_text` gives for *text* (the
    other keys left out), or None when that is not known so: for a plain mapping of
    plain keys to strings, numbers, dates and lists of them, the document is composed
    and only those values are constructed (Python work per value, most of a site
    index's YAML time, which wants two or three keys of each page); every other
    value is constructed only where it could fail (a date, a number), so that a page
    ``load_yaml_text`` refuses gets None here. Anything else (aliases, nested
    mappings, tags that are not plain) answers None, for the full load to decide."""
    if "*" in text:
        return None  # aliases are checked for their expanded size by the full load
    # Lines, "- " and brackets bound the depth nesting_depth finds (a level of indentation
    # takes a line, a compact sequence a "- " each): a few dozen lines need no closer look.
    if text.count("\n") + text.count("- ") + text.count("[") + text.count("{") > MAX_DEPTH \
            and nesting_depth(text) > MAX_DEPTH:
        return None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}  # an empty document: load_yaml_text's None, no front matter values
        if not isinstance(node, yaml.MappingNode) or node.tag != _MAP:
            return None
        out: dict[str, Any] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag != _STR or not _constructs(loader, value):
                return None
            if key.value in keys:
                out[key.value] = loader.construct_object(value, deep=True)
        return out
    except Exception:  # the full load reports it (or finds the value fine after all)
        return None
    finally:
        loader.dispose()


def _constructs(loader: Any, node: Any) -> bool:
    """Whether *node* constructs as the full load would without error: a plain string
    always does; another scalar is constructed to see (raising if it fails); a list,
    if its items do. False for anything else."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag != _STR:
            loader.construct_object(node, deep=True)
        return True
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        return all(_constructs(loader, item) for item in node.value)
    return False


def _tab_indented(text: str, line0: int) -> bool:
    """Whether line *line0* (or the one before, where PyYAML often points) is indented with a tab."""
    lines = text.splitlines()
    return any("\t" in lines[i][:len(lines[i]) - len(lines[i].lstrip())]
               for i in (line0 - 1, line0) if 0 <= i < len(lines))


def _raise(message: str, line0: int | None, column0: int = 0) -> Any:
    raise YAMLSyntaxError(message, line0, column0)


def key_line(text: str, path: Sequence[Any]) -> int | None:
    """1-based line of the key (or item) at *path* in a YAML document.

    Walks as deep as the path exists and returns the line of the deepest
    node found, so a missing key points at its parent.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    line = node.start_mark.line + 1
    for part in path:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if str(key.value) == str(part):
                    line, node = key.start_mark.line + 1, value
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


_TYPE_NAMES = {
    "array": "a list",
    "object": "a mapping",
    "string": "a string",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "null": "nothing",
}


def describe_error(error: Any) -> tuple[list[Any], str]:
    """Turn a jsonschema ValidationError into (key path, short message)."""
    path = list(error.absolute_path)
    validator = error.validator
    value = error.validator_value
    if validator == "type":
        kinds = value if isinstance(value, list) else [value]
        message = "expected " + " or ".join(_TYPE_NAMES.get(k, k) for k in kinds)
        if isinstance(error.instance, (datetime.date, datetime.datetime)):
            # YAML reads an unquoted 2024-01-31 as a date, not the text the option wants.
            message += f" (YAML read {error.instance} as a date: quote it, '{error.instance}')"
        return path, message
    if validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        if extra:
            known = ", ".join(sorted(allowed)) or "none"
            return path + [extra[0]], f"unknown key '{extra[0]}' (known keys: {known})"
    if validator == "required":
        missing = [k for k in value if k not in (error.instance or {})]
        return path, "missing required key '" + (missing[0] if missing else "?") + "'"
    if validator == "enum":
        return path, "expected one of: " + ", ".join(str(v) for v in value) + f" (got {error.instance!r})"
    if validator == "pattern" and "took longer than" not in error.message:
        return path, f"{error.instance!r} does not match the pattern {value}"
    if validator in ("minItems", "minLength", "minProperties"):
        return path, "must not be empty"
    if validator in ("oneOf", "anyOf") and error.context:
        # An alternative that got deeper than this value is the likeliest intent.
        deeper = [e for e in error.context if len(e.absolute_path) > len(path)]
        if deeper:
            return describe_error(max(deeper, key=lambda e: len(e.absolute_path)))
        wanted: list[str] = []
        for alternative in value:
            if "enum" in alternative:
                wanted += [str(v) for v in alternative["enum"]]
            elif "type" in alternative:
                wanted.append(_TYPE_NAMES.get(alternative["type"], alternative["type"]))
        return path, "expected " + ", ".join(wanted) + f" (got {error.instance!r})"
    return path, error.message


def dotted(path: Iterable[Any]) -> str:
    """``['options', 'tokens', 2]`` -> ``options.tokens[2]``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (("." if out else "") + str(part))
    return out


_VALIDATORS: dict[str, Any] = {}


def schema_validator(schema: Any, formats: bool = False, validator_class: Any = None) -> Any:
    """A jsonschema validator of *schema* (Draft 2020-12, or *validator_class*, an
    extension of it), built once per schema; jsonschema is imported on first use, off
    the start-up path. Raises jsonschema's ``SchemaError`` for a schema that is not
    valid JSON Schema."""
    key = json.dumps(schema, sort_keys=True, default=str) + ("\0formats" if formats else "") + \
        (f"\0{validator_class.__module__}.{validator_class.__qualname__}" if validator_class else "")
    if key not in _VALIDATORS:
        from jsonschema import Draft202012Validator, FormatChecker

        Draft202012Validator.check_schema(schema)
        cls = validator_class or Draft202012Validator
        _VALIDATORS[key] = cls(schema, format_checker=FormatChecker() if formats else None)
    return _VALIDATORS[key]


def validation_errors(validator: Any, data: Any) -> list[tuple[list[Any], str]]:
    """All schema errors of *data*, each as (path, message), in document order."""
    return [describe_error(e) for e in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))]


def read_yaml_file(path: Path, display: str, what: str, trusted: bool = False) -> tuple[Any, str]:
    """Read and parse a YAML file the user wrote (a config, a rule file): its data and
    text, or a :class:`~medlint.errors.ConfigError` naming the file and the line;
    *trusted*: one of medlint's own (see :func:`load_yaml_text`)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {what}: {getattr(exc, 'strerror', None) or exc}", display) from None
    try:
        return load_yaml_text(text, trusted), text
    except YAMLSyntaxError as exc:
        raise ConfigError(exc.message, display, (exc.line0 or 0) + 1) from None
