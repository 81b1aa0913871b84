"""The ``medlint`` command: a thin layer over :mod:`medlint.pipeline`.

Exit codes: 0 nothing at or above the fail level; 1 problems found;
2 usage, config or rule-file error, or a file that could not be checked.
"""
from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Any, Callable, Iterable

from . import patterncache

patterncache.install()  # (before click and the rest compile their patterns)

import click  # noqa: E402

from .version import DISTRIBUTION, HOMEPAGE, __version__  # noqa: E402
from .diagnostic import FAIL_LEVELS, SEVERITY_RANK  # noqa: E402
from .report import FORMATS  # noqa: E402

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2
PROGRESS_MIN_FILES = 300


def _split(values: Iterable[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _errors_exit() -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Turn medlint's errors into one line on stderr and exit code 2, never a traceback."""

    def wrap(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            from .config import ConfigErrors
            from .errors import MedlintError

            debug = kwargs.get("debug", False)
            try:
                return func(*args, **kwargs)
            except ConfigErrors as exc:
                for error in exc.errors:
                    click.echo(str(error), err=True)
                sys.exit(EXIT_ERROR)
            except MedlintError as exc:
                click.echo(str(exc) if exc.path else f"medlint: {exc}", err=True)
                sys.exit(EXIT_ERROR)
            except BrokenPipeError:
                # The reader went away (`medlint check | head`): stop quietly.
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                sys.exit(EXIT_PROBLEMS)
            except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
                raise
            except Exception as exc:
                if debug:
                    raise
                click.echo(f"medlint: internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)", err=True)
                sys.exit(EXIT_ERROR)

        return run

    return wrap


config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False),
                             help="Config file (default: .medlint.yaml or [tool.medlint] in pyproject.toml, found upwards).")
debug_option = click.option("--debug", is_flag=True, help="Show a traceback on internal errors.")


#: Set by ``check``: the process may end without tearing the interpreter down (see :class:`_Medlint`).
_QUICK_EXIT = False


class _Medlint(click.Group):
    """The command group, which ends a ``medlint check`` process without tearing the
    interpreter down: freeing every object of a run (a large site's index) took about
    40 ms of a 0.4 s one-file check (issue 23). Its output is flushed and the ``atexit``
    handlers run first, so nothing a normal exit does for the user is lost. Only for the
    command line itself (arguments from ``sys.argv``): a caller that passes its own
    arguments (click's test runner, a script) gets click's ordinary ``SystemExit``."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        try:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        except SystemExit as exc:
            if not (_QUICK_EXIT and args is None and standalone_mode) or not isinstance(exc.code, (int, type(None))):
                raise
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except Exception:  # a closed pipe: the ordinary exit reports it as it always has
                raise exc from None
            import atexit

            atexit._run_exitfuncs()
            os._exit(exc.code or 0)


@click.group(cls=_Medlint, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="medlint")
def main() -> None:
    """medlint: a content-quality linter for medical and health writing."""


def _config(config_path: str | None, quiet: bool = False) -> Any:
    """The run's config; its warnings (several config files in one folder) go to stderr."""
    from .pipeline import resolve_config

    config = resolve_config(config_path)
    if not quiet:
        for warning in config.warnings:
            click.echo(f"medlint: warning: {warning}", err=True)
    return config


def _color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _progress(enabled: bool) -> Callable[[int, int], None] | None:
    """A progress bar on standard error for long runs on a terminal (never in CI or a pipe).

    *done* may repeat or jump (parallel workers report a chunk at a time): the
    bar moves to it, and it is closed once, with one newline, when it reaches
    *total*; later calls draw nothing."""
    if not enabled or not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < PROGRESS_MIN_FILES or state.get("closed"):
            return
        if "bar" not in state:
            state["bar"] = click.progressbar(length=total, label="Checking", file=sys.stderr)
            state["bar"].__enter__()
        bar = state["bar"]
        if done > bar.pos:
            bar.update(min(done, total) - bar.pos)
        if done >= total:
            bar.__exit__(None, None, None)
            state["closed"] = True

    return update


def _output_files(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> list[tuple[str, str]]:
    """Parse --output-file FORMAT=PATH values (any registered format)."""
    parsed = []
    for value in values:
        fmt, sep, path = value.partition("=")
        if not sep or not path:
            raise click.BadParameter(f"expected FORMAT=PATH, got {value!r}")
        if fmt not in FORMATS:
            raise click.BadParameter(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
        parsed.append((fmt, path))
    return parsed


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default=None,
              help="Output format (default: text; github when GITHUB_ACTIONS=true).")
@click.option("--output-file", "output_files", multiple=True, metavar="FORMAT=PATH", callback=_output_files,
              help="Also write the report in FORMAT to PATH (repeatable), e.g. sarif=medlint.sarif.")
@click.option("--select", multiple=True, metavar="RULE,...", help="Run only these rules.")
@click.option("--ignore", multiple=True, metavar="RULE,...", help="Do not run these rules.")
@click.option("--fail-on", type=click.Choice(list(FAIL_LEVELS)), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files matching GLOB (repeatable).")
@click.option("--force-exclude", is_flag=True, help="Apply excludes to files named explicitly too (for pre-commit).")
@click.option("--respect-gitignore/--no-respect-gitignore", default=True, show_default=True,
              help="Skip what .gitignore ignores when walking folders.")
@click.option("--fix", is_flag=True,
              help="Apply the fixes rules mark safe, and write the files ('-': print the fixed text).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too (e.g. spelling).")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them.")
@click.option("--report-unused-suppressions", is_flag=True, help="Report suppression comments that silence nothing.")
@click.option("--stdin-filename", metavar="PATH", help="With '-', the file name to report and to pick the format by.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text output (auto: on a terminal, unless NO_COLOR is set).")
@click.option("--show-source/--no-show-source", default=None,
              help="Show the source line under each problem (default: on a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="Print diagnostics only: no summary, no notices.")
@click.option("--online", is_flag=True, help="Also run the rules that use the network (DOIs resolve).")
@click.option("--statistics", is_flag=True,
              help="Print how many findings each rule made, and the most frequent broken link targets, instead of the list.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes to check files in (default: one per core; serial for a few dozen files or fewer).")
@click.option("--no-cache", is_flag=True, help="Check every file afresh; do not read or write .medlint_cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Where to keep the results cache (default: .medlint_cache in the config's folder).")
@click.option("--shard", metavar="K/N", default=None,
              help="Check only the K-th of N stable shards of the files (for a CI job matrix); links still resolve against the whole site.")
@click.option("--profile", is_flag=True, help="Print the time each rule, parsing, the site index and suggestions took to standard error.")
@config_option
@debug_option
@_errors_exit()
def check(paths: tuple[str, ...], fmt: str | None, output_files: list[tuple[str, str]], select: tuple[str, ...],
          ignore: tuple[str, ...], fail_on: str, exclude: tuple[str, ...], force_exclude: bool,
          respect_gitignore: bool, fix: bool, unsafe_fixes: bool, diff: bool, report_unused_suppressions: bool,
          stdin_filename: str | None, color: str, show_source: bool | None, quiet: bool, online: bool,
          statistics: bool, jobs: int | None, no_cache: bool, cache_dir: str | None, shard: str | None,
          profile: bool, config_path: str | None, debug: bool) -> None:
    """Check files and folders (default: the current folder; '-' reads standard input)."""
    global _QUICK_EXIT
    _QUICK_EXIT = True
    from .pipeline import lint_paths, lint_stdin
    from .errors import MedlintError
    from .outcome import IO_ERROR, io_message
    from .profile import Profile
    from .report import write_report

    if diff and (fmt is not None or statistics):
        # The diff is standard output; silently dropping the report asked for would mislead a CI step.
        raise click.UsageError(f"--diff prints the fixes as a unified diff and cannot be combined with "
                               f"{'--format' if fmt is not None else '--statistics'}; use --output-file "
                               "FORMAT=PATH to write a report beside it")
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    shard_k_n = _shard(shard) if shard else None
    config = _config(config_path, quiet)
    timings = Profile() if profile else None
    rules = {"select": _split(select) or None, "ignore": _split(ignore), "online": online}
    fixed_stdin = None
    if "-" in paths:
        if len(paths) > 1:
            raise MedlintError("'-' (standard input) cannot be combined with other paths")
        if shard_k_n:
            raise MedlintError("--shard splits files and folders; it cannot be used with '-' (standard input)")
        source, name = sys.stdin.read(), stdin_filename or "stdin.md"
        report = lint_stdin(source, name, config, fix=fix, unsafe_fixes=unsafe_fixes, diff=diff,
                            report_unused_suppressions=report_unused_suppressions, debug=debug, profile=timings,
                            **rules)
        if fix and not diff:
            fixed_stdin = report.fixed_texts.get(name, source)
    else:
        report = lint_paths(list(paths) or ["."], config, exclude=list(exclude), force_exclude=force_exclude,
                            respect_gitignore=respect_gitignore, fix=fix and not diff, unsafe_fixes=unsafe_fixes,
                            diff=diff, report_unused_suppressions=report_unused_suppressions, jobs=jobs,
                            cache=False if no_cache else (cache_dir or True),
                            progress=_progress(not quiet), debug=debug, profile=timings, shard=shard_k_n, **rules)
    options = {"quiet": quiet, "fail_on": fail_on}
    main_out = sys.stdout
    if fixed_stdin is not None:
        # Format-on-save: the fixed document is standard output; what is left goes to stderr.
        sys.stdout.write(fixed_stdin)
        main_out = sys.stderr
    if diff:
        sys.stdout.write("".join(report.diffs))
    elif statistics:
        write_report("statistics", report, main_out)
    else:
        write_report(fmt, report, main_out, **options,
                     color=_color(color) if fmt == "text" and main_out is sys.stdout else False,
                     show_source=main_out.isatty() if show_source is None else show_source)
    sys.stdout.flush()
    # The extra reports come after the main output, so one that cannot be written (exit 2)
    # does not take the annotations or the list with it.
    for extra_fmt, target in output_files:
        try:
            with open(target, "w", encoding="utf-8") as handle:
                write_report(extra_fmt, report, handle, **options)
        except OSError as exc:
            raise MedlintError(f"cannot write the {extra_fmt} report: {exc.strerror or exc}", target) from None
    if timings is not None:
        click.echo(timings.render(), err=True, nl=False)
    # The text output lists unreadable files as io-error findings: do not say it twice
    # (--statistics and --diff only count or omit them, so there the reason goes to stderr).
    shown = ({(d.path, d.message) for d in report.diagnostics if d.rule == IO_ERROR}
             if fmt == "text" and not diff and not statistics else set())

    def said(problem: Any) -> bool:
        return ((problem.path or "").replace(os.sep, "/"), io_message(problem)) in shown

    if not quiet:
        for notice in report.notices:
            if not said(notice):
                click.echo(str(notice), err=True)
    for error in report.errors:
        if not said(error):
            click.echo(str(error), err=True)
    if report.errors:
        sys.exit(EXIT_ERROR)
    if diff:
        sys.exit(EXIT_PROBLEMS if report.diffs else EXIT_OK)
    level = FAIL_LEVELS[fail_on]
    # io-error findings never count here: unreadable files exit 2 above, skipped ones are notices.
    if level >= 0 and any(SEVERITY_RANK[d.severity] <= level for d in report.diagnostics if d.rule != IO_ERROR):
        sys.exit(EXIT_PROBLEMS)
    sys.exit(EXIT_OK)


_FIX_LABELS = {"safe": "fix", "unsafe": "unsafe fix", None: "-"}


def _shard(value: str) -> tuple[int, int]:
    """``K/N`` as (K, N), 1 <= K <= N."""
    from .errors import MedlintError

    k, _, n = value.partition("/")
    if not (k.strip().isdigit() and n.strip().isdigit()) or not 1 <= int(k) <= int(n):
        raise MedlintError(f"--shard wants K/N with 1 <= K <= N (such as 2/4), not '{value}'")
    return int(k), int(n)


@main.command("rules")
@click.option("--all", "show_all", is_flag=True, help="Include rules that are turned off.")
@config_option
@debug_option
@_errors_exit()
def list_rules(show_all: bool, config_path: str | None, debug: bool) -> None:
    """List the active rules: id, kind, severity and summary."""
    from .ruleset import fixes_of

    ruleset = _config(config_path).ruleset()
    active = {rule.id: (severity, options) for rule, severity, options in ruleset.active_rules()}
    rows = []
    for r in ruleset.rules:
        if show_all or r.id in active:
            severity, options = active.get(r.id, ("online" if r.online else "off", r.options))
            rows.append((r.id, r.kind, severity, _FIX_LABELS[fixes_of(r, options)], r.summary))
    if not rows:
        click.echo("No rules are active.")
        return
    # The fix column: 'fix' (applied by --fix), 'unsafe fix' (only with --unsafe-fixes) or '-'.
    width = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in sorted(rows):
        click.echo("  ".join(row[i].ljust(width[i]) for i in range(4)) + "  " + row[4])


@main.command()
@click.argument("rule_id")
@config_option
@debug_option
@_errors_exit()
def explain(rule_id: str, config_path: str | None, debug: bool) -> None:
    """Show a rule's description, options and examples."""
    import difflib

    from .explain import explain_text, reserved_text
    from .errors import MedlintError

    ruleset = _config(config_path).ruleset()
    rule = ruleset.by_id.get(rule_id)
    reserved = reserved_text(rule_id) if rule is None else None
    if reserved is not None:
        click.echo(reserved)
        return
    if rule is None:
        close = difflib.get_close_matches(rule_id, list(ruleset.by_id), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else " (see 'medlint rules')"
        raise MedlintError(f"unknown rule '{rule_id}'{hint}")
    click.echo(explain_text(rule, ruleset))


@main.command("test-rules")
@click.argument("rule_files", nargs=-1, type=click.Path())
@config_option
@debug_option
@_errors_exit()
def test_rules(rule_files: tuple[str, ...], config_path: str | None, debug: bool) -> None:
    """Check each rule against its own examples (default: every configured rule)."""
    from .config import ConfigErrors
    from .ruleset import bundled_rules_dir, load_rules
    from .selftest import run_examples

    # Files a rule's options name (vocabularies, limits tables) are relative to the config's
    # folder, as in 'medlint check', wherever in the project this runs.
    cfg = _config(config_path)
    if rule_files:
        sources = [(Path(f), False) for f in rule_files]
    else:
        sources = ([(bundled_rules_dir(), False)] if cfg.extends != "none" else []) + [(p, False) for p in cfg.rule_paths]
    rules, errors = load_rules(sources, cfg.build_context())
    if errors:
        raise ConfigErrors(errors)
    failed = 0
    for rule in rules:
        result = run_examples(rule, cfg.root)
        flag = len(rule.examples.get("flag", []))
        passing = len(rule.examples.get("pass", []))
        if result.checked == 0:
            click.echo(f"--    {rule.id}: no examples ({rule.source})")
            continue
        status = "ok  " if result.ok else "FAIL"
        click.echo(f"{status}  {rule.id}: {flag} flagged, {passing} passing examples")
        for failure in result.failures:
            failed += 1
            what = "was not reported" if failure.expectation == "flag" else "was reported"
            snippet = failure.text if len(failure.text) < 70 else failure.text[:67] + "..."
            click.echo(f"      {failure.expectation} example {failure.index + 1} {what}: {snippet!r}")
            for d in failure.diagnostics:
                click.echo(f"        {d.line}:{d.column}: {d.message}")
    click.echo(f"{len(rules)} rules, {failed} failing examples")
    sys.exit(EXIT_PROBLEMS if failed else EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files matching GLOB (repeatable).")
@click.option("--min-count", type=int, default=1, show_default=True, help="Only words found at least this often.")
@click.option("--trace", "trace", metavar="WORD",
              help="Say which list, vocabulary file, option or inline comment in PATHS accepts or rejects WORD.")
@config_option
@debug_option
@_errors_exit()
def words(paths: tuple[str, ...], exclude: tuple[str, ...], min_count: int, trace: str | None,
          config_path: str | None, debug: bool) -> None:
    """List the words the spelling rule does not know, by count, with their files.

    For triage: add the real words to a vocabulary file named in the rule's
    options, and fix the rest. With --trace WORD, show where the verdict on one
    word comes from instead (exit 1 when it is unknown or rejected).
    """
    from .pipeline import unknown_word_counts

    if trace is not None:
        from .spelltrace import trace_word

        result = trace_word(trace, list(paths), _config(config_path), exclude=list(exclude))
        click.echo("\n".join(result.lines()))
        sys.exit(EXIT_OK if result.verdict == "accepted" else EXIT_PROBLEMS)

    counts, files = unknown_word_counts(list(paths) or ["."], _config(config_path), exclude=list(exclude))
    for word, count in counts.most_common():
        if count < min_count:
            break
        shown = sorted(files[word])
        more = f" (+{len(shown) - 3} more)" if len(shown) > 3 else ""
        click.echo(f"{count:>6}  {word:<24} {', '.join(shown[:3])}{more}")
    if not counts:
        click.echo("No unknown words.")


INIT_TEMPLATE = f"""\
# medlint configuration: {HOMEPAGE}#configuration
# (medlint is installed as the package {DISTRIBUTION}; "medlint" on PyPI is another project.)
# Paths here are relative to this file's folder.

# The bundled rules ('medlint rules --all' lists them): 'default' runs the
# mission's checks and the rules precise enough on real sites; 'all' runs every
# bundled rule; 'none' starts empty.
extends: default

# Folders of your own rule files (one YAML file per rule; see 'medlint explain RULE').
# rule_paths: [.medlint/rules]

# Turn rules off, change their severity or options:
# rules:
#   sensational-language: off
#   dose-needs-citation: error
#   disclaimer-missing:
#     severity: error
#     options:
#       position: end
#       lines: 20

# Files not to check (globs; .gitignore is honoured too).
# exclude: ["drafts/**"]

# Different settings for some files:
# overrides:
#   - files: ["content/news/**"]
#     rules: {{dose-needs-citation: error}}

# For the link rules: where the pages are and how the site publishes them.
# site:
#   content_root: content
#   static_dirs: [static]
#   base_urls: ["https://www.example.org"]
#   permalinks: {{posts: "/posts/:slug"}}
#   anchor_style: github

# Files larger than this many bytes are skipped with a notice.
# max_file_size: 5242880
"""


@main.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .medlint.yaml.")
@_errors_exit()
def init(force: bool, debug: bool = False) -> None:
    """Write a commented .medlint.yaml with the defaults into the current folder."""
    from pathlib import Path

    from .errors import MedlintError

    target = Path(".medlint.yaml")
    if target.exists() and not force:
        raise MedlintError(".medlint.yaml already exists (use --force to overwrite it)")
    target.write_text(INIT_TEMPLATE, encoding="utf-8")
    click.echo(f"Wrote {target}")


@main.command()
def lsp() -> None:
    """Run the language server on standard input and output (for editors; needs the lsp extra)."""
    try:
        from .lsp.server import serve
    except ImportError as exc:
        if exc.name and exc.name.split(".")[0] in ("pygls", "lsprotocol"):
            click.echo("medlint lsp: the language server needs pygls: install medlint with the lsp extra "
                       f"(pip install '{DISTRIBUTION}[lsp]')", err=True)
            sys.exit(EXIT_ERROR)
        raise
    serve()
