"""Is this word known, and if not, what was meant?

The vocabulary (``data/spelling/``, built by ``scripts/build_vocabulary.py``)
is read once per process, lazily, from plain gzipped word lists: a set
lookup decides whether a word is known.  Correcting a word (only for words
that are reported) reads pyspellchecker's word frequencies to rank candidates
and measures edit distances with rapidfuzz (C++); a distinct word is judged
and corrected once per run, and a parallel run's workers share their
corrections (:class:`SharedSuggestions`).
"""
from __future__ import annotations

import functools
import gzip
import json
import math
import os
import re
from pathlib import Path
from typing import Any, Iterable, Iterator

DATA = Path(__file__).parent.parent / "data" / "spelling"

#: Prefixes medical English writes solid before any word and Hunspell's affix rules do
#: not model (its en_US rules have re-, un-, de-, dis-, in-, con-, pro-: those forms are
#: in the lists, or not at all). A word is known as one of these plus a listed word of at
#: least :data:`SOLID_REST` letters: "nonskeletal", "extraskeletal"; never with a guessed
#: suffix on top, and never "re" + "elase".
SOLID_PREFIXES = ("non", "over", "under", "extra", "intra", "inter", "multi", "semi", "pseudo", "super", "supra",
                  "ultra", "hyper", "hypo", "micro", "macro", "neuro", "cardio", "immuno", "osteo", "anti",
                  "counter", "post", "pre", "peri", "trans", "sub", "poly", "mono")
SOLID_REST = 5
#: Frequency given to medical terms for ranking suggestions: above pyspellchecker's
#: floor (rare English words), below everyday words.
MEDICAL_FREQUENCY = 60
#: How much likelier (log10) a correction is when the typo swapped two letters.
SWAP_BONUS = 2.0


class WordList:
    """A bundled word list: sorted, one word a line.

    Building a set of the 240,000 bundled words takes about 70 ms, more than
    a one-file run spends on everything else in the spelling rule, so words
    are first looked up by binary search in the list's text; after
    :attr:`SET_AFTER` lookups (a run over many files), the set is built.
    """

    SET_AFTER = 5000

    def __init__(self, text: str) -> None:
        self._text = text if text.endswith("\n") else text + "\n"
        self._set: frozenset[str] | None = None
        self._lookups = 0

    def __contains__(self, word: object) -> bool:
        if self._set is not None:
            return word in self._set
        self._lookups += 1
        if self._lookups > self.SET_AFTER:
            return word in self.as_set()
        return isinstance(word, str) and "\n" not in word and self._search(word)

    def _search(self, word: str) -> bool:
        at = self._lower_bound(word)
        return self._text.startswith(word + "\n", at)

    def _lower_bound(self, word: str) -> int:
        """The offset of the first line not less than *word* (binary search over lines)."""
        text = self._text
        lo, hi = 0, len(text)  # both at line starts
        while lo < hi:
            mid = (lo + hi) // 2
            start = text.rfind("\n", lo, mid) + 1 or lo
            end = text.find("\n", start)
            if text[start:end] < word:
                lo = end + 1
            else:
                hi = start
        return lo

    def starting_with(self, prefix: str) -> list[str]:
        """The words that begin with *prefix*, read from the sorted text."""
        return self._text[self._lower_bound(prefix):self._lower_bound(prefix + "\U0010ffff")].split()

    def has_set(self) -> bool:
        return self._set is not None

    def as_set(self) -> frozenset[str]:
        if self._set is None:
            self._set = frozenset(self._text.split())
        return self._set

    def __iter__(self) -> Iterator[str]:
        return iter(self.as_set())


@functools.lru_cache(maxsize=None)
def word_list(name: str) -> WordList:
    with gzip.open(DATA / name, "rt", encoding="utf-8") as handle:
        return WordList(handle.read())


class Speller:
    """Judges words against the bundled vocabulary and the project's own words."""

    def __init__(self, variant: str = "any", accept: Iterable[str] = (), accept_patterns: Iterable[re.Pattern[str]] = (),
                 reject: Iterable[str] = ()) -> None:
        self.variant = variant
        self.english = word_list("english.txt.gz")
        self.medical = word_list("medical.txt.gz")
        self.other_variant: WordList | frozenset[str] = (word_list("gb.txt.gz") if variant == "us" else
                                                          word_list("us.txt.gz") if variant == "gb" else frozenset())
        self.accept_exact = {w for w in accept if not w.islower()}
        self.accept_any_case = {w.lower() for w in accept if w.islower()}
        self.accept_patterns = list(accept_patterns)
        self.reject = {w.lower() for w in reject}
        self._known: dict[str, bool] = {}
        self._fine: dict[str, bool] = {}
        self._suggestions: dict[str, str | None] = {}
        self._by_start_and_length: dict[str, dict[int, list[str]]] = {}
        self._signature_text: str | None = None

    # -- knowing ----------------------------------------------------------------
    def fine(self, word: str) -> bool:
        """Not rejected, and accepted or known: the verdict on most words, remembered
        per spelling as written, since prose repeats its words."""
        verdict = self._fine.get(word)
        if verdict is None:
            verdict = self._fine[word] = not self.rejected(word) and (self.accepted(word) or self.known(word))
        return verdict

    def accepted(self, word: str) -> bool:
        """The project's own words: exact for capitalised entries, any case for lower-case ones."""
        return (word in self.accept_exact or word.lower() in self.accept_any_case
                or any(p.fullmatch(word) for p in self.accept_patterns))

    def rejected(self, word: str) -> bool:
        return word.lower() in self.reject

    def wrong_variant(self, word: str) -> bool:
        return word.lower() in self.other_variant

    def known(self, word: str) -> bool:
        """True if *word* (any case) is in the vocabulary: the bundled lists hold every
        inflected and prefixed form a dictionary's affix rules allow, so no stem is guessed
        here (``re`` + ``elase`` is not "release"); only the closed list of
        :data:`SOLID_PREFIXES` is added to whole listed words."""
        lower = word.lower()
        cached = self._known.get(lower)
        if cached is None:
            cached = self._known[lower] = self._is_known(lower)
        return cached

    def bundled_sources(self, word: str) -> list[tuple[str, bool]]:
        """For ``medlint words --trace``: each bundled list the verdict on *word* (any case)
        depends on, and whether it holds the word. The other variant's list rejects."""
        lower = word.lower()
        found = [("bundled general English list (english.txt.gz)", lower in self.english),
                 ("bundled medical list (medical.txt.gz)", lower in self.medical)]
        if self.variant != "any":
            other = "gb" if self.variant == "us" else "us"
            found.append((f"bundled {other.upper()}-only spellings ({other}.txt.gz), rejected under variant "
                          f"{self.variant}", lower in self.other_variant))
        return found

    def _in_vocabulary(self, word: str) -> bool:
        return (word in self.english or word in self.medical) and word not in self.other_variant

    def _is_known(self, word: str) -> bool:
        if word in self.other_variant:
            return False  # colour under variant: us
        if self._in_vocabulary(word) or word in self.accept_any_case:
            return True
        return any(word.startswith(prefix) and len(word) - len(prefix) >= SOLID_REST
                   and self._in_vocabulary(word[len(prefix):]) for prefix in SOLID_PREFIXES)

    # -- correcting ---------------------------------------------------------------
    def frequencies(self) -> "Frequencies":
        """pyspellchecker's English word frequencies (for ranking corrections), read once
        per process when the first word has to be corrected."""
        return _base_frequencies()

    def prepare(self) -> None:
        """Load what correcting many words needs now, so that forked workers share it
        instead of each loading it: the frequencies, the vocabulary's sets, the buckets."""
        self.frequencies().load_all()
        for source in (self.english, self.medical, self.other_variant):
            if isinstance(source, WordList):
                source.as_set()
        for letter in "abcdefghijklmnopqrstuvwxyz":
            self._bucket(letter)

    def _frequency(self, word: str) -> int:
        """A candidate's frequency as pyspellchecker's dictionary would hold it with the
        bundled words loaded into it: the project's own words and medical terms at
        :data:`MEDICAL_FREQUENCY`, English words it does not know at 50."""
        if word in self.accept_any_case:
            return MEDICAL_FREQUENCY
        base = self.frequencies()
        if word in self.english and word not in base:
            return 50
        if word in self.medical:
            return MEDICAL_FREQUENCY
        return base.get(word, 1)

    def _proposable(self, strings: set[str]) -> set[str]:
        """Those of *strings* a correction may propose: known words, not of the other
        variant (every word pyspellchecker knows is in the bundled English list)."""
        lists = (self.english, self.medical, self.other_variant)
        if all(not isinstance(words, WordList) or words.has_set() for words in lists):  # many words: set operations in C
            english, medical, other = (words.as_set() if isinstance(words, WordList) else words for words in lists)
            return ((strings & english) | (strings & medical) | (strings & self.accept_any_case)) - other
        found = {w for w in strings if w in self.english or w in self.medical or w in self.accept_any_case}
        return {w for w in found if w not in self.other_variant}

    def suggest(self, word: str) -> str | None:
        """The best correction of an unknown word, or None; computed once per distinct word
        (and, in a parallel run, once across the workers: see :data:`SHARED`)."""
        lower = word.lower()
        if lower in self._suggestions:
            return _same_case(word, self._suggestions[lower])
        key = f"{self._signature()}:{lower}"  # two spelling rules may correct differently
        shared = SHARED.get(key) if SHARED is not None else _MISSING
        if shared is not _MISSING:
            best = shared
        else:
            best = self._best(lower)
            if SHARED is not None:
                SHARED.put(key, best)
        self._suggestions[lower] = best
        return _same_case(word, best)

    def _signature(self) -> str:
        """What a correction depends on besides the word: the variant, the project's
        lower-case words (candidates) and the rejected ones."""
        if self._signature_text is None:
            import hashlib

            spec = repr((self.variant, sorted(self.accept_any_case), sorted(self.reject)))
            self._signature_text = hashlib.sha1(spec.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        return self._signature_text

    def _best(self, lower: str) -> str | None:
        from rapidfuzz.distance import OSA

        if self.wrong_variant(lower):
            return _counterpart(lower, self)
        candidates = {c for c in self._proposable(_edits1(lower, _letters_of_frequencies()))
                      if c != lower and c not in self.reject}
        if not candidates:
            candidates = {c for c in self._within_two(lower) if c not in self.reject}
        if not any(ch in lower for ch in "'-"):
            candidates = {c for c in candidates if c.isalpha()}  # no "it'll" for "itill"
        # Fewest edits first; among equals, the likeliest word: its frequency (log scale),
        # a hundredfold more likely when the slip is a swap of two letters, the commonest.
        return min(candidates, key=lambda c: (
            OSA.distance(lower, c),
            -(math.log10(self._frequency(c) or 1) + (SWAP_BONUS if sorted(c) == sorted(lower) else 0.0)),
            c), default=None)

    def _bucket(self, first: str) -> dict[int, list[str]]:
        """Known words starting with *first*, by length: built per letter when a
        suggestion needs it, not for the whole vocabulary."""
        if first not in self._by_start_and_length:
            bucket: dict[int, list[str]] = {}
            words = set()
            for source in (self.english, self.medical):
                words.update(source.starting_with(first) if isinstance(source, WordList)
                             else (w for w in source if w.startswith(first)))
            for word in sorted(words):
                if word not in self.other_variant and word.isalpha():
                    bucket.setdefault(len(word), []).append(word)
            self._by_start_and_length[first] = bucket
        return self._by_start_and_length[first]

    def _within_two(self, word: str) -> list[str]:
        """Words within two edits (optimal string alignment), among the known words with
        the same first letter and a length within two: rapidfuzz measures each in C++,
        where generating every two-edit string (as pyspellchecker does) costs up to a
        second for a long word."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        bucket = self._bucket(word[:1])
        found: list[str] = []
        for length in range(len(word) - 2, len(word) + 3):
            words = bucket.get(length)
            if words:
                found += [c for c, _, _ in process.extract(word, words, scorer=OSA.distance, score_cutoff=2,
                                                               limit=None)]
        return found


#: A stand-in for "no answer yet" (None is an answer: no correction).
_MISSING: Any = object()


class SharedSuggestions:
    """Corrections shared by the worker processes of one run, so a word is corrected
    once per run, not once per worker.

    An append-only file: a worker appends ``word<TAB>correction`` in one ``write``
    (atomic for short lines opened with ``O_APPEND``) and reads what the others
    appended since it last looked, before correcting a word itself.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._fd: int | None = None
        self._pid = 0
        self._seen: dict[str, str | None] = {}
        self._offset = 0

    def _file(self) -> int:
        if self._fd is None or self._pid != os.getpid():  # a forked worker opens its own
            self._fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
            self._pid = os.getpid()
        return self._fd

    def get(self, word: str) -> Any:
        """The correction another worker found for *word* (None for none), or :data:`_MISSING`."""
        if word not in self._seen:
            fd = self._file()
            size = os.fstat(fd).st_size
            if size > self._offset:
                data = os.pread(fd, size - self._offset, self._offset)
                complete = data.rfind(b"\n") + 1
                for line in data[:complete].decode("utf-8", "surrogatepass").splitlines():
                    key, _, value = line.partition("\t")
                    self._seen[key] = value or None
                self._offset += complete
        return self._seen.get(word, _MISSING)

    def put(self, word: str, best: str | None) -> None:
        self._seen[word] = best
        if "\n" not in word and "\t" not in word:
            os.write(self._file(), f"{word}\t{best or ''}\n".encode("utf-8", "surrogatepass"))


#: The corrections shared by the workers of the current parallel run (set by the pipeline before forking).
SHARED: SharedSuggestions | None = None


_COUNT = re.compile(r"\d+")


class Frequencies:
    """pyspellchecker's English word frequencies, from its ``en.json.gz``.

    Parsing the whole file takes most of a second, more than a one-file run
    spends on everything else; the file has one ``"word": count`` a line, sorted,
    so the first :attr:`PARSE_AFTER` words are found by binary search in its text
    and only a run that corrects many words parses it (or :meth:`load_all`,
    before forking workers).
    """

    PARSE_AFTER = 3000
    #: The letters of its words (ASCII, the apostrophe, a few accented): candidates for edits.
    LETTERS = "'abcdefghijklmnopqrstuvwxyz\u00e0\u00e1\u00e2\u00e4\u00e5\u00e7\u00e8\u00e9\u00ea\u00eb\u00ed\u00ef\u00f1\u00f3\u00f4\u00f6\u00fb\u00fc"

    def __init__(self, text: str) -> None:
        self._text = text
        self._data: dict[str, int] | None = None
        self._lookups = 0

    def load_all(self) -> dict[str, int]:
        if self._data is None:
            data: dict[str, int] = json.loads(self._text)
            if any(not key.islower() for key in data if key.isalpha()):  # its keys are lower case today
                data = {key.lower(): value for key, value in data.items()}
            self._data = data
        return self._data

    def get(self, word: str, default: int | None = None) -> int | None:
        if self._data is None:
            self._lookups += 1
            if self._lookups <= self.PARSE_AFTER and "\"" not in word and "\n" not in word:
                return self._search(word, default)
        return self.load_all().get(word, default)

    def _search(self, word: str, default: int | None) -> int | None:
        """Binary search over the file's lines, each ``"key": count,``, between ``{`` and ``}``."""
        text = self._text
        lo, hi = text.find("\n") + 1, text.rfind("\n", 0, len(text.rstrip())) + 1  # first and after last key line
        while lo < hi:
            mid = (lo + hi) // 2
            start = text.rfind("\n", lo, mid) + 1 or lo
            end = text.find("\n", start)
            if text[start + 1:text.find('"', start + 1)] < word:
                lo = end + 1
            else:
                hi = start
        key = f'"{word}": '
        if not text.startswith(key, lo):
            return default
        count = _COUNT.match(text, lo + len(key))
        return int(count.group()) if count else default

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def letters(self) -> str:
        """The letters its words are made of, read from the file (:data:`LETTERS` is the constant)."""
        return "".join(sorted(set(self._text) - set('\n": ,{}0123456789\\')))


@functools.lru_cache(maxsize=1)
def _base_frequencies() -> Frequencies:
    import spellchecker

    resource = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    with gzip.open(resource, "rt", encoding="utf-8") as handle:
        return Frequencies(handle.read())


def _letters_of_frequencies() -> str:
    return Frequencies.LETTERS


def _edits1(word: str, letters: str) -> set[str]:
    """Every string one deletion, swap of neighbours, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in letters)
    out.update(a + c + b for a, b in splits for c in letters)
    return out


def _same_case(word: str, suggestion: str | None) -> str | None:
    if suggestion and word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


_VARIANT_RULES = [("our", "or"), ("ise", "ize"), ("isation", "ization"), ("yse", "yze"), ("tre", "ter"),
                  ("ae", "e"), ("oe", "e"), ("ll", "l"), ("ogue", "og"), ("ence", "ense")]


def _counterpart(word: str, speller: Speller) -> str | None:
    """The other variant's spelling of a US-only or GB-only word (colour -> color)."""
    to_us = speller.variant == "us"
    for gb, us in _VARIANT_RULES:
        old, new = (gb, us) if to_us else (us, gb)
        start = word.find(old)
        while start >= 0:
            candidate = word[:start] + new + word[start + len(old):]
            if speller._in_vocabulary(candidate):
                return candidate
            start = word.find(old, start + 1)
    return None
