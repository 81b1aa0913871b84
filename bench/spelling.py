"""Measure the spelling rule on real articles: false alarms, and injected typos.

    python bench/spelling.py [--corpus DIR ...] [--typos 600] [--seed 11] [--no-cspell] [--src=DIR]

For each corpus (default: both of ``../shared/corpora``, pmean-stats and vdw-dev;
pages held out of a corpus, stubs with front matter and headings only, are left out):

(a) Runs medlint's spelling rule over the corpus and prints distinct flagged
    words per 10,000 prose words (the words of the prose view: no front matter,
    code or URLs), the 50 most frequent flagged words and words/second.
(b) Injects one-edit typos (insertion, deletion, substitution, transposition of
    neighbours; fixed seed) into ordinary lower-case words of at least 5 letters
    of the corpus's articles (prose the rule reads), each in its own sentence, and prints
    - recall: the share of typos reported;
    - top-1: the share whose first suggestion (the fix, or the first candidate the
      message lists) is the word meant;
    - fixes: the share given a fix (a suggestion sure enough, see
      ``Speller._rank``) and how many of those are right (fix precision).
    A typo that is itself a word (in the bundled lists as they stand, with no
    morphology, or counted by pyspellchecker) is drawn again: no dictionary can catch
    it.  Words the speller accepts only by guessing (``reelase``) are kept, so a
    speller that accepts typos loses recall.
(c) Does the same with cspell 9.8 + @cspell/dict-medicalterms 4.1.8, installed
    in bench/node_modules by this script (npm), never as a medlint dependency.

``--src=DIR`` measures another checkout's ``src`` (e.g. a base revision
exported with ``git archive``); the typos are drawn the same way for both.
"""
from __future__ import annotations

import argparse
import collections
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SRC = next((arg.split("=", 1)[1] for arg in sys.argv if arg.startswith("--src=")), str(HERE.parent / "src"))
sys.path.insert(0, _SRC)

from medlint import lint_paths  # noqa: E402
from medlint.document import Document  # noqa: E402
from medlint.kinds import BuildContext  # noqa: E402
from medlint.kinds.spelling import DEFAULTS, speller_for  # noqa: E402
from medlint.medical.speller import Speller  # noqa: E402

WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
LETTERS = "abcdefghijklmnopqrstuvwxyz"
STUB = "<!-- body held out of this corpus -->"
CORPORA = HERE.parent.parent / "shared" / "corpora"
_CANDIDATES = re.compile(r"did you mean (.+)\?$")


def corpus_files(corpus: Path) -> list[Path]:
    """The corpus's Markdown pages, without the stubs whose body a corpus holds out."""
    return sorted(f for f in corpus.rglob("*.md") if STUB not in f.read_text(encoding="utf-8", errors="replace"))


def count_words(files: list[Path]) -> int:
    """Words of the prose view (what the spelling rule reads, before regions are skipped)."""
    total = 0
    for f in files:
        doc = Document.from_text(f.read_text(encoding="utf-8", errors="replace"), str(f))
        total += len(WORD.findall(doc.prose, doc.body_start))
    return total


def medlint_flags(files: list[Path]) -> tuple[collections.Counter[str], float]:
    start = time.perf_counter()
    report = lint_paths([str(f) for f in files], config={}, select=["spelling"])
    elapsed = time.perf_counter() - start
    flagged = collections.Counter(re.match(r"Unknown word '([^']+)'", d.message).group(1).lower()
                                  for d in report.diagnostics)
    return flagged, elapsed


def ensure_cspell() -> Path | None:
    exe = HERE / "node_modules" / ".bin" / "cspell"
    if not exe.exists() and shutil.which("npm"):
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund"], cwd=HERE, check=False)
    return exe if exe.exists() else None


def cspell_flags(exe: Path, files: list[Path]) -> collections.Counter[str]:
    flagged: collections.Counter[str] = collections.Counter()
    # cspell checks only files under the folder it runs in, so it runs in the corpus.
    root = Path(os.path.commonpath([str(f) for f in files]))
    for chunk in range(0, len(files), 400):
        out = subprocess.run([str(exe), "--no-progress", "--no-summary", "--words-only", "--config",
                              str(HERE / "cspell.json"), *(str(f.relative_to(root)) for f in files[chunk:chunk + 400])],
                             cwd=root, capture_output=True, text=True, check=False).stdout
        flagged.update(w.strip().lower() for w in out.splitlines() if w.strip())
    return flagged


def one_edit(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    kind = rng.choice(["insert", "delete", "substitute", "transpose"])
    if kind == "insert":
        return word[:i] + rng.choice(LETTERS) + word[i:]
    if kind == "delete":
        return word[:i] + word[i + 1:]
    if kind == "substitute":
        return word[:i] + rng.choice(LETTERS.replace(word[i], "")) + word[i + 1:]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def real_word(speller: Speller, word: str) -> bool:
    """In a bundled list exactly, or counted by pyspellchecker: a typo that is a word."""
    return word in speller.english or word in speller.medical or speller.frequencies().get(word) is not None


def sample_typos(files: list[Path], count: int, seed: int) -> list[tuple[str, str, str]]:
    """(sentence with the typo, typo, original word), typos that are not words themselves.

    The words are drawn from the prose the rule reads (references, bylines and code-like
    runs aside), with a plain tokeniser and the bundled lists as they stand, so that two
    revisions with the same lists draw the same typos."""
    rng = random.Random(seed)
    speller = speller_for(dict(DEFAULTS), BuildContext())
    candidates = []
    for path in files:
        doc = Document.from_text(path.read_text(encoding="utf-8", errors="replace"), str(path))
        prose = doc.view(("reference", "byline", "code-like")).prose
        for m in re.finditer(r"(?<![\w'\u2019-])[a-z]{5,}(?![\w'\u2019-])", prose[doc.body_start:]):
            offset, word = m.start() + doc.body_start, m.group()
            if word in speller.english or word in speller.medical:
                line_start = doc.text.rfind("\n", 0, offset) + 1
                line_end = doc.text.find("\n", offset)
                line = doc.text[line_start:line_end if line_end >= 0 else len(doc.text)]
                sentence = re.split(r"(?<=[.!?])\s+", prose[line_start:offset])[-1]
                if len(line) < 400 and "`" not in line and "[" not in line and not sentence.strip() == "":
                    candidates.append((word, prose[offset - len(sentence):offset], prose[offset + len(word):offset + len(word) + 60]))
    rng.shuffle(candidates)
    typos: list[tuple[str, str, str]] = []
    seen = set()
    for word, before, after in candidates:
        if word in seen:
            continue
        typo = one_edit(word, rng)
        if typo == word or real_word(speller, typo) or len(typo) < 4:
            continue  # a real word: no dictionary can catch it
        seen.add(word)
        after = re.split(r"(?<=[.!?])\s", after)[0]
        typos.append((" ".join((before + typo + after).split()), typo, word))
        if len(typos) == count:
            break
    return typos


def first_candidate(message: str, replacement: str | None) -> str | None:
    """The fix, or else the first candidate the message lists."""
    if replacement:
        return replacement
    m = _CANDIDATES.search(message)
    listed = re.findall(r"'([^']+)'", m.group(1)) if m else []
    return listed[0] if listed else None


def medlint_on_typos(typos: list[tuple[str, str, str]]) -> tuple[int, int, int, int]:
    """Caught, first candidate right, fixes offered, fixes right."""
    with tempfile.TemporaryDirectory() as tmp:
        for i, (sentence, _, _) in enumerate(typos):
            Path(tmp, f"t{i:04d}.md").write_text(sentence + "\n", encoding="utf-8")
        report = lint_paths([tmp], config={}, select=["spelling"])
    by_file = collections.defaultdict(list)
    for d in report.diagnostics:
        by_file[Path(d.path).name].append(d)
    caught = correct = fixes = right_fixes = 0
    misses = []
    for i, (_, typo, word) in enumerate(typos):
        hits = [d for d in by_file[f"t{i:04d}.md"] if f"'{typo}'" in d.message]
        caught += bool(hits)
        fix = hits[0].fix.replacement if hits and hits[0].fix else None
        first = first_candidate(hits[0].message, fix) if hits else None
        right = bool(first and first.lower() == word)
        correct += right
        fixes += fix is not None
        right_fixes += bool(fix and fix.lower() == word)
        if not right:
            misses.append(f"{typo}->{first} (meant {word}{'' if hits else ', not reported'})")
    if os.environ.get("MEDLINT_BENCH_MISSES"):
        print("medlint misses:", "; ".join(misses))
    return caught, correct, fixes, right_fixes


def cspell_on_typos(exe: Path, typos: list[tuple[str, str, str]]) -> tuple[int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        for i, (sentence, _, _) in enumerate(typos):
            Path(tmp, f"t{i:04d}.md").write_text(sentence + "\n", encoding="utf-8")
        out = subprocess.run([str(exe), "--no-progress", "--no-summary", "--show-suggestions", "--config",
                              str(HERE / "cspell.json"), "*.md"], cwd=tmp, capture_output=True, text=True, check=False).stdout
    found: dict[str, tuple[str, list[str]]] = {}
    for line in out.splitlines():
        m = re.search(r"t(\d{4})\.md:\d+:\d+ - Unknown word \((.+?)\)(?:.*?Suggestions: \[(.*?)\])?", line)
        if m:
            found.setdefault(m.group(1), (m.group(2), [s.strip() for s in (m.group(3) or "").split(",") if s.strip()]))
    caught = correct = 0
    for i, (_, typo, word) in enumerate(typos):
        hit = found.get(f"{i:04d}")
        if hit and hit[0] == typo:
            caught += 1
            correct += bool(hit[1] and hit[1][0].lower() == word)
    return caught, correct


def measure(corpus: Path, args: argparse.Namespace) -> None:
    files = corpus_files(corpus)
    words = count_words(files)
    flagged, elapsed = medlint_flags(files)
    typos = sample_typos(files, args.typos, args.seed)
    caught, correct, fixes, right_fixes = medlint_on_typos(typos)
    rows = [("medlint", len(flagged), caught, correct)]
    exe = None if args.no_cspell else ensure_cspell()
    if exe:
        cs_flags = cspell_flags(exe, files)
        cs_caught, cs_correct = cspell_on_typos(exe, typos)
        rows.append(("cspell + medicalterms", len(cs_flags), cs_caught, cs_correct))
    print(f"corpus: {corpus.name}, {len(files):,} pages, {words:,} prose words; {len(typos)} injected one-edit typos"
          f" (seed {args.seed})")
    print(f"medlint spelling: {words / elapsed:,.0f} words/second ({elapsed:.1f} s, one process, dictionary load included)\n")
    print(f"{'tool':24} {'distinct flags':>15} {'per 10k words':>14} {'typo recall':>12} {'top-1 suggestion':>17}")
    for name, distinct, hit, right in rows:
        print(f"{name:24} {distinct:>15,} {distinct / words * 10000:>14.1f} {hit / len(typos):>12.1%} {right / len(typos):>17.1%}")
    print(f"\nmedlint fixes: {fixes / len(typos):.1%} of the typos given a fix, {right_fixes / max(fixes, 1):.1%} of"
          f" those right ({fixes - right_fixes} wrong)")
    print("medlint's 50 most frequent flagged words:")
    print(", ".join(f"{w} ({n})" for w, n in flagged.most_common(50)))
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append",
                        help="a corpus folder (repeatable; default: pmean-stats and vdw-dev in ../shared/corpora)")
    parser.add_argument("--typos", type=int, default=600)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--no-cspell", action="store_true")
    parser.add_argument("--src", help="the medlint source folder to measure (default: this checkout's src)")
    args = parser.parse_args()
    corpora = [Path(c) for c in args.corpus] if args.corpus else [CORPORA / "pmean-stats", CORPORA / "vdw-dev"]
    print(f"medlint from {_SRC}\n")
    for corpus in corpora:
        if not corpus.is_dir():
            sys.exit(f"corpus not found: {corpus} (it lives in ../shared/corpora/ beside the project)")
        measure(corpus, args)


if __name__ == "__main__":
    main()
