"""Time the site index and the link rules on a generated site.

    python bench/site_index.py [--pages 10000] [--seed 7]

Generates a Hugo-like content tree (YAML and JSON front matter, slugs,
aliases, headings, links between pages, images) in a temporary folder and
prints how long indexing it takes and how long a full link check and a
one-file (pre-commit) link check take. Median of three runs.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from medlint import lint_paths  # noqa: E402
from medlint.site import SiteIndex  # noqa: E402

WORDS = "vitamin bone density calcium trial dose sclerosis fracture serum level risk study patients evidence".split()
LINK_RULES = ["link-broken", "link-anchor", "link-asset", "link-unknown-marker"]


def generate(root: Path, pages: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    content = root / "content"
    static = root / "static" / "images"
    static.mkdir(parents=True)
    slugs = [f"{rng.choice(WORDS)}-{rng.choice(WORDS)}-{i}" for i in range(pages)]
    for i, slug in enumerate(slugs):
        section = content / ("posts" if i % 3 else "notes")
        section.mkdir(parents=True, exist_ok=True)
        others = [rng.randrange(pages) for _ in range(5)]
        links = "\n".join(
            f"* [{slugs[j]}](/{'posts' if j % 3 else 'notes'}/{slugs[j]}{'#background' if k == 0 else ''})"
            for k, j in enumerate(others))
        body = (f"# {slug}\n\n## Background\n\n" + " ".join(rng.choice(WORDS) for _ in range(300))
                + f"\n\n{links}\n\n![chart](/images/chart-{i % 50}.png)\n")
        if i % 2:
            front = "---\n" + f"title: {slug}\nslug: {slug}\naliases: [/old/{i}]\n" + "---\n"
        else:
            front = json.dumps({"title": slug, "slug": slug, "aliases": [f"/old/{i}"]}, indent=2) + "\n"
        (section / f"page-{i}.md").write_text(front + "\n" + body, encoding="utf-8")
    for i in range(50):
        (static / f"chart-{i}.png").write_bytes(b"PNG")
    return [str(content / "posts" / "page-1.md")]


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
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        one = generate(root, args.pages, args.seed)
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
