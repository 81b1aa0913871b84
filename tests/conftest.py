"""Shared pytest fixtures (plain helpers live in helpers.py)."""
from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder so that no config is found above it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
