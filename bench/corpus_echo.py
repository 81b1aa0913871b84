"""Find corpus text copied into the project: runs of N words shared with ../shared/corpora.

The corpora are third-party content we may read to measure, never copy: tests use our own fixtures,
and examples in rule files, docs and comments are our own wording. A paraphrase that keeps eight
words in a row of a corpus page is still a copy, and is easy to miss by eye, so this scan finds
them: every tracked text file of the project (labels excepted: their reasons are written by the
labellers and hold no page text) is cut into runs of N lower-cased words and looked up in the set
of the corpora's runs.

    python bench/corpus_echo.py                # every tracked file, 8-word runs
    python bench/corpus_echo.py --words 6 src/medlint/kinds/dose.py

Prints `path:line: the shared words` per hit and exits 1 when there is one, 0 when none, and 0
with a note when the corpora are not there (a fresh clone without ../shared).
`bench/corpus_echo_allow.txt` lists runs that are common English rather than anyone's text (one
per line, lower-case words); a hit made only of allowed runs is not reported.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
ALLOW_FILE = ROOT / "bench" / "corpus_echo_allow.txt"
SKIP_PREFIXES = ("bench/labels/", "bench/node_modules/", "bench/package-lock.json")
TEXT_SUFFIXES = {".py", ".md", ".yaml", ".yml", ".toml", ".json", ".txt", ".html", ".htm", ".cfg", ".ini", ""}

WORD = re.compile(r"[a-z0-9]+(?:[',.][a-z0-9]+)*")
ESCAPE = re.compile(r"\\[nt]")


def words(text: str) -> list[str]:
    """Lower-cased words; punctuation inside numbers and contractions is kept (0.5, don't)."""
    return WORD.findall(ESCAPE.sub(" ", text.lower()))


def runs(ws: list[str], n: int) -> Iterator[tuple[int, tuple[str, ...]]]:
    for i in range(len(ws) - n + 1):
        yield i, tuple(ws[i : i + n])


def corpus_runs(corpora: Path, n: int) -> set[int]:
    """Hashes of every n-word run in the corpora (hashes keep the set to a few hundred MB)."""
    seen: set[int] = set()
    for dirpath, _dirs, files in os.walk(corpora):
        for name in files:
            try:
                text = Path(dirpath, name).read_text(encoding="utf-8", errors="ignore")
            except OSError:
                continue
            seen.update(hash(run) for _i, run in runs(words(text), n))
    return seen


def tracked_files(root: Path) -> list[Path]:
    """The project's tracked text files, labels and vendored node modules left out."""
    out = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True).stdout
    return [
        root / rel
        for rel in out.splitlines()
        if not rel.startswith(SKIP_PREFIXES) and Path(rel).suffix.lower() in TEXT_SUFFIXES
    ]


def allowed_runs(n: int) -> set[int]:
    if not ALLOW_FILE.is_file():
        return set()
    allowed: set[int] = set()
    for line in ALLOW_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            allowed.update(hash(run) for _i, run in runs(words(line), n))
    return allowed


def echoes(paths: Iterable[Path], seen: set[int], allowed: set[int], n: int) -> Iterator[tuple[Path, int, str]]:
    """(path, line, shared words) for each line holding a run found in the corpora."""
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, 1):
            ws = words(line)
            spans: list[list[int]] = []
            for i, run in runs(ws, n):
                key = hash(run)
                if key not in seen or key in allowed:
                    continue
                if spans and i <= spans[-1][1]:
                    spans[-1][1] = i + n
                else:
                    spans.append([i, i + n])
            if spans:
                yield path, number, " | ".join(" ".join(ws[a:b]) for a, b in spans)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="files to scan (default: every tracked text file)")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder of the corpora")
    parser.add_argument("--words", type=int, default=8, help="length of a shared run that counts (default 8)")
    args = parser.parse_args(argv)
    if args.words < 3:
        parser.error("--words must be at least 3")
    if not args.corpora.is_dir():
        print(f"corpus_echo: {args.corpora} is not there; nothing to compare with", file=sys.stderr)
        return 0
    seen = corpus_runs(args.corpora, args.words)
    paths = args.paths or tracked_files(ROOT)
    hits = 0
    for path, number, shared in echoes(paths, seen, allowed_runs(args.words), args.words):
        hits += 1
        try:
            shown = path.resolve().relative_to(ROOT)
        except ValueError:
            shown = path
        print(f"{shown}:{number}: {shared}")
    print(f"corpus_echo: {hits} line(s) share a run of {args.words} words with the corpora", file=sys.stderr)
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
