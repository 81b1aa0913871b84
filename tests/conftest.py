"""Shared pytest fixtures (plain helpers live in helpers.py)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder so that no config is found above it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# The suite keeps no compiled patterns in the user's cache folder (tests of that cache name their own file).
os.environ["MEDLINT_PATTERN_CACHE"] = "off"
