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

#: The reserved rule of files that could not be read or were not checked (as ruff's E902).
IO_ERROR = "io-error"
IO_ERROR_TEXT = ("A file medlint could not read or did not check: missing, unreadable, not UTF-8 (UTF-16, "
                 "invalid bytes), binary, or larger than max_file_size. Save it as UTF-8, fix the path, or "
                 "exclude it.")


def io_message(problem: MedlintError | Skipped) -> str:
    """The io-error diagnostic's message for an error or a skip (the same words as on standard error)."""
    return problem.message if isinstance(problem, MedlintError) else f"skipped: {problem.reason}"


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
    #: The fixed text of documents fixed without writing (standard input with --fix).
    fixed_texts: dict[str, str] = field(default_factory=dict)
    #: Why no file was checked, when none was (for the summary).
    unchecked: list[str] = field(default_factory=list)

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

    def add_unreadable(self, problem: MedlintError | Skipped) -> None:
        """Record a file that could not be read (an error: exit code 2) or was skipped (a
        notice), and report it as an ``io-error`` finding so every output format shows it."""
        if isinstance(problem, Skipped):
            self.notices.append(problem)
            severity, line = "warning", 1
        else:
            self.errors.append(problem)
            severity, line = "error", problem.line or 1
        path = (problem.path or "").replace("\\", "/")
        self.diagnostics.append(Diagnostic(path, line, 1, line, 1, IO_ERROR, severity, io_message(problem)))

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    def __getitem__(self, index: int) -> Diagnostic:
        return self.diagnostics[index]
