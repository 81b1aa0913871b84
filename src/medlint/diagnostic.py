"""What a rule reports: a located, formatted problem with an optional fix."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional

SEVERITIES = ("error", "warning", "info")
#: Lower rank is more severe; used for --fail-on and sorting.
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
#: --fail-on level -> the highest severity rank that fails the run (-1: nothing does).
FAIL_LEVELS = {"error": 0, "warning": 1, "info": 2, "never": -1}


@dataclass(frozen=True)
class Edit:
    """A replacement of ``text[start:end]``, in character offsets of the document.

    ``safe`` edits may be applied by ``--fix``; unsafe ones (spelling
    suggestions, say) only with ``--unsafe-fixes``.
    """

    start: int
    end: int
    replacement: str
    safe: bool = True


@dataclass(frozen=True)
class Finding:
    """What a rule kind yields: a span of the document and message values.

    The pipeline turns it into a :class:`Diagnostic` by filling the rule's
    message template with ``values`` and computing line and column. ``later``,
    when set, returns the complete finding (with a costly part, such as a
    spelling suggestion): the pipeline calls it only if the finding survives
    suppressions.
    """

    start: int
    end: int
    values: dict[str, Any]
    fix: Edit | None = None
    later: Optional[Callable[[], "Finding"]] = field(default=None, compare=False, repr=False)
    #: For a finding that is not the rule's usual problem (a DOI that could not be
    #: checked): its own severity and message instead of the rule's.
    severity: str | None = None
    message: str | None = None


@dataclass(frozen=True)
class Fix:
    """A located edit as it appears in the JSON output."""

    replacement: str
    line: int
    column: int
    end_line: int
    end_column: int
    safe: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "replacement": self.replacement,
            "start": {"line": self.line, "column": self.column},
            "end": {"line": self.end_line, "column": self.end_column},
            "safe": self.safe,
        }


@dataclass(frozen=True)
class Diagnostic:
    """One problem in one file.

    Lines and columns are 1-based; columns count characters (code points).
    ``end_column`` points just past the last character, as in SARIF and LSP.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    fix: Fix | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def to_json(self) -> dict[str, Any]:
        """The JSON contract: exactly these keys, in this order."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "fix": self.fix.to_json() if self.fix else None,
        }
