"""The language server's plain parts: positions, directive edits, the vocabulary file, the workspace, the command."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint.cli import main
from medlint.document import Document
from medlint.lsp.edits import add_to_vocabulary, disable_next_line, ignore_word
from medlint.lsp.positions import UTF8, UTF16, UTF32, LineIndex
from medlint.lsp.workspace import DEFAULT_VOCABULARY, Workspace


def apply(text: str, edit) -> str:  # type: ignore[no-untyped-def]
    return text[:edit.start] + edit.replacement + text[edit.end:]


# -- positions --------------------------------------------------------------------------
@pytest.mark.parametrize("encoding, expected", [(UTF16, 5), (UTF8, 11), (UTF32, 4)])
def test_emoji_and_cjk_columns_in_each_encoding(encoding: str, expected: int) -> None:
    text = "title\n😀中文 bad\n"
    index = LineIndex(text, encoding)
    # "bad" starts at code-point column 5 (1-based) of line 2: 😀 is 2 UTF-16 units / 4 bytes, 中 and 文 1 / 3 each.
    assert index.from_medlint(2, 5) == (1, expected)
    assert index.offset(1, expected) == text.index("bad")


def test_line_endings_and_out_of_range_positions() -> None:
    text = "a\r\nb😀c\rd"
    index = LineIndex(text)
    assert index.position(text.index("c")) == (1, 3)
    assert index.from_medlint(3, 1) == (2, 0)
    assert index.offset(1, 99) == text.index("\r", 3)  # past the end of a line: its end
    assert index.offset(9, 0) == len(text)
    # a position inside a surrogate pair (which a client should not send) moves past the character
    assert index.offset(1, 2) == text.index("c")


# -- directives ---------------------------------------------------------------------------
def doc(text: str, path: str = "page.md") -> Document:
    from medlint.markup import format_for

    return Document.from_text(text, path, format_for(path))


def test_ignore_word_writes_a_directive_after_front_matter_then_extends_it() -> None:
    text = "---\ntitle: T\n---\r\nA tpyo.\r\n"
    first = ignore_word(doc(text), "tpyo")
    assert first is not None
    once = apply(text, first)
    assert once == "---\ntitle: T\n---\r\n<!-- medlint-words: tpyo -->\nA tpyo.\r\n"
    second = ignore_word(doc(once), "wrods")
    assert second is not None
    assert "<!-- medlint-words: tpyo wrods -->" in apply(once, second)
    assert ignore_word(doc(once), "tpyo") is None  # there already


def test_directives_need_a_format_with_comments() -> None:
    assert ignore_word(doc("A tpyo.", "notes.txt"), "tpyo") is None
    assert disable_next_line(doc("A tpyo.", "notes.txt"), 1, "spelling") is None


def test_disable_next_line_keeps_indentation_and_quotes_and_skips_front_matter() -> None:
    text = "---\ntitle: T\n---\n- item\n  A miracle.\n> Quoted miracle.\n"
    d = doc(text)
    edit = disable_next_line(d, 5, "sensational-language")
    assert edit is not None
    assert "- item\n  <!-- medlint-disable-next-line sensational-language -->\n  A miracle.\n" in apply(text, edit)
    quoted = disable_next_line(d, 6, "x")
    assert quoted is not None and apply(text, quoted).endswith("> <!-- medlint-disable-next-line x -->\n> Quoted miracle.\n")
    assert disable_next_line(d, 2, "frontmatter-schema") is None


def test_the_disable_directive_silences_the_rule_for_that_line(tmp_path: Path) -> None:
    from medlint.pipeline import lint_text

    text = "# T\n\nIt recieve the dose.\n"
    edit = disable_next_line(doc(text), 3, "spelling")
    assert edit is not None
    assert [d.rule for d in lint_text(text, select=["spelling"])] == ["spelling"]
    assert lint_text(apply(text, edit), select=["spelling"]) == []


# -- the vocabulary file --------------------------------------------------------------------
def test_add_to_vocabulary_inserts_in_order_keeping_comments(tmp_path: Path) -> None:
    path = tmp_path / "accept.txt"
    path.write_text("# Our words\nAlpha\nbeta  # Greek\n\n# drugs\nzeta\n", encoding="utf-8")
    assert add_to_vocabulary(path, "gamma")
    assert add_to_vocabulary(path, "Omega")
    assert not add_to_vocabulary(path, "gamma")
    assert path.read_text(encoding="utf-8") == "# Our words\nAlpha\nbeta  # Greek\n\n# drugs\ngamma\nOmega\nzeta\n"
    assert not list(tmp_path.glob(".medlint-*"))  # no temporary file left behind


def test_add_to_vocabulary_creates_the_file_and_keeps_bom_and_line_endings(tmp_path: Path) -> None:
    created = tmp_path / ".medlint" / "vocabulary.txt"
    assert add_to_vocabulary(created, "tpyo")
    assert created.read_text(encoding="utf-8") == "tpyo\n"
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"\xef\xbb\xbfb\r\nd\r\n")
    add_to_vocabulary(crlf, "c")
    assert crlf.read_bytes() == b"\xef\xbb\xbfb\r\nc\r\nd\r\n"


# -- the workspace ------------------------------------------------------------------------------
def test_workspace_finds_the_configured_vocabulary_and_reloads(tmp_path: Path) -> None:
    (tmp_path / ".medlint.yaml").write_text("rules:\n  spelling:\n    options:\n      vocabulary: [words.txt]\n")
    (tmp_path / "words.txt").write_text("alpha\n")
    page = str(tmp_path / "page.md")
    ws = Workspace(tmp_path)
    assert ws.vocabulary_file(page) == ((tmp_path / "words.txt").resolve(), True)
    assert ws.affects_config((tmp_path / "words.txt").resolve())
    assert ws.affects_config((tmp_path / ".medlint.yaml").resolve())
    assert not ws.affects_config((tmp_path / "page.md").resolve())
    assert [d.rule for d in ws.lint("It recieve the dose.\n", page)[0]] == ["spelling"]
    add_to_vocabulary((tmp_path / "words.txt"), "recieve")
    ws.load()
    assert [d.rule for d in ws.lint("It recieve the dose.\n", page)[0]] == []


def test_workspace_watches_option_files_that_only_an_override_names(tmp_path: Path) -> None:
    """An override's vocabulary (and a limits table) is an input too: editing it reloads the rules."""
    (tmp_path / ".medlint.yaml").write_text(
        "rules:\n  dose-above-upper-limit:\n    options: {limits: limits.yaml}\n"
        "overrides:\n  - files: ['news/**']\n    rules:\n      spelling:\n        options: {vocabulary: [news-words.txt]}\n")
    (tmp_path / "news-words.txt").write_text("alpha\n")
    (tmp_path / "limits.yaml").write_text("{}\n")
    ws = Workspace(tmp_path)
    assert ws.error is None
    assert ws.affects_config((tmp_path / "news-words.txt").resolve())
    assert ws.affects_config((tmp_path / "limits.yaml").resolve())
    assert not ws.affects_config((tmp_path / "other.txt").resolve())


def test_workspace_without_vocabulary_and_with_a_bad_config(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    assert ws.vocabulary_file(str(tmp_path / "a.md")) == (tmp_path / DEFAULT_VOCABULARY, False)
    (tmp_path / ".medlint.yaml").write_text("rules:\n  no-such-rule: on\n")
    ws.load()
    assert ws.run is None and ws.error and "no-such-rule" in ws.error
    assert ws.lint("A miracle.", str(tmp_path / "a.md")) == ([], [])


def test_links_wait_for_the_site_index(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "other.md").write_text("# Other\n")
    page = str(tmp_path / "content" / "page.md")
    text = "# Page\n\nSee [it](other.md#dosing) and [that](missing.md).\n"
    ws = Workspace(tmp_path)
    assert ws.needs_site
    assert not [d for d in ws.lint(text, page)[0] if d.rule.startswith("link-")]  # not built yet: not checked
    ws.use_site(ws.build_site())
    assert sorted(d.rule for d in ws.lint(text, page)[0] if d.rule.startswith("link-")) == ["link-anchor", "link-broken"]


def test_fix_all_applies_safe_fixes_only(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    text = "# T\n\nSee [it](https://doi.org/10.1000/xyz123.) and recieve 5.0 mg.\n"
    fixed = ws.fix_all(text, str(tmp_path / "a.md"))
    assert "xyz123)" in fixed and "5 mg" in fixed and "recieve" in fixed


# -- the command ---------------------------------------------------------------------------------
def test_lsp_without_pygls_is_one_friendly_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "medlint.lsp.server", raising=False)
    for name in ("pygls", "pygls.lsp", "pygls.lsp.server", "pygls.uris"):
        monkeypatch.setitem(sys.modules, name, None)
    result = CliRunner().invoke(main, ["lsp"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "medlint lsp: the language server needs pygls: install medlint with the lsp extra (pip install 'medlint-cli[lsp]')"]
