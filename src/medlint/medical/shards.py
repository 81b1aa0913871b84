"""The ``.shards`` format of the big bundled word lists (``science.shards``, ``rare.shards``).

A one-file check looks up a few dozen unknown words in these lists, so it should
decompress only the part of a list those words can be in. The list is cut by its
words' first two letters (:func:`key`) into sorted shards, each compressed on its
own with zlib; a short text header names each shard and its compressed length:

    medlint word shards 1
    ab 1234
    ac 877
    ...
    <blank line>
    <the shards' zlib streams, in the header's order>

A shard of a few kilobytes decompresses in microseconds, where the one-letter
members of the former zip took milliseconds each (and ``zipfile`` itself a few to
import). Written by ``scripts/build_vocabulary.py`` (:func:`encode`), read by
:class:`medlint.medical.speller.ShardedWordList` (:func:`decode_header`).
"""
from __future__ import annotations

from typing import Iterable

MAGIC = b"medlint word shards 1\n"


def key(word: str) -> str:
    """The shard *word* belongs in: its first two letters, each a-z or ``_`` for anything
    else (a word of one letter, a digit, an accented letter)."""
    first, second = word[:1], word[1:2]
    return (first if "a" <= first <= "z" else "_") + (second if "a" <= second <= "z" else "_")


def encode(words: Iterable[str]) -> bytes:
    """The ``.shards`` file of *words* (sorted and deduplicated here)."""
    import zlib

    shards: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        if word:
            shards.setdefault(key(word), []).append(word)
    header, bodies = [MAGIC], []
    for name, members in sorted(shards.items()):
        body = zlib.compress(("\n".join(members) + "\n").encode("utf-8"), 9)
        header.append(f"{name} {len(body)}\n".encode("ascii"))
        bodies.append(body)
    return b"".join(header) + b"\n" + b"".join(bodies)


def decode_header(data: bytes) -> dict[str, tuple[int, int]]:
    """Each shard's (start, end) in *data*, a whole ``.shards`` file; ValueError if it is not one."""
    if not data.startswith(MAGIC):
        raise ValueError("not a medlint word shards file")
    end = data.find(b"\n\n", len(MAGIC) - 1)
    if end < 0:
        raise ValueError("a medlint word shards file with no end to its header")
    at = end + 2
    spans: dict[str, tuple[int, int]] = {}
    for line in filter(None, data[len(MAGIC):end].decode("ascii").split("\n")):
        name, _, size = line.partition(" ")
        spans[name] = (at, at + int(size))
        at += int(size)
    if at != len(data):
        raise ValueError("a medlint word shards file cut short or padded")
    return spans


def words_of(data: bytes) -> set[str]:
    """Every word of a whole ``.shards`` file (for the build and the tests)."""
    import zlib

    return {word for start, end in decode_header(data).values()
            for word in zlib.decompress(data[start:end]).decode("utf-8").split()}
