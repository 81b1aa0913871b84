"""Tiny inputs that cost a lot: alias bombs, deep nesting, quadratic rules, absurd
numbers.  Each is run in a subprocess with a time-out where it used to hang."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from medlint import lint_text
from medlint.document import Document

_FRONT = "title: t\ndate: 2020-01-01\n"


def _laughs(levels: int = 30) -> str:
    lines = ["a0: &a0 [x, x]"] + [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]" for i in range(1, levels)]
    return "---\n" + _FRONT + "\n".join(lines) + "\n---\nBody.\n"


def _in_child(code: str, stdin: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], input=stdin, capture_output=True, text=True, timeout=timeout)


def test_billion_laughs_front_matter_is_refused_quickly() -> None:
    text = _laughs()
    assert len(text) < 800  # 2**30 values once expanded; the old guard counted only 58 aliases
    proc = _in_child("import sys; from medlint import lint_text; "
                     "print([d.message for d in lint_text(sys.stdin.read(), 'x.md')])", text, timeout=60)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert "its aliases (*name) expand to more than 100,000 values" in proc.stdout


def test_a_few_honest_aliases_are_fine() -> None:
    text = "---\n" + _FRONT + "base: &b {a: 1, b: 2}\n" + "".join(f"k{i}: *b\n" for i in range(2000)) + "---\nBody.\n"
    fm = Document.from_text(text, "x.md").front_matter
    assert fm is not None and fm.error is None and fm.data["k1999"] == {"a": 1, "b": 2}


def test_a_value_that_contains_itself_is_refused() -> None:
    fm = Document.from_text("---\n" + _FRONT + "a: &a [1, *a]\n---\nBody.\n", "x.md").front_matter
    assert fm is not None and "contains itself" in (fm.error or "")


def test_deep_indentation_alone_is_not_deep_nesting() -> None:
    text = "---\n" + _FRONT + "note:\n" + " " * 300 + "deep: 1\n---\nBody.\n"
    fm = Document.from_text(text, "x.md").front_matter
    assert fm is not None and fm.error is None and fm.data["note"] == {"deep": 1}


def test_deep_toml_is_an_error_not_a_recursion(isolated: Path) -> None:
    (isolated / "pyproject.toml").write_text("[tool.medlint]\n" + ".".join(["a"] * 30000) + " = 1\n")
    (isolated / "a.md").write_text("Fine.\n")
    proc = subprocess.run([sys.executable, "-m", "medlint", "check", "a.md"], cwd=isolated, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"{isolated / 'pyproject.toml'}: nested more than 100 levels deep (dotted keys or tables)"
    fm = Document.from_text("+++\n" + ".".join(["a"] * 3000) + " = 1\n+++\nBody.\n", "x.md").front_matter
    assert fm is not None and fm.error == "TOML front matter: nested more than 100 levels deep (dotted keys or tables)"
    fm = Document.from_text('{"a": ' + "[" * 150 + "]" * 150 + "}\nBody.\n", "x.md").front_matter
    assert fm is not None and "nested more than 100 levels" in (fm.error or "")


def test_scientific_notation_and_huge_amounts_are_no_doses() -> None:
    text = ("Take 1e-400 mg of zinc. Take 1e308 IU of vitamin D. Take 1" + "0" * 400 + " IU of vitamin D.\n\n"
            "Take 50 mg of zinc daily.\n")
    found = lint_text(text, select=["dose-above-upper-limit", "dose-needs-citation"])
    assert {d.line for d in found} == {3}
    assert not any("400 mg" in d.message or "inf" in d.message for d in found)


def test_claims_of_one_paragraph_share_one_citation_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    import medlint.medical.citations as citations

    scans: list[tuple[int, int]] = []
    real = citations._cited
    monkeypatch.setattr(citations, "_cited", lambda doc, lo, hi, kinds: scans.append((lo, hi)) or real(doc, lo, hi, kinds))
    found = lint_text("5 mg " * 3000, select=["dose-needs-citation"])
    assert len(found) == 3000 and len(scans) == 1


@pytest.mark.slow
def test_eighty_kilobytes_of_doses_in_linear_time() -> None:
    # was 84 s of CPU (each dose scanned its whole paragraph for a citation)
    proc = _in_child("import sys; from medlint import lint_text; "
                     "print(len(lint_text(sys.stdin.read(), select=['dose-needs-citation'])))", "5 mg " * 16000,
                     timeout=120)
    assert proc.stdout.strip() == "16000"


def test_a_long_run_of_blanked_markup_before_a_block_does_not_backtrack() -> None:
    """An inline SVG of 800 paths (17 KB of tags the prose view blanks) opening a paragraph:
    the news-dateline test in regions starts at the block's own first character (it took
    9 s when it matched from the blanks)."""
    svg = "# T\n\n<svg viewBox=\"0 0 10 10\">" + "<path d=\"M0 0L10 10\"/>" * 800 + "</svg> Hello there.\n"
    proc = _in_child("import sys; from medlint import lint_text; print(len(lint_text(sys.stdin.read(), 'x.md')))",
                     svg, timeout=30)
    assert proc.returncode == 0 and proc.stdout.strip().isdigit()


# -- runs that made one pattern or one rule quadratic ----------------------------------------

def _check_all_rules(folder: Path, name: str, text: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """``medlint check --no-cache`` of one file with every bundled rule (``extends: all``)."""
    (folder / ".medlint.yaml").write_text("extends: all\n")
    (folder / name).write_text(text, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "medlint", "check", "--no-cache", "--format", "json", name],
                          cwd=folder, capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
@pytest.mark.parametrize("name, text", [
    ("spaces.md", "Take 5 mg of zinc daily.\n\n" + " " * 80_000 + "\n"),
    ("dashes.md", "Take 5 mg of zinc daily.\n\n" + "-" * 80_000 + "\n"),
    ("blank-lines.md", "Take 5 mg of zinc daily.\n" + "\n \n" * 40_000 + "Fine.\n"),
    ("style.html", "<html><head><style>" + "p { color: red; margin: 0 0 1em 0; }\n" * 3000
     + "</style></head><body><p>Take 5 mg of zinc daily.</p></body></html>\n"),
])
def test_long_runs_of_whitespace_stop_no_pattern(isolated: Path, name: str, text: str) -> None:
    """The disclaimer's sentence-start patterns backtracked over every run of whitespace
    (a blanked <style> block is one): the regex time limit stopped them, exit 2."""
    proc = _check_all_rules(isolated, name, text)
    assert "took longer than" not in proc.stderr and "failed" not in proc.stderr, proc.stderr[-500:]
    assert proc.returncode in (0, 1)
    assert any(d["rule"] == "disclaimer-missing" for d in __import__("json").loads(proc.stdout))


@pytest.mark.slow
@pytest.mark.parametrize("text", ["a." * 100_000, "a-" * 100_000, "-" * 200_000 + "x", "@a-" * 60_000])
def test_code_like_runs_are_found_in_linear_time(text: str) -> None:
    """A run of ``[\\w.-]`` was tried from every position (seconds per 20 KB, minutes here)."""
    proc = _in_child("import sys; from medlint.document import Document; "
                     "print(len(Document.from_text(sys.stdin.read(), 'x.md').regions))", text, timeout=180)
    assert proc.returncode == 0 and proc.stdout.strip().isdigit(), proc.stderr[-500:]


#: The code-like pattern as it was, trying every position: the reference for its spans.
_PLAIN_CODE_LIKE = (
    r"(?<![\w/.:])(?:~|[A-Za-z]:)?(?:[/\\][\w.@%+~-]+){2,}[/\\]?"
    r"|(?<![\w/])[\w.-]+/[\w.-]+/[\w./-]*\.[A-Za-z]{1,5}\b"
    r"|(?<![\w@])@[A-Za-z_][\w]{1,30}\b"
    r"|\b[\w-]+\.(?:pdf|docx?|xlsx?|pptx?|csv|txt|jpe?g|png|gif|svg|html?|php|py|Rmd|sas|sps|sav|zip|json|ya?ml)\b")


def test_code_like_spans_are_those_of_the_plain_pattern() -> None:
    import random
    import re

    from medlint.regions import _CODE_LIKE_RUNS as _CODE_LIKE

    plain = re.compile(_PLAIN_CODE_LIKE)
    pieces = ["a", "b", "-", ".", "/", "@", " ", "pdf", ".pdf", "x.py", "C:", "\\", "~", ":", "_", "\u00e9", "1",
              "--", "..", "ab", "@ab", "/a", ".abcdef"]
    rng = random.Random(2026)
    texts = ["see /Users/me/git/x and C:\\a\\b", "data/raw/2020.csv", "@medlint-dev.pdf", "report.pdf.bak/b/c.txt",
             "https://x.org/-/media/files/a.pdf", "x.pdf-a/b/c.py"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 16))) for _ in range(20_000)]
    for text in texts:
        assert [m.span() for m in _CODE_LIKE.finditer(text)] == [m.span() for m in plain.finditer(text)], text


@pytest.mark.slow
def test_doses_deep_in_a_long_paragraph_cost_one_reading_of_it() -> None:
    """Every dose re-read its paragraph up to itself for quotation marks, and the blocks above
    it, for a paper's byline or a sentence split off by a PDF: 3,000 doses around 3 MB of words
    took minutes (each dose read megabytes); each block is read once now (about 10 s)."""
    text = "word " * 600_000 + "5 mg " * 1500 + "\n\n" + "5 mg " * 1500 + "\n"
    proc = _in_child("import sys; from medlint import lint_text; "
                     "print(len(lint_text(sys.stdin.read(), select=['dose-needs-citation'])))", text, timeout=240)
    assert proc.stdout.strip() == "3000", proc.stderr[-500:]


def test_quotation_marks_are_counted_per_block_as_before() -> None:
    from medlint.document import Document
    from medlint.medical.claims import in_quotation

    text = 'He said \u201ctake 5 mg daily\u201d and "then 10 mg" but 20 mg. \u201cOpen 30 mg\n\nNew 40 mg.\n'
    doc = Document.from_text(text, "x.md")
    found = {amount: in_quotation(doc, text.index(amount)) for amount in ("5 mg", "10 mg", "20 mg", "30 mg", "40 mg")}
    assert found == {"5 mg": True, "10 mg": True, "20 mg": False, "30 mg": True, "40 mg": False}
