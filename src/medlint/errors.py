"""Errors that stop a run or a file, each rendered as one line for the user."""
from __future__ import annotations

from typing import Iterable


class MedlintError(Exception):
    """A problem the user can act on: printed as one line, never as a traceback."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __reduce__(self) -> tuple[type, tuple[str, str | None, int | None]]:
        # Keep path and line when a worker process sends the error back.
        return type(self), (self.message, self.path, self.line)

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        return where + self.message


class ConfigError(MedlintError):
    """An invalid config or rule file: the run stops with exit code 2."""


class ConfigErrors(ConfigError):
    """Several config or rule-file errors, reported together (a user fixes them in one go)."""

    def __init__(self, errors: list[ConfigError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors

    def __reduce__(self) -> tuple[type, tuple[list[ConfigError]]]:  # type: ignore[override]
        return type(self), (self.errors,)


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """'; did you mean 'x'?' for the closest known name, or '' when none is close."""
    import difflib

    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


class FileError(MedlintError):
    """A file that cannot be checked (missing, unreadable, not UTF-8)."""


class Skipped(Exception):
    """A file not checked on purpose (binary, too large): reported as a notice."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        return type(self), (self.path, self.reason)

    def __str__(self) -> str:
        return f"{self.path}: skipped: {self.reason}"
