"""Does every bundled rule take time linear in its input?  (not part of CI)

    python bench/growth.py [--size 20000] [--rule RULE] [--shape SHAPE]

For each adversarial shape (one unit repeated: a dose, a link, a heading, an
unclosed bracket, mojibake...) it builds documents of about n, 2n and 4n
characters, times each bundled rule alone on each (best of --repeat runs, the
document parsed outside the timing) and prints t(2n)/t(n) and t(4n)/t(n).
Linear work gives about 2 and 4, quadratic work 4 and 16; a rule is called
linear on a shape when t(4n)/t(n) stays under 8 (times under 5 ms are raised
to 5 ms, where timer noise would decide).  A rule whose n run takes more than
--budget seconds is reported SLOW and not run on larger inputs.  A ratio of 8 or
more is measured twice more (the best time of each size kept), since on a
shared machine a pause of another process looks like growth.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from medlint.config import Config  # noqa: E402
from medlint.document import Document  # noqa: E402
from medlint.pipeline import run_rules  # noqa: E402
from medlint.site.index import SiteIndex  # noqa: E402

FRONT = "---\ntitle: Growth\ndate: 2010-01-01\n---\n"
#: name -> (text repeated, path): each stresses what some rule does per match, per block or per line.
SHAPES: dict[str, tuple[str, str]] = {
    "doses in one paragraph": ("5 mg ", "x.md"),
    "doses, one a paragraph": ("Take 5 mg of zinc daily.\n\n", "x.md"),
    "cited doses, one paragraph": ("Take 5 mg [1] of zinc (Smith et al., 2019). ", "x.md"),
    "words, one paragraph": ("the recieve patient miracle cure BMD recently ", "x.md"),
    "sentences, one paragraph": ("Studies show it. ", "x.md"),
    "links, one paragraph": ("[click here](/posts/a#b) ", "x.md"),
    "links, one a line": ("- [read more](../nope.md#x) and ![](img.png)\n", "x.md"),
    "headings": ("# Heading {#id}\n\n", "x.md"),
    "list items nesting": ("- a\n  - b\n", "x.md"),
    "one long word": ("a", "x.md"),
    "unclosed brackets": ("[(", "x.md"),
    "backticks and stars": ("`a *b _c ", "x.md"),
    "DOIs and identifiers": ("doi:10.1000/abc.123. PMID: 12345678 NCT01234567 ISBN 978-0-306-40615-7 ", "x.md"),
    "mojibake and lost characters": ("isn\u00e2\u20ac\u2122t 50?years ", "x.md"),
    "acronyms": ("ABC (Abc Bcd Cde) DEF GHI ", "x.md"),
    "HTML tags": ("<p><a href='/x#y' id='z'>more</a></p>\n", "x.html"),
    "HTML unclosed": ("<a href='", "x.html"),
    "comments": ("<!-- medlint-disable spelling --> a <!-- x ", "x.md"),
    "plain text lines": ("Posted by admin | Home > News\n", "x.txt"),
}


def grow(unit: str, size: int) -> str:
    return FRONT + unit * max(1, size // len(unit))


def time_rule(text: str, path: str, repeat: int, site: SiteIndex, rules: list) -> float:
    """Best time of the rules on *text* (parsed outside the timing); no rules: the parse itself."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        doc = Document.from_text(text, path)
        if rules:
            doc.site = site
            start = time.perf_counter()
            run_rules(doc, rules)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20000, help="n, in characters (default 20000)")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--budget", type=float, default=10.0)
    parser.add_argument("--rule", action="append", help="only these rules")
    parser.add_argument("--shape", action="append", help="only these shapes")
    args = parser.parse_args()
    cfg = Config(root=ROOT)
    ruleset = cfg.ruleset(select=None)
    all_rules = {r.id: r for r in ruleset.rules}
    # every bundled rule, also those off by default
    from medlint.ruleset import RuleSet, Setting

    wanted = args.rule or sorted(all_rules)
    ruleset = RuleSet(ruleset.rules, {i: Setting(enabled=True) for i in wanted}, [], select=wanted,
                      online=False, context=ruleset.context)
    site = SiteIndex(Path(tempfile.mkdtemp(prefix="medlint-growth-")))
    shapes = {k: v for k, v in SHAPES.items() if not args.shape or k in args.shape}
    n = args.size
    worst: dict[str, float] = {}
    print(f"n = {n:,} characters; times are the best of {args.repeat}; ratios t(2n)/t(n) and t(4n)/t(n)\n")
    print(f"{'rule':26} {'shape':30} {'t(n) s':>8} {'x2':>6} {'x4':>6}  verdict")
    for rule_id in ["(reading the markup)"] + wanted:
        if rule_id == "doi-unresolved":
            continue  # needs the network
        for shape, (unit, path) in shapes.items():
            rules = [a for a in ruleset.for_path(path) if a.id == rule_id]
            if not rules and not rule_id.startswith("("):
                continue  # the rule does not run on this format
            time_rule(grow(unit, n // 4), path, 1, site, rules)  # warm up: dictionaries, tables, regexes
            times: list[float] = []
            for attempt in range(3):  # a shared machine's hiccup looks like growth: measure again
                again = []
                for factor in (1, 2, 4):
                    elapsed = time_rule(grow(unit, n * factor), path, args.repeat, site, rules)
                    again.append(elapsed)
                    if elapsed > args.budget:
                        break
                times = again if not times else [min(a, b) for a, b in zip(times, again)]
                if len(times) < 3 or max(times[2], 0.005) / max(times[0], 0.005) < 8:
                    break
            if len(times) < 3:
                print(f"{rule_id:26} {shape:30} {times[0]:8.3f} {'':>6} {'':>6}  SLOW")
                worst[rule_id] = float("inf")
                continue
            base = max(times[0], 0.005)
            r2, r4 = max(times[1], 0.005) / base, max(times[2], 0.005) / base
            verdict = "linear" if r4 < 8 else "NOT LINEAR"
            worst[rule_id] = max(worst.get(rule_id, 0.0), r4)
            print(f"{rule_id:26} {shape:30} {times[0]:8.3f} {r2:6.1f} {r4:6.1f}  {verdict}")
    bad = sorted(r for r, ratio in worst.items() if ratio >= 8)
    print(f"\n{len(worst)} rules on {len(shapes)} shapes: " +
          ("every rule linear" if not bad else "not linear: " + ", ".join(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
