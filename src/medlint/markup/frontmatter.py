"""Front matter in the three forms static-site generators accept.

YAML between ``---`` lines, TOML between ``+++`` lines, or a leading JSON
object (Hugo).  A broken block is still recognised, so that the rest of the
file is read as the body and the error can be reported at its line.
"""
from __future__ import annotations

import json
import re
from typing import Any

from ..yamlsource import MAX_DEPTH, MAX_NODES, expanded_size, nesting_depth, toml_key_depth
from .model import FrontMatter
from .. import lazyre

_YAML_OPEN = lazyre.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_YAML_CLOSE = lazyre.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)", re.M)
_TOML_OPEN = lazyre.compile(r"\+\+\+[ \t]*(?:\r\n|\r|\n)")
_TOML_CLOSE = lazyre.compile(r"^\+\+\+[ \t]*(?:\r\n|\r|\n|\Z)", re.M)
_JSON_CLOSE_LINE = lazyre.compile(r"[ \t]*(?:\r\n|\r|\n|\Z)")
_LINE_END = lazyre.compile(r"\r\n|\r|\n")
#: A line that is a lone closing brace (the end of JSON front matter), from its brace.
_BRACE_LINE = lazyre.compile(r"\}[ \t]*(?:\r\n|\r|\n|\Z)")
#: One decoder for every page (a site index reads thousands of JSON front matters).
_DECODER = json.JSONDecoder()


def read_front_matter(text: str) -> FrontMatter | None:
    """Find and parse front matter at the very start of *text*."""
    if text.startswith("---"):
        return _delimited(text, "yaml", _YAML_OPEN, _YAML_CLOSE, _load_yaml)
    if text.startswith("+++"):
        return _delimited(text, "toml", _TOML_OPEN, _TOML_CLOSE, _load_toml)
    if text.startswith("{"):
        return _json(text)
    return None


def _delimited(text: str, fmt: str, opening: re.Pattern[str], closing: re.Pattern[str], load: Any) -> FrontMatter | None:
    first = opening.match(text)
    if not first:
        return None  # '---text' or a thematic break is not front matter
    content_start = first.end()
    close = closing.search(text, content_start)
    if not close:
        end_line = _LINE_END.search(text)
        return FrontMatter(
            fmt, 0, end_line.end() if end_line else len(text), content_start, content_start,
            error=f"{fmt.upper()} front matter is not closed (no closing '{text[:3]}' line)", error_offset=0,
        )
    fm = FrontMatter(fmt, 0, close.end(), content_start, close.start())
    body = text[content_start:close.start()]
    try:
        data, error = load(body)
    except RecursionError:
        data, error = None, (f"nested more than {MAX_DEPTH} levels deep", None)
    except Exception as exc:  # parsers raise many types; all mean the same to the user
        data, error = None, (str(exc) or type(exc).__name__, None)
    if not error and fmt != "yaml" and expanded_size(data) is None:  # YAML's loader checks it
        data, error = None, (f"nested more than {MAX_DEPTH} levels deep, or more than {MAX_NODES:,} values", None)
    if error:
        message, line_in_body, column = (*error, 0) if len(error) == 2 else error
        fm.error = f"{fmt.upper()} front matter: {message}"
        line_start = _offset_of_line(text, content_start, line_in_body)
        line_end = _LINE_END.search(text, line_start)
        fm.error_offset = min(line_start + column, line_end.start() if line_end else len(text))
    elif data is None:
        fm.data = {}
    elif not isinstance(data, dict):
        fm.error = f"{fmt.upper()} front matter is not a mapping of keys to values"
        fm.error_offset = content_start
    else:
        fm.data = data
    return fm


def front_data(text: str) -> dict[str, Any] | None:
    """The mapping :func:`read_front_matter` finds at the start of *text*, or None where it
    finds none or an error: for JSON, without its offsets and checks of the text after
    the object, which a site index reading thousands of front matters does not need."""
    if not text.startswith("{"):
        fm = read_front_matter(text)
        return fm.data if fm is not None and fm.error is None and isinstance(fm.data, dict) else None
    if _too_deep(text):
        return None
    try:
        data = _DECODER.raw_decode(text)[0]
    except (ValueError, RecursionError):  # (JSONDecodeError is a ValueError)
        return None
    return data if isinstance(data, dict) else None


def front_fields(text: str, keys: frozenset[str]) -> dict[str, Any] | None:
    """As :func:`front_data`, but only *keys* need be in the mapping: YAML front matter
    then constructs only their values where it can tell that nothing else in it would
    fail (see :func:`~medlint.yamlsource.load_yaml_fields`). For a site index, which
    wants a page's URL keys."""
    if text.startswith("---"):
        first = _YAML_OPEN.match(text)
        close = _YAML_CLOSE.search(text, first.end()) if first else None
        if close is not None:
            from ..yamlsource import load_yaml_fields

            found = load_yaml_fields(text[first.end():close.start()], keys)
            if found is not None:
                return found
    return front_data(text)


def _too_deep(text: str) -> int | None:
    """Where JSON front matter's block ends (its lone ``}`` line), if it opens more than
    :data:`MAX_DEPTH` levels before that; else None. Brackets are counted over the whole
    text first: few enough there, and the block's end need not be looked for."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    close = _brace_line(text)
    end = close.end() if close else len(text)
    # (Counting in place first spares a site index a copy of every page's front matter.)
    if text.count("[", 0, end) + text.count("{", 0, end) > MAX_DEPTH \
            and nesting_depth(text[:end], indentation=False) > MAX_DEPTH:
        return end
    return None


def _json(text: str) -> FrontMatter | None:
    end = _too_deep(text)
    if end is not None:
        return FrontMatter("json", 0, end, 1, max(1, end - 1),
                           error=f"JSON front matter is nested more than {MAX_DEPTH} levels deep", error_offset=0)
    try:
        data, end = _DECODER.raw_decode(text)
    except json.JSONDecodeError as exc:
        if not re.match(r"\{\s*\"", text):
            return None  # not JSON front matter at all, just a brace
        close = _brace_line(text)
        end = close.end() if close else len(text)
        return FrontMatter("json", 0, end, 1, max(1, end - 1),
                           error=f"JSON front matter: {exc.msg}", error_offset=min(exc.pos, len(text)))
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    tail = _JSON_CLOSE_LINE.match(text, end)
    end = tail.end() if tail else end
    return FrontMatter("json", 0, end, 1, end - 1, data=data)


def _brace_line(text: str) -> re.Match[str] | None:
    r"""The first line that is a lone ``}``: what ``^\}[ \t]*(?:\r\n|\r|\n|\Z)`` finds
    with re.M (whose ``^`` follows only ``\n``), found with ``str.find``; the regex's
    search tried every position and was a third of building a JSON-fronted site index."""
    at = 0 if text.startswith("}") else text.find("\n}") + 1
    if at == 0 and not text.startswith("}"):
        return None
    while True:
        m = _BRACE_LINE.match(text, at)
        if m:
            return m
        at = text.find("\n}", at) + 1
        if at == 0:
            return None


def _offset_of_line(text: str, base: int, line: int | None) -> int:
    """Offset of 0-based *line* counted from *base* (or *base* itself)."""
    offset = base
    for _ in range(line or 0):
        m = _LINE_END.search(text, offset)
        if not m:
            break
        offset = m.end()
    return offset


def _load_yaml(body: str) -> tuple[Any, tuple[Any, ...] | None]:
    from ..yamlsource import YAMLSyntaxError, load_yaml_text

    try:
        return load_yaml_text(body), None
    except YAMLSyntaxError as exc:
        return None, (exc.message, exc.line0, exc.column0)


def _load_toml(body: str) -> tuple[Any, tuple[Any, ...] | None]:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    if toml_key_depth(body) > MAX_DEPTH:
        return None, (f"nested more than {MAX_DEPTH} levels deep (dotted keys or tables)", None)
    try:
        return tomllib.loads(body.replace("\r\n", "\n").replace("\r", "\n")), None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        return None, (message, int(m.group(1)) - 1 if m else None, int(m.group(2)) - 1 if m else 0)
