"""``medlint lsp``: the language server over stdio (pygls).

Every check goes through a workspace's :class:`~medlint.pipeline.Run`, so an editor sees what
``medlint check`` reports. Checks run on one worker thread (a Run is not shared between
threads); the site index is built on another and handed over when ready, so diagnostics never
wait for it: links are checked from then on. Typing is debounced; a stale result (the text moved
on while it was computed) is dropped.
"""
from __future__ import annotations

import asyncio
import logging
import os
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, TypeVar

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from ..diagnostic import Diagnostic
from ..document import Document
from ..errors import MedlintError
from ..explain import explain_text
from ..markup import PAGE_SUFFIXES, format_for
from ..version import __version__
from .edits import TextEdit, add_to_vocabulary, disable_next_line, ignore_word
from .positions import UTF16, LineIndex
from .workspace import DEFAULT_VOCABULARY, Workspace

log = logging.getLogger("medlint.lsp")
T = TypeVar("T")

#: Seconds of quiet after a keystroke before checking (a warm check of a 5,000-word page takes
#: 100-150 ms here: see bench/README.md).
DEBOUNCE = 0.075
#: Seconds of quiet after a page is saved, created or deleted before the site index is rebuilt.
SITE_DEBOUNCE = 0.3
ADD_WORD = "medlint.addToVocabulary"
FIX_ALL_KIND = "source.fixAll.medlint"
#: Where a rule is documented when it names no ``link`` of its own: the README's rule table.
DOCS = "https://github.com/medlint/medlint#what-it-checks"
SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
            "info": lsp.DiagnosticSeverity.Information}


@dataclass
class Linted:
    """A document's last published diagnostics and the text they were computed on."""

    version: int | None
    text: str
    path: str
    lines: LineIndex
    pairs: list[tuple[Diagnostic, lsp.Diagnostic]]


class MedlintServer(LanguageServer):
    """The server: open documents, their diagnostics, and one :class:`Workspace` per folder."""

    def __init__(self) -> None:
        super().__init__("medlint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.folders: dict[Path, Workspace] = {}
        self.results: dict[str, Linted] = {}
        self.lint_pool = ThreadPoolExecutor(1, thread_name_prefix="medlint-check")
        self.site_pool = ThreadPoolExecutor(1, thread_name_prefix="medlint-site")
        self._lint_tasks: dict[str, asyncio.Task[None]] = {}
        self._site_tasks: dict[Path, asyncio.Task[None]] = {}
        self._site_wanted: dict[Path, bool] = {}
        self._told: set[str] = set()

    # -- helpers -------------------------------------------------------------------------
    @property
    def encoding(self) -> str:
        kind = self.workspace.position_encoding or UTF16  # negotiated by pygls; UTF-16 unless the client offered another
        return str(getattr(kind, "value", kind))

    async def on_checker(self, func: Callable[..., T], *args: Any) -> T:
        """Run *func* on the checking thread (where every Run is used)."""
        return await asyncio.get_running_loop().run_in_executor(self.lint_pool, func, *args)

    def workspace_for(self, path: str) -> Workspace:
        """The workspace of a file: the innermost workspace folder holding it, else its own folder
        (the config is then found upwards from there, as the CLI does)."""
        target = Path(path).resolve()
        roots = [Path(to_fs_path(f.uri) or "").resolve() for f in self.workspace.folders.values()]
        if self.workspace.root_path:
            roots.append(Path(self.workspace.root_path).resolve())
        holding = [r for r in roots if r == target or r in target.parents]
        root = max(holding, key=lambda r: len(r.parts)) if holding else target.parent
        ws = self.folders.get(root)
        if ws is None:
            ws = self.folders[root] = Workspace(root)
            if ws.error:
                self.tell(f"medlint: {ws.error}", lsp.MessageType.Error)
            asyncio.ensure_future(self._warm_up(ws))
        return ws

    async def _warm_up(self, ws: Workspace) -> None:
        """Load the rules and dictionaries, then index the site: after whatever checks are queued
        by then (the first page opened), so the first diagnostics do not share the interpreter
        with the indexing."""
        await self.on_checker(ws.warm_up)
        await asyncio.sleep(0)  # let the handler that created the workspace queue its check
        await self.on_checker(lambda: None)
        self.want_site(ws)

    def existing_workspace(self, path: Path) -> Workspace | None:
        holding = [r for r in self.folders if r == path or r in path.parents]
        return self.folders[max(holding, key=lambda r: len(r.parts))] if holding else None

    def tell(self, message: str, kind: lsp.MessageType = lsp.MessageType.Info) -> None:
        self.window_show_message(lsp.ShowMessageParams(type=kind, message=message))

    def to_lsp(self, ws: Workspace, d: Diagnostic, lines: LineIndex) -> lsp.Diagnostic:
        """A medlint diagnostic as LSP's: range in the client's code units, rule id as code, its docs."""
        start = lines.from_medlint(d.line, d.column)
        end = lines.from_medlint(d.end_line, d.end_column)
        rule = ws.rule(d.rule)
        link = getattr(rule, "link", None) or (DOCS if rule is not None and rule.bundled else None)
        return lsp.Diagnostic(
            range=lsp.Range(lsp.Position(*start), lsp.Position(*end)), message=d.message,
            severity=SEVERITY.get(d.severity, lsp.DiagnosticSeverity.Warning), code=d.rule, source="medlint",
            code_description=lsp.CodeDescription(href=link) if link else None)

    # -- diagnostics ---------------------------------------------------------------------
    def schedule_lint(self, uri: str, delay: float) -> None:
        """Check *uri* after *delay* seconds of quiet; a newer request replaces a pending one."""
        pending = self._lint_tasks.get(uri)
        if pending is not None and not pending.done():
            pending.cancel()
        self._lint_tasks[uri] = asyncio.ensure_future(self._lint(uri, delay))

    async def _lint(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        path = to_fs_path(uri)
        if path is None:
            return
        ws = self.workspace_for(path)
        encoding = self.encoding

        def check() -> tuple[Linted, list[MedlintError]]:
            diagnostics, errors = ws.lint(text, path)
            lines = LineIndex(text, encoding)
            return Linted(version, text, path, lines, [(d, self.to_lsp(ws, d, lines)) for d in diagnostics]), errors

        linted, errors = await self.on_checker(check)
        if uri not in self.workspace.text_documents or self.workspace.get_text_document(uri).version != version:
            return  # closed, or changed since: a newer check is on its way
        self.results[uri] = linted
        for error in errors:  # a rule that failed on this text: said once, not at every keystroke
            if str(error) not in self._told:
                self._told.add(str(error))
                log.warning("%s", error)
                self.tell(str(error), lsp.MessageType.Warning)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, diagnostics=[d for _, d in linted.pairs], version=version))

    def relint_open(self, ws: Workspace | None = None) -> None:
        for uri in list(self.workspace.text_documents):
            path = to_fs_path(uri)
            if path and (ws is None or self.workspace_for(path) is ws):
                self.schedule_lint(uri, 0)

    # -- the site index ------------------------------------------------------------------
    def want_site(self, ws: Workspace) -> None:
        """(Re)build *ws*'s site index in the background, once changes have settled."""
        if not ws.needs_site:
            return
        self._site_wanted[ws.root] = True
        task = self._site_tasks.get(ws.root)
        if task is None or task.done():
            self._site_tasks[ws.root] = asyncio.ensure_future(self._site_loop(ws))

    async def _site_loop(self, ws: Workspace) -> None:
        loop = asyncio.get_running_loop()
        while self._site_wanted.get(ws.root):
            if ws.site is not None:
                await asyncio.sleep(SITE_DEBOUNCE)
            self._site_wanted[ws.root] = False
            token = await self._progress_begin("medlint", f"indexing the pages of {ws.root.name or ws.root}")
            site = None
            try:
                site = await loop.run_in_executor(self.site_pool, ws.build_site)
            except MedlintError as exc:  # a content_root with no pages, say: links stay unchecked
                self.tell(f"medlint: {exc}", lsp.MessageType.Error)
            except Exception as exc:  # a broken page must not stop the server; links stay unchecked
                log.exception("site index")
                self.tell(f"medlint: cannot index the site: {type(exc).__name__}: {exc}", lsp.MessageType.Warning)
            finally:
                if token is not None:
                    pages = f"{len(site.pages)} pages indexed" if site is not None else "indexing failed"
                    self.work_done_progress.end(token, lsp.WorkDoneProgressEnd(message=pages))
            if site is not None:
                await self.on_checker(ws.use_site, site)
                self.relint_open(ws)

    async def _progress_begin(self, title: str, message: str) -> str | None:
        """Start a work-done progress, if the client shows them."""
        window = self.client_capabilities.window
        if not (window and window.work_done_progress):
            return None
        token = f"medlint-site-{uuid.uuid4()}"
        try:
            await self.work_done_progress.create_async(token)
        except Exception:  # the client refused: go on without a progress bar
            return None
        self.work_done_progress.begin(token, lsp.WorkDoneProgressBegin(title=title, message=message))
        return token

    def file_changed(self, path: Path) -> None:
        """A file was saved, created, changed or deleted: reload the config or re-index the pages."""
        ws = self.existing_workspace(path)
        if ws is None:
            return
        if ws.affects_config(path):
            asyncio.ensure_future(self._reload(ws))
        elif path.suffix.lower() in PAGE_SUFFIXES:
            self.want_site(ws)

    async def _reload(self, ws: Workspace) -> None:
        await self.on_checker(ws.load)
        if ws.error:
            self.tell(f"medlint: {ws.error}", lsp.MessageType.Error)
        self.lint_pool.submit(ws.warm_up)
        self.relint_open(ws)
        self.want_site(ws)

    # -- code actions ----------------------------------------------------------------------
    def current(self, uri: str) -> Linted | None:
        """The last result for *uri*, if it still matches the text in the editor."""
        linted = self.results.get(uri)
        if linted is None or uri not in self.workspace.text_documents:
            return None
        return linted if self.workspace.get_text_document(uri).version == linted.version else None

    def text_edit(self, linted: Linted, edit: TextEdit) -> lsp.TextEdit:
        start, end = linted.lines.position(edit.start), linted.lines.position(edit.end)
        return lsp.TextEdit(range=lsp.Range(lsp.Position(*start), lsp.Position(*end)), new_text=edit.replacement)

    def workspace_edit(self, uri: str, linted: Linted, edits: list[TextEdit]) -> lsp.WorkspaceEdit:
        return lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(
            text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=linted.version),
            edits=[self.text_edit(linted, e) for e in edits])])

    def actions_for(self, uri: str, linted: Linted, d: Diagnostic, shown: lsp.Diagnostic,
                    doc: Document) -> list[lsp.CodeAction]:
        lines = linted.lines
        start, end = lines.offset_of_medlint(d.line, d.column), lines.offset_of_medlint(d.end_line, d.end_column)
        actions = []
        if d.fix is not None:
            f = d.fix
            edit = TextEdit(lines.offset_of_medlint(f.line, f.column), lines.offset_of_medlint(f.end_line, f.end_column),
                            f.replacement)
            old = linted.text[edit.start:edit.end]
            title = (f"Replace '{old}' with '{f.replacement}'" if old and f.replacement else
                     f"Delete '{old}'" if old else f"Insert '{f.replacement}'")
            actions.append(lsp.CodeAction(
                title=title + ("" if f.safe else " (check it: an unsafe fix)"), kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[shown], is_preferred=f.safe, edit=self.workspace_edit(uri, linted, [edit])))
        if d.rule == "spelling":
            word = linted.text[start:end]
            actions.append(lsp.CodeAction(
                title=f"Add '{word}' to the project vocabulary", kind=lsp.CodeActionKind.QuickFix, diagnostics=[shown],
                command=lsp.Command(title="Add to vocabulary", command=ADD_WORD, arguments=[uri, word])))
            ignore = ignore_word(doc, word)
            if ignore is not None:
                actions.append(lsp.CodeAction(
                    title=f"Ignore '{word}' in this file", kind=lsp.CodeActionKind.QuickFix, diagnostics=[shown],
                    edit=self.workspace_edit(uri, linted, [ignore])))
        disable = disable_next_line(doc, d.line, d.rule)
        if disable is not None:
            actions.append(lsp.CodeAction(
                title=f"Disable {d.rule} for this line", kind=lsp.CodeActionKind.QuickFix, diagnostics=[shown],
                edit=self.workspace_edit(uri, linted, [disable])))
        return actions

    async def fix_all_edit(self, uri: str, linted: Linted) -> lsp.WorkspaceEdit | None:
        ws = self.workspace_for(linted.path)
        fixed = await self.on_checker(ws.fix_all, linted.text, linted.path)
        if fixed == linted.text:
            return None
        return self.workspace_edit(uri, linted, [TextEdit(0, len(linted.text), fixed)])

    async def add_word(self, uri: str, word: str) -> None:
        path = to_fs_path(uri)
        if path is None:
            return
        ws = self.workspace_for(path)
        if ws.run is None:
            self.tell(f"medlint: {ws.error}", lsp.MessageType.Error)
            return
        vocabulary, configured = ws.vocabulary_file(path)
        try:
            add_to_vocabulary(vocabulary, word)
        except MedlintError as exc:
            self.tell(str(exc), lsp.MessageType.Error)
            return
        if not configured:
            config = ws.run.config.source
            if config is None:
                created = ws.root / ".medlint.yaml"
                created.write_text("# Written by medlint's language server: the words you added to the vocabulary.\n"
                                   f"rules:\n  spelling:\n    options:\n      vocabulary: [{DEFAULT_VOCABULARY}]\n",
                                   encoding="utf-8")
                self.tell(f"medlint: added '{word}' to {DEFAULT_VOCABULARY} and created .medlint.yaml, which names it")
            else:
                self.tell(f"medlint: added '{word}' to {DEFAULT_VOCABULARY}; name it in {config} to use it: "
                          f"rules: {{spelling: {{options: {{vocabulary: [{DEFAULT_VOCABULARY}]}}}}}}",
                          lsp.MessageType.Warning)
        await self._reload(ws)


def build_server() -> MedlintServer:
    """The server with its features registered (separate from :func:`serve` for tests)."""
    server = MedlintServer()

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: MedlintServer, params: lsp.InitializedParams) -> None:
        for folder in ls.workspace.folders.values():
            path = to_fs_path(folder.uri)
            if path:
                ls.workspace_for(os.path.join(path, "."))
        watch = ls.client_capabilities.workspace
        if watch and watch.did_change_watched_files and watch.did_change_watched_files.dynamic_registration:
            suffixes = ",".join(sorted(s.lstrip(".") for s in PAGE_SUFFIXES | {".yaml", ".yml", ".toml", ".json"}))
            options = lsp.DidChangeWatchedFilesRegistrationOptions(
                watchers=[lsp.FileSystemWatcher(glob_pattern=f"**/*.{{{suffixes}}}")])
            try:
                await ls.client_register_capability_async(lsp.RegistrationParams(registrations=[lsp.Registration(
                    id="medlint-watch", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))
            except Exception:  # the client would not: saves still refresh the index
                log.warning("the client did not accept the file watchers")

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: MedlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.schedule_lint(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: MedlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule_lint(params.text_document.uri, DEBOUNCE)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: MedlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        path = to_fs_path(params.text_document.uri)
        if path:
            ls.file_changed(Path(path).resolve())
        ls.schedule_lint(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: MedlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.results.pop(uri, None)
        pending = ls._lint_tasks.pop(uri, None)
        if pending is not None:
            pending.cancel()
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: MedlintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        for change in params.changes:
            path = to_fs_path(change.uri)
            if path:
                ls.file_changed(Path(path).resolve())

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(
        code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=True))
    async def code_action(ls: MedlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        linted = ls.current(uri)
        if linted is None:
            return []
        only = params.context.only
        wants_fixes = only is None or any(lsp.CodeActionKind.QuickFix.value.startswith(k) for k in only)
        wants_fix_all = only is None or any(FIX_ALL_KIND.startswith(k) for k in only)
        lines = linted.lines
        low = lines.offset(params.range.start.line, params.range.start.character)
        high = lines.offset(params.range.end.line, params.range.end.character)
        actions: list[lsp.CodeAction] = []
        touched = [(d, shown) for d, shown in linted.pairs
                   if lines.offset_of_medlint(d.line, d.column) <= high
                   and lines.offset_of_medlint(d.end_line, d.end_column) >= low] if wants_fixes else []
        if touched:  # editors ask on every cursor move: parse only when a finding is under it
            doc = await ls.on_checker(Document.from_text, linted.text, linted.path.replace(os.sep, "/"),
                                      format_for(linted.path))
            for d, shown in touched:
                actions += ls.actions_for(uri, linted, d, shown, doc)
        if wants_fix_all and any(d.fix is not None and d.fix.safe for d, _ in linted.pairs):
            kind = FIX_ALL_KIND if only and not wants_fixes else lsp.CodeActionKind.QuickFix
            action = lsp.CodeAction(title="Fix all safe medlint problems in this file", kind=kind,
                                    data={"uri": uri, "version": linted.version})
            capability = ls.client_capabilities.text_document
            resolves = capability and capability.code_action and capability.code_action.resolve_support
            if not (resolves and "edit" in resolves.properties):
                action.edit = await ls.fix_all_edit(uri, linted)
            actions.append(action)
        return actions

    @server.feature(lsp.CODE_ACTION_RESOLVE)
    async def resolve_code_action(ls: MedlintServer, action: lsp.CodeAction) -> lsp.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        linted = ls.current(str(data.get("uri", "")))
        if linted is not None and action.edit is None and linted.version == data.get("version"):
            action.edit = await ls.fix_all_edit(str(data["uri"]), linted)
        return action

    @server.command(ADD_WORD)
    async def add_word(ls: MedlintServer, uri: str, word: str) -> None:
        await ls.add_word(uri, word)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: MedlintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        linted = ls.current(params.text_document.uri)
        if linted is None:
            return None
        lines = linted.lines
        at = lines.offset(params.position.line, params.position.character)
        ws = ls.workspace_for(linted.path)
        parts = []
        for d, _ in linted.pairs:
            start, end = lines.offset_of_medlint(d.line, d.column), lines.offset_of_medlint(d.end_line, d.end_column)
            rule = ws.rule(d.rule)
            if start <= at <= end and rule is not None and ws.run is not None:
                parts.append(f"**medlint `{d.rule}`**: {d.message}\n\n```text\n{explain_text(rule, ws.run.ruleset)}\n```")
        if not parts:
            return None
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))

    return server


def serve() -> None:
    """Speak LSP on standard input and output until the client exits."""
    logging.basicConfig(level=logging.WARNING, format="medlint lsp: %(message)s")
    build_server().start_io()
