"""A quick "certainly valid" verdict for simple JSON Schemas, so that the common
case (front matter that satisfies the schema) does not import jsonschema.

jsonschema takes about 80 ms to import, a quarter of a one-file run. Here a
schema counts as simple when it uses only the keywords below, with well-formed
values; for such a schema, :func:`certainly_valid` says True only when the
instance satisfies every keyword. Whenever it says False, or the schema is not
simple, jsonschema validates and words the errors, so every reported error
still comes from jsonschema.
"""
from __future__ import annotations

import re
from typing import Any

_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "object": (dict,), "array": (list,), "boolean": (bool,), "null": (type(None),),
    "integer": (int,), "number": (int, float),
}
_COUNTS = ("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties")
_KEYWORDS = {"type", "required", "properties", "additionalProperties", "pattern", "enum", "const", "items",
             "minimum", "maximum", "title", "description", "$schema", "$comment", "default", "examples", *_COUNTS,
             "oneOf", "uniqueItems"}


def is_simple(schema: Any) -> bool:
    """True if *schema* uses only keywords this module understands, each well formed."""
    if isinstance(schema, bool):
        return True
    if not isinstance(schema, dict) or not set(schema) <= _KEYWORDS:
        return False
    kinds = schema.get("type", "string")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if not kinds or len(set(map(str, kinds))) < len(kinds) or not all(isinstance(k, str) and k in _TYPES for k in kinds):
        return False
    required = schema.get("required", [])
    if not isinstance(required, list) or not all(isinstance(k, str) for k in required) or len(set(required)) < len(required):
        return False
    properties = schema.get("properties", {})
    if not isinstance(properties, dict) or not all(is_simple(s) for s in properties.values()):
        return False
    if not is_simple(schema.get("additionalProperties", True)) or not is_simple(schema.get("items", True)):
        return False
    if any(not isinstance(schema.get(k, 0), int) or isinstance(schema.get(k, 0), bool) or schema.get(k, 0) < 0
           for k in _COUNTS):
        return False
    if any(not _is_number(schema[k]) for k in ("minimum", "maximum") if k in schema):
        return False
    if "enum" in schema and not isinstance(schema["enum"], list):
        return False
    if "uniqueItems" in schema and not isinstance(schema["uniqueItems"], bool):
        return False
    if "oneOf" in schema and not (isinstance(schema["oneOf"], list) and schema["oneOf"]
                                  and all(is_simple(s) for s in schema["oneOf"])):
        return False
    if any(not isinstance(schema[k], str) for k in ("title", "description", "$comment", "$schema") if k in schema):
        return False
    return "pattern" not in schema or _compiles(schema["pattern"])


def _compiles(pattern: Any) -> bool:
    try:
        return isinstance(pattern, str) and re.compile(pattern) is not None
    except re.error:
        return False


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _has_type(value: Any, kind: str) -> bool:
    if isinstance(value, bool) and kind != "boolean":
        return False
    return isinstance(value, _TYPES[kind])


def certainly_valid(schema: Any, value: Any) -> bool:
    """True only if *value* satisfies the simple *schema* (False may also mean "ask jsonschema")."""
    if schema is True:
        return True
    if schema is False:
        return False
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_has_type(value, k) for k in kinds):
            return False
    if "oneOf" in schema:
        # Exactly one alternative must accept: certain only when every other one
        # certainly rejects the value (the config's rule settings: a boolean, a word
        # or a mapping), and the one left certainly accepts it.
        open_ = [s for s in schema["oneOf"] if not _certainly_rejects(s, value)]
        if len(open_) != 1 or not certainly_valid(open_[0], value):
            return False
    if "enum" in schema and not any(value == v and type(value) is type(v) for v in schema["enum"]):
        return False
    if "const" in schema and not (value == schema["const"] and type(value) is type(schema["const"])):
        return False
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", len(value)):
            return False
        if "pattern" in schema and not _bounded_search(schema["pattern"], value):
            return False  # or too slow to tell: jsonschema's (bounded) check reports it
    if _is_number(value) and (value < schema.get("minimum", value) or value > schema.get("maximum", value)):
        return False
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", len(value)):
            return False
        if schema.get("uniqueItems") and not (all(type(v) is str for v in value) and len(set(value)) == len(value)):
            return False  # only distinct strings are certainly unique; jsonschema judges the rest
        items = schema.get("items", True)
        if not all(certainly_valid(items, v) for v in value):
            return False
    if isinstance(value, dict):
        if len(value) < schema.get("minProperties", 0) or len(value) > schema.get("maxProperties", len(value)):
            return False
        if any(k not in value for k in schema.get("required", [])):
            return False
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if not certainly_valid(properties[key] if key in properties else extra, item):
                return False
    return True


def _certainly_rejects(schema: Any, value: Any) -> bool:
    """True only if *schema* rejects *value* by its ``type``, or by an ``enum`` of strings
    (which nothing but one of those strings equals)."""
    if schema is False:
        return True
    if not isinstance(schema, dict):
        return False
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if isinstance(value, float) and "integer" in kinds:
            return False  # jsonschema counts 1.0 as an integer
        if not any(_has_type(value, k) for k in kinds):
            return True
    enum = schema.get("enum")
    return (isinstance(enum, list) and all(type(v) is str for v in enum)
            and not (isinstance(value, str) and value in enum))


def _bounded_search(pattern: str, value: str) -> bool:
    """``re.search`` with a time limit (a schema's pattern may backtrack for hours)."""
    import regex

    from .fastre import regex_timeout

    try:
        return regex.search(pattern, value, regex.VERSION0, timeout=regex_timeout(len(value))) is not None
    except TimeoutError:
        return False
