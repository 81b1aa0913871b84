"""The engine: files in, diagnostics out.  No printing, no exit codes.

``lint_paths`` and ``lint_text`` are the whole API the CLI uses, so anything
the command line can do, a Python caller can do too.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .config import Config, config_from_dict, load_config
from .diagnostic import Diagnostic, Fix
from .document import Document, format_for
from .errors import FileError, MedlintError
from . import suppress
from .files import Skipped, expand_paths, read_text
from .fix import fix_text, unified_diff, write_atomically
from .kinds.common import PatternTimeout, regex_timeout
from .ruleset import ActiveRule, RuleSet


@dataclass
class Report:
    """The outcome of a run: diagnostics, files that could not be checked, notices."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[MedlintError] = field(default_factory=list)
    notices: list[Skipped] = field(default_factory=list)
    files_checked: int = 0
    #: Rules in force (rule, severity), for formats that describe them (SARIF).
    rules: list[tuple[Any, str]] = field(default_factory=list)
    #: The files checked, in order (for formats with one entry per file: JUnit).
    files: list[str] = field(default_factory=list)
    #: The text of each file that has diagnostics (for --show-source).
    sources: dict[str, str] = field(default_factory=dict)
    #: Fixes applied (or, with --diff, that would be) per file, and the diffs.
    fixed: dict[str, int] = field(default_factory=dict)
    diffs: list[str] = field(default_factory=list)

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
        except PatternTimeout as exc:
            errors.append(FileError(
                f"rule '{active.id}' ({active.rule.source or 'no file'}): pattern {exc.pattern!r} took longer than "
                f"{regex_timeout(len(doc.text)):g} s on this file and was stopped; simplify it (nested repeats such as (a+)+ backtrack)",
                doc.path))
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


@dataclass
class Options:
    """How a run treats each file, beyond which rules run."""

    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    report_unused_suppressions: bool = False
    debug: bool = False
    cache: Any = None  # a ResultCache, when results may be reused
    rule_keys: dict[tuple[Any, ...], str] = field(default_factory=dict)


def lint_paths(paths: Iterable[str | os.PathLike[str]] | str = (".",), config: Any = None, *,
               select: Iterable[str] | None = None, ignore: Iterable[str] = (), exclude: Iterable[str] = (),
               force_exclude: bool = False, online: bool = False, fix: bool = False, unsafe_fixes: bool = False,
               diff: bool = False, report_unused_suppressions: bool = False, jobs: int | None = None,
               cache: bool | str | os.PathLike[str] = False, progress: Callable[[int, int], None] | None = None,
               debug: bool = False) -> Report:
    """Check files and folders; with *fix*, apply safe fixes (and unsafe ones with
    *unsafe_fixes*); with *diff*, compute the fixes' diff without writing. Files are
    checked in *jobs* processes (default: one per core) when there are more than a
    few dozen. With *cache* (True: ``.medlint_cache`` in the config's folder, or a
    folder), the results of unchanged files are reused; never with fixes or online
    rules.

    Raises :class:`~medlint.errors.ConfigError` for a bad config or rule file;
    files that cannot be read end up in ``Report.errors`` and the others are
    still checked.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    cfg = resolve_config(config)
    ruleset = cfg.ruleset(select=select, ignore=ignore, online=online)
    options = Options(fix, unsafe_fixes, diff, report_unused_suppressions, debug)
    cache_folder = _cache_folder(cfg, cache)
    if cache_folder is not None and not (fix or diff or online):
        from .cache import ResultCache

        options.cache = ResultCache(cache_folder)
    targets, errors = expand_paths([os.fspath(p) for p in paths], cfg.exclude + list(exclude), cfg.relpath,
                                   force_exclude=force_exclude)
    report = Report(errors=list(errors), rules=[(r, sev) for r, sev, _ in ruleset.active_rules()])
    site = _site(cfg, ruleset, [os.fspath(p) for p in paths], cache_folder)
    workers = _workers(jobs, len(targets))
    if workers > 1:
        _check_in_parallel(report, [t.path for t in targets], cfg, ruleset, site, options, workers, progress)
    else:
        for done, target in enumerate(targets, 1):
            _check_file(report, target.path, cfg, ruleset, site, options)
            if progress:
                progress(done, len(targets))
    report.diagnostics.sort(key=Diagnostic.sort_key)
    return report


#: Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 48
_CHUNK = 16
_WORKER_STATE: tuple[Any, ...] = ()


def _workers(jobs: int | None, files: int) -> int:
    if files < PARALLEL_MIN_FILES:
        return 1
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(jobs or os.cpu_count() or 1, (files + _CHUNK - 1) // _CHUNK))


def _check_file(report: Report, path: str, cfg: Config, ruleset: RuleSet, site: Any, options: Options) -> None:
    try:
        text, bom = read_text(path, cfg.max_file_size)
    except Skipped as skipped:
        report.notices.append(skipped)
        return
    except FileError as exc:
        report.errors.append(exc)
        return
    _check_one(report, text, bom, path, cfg, ruleset, site, options, write=True)


def _check_chunk(paths: list[str]) -> Report:
    """In a worker process: check some files with the state the parent built before forking."""
    cfg, ruleset, site, options = _WORKER_STATE
    partial = Report()
    for path in paths:
        _check_file(partial, path, cfg, ruleset, site, options)
    return partial


def _check_in_parallel(report: Report, paths: list[str], cfg: Config, ruleset: RuleSet, site: Any, options: Options,
                       workers: int, progress: Callable[[int, int], None] | None) -> None:
    """Check files across processes. The site index and every rule's check (with its
    dictionaries) are built here first, so forked workers share them instead of
    rebuilding them; results are merged in file order, so the output is the same as
    a serial run's."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_STATE
    for path in paths:
        for active in ruleset.for_path(cfg.relpath(path)):
            _ = active.check  # build (and load) every check the files need, before forking
    if site is not None and options.cache is not None:
        site.fingerprint()  # once, not once per worker
    _WORKER_STATE = (cfg, ruleset, site, options)
    chunks = [paths[i:i + _CHUNK] for i in range(0, len(paths), _CHUNK)]
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for chunk, partial in zip(chunks, pool.map(_check_chunk, chunks)):
                report.diagnostics += partial.diagnostics
                report.errors += partial.errors
                report.notices += partial.notices
                report.files_checked += partial.files_checked
                report.files += partial.files
                report.sources.update(partial.sources)
                report.fixed.update(partial.fixed)
                report.diffs += partial.diffs
                done += len(chunk)
                if progress:
                    for _ in chunk:
                        progress(min(done, len(paths)), len(paths))
    finally:
        _WORKER_STATE = ()


def lint_stdin(text: str, filename: str, config: Any = None, *, select: Iterable[str] | None = None,
               ignore: Iterable[str] = (), online: bool = False, diff: bool = False,
               report_unused_suppressions: bool = False, debug: bool = False) -> Report:
    """Check text read from standard input as if it were the file *filename*."""
    cfg = resolve_config(config)
    ruleset = cfg.ruleset(select=select, ignore=ignore, online=online)
    report = Report(rules=[(r, sev) for r, sev, _ in ruleset.active_rules()])
    options = Options(diff=diff, report_unused_suppressions=report_unused_suppressions, debug=debug)
    _check_one(report, text, False, filename, cfg, ruleset, _site(cfg, ruleset, [filename]), options, write=False)
    return report


def _check_one(report: Report, text: str, bom: bool, path: str, cfg: Config, ruleset: RuleSet, site: Any,
               options: Options, write: bool) -> None:
    """Check one file's text (fixing it if asked) and add the outcome to *report*."""
    errors: list[MedlintError] = []
    active = ruleset.for_path(cfg.relpath(path))

    def lint(current: str) -> list[Diagnostic]:
        diagnostics, rule_errors = check_text(current, path, cfg, ruleset, site=site, debug=options.debug,
                                              report_unused=options.report_unused_suppressions, rules=active)
        errors[:] = rule_errors
        return diagnostics

    cache_key = _cache_key(text, path, active, site, options) if options.cache is not None else None
    cached = options.cache.get(cache_key) if cache_key else None
    if cached is not None and (site is None or site.unchanged(cached[1])):
        diagnostics = cached[0]
    elif options.fix or options.diff:
        fixed, count, diagnostics = fix_text(text, lint, unsafe=options.unsafe_fixes)
        if count:
            report.fixed[path] = count
            if options.diff or not write:
                report.diffs.append(unified_diff(path.replace(os.sep, "/"), text, fixed))
                diagnostics = lint(text)
            else:
                try:
                    write_atomically(path, fixed, bom)
                    text = fixed
                except FileError as exc:
                    report.errors.append(exc)
                    del report.fixed[path]
                    diagnostics = lint(text)
    else:
        if site is not None:
            site.consulted.clear()
        diagnostics = lint(text)
        depends_on = site.dependencies() if site is not None else []
        if cache_key and not errors and depends_on is not None:
            options.cache.put(cache_key, diagnostics, depends_on)
    report.diagnostics += diagnostics
    report.errors += errors
    report.files_checked += 1
    report.files.append(path.replace(os.sep, "/"))
    if diagnostics:
        report.sources[diagnostics[0].path] = text


def _cache_folder(cfg: Config, cache: bool | str | os.PathLike[str]) -> Path | None:
    if not cache:
        return None
    from .cache import FOLDER

    return cfg.root / FOLDER if cache is True else Path(cache)


def _site(cfg: Config, ruleset: RuleSet, paths: list[str], cache_folder: Path | None = None) -> Any:
    """The site index, built once per run and only if a rule needs it."""
    if not ruleset.needs_site():
        return None
    from .site import build_site

    return build_site(cfg.site, cfg.root, paths, cache_folder)


def _cache_key(text: str, path: str, active: list[ActiveRule], site: Any, options: Options) -> str:
    from .cache import ResultCache, rules_key

    signature = tuple((a.id, a.severity, id(a.options)) for a in active)
    if signature not in options.rule_keys:
        fingerprint = site.fingerprint() if site is not None else None
        options.rule_keys[signature] = rules_key(active, fingerprint, f"unused={options.report_unused_suppressions}")
    return ResultCache.key(options.rule_keys[signature], path.replace(os.sep, "/"), text)


def check_text(text: str, path: str, cfg: Config, ruleset: RuleSet, site: Any = None, debug: bool = False,
               report_unused: bool = False, rules: list[ActiveRule] | None = None) -> tuple[list[Diagnostic], list[MedlintError]]:
    """Parse *text* as the file *path*, run the rules in force for it (*rules*, when
    the caller has them already), apply suppressions."""
    display = path.replace(os.sep, "/")
    doc = Document.from_text(text, display, format_for(path))
    doc.site = site
    active = rules if rules is not None else ruleset.for_path(cfg.relpath(path))
    diagnostics, errors = lint_document(doc, active, debug=debug)
    diagnostics = [d for d in suppress.apply(doc, diagnostics, ruleset.known, report_unused)
                   if d.rule not in suppress.META_RULES or ruleset.reports(d.rule)]
    return diagnostics, errors


def lint_text(text: str, path: str = "x.md", config: Any = None, *, select: Iterable[str] | None = None,
              ignore: Iterable[str] = (), online: bool = False) -> list[Diagnostic]:
    """Check a string as if it were the file *path* (its suffix picks the format)."""
    cfg = resolve_config(config)
    ruleset = cfg.ruleset(select=select, ignore=ignore, online=online)
    diagnostics, errors = check_text(text, path, cfg, ruleset, site=_site(cfg, ruleset, [path]))
    if errors:
        raise errors[0]
    return diagnostics


def unknown_word_counts(paths: list[str], cfg: Config, exclude: Iterable[str] = ()) -> tuple[Any, dict[str, set[str]]]:
    """The spelling rule's unknown words in *paths*: a Counter of words and the files of each.

    Uses the ``spelling`` rule's options as the config sets them (vocabulary,
    variant...), even where the rule is turned off.
    """
    import collections

    from .errors import MedlintError
    from .kinds.spelling import speller_for, unknown_words

    ruleset = cfg.ruleset()
    rule = ruleset.by_id.get("spelling")
    if rule is None:
        raise MedlintError("no rule named 'spelling' is loaded (is the config's extends: none?)")
    setting = ruleset.settings.get("spelling")
    options = {**rule.options, **(setting.options or {} if setting else {})}
    speller = speller_for(options)
    counts: collections.Counter[str] = collections.Counter()
    files: dict[str, set[str]] = collections.defaultdict(set)
    targets, errors = expand_paths(paths, cfg.exclude + list(exclude), cfg.relpath)
    if errors:
        raise errors[0]
    for target in targets:
        try:
            text, _ = read_text(target.path, cfg.max_file_size)
        except (Skipped, FileError):
            continue
        doc = Document.from_text(text, target.path.replace(os.sep, "/"), format_for(target.path))
        for _, shown, word in unknown_words(doc, speller, options):
            key = word if word[:1].isupper() and not word.islower() else word.lower()
            counts[key] += 1
            files[key].add(doc.path)
    return counts, files
