"""How fast ``medlint lsp`` answers an editor: diagnostics after the last keystroke on a 5,000-word page.

Starts the real server over stdio with pygls's client (``pip install -e '.[lsp]'``), opens a
page of about 5,000 words in a site, waits for the site index, then types: bursts of
characters 40 ms apart by default (``--interval``), and times each burst
from its last change to the diagnostics for that version. Prints the figures as a Markdown
table for bench/README.md.

    python bench/lsp_latency.py                        # a generated site (bench/corpus.py), fixed seed
    python bench/lsp_latency.py --site ../shared/corpora/vdw-dev --page posts/history-of-vitamin-d.md
"""
from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

HERE = Path(__file__).resolve().parent
WORDS = 5_000


def generated_site(dest: Path, seed: int) -> tuple[Path, Path]:
    """A generated site of 400 pages and, in it, a page of about WORDS words made of its pages' bodies."""
    sys.path.insert(0, str(HERE))
    import corpus  # bench/corpus.py

    corpus.generate(dest, files=400, seed=seed)
    pages = sorted((dest / "content").rglob("*.md"))
    head, body = "---\ntitle: Long page\ndate: 2024-05-01\n---\n", []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[2]
        body.append(text)
        if sum(len(b.split()) for b in body) >= WORDS:
            break
    long_page = pages[0].parent / "long-page.md"
    long_page.write_text(head + "\n".join(body), encoding="utf-8")
    return dest, long_page


async def measure(root: Path, page: Path, bursts: int, seed: int, interval: float) -> dict[str, float]:
    client = LanguageClient("medlint-bench", "1")
    published: dict[int, float] = {}
    progress_done = asyncio.Event()
    changed = asyncio.Event()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
        if params.uri == page.as_uri() and params.version is not None:
            published.setdefault(params.version, time.perf_counter())
            changed.set()

    @client.feature(lsp.WINDOW_WORK_DONE_PROGRESS_CREATE)
    def create(params: lsp.WorkDoneProgressCreateParams) -> None:
        return None

    @client.feature(lsp.PROGRESS)
    def progress(params: lsp.ProgressParams) -> None:
        if isinstance(params.value, dict) and params.value.get("kind") == "end":
            progress_done.set()

    @client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def register(params: lsp.RegistrationParams) -> None:
        return None

    @client.feature(lsp.WINDOW_SHOW_MESSAGE)
    def message(params: lsp.ShowMessageParams) -> None:
        print("server:", params.message, file=sys.stderr)

    async def wait_for(version: int) -> float:
        while version not in published:
            changed.clear()
            await asyncio.wait_for(changed.wait(), 120)
        return published[version]

    await client.start_io(sys.executable, "-m", "medlint", "lsp", cwd=str(root))
    started = time.perf_counter()
    await client.initialize_async(lsp.InitializeParams(
        capabilities=lsp.ClientCapabilities(window=lsp.WindowClientCapabilities(work_done_progress=True)),
        root_uri=root.as_uri(), workspace_folders=[lsp.WorkspaceFolder(uri=root.as_uri(), name="site")]))
    client.initialized(lsp.InitializedParams())
    text = page.read_text(encoding="utf-8")
    opened = time.perf_counter()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(
        uri=page.as_uri(), language_id="markdown", version=1, text=text)))
    first = await wait_for(1) - opened
    await asyncio.wait_for(progress_done.wait(), 300)
    site_ready = time.perf_counter() - started
    await asyncio.sleep(1.0)  # the re-check the new index calls for

    rng = random.Random(seed)
    lines = text.split("\n")
    prose = [i for i, line in enumerate(lines) if len(line) > 40 and not line.startswith(("#", "-", "|", "[", "!"))]
    version, latencies = 1, []
    for _ in range(bursts):
        line = rng.choice(prose)
        for char in "recieve ":  # a typo, typed
            version += 1
            position = lsp.Position(line=line, character=len(lines[line].encode("utf-16-le")) // 2)
            lines[line] += char
            client.text_document_did_change(lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=page.as_uri(), version=version),
                [lsp.TextDocumentContentChangePartial(range=lsp.Range(position, position), text=char)]))
            last = time.perf_counter()
            await asyncio.sleep(interval)
        latencies.append(await wait_for(version) - last)
        await asyncio.sleep(0.3)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    latencies.sort()
    return {"words": len(text.split()), "first": first, "site": site_ready,
            "median": statistics.median(latencies), "p90": latencies[int(0.9 * (len(latencies) - 1))],
            "max": latencies[-1], "bursts": len(latencies)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site folder (default: a generated one)")
    parser.add_argument("--page", type=Path, help="the page to edit, relative to --site")
    parser.add_argument("--bursts", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--interval", type=float, default=0.04, help="seconds between keystrokes (default 0.04)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.site:
            root, page = args.site.resolve(), (args.site / args.page).resolve()
        else:
            root, page = generated_site(Path(tmp) / "site", args.seed)
        figures = asyncio.run(measure(root, page, args.bursts, args.seed, args.interval))
    print("| page | words | keystrokes | first diagnostics (cold) | site index ready | after the last keystroke: median | p90 | max |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| {page.name} | {figures['words']:,} | {args.interval * 1000:.0f} ms apart | {figures['first'] * 1000:.0f} ms | {figures['site']:.1f} s "
          f"| {figures['median'] * 1000:.0f} ms | {figures['p90'] * 1000:.0f} ms | {figures['max'] * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
