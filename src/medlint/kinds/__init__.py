"""Rule kinds: one module each, imported only when a rule of that kind is loaded.

A kind module defines

- ``OPTIONS_SCHEMA``: the JSON Schema of its ``options``;
- ``DEFAULTS``: the value of every option a rule file may leave out (merged
  under the rule's own options when the rule is loaded, so a check reads
  ``options[key]`` and ``medlint explain`` shows what is in force);
- ``PLACEHOLDERS``: the names its messages may use (a finding that does not
  set one shows it empty);
- optionally ``FILE_OPTIONS``: the options that name files in the project (a
  path, or a list of paths), read through :meth:`BuildContext.project_file`; their
  content is part of the results cache's key, so editing one is seen;
- optionally ``CHECKS``: the sub-checks a rule file chooses from with its
  top-level ``check:`` key (part of the rule's identity: a config cannot change
  it), and ``SITE_CHECKS``: those that read the site index; ``SITE_OPTIONS``:
  boolean options that, when on, make a rule read the site index;
- ``build(options, context) -> check``, where ``check(doc)`` yields
  :class:`~medlint.diagnostic.Finding` objects.  ``build`` raises
  :class:`OptionError` for options the schema cannot judge (a bad regex, a
  file that cannot be read).
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path
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
    "urls": "medlint.kinds.urls",
    "idformat": "medlint.kinds.idformat",
    "references": "medlint.kinds.references",
    "effects": "medlint.kinds.effects",
}


class OptionError(Exception):
    """An option value that is well-formed but unusable, at a key path under ``options``."""

    def __init__(self, path: Sequence[Any], message: str) -> None:
        super().__init__(message)
        self.path = list(path)
        self.message = message


@dataclass(frozen=True)
class BuildContext:
    """What a kind's ``build`` may need beyond the options: the rule's sub-check,
    the folder that paths in options are relative to (the config's), the run's
    cache folder (None when caching is off) and the site's shared disclaimer files."""

    check: str | None = None
    config_dir: Path = Path(".")
    cache_dir: Path | None = None
    #: The files the config's ``site.disclaimer`` names (resolved, inside the project): a
    #: layout, partial or page whose disclaimer stands on every page of the site.
    disclaimer_files: tuple[Path, ...] = ()

    def project_file(self, name: str, path: Sequence[Any]) -> Path:
        """A file an option names, relative to the config's folder, which it must not
        leave (after resolving symlinks): a rule or config shared between projects
        cannot make medlint read anything else."""
        root = Path(os.path.realpath(self.config_dir))
        resolved = Path(os.path.realpath(root / os.path.expanduser(name)))
        if resolved != root and root not in resolved.parents:
            raise OptionError(path, f"{name} is outside the project folder {root}; rules read files only inside it")
        return resolved


def load_kind(name: str) -> ModuleType:
    return importlib.import_module(KINDS[name])


def needs_site(name: str, check: str | None = None, options: dict[str, Any] | None = None) -> bool:
    """True if a rule of this kind and check (or with these options: a kind's ``SITE_OPTIONS``
    that are on) reads the site index (which is then built for the run)."""
    kind = load_kind(name)
    return check in getattr(kind, "SITE_CHECKS", ()) or any(
        (options or {}).get(option) for option in getattr(kind, "SITE_OPTIONS", ()))


def input_files(kind: str, options: dict[str, Any], context: BuildContext) -> list[Path]:
    """The files a rule of *kind* with *options* reads (its ``FILE_OPTIONS``), resolved."""
    found: list[Path] = []
    module = load_kind(kind)
    context_files = getattr(module, "context_files", None)
    if context_files is not None:  # files the kind reads from the config, not from its options
        found.extend(context_files(options, context))
    for name in getattr(module, "FILE_OPTIONS", ()):
        value = options.get(name)
        for i, item in enumerate(value if isinstance(value, list) else [value] if value else []):
            try:
                found.append(context.project_file(item, [name, i]))
            except OptionError:
                continue  # refused when the rule is built; nothing to hash
    return found
