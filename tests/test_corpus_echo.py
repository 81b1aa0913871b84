"""bench/corpus_echo.py: the guard that keeps third-party corpus text out of the project."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"


def _load():
    spec = importlib.util.spec_from_file_location("corpus_echo", ROOT / "bench" / "corpus_echo.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_echo"] = module
    spec.loader.exec_module(module)
    return module


echo = _load()


@pytest.fixture
def corpora(tmp_path: Path) -> Path:
    site = tmp_path / "corpora" / "site"
    site.mkdir(parents=True)
    (site / "page.md").write_text("# Notes\n\nThe orchard keeper counted nine hundred blue pears every single autumn.\n")
    return tmp_path / "corpora"


def test_a_run_of_eight_shared_words_is_reported_with_its_line(corpora: Path, tmp_path: Path, capsys) -> None:
    mine = tmp_path / "mine.py"
    mine.write_text('"""Ours."""\nEXAMPLE = "Keeper counted nine hundred blue pears every single autumn, we wrote."\n')
    assert echo.main(["--corpora", str(corpora), str(mine)]) == 1
    out = capsys.readouterr().out
    assert out.endswith(":2: keeper counted nine hundred blue pears every single autumn\n")


def test_seven_shared_words_or_our_own_wording_pass(corpora: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.md"
    mine.write_text("He counted nine hundred blue pears every winter.\n\nA gardener weighed twelve green figs.\n")
    assert echo.main(["--corpora", str(corpora), str(mine)]) == 0
    assert echo.main(["--corpora", str(corpora), "--words", "6", str(mine)]) == 1


def test_no_corpora_means_nothing_to_compare(tmp_path: Path, capsys) -> None:
    assert echo.main(["--corpora", str(tmp_path / "absent"), str(Path(__file__))]) == 0
    assert "nothing to compare with" in capsys.readouterr().err


def test_allowed_runs_are_not_reported(corpora: Path, tmp_path: Path, monkeypatch) -> None:
    allow = tmp_path / "allow.txt"
    allow.write_text("# common English\nthe orchard keeper counted nine hundred blue pears every single autumn\n")
    monkeypatch.setattr(echo, "ALLOW_FILE", allow)
    mine = tmp_path / "mine.md"
    mine.write_text("The orchard keeper counted nine hundred blue pears every single autumn.\n")
    assert echo.main(["--corpora", str(corpora), str(mine)]) == 0


@pytest.mark.slow
@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora is not on this machine")
def test_the_project_shares_no_eight_word_run_with_the_corpora(capsys) -> None:
    assert echo.main([]) == 0, capsys.readouterr().out
