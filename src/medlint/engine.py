"""The engine: files in, diagnostics out.  No printing, no exit codes.

``lint_paths`` and ``lint_text`` are the whole API the CLI uses, so anything
the command line can do, a Python caller can do too.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .config import Config, config_from_dict, load_config
from .diagnostic import Diagnostic, Fix
from .document import Document, format_for
from .errors import FileError, MedlintError
from .files import Skipped, expand_paths, read_text
from .ruleset import ActiveRule, RuleSet


@dataclass
class Report:
    """The outcome of a run: diagnostics, files that could not be checked, notices."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[MedlintError] = field(default_factory=list)
    notices: list[Skipped] = field(default_factory=list)
    files_checked: int = 0
    rules: list[ActiveRule] = field(default_factory=list)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    def __getitem__(self, index: int) -> Diagnostic:
        return self.diagnostics[index]


def resolve_config(config: Any = None) -> Config:
    """Accept a Config, a path to a config file, a mapping, or None (discover)."""
    if isinstance(config, Config):
        return config
    if config is None:
        return load_config()
    if isinstance(config, (str, os.PathLike)):
        return load_config(Path(config))
    if isinstance(config, dict):
        return config_from_dict(config, Path.cwd().resolve())
    raise TypeError(f"config must be a Config, a path or a mapping, not {type(config).__name__}")


def lint_document(doc: Document, rules: Iterable[ActiveRule], debug: bool = False) -> tuple[list[Diagnostic], list[MedlintError]]:
    """Run *rules* on one document."""
    diagnostics: list[Diagnostic] = []
    errors: list[MedlintError] = []
    for active in rules:
        try:
            for finding in active.check(doc):
                diagnostics.append(to_diagnostic(doc, active, finding))
        except Exception as exc:  # a rule must never take the run down with it
            if debug:
                raise
            errors.append(FileError(f"rule '{active.id}' failed: {type(exc).__name__}: {exc} (run with --debug for a traceback)", doc.path))
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics, errors


def to_diagnostic(doc: Document, active: ActiveRule, finding: Any) -> Diagnostic:
    line, column = doc.position(finding.start)
    end_line, end_column = doc.position(finding.end)
    fix = None
    if finding.fix is not None:
        edit = finding.fix
        (fl, fc), (el, ec) = doc.position(edit.start), doc.position(edit.end)
        fix = Fix(edit.replacement, fl, fc, el, ec, edit.safe)
    return Diagnostic(doc.path, line, column, end_line, end_column, active.id, active.severity,
                      active.message(finding.values), fix)


def lint_paths(paths: Iterable[str | os.PathLike[str]] | str = (".",), config: Any = None, *,
               select: Iterable[str] | None = None, ignore: Iterable[str] = (), exclude: Iterable[str] = (),
               force_exclude: bool = False, online: bool = False, debug: bool = False) -> Report:
    """Check files and folders.

    Raises :class:`~medlint.errors.ConfigError` for a bad config or rule file;
    files that cannot be read end up in ``Report.errors`` and the others are
    still checked.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    cfg = resolve_config(config)
    ruleset = cfg.ruleset(select=select, ignore=ignore, online=online)
    targets, errors = expand_paths([os.fspath(p) for p in paths], cfg.exclude + list(exclude), cfg.relpath,
                                   force_exclude=force_exclude)
    report = Report(errors=list(errors))
    site = _site(cfg, ruleset, [os.fspath(p) for p in paths])
    for target in targets:
        try:
            text = read_text(target.path, cfg.max_file_size)
        except Skipped as skipped:
            report.notices.append(skipped)
            continue
        except FileError as exc:
            report.errors.append(exc)
            continue
        diagnostics, rule_errors = check_text(text, target.path, cfg, ruleset, site=site, debug=debug)
        report.diagnostics += diagnostics
        report.errors += rule_errors
        report.files_checked += 1
    report.diagnostics.sort(key=Diagnostic.sort_key)
    return report


def _site(cfg: Config, ruleset: RuleSet, paths: list[str]) -> Any:
    """The site index, built once per run and only if a rule needs it."""
    if not ruleset.needs_site():
        return None
    from .site import build_site

    return build_site(cfg.site, cfg.root, paths)


def check_text(text: str, path: str, cfg: Config, ruleset: RuleSet, site: Any = None,
               debug: bool = False) -> tuple[list[Diagnostic], list[MedlintError]]:
    """Parse *text* as the file *path* and run the rules in force for it."""
    display = path.replace(os.sep, "/")
    doc = Document.from_text(text, display, format_for(path))
    doc.site = site
    return lint_document(doc, ruleset.for_path(cfg.relpath(path)), debug=debug)


def lint_text(text: str, path: str = "x.md", config: Any = None, *, select: Iterable[str] | None = None,
              ignore: Iterable[str] = (), online: bool = False) -> list[Diagnostic]:
    """Check a string as if it were the file *path* (its suffix picks the format)."""
    cfg = resolve_config(config)
    ruleset = cfg.ruleset(select=select, ignore=ignore, online=online)
    diagnostics, errors = check_text(text, path, cfg, ruleset, site=_site(cfg, ruleset, [path]))
    if errors:
        raise errors[0]
    return diagnostics
