"""How many above-limit vitamin D doses written without the substance does
dose-above-upper-limit report?  (Issue 18: "20,000 IU daily" on a page about
vitamin D is a vitamin D dose although its sentence never says so.)

    python bench/context_doses.py                    # this tree, vdw-dev
    python bench/context_doses.py --base 3651a23     # and another revision, for before/after
    python bench/context_doses.py --list             # and where the unreported ones are

How it counts, independently of the rule's parser (its own small regexes):

1. Every page of ../shared/corpora/vdw-dev/posts (a site about vitamin D) is read
   with medlint's Document, and only its prose view is searched (code, URLs,
   front matter blanked), as any rule sees it.
2. An *amount* is a number (or the high end of a range "5,000 - 10,000") followed
   by IU.  Its sentence ends at ". ", "; ", "? ", "! " or a line break.
3. The amount is counted only if its sentence names no substance of the bundled
   upper-limits table (vitamins, minerals, their usual names, D3, D2...).
4. Its frequency is read from the words after it up to the next amount or the
   end of its sentence: daily (1), weekly (1/7), twice a week (2/7), monthly
   (1/30), every N days / weeks / months (1/N...).  Amounts with a one-off word
   in the sentence (single, bolus, loading, stat, injection, IM/IV), per kg, or
   with a frequency whose daily average is at or under 4,000 IU are not above
   the limit and are not counted.  The rest fall in two groups: *written*
   frequency (the figure the issue asks for) and *none written* (shown apart:
   the rule reports those "if taken daily").
5. Amounts whose paragraph already warns (the rule's own acknowledged words:
   upper limit, toxic, supervision...; and its advice against a dose before the
   amount: "should not take", "never exceed") are the rule's designed silences
   and are shown apart too.
6. Amounts in quoted or reproduced text or a reference list (the regions the rule
   file skips: ``quotation``, ``reference``, ``commentary``, as this tree finds them) are the
   source's doses, not the page's: the rule skips them by design, so they are
   shown apart as *quoted*; so are the words in quotation marks after a named speaker's
   label ('Jane Roe, RN: "..."', this tree's ``dosage.speaker_quoted``).
7. Amounts in a heading stacked with two or more others, nothing between them (a list
   of studies', charts' or pages' titles, as this tree's ``reposted.in_title_list``
   finds it), are other items' titles, not the page's dose: the rule skips them by
   design and they are shown apart as *titles* (labelled false on vdw-dev).
8. Amounts in a worked example (under an ``Example:`` line) or concluding a sum ("a drop
   is 1,000 IU, so the pupils ended up with 30,000 IU a day"), as this tree's
   ``claims.in_worked_example`` and ``dosage.estimated`` find them, illustrate arithmetic,
   not an intake: the rule skips them by design (both labelled false on vdw-dev) and
   they are shown apart as *examples*. The acknowledged words of 5 are read where this
   tree's rule reads them (``dosage._ack_windows``: the paragraph, and for a list item
   the rest of a short list, a table cell's next line, a note right after), and a price
   per day ("12 cents/day") is no frequency.
9. An amount is *reported* when a dose-above-upper-limit finding of that
   revision overlaps it (medlint run as a user would, --no-cache).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from types import SimpleNamespace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "vdw-dev"
CONFIG = {"extends": "all", "site": {"content_root": ".", "base_urls": ["https://vitamindwiki.com"]}}
UL_IU = 4000.0

_NUM = r"\d{1,3}(?:[, ]\d{3})+|\d+"
AMOUNT = re.compile(r"(?<![\w.,/-])(?:(" + _NUM + r")\s*(?:-|\u2013|to)\s*)?(" + _NUM + r")\s*(?:IU|I\.U\.|international\s+units)\b", re.I)
SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n")
NEXT_AMOUNT = re.compile(r"\d[\d, ]*\s*(?:IU|mg|mcg|\u00b5g|ug)\b", re.I)
ONE_OFF = re.compile(r"\b(?:single|one-off|one-time|bolus|loading|stat|stoss|inject\w*|intramuscular|intravenous|"
                     r"(?-i:IM|IV))\b|\bonce\b(?!\s+(?:a|per|every|weekly|monthly|daily))", re.I)
PER_KG = re.compile(r"^[^.;]{0,30}?(?:/\s*kg|per\s+kg|per\s+kilo)", re.I)
EVERY = re.compile(r"\bevery\s+(\d+)\s*(days?|weeks?|wks?|months?)\b", re.I)
FREQUENCIES = [
    (re.compile(r"twice\s+(?:a|per)\s+week|twice\s+weekly", re.I), 2 / 7),
    (re.compile(r"every\s+(?:two|other)\s+weeks?|fortnightly|biweekly", re.I), 1 / 14),
    (re.compile(r"\bweekly\b|\b(?:a|per|each|every)\s+week\b|/\s*w(?:ee)?k\b", re.I), 1 / 7),
    (re.compile(r"\bmonthly\b|\b(?:a|per|each|every)\s+month\b|/\s*month\b", re.I), 1 / 30),
    (re.compile(r"\bdaily\b|\b(?:a|per|each|every)\s+day\b|/\s*d(?:ay)?\b", re.I), 1.0),
]


def substance_names() -> re.Pattern[str]:
    """Every name of every substance in the bundled upper-limits table, as one regex."""
    sys.path.insert(0, str(ROOT / "src"))
    from medlint.yamlsource import load_yaml_text

    data = load_yaml_text((ROOT / "src" / "medlint" / "data" / "upper-limits.yaml").read_text(encoding="utf-8"))
    names = [n for entry in data["substances"].values() for n in entry.get("names", [])]
    return re.compile(r"(?<![\w-])(?:" + "|".join(names) + r")(?![\w-])", re.I)


def acknowledged() -> list[re.Pattern[str]]:
    from medlint.kinds.dosage import ACKNOWLEDGED

    return [re.compile(p, re.I) for p in ACKNOWLEDGED]


def warned_against() -> re.Pattern[str] | None:
    """The rule's advice against a dose ("Should not take 50,000 IU weekly", "never
    exceed"), read up to the amount: a designed silence like the acknowledged words
    (None in a tree whose rule has none)."""
    try:
        from medlint.kinds.dosage import _NEGATED
    except ImportError:
        return None
    return re.compile(_NEGATED.pattern, _NEGATED.flags)


def skipped_regions() -> tuple[str, ...]:
    """The regions the bundled rule skips (its file's ``skip``): their doses are a
    source's, not the page's."""
    import yaml

    rule = yaml.safe_load((ROOT / "rules" / "dose-above-upper-limit.yaml").read_text(encoding="utf-8"))
    return tuple(rule.get("skip", ["quotation", "reference"]))


PRICE_RATE = re.compile(r"(?:[$\u00a3\u20ac]\s?\d[\d.,]*|\d[\d.,]*\s*(?:cents?|\u00a2|dollars?|pence|euros?))\s*"
                        r"(?:/\s*|per\s+|a\s+)(?:day|d|week|wk|month)\b", re.I)


def per_day(after: str) -> float | None:
    """Doses a day the words after an amount give, None when none are written (a price
    per day is none)."""
    after = PRICE_RATE.sub(" ", after)
    for regex, factor in FREQUENCIES:
        if regex.search(after):
            return factor
    m = EVERY.search(after)
    if m:
        days = int(m.group(1)) * {"d": 1, "w": 7, "m": 30}[m.group(2)[0].lower()]
        return 1 / days if days else None
    return None




def title_list():
    """The tree's test for a heading in a list of titles (None in a tree that has none)."""
    try:
        from medlint.medical.reposted import in_title_list
    except ImportError:
        return None
    return in_title_list


def ack_windows():
    """The tree's windows for a dose's warning (None in a tree that reads the block only)."""
    try:
        from medlint.kinds.dosage import _ack_windows
    except ImportError:
        return None
    return _ack_windows


def speaker_quote():
    """The tree's test for a named speaker's quoted remark (None in a tree that has none)."""
    try:
        from medlint.kinds.dosage import speaker_quoted
    except ImportError:
        return None
    return speaker_quoted


def example_tests() -> list:
    """The tree's tests for a worked example's or a sum's amount (empty in a tree with none)."""
    tests = []
    try:
        from medlint.medical.claims import in_worked_example
        tests.append(in_worked_example)
    except ImportError:
        pass
    try:
        from medlint.kinds.dosage import estimated
        tests.append(estimated)
    except ImportError:
        pass
    return tests


def candidates(names: re.Pattern[str]) -> list[tuple[str, int, int, int, str]]:
    """(path, start, end, line, group) of every counted amount; group is 'written',
    'none written', 'acknowledged', 'quoted', 'titles' or 'examples'."""
    from medlint.document import Document

    ack = acknowledged()
    warned = warned_against()
    quoted = skipped_regions()
    titles = title_list()
    windows = ack_windows()
    examples = example_tests()
    speaker = speaker_quote()
    found = []
    for path in sorted((CORPUS / "posts").glob("*.md")):
        rel = str(path.relative_to(CORPUS))
        doc = Document.from_text(path.read_text(encoding="utf-8"), rel)
        prose = doc.prose
        for m in AMOUNT.finditer(prose, doc.body_start):
            high = float(re.sub(r"[, ]", "", m.group(2)))
            lo = max((e.end() for e in SENTENCE_END.finditer(prose, max(0, m.start() - 300), m.start())),
                     default=max(0, m.start() - 300))
            end = SENTENCE_END.search(prose, m.end())
            hi = end.start() if end else len(prose)
            sentence = prose[lo:hi]
            if names.search(sentence) or ONE_OFF.search(sentence) or PER_KG.match(prose[m.end():hi]):
                continue
            after = prose[m.end():hi]
            nxt = NEXT_AMOUNT.search(after)
            rate = per_day(after[:nxt.start()] if nxt else after)
            if (high if rate is None else high * rate) <= UL_IU:
                continue
            group = "written" if rate is not None else "none written"
            block = doc.block_at(m.start())
            b_lo, b_hi = (block.start, block.end) if block else (lo, hi)
            spans = [(prose, b_lo, b_hi)] if windows is None else windows(doc, SimpleNamespace(start=m.start(), end=m.end()))
            if any(r.search(text, w_lo, w_hi) for text, w_lo, w_hi in spans for r in ack) or (
                    warned and warned.search(prose[lo:m.start()])):
                group = "acknowledged"
            elif any(r.kind in quoted and r.start <= m.start() < r.end for r in doc.regions) or (
                    speaker is not None and speaker(doc, m.start())):
                group = "quoted"
            elif titles is not None and titles(doc, m.start()):
                group = "titles"
            elif any(test(doc, m.start()) for test in examples):
                group = "examples"
            found.append((rel, m.start(), m.end(), doc.position(m.start())[0], group))
    return found


def findings(src: Path) -> list[dict[str, object]]:
    """dose-above-upper-limit findings of the medlint in *src* on the corpus."""
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "vdw.yaml"
        config.write_text(json.dumps({**CONFIG, "site": {**CONFIG["site"], "content_root": str(CORPUS)}}), encoding="utf-8")
        proc = subprocess.run([sys.executable, "-m", "medlint", "check", "--no-cache", "--format", "json",
                               "--select", "dose-above-upper-limit", "--config", str(config)],
                              cwd=CORPUS, env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
                              capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 1):
        sys.exit(f"context_doses: medlint in {src} failed: {proc.stderr.strip()[-500:]}")
    return json.loads(proc.stdout)


def reported(found: list[tuple[str, int, int, int, str]], results: list[dict[str, object]]) -> set[int]:
    """Indexes of the counted amounts a finding overlaps (same path and line, overlapping columns)."""
    from medlint.document import Document

    docs: dict[str, Document] = {}
    hits = set()
    by_path: dict[str, list[dict[str, object]]] = {}
    for r in results:
        by_path.setdefault(str(r["path"]), []).append(r)
    for i, (path, start, end, line, _) in enumerate(found):
        for r in by_path.get(path, []):
            if r["line"] != line:
                continue
            doc = docs.setdefault(path, Document.from_text((CORPUS / path).read_text(encoding="utf-8"), path))
            col0 = start - doc.line_starts[line - 1] + 1
            col1 = end - doc.line_starts[line - 1] + 1
            if int(r["column"]) < col1 and int(r["end_column"]) > col0:  # type: ignore[arg-type]
                hits.add(i)
    return hits


def summary(label: str, found: list[tuple[str, int, int, int, str]], hits: set[int]) -> None:
    totals, got = Counter(g for *_, g in found), Counter(found[i][4] for i in hits)
    print(f"{label}")
    for group in ("written", "none written", "acknowledged", "quoted", "titles", "examples"):
        n, k = totals[group], got[group]
        share = f"{100 * k / n:.0f}%" if n else "-"
        print(f"  {group:<14} {k:>4} of {n:<4} reported ({share})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", help="a revision to measure as well (checked out into a temporary folder)")
    parser.add_argument("--list", action="store_true", help="print where the unreported amounts are")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"context_doses: no corpus at {CORPUS}")
    found = candidates(substance_names())
    runs = [("this tree", ROOT / "src")]
    tmp = tempfile.TemporaryDirectory()
    if args.base:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.base, "src", "rules"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", tmp.name], input=archive.stdout, check=True)
        runs.insert(0, (f"base {args.base}", Path(tmp.name) / "src"))
    for label, src in runs:
        hits = reported(found, findings(src))
        summary(label, found, hits)
        if args.list:
            for i, (path, _, _, line, group) in enumerate(found):
                if i not in hits and group not in ("acknowledged", "quoted", "titles", "examples"):
                    print(f"    not reported ({group}): {path}:{line}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
