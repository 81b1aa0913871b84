"""Text shown on a terminal must not drive it: control characters in a message
(raw escapes from a document, a planted cache entry) are shown as escapes."""
from __future__ import annotations

import re

#: C0 and C1 controls (but tab), DEL, and the bidirectional overrides that reorder what a reader sees.
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def has_controls(text: str) -> bool:
    return _CONTROLS.search(text) is not None


def visible(text: str) -> str:
    """*text* with each control character written as its escape (``\\x1b``)."""
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)
