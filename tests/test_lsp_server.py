"""End to end: the real ``medlint lsp`` over stdio, driven by pytest-lsp's client."""
from __future__ import annotations

import ast
import asyncio
import sys
from pathlib import Path
from typing import Any, Callable

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types as lsp  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.asyncio(loop_scope="function")]

PAGE = """---
title: Dosing
date: 2024-05-01
---
# Dosing

😀 Read [the notes](other.md#dosing) first, 中文 readers too.

😀😀 The trial is [here](https://doi.org/10.1000/xyz123.) and 患者 should recieve it.
"""
OTHER = """---
title: Other
date: 2024-05-01
---
# Other

Nothing yet.
"""
CONFIG = """rules:
  spelling:
    options:
      vocabulary: [words/accept.txt]
"""
WATCHED = ("link-anchor", "doi-malformed", "spelling")


def utf16(text: str) -> int:
    """Length in UTF-16 code units, computed apart from the server's code."""
    return len(text.encode("utf-16-le")) // 2


def expected_range(text: str, needle: str, line_prefix: str) -> tuple[int, int, int]:
    """(line, start character, end character) of *needle* on the line starting with *line_prefix*."""
    lines = text.split("\n")
    line = next(i for i, value in enumerate(lines) if value.startswith(line_prefix))
    column = lines[line].index(needle)
    return line, utf16(lines[line][:column]), utf16(lines[line][:column + len(needle)])


def apply_edits(text: str, edits: list[lsp.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions), last first, as an editor does."""
    lines = text.split("\n")

    def offset(position: lsp.Position) -> int:
        before = sum(len(value) + 1 for value in lines[:position.line])
        encoded = lines[position.line].encode("utf-16-le")[: position.character * 2]
        return before + len(encoded.decode("utf-16-le"))

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


def command_of(action: Any) -> lsp.Command:
    """The command of a code action. lsprotocol's client side reads any action with a "command"
    key as a bare Command, its command object turned into a string; read that string back."""
    if isinstance(action, lsp.Command) and action.command.startswith("{"):
        raw = ast.literal_eval(action.command)
        return lsp.Command(title=raw["title"], command=raw["command"], arguments=raw["arguments"])
    return action.command


def site(root: Path) -> None:
    (root / ".medlint.yaml").write_text(CONFIG, encoding="utf-8")
    (root / "words").mkdir()
    (root / "words" / "accept.txt").write_text("# project words\nalpha\nzeta\n", encoding="utf-8")
    (root / "content").mkdir()
    (root / "content" / "page.md").write_text(PAGE, encoding="utf-8")
    (root / "content" / "other.md").write_text(OTHER, encoding="utf-8")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "medlint", "lsp"]))
async def client(lsp_client: LanguageClient, tmp_path: Path) -> Any:
    site(tmp_path)
    registrations: list[lsp.Registration] = []

    @lsp_client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def register(params: lsp.RegistrationParams) -> None:
        registrations.extend(params.registrations)

    lsp_client.registrations = registrations  # type: ignore[attr-defined]
    capabilities = client_capabilities("visual-studio-code")
    await lsp_client.initialize_session(lsp.InitializeParams(
        capabilities=capabilities, root_uri=tmp_path.as_uri(),
        workspace_folders=[lsp.WorkspaceFolder(uri=tmp_path.as_uri(), name="site")]))
    lsp_client.root = tmp_path  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


async def until(client: LanguageClient, uri: str, done: Callable[[list[lsp.Diagnostic]], bool],
                timeout: float = 30) -> list[lsp.Diagnostic]:
    """Wait for published diagnostics of *uri* that satisfy *done*."""
    async def wait() -> list[lsp.Diagnostic]:
        while True:
            current = list(client.diagnostics.get(uri, []))
            if uri in client.diagnostics and done(current):
                return current
            await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    return await asyncio.wait_for(wait(), timeout)


def by_rule(diagnostics: list[lsp.Diagnostic]) -> dict[str, lsp.Diagnostic]:
    return {str(d.code): d for d in diagnostics if d.code in WATCHED}


async def test_editing_session(client: LanguageClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    page, other = root / "content" / "page.md", root / "content" / "other.md"
    uri = page.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(
        uri=uri, language_id="markdown", version=1, text=PAGE)))

    # The three problems, once the site index (built in the background) lets links be checked.
    found = by_rule(await until(client, uri, lambda ds: len(by_rule(ds)) == 3))
    for rule, needle, prefix in (("link-anchor", "#dosing", "😀 Read"),
                                 ("doi-malformed", ".)", "😀😀"),
                                 ("spelling", "recieve", "😀😀")):
        d = found[rule]
        line, start, end = expected_range(PAGE, needle, prefix)
        assert (d.range.start.line, d.range.start.character, d.range.end.line) == (line, start, line), rule
        if rule != "doi-malformed":  # the DOI's finding is its stray full stop
            assert d.range.end.character == end, rule
        assert d.source == "medlint" and d.code_description is not None
        assert d.code_description.href == f"https://github.com/medlint/medlint#{rule}"  # the rule's README anchor
    # The emoji and CJK characters before them count twice and once in UTF-16: not code points.
    assert found["spelling"].range.start.character == PAGE.split("\n")[8].index("recieve") + 2
    assert found["spelling"].severity == lsp.DiagnosticSeverity.Warning
    assert found["link-anchor"].message.startswith("Anchor") or "dosing" in found["link-anchor"].message
    assert any(reports for reports in client.progress_reports.values()), "the site index reports progress"
    watchers = [r for r in client.registrations if r.method == lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES]  # type: ignore[attr-defined]
    assert watchers and "md" in str(watchers[0].register_options)

    # Hover shows the rule's explanation.
    hover = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri), found["spelling"].range.start))
    assert hover is not None and "spelling (spelling, warning)" in hover.contents.value

    # The DOI's quick fix is preferred; applying it makes the diagnostic go.
    doi = found["doi-malformed"]
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), doi.range, lsp.CodeActionContext(diagnostics=[doi])))
    titles = [a.title for a in actions]
    assert "Disable doi-malformed for this line" in titles
    assert "Fix all safe medlint problems in this file" in titles
    fix = next(a for a in actions if a.is_preferred)
    edits = fix.edit.document_changes[0].edits
    text = apply_edits(PAGE, edits)
    assert "https://doi.org/10.1000/xyz123)" in text
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        [lsp.TextDocumentContentChangeWholeDocument(text=text)]))
    found = by_rule(await until(client, uri, lambda ds: "doi-malformed" not in by_rule(ds)))
    assert set(found) == {"link-anchor", "spelling"}

    # Add the word to the vocabulary: the file is written in order and the diagnostic goes.
    spelling = found["spelling"]
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), spelling.range, lsp.CodeActionContext(diagnostics=[spelling])))
    titles = [a.title for a in actions]
    assert "Ignore 'recieve' in this file" in titles and "Replace 'recieve' with 'receive' (check it: an unsafe fix)" in titles
    add = next(a for a in actions if a.title == "Add 'recieve' to the project vocabulary")
    command = command_of(add)
    assert command.command == "medlint.addToVocabulary"
    await client.workspace_execute_command_async(lsp.ExecuteCommandParams(
        command=command.command, arguments=command.arguments))
    found = by_rule(await until(client, uri, lambda ds: "spelling" not in by_rule(ds)))
    assert (root / "words" / "accept.txt").read_text(encoding="utf-8") == "# project words\nalpha\nrecieve\nzeta\n"
    assert set(found) == {"link-anchor"}

    # Another page gains the anchor; once it is saved, the link diagnostic goes.
    fixed_other = OTHER.replace("Nothing yet.", "## Dosing\n\nTake it daily.")
    other_uri = other.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(
        uri=other_uri, language_id="markdown", version=1, text=OTHER)))
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(uri=other_uri, version=2),
        [lsp.TextDocumentContentChangeWholeDocument(text=fixed_other)]))
    other.write_text(fixed_other, encoding="utf-8")
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(other_uri)))
    client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
        [lsp.FileEvent(uri=other_uri, type=lsp.FileChangeType.Changed)]))
    await until(client, uri, lambda ds: not by_rule(ds))


async def test_fix_all_and_directives(client: LanguageClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    uri = (root / "content" / "page.md").as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(
        uri=uri, language_id="markdown", version=1, text=PAGE)))
    found = by_rule(await until(client, uri, lambda ds: {"doi-malformed", "spelling"} <= set(by_rule(ds))))
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), found["spelling"].range,
        lsp.CodeActionContext(diagnostics=[found["spelling"]])))
    fix_all = next(a for a in actions if a.title.startswith("Fix all"))
    if fix_all.edit is None:  # VS Code resolves it lazily
        fix_all = await client.code_action_resolve_async(fix_all)
    fixed = apply_edits(PAGE, fix_all.edit.document_changes[0].edits)
    assert "xyz123)" in fixed and "recieve" in fixed  # safe fixes only: the spelling one is not
    on_save = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)),
        lsp.CodeActionContext(diagnostics=[], only=[lsp.CodeActionKind.SourceFixAll])))
    assert [a.kind for a in on_save] == ["source.fixAll.medlint"]  # editor.codeActionsOnSave
    ignore = next(a for a in actions if a.title == "Ignore 'recieve' in this file")
    ignored = apply_edits(PAGE, ignore.edit.document_changes[0].edits)
    assert "---\n<!-- medlint-words: recieve -->\n# Dosing" in ignored
    disable = next(a for a in actions if a.title == "Disable spelling for this line")
    disabled = apply_edits(PAGE, disable.edit.document_changes[0].edits)
    assert "<!-- medlint-disable-next-line spelling -->\n😀😀 The trial" in disabled
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(uri=uri, version=2), [lsp.TextDocumentContentChangeWholeDocument(text=disabled)]))
    found = by_rule(await until(client, uri, lambda ds: "spelling" not in by_rule(ds)))
    assert "doi-malformed" in found


async def test_add_word_without_a_vocabulary_creates_one_and_a_config(client: LanguageClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    (root / ".medlint.yaml").unlink()  # a project with no config at all
    page = root / "notes.md"
    text = "# Notes\n\nThey recieve it.\n"
    page.write_text(text, encoding="utf-8")
    uri = page.as_uri()
    client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
        [lsp.FileEvent(uri=(root / ".medlint.yaml").as_uri(), type=lsp.FileChangeType.Deleted)]))
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(
        uri=uri, language_id="markdown", version=1, text=text)))
    spelling = by_rule(await until(client, uri, lambda ds: "spelling" in by_rule(ds)))["spelling"]
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), spelling.range, lsp.CodeActionContext(diagnostics=[spelling])))
    command = command_of(next(a for a in actions if a.title == "Add 'recieve' to the project vocabulary"))
    await client.workspace_execute_command_async(lsp.ExecuteCommandParams(
        command=command.command, arguments=command.arguments))
    await until(client, uri, lambda ds: "spelling" not in by_rule(ds))
    assert (root / ".medlint" / "vocabulary.txt").read_text(encoding="utf-8") == "recieve\n"
    assert "vocabulary: [.medlint/vocabulary.txt]" in (root / ".medlint.yaml").read_text(encoding="utf-8")
    assert any("created .medlint.yaml" in m.message for m in client.messages)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "medlint", "lsp"]))
async def utf8_client(lsp_client: LanguageClient, tmp_path: Path) -> Any:
    site(tmp_path)
    capabilities = lsp.ClientCapabilities(general=lsp.GeneralClientCapabilities(
        position_encodings=[lsp.PositionEncodingKind.Utf8]))
    result = await lsp_client.initialize_session(lsp.InitializeParams(capabilities=capabilities, root_uri=tmp_path.as_uri()))
    lsp_client.root = tmp_path  # type: ignore[attr-defined]
    lsp_client.encoding = result.capabilities.position_encoding  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


async def test_a_client_that_asks_for_utf8_gets_byte_columns(utf8_client: LanguageClient) -> None:
    client = utf8_client
    assert client.encoding == lsp.PositionEncodingKind.Utf8  # type: ignore[attr-defined]
    uri = (client.root / "content" / "page.md").as_uri()  # type: ignore[attr-defined]
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(
        uri=uri, language_id="markdown", version=1, text=PAGE)))
    spelling = by_rule(await until(client, uri, lambda ds: "spelling" in by_rule(ds)))["spelling"]
    line = PAGE.split("\n")[8]
    assert spelling.range.start.character == len(line[:line.index("recieve")].encode("utf-8"))
