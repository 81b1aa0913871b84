"""Rule files: loading, validation, and the rules in force for each file.

A rule is data (a YAML file); its kind is code (a module in ``kinds/``).
Rule files are validated with jsonschema against the common keys plus the
kind's option schema, and every error names the file, the line and the key.
The bundled rules are validated by the project's test suite rather than at
every run, which keeps jsonschema's import off the start-up path of a
pre-commit hook that uses only the defaults.
"""
from __future__ import annotations

import copy
import functools
import json
import os
import string
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable

from .diagnostic import SEVERITIES, Finding
from .document import Document
from .errors import ConfigError, ConfigErrors, did_you_mean
from .globs import GlobIndex, matches
from .version import HOMEPAGE
from .kinds import KINDS, BuildContext, OptionError, load_kind, needs_site
from .regions import REGION_KINDS
from .yamlsource import dotted, key_line, read_yaml_file, schema_validator, validation_errors

Check = Callable[[Document], Iterable[Finding]]

#: The bundled presets, each a superset of the one before: ``default`` holds the
#: mission's checks and the rules whose labelled precision on real sites meets the
#: bar (bench/README.md); ``all`` adds every other bundled rule.
PRESETS = ("default", "all")

_EXAMPLES = {
    "type": "array",
    "items": {
        "oneOf": [
            {"type": "string"},
            {
                "type": "object",
                "required": ["text"],
                "additionalProperties": False,
                "properties": {"text": {"type": "string"}, "path": {"type": "string", "minLength": 1}},
            },
        ]
    },
}


#: ``skip:`` in a rule file or a config: region kinds (medlint.regions) the rule does not read.
SKIP_SCHEMA = {"type": "array", "items": {"enum": list(REGION_KINDS)}, "uniqueItems": True}


def rule_schema(options_schema: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of a rule file of one kind."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "kind", "severity", "message"],
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$"},
            "kind": {"enum": sorted(KINDS)},
            "check": {"type": "string"},
            "severity": {"enum": list(SEVERITIES)},
            "message": {"type": "string", "minLength": 1},
            "description": {"type": "string"},
            "link": {"type": "string", "pattern": "^https?://\\S+$"},
            "files": {"type": "array", "items": {"type": "string", "minLength": 1}},
            "exclude": {"type": "array", "items": {"type": "string", "minLength": 1}},
            "enabled": {"type": "boolean"},
            "online": {"type": "boolean"},
            "preset": {"enum": list(PRESETS)},
            "preset_note": {"type": "string"},
            "skip": SKIP_SCHEMA,
            "options": options_schema,
            "examples": {
                "type": "object",
                "additionalProperties": False,
                "properties": {"flag": _EXAMPLES, "pass": _EXAMPLES},
            },
        },
    }


def _validator(kind: str) -> Any:
    return schema_validator(rule_schema(load_kind(kind).OPTIONS_SCHEMA))


def options_validator(kind: str) -> Any:
    """A validator of a kind's ``options`` alone (for config overrides)."""
    return schema_validator(load_kind(kind).OPTIONS_SCHEMA)


@dataclass
class Rule:
    """A rule as its file defines it."""

    id: str
    kind: str
    severity: str
    message: str
    #: The kind's sub-check (``CHECKS``), fixed by the rule file: a config cannot change it.
    check: str | None = None
    description: str = ""
    files: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    enabled: bool = True
    #: Needs the network: runs only when the run is online (--online).
    online: bool = False
    #: The smallest bundled preset that runs the rule, and why it is not in a smaller one.
    preset: str = "default"
    preset_note: str = ""
    #: Region kinds the rule does not read (``skip:``): blanked from its prose view, and
    #: any finding that starts in one is dropped (see :func:`medlint.pipeline.run_rules`).
    skip: list[str] = field(default_factory=list)
    #: Loaded from medlint's own rules/ (trusted, validated by the test suite): presets apply to it.
    bundled: bool = False
    options: dict[str, Any] = field(default_factory=dict)
    examples: dict[str, list[Any]] = field(default_factory=dict)
    source: str = ""
    #: Where the rule is documented: the file's ``link``, or for a bundled rule its README anchor.
    link: str = ""

    @property
    def summary(self) -> str:
        """The first sentence of the description."""
        text = " ".join(self.description.split())
        for stop in (". ", ": "):
            if stop in text:
                return text[: text.index(stop) + 1].rstrip(":")
        return text


def fixes_of(rule: Rule, options: dict[str, Any] | None = None) -> str | None:
    """Whether the rule offers fixes with these options: ``"safe"``, ``"unsafe"`` or None.

    Kinds declare ``FIXES`` (one word, or one per check); a substitution with
    ``safe: false`` offers unsafe ones, and a spelling rule with ``suggest: false`` none."""
    options = rule.options if options is None else options
    declared = getattr(load_kind(rule.kind), "FIXES", None)
    if isinstance(declared, dict):
        declared = declared.get(rule.check or "")
    if declared is None or options.get("suggest") is False:
        return None
    return "unsafe" if options.get("safe") is False else declared


class ActiveRule:
    """A rule as it applies to one file: effective severity and options, and its
    check, built on first use (a run whose results all come from the cache
    builds none, and loads no dictionary)."""

    __slots__ = ("rule", "severity", "options", "skip", "_build", "_check")

    def __init__(self, rule: Rule, severity: str, options: dict[str, Any], build: Callable[[], Check],
                 skip: tuple[str, ...] | None = None) -> None:
        self.rule = rule
        self.severity = severity
        #: Region kinds in force for ``skip`` (the rule file's, or the config's).
        self.skip = tuple(rule.skip) if skip is None else skip
        #: The options in force (the rule's own, with the config's on top).
        self.options = options
        self._build = build
        self._check: Check | None = None

    @property
    def check(self) -> Check:
        if self._check is None:
            self._check = self._build()
        return self._check

    @property
    def id(self) -> str:
        return self.rule.id

    def message(self, values: dict[str, Any]) -> str:
        """The rule's message with a finding's values; a placeholder the finding does not set is empty."""
        return string.Formatter().vformat(self.rule.message, (), _Values(values))


class _Values(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return ""


@functools.lru_cache(maxsize=None)
def bundled_rules_dir() -> Path:
    """The bundled rules: inside the installed package, or rules/ of a checkout (found once:
    resolving this module's path for each of a run's rule files took 2 ms of a start)."""
    here = Path(__file__).resolve().parent
    packaged = here / "rules"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "rules"


@functools.lru_cache(maxsize=None)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def _is_bundled(path: Path) -> bool:
    """Whether *path*, symlinks resolved, lies in the bundled rules' folder (as
    ``path.resolve().relative_to(bundled_rules_dir().resolve())`` says, without resolving
    the same folders again for each of a run's rule files)."""
    folder, name = os.path.split(os.path.abspath(path))
    real = os.path.realpath(path) if name in ("", ".", "..") or os.path.islink(path) \
        else os.path.join(_real_folder(folder), name)
    bundled = _real_folder(str(bundled_rules_dir()))
    return real == bundled or real.startswith(bundled.rstrip(os.sep) + os.sep)


def rule_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_rule_file(path: Path, trusted: bool = False, display: str | None = None,
                   context: BuildContext = BuildContext()) -> Rule:
    """Load and validate one rule file; raise :class:`ConfigError` naming file and line.

    *context* is the run's build context: files the options name are read from
    the config's folder (its ``config_dir``), not the rule file's."""
    name = display or str(path)
    data, text = _read_rule_file(path, name, trusted)
    if not isinstance(data, dict):
        raise ConfigError("a rule file must be a mapping with id, kind, severity and message", name, 1)

    def fail(path_: list[Any], message: str) -> ConfigError:
        key = dotted(path_)
        return ConfigError(f"{key}: {message}" if key else message, name, key_line(text, path_))

    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        raise fail(["kind"], f"unknown kind {kind!r} (known kinds: {', '.join(sorted(KINDS))})")
    module = load_kind(kind)
    if not trusted:
        errors = validation_errors(_validator(kind), data)
        if errors:
            raise ConfigErrors(sorted((fail(*error) for error in errors), key=lambda e: e.line or 0))
    checks = getattr(module, "CHECKS", None)
    check = data.get("check")
    if checks and check not in checks:
        raise fail(["check"], f"kind '{kind}' needs a check, one of {', '.join(checks)}" if check is None
                   else f"unknown check {check!r} for kind '{kind}' (one of {', '.join(checks)})")
    if not checks and check is not None:
        raise fail(["check"], f"kind '{kind}' has no sub-checks; remove 'check'")
    rule = Rule(
        id=data["id"], kind=kind, severity=data["severity"], message=data["message"], check=check,
        description=data.get("description", ""), files=list(data.get("files", [])),
        exclude=list(data.get("exclude", [])), enabled=data.get("enabled", True), online=data.get("online", False),
        preset=data.get("preset", "default"), preset_note=" ".join(str(data.get("preset_note", "")).split()),
        skip=list(data.get("skip", [])),
        options={**copy.deepcopy(module.DEFAULTS), **(data.get("options") or {})},
        examples=dict(data.get("examples") or {}), source=name, bundled=trusted,
        link=data.get("link") or (f"{HOMEPAGE}#{data['id']}" if _is_bundled(path) else ""),
    )
    unknown = _unknown_placeholders(rule.message, module.PLACEHOLDERS)
    if unknown:
        offered = ", ".join("{" + p + "}" for p in module.PLACEHOLDERS)
        raise fail(["message"], f"unknown placeholder {unknown} (kind '{kind}' offers {offered})")
    if not trusted:
        # Bundled rules are built (and so checked) by the test suite; building them
        # here would compile every rule's patterns on every run, used or not.
        try:
            module.build(rule.options, replace(context, check=check))
        except OptionError as exc:
            raise fail(["options"] + exc.path, exc.message) from None
    return rule


def _read_rule_file(path: Path, name: str, trusted: bool) -> tuple[Any, str]:
    """``read_yaml_file`` of a rule file; one of medlint's own (*trusted*) is parsed once and
    kept between runs (:mod:`medlint.rulecache`; those in the bundled folder only), the others
    on every run."""
    if trusted and _is_bundled(path):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            pass  # read_yaml_file says what is wrong
        else:
            from . import rulecache
            from .yamlsource import YAMLSyntaxError

            try:
                return rulecache.parse(path, text), text
            except YAMLSyntaxError as exc:
                raise ConfigError(exc.message, name, (exc.line0 or 0) + 1) from None
    return read_yaml_file(path, name, "rule file", trusted=trusted)


def _unknown_placeholders(template: str, allowed: Iterable[str]) -> str | None:
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    except ValueError as exc:
        return f"(bad braces: {exc}; write {{{{ and }}}} for literal braces)"
    for name in fields:
        if name not in allowed:
            return "{" + name + "}"
    return None


def load_rules(sources: list[tuple[Path, bool]],
               context: BuildContext = BuildContext()) -> tuple[list[Rule], list[ConfigError]]:
    """Load every rule file in the given (folder or file, trusted) sources.

    All errors are collected so that a user sees every broken file at once.
    """
    rules: list[Rule] = []
    errors: list[ConfigError] = []
    seen: dict[str, str] = {}
    for source, trusted in sources:
        paths = rule_files(source) if source.is_dir() else [source]
        if not source.exists():
            errors.append(ConfigError("rule folder does not exist", str(source)))
            continue
        folder = os.path.realpath(source) if source.is_dir() else None
        for path in paths:
            if not trusted and folder is not None and not _inside(path, folder, context):
                # a symlink in a rule folder must not lead out of the project either
                errors.append(ConfigError(f"this rule file is outside the project folder "
                                          f"{os.path.realpath(context.config_dir)}; rules are loaded only from inside it",
                                          str(path)))
                continue
            try:
                rule = load_rule_file(path, trusted=trusted, context=context)
            except ConfigErrors as exc:
                errors += exc.errors
                continue
            except ConfigError as exc:
                errors.append(exc)
                continue
            if rule.id in seen:
                errors.append(ConfigError(f"id: duplicate rule id '{rule.id}' (also defined in {seen[rule.id]})", rule.source, 1))
                continue
            seen[rule.id] = rule.source
            rules.append(rule)
    if any(trusted for _, trusted in sources):
        from . import rulecache

        rulecache.save()
    return rules, errors


def _inside(path: Path, folder: str, context: BuildContext) -> bool:
    """True if the rule file *path* resolves inside its rule *folder* or the project folder."""
    real = os.path.realpath(path)
    return any(real.startswith(base.rstrip(os.sep) + os.sep)
               for base in (folder, os.path.realpath(context.config_dir)))


@dataclass
class Setting:
    """A config's word on one rule: on/off, severity, options."""

    enabled: bool | None = None
    severity: str | None = None
    options: dict[str, Any] | None = None
    #: Replaces the rule file's ``skip`` list (``[]`` reads every region).
    skip: list[str] | None = None


class RuleSet:
    """The loaded rules plus the config's settings, resolved per file."""

    def __init__(self, rules: list[Rule], settings: dict[str, Setting],
                 overrides: list[tuple[list[str], dict[str, Setting]]],
                 select: Iterable[str] | None = None, ignore: Iterable[str] = (), online: bool = False,
                 context: BuildContext = BuildContext(), checks: dict[tuple[str, str], Check] | None = None) -> None:
        self.rules = rules
        #: What every check is built with (the config's folder, the cache folder).
        self.context = context
        self.online = online
        self.by_id = {r.id: r for r in rules}
        self.settings = settings
        self.overrides = overrides
        self.select = set(select) if select else None
        self.ignore = set(ignore)
        from .suppress import META_RULES

        self.known = set(self.by_id) | set(META_RULES)
        for flag, ids in (("--select", self.select or set()), ("--ignore", self.ignore)):
            unknown = sorted(i for i in ids if i not in self.known)
            if unknown:
                raise ConfigErrors([ConfigError(f"{flag}: unknown rule '{i}'"
                                                f"{did_you_mean(i, self.known) or ' (see medlint rules)'}")
                                    for i in unknown])
        #: Checks by rule and options; *checks* holds those built already (to validate a config).
        self._checks: dict[tuple[str, str], Check] = dict(checks or {})
        self._index: GlobIndex | None = None
        self._cache: dict[tuple[int, ...], list[tuple[Rule, str, dict[str, Any]]]] = {}
        self._skips: dict[tuple[int, ...], dict[str, tuple[str, ...]]] = {}
        self._active: dict[tuple[int, ...], list[ActiveRule]] = {}

    def check_for(self, rule: Rule, options: dict[str, Any]) -> Check:
        key = (rule.id, json.dumps(options, sort_keys=True, default=str))
        if key not in self._checks:
            build = load_kind(rule.kind).build
            if rule.bundled and options is rule.options:
                # A bundled rule's own options: its patterns compile on first use (see deferred_patterns).
                from .kinds.common import deferred_patterns

                with deferred_patterns():
                    self._checks[key] = build(options, replace(self.context, check=rule.check))
            else:
                self._checks[key] = build(options, replace(self.context, check=rule.check))
        return self._checks[key]

    def _resolved(self, override_ids: tuple[int, ...]) -> list[tuple[Rule, str, dict[str, Any]]]:
        if override_ids in self._cache:
            return self._cache[override_ids]
        out = []
        skips: dict[str, tuple[str, ...]] = {}
        for rule in self.rules:
            enabled, severity, options = rule.enabled, rule.severity, rule.options
            skip = tuple(rule.skip)
            layers = [self.settings] + [self.overrides[i][1] for i in override_ids]
            for layer in layers:
                setting = layer.get(rule.id)
                if setting is None:
                    continue
                if setting.enabled is not None:
                    enabled = setting.enabled
                if setting.severity:
                    severity = setting.severity
                if setting.options:
                    options = {**options, **setting.options}
                if setting.skip is not None:
                    skip = tuple(setting.skip)
            skips[rule.id] = skip
            if self.select is not None:
                enabled = rule.id in self.select
            if rule.id in self.ignore or (rule.online and not self.online):
                enabled = False
            if enabled:
                out.append((rule, severity, options))
        self._cache[override_ids] = out
        self._skips[override_ids] = skips
        return out

    def for_path(self, relpath: str) -> list[ActiveRule]:
        """The rules in force for a file, its path relative to the config's folder."""
        if self._index is None:
            self._index = GlobIndex(globs for globs, _ in self.overrides)
        ids = self._index.matching(relpath)
        if ids not in self._active:
            resolved = self._resolved(ids)
            self._active[ids] = [ActiveRule(rule, severity, options, functools.partial(self.check_for, rule, options),
                                            self._skips[ids][rule.id])
                                 for rule, severity, options in resolved]
        return [a for a in self._active[ids]
                if not (a.rule.files and not matches(relpath, a.rule.files))
                and not (a.rule.exclude and matches(relpath, a.rule.exclude))]

    def reports(self, rule_id: str) -> bool:
        """Whether --select/--ignore let a built-in diagnostic through."""
        return (self.select is None or rule_id in self.select) and rule_id not in self.ignore

    def needs_site(self) -> bool:
        """True if a rule that reads the site index may run for some file."""
        layers = [()] + [(i,) for i in range(len(self.overrides))]
        return any(needs_site(rule.kind, rule.check, options)
                   for ids in layers for rule, _, options in self._resolved(ids))

    def active_rules(self) -> list[tuple[Rule, str, dict[str, Any]]]:
        """Rules enabled before per-file overrides, with effective severity and options."""
        return self._resolved(())
