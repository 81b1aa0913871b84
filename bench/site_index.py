"""Time the site index and the link rules on a generated site.

    python bench/site_index.py [--pages 10000] [--seed 2026]

Generates the benchmark corpus of ``bench/corpus.py`` (a Hugo site: YAML,
TOML and JSON front matter, slugs, aliases, headings, links between pages,
images) in a temporary folder and prints how long indexing it takes and how long a full link check and a
one-file (pre-commit) link check take. Median of three runs.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402
from medlint import lint_paths  # noqa: E402
from medlint.site.index import SiteIndex  # noqa: E402

LINK_RULES = ["link-broken", "link-anchor", "link-asset", "link-unknown-marker"]


def timed(func, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root, args.pages, args.seed)
        one = [str(sorted((root / "content").rglob("*.md"))[args.pages // 2])]
        index = timed(lambda: SiteIndex(root / "content", [root / "static"]))
        site = SiteIndex(root / "content", [root / "static"])
        cfg = {"site": {"content_root": str(root / "content"), "static_dirs": [str(root / "static")]}}
        full = timed(lambda: lint_paths([str(root / "content")], config=cfg, select=LINK_RULES), runs=1)
        single = timed(lambda: lint_paths(one, config=cfg, select=LINK_RULES))
        report = lint_paths(one, config=cfg, select=LINK_RULES)
        print(f"pages: {len(site.pages):,}  URLs: {len(site.by_url):,}  assets: {len(site.assets):,}")
        print(f"index the site:                  {index:6.2f} s")
        print(f"link rules on every page:        {full:6.2f} s")
        print(f"link rules on one page (hook):   {single:6.2f} s  ({len(report.diagnostics)} problems)")


if __name__ == "__main__":
    main()
