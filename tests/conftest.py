"""Shared helpers for the tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from medlint.document import Document

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


def doc(text: str, path: str = "x.md") -> Document:
    return Document.from_text(text, path)


def prose_words(document: Document) -> list[str]:
    return document.prose.split()


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder so that no config is found above it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
