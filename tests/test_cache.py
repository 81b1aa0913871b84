"""The results cache: reused only when nothing a file's results depend on has changed."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import medlint.pipeline
from medlint.cli import main
from helpers import FIXTURES


def _age(where: Path, seconds: float = 3600) -> None:
    """Date a file (or every file of a folder) back, as files in a repository are:
    only entries for such files are trusted."""
    import os
    import time

    for path in [where] if where.is_file() else where.rglob("*"):
        if path.is_file():
            os.utime(path, (time.time() - seconds, time.time() - seconds))


@pytest.fixture
def site(isolated: Path) -> Path:
    shutil.copytree(FIXTURES / "hugo-site", isolated / "site")
    _age(isolated / "site")  # files as old as a repository's, whenever the checkout was made
    return isolated / "site"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents the rules actually ran on."""
    seen: list[str] = []
    real = medlint.pipeline.run_rules

    def counting(doc, rules, **options):  # type: ignore[no-untyped-def]
        seen.append(doc.path)
        return real(doc, rules, **options)

    monkeypatch.setattr(medlint.pipeline, "run_rules", counting)
    return seen


def run(*args: str) -> str:
    return CliRunner().invoke(main, ["check", "--format", "json", *args]).stdout


def test_warm_run_reuses_results(site: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site)
    cold = run("content")
    assert len(counted) == 6
    counted.clear()
    warm = run("content")
    assert warm == cold and counted == []
    assert (site / ".medlint_cache" / ".gitignore").read_text().strip().endswith("*")


def test_an_edited_file_is_checked_again(site: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site)
    run("content/guide.html")
    page = site / "content" / "guide.html"
    page.write_text(page.read_text().replace("/posts/nope", "/posts/nope-again"))
    counted.clear()
    assert "nope-again" in run("content/guide.html") and counted == ["content/guide.html"]


def test_config_and_rule_file_changes_invalidate(site: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site)
    run("content/guide.html")
    (site / ".medlint.yaml").write_text('site: {base_urls: ["https://www.example.org"]}\nrules: {link-broken: warning}\n')
    counted.clear()
    assert {d["severity"] for d in json.loads(run("content/guide.html")) if d["rule"] == "link-broken"} == {"warning"}
    assert counted == ["content/guide.html"]
    (site / ".medlint.yaml").write_text('site: {base_urls: ["https://www.example.org"]}\n'
                                        'rules: {link-broken: {options: {ignore: ["nope"]}}}\n')
    assert [d for d in json.loads(run("content/guide.html")) if d["rule"] == "link-broken"] == []


def test_another_pages_change_invalidates_link_results(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site)
    before = [d for d in json.loads(run("content/posts/ms-and-bone.md")) if d["rule"] == "link-anchor"]
    assert [d["line"] for d in before] == [41, 42]
    primer = site / "content" / "posts" / "vitamin-d-basics.md"
    primer.write_text(primer.read_text() + "\n## Dosage\n")  # the anchor #dosage now exists
    after = [d for d in json.loads(run("content/posts/ms-and-bone.md")) if d["rule"] == "link-anchor"]
    assert [d["line"] for d in after] == [42]


def test_editing_a_page_keeps_the_results_that_do_not_read_it(site: Path, counted: list[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the pages whose anchors a result read, and the site's URLs, can make it stale."""
    monkeypatch.chdir(site)
    run("content")
    story = site / "content" / "news" / "2011-story.md"
    story.write_text(story.read_text() + "\nAnother paragraph.\n")  # no page links to its anchors
    counted.clear()
    run("content")
    assert counted == ["content/news/2011-story.md"]
    story.write_text(story.read_text().replace("url: /news/story-2011/", "url: /news/moved/"))  # its URL moves
    counted.clear()
    run("content")
    assert len(counted) == 6  # every page's links may now resolve differently
    (site / ".medlint.yaml").write_text("site: {anchor_style: pandoc}\n")
    counted.clear()
    run("content")
    assert len(counted) == 6


def test_no_cache_and_unwritable_cache(site: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site)
    run("--no-cache", "content")
    assert not (site / ".medlint_cache").exists()
    blocked = site / "blocked"
    blocked.write_text("a file where the cache folder would go")
    assert json.loads(run("--cache-dir", str(blocked / "cache"), "content/guide.html"))  # runs, without a cache


def test_corrupt_entries_are_ignored(site: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site)
    cold = run("content/guide.html")
    for entry in (site / ".medlint_cache").rglob("*.json"):
        entry.write_text("{not json")
    counted.clear()
    assert run("content/guide.html") == cold and counted == ["content/guide.html"]


def test_fix_never_uses_the_cache(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site)
    page = site / "content" / "posts" / "dose.md"
    page.write_text("---\ntitle: x\ndate: 2024-01-01\n---\nTake .5 mg of the drug.\n")
    run("content/posts/dose.md")
    CliRunner().invoke(main, ["check", "--fix", "--select", "dose-notation", "content/posts/dose.md"])
    assert "0.5 mg" in page.read_text()
    assert [d for d in json.loads(run("content/posts/dose.md")) if d["rule"] == "dose-notation"] == []


# -- the site index's pages ---------------------------------------------------------

@pytest.fixture
def front_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages whose front matter the site index read."""
    import medlint.site.index

    seen: list[str] = []
    real = medlint.site.index.SiteIndex._front

    def counting(path: Path | str, size: int = -1) -> dict:  # type: ignore[type-arg]
        seen.append(Path(path).name)
        return real(path, size)

    monkeypatch.setattr(medlint.site.index.SiteIndex, "_front", staticmethod(counting))
    return seen


def test_site_index_reads_only_changed_pages(site: Path, front_reads: list[str]) -> None:
    from medlint.site.index import SiteIndex

    cache = site / ".medlint_cache"
    first = SiteIndex(site / "content", cache_folder=cache)
    assert front_reads and len(front_reads) == len(first.pages)
    front_reads.clear()
    second = SiteIndex(site / "content", cache_folder=cache)
    assert front_reads == []
    assert {p.rel: (p.main_url, p.urls) for p in second.pages} == {p.rel: (p.main_url, p.urls) for p in first.pages}

    page = site / "content" / "news" / "2011-story.md"
    page.write_text(page.read_text(encoding="utf-8").replace("url: /news/story-2011/", "url: /news/renamed/"), encoding="utf-8")
    _age(page, 1800)
    third = SiteIndex(site / "content", cache_folder=cache)
    assert front_reads == ["2011-story.md"]
    assert third.find_page("/news/renamed") is not None and third.find_page("/news/story-2011") is None


def test_site_index_distrusts_a_page_changed_around_the_save(site: Path, front_reads: list[str]) -> None:
    """Same size and modification time, new text: trusted only if changed well before the save."""
    import os

    from medlint.site.index import SiteIndex

    cache = site / ".medlint_cache"
    page = site / "content" / "news" / "2011-story.md"
    page.touch()  # changed just now, and the index saved now
    SiteIndex(site / "content", cache_folder=cache)
    info = page.stat()
    page.write_text(page.read_text(encoding="utf-8").replace("/news/story-2011/", "/news/story-2012/"), encoding="utf-8")
    os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert page.stat().st_size == info.st_size
    front_reads.clear()
    index = SiteIndex(site / "content", cache_folder=cache)
    assert "2011-story.md" in front_reads
    assert index.find_page("/news/story-2012") is not None


def test_site_index_survives_a_damaged_cache(site: Path) -> None:
    from medlint.site.index import SiteIndex
    from medlint.site.cache import LAYOUT

    cache = site / ".medlint_cache"
    good = SiteIndex(site / "content", cache_folder=cache)
    for entry in (cache / LAYOUT).iterdir():
        entry.write_text('{"saved_at": 9e30, "pages": {"news/2011-story.md": [1, 2]}}', encoding="utf-8")
    again = SiteIndex(site / "content", cache_folder=cache)
    assert {p.rel: p.urls for p in again.pages} == {p.rel: p.urls for p in good.pages}
    for entry in (cache / LAYOUT).iterdir():
        entry.write_bytes(b"\xff\x00not json")
    assert {p.rel: p.urls for p in SiteIndex(site / "content", cache_folder=cache).pages} == {p.rel: p.urls for p in good.pages}


# -- every input a rule reads is part of the key (issue 20) -------------------------
def _rules_of(output: str, rule: str) -> list[dict]:
    return [d for d in json.loads(output) if d["rule"] == rule]


def test_vocabulary_edits_are_seen(isolated: Path) -> None:
    (isolated / ".medlint.yaml").write_text("rules: {spelling: {options: {vocabulary: [words.txt]}}}\n")
    (isolated / "words.txt").write_text("# our words\n")
    (isolated / "a.md").write_text("The zorblax test was fine.\n")
    assert [d["message"] for d in _rules_of(run("--select", "spelling", "a.md"), "spelling")] == ["Unknown word 'zorblax'"]
    (isolated / "words.txt").write_text("# our words\nzorblax\n")
    assert _rules_of(run("--select", "spelling", "a.md"), "spelling") == []
    (isolated / "words.txt").write_text("# our words\n")
    assert len(_rules_of(run("--select", "spelling", "a.md"), "spelling")) == 1


def test_limits_and_schema_file_edits_are_seen(isolated: Path) -> None:
    (isolated / ".medlint.yaml").write_text(
        "rules:\n  dose-above-upper-limit: {options: {limits: limits.yaml}}\n"
        "  frontmatter-schema: {options: {schema_file: schema.json}}\n")
    limits = "substances:\n  zinc:\n    names: [zinc]\n    limit: {amount: LIMIT, unit: mg}\n"
    (isolated / "limits.yaml").write_text(limits.replace("LIMIT", "40"))
    (isolated / "schema.json").write_text('{"type": "object", "required": ["title"]}')
    (isolated / "a.md").write_text("---\ntitle: Zinc\n---\nTake 50 mg of zinc a day.\n")
    args = ("--select", "dose-above-upper-limit,frontmatter-schema", "a.md")
    assert len(_rules_of(run(*args), "dose-above-upper-limit")) == 1
    assert _rules_of(run(*args), "frontmatter-schema") == []
    (isolated / "limits.yaml").write_text(limits.replace("LIMIT", "60"))
    (isolated / "schema.json").write_text('{"type": "object", "required": ["title", "author"]}')
    assert _rules_of(run(*args), "dose-above-upper-limit") == []
    assert len(_rules_of(run(*args), "frontmatter-schema")) == 1


def test_rule_file_edits_are_seen_in_one_process(isolated: Path) -> None:
    from medlint import lint_paths

    (isolated / "rules").mkdir()
    rule = isolated / "rules" / "hype.yaml"
    rule.write_text("id: hype\nkind: pattern\nseverity: warning\nmessage: 'first {match}'\noptions: {tokens: [wow]}\n")
    (isolated / ".medlint.yaml").write_text("extends: none\nrule_paths: [rules]\n")
    (isolated / "a.md").write_text("Wow, wow.\n")
    assert {d.message for d in lint_paths(["a.md"], cache=True).diagnostics} == {"first wow"}
    rule.write_text(rule.read_text().replace("first", "second"))
    assert {d.message for d in lint_paths(["a.md"], cache=True).diagnostics} == {"second wow"}


# -- the cache is data, not trust (issue 24) ----------------------------------------
def _entries(root: Path) -> list[Path]:
    return sorted(p for p in (root / ".medlint_cache").rglob("*.json"))


def test_a_tampered_entry_is_not_used(isolated: Path, counted: list[str]) -> None:
    (isolated / "a.md").write_text("It is a miracle.\n")
    cold = run("--select", "sensational-language", "a.md")
    (entry,) = _entries(isolated)
    data = json.loads(entry.read_text())
    planted = list(data["d"][0])
    planted[1:5] = [2, 1, 2, 1]  # one past the end of the file
    planted[7] = "\x1b[2J\x1b[31mowned"
    data["d"].append(planted)
    entry.write_text(json.dumps(data))
    counted.clear()
    assert run("--select", "sensational-language", "a.md") == cold and counted == ["a.md"]


def test_a_sealed_entry_that_does_not_fit_the_file_is_not_used(isolated: Path, counted: list[str]) -> None:
    from medlint.cache import ResultCache
    from medlint.diagnostic import Diagnostic

    (isolated / "a.md").write_text("It is a miracle.\n")
    cold = run("--select", "sensational-language", "a.md")
    cache = ResultCache(isolated / ".medlint_cache")
    secret = cache._key_secret(create=False)
    assert secret is not None and len(secret) == 32
    good = Diagnostic("a.md", 1, 1, 1, 3, "sensational-language", "warning", "fine")
    text = "It is a miracle.\n"
    rules = ["sensational-language"]
    for bad in (Diagnostic("a.md", 2, 1, 2, 2, "sensational-language", "warning", "past the end"),
                Diagnostic("a.md", 1, 19, 1, 19, "sensational-language", "warning", "past the line"),
                Diagnostic("a.md", 1, 1, 1, 3, "made-up", "warning", "unknown rule"),
                Diagnostic("a.md", 1, 1, 1, 3, "sensational-language", "warning", "\x1b]0;title\x07")):
        cache.put("k", [good, bad])
        assert cache.get("k", text, rules) is None, bad
    cache.put("k", [good])
    assert cache.get("k", text, rules) == ([good], [])
    counted.clear()
    assert run("--select", "sensational-language", "a.md") == cold and counted == []


def test_control_characters_in_messages_are_shown_as_escapes(isolated: Path) -> None:
    (isolated / "rules").mkdir()
    (isolated / "rules" / "any.yaml").write_text(
        "id: any\nkind: pattern\nseverity: warning\nmessage: 'saw {match}'\noptions: {patterns: ['bad\\S*'], scope: raw}\n")
    (isolated / ".medlint.yaml").write_text("extends: none\nrule_paths: [rules]\n")
    (isolated / "a.txt").write_text("bad\x1b[2J\x1b]0;x\x07 end\n")
    out = CliRunner().invoke(main, ["check", "--no-cache", "a.txt"]).stdout
    assert "\x1b" not in out and "\x07" not in out
    assert "saw bad\\x1b[2J\\x1b]0;x\\x07" in out


def test_files_without_findings_are_stored_as_empty_files(isolated: Path) -> None:
    for i in range(50):
        (isolated / f"p{i}.md").write_text(f"Plain page {i}.\n")
    run("--select", "sensational-language", ".")
    entries = [p for p in (isolated / ".medlint_cache").rglob("*") if p.is_file() and p.name not in ("secret", ".gitignore")]
    assert len(entries) == 50 and all(p.stat().st_size == 0 and p.suffix == ".0" for p in entries)
    assert sum(p.stat().st_blocks for p in entries) == 0
