"""Fuzz the readers and the default rules with generated documents (not part of CI).

    python bench/fuzz.py [--count 100000] [--seed 1]

Each document is built from pieces that break parsers (tests/robust_pieces.py)
and random text, read as Markdown, HTML or plain text, and checked with the
full default rule set. A crash is any exception, a diagnostic outside the
file, or a rule error; the script prints the count of each and the first
failing document of each kind.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from medlint.config import Config  # noqa: E402
from medlint.document import Document  # noqa: E402
from medlint.pipeline import Run  # noqa: E402
from medlint.site.index import SiteIndex  # noqa: E402
from robust_pieces import PIECES  # noqa: E402

ALPHABET = "abc <>[]()`*_#!-\n\r\t&;:/.\"'{}|\\$?\u00e9\u2013\u200b\ud83d\ude00"


def document(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randrange(1, 40)):
        if rng.random() < 0.8:
            parts.append(rng.choice(PIECES))
        else:
            parts.append("".join(rng.choice(ALPHABET) for _ in range(rng.randrange(1, 30))))
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cfg = Config(root=ROOT)
    ruleset = cfg.ruleset()
    failures: dict[str, tuple[int, str]] = {}
    counts = {"exception": 0, "position": 0, "rule error": 0}
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        site = SiteIndex(Path(tmp))
        run = Run(cfg, ruleset=ruleset, site=site)
        for i in range(args.count):
            text = document(rng)
            path = rng.choice(["x.md", "x.html", "x.txt"])
            try:
                doc = Document.from_text(text, path)
                diagnostics, errors = run.lint_document(text, path)
            except Exception as exc:  # noqa: BLE001 - counting every kind of crash
                counts["exception"] += 1
                failures.setdefault("exception", (i, f"{type(exc).__name__}: {exc}\n{text!r}"))
                continue
            if errors:
                counts["rule error"] += 1
                failures.setdefault("rule error", (i, f"{errors[0]}\n{text!r}"))
            starts = doc.line_starts
            for d in diagnostics:
                if not (1 <= d.line <= len(starts) and 1 <= d.column <= len(doc.line_text(d.line)) + 1
                        and 1 <= d.end_line <= len(starts) and 1 <= d.end_column <= len(doc.line_text(d.end_line)) + 1):
                    counts["position"] += 1
                    failures.setdefault("position", (i, f"{d}\n{text!r}"))
                    break
    elapsed = time.perf_counter() - start
    print(f"{args.count:,} documents in {elapsed:.0f} s ({args.count / elapsed:,.0f}/s), seed {args.seed}")
    for kind, number in counts.items():
        print(f"  {kind}: {number}")
    for kind, (index, detail) in failures.items():
        print(f"\nfirst {kind} (document {index}):\n{detail[:2000]}")
    sys.exit(1 if any(counts.values()) else 0)


if __name__ == "__main__":
    main()
