"""medlint: a content-quality linter for medical and health writing.

The public API is :func:`lint_paths` and :func:`lint_text`; both are thin
wrappers that import the pipeline on first use so that ``medlint --version``
and ``import medlint`` stay cheap.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

__all__ = ["__version__", "lint_paths", "lint_text"]

if TYPE_CHECKING:
    from .diagnostic import Diagnostic
    from .outcome import Report


def lint_paths(paths: Any, config: Any = None, **kwargs: Any) -> "Report":
    """Lint files and folders; see :func:`medlint.pipeline.lint_paths`."""
    from .pipeline import lint_paths as _lint_paths

    return _lint_paths(paths, config=config, **kwargs)


def lint_text(text: str, path: str = "x.md", config: Any = None, **kwargs: Any) -> "list[Diagnostic]":
    """Lint a string as if it were the file *path*; see :func:`medlint.pipeline.lint_text`."""
    from .pipeline import lint_text as _lint_text

    return _lint_text(text, path=path, config=config, **kwargs)
