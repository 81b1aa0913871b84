"""The speed-ups of the speller keep its answers: a word with no known word one edit away
gets its two-edit candidates only when they are asked for, and they are the same."""
from __future__ import annotations

from pathlib import Path

import pytest

from medlint.medical import speller as speller_module
from medlint.medical.speller import SharedSuggestions, Speller, Suggestion


def _eager(speller: Speller, lower: str) -> Suggestion:
    """The ranking as it was before the two-edit search was deferred: computed at once."""
    one = {c for c in speller._proposable(speller_module._edits1(lower, speller_module._letters_of_frequencies()))
           if c != lower and c not in speller.reject}
    one.update(speller._splits(lower))
    return speller._ranked(lower, one or speller._two_edits(lower))


@pytest.mark.parametrize("word", ["xqzvbn", "hypocalcemiaaxx", "vitaminnddd", "recieve", "pathogensis", "teatowel",
                                  "osteoporsiss", "bisphosponatez", "alot"])
def test_deferred_candidates_are_the_eager_ones(word: str) -> None:
    speller = Speller()
    found = speller._rank(word)
    eager = _eager(Speller(), word)
    assert found.sure == eager.sure
    assert found.candidates == eager.candidates
    assert found == eager and hash(found) == hash(eager)


def test_a_word_with_nothing_one_edit_away_is_not_searched_two_edits_away_until_asked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    speller = Speller()
    searched: list[str] = []
    real = Speller._within_two

    def counting(self: Speller, word: str) -> list[str]:
        searched.append(word)
        return real(self, word)

    monkeypatch.setattr(Speller, "_within_two", counting)
    found = speller.suggestions("Osteoporsiss")
    assert not found.sure and found.fix is None and searched == []
    assert found.candidates == ("Osteoporosis",)  # capitalised like the word, when asked
    assert searched == ["osteoporsiss"]
    assert speller.suggestions("osteoporsiss").candidates == ("osteoporosis",) and searched == ["osteoporsiss"]


def test_a_known_word_with_a_letter_edits_never_write_still_makes_a_sure_fix() -> None:
    """``ø`` is no letter of the one-edit search: the word one edit away is found two edits
    away, and is sure, so the two-edit search is not deferred for it."""
    speller = Speller(accept=["stavangerløkke"])
    found = speller._rank("stavangerlxkke")
    assert found.complete and found.sure and found.fix == "stavangerløkke"
    assert Speller()._rank("stavangerlxkke").sure is False


def test_unusual_words_are_those_with_a_letter_edits_never_write() -> None:
    letters = set(speller_module._letters_of_frequencies())
    unusual = speller_module._unusual_words("english.txt")
    assert unusual and all(w.isalpha() and set(w) - letters for w in unusual)
    assert len(unusual) == sum(1 for w in speller_module.word_list("english.txt")._text.split("\n")
                               if w.isalpha() and set(w) - letters)


def test_a_deferred_suggestion_is_shared_once_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = SharedSuggestions(str(tmp_path / "s"))
    monkeypatch.setattr(speller_module, "SHARED", shared)
    speller = Speller()
    key = f"{speller._signature()}:osteoporsiss"
    found = speller.suggestions("osteoporsiss")
    assert not found.sure
    assert SharedSuggestions(str(tmp_path / "s")).get(key) is speller_module._MISSING  # nothing to share yet
    assert found.candidates == ("osteoporosis",)
    assert SharedSuggestions(str(tmp_path / "s")).get(key) == Suggestion(("osteoporosis",), False)
    speller.suggestions("pathogensis")  # complete at once: shared at once
    assert SharedSuggestions(str(tmp_path / "s")).get(f"{speller._signature()}:pathogensis").fix == "pathogenesis"


def test_suggestion_compares_and_prints_as_before() -> None:
    lazy = Suggestion(sure=False, later=lambda: ("a", "b"))
    assert lazy == Suggestion(("a", "b"), False) and lazy != Suggestion(("a", "b"), True)
    assert repr(Suggestion(("a",), True)) == "Suggestion(candidates=('a',), sure=True)"
    assert Suggestion.decode(lazy.encode()) == lazy
    assert Suggestion(("x",), False).fix is None and Suggestion((), True).fix is None


def test_shard_words_answer_as_a_plain_list_does() -> None:
    """A shard is looked up by its sparse index from the first lookup: the same answers."""
    import random

    from medlint.medical.shards import decode_header
    import zlib

    data = (speller_module.DATA / "science.shards").read_bytes()
    spans = decode_header(data)
    rng = random.Random(5)
    for name in rng.sample(sorted(spans), 12):
        text = zlib.decompress(data[spans[name][0]:spans[name][1]]).decode("utf-8")
        words = text.split()
        probes = words[:3] + words[-3:] + rng.sample(words, min(40, len(words)))
        probes += [w + "x" for w in probes] + [w[:-1] for w in probes] + ["", "a", "zzzz", name, "\u00e9" + name]
        shard, plain = speller_module._ShardWords(text), speller_module.WordList(text)
        for word in probes:
            assert (word in shard) == plain._search(word) if word else (word in shard) == (word in plain), word


def test_prefix_groups_are_skipped_only_when_no_prefix_starts_the_word() -> None:
    speller = Speller()
    assert speller.formed_by_rule("nonskeletal") == "'non-' and 'skeletal'"
    assert speller.formed_by_rule("reweighted") is not None
    assert speller.formed_by_rule("zzzzzzzzzz") is None
