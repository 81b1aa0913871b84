"""One workspace folder as the server sees it: its config, one :class:`~medlint.pipeline.Run`
(rules and dictionaries loaded once) and its site index, built apart and handed over when ready.

Not thread-safe by design: the server calls :meth:`lint`, :meth:`fix_all`, :meth:`load` and
:meth:`use_site` from one thread only; :meth:`build_site` may run on another, as it only
reads the config and the disk and returns a new index."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..config import load_config
from ..diagnostic import Diagnostic
from ..errors import MedlintError
from ..fix import fix_text
from ..pipeline import Run
from ..ruleset import Rule

#: Written (and referenced from a new config) when no vocabulary file is configured.
DEFAULT_VOCABULARY = ".medlint/vocabulary.txt"
CONFIG_NAMES = (".medlint.yaml", ".medlint.yml", "pyproject.toml")


class Workspace:
    """A folder's config, run and site index."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.run: Run | None = None
        #: Why there is no run (a bad config or rule file), to tell the user once.
        self.error: str | None = None
        self.site: Any = None
        self.load()

    # -- config and rules --------------------------------------------------------
    def load(self) -> None:
        """(Re)load the config and its rules, found as the CLI finds them from this folder;
        the site index in use is kept."""
        from ..config import ConfigErrors

        try:
            # With the cache folder, as the CLI: a rebuilt site index reads only changed pages.
            self.run = Run(load_config(cwd=self.root), cache=True)
            self.error = None
        except ConfigErrors as exc:
            self.run, self.error = None, "; ".join(str(e) for e in exc.errors)
        except MedlintError as exc:
            self.run, self.error = None, str(exc)
        if self.run is not None:
            self.run.use_site(self.site)

    @property
    def config_root(self) -> Path:
        return self.run.config.root if self.run is not None else self.root

    def rule(self, rule_id: str) -> Rule | None:
        return self.run.ruleset.by_id.get(rule_id) if self.run is not None else None

    def affects_config(self, path: Path) -> bool:
        """Whether a change to *path* calls for reloading the config and rules: the config file,
        a config file that may appear, a vocabulary or other option file, a rule file."""
        if self.run is None:
            return path.name in CONFIG_NAMES or path.suffix in (".yaml", ".yml", ".toml")
        config = self.run.config
        if config.source and Path(config.source).resolve() == path:
            return True
        if path.name in CONFIG_NAMES and path.parent in (self.root, *self.root.parents):
            return True
        if any(folder.resolve() in path.parents for folder in config.rule_paths):
            return True
        return path in self.option_files()

    def option_files(self) -> set[Path]:
        """Files the rules' options name (each kind's ``FILE_OPTIONS``), under the config's
        rules and every override's, so a vocabulary only an override names is watched too."""
        from ..kinds import input_files

        assert self.run is not None
        ruleset = self.run.ruleset
        layers = [ruleset.settings] + [settings for _, settings in ruleset.overrides]
        found = set()
        for rule in ruleset.rules:
            for options in [rule.options] + [{**rule.options, **layer[rule.id].options}
                                             for layer in layers if rule.id in layer and layer[rule.id].options]:
                found.update(input_files(rule.kind, options, ruleset.context))
        return found

    def vocabulary_file(self, path: str) -> tuple[Path, bool]:
        """The vocabulary file new words go to, for the file *path*: the first one the spelling
        rule in force names (relative to the config's folder), or DEFAULT_VOCABULARY; and
        whether the config names it."""
        assert self.run is not None
        for active in self.run.ruleset.for_path(self.run.config.relpath(path)):
            if active.rule.kind == "spelling" and active.options.get("vocabulary"):
                return self.run.ruleset.context.project_file(active.options["vocabulary"][0], ["vocabulary", 0]), True
        return self.config_root / DEFAULT_VOCABULARY, False

    # -- the site index ------------------------------------------------------------
    @property
    def needs_site(self) -> bool:
        return self.run is not None and self.run.needs_site()

    def build_site(self) -> Any:
        """A new site index of this folder (pages unchanged since the last build are not read again)."""
        assert self.run is not None
        return self.run.build_site([str(self.root)])

    def use_site(self, site: Any) -> None:
        self.site = site
        if self.run is not None:
            self.run.use_site(site)

    # -- checking ------------------------------------------------------------------------
    def lint(self, text: str, path: str) -> tuple[list[Diagnostic], list[MedlintError]]:
        """The CLI's diagnostics for *text* as the file *path* (links only once the index is there)."""
        if self.run is None:
            return [], []
        return self.run.lint_document(text, path)

    def fix_all(self, text: str, path: str) -> str:
        """*text* with every safe fix applied (re-checked, as ``--fix`` does)."""
        if self.run is None:
            return text
        fixed, _, _ = fix_text(text, lambda current: self.lint(current, path)[0])
        return fixed

    def warm_up(self) -> None:
        """Build every check and load the dictionaries (spelling suggestions included) before the
        first keystroke, so the first diagnostics come as fast as the rest."""
        if self.run is None:
            return
        sample = os.path.join(str(self.root), "medlint-warm-up.md")
        self.lint("# Warm up\n\nThey recieve 5,000 IU.\n", sample)
