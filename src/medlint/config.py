"""Configuration: ``.medlint.yaml`` or ``[tool.medlint]`` in ``pyproject.toml``.

Found by walking up from the working directory (or named with
``--config``), validated with jsonschema, and resolved into a
:class:`~medlint.ruleset.RuleSet`.  Paths in a config are relative to the
folder that holds it.
"""
from __future__ import annotations

import glob
import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import quickschema
from .diagnostic import SEVERITIES
from .errors import ConfigError, ConfigErrors, did_you_mean
from .files import NOT_ARTICLES
from .kinds import BuildContext, OptionError, load_kind
from .site.anchors import STYLES as ANCHOR_STYLES
from .ruleset import SKIP_SCHEMA, Rule, RuleSet, Setting, bundled_rules_dir, load_rules, options_validator
from .yamlsource import (MAX_DEPTH, dotted, expanded_size, key_line, read_yaml_file,
                         schema_validator, toml_key_depth, validation_errors)

CONFIG_NAMES = (".medlint.yaml", ".medlint.yml")
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024

_SETTING = {
    "oneOf": [
        {"type": "boolean"},
        {"enum": ["off", "on"] + list(SEVERITIES)},
        {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "enabled": {"type": "boolean"},
                "severity": {"enum": list(SEVERITIES)},
                "options": {"type": "object"},
                "skip": SKIP_SCHEMA,
            },
        },
    ]
}
_GLOBS = {"type": "array", "items": {"type": "string", "minLength": 1}}
CONFIG_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "extends": {"enum": ["default", "all", "none"]},
        "rule_paths": _GLOBS,
        "rules": {"type": "object", "additionalProperties": _SETTING},
        "exclude": _GLOBS,
        "not_articles": _GLOBS,
        "overrides": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["files", "rules"],
                "additionalProperties": False,
                "properties": {
                    "files": {**_GLOBS, "minItems": 1},
                    "rules": {"type": "object", "additionalProperties": _SETTING},
                },
            },
        },
        "site": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "content_root": {"type": "string", "minLength": 1},
                "static_dirs": _GLOBS,
                "base_urls": _GLOBS,
                "permalinks": {"type": "object", "additionalProperties": {"type": "string", "pattern": "^/"}},
                "anchor_style": {"enum": list(ANCHOR_STYLES)},
                "generator": {"enum": ["hugo", "jekyll", "mkdocs", "docusaurus", "eleventy", "plain"]},
                "folder_pages": _GLOBS,
                "page_fragments": {"type": "boolean"},
                "disclaimer": {"oneOf": [{"type": "string", "minLength": 1}, {**_GLOBS, "minItems": 1}]},
            },
        },
        "max_file_size": {"type": "integer", "minimum": 1},
        "follow_external_symlinks": {"type": "boolean"},
    },
}


@dataclass
class Config:
    """A validated configuration; ``root`` is the folder relative paths start from."""

    root: Path
    source: str | None = None
    extends: str = "default"
    rule_paths: list[Path] = field(default_factory=list)
    rules: dict[str, Setting] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    #: File-name globs of text files that are not articles (skipped like excludes).
    not_articles: list[str] = field(default_factory=lambda: list(NOT_ARTICLES))
    overrides: list[tuple[list[str], dict[str, Setting]]] = field(default_factory=list)
    site: dict[str, Any] = field(default_factory=dict)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    #: Things the user should know that do not stop the run (several configs in one folder).
    warnings: list[str] = field(default_factory=list)
    #: Check files that a symlink met in a folder walk leads to outside that folder.
    follow_external_symlinks: bool = False
    # For error messages: finds the line of a key path in the source.
    _locate: Any = None

    #: The files ``site.disclaimer`` names, found and checked when the config is read.
    disclaimer_files: tuple[Path, ...] = ()

    def build_context(self, cache_dir: Path | None = None) -> BuildContext:
        """What rule checks are built with: this config's folder, the run's cache folder and
        the site's shared disclaimer files."""
        return BuildContext(config_dir=self.root, cache_dir=cache_dir, disclaimer_files=self.disclaimer_files)

    def ruleset(self, select: Any = None, ignore: Any = (), online: bool = False,
                cache_dir: Path | None = None) -> RuleSet:
        """Load the rules this config names and apply its settings to them."""
        context = self.build_context(cache_dir)
        sources: list[tuple[Path, bool]] = []
        if self.extends != "none":
            sources.append((bundled_rules_dir(), True))
        sources += [(p, False) for p in self.rule_paths]
        rules, errors = load_rules(sources, context)
        if errors:
            raise ConfigErrors(errors)
        rules = [in_preset(rule, self.extends) if rule.bundled else rule for rule in rules]
        by_id = {r.id: r for r in rules}
        problems: list[ConfigError] = []
        layers = [(["rules"], self.rules)] + [
            (["overrides", i, "rules"], settings) for i, (_, settings) in enumerate(self.overrides)
        ]
        built: dict[tuple[str, str], Any] = {}  # checks built to validate options, kept for the run
        for prefix, settings in layers:
            for rule_id, setting in settings.items():
                where = prefix + [rule_id]
                if rule_id not in by_id:
                    hint = did_you_mean(rule_id, by_id) or " (see 'medlint rules')"
                    problems.append(self.error(where, f"unknown rule '{rule_id}'{hint}"))
                elif setting.options:
                    rule = by_id[rule_id]
                    merged = {**rule.options, **setting.options}
                    key = (rule.id, json.dumps(merged, sort_keys=True, default=str))
                    if key in built:
                        continue  # the same options again (a config with many overrides)
                    schema = load_kind(rule.kind).OPTIONS_SCHEMA  # quickschema first, as for the config
                    errs = [] if quickschema.is_simple(schema) and quickschema.certainly_valid(schema, merged) \
                        else validation_errors(options_validator(rule.kind), merged)
                    if errs:
                        problems += [self.error(where + ["options"] + path, message) for path, message in errs]
                        continue
                    try:
                        built[key] = load_kind(rule.kind).build(merged, replace(context, check=rule.check))
                    except OptionError as exc:
                        problems.append(self.error(where + ["options"] + exc.path, exc.message))
        if problems:
            raise ConfigErrors(problems)
        return RuleSet(rules, self.rules, self.overrides, select=select, ignore=ignore, online=online, context=context,
                       checks=built)

    def error(self, path: list[Any], message: str) -> ConfigError:
        line = self._locate(path) if self._locate else None
        return ConfigError(f"{dotted(path)}: {message}", self.source, line)

    def relpath(self, path: str | Path) -> str:
        """*path* relative to the config's folder (as given when outside it), '/'-separated."""
        absolute = os.path.abspath(path)
        root = str(self.root)
        if absolute == root or absolute.startswith(root.rstrip(os.sep) + os.sep):
            return os.path.relpath(absolute, root).replace(os.sep, "/")
        return str(path).replace(os.sep, "/")


def in_preset(rule: Rule, extends: str) -> Rule:
    """A bundled rule as the config's preset has it: ``all`` runs every bundled rule
    (online ones still need --online); ``default`` leaves the rest one line away
    (``rules: {id: on}``)."""
    if extends == "all":
        return rule if rule.enabled else replace(rule, enabled=True)
    if rule.preset != "default" and rule.enabled:
        return replace(rule, enabled=False)
    return rule


def find_config(start: Path) -> Path | None:
    """The nearest config file in *start* or a folder above it."""
    found = find_configs(start)
    return found[0] if found else None


def find_configs(start: Path) -> list[Path]:
    """Every config file in the nearest folder (from *start* upwards) that has one, the one
    used first: .medlint.yaml, .medlint.yml, then pyproject.toml with [tool.medlint]."""
    for folder in [start, *start.parents]:
        found = [folder / name for name in CONFIG_NAMES if (folder / name).is_file()]
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if re.search(r"^\[tool\.medlint[\].]", pyproject.read_text(encoding="utf-8"), re.M):
                    found.append(pyproject)
            except (OSError, UnicodeDecodeError):
                pass
        if found:
            return found
    return []


def load_config(path: str | Path | None = None, cwd: str | Path | None = None) -> Config:
    """Load the config at *path*, or discover one from *cwd*; defaults if none."""
    here = Path(cwd or os.getcwd()).resolve()
    warnings = []
    if path is None:
        candidates = find_configs(here)
        if not candidates:
            return Config(root=here)
        path = candidates[0]
        if len(candidates) > 1:
            others = ", ".join(c.name for c in candidates[1:])
            warnings.append(f"{path.parent}: several config files; using {path.name} and ignoring {others}")
    path = Path(path)
    display = str(path)
    if not path.is_file():
        raise ConfigError("config file not found", display)
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read config file: {getattr(exc, 'strerror', None) or exc}", display) from None
        data, locate = _from_toml(text, display)
    else:
        data, text = read_yaml_file(path, display, "config file")

        def locate(p: list[Any]) -> int | None:
            return key_line(text, p)

    cfg = config_from_dict(data, path.resolve().parent, display, locate)
    cfg.warnings += warnings
    return cfg


def config_from_dict(data: Any, root: Path, source: str | None = None, locate: Any = None) -> Config:
    """Validate a config mapping (as loaded from a file or given to the API)."""
    cfg = Config(root=root, source=source, _locate=locate)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("the config must be a mapping of keys to values", source, 1)
    # A config quickschema finds certainly valid (the common case) does not import
    # jsonschema (about 50 ms of every run); any other is jsonschema's to judge, so
    # every error reported is still worded by jsonschema.
    certain = quickschema.is_simple(CONFIG_SCHEMA) and quickschema.certainly_valid(CONFIG_SCHEMA, data)
    errors = [] if certain else validation_errors(schema_validator(CONFIG_SCHEMA), data)
    if errors:
        raise ConfigErrors([cfg.error(path, message) for path, message in errors])
    cfg.extends = data.get("extends", "default")
    cfg.rule_paths = [root / p for p in data.get("rule_paths", [])]
    cfg.rules = {k: _setting(v) for k, v in (data.get("rules") or {}).items()}
    cfg.exclude = list(data.get("exclude", []))
    cfg.not_articles = list(data.get("not_articles", NOT_ARTICLES))
    cfg.overrides = [
        (list(o["files"]), {k: _setting(v) for k, v in o["rules"].items()}) for o in data.get("overrides", [])
    ]
    cfg.site = dict(data.get("site") or {})
    cfg.max_file_size = data.get("max_file_size", DEFAULT_MAX_FILE_SIZE)
    cfg.follow_external_symlinks = data.get("follow_external_symlinks", False)
    boundary = BuildContext(config_dir=root)
    for i, folder in enumerate(cfg.rule_paths):
        try:  # a shared config must not load rules (YAML) from anywhere else
            boundary.project_file(str(data["rule_paths"][i]), ["rule_paths", i])
        except OptionError as exc:
            raise cfg.error(["rule_paths", i], exc.message) from None
        if not folder.exists():
            raise cfg.error(["rule_paths", i], f"folder not found: {folder}")
    if "disclaimer" in cfg.site:
        cfg.disclaimer_files = _disclaimer_files(cfg, root, cfg.site["disclaimer"])
    content_root = cfg.site.get("content_root")
    if content_root and not (root / content_root).is_dir():
        # Silently indexing an empty site would report every internal link as broken.
        raise cfg.error(["site", "content_root"], f"folder not found: {root / content_root}")
    return cfg


def _disclaimer_files(cfg: Config, root: Path, value: str | list[str]) -> tuple[Path, ...]:
    """The files ``site.disclaimer`` names: each entry a path or glob relative to the config's
    folder, which none may leave (after symlinks), and each must match a file."""
    patterns = [value] if isinstance(value, str) else list(value)
    boundary = BuildContext(config_dir=root)
    found: list[Path] = []
    for i, pattern in enumerate(patterns):
        where = ["site", "disclaimer"] + ([i] if not isinstance(value, str) else [])
        if os.path.isabs(os.path.expanduser(pattern)) or ".." in re.split(r"[\\/]", pattern):
            raise cfg.error(where, f"{pattern} is outside the project folder {root}; name a file inside it")
        matched = sorted(p for p in root.glob(pattern) if p.is_file()) if glob.has_magic(pattern) else \
            [root / pattern] if (root / pattern).is_file() else []
        if not matched:
            raise cfg.error(where, f"no file matches {pattern} (relative to {root})")
        for path in matched:
            try:
                found.append(boundary.project_file(str(path.relative_to(root)), where))
            except OptionError as exc:
                raise cfg.error(where, exc.message) from None
    return tuple(dict.fromkeys(found))


def _setting(value: Any) -> Setting:
    # YAML reads a bare `off`/`on` as a boolean, so both spellings arrive here.
    if value is False or value == "off":
        return Setting(enabled=False)
    if value is True or value == "on":
        return Setting(enabled=True)
    if isinstance(value, str):
        return Setting(enabled=True, severity=value)
    return Setting(enabled=value.get("enabled", True), severity=value.get("severity"), options=value.get("options"),
                   skip=value.get("skip"))


def _from_toml(text: str, display: str) -> tuple[Any, Any]:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        if toml_key_depth(text) > MAX_DEPTH:
            raise RecursionError
        data = tomllib.loads(text)
        if expanded_size(data) is None:
            raise RecursionError
    except RecursionError:
        raise ConfigError(f"nested more than {MAX_DEPTH} levels deep (dotted keys or tables)", display) from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"at line (\d+)", str(exc))
        raise ConfigError(re.sub(r"\s*\(at line.*\)", "", str(exc)), display, int(m.group(1)) if m else None) from None
    section = data.get("tool", {}).get("medlint", {}) if display.endswith("pyproject.toml") else data
    lines = text.splitlines()

    def locate(path: list[Any]) -> int | None:
        # TOML keeps no positions: find the last named key after the section header.
        header = next((i for i, l in enumerate(lines) if l.strip().startswith("[tool.medlint")), 0)
        keys = [str(p) for p in path if not isinstance(p, int)]
        for key in reversed(keys):
            pattern = re.compile(r"^\s*\"?" + re.escape(key) + r"\"?\s*=|[\[.]\"?" + re.escape(key) + r"\"?\]")
            for i in range(header, len(lines)):
                if pattern.search(lines[i]):
                    return i + 1
        return header + 1 if header else None

    return section, locate
