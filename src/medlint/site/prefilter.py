"""Which pages could answer to a URL, found by one byte search of every front matter.

A link that no page file names (``/posts/old-title`` kept as an alias of
``posts/new-title.md``) is resolved by some page's ``aliases``, ``slug``, ``url``
or ``permalink``; finding that page used to mean parsing every page's front
matter. A page answers to a URL only if the URL's last segment is spelled in its
front matter or its file path: this module reads every page's front matter bytes
once (cheap: one read each, no decoding, no parsing) and lists the pages whose
bytes contain that segment, case-folded, so that only those are parsed.

What could spell the segment otherwise is treated as "could be any": a page whose
front matter percent-encodes a letter or digit, escapes an ASCII character
(``\\u0061``, ``\\x61``), continues a quoted line with a backslash, or holds a
character whose case folding is ASCII (``ſ``, the Kelvin sign, ligatures) is
always a candidate; for a segment a non-string value could print (``True``,
``1e3``, a date, ``['a']``), so is every page whose slug is not written as a
quoted string (Hugo prints only the slug so: :func:`printed`). A date's part
under a permalink pattern that ends in one is not searched (:func:`searchable`
says no), nor a segment under a pattern that builds it from the title.
"""
from __future__ import annotations

import os
import re
import stat
from typing import Iterable

from .. import lazyre

#: Non-ASCII characters whose lower case, upper case or case folding holds an ASCII
#: character (``ß`` → ``ss``, ``ſ`` → ``s``, the Kelvin sign → ``k``, ``ﬁ`` → ``fi``...):
#: a URL spelled with one may fold to an ASCII segment. (tests/test_site_prefilter.py
#: recomputes the list from the running Python's Unicode tables.)
FOLDS_TO_ASCII = "ßİıŉſǰẖẗẘẙẚẞ\u212aﬀﬁﬂﬃﬄﬅﬆ"
#: In a page's lower-cased front matter, what could spell a segment other than literally.
_ANY = lazyre.compile(
    rb"%(?:2[de]|3\d|4[1-9a-f]|5[0-9af]|6[1-9a-f]|7[0-9ae])"  # a percent-encoded letter, digit or -._~
    rb"|\\(?:x[0-7]|u00[0-7]|u000000[0-7])"  # a JSON/YAML/TOML escape of an ASCII character
    rb"|\\(?:xdf|u(?:0000)?(?:00df|013[01]|0149|017f|01f0|1e9[6-9ae]|212a|fb0[0-6]))"  # ... or of one below
    rb"|\\\r?\n|"  # a YAML double-quoted line continued (its lines join with no space)
    + b"|".join(re.escape(c.encode()) for c in FOLDS_TO_ASCII))
#: What each of those matches starts with (lower-cased): one byte, which ``bytes.find`` finds quickest.
_ANY_LEADS = (b"%", b"\\", *dict.fromkeys(c.encode()[:1] for c in FOLDS_TO_ASCII))
#: The run of URL-safe characters searched for (case-folded).
_RUN = lazyre.compile(r"[a-z0-9._~-]+")
#: What a number or a date could print as (``str(1e3)``, ``2001-01-01`` for ``2001-1-1``).
_NUMERIC = lazyre.compile(r"[-+\d_.:]*(?:e[-+]?\d+)?", re.I)
#: Segments that a YAML/TOML boolean or special float prints as.
_WORDS = frozenset(("true", "false", "inf", "-inf", "+inf", "nan", "-nan", "+nan", "none"))
#: Permalink tokens whose value, as the last segment of a URL, comes from the page's front
#: matter strings, its file path, or its date (numeric: see :func:`searchable`).
SEARCHABLE_TOKENS = frozenset((":slug", ":filename", ":section", ":sections", ":year", ":month", ":day"))
DATE_TOKENS = frozenset((":year", ":month", ":day"))
#: A slug that may not be a string (a number written as ``0x10``, ``1e3``, ``1_000``...): not quoted.
_BARE_SLUG = lazyre.compile(rb"slug[\"']?\s*[:=]\s*(?![\"'\s])|\?\s*[\"']?slug")


def _lower_names(rels: list[str]) -> list[bytes]:
    """Each of *rels* as ``os.fsencode(rel).lower()`` between two NULs, made by one encoding,
    lowering and split of them all: per path, the calls cost more than the bytes (a path
    holds no NUL, and fsencode encodes character by character, so the parts are the same)."""
    if not rels:
        return []
    joined = os.fsencode("\0\0".join(rels)).lower()
    return [b"\0" + name + b"\0" for name in joined.split(b"\0\0")]


def patterns_searchable(patterns: Iterable[object]) -> bool:
    """Whether every permalink pattern ends in one token whose value is spelled in the page's
    front matter or path (``/:year/:slug``, not ``/:title`` or ``/:year-:slug``)."""
    return all(isinstance(pattern, str) and (
        not pattern or _last(pattern) in SEARCHABLE_TOKENS) for pattern in patterns)


def patterns_dated(patterns: Iterable[object]) -> bool:
    """Whether a permalink pattern ends in a date's part (a number the page's date prints)."""
    return any(isinstance(pattern, str) and _last(pattern) in DATE_TOKENS for pattern in patterns)


def _last(pattern: str) -> str:
    return pattern.rstrip("/").rsplit("/", 1)[-1]


def searchable(segment: str, dated: bool = False) -> str | None:
    """The case-folded run of *segment* to search page bytes for, or None when a page could
    answer to *segment* without spelling it: a date's part where a permalink pattern ends
    in one (*dated*), or no run long enough to mean anything. A segment that a value
    other than a string could print (a number, a boolean, a list: :func:`printed`) is
    searched, and :meth:`FrontBytes.candidates` adds the pages whose slug may be one."""
    folded = segment.casefold()
    if not folded or (dated and _NUMERIC.fullmatch(folded)):
        return None
    runs = _RUN.findall(folded)
    best = max(runs, key=len, default="")
    return best if len(best) >= 3 or best == folded else None


def printed(segment: str) -> bool:
    """Whether *segment* could be a value other than a string, printed: ``True``, ``nan``,
    ``None``, or anything with a quote, a bracket, a brace or a backslash (``['a']``,
    ``{'a': 1}``). Hugo's URLs print only a page's ``slug`` so (``str()`` of it); its
    ``url``, ``aliases`` and ``permalink`` count only when they are strings. (A number is
    told by its run: see :meth:`FrontBytes.candidates`.)"""
    folded = segment.casefold()
    return folded in _WORDS or any(c in folded for c in "'\"[]{}\\")


class FrontBytes:
    """Every page's front matter bytes, lower-cased and joined, searched for a run."""

    def __init__(self, root: str, rels: list[str], head: int) -> None:
        parts: list[bytes | bytearray] = []
        self.rels = rels
        self.starts: list[int] = []
        #: Pages that are no regular file (the site index leaves them out).
        self.irregular: set[int] = set()
        #: Pages that could not be opened (a dangling link, no permission).
        self.unopened: set[int] = set()
        at = 0
        starts, append, join = self.starts, parts.append, os.path.join
        for i, (rel, name) in enumerate(zip(rels, _lower_names(rels))):
            front = _front_region(join(root, rel), head)
            if front is None:
                self.irregular.add(i)
                front = b""
            elif front is _UNOPENED:
                self.unopened.add(i)
            starts.append(at)
            # Each page's region is its front matter, a NUL and its path, lower-cased; pages are
            # joined by a NUL, which no match spans. (Lower-cased page by page, the small copies
            # reuse their memory: one copy of the whole buffer cost a fresh 7 MB, a tenth of it all.)
            append(front.lower())
            append(name)
            at += len(front) + len(name)
        if parts:
            parts[-1] = parts[-1][:-1]  # (no NUL after the last page)
        self.text = b"".join(parts)
        self.always = self._pages_matching(_ANY, _ANY_LEADS)
        self._bare_slug: set[int] | None = None
        self._found: dict[tuple[str, bool], list[str]] = {}

    def _page_of(self, at: int) -> int:
        import bisect

        return bisect.bisect_right(self.starts, at) - 1

    def _pages_matching(self, pattern: re.Pattern[bytes] | lazyre.LazyPattern, leads: Iterable[bytes]) -> set[int]:
        """The pages where *pattern* matches, tried only where one of *leads* (what each of its
        matches starts with) is found: ``bytes.find`` skips the rest far quicker than a regex."""
        pages: set[int] = set()
        text = self.text
        for lead in leads:
            at = text.find(lead)
            while at >= 0:
                if pattern.match(text, at):
                    pages.add(self._page_of(at))
                at = text.find(lead, at + 1)
        return pages

    def slug_free(self) -> list[bool]:
        """Per page, whether its main URL is the one its path gives, whatever its front matter
        says (or whether it parses): no ``url`` in it, and ``slug`` at most once, on a line of
        its own (a key's, not a wrapped value's) whose value is the page's file name."""
        import bisect

        text, starts = self.text, self.starts
        # Where "url" and "slug" are, found by one search of all pages' bytes for each (no
        # match spans the NUL between pages): the pages with a "url", and each page's
        # first "slug" (-1 when it has a second).
        # (A literal pattern's search, which skips to each first letter with memchr, takes half
        # the time of bytes.find for so short a word: 7 MB of vdw-dev's front matter, 5 ms.)
        page_of = bisect.bisect_right
        with_url: set[int] = set()
        url, slug = _URL_WORD.search, _SLUG_WORD.search
        found = url(text)
        while found is not None:
            i = page_of(starts, found.start()) - 1
            with_url.add(i)
            # (On to the next page: one is enough.)
            found = url(text, starts[i + 1]) if i + 1 < len(starts) else None
        first_slug: dict[int, int] = {}
        found = slug(text)
        while found is not None:
            at = found.start()
            i = page_of(starts, at) - 1
            first_slug[i] = -1 if i in first_slug else at
            found = slug(text, at + 4)
        out = []
        always, count, match, rfind = self.always, len(starts), _SLUG_LINE.match, text.rfind
        for i, rel in enumerate(self.rels):
            if i in always or i in with_url:
                out.append(False)
                continue
            first = first_slug.get(i)
            if first is None or first < 0:
                out.append(first is None)
                continue
            start = starts[i]
            end = starts[i + 1] - 1 if i + 1 < count else len(text)
            nl = rfind(b"\n", start, first)
            line = match(text, nl + 1 if nl >= 0 else start, end)
            if line is None or (text.startswith((b"---", b"\xef\xbb\xbf---"), start)
                                and text[line.end():line.end() + 1] in (b" ", b"\t", b"\r", b"\n")):
                out.append(False)  # (YAML: an indented or blank line next may continue the value)
                continue
            value = line.group(2).decode()
            if not line.group(1) and (not value[:1].isalpha() or value in _YAML_WORDS):
                out.append(False)  # unquoted, it could be a number or a boolean (0x10 is 16, yes is True)
                continue
            folders, _, name = rel.lower().rpartition("/")
            stem = name.rsplit(".", 1)[0] if "." in name else name
            if stem in ("index", "_index"):
                stem = folders.rsplit("/", 1)[-1]
            out.append(bool(value) and value == stem)
        return out

    def searches(self) -> int:
        """How many distinct runs were searched for (with or without the printed slugs)."""
        return len(self._found)

    def candidates(self, run: str, printed: bool = False) -> list[str]:
        """The pages (relative paths) whose front matter or path could spell *run*; with
        *printed* (the segment could be a value other than a string, printed: see
        :func:`printed`), also every page whose slug may be one."""
        found = self._found.get((run, printed))
        if found is None:
            hits = set(self.always)
            if printed or _NUMERIC.fullmatch(run):
                # (str() of a number need not spell it as written: 0x10, 1e3, 2001-1-1; nor
                # str() of a boolean, a list or a mapping: True, ['a'], {'a': 1})
                if self._bare_slug is None:
                    self._bare_slug = self._pages_matching(_BARE_SLUG, (b"slug", b"?"))
                hits |= self._bare_slug
            needle = run.encode()
            text, starts = self.text, self.starts
            at = text.find(needle)
            while at >= 0:
                i = self._page_of(at)
                hits.add(i)
                # (On to the next page: one hit is enough.)
                at = text.find(needle, starts[i + 1]) if i + 1 < len(starts) else -1
            found = self._found[(run, printed)] = [self.rels[i] for i in sorted(hits)]
        return found


#: The words :meth:`FrontBytes.slug_free` looks for, as patterns (see there).
_URL_WORD = lazyre.compile(rb"url")
_SLUG_WORD = lazyre.compile(rb"slug")
#: A line that sets the slug and nothing else (JSON, YAML or TOML): its quote, its value.
_SLUG_LINE = lazyre.compile(
    rb"[ \t]*[\"']?slug[\"']?[ \t]*[:=][ \t]*([\"']?)([a-z0-9._~-]+)\1[ \t]*,?[ \t]*(?:\r?\n|\Z)")
#: Unquoted, these are YAML's booleans and null (and JSON's), not strings.
_YAML_WORDS = frozenset(("y", "n", "yes", "no", "on", "off", "true", "false", "null"))


#: How :func:`_front_region` opens a page.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
#: What :func:`_front_region` gives for a file it could not open (empty, told apart by identity).
_UNOPENED = bytearray()
#: The closing line of YAML and of TOML front matter (as markup.frontmatter finds them).
_YAML_CLOSE = lazyre.compile(rb"^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)", re.M)
_TOML_CLOSE = lazyre.compile(rb"^\+\+\+[ \t]*(?:\r\n|\r|\n|\Z)", re.M)


def _front_region(file: str, head: int) -> bytes | bytearray | None:
    """Bytes of *file* that hold all of its front matter (maybe more): up to its closing
    line when that is in the first *head* bytes, else the whole file; nothing for a file
    with no front matter or that cannot be read (its front matter is then empty;
    :data:`_UNOPENED` when it could not be opened); None for no regular file."""
    try:
        # (Not blocking on a FIFO, which the site index does not read either.)
        fd = os.open(file, _OPEN_FLAGS)
    except OSError:
        return _UNOPENED
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = os.read(fd, head)
        first = data[:1]
        bom = 3 if first == b"\xef" and data.startswith(b"\xef\xbb\xbf") else 0
        if bom:
            first = data[3:4]
        close = None
        if first == b"{":  # (JSON first: a site's pages share one format, and Hugo exports use JSON)
            # JSON strings hold no raw line break: a line-leading brace is structural, and with
            # no other opening brace before it, it closes the object. (Found as the first "}"
            # after a newline, and no "{" before it but the first: a one-byte find is a memchr,
            # where finding "\n}" and counting "{" took a third of this function on vdw-dev.)
            brace = data.find(b"}", bom)
            while brace > 0 and data[brace - 1] != 0x0A:
                brace = data.find(b"}", brace + 1)
            if brace > 0 and data.find(b"{", bom + 1, brace - 1) < 0:
                return data[:brace + 1]
        elif first == b"-" and data.startswith(b"---", bom):
            close = _YAML_CLOSE.search(data, bom + 3)
        elif first == b"+" and data.startswith(b"+++", bom):
            close = _TOML_CLOSE.search(data, bom + 3)
        else:
            return b""  # no front matter
        if close is not None:
            return data[:close.end()]
        if len(data) < head:
            return data  # (a short read of a regular file is its end)
        chunks = [data]
        while True:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    except OSError:
        return b""
    finally:
        os.close(fd)
