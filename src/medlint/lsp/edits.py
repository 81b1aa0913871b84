"""The edits behind the server's code actions, in code-point offsets, without pygls: inline
directives (``medlint-words``, ``medlint-disable-next-line``) and the vocabulary file."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from ..errors import FileError
from ..fix import write_atomically

_WORDS = re.compile(r"<!--(\s*)medlint-words:(.*?)(\s*)-->", re.S)
_NEWLINE = re.compile(r"\r\n|\r|\n")
#: Formats whose files can hold an HTML comment, where medlint's directives stand.
DIRECTIVE_FORMATS = ("markdown", "html")


@dataclass(frozen=True)
class TextEdit:
    """Replace ``text[start:end]`` with ``replacement`` (code-point offsets)."""

    start: int
    end: int
    replacement: str


def newline_of(text: str) -> str:
    """The document's line ending (its first one; LF for a one-line text)."""
    m = _NEWLINE.search(text)
    return m.group() if m else "\n"


def ignore_word(doc: Document, word: str) -> TextEdit | None:
    """Accept *word* in this file: add it to the file's ``medlint-words`` directive, or write one
    at the top of the body (after the front matter). None where the format has no comments."""
    if doc.format not in DIRECTIVE_FORMATS:
        return None
    for start, end in doc.comments:
        m = _WORDS.match(doc.text, start, end)
        if m:
            words = m.group(2).split()
            if word in words:
                return None
            return TextEdit(m.start(2), m.end(2), " " + " ".join(words + [word]))
    at = doc.body_start
    return TextEdit(at, at, f"<!-- medlint-words: {word} -->{newline_of(doc.text)}")


def disable_next_line(doc: Document, line: int, rule: str) -> TextEdit | None:
    """Suppress *rule* on the 1-based *line*: a ``medlint-disable-next-line`` comment on its own
    line just above, indented like it. None in front matter (a comment there would break it) or
    where the format has no comments."""
    if doc.format not in DIRECTIVE_FORMATS:
        return None
    starts = doc.line_starts
    at = starts[line - 1]
    if at < doc.body_start:
        return None
    text = doc.line_text(line)
    indent = text[: len(text) - len(text.lstrip(" \t>"))] if text.lstrip().startswith(">") else \
        text[: len(text) - len(text.lstrip(" \t"))]
    return TextEdit(at, at, f"{indent}<!-- medlint-disable-next-line {rule} -->{newline_of(doc.text)}")


def _entry(line: str) -> str:
    """A vocabulary line's word or pattern ('' for a blank or comment line), as the spelling rule reads it."""
    entry = line.split(" #")[0].strip()
    return "" if entry.startswith("#") else entry


def add_to_vocabulary(path: Path, word: str) -> bool:
    """Add *word* to the vocabulary file *path* (created with its folder if missing) at its sorted
    place among the entries, leaving comments and the other lines where they are; written
    atomically. False if the word was there already."""
    try:
        raw = path.read_bytes() if path.exists() else b""
        bom = raw.startswith(b"\xef\xbb\xbf")
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise FileError(f"cannot read the vocabulary: {getattr(exc, 'strerror', None) or exc}", str(path)) from None
    lines = text.splitlines()
    entries = [(i, _entry(line)) for i, line in enumerate(lines) if _entry(line)]
    if any(entry == word for _, entry in entries):
        return False
    key = (word.lower(), word)
    position = next((i for i, entry in entries if (entry.lower(), entry) > key), None)
    if position is None:
        position = entries[-1][0] + 1 if entries else len(lines)
    lines.insert(position, word)
    newline = newline_of(text)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.touch()
    except OSError as exc:
        raise FileError(f"cannot create the vocabulary: {exc.strerror or exc}", str(path)) from None
    data = ("\ufeff" if bom else "") + newline.join(lines) + newline
    write_atomically(os.fspath(path), data.encode("utf-8"))
    return True
