"""medlint: a content-quality linter for medical and health writing.

The public API is :func:`lint_paths` and :func:`lint_text`; both are thin
wrappers that import the engine on first use so that ``medlint --version``
and ``import medlint`` stay cheap.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "lint_paths", "lint_text"]

if TYPE_CHECKING:
    from .diagnostic import Diagnostic
    from .engine import Report


def lint_paths(paths: Any, config: Any = None, **kwargs: Any) -> "Report":
    """Lint files and folders; see :func:`medlint.engine.lint_paths`."""
    from .engine import lint_paths as _lint_paths

    return _lint_paths(paths, config=config, **kwargs)


def lint_text(text: str, path: str = "x.md", config: Any = None, **kwargs: Any) -> "list[Diagnostic]":
    """Lint a string as if it were the file *path*; see :func:`medlint.engine.lint_text`."""
    from .engine import lint_text as _lint_text

    return _lint_text(text, path=path, config=config, **kwargs)
