"""One run: files in, a :class:`~medlint.outcome.Report` out.  No printing, no exit codes.

A :class:`Run` holds what every step needs (config, rule set, site index,
caches, options) and is built once per invocation by every entry point: the
CLI, :func:`lint_paths`, :func:`lint_stdin` and :func:`lint_text`.  Checking a
file is ``Document`` (markup readers) -> each rule's check -> findings ->
suppressions -> diagnostics; a forked worker receives the whole ``Run``.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from . import suppress
from .config import Config, config_from_dict, load_config
from .diagnostic import Diagnostic, Fix
from .document import Document
from .errors import FileError, MedlintError, Skipped
from .files import expand_paths, read_source, read_text, why_nothing
from .fix import fix_text, unified_diff, write_fixed
from .workers import parent_alive, worker_init
from .kinds.common import PatternTimeout, compile_deferred, regex_timeout, shown_pattern
from .markup import format_for
from .outcome import Report
from .profile import PARSE, READ, REGIONS, SITE, SUGGEST, Profile
from .ruleset import ActiveRule, RuleSet
from .textsafe import visible

#: Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 48
_CHUNK = 16
#: The run a forked worker checks files for (set in the parent just before forking).
_WORKER_RUN: "Run | None" = None


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


@dataclass(frozen=True)
class RunOptions:
    """How a run treats each file, beyond which rules run."""

    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    report_unused_suppressions: bool = False
    debug: bool = False


class Run:
    """Config, rule set, site index, caches and options of one invocation."""

    def __init__(self, config: Any = None, *, select: Iterable[str] | None = None, ignore: Iterable[str] = (),
                 online: bool = False, options: RunOptions = RunOptions(),
                 cache: bool | str | os.PathLike[str] = False, ruleset: RuleSet | None = None,
                 site: Any = None, profile: Profile | None = None, shard: tuple[int, int] | None = None) -> None:
        self.config = resolve_config(config)
        self.options = options
        #: Where the time goes (``--profile``), or None.
        self.profile = profile
        #: (K, N): check only the K-th of N shards of the files (``--shard K/N``).
        self.shard = shard
        #: The cache folder (results, site pages, DOI answers); None when caching is off.
        self.cache_dir: Path | None = None
        if cache:
            from .cache import FOLDER

            self.cache_dir = self.config.root / FOLDER if cache is True else Path(cache)
        self.ruleset = ruleset or self.config.ruleset(select=select, ignore=ignore, online=online,
                                                      cache_dir=self.cache_dir)
        self.results: Any = None  # a ResultCache, when results may be reused
        if self.cache_dir is not None and not (options.fix or options.diff or online):
            from .cache import ResultCache

            self.results = ResultCache(self.cache_dir)
        self.site = site
        self._site_built = site is not None
        self._rule_keys: dict[tuple[Any, ...], str] = {}

    # -- the site index ------------------------------------------------------
    def site_for(self, paths: list[str]) -> Any:
        """The site index, built on first use and only if a rule's check needs it."""
        if not self._site_built:
            self._site_built = True
            if self.needs_site():
                start = time.perf_counter()
                # Pages are read on the first look-up a check makes (a page linking nowhere
                # in the site needs none), except when profiling, which times the index apart.
                self.site = self.build_site(paths, lazy=self.profile is None)
                if self.profile is not None:
                    self.profile.add(SITE, time.perf_counter() - start)
        return self.site

    def needs_site(self) -> bool:
        """Whether a rule's check reads the site index (fragment-built pages also share
        disclaimers and abbreviation definitions through it)."""
        return self.ruleset.needs_site() or bool(self.config.site.get("page_fragments"))

    def build_site(self, paths: list[str], lazy: bool = False) -> Any:
        """A new site index for a run over *paths*; reads only the config and the disk, so a
        long-lived run (the language server) can build the next one on another thread.
        With *lazy*, its pages are read on the first look-up (on the thread that makes it)."""
        from .site.index import build_site

        site = build_site(self.config.site, self.config.root, paths, self.cache_dir, lazy=lazy)
        if self.config.site.get("content_root") and not site.has_pages():
            # Every internal link would read as broken: a content root relative to a
            # config kept elsewhere is the usual cause.
            raise self.config.error(["site", "content_root"], f"no pages under {site.root} "
                                    "(paths in the config are relative to its folder)")
        return site

    def use_site(self, site: Any) -> None:
        """Check links against *site* from now on; None skips the link checks until an
        index is given. For a long-lived run (the language server) that builds the
        index in the background and replaces it when pages change."""
        self.site = site
        self._site_built = True

    def report(self) -> Report:
        """An empty report describing this run's rules."""
        return Report(rules=[(r, sev) for r, sev, _ in self.ruleset.active_rules()])

    # -- entry points --------------------------------------------------------
    def check_paths(self, paths: list[str], exclude: Iterable[str] = (), force_exclude: bool = False,
                    respect_gitignore: bool = True, jobs: int | None = None,
                    progress: Callable[[int, int], None] | None = None) -> Report:
        """Check files and folders; files that cannot be read end up in ``errors``."""
        cfg = self.config
        excludes = cfg.exclude + list(exclude)
        started = time.perf_counter()
        report = self.report()
        targets, errors = expand_paths(paths, excludes, cfg.relpath, force_exclude=force_exclude,
                                       respect_gitignore=respect_gitignore, not_articles=cfg.not_articles,
                                       follow_external_symlinks=cfg.follow_external_symlinks, notices=report.notices)
        for error in errors:
            report.add_unreadable(error)
        if not targets:
            report.unchecked = why_nothing(paths, excludes, cfg.relpath, respect_gitignore, cfg.not_articles)
        self.site_for(paths)
        files = [t.path for t in targets]
        if self.shard is not None:
            files = [f for f in files if in_shard(cfg.relpath(f), *self.shard)]
            if targets and not files:
                k, n = self.shard
                report.unchecked = [f"shard {k}/{n} holds none of the {len(targets)} file{'' if len(targets) == 1 else 's'} "
                                    "(the split is by a hash of each path; other shards check them)"]
        workers = _workers(jobs, len(files))
        if workers > 1:
            self._check_in_parallel(report, files, workers, progress)
        else:
            for done, path in enumerate(files, 1):
                self.check_file(report, path)
                if progress:
                    progress(done, len(files))
        report.diagnostics.sort(key=Diagnostic.sort_key)
        if self.profile is not None:
            self.profile.wall += time.perf_counter() - started
            self.profile.workers = workers
        return report

    def check_file(self, report: Report, path: str) -> None:
        """Read one file and check it (fixing it if asked); add the outcome to *report*."""
        try:
            start = time.perf_counter()
            source = read_source(path, self.config.max_file_size)
            if self.profile is not None:
                self.profile.add(READ, time.perf_counter() - start)
        except (Skipped, FileError) as problem:
            report.add_unreadable(problem)
            return
        self.check_source(report, source.text, path, bom=source.bom, write=True, stamp=source.stamp)

    def check_source(self, report: Report, text: str, path: str, bom: bool = False, write: bool = False,
                     stamp: tuple[int, int, str] | None = None) -> None:
        """Check one file's text as the file *path*; with *write*, fixes are written to it
        (only if it is still as *stamp* says it was read)."""
        options = self.options
        site = self.site_for([path])
        active = self.ruleset.for_path(self.config.relpath(path))
        errors: list[MedlintError] = []

        def lint(current: str) -> list[Diagnostic]:
            diagnostics, rule_errors = self.lint_document(current, path, active)
            errors[:] = rule_errors
            return diagnostics

        cache_key = self._cache_key(text, path, active) if self.results is not None else None
        cached = self.results.get(cache_key, text, [a.id for a in active]) if cache_key else None
        if cached is not None and (site is None or site.unchanged(cached[1])):
            diagnostics = cached[0]
        elif options.fix or options.diff:
            fixed, count, diagnostics = fix_text(text, lint, unsafe=options.unsafe_fixes)
            if count:
                report.fixed[path] = count
                if options.diff:
                    report.diffs.append(unified_diff(path.replace(os.sep, "/"), text, fixed))
                    diagnostics = lint(text)
                elif not write:  # standard input: the caller prints the fixed text
                    report.fixed_texts[path] = text = fixed
                else:
                    try:
                        if not parent_alive():
                            raise FileError("not fixed: the run was stopped", path)
                        write_fixed(path, fixed, bom, stamp, self.config.max_file_size)
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
                self.results.put(cache_key, diagnostics, depends_on)
        report.diagnostics += diagnostics
        report.errors += errors
        report.files_checked += 1
        report.files.append(path.replace(os.sep, "/"))
        if diagnostics:
            report.sources[diagnostics[0].path] = text

    def lint_document(self, text: str, path: str,
                      active: list[ActiveRule] | None = None) -> tuple[list[Diagnostic], list[MedlintError]]:
        """Parse *text* as the file *path*, run the rules in force for it (*active*, when
        the caller has them already) and apply suppressions. Findings that complete
        later (spelling suggestions) are completed only if no suppression drops them."""
        profile = self.profile
        start = time.perf_counter()
        doc = Document.from_text(text, path.replace(os.sep, "/"), format_for(path))
        if profile is not None:
            profile.add(PARSE, time.perf_counter() - start)
        doc.site = self.site_for([path])
        if active is None:
            active = self.ruleset.for_path(self.config.relpath(path))
        pending: dict[int, tuple[ActiveRule, Any]] = {}
        diagnostics, errors = run_rules(doc, active, debug=self.options.debug, pending=pending, profile=profile)
        ruleset = self.ruleset
        diagnostics = [d for d in suppress.apply(doc, diagnostics, ruleset.known, self.options.report_unused_suppressions)
                       if d.rule not in suppress.META_RULES or ruleset.reports(d.rule)]
        if pending:
            start = time.perf_counter()
            diagnostics = [to_diagnostic(doc, pending[id(d)][0], pending[id(d)][1].later()) if id(d) in pending else d
                           for d in diagnostics]
            if profile is not None:
                profile.add(SUGGEST, time.perf_counter() - start)
        return diagnostics, errors

    # -- internals -----------------------------------------------------------
    def _check_in_parallel(self, report: Report, paths: list[str], workers: int,
                           progress: Callable[[int, int], None] | None) -> None:
        """Check files across processes. The site index and every rule's check (with its
        dictionaries) are built here first, so forked workers share them instead of
        rebuilding them; results are merged in file order, so the output is the same as
        a serial run's."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        import tempfile

        from .medical import speller

        global _WORKER_RUN
        checks = {}
        for path in paths:
            for active in self.ruleset.for_path(self.config.relpath(path)):
                checks[id(active.check)] = active.check  # build (and load) every check the files need, before forking
        for check in checks.values():
            prepare = getattr(check, "prepare", None)
            if prepare is not None:
                prepare()  # what a check loads on first need (the speller's frequencies), loaded once here
        from . import lazyre

        lazyre.compile_all()  # the modules' patterns, compiled once here rather than in each worker
        compile_deferred()  # and the bundled rules' option patterns
        if self.site is not None:
            self.site.load()  # once, not once per worker
            if self.results is not None:
                self.site.fingerprint()
        if self.results is not None:
            self.results.prepare()  # the cache's secret, made once before the workers race for it
        _WORKER_RUN = self
        chunks = [paths[i:i + _CHUNK] for i in range(0, len(paths), _CHUNK)]
        done = 0
        try:
            with tempfile.TemporaryDirectory(prefix="medlint-") as shared:
                # Set before the workers fork: they inherit it and share their spelling suggestions.
                speller.SHARED = speller.SharedSuggestions(os.path.join(shared, "suggestions"))
                with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                         initializer=worker_init, initargs=(os.getpid(),)) as pool:
                    for chunk, (partial, seconds) in zip(chunks, pool.map(_check_chunk, chunks)):
                        report.extend(partial)
                        if self.profile is not None:
                            self.profile.merge(seconds)
                        done += len(chunk)
                        if progress:
                            progress(min(done, len(paths)), len(paths))
        finally:
            _WORKER_RUN = None
            speller.SHARED = None

    def _cache_key(self, text: str, path: str, active: list[ActiveRule]) -> str:
        from .cache import ResultCache, rules_key

        signature = tuple((a.id, a.severity, id(a.options)) for a in active)
        if signature not in self._rule_keys:
            fingerprint = self.site.fingerprint() if self.site is not None else None
            self._rule_keys[signature] = rules_key(active, fingerprint,
                                                   f"unused={self.options.report_unused_suppressions}",
                                                   self.ruleset.context)
        return ResultCache.key(self._rule_keys[signature], path.replace(os.sep, "/"), text)


def _workers(jobs: int | None, files: int) -> int:
    if files < PARALLEL_MIN_FILES:
        return 1
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(jobs or os.cpu_count() or 1, (files + _CHUNK - 1) // _CHUNK))


def in_shard(relpath: str, k: int, n: int) -> bool:
    """True if the file *relpath* (relative to the config's folder) falls in shard *k*
    of *n* (1-based): by a hash of its path, so the split is the same on every machine
    and a file stays in its shard while others come and go."""
    import hashlib  # (only for --shard: off the start-up path)

    digest = hashlib.sha1(relpath.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") % n == k - 1


def _check_chunk(paths: list[str]) -> tuple[Report, dict[str, float]]:
    """In a worker process: check some files with the run the parent built before
    forking; with the seconds each part took, when the run is profiled."""
    assert _WORKER_RUN is not None
    if _WORKER_RUN.profile is not None:
        _WORKER_RUN.profile = Profile()  # this chunk's time only, not the parent's before forking
    partial = Report()
    for path in paths:
        _WORKER_RUN.check_file(partial, path)
    return partial, dict(_WORKER_RUN.profile.seconds) if _WORKER_RUN.profile is not None else {}


def run_rules(doc: Document, rules: Iterable[ActiveRule], debug: bool = False,
              pending: dict[int, tuple[ActiveRule, Any]] | None = None,
              profile: Profile | None = None) -> tuple[list[Diagnostic], list[MedlintError]]:
    """Run *rules* on one document; a rule that fails becomes an error of the file, never the run's end.

    A finding with a ``later`` completion (a spelling suggestion) is completed here,
    unless *pending* is given: then its diagnostic is reported without it and noted
    in *pending* (by ``id``) for the caller to complete once suppressions are applied."""
    diagnostics: list[Diagnostic] = []
    errors: list[MedlintError] = []
    for active in rules:
        start = time.perf_counter()
        regions_before = doc.regions_seconds
        try:
            # A rule that skips regions reads a view with them blanked (offsets unchanged);
            # a finding a kind makes from the raw text or links in a skipped region is dropped.
            view = doc.view(active.skip)
            for finding in active.check(view):
                if view.skipped and view.in_skipped(finding.start):
                    continue
                if finding.later is not None and pending is None:
                    finding = finding.later()
                diagnostic = to_diagnostic(doc, active, finding)
                if finding.later is not None and pending is not None:
                    pending[id(diagnostic)] = (active, finding)
                diagnostics.append(diagnostic)
        except PatternTimeout as exc:
            errors.append(FileError(
                f"rule '{active.id}' ({active.rule.source or 'no file'}): pattern {shown_pattern(exc.pattern)} took longer than "
                f"{regex_timeout(len(doc.text)):g} s on this file and was stopped; simplify it (nested repeats such as (a+)+ backtrack)",
                doc.path))
        except Exception as exc:  # a rule must never take the run down with it
            if debug:
                raise
            errors.append(FileError(f"rule '{active.id}' failed: {type(exc).__name__}: {exc} (run with --debug for a traceback)", doc.path))
        if profile is not None:
            regions = doc.regions_seconds - regions_before
            if regions:
                profile.add(REGIONS, regions)
            profile.add(f"rule {active.id}", time.perf_counter() - start - regions)
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics, errors


def to_diagnostic(doc: Document, active: ActiveRule, finding: Any) -> Diagnostic:
    """A finding (offsets) as a diagnostic (lines and columns, the rule's message)."""
    line, column = doc.position(finding.start)
    end_line, end_column = doc.position(finding.end)
    fix = None
    if finding.fix is not None:
        edit = finding.fix
        (fl, fc), (el, ec) = doc.position(edit.start), doc.position(edit.end)
        fix = Fix(edit.replacement, fl, fc, el, ec, edit.safe)
    message = finding.message if finding.message is not None else active.message(finding.values)
    return Diagnostic(doc.path, line, column, end_line, end_column, active.id, finding.severity or active.severity,
                      visible(message), fix)


# -- the public API -------------------------------------------------------------
def lint_paths(paths: Iterable[str | os.PathLike[str]] | str = (".",), config: Any = None, *,
               select: Iterable[str] | None = None, ignore: Iterable[str] = (), exclude: Iterable[str] = (),
               force_exclude: bool = False, respect_gitignore: bool = True, online: bool = False, fix: bool = False,
               unsafe_fixes: bool = False,
               diff: bool = False, report_unused_suppressions: bool = False, jobs: int | None = None,
               cache: bool | str | os.PathLike[str] = False, progress: Callable[[int, int], None] | None = None,
               debug: bool = False, profile: Profile | None = None, shard: tuple[int, int] | None = None) -> Report:
    """Check files and folders; with *fix*, apply safe fixes (and unsafe ones with
    *unsafe_fixes*); with *diff*, compute the fixes' diff without writing. Files are
    checked in *jobs* processes (default: one per core) when there are more than a
    few dozen. With *cache* (True: ``.medlint_cache`` in the config's folder, or a
    folder), the results of unchanged files are reused; never with fixes or online
    rules. With *profile*, the time of each part is added to it; with *shard*
    ``(K, N)``, only the K-th of N stable shards of the files is checked (the site
    index still covers every page).

    Raises :class:`~medlint.errors.ConfigError` for a bad config or rule file;
    files that cannot be read end up in ``Report.errors`` (skipped ones in
    ``Report.notices``), each also an ``io-error`` diagnostic, and the others
    are still checked. With *respect_gitignore* false, folder walks include
    what ``.gitignore`` ignores.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    run = Run(config, select=select, ignore=ignore, online=online, cache=cache,
              options=RunOptions(fix, unsafe_fixes, diff, report_unused_suppressions, debug), profile=profile,
              shard=shard)
    return run.check_paths([os.fspath(p) for p in paths], exclude=exclude, force_exclude=force_exclude,
                           respect_gitignore=respect_gitignore, jobs=jobs, progress=progress)


def lint_stdin(text: str, filename: str, config: Any = None, *, select: Iterable[str] | None = None,
               ignore: Iterable[str] = (), online: bool = False, fix: bool = False, unsafe_fixes: bool = False,
               diff: bool = False, report_unused_suppressions: bool = False, debug: bool = False,
               profile: Profile | None = None) -> Report:
    """Check text read from standard input as if it were the file *filename*; with *fix*,
    the fixed text is in ``Report.fixed_texts[filename]`` (when a fix changed it) and the
    diagnostics are what is left after fixing. With *profile*, the time of each part is added to it."""
    started = time.perf_counter()
    run = Run(config, select=select, ignore=ignore, online=online, profile=profile,
              options=RunOptions(fix=fix and not diff, unsafe_fixes=unsafe_fixes, diff=diff,
                                 report_unused_suppressions=report_unused_suppressions, debug=debug))
    report = run.report()
    run.check_source(report, text, filename)
    if profile is not None:
        profile.wall += time.perf_counter() - started
    return report


def lint_text(text: str, path: str = "x.md", config: Any = None, *, select: Iterable[str] | None = None,
              ignore: Iterable[str] = (), online: bool = False,
              cache: bool | str | os.PathLike[str] = False) -> list[Diagnostic]:
    """Check a string as if it were the file *path* (its suffix picks the format). With
    *cache*, online answers (DOI look-ups) are kept in the cache folder."""
    run = Run(config, select=select, ignore=ignore, online=online, cache=cache)
    diagnostics, errors = run.lint_document(text, path)
    if errors:
        raise errors[0]
    return diagnostics


def spelling_rule(cfg: Config) -> tuple[Any, Any, Any, dict[str, Any]]:
    """The ``spelling`` rule as *cfg* sets it, whether or not it is on: (rule set, rule, the
    config's setting of it or None, its options with the config's over the file's), for the
    ``words`` commands, which read it even where the rule is turned off."""
    ruleset = cfg.ruleset()
    rule = ruleset.by_id.get("spelling")
    if rule is None:
        raise MedlintError("no rule named 'spelling' is loaded (is the config's extends: none?)")
    setting = ruleset.settings.get("spelling")
    return ruleset, rule, setting, {**rule.options, **(setting.options or {} if setting else {})}


def unknown_word_counts(paths: list[str], config: Any = None, exclude: Iterable[str] = ()) -> tuple[Any, dict[str, set[str]]]:
    """The spelling rule's unknown words in *paths*: a Counter of words and the files of each.

    Uses the ``spelling`` rule's options as the config sets them (vocabulary,
    variant...), even where the rule is turned off.
    """
    from .kinds.spelling import unknown_word_counts as count

    cfg = resolve_config(config)
    ruleset, rule, setting, options = spelling_rule(cfg)
    # The regions the rule does not read (reference lists, bylines...) are not read here either.
    skip = setting.skip if setting is not None and setting.skip is not None else rule.skip
    targets, errors = expand_paths(paths, cfg.exclude + list(exclude), cfg.relpath, not_articles=cfg.not_articles,
                                   follow_external_symlinks=cfg.follow_external_symlinks)
    if errors:
        raise errors[0]

    def documents() -> Iterable[Document]:
        for target in targets:
            try:
                text, _ = read_text(target.path, cfg.max_file_size)
            except (Skipped, FileError):
                continue
            yield Document.from_text(text, target.path.replace(os.sep, "/"), format_for(target.path)).view(skip)

    return count(documents(), options, ruleset.context)
