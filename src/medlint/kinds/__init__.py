"""Rule kinds: one module each, imported only when a rule of that kind is loaded.

A kind module defines ``OPTIONS_SCHEMA`` (JSON Schema of its ``options``),
``PLACEHOLDERS`` (the names its messages may use) and
``build(options) -> check``, where ``check(doc)`` yields
:class:`~medlint.diagnostic.Finding` objects.  ``build`` raises
:class:`OptionError` for options the schema cannot judge (a bad regex).
"""
from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any, Sequence

KINDS = {
    "pattern": "medlint.kinds.pattern",
    "substitution": "medlint.kinds.substitution",
    "required": "medlint.kinds.required",
    "frontmatter": "medlint.kinds.frontmatter",
    "identifiers": "medlint.kinds.identifiers",
    "dosage": "medlint.kinds.dosage",
    "links": "medlint.kinds.links",
    "spelling": "medlint.kinds.spelling",
    "acronyms": "medlint.kinds.acronyms",
    "encoding": "medlint.kinds.encoding",
    "linktext": "medlint.kinds.linktext",
    "freshness": "medlint.kinds.freshness",
}


class OptionError(Exception):
    """An option value that is well-formed but unusable, at a key path under ``options``."""

    def __init__(self, path: Sequence[Any], message: str) -> None:
        super().__init__(message)
        self.path = list(path)
        self.message = message


def load_kind(name: str) -> ModuleType:
    return importlib.import_module(KINDS[name])


def needs_site(name: str) -> bool:
    """True if rules of this kind read the site index (which is then built for the run)."""
    return bool(getattr(load_kind(name), "NEEDS_SITE", False))
