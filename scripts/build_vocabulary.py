"""Build medlint's spelling vocabulary from published word lists.

    apt-get install wamerican wbritish hunspell-en-med   # Debian packages
    pip install pyspellchecker                            # already a dependency
    python scripts/build_vocabulary.py                    # fetches @cspell/dict-medicalterms with npm

Writes ``src/medlint/data/spelling/``:

- ``english.txt.gz``: general English, US and British (pyspellchecker's English
  list and SCOWL's american-english and british-english), lower case;
- ``medical.txt.gz``: medical terms (@cspell/dict-medicalterms and Debian's
  hunspell-en-med, both from OpenMedSpel and Raj & Co, plus the hand-made lists
  in ``scripts/vocabulary/``), lower case, with junk entries screened out;
- ``us.txt.gz`` / ``gb.txt.gz``: spellings only one variant uses (SCOWL);
- ``dropped.txt``: the medical-list entries screened out as likely misspellings.

A misspelling in a word list hides that misspelling forever, so a medical
entry is dropped when it is one edit away from one of the 20,000 most frequent
English words, is not itself an English word (pyspellchecker or SCOWL large),
does not end like a Latin or chemical term, is not the plural or singular of
its neighbour, and is not written with a capital in the source (names and
brands, which medlint skips mid-sentence anyway).
"""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "medlint" / "data" / "spelling"
CURATED = Path(__file__).resolve().parent / "vocabulary"
CSPELL_PACKAGE = "@cspell/dict-medicalterms@4.1.8"
SCOWL = {"us": "/usr/share/dict/american-english", "gb": "/usr/share/dict/british-english"}
SCOWL_LARGE = ["/usr/share/dict/american-english-large", "/usr/share/dict/british-english-large"]
HUNSPELL_MED = "/usr/share/hunspell/en_med_glut.dic"
LATIN_OR_CHEMICAL = re.compile(r"(a|ae|i|us|um|is|es|ia|itis|osis|oma|al|ic|ous|ine|ase|ide|ate|ol|in|on|yl)$")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in LETTERS} | {a + c + b for a, b in splits for c in LETTERS})


def words_of(path: str) -> set[str]:
    return {w.strip() for w in Path(path).read_text(encoding="utf-8", errors="replace").split("\n") if w.strip()}


def pyspellchecker_english() -> dict[str, int]:
    import spellchecker

    resource = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    with gzip.open(resource, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def cspell_medical() -> set[str]:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", "--silent", CSPELL_PACKAGE], cwd=tmp, check=True, capture_output=True)
        tarball = next(Path(tmp).glob("*.tgz"))
        subprocess.run(["tar", "xzf", str(tarball)], cwd=tmp, check=True)
        with gzip.open(Path(tmp) / "package" / "dict" / "medicalterms-en.txt.gz", "rt", encoding="utf-8") as handle:
            return {line.split("#")[0].strip() for line in handle if line.split("#")[0].strip()}


def hunspell_medical() -> set[str]:
    lines = Path(HUNSPELL_MED).read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    return {line.split("/")[0].strip() for line in lines if line.strip()}


def curated() -> set[str]:
    words: set[str] = set()
    for path in sorted(CURATED.glob("*.txt")):
        words |= {w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")}
    return words


def screen(medical: set[str], english: dict[str, int], scowl_large: set[str]) -> tuple[set[str], list[str]]:
    common = {w for w, _ in sorted(english.items(), key=lambda kv: -kv[1])[:20000]}
    kept, dropped = set(), []
    for entry in medical:
        word = entry.lower()
        if not word or any(ch.isspace() for ch in word):
            continue  # a source's header or licence text, not a word
        if (word in english or word in scowl_large or not word.isalpha() or len(word) < 5 or entry[:1].isupper()
                or LATIN_OR_CHEMICAL.search(word)):
            kept.add(word)
            continue
        near = sorted(n for n in edits1(word) if n in common)
        if near and not any(n + "s" == word or word + "s" == n for n in near):
            dropped.append(f"{word}\t{near[0]}")
        else:
            kept.add(word)
    return kept, sorted(dropped)


def write(name: str, words: set[str]) -> None:
    data = "\n".join(sorted(words)).encode("utf-8") + b"\n"
    with gzip.GzipFile(OUT / name, "wb", mtime=0) as handle:
        handle.write(data)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    english_freq = pyspellchecker_english()
    us, gb = ({w.lower() for w in words_of(SCOWL[v])} for v in ("us", "gb"))
    scowl_large = {w.lower() for path in SCOWL_LARGE for w in words_of(path)}
    english = {w.lower() for w in english_freq} | us | gb
    raw_medical = cspell_medical() | hunspell_medical()
    medical, dropped = screen(raw_medical, english_freq, scowl_large)
    medical |= {w.lower() for w in curated()}
    medical -= english
    write("english.txt.gz", english)
    write("medical.txt.gz", medical)
    write("us.txt.gz", us - gb)
    write("gb.txt.gz", gb - us)
    (OUT / "dropped.txt").write_text("# entry<TAB>the common word it is one edit from\n" + "\n".join(dropped) + "\n",
                                     encoding="utf-8")
    print(f"english {len(english):,}  medical {len(medical):,} (from {len(raw_medical):,}; {len(dropped):,} dropped)"
          f"  us-only {len(us - gb):,}  gb-only {len(gb - us):,}")


if __name__ == "__main__":
    main()
