"""Runs that scale: --shard K/N for a CI matrix, --profile, suggestions shared across workers."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import FIXTURES
from medlint import lint_paths
from medlint.cli import main
from medlint.medical import speller as speller_module
from medlint.medical.speller import SharedSuggestions, Speller, Suggestion
from medlint.pipeline import in_shard


def site(root: Path, pages: int = 60) -> Path:
    """The Hugo fixture and generated pages with broken links, anchors and typos."""
    shutil.copytree(FIXTURES / "hugo-site", root)
    posts = root / "content" / "posts"
    for i in range(pages):
        (posts / f"gen-{i}.md").write_text(
            f"---\ntitle: Page {i}\ndate: 2024-01-{i % 28 + 1:02d}\n---\n\n# Page {i}\n\n"
            f"See [the primer](/posts/vitamin-d-primer#who-may-need-more), [gone](/posts/gen-{i + 1}#nope) and "
            f"[a typo](/posts/vitamin-d-primr). The pathogensis of osteoporsis is unclear.\n", encoding="utf-8")
    return root


def json_of(args: list[str]) -> list[dict]:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_in_shard_is_a_stable_partition() -> None:
    paths = [f"content/posts/page-{i}.md" for i in range(400)]
    shards = [[p for p in paths if in_shard(p, k, 3)] for k in (1, 2, 3)]
    assert sorted(sum(shards, [])) == sorted(paths)  # every file in exactly one shard
    assert all(90 < len(s) < 180 for s in shards)  # and about a third in each
    assert [p for p in paths if in_shard(p, 2, 3)] == shards[1]  # the same split every time


def test_union_of_shards_equals_a_single_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site(tmp_path / "site"))
    single = json_of(["content"])
    parts = [json_of(["--shard", f"{k}/3", "content"]) for k in (1, 2, 3)]
    assert all(parts) and sum(len(p) for p in parts) == len(single) > 100
    union = sorted((d for p in parts for d in p), key=lambda d: (d["path"], d["line"], d["column"], d["rule"]))
    assert union == single
    assert {d["rule"] for d in parts[0]} >= {"link-broken", "link-anchor", "spelling"}  # the whole site's index
    assert len({d["path"] for p in parts for d in p}) == len({d["path"] for d in single})


def test_shard_errors_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for bad in ("0/3", "4/3", "2", "a/b"):
        result = CliRunner().invoke(main, ["check", "--shard", bad, "."])
        assert result.exit_code == 2 and f"--shard wants K/N with 1 <= K <= N (such as 2/4), not '{bad}'" in result.stderr


def test_an_empty_shard_says_why_nothing_was_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("Fine.\n")
    outputs = [CliRunner().invoke(main, ["check", "--no-cache", "--shard", f"{k}/3", "."]) for k in (1, 2, 3)]
    assert [result.exit_code for result in outputs] == [0, 0, 0]
    empty = [result.stdout for result in outputs if result.stdout.startswith("No files checked")]
    assert len(empty) == 2
    assert all("shard " in out and "holds none of the 1 file" in out for out in empty)


def test_profile_names_rules_parsing_site_and_suggestions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site(tmp_path / "site", pages=5))
    result = CliRunner().invoke(main, ["check", "--profile", "--no-cache", "-q", "content"])
    assert result.exit_code == 1
    table = result.stderr
    assert table.startswith("medlint profile: ")
    parts = {line.split("  ")[1].strip() for line in table.splitlines()[2:]}
    assert {"parsing", "site index", "suggestions", "rule spelling", "rule link-broken", "measured"} <= parts
    assert "profile" not in result.stdout


def test_profile_charges_regions_apart_from_the_rule_that_asks_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regions are found once per page for every rule that skips them: their time is
    its own part, not the first such rule's (which looked many times dearer than it is)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# Notes\n\n> Quoted 5,000 IU daily.\n\nRecent work.\n\n## References\n\n1. Roe J. A paper. 2019.\n")
    import time as time_module

    from medlint import document as document_module
    real = document_module.find_regions

    def slow_find_regions(doc: object) -> object:
        time_module.sleep(0.2)  # regions made dear on purpose: the time must land in their own part
        return real(doc)

    monkeypatch.setattr(document_module, "find_regions", slow_find_regions)
    result = CliRunner().invoke(main, ["check", "--profile", "--no-cache", "-q", "-j", "1", "a.md"])
    rows = {line.split("  ")[1].strip(): float(line.split()[-2]) for line in result.stderr.splitlines()[2:]}
    assert rows["regions"] >= 0.2
    assert all(seconds < 0.2 for part, seconds in rows.items() if part.startswith("rule "))
    from medlint.document import Document
    doc = Document.from_text("> Quoted.\n", "a.md", "markdown")
    assert doc.regions_seconds == 0.0
    doc.regions
    assert doc.regions_seconds > 0.0


def test_profile_of_standard_input_measures_the_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """'-' with --profile times the check too (it printed an empty table before)."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--profile", "-q", "-"], input="Take 500mg of it.\n")
    assert result.exit_code == 0  # a warning
    parts = {line.split("  ")[1].strip() for line in result.stderr.splitlines()[2:]}
    assert {"parsing", "rule dose-notation", "measured"} <= parts


@pytest.mark.slow
def test_profile_of_a_parallel_run_adds_up_the_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from medlint.profile import Profile

    monkeypatch.chdir(site(tmp_path / "site", pages=80))
    profile = Profile()
    lint_paths(["content"], jobs=2, profile=profile)
    assert profile.workers == 2 and profile.seconds["rule spelling"] > 0 and profile.seconds["suggestions"] > 0
    assert profile.seconds["parsing"] > 0


def test_each_unknown_word_is_ranked_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The spelling rule asks for a word's corrections to judge whether it is a typo (see
    spellcontext), suppressed or not; the ranking, the dear part, runs once per distinct word."""
    monkeypatch.chdir(tmp_path)
    asked: list[str] = []
    real = Speller._rank

    def counting(self: Speller, word: str) -> Suggestion:
        asked.append(word)
        return real(self, word)

    monkeypatch.setattr(Speller, "_rank", counting)
    (tmp_path / "a.md").write_text("The pathogensis.\n\n<!-- medlint-disable-next-line spelling -->\nThe osteoporsis.\n\n"
                                   "A pathogensis again.\n")
    report = lint_paths(["a.md"], config={}, select=["spelling"])
    assert [d.message for d in report] == ["Unknown word 'pathogensis'; did you mean 'pathogenesis'?"] * 2
    assert sorted(asked) == ["osteoporsis", "pathogensis"]


def test_workers_share_their_corrections(tmp_path: Path) -> None:
    """What one process corrected, another reads instead of correcting it again."""
    first, second = SharedSuggestions(str(tmp_path / "s")), SharedSuggestions(str(tmp_path / "s"))
    first.put("pathogensis", Suggestion(("pathogenesis",), True))
    first.put("xqzvbn", Suggestion((), False))
    first.put("exceprt", Suggestion(("except", "excerpt"), False))
    assert second.get("pathogensis") == Suggestion(("pathogenesis",), True)
    assert second.get("xqzvbn") == Suggestion((), False)
    assert second.get("exceprt") == Suggestion(("except", "excerpt"), False)
    assert second.get("osteoporsis") is speller_module._MISSING
    second.put("osteoporsis", Suggestion(("osteoporosis",), True))
    assert first.get("osteoporsis") == Suggestion(("osteoporosis",), True)


def test_speller_reads_the_shared_corrections(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = SharedSuggestions(str(tmp_path / "s"))
    speller = Speller()
    shared.put(f"{speller._signature()}:pathogensis", Suggestion(("pathogenic",), True))  # as if another worker had found this
    monkeypatch.setattr(speller_module, "SHARED", shared)
    assert speller.suggest("Pathogensis") == "Pathogenic"
    assert speller.suggest("osteoporsis") == "osteoporosis"
    assert SharedSuggestions(str(tmp_path / "s")).get(f"{speller._signature()}:osteoporsis").fix == "osteoporosis"
    other = Speller(reject=["pathogenesis"])  # another rule's speller does not take this one's answers
    assert other._signature() != speller._signature()
    assert other.suggest("pathogensis") != "pathogenic"
