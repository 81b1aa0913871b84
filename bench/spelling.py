"""Measure the spelling rule against cspell with its medical dictionary.

    python bench/spelling.py [--corpus ../shared/corpora/pmean-stats] [--typos 600] [--seed 11] [--no-cspell]

(a) Runs medlint's spelling rule over the corpus and prints distinct flagged
    words per 10,000 words, the 50 most frequent flagged words and words/second.
(b) Injects one-edit typos (insertion, deletion, substitution, transposition;
    fixed seed) into known-correct lower-case words of the corpus, each in its
    own sentence, and prints recall and top-1 suggestion accuracy.
(c) Does the same with cspell 9.8 + @cspell/dict-medicalterms 4.1.8, installed
    in bench/node_modules by this script (npm), never as a medlint dependency.

Both tools are given the same files; words are counted the same way for both.
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
sys.path.insert(0, str(HERE.parent / "src"))

from medlint import lint_paths  # noqa: E402
from medlint.document import Document  # noqa: E402
from medlint.kinds import BuildContext  # noqa: E402
from medlint.kinds.spelling import DEFAULTS, speller_for, words_of  # noqa: E402

WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(corpus.rglob("*.md"))


def count_words(files: list[Path]) -> int:
    return sum(len(WORD.findall(f.read_text(encoding="utf-8", errors="replace"))) for f in files)


def medlint_flags(corpus: Path) -> tuple[collections.Counter[str], float]:
    start = time.perf_counter()
    report = lint_paths([str(corpus)], config={}, select=["spelling"])
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


def sample_typos(files: list[Path], count: int, seed: int) -> list[tuple[str, str, str]]:
    """(sentence with the typo, typo, original word), typos that are not words themselves."""
    rng = random.Random(seed)
    speller = speller_for(dict(DEFAULTS), BuildContext())
    candidates = []
    for path in files:
        doc = Document.from_text(path.read_text(encoding="utf-8", errors="replace"), str(path))
        for offset, word in words_of(doc):
            if word.islower() and len(word) >= 5 and speller.known(word):
                line_start = doc.text.rfind("\n", 0, offset) + 1
                line_end = doc.text.find("\n", offset)
                line = doc.text[line_start:line_end if line_end >= 0 else len(doc.text)]
                sentence = re.split(r"(?<=[.!?])\s+", doc.prose[line_start:offset])[-1]
                if len(line) < 400 and "`" not in line and "[" not in line and not sentence.strip() == "":
                    candidates.append((word, doc.prose[offset - len(sentence):offset], doc.prose[offset + len(word):offset + len(word) + 60]))
    rng.shuffle(candidates)
    typos: list[tuple[str, str, str]] = []
    seen = set()
    for word, before, after in candidates:
        if word in seen:
            continue
        typo = one_edit(word, rng)
        if typo == word or speller.known(typo) or len(typo) < 4:
            continue  # a real word: no dictionary can catch it
        seen.add(word)
        after = re.split(r"(?<=[.!?])\s", after)[0]
        typos.append((" ".join((before + typo + after).split()), typo, word))
        if len(typos) == count:
            break
    return typos


def medlint_on_typos(typos: list[tuple[str, str, str]]) -> tuple[int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        for i, (sentence, _, _) in enumerate(typos):
            Path(tmp, f"t{i:04d}.md").write_text(sentence + "\n", encoding="utf-8")
        report = lint_paths([tmp], config={}, select=["spelling"])
    by_file = collections.defaultdict(list)
    for d in report.diagnostics:
        by_file[Path(d.path).name].append(d)
    caught = correct = 0
    misses = []
    for i, (_, typo, word) in enumerate(typos):
        hits = [d for d in by_file[f"t{i:04d}.md"] if f"'{typo}'" in d.message]
        caught += bool(hits)
        right = bool(hits and hits[0].fix and hits[0].fix.replacement.lower() == word)
        correct += right
        if not right:
            misses.append(f"{typo}->{hits[0].fix.replacement if hits and hits[0].fix else None} (meant {word})")
    if os.environ.get("MEDLINT_BENCH_MISSES"):
        print("medlint misses:", "; ".join(misses))
    return caught, correct


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(HERE.parent.parent / "shared" / "corpora" / "pmean-stats"))
    parser.add_argument("--typos", type=int, default=600)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--no-cspell", action="store_true")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        sys.exit(f"corpus not found: {corpus} (it lives in ../shared/corpora/ beside the project)")
    files = corpus_files(corpus)
    words = count_words(files)
    flagged, elapsed = medlint_flags(corpus)
    typos = sample_typos(files, args.typos, args.seed)
    caught, correct = medlint_on_typos(typos)
    rows = [("medlint", len(flagged), caught, correct)]
    exe = None if args.no_cspell else ensure_cspell()
    if exe:
        cs_flags = cspell_flags(exe, files)
        cs_caught, cs_correct = cspell_on_typos(exe, typos)
        rows.append(("cspell + medicalterms", len(cs_flags), cs_caught, cs_correct))
    print(f"corpus: {corpus.name}, {len(files):,} files, {words:,} words; {len(typos)} injected one-edit typos (seed {args.seed})")
    print(f"medlint spelling: {words / elapsed:,.0f} words/second ({elapsed:.1f} s, one process, dictionary load included)\n")
    print(f"{'tool':24} {'distinct flags':>15} {'per 10k words':>14} {'typo recall':>12} {'top-1 suggestion':>17}")
    for name, distinct, hit, right in rows:
        print(f"{name:24} {distinct:>15,} {distinct / words * 10000:>14.1f} {hit / len(typos):>12.1%} {right / len(typos):>17.1%}")
    print("\nmedlint's 50 most frequent flagged words:")
    print(", ".join(f"{w} ({n})" for w, n in flagged.most_common(50)))


if __name__ == "__main__":
    main()
