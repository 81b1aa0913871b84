"""Tracking and session parameters in a URL, and the URL without them, byte for byte.

A link copied from a newsletter, a social network or a search result carries
parameters that identify the campaign, the click or the reader's session
(``utm_source``, ``fbclid``, ``gclid``, ``jsessionid``...).  They change
nothing the reader sees, follow the reader across sites, and a session id can
let whoever uses the link act in the copier's session.  Removing them must not
touch anything else: other parameters can be the page (``?id=123``), and their
order, encoding and the fragment are kept exactly as written.  ``urllib.parse``
is not used to rebuild the URL because ``urlencode`` re-encodes what it did not
change (``%2F`` vs ``/``, ``+`` vs ``%20``); the query is split and joined as
written instead.

Sources: Mozilla Firefox's query-parameter stripping list and the ClearURLs
rules (https://docs.clearurls.xyz/) for the click and campaign ids; the Java
Servlet, PHP and ASP session cookies' names for session ids.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import unquote

from . import lazyre

#: Parameters that identify a click, a campaign, a mailing or a session, never the page.
TRACKING_PARAMETERS = (
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "igshid",
    "mc_eid", "mc_cid", "_hsenc", "_hsmi", "hsctatracking", "mkt_tok", "oly_enc_id", "oly_anon_id", "vero_id",
    "_ga", "_gl", "wickedid", "li_fat_id", "s_cid", "s_kwcid", "ef_id", "ncid", "cmpid", "et_cid", "et_rid",
    "ck_subscriber_id", "_kx", "dm_i",
    "jsessionid", "phpsessid", "aspsessionid", "sessionid", "session_id", "sid", "cfid", "cftoken",
)
#: Names that are a session id on some sites and the page on others (a conference's
#: ``sessionid=201105``, a database's ``sid=1``): they track only when the value looks
#: like a generated token (see :func:`token_like`).
AMBIGUOUS = frozenset({"sid", "sessionid", "session_id", "cfid", "cftoken"})
_TOKEN = lazyre.compile(r"[0-9A-Za-z%._-]{16,}")
#: Name prefixes of families of campaign parameters (utm_source, utm_medium, utm_campaign...).
TRACKING_PREFIXES = ("utm_",)

#: A query separator as written: '&' or, in HTML source, '&amp;'.
_SEPARATOR = lazyre.compile(r"&amp;|&#0*38;|&#x0*26;|&", re.I)
#: Where the fragment starts: a '#' that is not part of an HTML character reference.
_FRAGMENT = lazyre.compile(r"(?<!&)#")
#: A path parameter carrying a session (Java servlets: ``/page;jsessionid=ABC?x=1``).
_PATH_SESSION = lazyre.compile(r";(?:jsessionid|phpsessid|sid|sessionid)=[^?#;/]*", re.I)


@dataclass(frozen=True)
class Stripped:
    """A URL without its tracking parameters: the new text, and the names removed."""

    url: str
    removed: tuple[str, ...]


def token_like(value: str) -> bool:
    """True if *value* looks generated (a session token): 16 or more characters with
    both letters and digits, such as ``8FBE33059AED6DB4`` or a UUID, not ``1`` or ``201105``."""
    return bool(_TOKEN.fullmatch(value)) and bool(re.search(r"[A-Za-z]", value)) and bool(re.search(r"[0-9]", value))


def is_tracking(name: str, value: str = "", names: Iterable[str] = TRACKING_PARAMETERS,
                prefixes: Iterable[str] = TRACKING_PREFIXES) -> bool:
    """True if a query parameter named *name* (as written, maybe percent-encoded) with
    *value* tracks."""
    key = unquote(name).strip().lower()
    if key in AMBIGUOUS and key in {n.lower() for n in names}:
        return token_like(value)
    return key in {n.lower() for n in names} or any(key.startswith(p.lower()) for p in prefixes)


def strip_tracking(url: str, names: Iterable[str] = TRACKING_PARAMETERS,
                   prefixes: Iterable[str] = TRACKING_PREFIXES) -> Stripped | None:
    """*url* without the parameters that track (None if it has none).

    Everything else stays as written: the other parameters, their order and
    encoding, the separators between them, and the fragment; the ``?`` goes
    when no parameter is left.  A query in the fragment (``#/page?x=1``,
    single-page apps) is not read: it is not sent to the server."""
    names = tuple(n.lower() for n in names)
    prefixes = tuple(p.lower() for p in prefixes)
    fragment_mark = _FRAGMENT.search(url)  # not the '#' of an entity separator ('&#38;', '&#x26;')
    hash_at = fragment_mark.start() if fragment_mark else -1
    head, fragment = (url, "") if hash_at < 0 else (url[:hash_at], url[hash_at:])
    removed: list[str] = []
    q = head.find("?")
    path, query = (head, None) if q < 0 else (head[:q], head[q + 1:])

    def drop_path(m: re.Match[str]) -> str:
        name, _, value = m.group()[1:].partition("=")
        if is_tracking(name, value, names, ()):
            removed.append(name)
            return ""
        return m.group()

    path = _PATH_SESSION.sub(drop_path, path)
    if query is not None:
        parts = _SEPARATOR.split(query)
        seps = _SEPARATOR.findall(query)
        kept: list[tuple[str, str]] = []  # (separator before it, parameter)
        for i, part in enumerate(parts):
            name, _, value = part.partition("=")
            if part and is_tracking(name, value, names, prefixes):
                removed.append(name)
                continue
            kept.append((seps[i - 1] if i else "", part))
        if removed and len(kept) < len(parts):
            if all(not part for _, part in kept):
                query = None  # nothing left but empty pieces: drop the '?'
            else:
                # The first kept parameter loses the separator that joined it to a removed one.
                query = "".join((sep if j else "") + part for j, (sep, part) in enumerate(kept))
                query = _SEPARATOR.sub("", query, count=1) if _SEPARATOR.match(query) else query
    if not removed or not (path or query is not None or fragment):
        return None  # nothing tracked, or nothing would be left of the link ('?utm_source=x')
    return Stripped(path + ("" if query is None else "?" + query) + fragment, tuple(removed))
