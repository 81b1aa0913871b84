"""Is this word known, and if not, what was meant?

The vocabulary (``data/spelling/``, built by ``scripts/build_vocabulary.py``)
is read once per process, lazily, from plain (uncompressed) word lists and
sharded ones (:mod:`.shards`): a lookup decides whether a word is known.  Correcting a word (only for words
that are reported) reads pyspellchecker's word frequencies to rank candidates
and measures edit distances with rapidfuzz (C++); a distinct word is judged
and corrected once per run, and a parallel run's workers share their
corrections (:class:`SharedSuggestions`).
"""
from __future__ import annotations

import functools
import json
import math
import os
import re
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .shards import key as shard_key

DATA = Path(__file__).parent.parent / "data" / "spelling"

#: Prefixes medical English writes solid before any word and Hunspell's affix rules do
#: not model (its en_US rules have re-, un-, de-, dis-, in-, con-, pro-: those forms are
#: in the lists, or not at all). A word is known as one of these plus a listed word of at
#: least :data:`SOLID_REST` letters: "nonskeletal", "extraskeletal"; never with a guessed
#: suffix on top, and never "re" + "elase".
SOLID_PREFIXES = ("non", "un", "over", "under", "extra", "intra", "inter", "multi", "semi", "pseudo", "super", "supra",
                  "ultra", "hyper", "hypo", "micro", "macro", "neuro", "cardio", "immuno", "osteo", "anti",
                  "counter", "post", "pre", "peri", "trans", "sub", "poly", "mono")
SOLID_REST = 5
#: Combining forms of science and medicine written solid before a longer word (dimethylated,
#: bistability, cytoadhesion, heterodimeric, otoprotective, nutrigenomic): known only before a
#: listed word of at least :data:`LONG_REST` letters, since two letters before a short word make
#: typos (di + cease). Not forms that begin many common words less a letter (up-: "upporting").
SCIENCE_PREFIXES = ("bi", "di", "tri", "tetra", "cyto", "hetero", "homo", "cross", "down", "co", "dys",
                    "oto", "nutri", "lipo", "glyco", "myo", "angio", "onco", "nephro", "hepato", "gastro", "entero",
                    "pharmaco", "toxico")
LONG_REST = 7
#: Prefixes of verbs and their nouns (reweighted, resupplementation, misformatted,
#: mischaracterization) that Hunspell's rules give only some words: known only before a
#: listed word of at least :data:`VERB_REST` letters, where a slip seldom lands on a word
#: (``re`` + ``elase`` is a slip of release).
VERB_PREFIXES = ("re", "mis")
VERB_REST = 8
#: Endings of verbs in -e of science whose -ed and -ing forms the lists lack (genotype is
#: only a noun in en_US; methylate, hydrolyse in the flat medical list); no other endings.
VERB_E_ENDINGS = ("ype", "ate", "ise", "ize", "yse", "yze")
#: Endings of nouns whose plural is the noun and ``s`` (confounders, irradiances), for
#: the medical lists' nouns, which are listed without their plurals.  Never after other
#: endings: ``cele`` + ``s`` is a typo of cells.
PLURAL_AFTER = ("er", "or", "ance", "ence", "ant", "ent", "ist", "ion", "in", "ide", "ate", "yte", "ome", "gen",
                "ase", "ogen", "oid", "ule", "tile")  # tile: quantiles, tertiles, centiles
#: Endings of nouns known in the singular when a medical or scientific list holds only their
#: plural (metalloproteinase of metalloproteinases, trichogram of trichograms): a flat list
#: often lists a term in one number only.  Not a word in -in that is an -ing word less its g
#: (``selectin``: the slip of selecting is as likely as the protein).
SINGULAR_ENDINGS = PLURAL_AFTER + ("gram", "graph", "cyte", "some", "ane")
#: A plural formed on a flat list's term is not known when a word pyspellchecker counts this
#: often is one edit from it (the build's screen of the medical terms uses the same count).
FREQUENT_NEIGHBOUR = 3000
#: Endings of the Latin epithets that fill the scientific list, which take no English plural.
LATIN_ENDINGS = ("i", "ae", "us", "um", "is", "a", "ii")
ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: The ending of adjectives in -ological that US medical writing shortens (neurologic,
#: rheumatologic, immunologic): known where the -ological form is listed.
OLOGIC = "ologic"
#: Frequency given to medical terms for ranking suggestions: above pyspellchecker's
#: floor (rare English words), below everyday words.
MEDICAL_FREQUENCY = 60
#: How much likelier (log10) a correction is when the slip kept every letter typed: two
#: neighbours swapped (``hopsital``) or a doubled letter written once or thrice (``speling``).
SWAP_BONUS = 2.0
#: How much likelier (log10) a correction is when the slip only left something out: a
#: letter (``hospial``) or a space (``teatowel``).  A slip that adds or changes a letter
#: had 26 letters to choose from, so each such slip is 26 times less likely.
OMISSION_BONUS = math.log10(26)
_DOUBLED = re.compile(r"(.)\1+")
#: log10 of the total count of pyspellchecker's English frequencies (0.9.1): a word's
#: count over it is its probability, for scoring two words as a pair (a split).
LOG_TOTAL = 9.2166
#: How far ahead (log10 of the likelihood) the best correction must be of the next
#: one-edit candidate to be offered as a fix: ten times likelier.  See :meth:`Speller.suggestions`.
MARGIN = 1.0
#: A correction is a fix only if it is a word pyspellchecker counted at least this often,
#: or the word is at least :data:`LONG` letters long: a word that is only a list entry
#: (a rare medical term) next to a short unknown word is as likely a coincidence
#: (quinoa next to quina) as the word meant, while long words have few neighbours.
COMMON = 100
LONG = 8
#: Below this length an unknown word is a fix only for a slip that kept every letter.
SHORT = 5
#: Each part of a split suggestion (``alot`` -> ``a lot``) is a word of three letters or
#: more counted at least this often, or one of :data:`_SHORT_WORDS`.
SPLIT_COMMON = 10_000
#: The short words a split may give: function words (never "ho", "pro to").
_SHORT_WORDS = frozenset(("a", "an", "as", "at", "be", "by", "do", "he", "if", "in", "is", "it", "me", "my", "no",
                          "of", "on", "or", "so", "to", "up", "us", "we"))
#: Second parts that make a real closed compound or derivative, never split off (unitless, clockwise).
_SUFFIX_WORDS = frozenset(("less", "like", "wise", "ward", "wards", "fold", "ship", "hood", "able", "proof", "some",
                           "worthy", "ness", "ful", "free", "man", "men"))


#: Latin letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ı": "i", "ð": "d",
                               "þ": "th"})


def fold_accents(word: str) -> str:
    """*word* without its accents (``Jørgensen`` -> ``Jorgensen``, ``naïve`` -> ``naive``)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", word.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class WordList:
    """A bundled word list: sorted, one word a line.

    Building a set of the 240,000 bundled words takes about 70 ms, more than
    a one-file run spends on everything else in the spelling rule, so words
    are first looked up by binary search in the list's text; after
    :attr:`INDEX_AFTER` lookups (a long page), by a sparse index of the text
    (the first word after every :attr:`INDEX_STEP` characters: about a
    millisecond to build) and one substring search in the few lines between
    two of its words; after :attr:`SET_AFTER` lookups (a run over many
    files), the set is built.
    """

    INDEX_AFTER = 200
    INDEX_STEP = 2048
    SET_AFTER = 5000

    def __init__(self, text: str = "", load: Callable[[], str] | None = None) -> None:
        #: With *load*, the text is read on the first lookup (a page may never consult a list:
        #: decompressing the medical one took about 4 ms of a one-file run that did not).
        self._load = load
        self._raw: str | None = None if load is not None else text if text.endswith("\n") else text + "\n"
        self._set: frozenset[str] | None = None
        self._lookups = 0
        #: (words, their offsets): the sparse index, once built.
        self._index: tuple[list[str], list[int]] | None = None

    def __contains__(self, word: object) -> bool:
        if self._set is not None:
            return word in self._set
        self._lookups += 1
        if self._lookups > self.SET_AFTER:
            return word in self.as_set()
        if not isinstance(word, str) or "\n" in word:
            return False
        if self._lookups > self.INDEX_AFTER and word:
            return self._indexed(word)
        return self._search(word)

    @property
    def _text(self) -> str:
        if self._raw is None:
            text = self._load() if self._load is not None else ""
            self._raw = text if text.endswith("\n") else text + "\n"
        return self._raw

    def _search(self, word: str) -> bool:
        at = self._lower_bound(word)
        return self._text.startswith(word + "\n", at)

    def _indexed(self, word: str) -> bool:
        """Whether *word* is a line of the text, found by the sparse index. The text is sorted:
        a line equal to *word* lies between the index's last word not above it and the next."""
        import bisect

        if self._index is None:
            self._index = self._sparse_index()
        words, offsets = self._index
        j = bisect.bisect_right(words, word) - 1
        if j < 0:
            return False  # before the first word
        if words[j] == word:
            return True
        end = offsets[j + 1] if j + 1 < len(offsets) else len(self._text)
        # (The line is after offsets[j], so the newline before it is at offsets[j] or later.)
        return self._text.find("\n" + word + "\n", offsets[j], end) >= 0

    def _sparse_index(self) -> tuple[list[str], list[int]]:
        """The first word at or after every :attr:`INDEX_STEP` characters, with its offset."""
        text, words, offsets = self._text, [], []
        at = 0
        while at < len(text):
            end = text.find("\n", at)
            words.append(text[at:end])
            offsets.append(at)
            at = text.find("\n", max(end, at + self.INDEX_STEP)) + 1
            if at <= 0:
                break
        return words, offsets

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
    """A bundled list, read when first consulted. The lists ship uncompressed: reading the
    2 MB English list takes well under a millisecond, decompressing it took about 10."""
    def load() -> str:
        return (DATA / name).read_text(encoding="utf-8")

    return WordList(load=load)


class ShardedWordList:
    """A big bundled list stored in shards by first two letters (:mod:`.shards`): only the
    shards of the words looked up are decompressed (the whole science list would take
    about 100 ms to read, a one-file run's budget; its one-letter shards took 1-6 ms each)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._shards: dict[str, WordList | None] = {}
        self._data: bytes | None = None
        self._spans: dict[str, tuple[int, int]] = {}
        #: Each word looked up, and the answer: a run over many files asks about the same
        #: words hundreds of thousands of times, and a shard answers by binary search until
        #: its own lookups pass :attr:`WordList.SET_AFTER` (a set per shard for every shard
        #: touched would hold the whole list: 50 MB more for a site's run).
        self._answers: dict[str, bool] = {}

    def _shard(self, word: str) -> WordList | None:
        name = shard_key(word)
        shard = self._shards.get(name, _NO_SHARD)
        return self._load(name) if shard is _NO_SHARD else shard

    def _load(self, name: str) -> WordList | None:
        """The shard *name*, decompressed (None when the list has no such shard)."""
        if self._data is None:
            from .shards import decode_header

            self._data = self._path.read_bytes()
            self._spans = decode_header(self._data)
        span = self._spans.get(name)
        shard = None
        if span is not None:
            import zlib

            shard = _ShardWords(zlib.decompress(self._data[span[0]:span[1]]).decode("utf-8"))
        self._shards[name] = shard
        return shard

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        known = self._answers.get(word)
        if known is None:
            shard = self._shard(word)
            known = self._answers[word] = shard is not None and word in shard
        return known


class _ShardWords(WordList):
    """A shard's words: looked up by the sparse index from the first lookup. A shard is a few
    kilobytes, so its index is a few entries built in microseconds, where a binary search over
    its lines (a plain list's first lookups) costs more each time; a run looks up hundreds of
    shards, each far fewer times than a plain list is."""

    INDEX_AFTER = 0


#: What :meth:`ShardedWordList._shard` finds for a shard not read yet.
_NO_SHARD = WordList("")


@functools.lru_cache(maxsize=None)
def sharded_word_list(name: str) -> ShardedWordList:
    return ShardedWordList(DATA / name)


@functools.lru_cache(maxsize=1)
def _screened() -> tuple[frozenset[str], frozenset[str]]:
    """The entries the build screened out of the lists (``dropped.txt``, ``dropped-extra.txt``):
    (common misspellings, medical and scientific entries one edit from a frequent word);
    read once, and only when an unknown word reaches a rule that asks."""
    misspelt, near = set(), set()
    for name in ("dropped.txt", "dropped-extra.txt"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            word, _, why = line.partition("\t")
            if why.startswith("a common misspelling"):
                misspelt.add(word)
            elif why.startswith("one edit from") and "(software" not in why:
                near.add(word)
    return frozenset(misspelt), frozenset(near)


def screened_misspellings() -> frozenset[str]:
    """Entries screened out as common misspellings (codespell's list): never formed by a rule."""
    return _screened()[0]


def screened_terms() -> frozenset[str]:
    """Medical and scientific entries screened out for standing one edit from a frequent word
    (``spina`` from spinal, ``substantia`` from substantial; see :meth:`Speller.screened_term`)."""
    return _screened()[1]


class Speller:
    """Judges words against the bundled vocabulary and the project's own words."""

    def __init__(self, variant: str = "any", accept: Iterable[str] = (), accept_patterns: Iterable[re.Pattern[str]] = (),
                 reject: Iterable[str] = (), software: bool = True) -> None:
        self.variant = variant
        self.english = word_list("english.txt")
        self.medical = word_list("medical.txt")
        self.software = software
        self.other_variant: WordList | frozenset[str] = (word_list("gb.txt") if variant == "us" else
                                                          word_list("us.txt") if variant == "gb" else frozenset())
        self.accept_exact = {w for w in accept if not w.islower()}
        self.accept_any_case = {w.lower() for w in accept if w.islower()}
        self.accept_patterns = list(accept_patterns)
        self.reject = {w.lower() for w in reject}
        self._known: dict[str, bool] = {}
        self._fine: dict[str, bool] = {}
        self._suggestions: dict[str, Suggestion] = {}
        self._by_start_and_length: dict[str, dict[int, list[str]]] = {}
        #: The known words holding a letter that one-edit candidates never hold (see :meth:`_unusual_letter_near`).
        self._unusual: tuple[str, ...] | None = None
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
        found = [("bundled general English list (english.txt)", lower in self.english),
                 ("bundled medical list (medical.txt)", lower in self.medical),
                 ("bundled scientific terms (science.shards)", lower in sharded_word_list("science.shards")),
                 ("bundled rare words: English, gene names (rare.shards)", lower in sharded_word_list("rare.shards"))]
        if self.software:
            found.append(("bundled software terms (software.txt)", lower in word_list("software.txt")))
        if not any(held for _, held in found) and lower not in self.other_variant:
            how = self.formed_by_rule(lower)
            found.append((f"formed from a listed word: {how}" if how else "formed from a listed word (a prefix, "
                          "plural or ending the rule knows)", how is not None))
        if self.variant != "any":
            other = "gb" if self.variant == "us" else "us"
            found.append((f"bundled {other.upper()}-only spellings ({other}.txt), rejected under variant "
                          f"{self.variant}", lower in self.other_variant))
        return found

    def screened_term(self, word: str) -> bool:
        """Whether a medical or scientific list holds *word* (any case) but the build screened
        it out for its closeness to a frequent word (see :func:`screened_terms`)."""
        return word.lower() in screened_terms()

    def term_only(self, word: str) -> bool:
        """Whether *word* (any case) is a term of the medical or scientific lists that general
        English lacks (``bifida``, ``nigra``), or a screened one (``sensu``)."""
        lower = word.lower()
        if lower in self.english:
            return False
        return lower in self.medical or lower in sharded_word_list("science.shards") or lower in screened_terms()

    def near_term(self, word: str) -> bool:
        """Whether a medical or scientific term (a species epithet, say) is one edit from
        *word* (any case): ``euteri`` of ``reuteri``. Those lists are never proposed as
        corrections, so this is asked where a slip of a rare term matters."""
        lower = word.lower()
        science = sharded_word_list("science.shards")
        return any(c in self.medical or c in science for c in _edits1(lower, "abcdefghijklmnopqrstuvwxyz") if c != lower)

    def _in_vocabulary(self, word: str) -> bool:
        """In a bundled list and not of the other variant. The scientific and software
        terms are read only for words the general and medical lists lack, and are never
        proposed as corrections (see :meth:`_proposable`): a typo is not corrected to a
        rare species epithet or a function name."""
        if word in self.other_variant:
            return False
        return (word in self.english or word in self.medical or word in sharded_word_list("science.shards")
                or (self.software and word in word_list("software.txt")))

    def _is_known(self, word: str) -> bool:
        if word in self.other_variant:
            return False  # colour under variant: us
        if self._in_vocabulary(word) or word in self.accept_any_case:
            return True
        if word in sharded_word_list("rare.shards"):
            return True  # rare English words are known as listed, never a base for a rule: "reformate" + "d"
        return self.formed_by_rule(word) is not None

    def _flat_plural(self, word: str) -> bool:
        """Whether *word* is ``s`` after a term of a flat list (medical, scientific or software
        terms: no affix rules say which plural they take; ``tradeoffs``, ``listservs``) and
        no frequent word is one edit from it (``celes`` is a slip of cells)."""
        stem = word[:-1]
        if not (stem in self.medical or (stem in sharded_word_list("science.shards") and not stem.endswith(LATIN_ENDINGS))
                or (self.software and stem in word_list("software.txt"))):
            return False  # a species epithet (tasmani) takes no English plural: "Tasmanis" is a slip
        if stem in self.other_variant or word in screened_misspellings():
            return False
        counts = self.frequencies()  # asked only of the few known words one edit away, as a suggestion does
        near = self._proposable(_edits1(word, ASCII_LETTERS)) - {stem, word}
        return not any((counts.get(n) or 0) >= FREQUENT_NEIGHBOUR for n in near)

    def _lists_plural(self, word: str) -> bool:
        """Whether a medical or scientific list holds *word* + ``s`` (see :data:`SINGULAR_ENDINGS`)."""
        if word.endswith("in") and self._in_vocabulary(word + "g"):
            return False
        if word in screened_misspellings():
            return False  # "definate": the build screened it out, whatever number a list holds it in
        plural = word + "s"
        return plural not in self.other_variant and (plural in self.medical or plural in sharded_word_list("science.shards"))

    def formed_by_rule(self, word: str) -> str | None:
        """How *word* (lower case, in no list) is formed from a listed word, for
        :meth:`known` and ``medlint words --trace``; None if it is not."""
        if not word.isascii():  # naïve, Jørgensen, café: a known word written with its accents
            folded = fold_accents(word)
            if folded != word and folded.isascii() and self._is_known(folded):
                return f"'{folded}' written with its accents"
        if len(word) > 7 and word.endswith(("ed", "ing")):  # genotyped, genotyping of genotype
            stem = word[:-1] if word.endswith("ed") else word[:-3] + "e"
            if stem.endswith(VERB_E_ENDINGS) and self._in_vocabulary(stem):
                return f"a form of the verb '{stem}'"
        if word.endswith("emic") and len(word) > 6 and self._in_vocabulary(word[:-1] + "a"):
            return f"the adjective of '{word[:-1]}a'"  # calcemic of calcemia, as anemic of anemia
        if word.endswith(OLOGIC) and len(word) > 9 and self._in_vocabulary(word + "al"):
            return f"the US short form of '{word}al'"  # rheumatologic, as neurologic of neurological
        if word.endswith("s") and len(word) > 6 and word[:-1].endswith(PLURAL_AFTER) and self._in_vocabulary(word[:-1]):
            return f"the plural of '{word[:-1]}'"
        if len(word) > 6 and word.endswith(SINGULAR_ENDINGS) and self._lists_plural(word):
            return f"the singular of '{word}s'"
        if word.endswith("s") and len(word) > SHORT and self._flat_plural(word):
            return f"the plural of '{word[:-1]}', listed in the singular only"
        for prefixes, rest in ((SOLID_PREFIXES, SOLID_REST), (SCIENCE_PREFIXES, LONG_REST),
                               (VERB_PREFIXES, VERB_REST)):
            if not word.startswith(prefixes):
                continue  # (most words: one test for the whole group)
            for prefix in prefixes:
                if word.startswith(prefix) and len(word) - len(prefix) >= rest and self._in_vocabulary(word[len(prefix):]):
                    return f"'{prefix}-' and '{word[len(prefix):]}'"
        return None

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
        """The correction of an unknown word to offer as a fix, or None when not sure."""
        return self.suggestions(word).fix

    def suggestions(self, word: str) -> "Suggestion":
        """The likeliest corrections of an unknown word, and whether the first is sure;
        computed once per distinct word (and, in a parallel run, once across the
        workers: see :data:`SHARED`)."""
        lower = word.lower()
        if len(lower) > MAX_SUGGESTED_LENGTH:
            return Suggestion((), False)  # no word is this long: a run of letters, not a slip
        found = self._suggestions.get(lower)
        if found is None:
            key = f"{self._signature()}:{lower}"  # two spelling rules may correct differently
            shared = SHARED.get(key) if SHARED is not None else _MISSING
            if shared is not _MISSING:
                found = shared
            else:
                found = self._rank(lower)
                if SHARED is not None:
                    found = _shared_when_complete(SHARED, key, found)
            self._suggestions[lower] = found
        return found.in_case_of(word)

    def _signature(self) -> str:
        """What a correction depends on besides the word: the variant, the project's
        lower-case words (candidates) and the rejected ones."""
        if self._signature_text is None:
            import hashlib

            spec = repr((self.variant, sorted(self.accept_any_case), sorted(self.reject)))
            self._signature_text = hashlib.sha1(spec.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        return self._signature_text

    def _best(self, lower: str) -> str | None:
        """The first-ranked correction, sure or not (for measuring)."""
        ranked = self._rank(lower).candidates
        return ranked[0] if ranked else None

    def _score(self, word: str, candidate: str) -> float:
        """How likely (log10) *candidate* is the word meant, as a noisy channel: the
        candidate's frequency (a split: the pair's, as two independent words, with the
        article "a" taken as given: it is the word most often run on, alot, abit), plus
        :data:`SWAP_BONUS` or :data:`OMISSION_BONUS` for the likelier slips."""
        slip = _slip(word, candidate)
        if slip == "space":
            left, right = candidate.split()
            counts = self.frequencies()
            pair = math.log10(counts.get(right) or 1)
            if left != "a":
                pair += math.log10(counts.get(left) or 1) - LOG_TOTAL
            return pair + OMISSION_BONUS
        bonus = SWAP_BONUS if slip == "kept" else OMISSION_BONUS if slip == "omission" else 0.0
        return math.log10(self._frequency(candidate) or 1) + bonus

    def _rank(self, lower: str) -> "Suggestion":
        """Candidates best first, and whether the best is sure enough to be a fix.

        Ranked by edit distance (optimal string alignment; a split is one edit), then by
        :meth:`_score`.  The best is *sure* when it is one edit away, every other
        one-edit candidate is at least :data:`MARGIN` behind it, and it is a counted
        word (:data:`COMMON`) or the word is :data:`LONG`; a split only after a short
        function word (alot, infact: two content words written as one are as often a
        closed compound the vocabulary lacks, homebound, heatmap, as a slip, so teatowel's
        split is listed, not a fix); a word shorter than
        :data:`SHORT` letters only for a swap, a doubled letter or a split (a short word
        with a letter missing is as often an abbreviation: rel, vit).  Two edits are
        never sure: a single slip is one edit, and an unknown word two edits from a
        known one is more often a word the vocabulary lacks (gliptins, glinting).
        So a word with no candidate one edit away gets its two-edit candidates when they
        are first asked for (see :class:`Suggestion`).
        """
        if self.wrong_variant(lower):
            counterpart = _counterpart(lower, self)
            return Suggestion((counterpart,), True) if counterpart else Suggestion((), False)
        candidates = {c for c in self._proposable(_edits1(lower, _letters_of_frequencies()))
                      if c != lower and c not in self.reject}
        candidates.update(self._splits(lower))
        if not candidates:
            if not self._unusual_letter_near(lower):
                # No known word one edit away: not sure, whatever lies two edits away.
                return Suggestion(sure=False, later=lambda: self._ranked(lower, self._two_edits(lower)).candidates)
            candidates = self._two_edits(lower)
        return self._ranked(lower, candidates)

    def _two_edits(self, lower: str) -> set[str]:
        """The candidates two edits away (see :meth:`_within_two`), the rejected words left out."""
        return {c for c in self._within_two(lower) if c not in self.reject}

    def _unusual_letter_near(self, lower: str) -> bool:
        """Whether a known word holding a letter :func:`_edits1` does not write (``ø``, ``ã``,
        a capital) is at most one edit from *lower*: the one kind of word one edit away that
        the search of :meth:`_rank` misses and :meth:`_within_two` finds, so the only way a
        word with no one-edit candidate there could still get a sure correction."""
        from rapidfuzz.distance import OSA

        if self._unusual is None:
            letters = set(_letters_of_frequencies())
            self._unusual = (_unusual_words("english.txt") + _unusual_words("medical.txt")
                             + tuple(sorted(w for w in self.accept_any_case if w.isalpha() and not set(w) <= letters)))
        return any(abs(len(w) - len(lower)) <= 1 and OSA.distance(lower, w, score_cutoff=1) <= 1
                   for w in self._unusual)

    def _ranked(self, lower: str, candidates: set[str]) -> "Suggestion":
        """*candidates* of *lower* scored and ranked, and whether the best is sure (see :meth:`_rank`)."""
        from rapidfuzz.distance import OSA

        if not any(ch in lower for ch in "'-"):
            candidates = {c for c in candidates if c.replace(" ", "").isalpha()}  # no "it'll" for "itill"
        if not candidates:
            return Suggestion((), False)
        scored = sorted(((1 if " " in c else OSA.distance(lower, c), -self._score(lower, c), c) for c in candidates))
        best = scored[0]
        runner_up = scored[1] if len(scored) > 1 else None
        sure = (best[0] == 1
                and (runner_up is None or runner_up[0] > 1 or runner_up[1] - best[1] >= MARGIN)
                and (best[2].split()[0] in _SHORT_WORDS if " " in best[2]
                     else (self.frequencies().get(best[2]) or 0) >= COMMON or len(lower) >= LONG)
                and (len(lower) >= SHORT or _slip(lower, best[2]) in ("kept", "space")))
        return Suggestion(tuple(c for _, _, c in scored[:3]), sure)

    def _splits(self, lower: str) -> list[str]:
        """Two common words run together (``alot``, ``teatowel``): each part a short
        function word or counted at least :data:`SPLIT_COMMON` times, and the second not a
        suffix-like word that makes a real compound (unitless)."""
        if len(lower) < 4 or not lower.isalpha():
            return []
        counts = self.frequencies()
        found = []
        for i in range(1, len(lower)):
            left, right = lower[:i], lower[i:]
            if all(part in _SHORT_WORDS or (len(part) >= 3 and (counts.get(part) or 0) >= SPLIT_COMMON
                                             and part not in self.reject) for part in (left, right)) \
                    and right not in _SUFFIX_WORDS:
                found.append(f"{left} {right}")
        return found

    def _bucket(self, first: str) -> dict[int, list[str]]:
        """Known words (the project's own among them) starting with *first*, by length:
        built per letter when a suggestion needs it, not for the whole vocabulary."""
        if first not in self._by_start_and_length:
            bucket: dict[int, list[str]] = {}
            words = set()
            for source in (self.english, self.medical, self.accept_any_case):
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


#: A stand-in for "no answer yet".
_MISSING: Any = object()


#: Words longer than this get no suggestion: the longest dictionary words are about 30
#: letters, and the candidate search on a pasted run of thousands of letters ran out of memory.
MAX_SUGGESTED_LENGTH = 40


class Suggestion:
    """Up to three corrections of an unknown word, best first; *sure* when the first is
    clearly ahead (see :meth:`Speller._rank`) and may be offered as a fix.

    The candidates may be given as *later*, a function computing them on first use: a word
    with no known word one edit away is never sure, and most such words are only asked
    whether they are (see :meth:`Speller._rank`), so the dear search two edits away runs
    only for those whose candidates are shown."""

    __slots__ = ("_candidates", "sure", "_later")

    def __init__(self, candidates: tuple[str, ...] = (), sure: bool = False,
                 later: Callable[[], tuple[str, ...]] | None = None) -> None:
        self._candidates = candidates
        self.sure = sure
        self._later = later

    @property
    def candidates(self) -> tuple[str, ...]:
        if self._later is not None:
            self._candidates, self._later = self._later(), None
        return self._candidates

    @property
    def complete(self) -> bool:
        """Whether the candidates are known already (none left to compute)."""
        return self._later is None

    @property
    def fix(self) -> str | None:
        return self.candidates[0] if self.sure and self.candidates else None

    def in_case_of(self, word: str) -> "Suggestion":
        """The same corrections, capitalised like *word* (computed when first asked for)."""
        if not word[:1].isupper():
            return self
        if self._later is not None:
            return Suggestion(sure=self.sure,
                              later=lambda: tuple(_same_case(word, c) or c for c in self.candidates))
        return Suggestion(tuple(_same_case(word, c) or c for c in self.candidates), self.sure)

    def encode(self) -> str:
        return ("1" if self.sure else "0") + "|".join(self.candidates)

    @classmethod
    def decode(cls, text: str) -> "Suggestion":
        return cls(tuple(c for c in text[1:].split("|") if c), text[:1] == "1")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Suggestion):
            return NotImplemented
        return (self.candidates, self.sure) == (other.candidates, other.sure)

    def __hash__(self) -> int:
        return hash((self.candidates, self.sure))

    def __repr__(self) -> str:
        return f"Suggestion(candidates={self.candidates!r}, sure={self.sure!r})"


class SharedSuggestions:
    """Corrections shared by the worker processes of one run, so a word is corrected
    once per run, not once per worker.

    An append-only file: a worker appends ``word<TAB>suggestion`` (see
    :meth:`Suggestion.encode`) in one ``write``
    (atomic for short lines opened with ``O_APPEND``) and reads what the others
    appended since it last looked, before correcting a word itself.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._fd: int | None = None
        self._pid = 0
        self._seen: dict[str, Suggestion] = {}
        self._offset = 0

    def _file(self) -> int:
        if self._fd is None or self._pid != os.getpid():  # a forked worker opens its own
            self._fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
            self._pid = os.getpid()
        return self._fd

    def get(self, word: str) -> Any:
        """The suggestion another worker found for *word*, or :data:`_MISSING`."""
        if word not in self._seen:
            fd = self._file()
            size = os.fstat(fd).st_size
            if size > self._offset:
                data = os.pread(fd, size - self._offset, self._offset)
                complete = data.rfind(b"\n") + 1
                for line in data[:complete].decode("utf-8", "surrogatepass").splitlines():
                    key, _, value = line.partition("\t")
                    self._seen[key] = Suggestion.decode(value)
                self._offset += complete
        return self._seen.get(word, _MISSING)

    def put(self, word: str, found: Suggestion) -> None:
        self._seen[word] = found
        if "\n" not in word and "\t" not in word:
            os.write(self._file(), f"{word}\t{found.encode()}\n".encode("utf-8", "surrogatepass"))


#: The corrections shared by the workers of the current parallel run (set by the pipeline before forking).
SHARED: SharedSuggestions | None = None


def _shared_when_complete(shared: SharedSuggestions, key: str, found: Suggestion) -> Suggestion:
    """*found*, written to *shared* now if its candidates are known, else once they are
    computed (a word whose candidates no worker asks for is never searched two edits away)."""
    if found.complete:
        shared.put(key, found)
        return found

    def candidates() -> tuple[str, ...]:
        shared.put(key, Suggestion(found.candidates, found.sure))
        return found.candidates

    return Suggestion(sure=found.sure, later=candidates)


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

    import gzip

    resource = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    with gzip.open(resource, "rt", encoding="utf-8") as handle:
        return Frequencies(handle.read())


def _letters_of_frequencies() -> str:
    return Frequencies.LETTERS


@functools.lru_cache(maxsize=None)
def _unusual_words(name: str) -> tuple[str, ...]:
    """The words of the bundled list *name* holding a letter :func:`_edits1` is never given
    (see :meth:`Speller._unusual_letter_near`): a few dozen, found by one regex pass. Only
    words of letters: :meth:`Speller._bucket` holds no other."""
    pattern = re.compile(rf"^[^\n]*[^\n{re.escape(_letters_of_frequencies())}][^\n]*$", re.MULTILINE)
    return tuple(w for w in pattern.findall(word_list(name)._text) if w.isalpha())


def _edits1(word: str, letters: str) -> set[str]:
    """Every string one deletion, swap of neighbours, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in letters)
    out.update(a + c + b for a, b in splits for c in letters)
    return out


def _slip(word: str, candidate: str) -> str:
    """The kind of one-edit slip that turns *candidate* into *word*: ``space`` (left out
    between two words), ``kept`` (two letters swapped, a doubled letter written once or
    thrice), ``omission`` (a letter left out) or ``other`` (a letter added or changed)."""
    if " " in candidate:
        return "space"
    if len(candidate) != len(word) and _DOUBLED.sub(r"\1", candidate) == _DOUBLED.sub(r"\1", word):
        return "kept"
    if len(candidate) == len(word) + 1:
        return "omission"
    if len(candidate) == len(word) and sorted(candidate) == sorted(word):
        return "kept"
    return "other"


def kept_every_letter(word: str, candidate: str) -> bool:
    """Whether the slip from *candidate* to *word* kept every letter (a swap, a doubled letter)."""
    return _slip(word, candidate) == "kept"


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
