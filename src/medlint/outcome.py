"""The outcome of a run: what every output format reads, and nothing else.

It sits low (it knows diagnostics and errors only), so the output formats in
``report/`` are typed against it without importing the pipeline.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Iterator

from .diagnostic import Diagnostic
from .errors import MedlintError, Skipped

if TYPE_CHECKING:
    from .ruleset import Rule


@dataclass
class Report:
    """Diagnostics, files that could not be checked, notices, and what formats describe."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[MedlintError] = field(default_factory=list)
    notices: list[Skipped] = field(default_factory=list)
    files_checked: int = 0
    #: Rules in force (rule, severity), for formats that describe them (SARIF).
    rules: list[tuple["Rule", str]] = field(default_factory=list)
    #: The files checked, in order (for formats with one entry per file: JUnit).
    files: list[str] = field(default_factory=list)
    #: The text of each file that has diagnostics (for --show-source).
    sources: dict[str, str] = field(default_factory=dict)
    #: Fixes applied (or, with --diff, that would be) per file, and the diffs.
    fixed: dict[str, int] = field(default_factory=dict)
    diffs: list[str] = field(default_factory=list)

    def extend(self, other: "Report") -> None:
        """Add another (partial) report's outcome to this one: every field, so a
        parallel merge cannot drop one. ``rules`` describe the run and are kept."""
        for f in fields(self):
            if f.name == "rules":
                continue
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if isinstance(mine, list):
                mine.extend(theirs)
            elif isinstance(mine, dict):
                mine.update(theirs)
            else:
                setattr(self, f.name, mine + theirs)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    def __getitem__(self, index: int) -> Diagnostic:
        return self.diagnostics[index]
