"""Bulk groups: the broken link targets that account for most findings, as patterns.

A migrated site rarely has 3,000 unrelated broken links; it has a few URL
schemes that changed (``/tags/<slug>.html`` became ``/posts/<slug>``). Fixing
one pattern, by a redirect or a search-and-replace, clears thousands of
findings, so a report shows these groups before the page-by-page list.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ..diagnostic import Diagnostic
from .. import lazyre

#: Rules whose findings name a link target (in the first quoted string of the message).
LINK_RULES = ("link-broken", "link-asset")

#: A quoted target ends at a quote followed by a space, ``;`` or the end (targets may hold quotes).
_QUOTED = lazyre.compile(r"'(.+?)'(?=[\s;]|$)")
_SUGGESTION = lazyre.compile(r"did you mean '(.+)'\?")
#: An extension kept out of the variable part: ``.html``, ``.php``, ``.jpg``.
_EXTENSION = lazyre.compile(r"\.[A-Za-z0-9]{1,5}$")


@dataclass
class Group:
    """Broken links that share a target pattern (or one frequent exact target)."""

    rule: str
    pattern: str
    links: int = 0
    pages: int = 0
    #: Distinct targets; 1 means ``pattern`` is an exact target.
    targets: int = 0
    #: The most frequent targets, most frequent first (at most three).
    examples: list[str] = field(default_factory=list)
    #: What to rewrite ``pattern`` to, when the rule's suggestions agree on one (``/posts/*``).
    rewrite: str | None = None
    #: The group's findings (for a report to list or filter them).
    members: list[Diagnostic] = field(default_factory=list, repr=False, compare=False)


def target_of(d: Diagnostic) -> str | None:
    """The link target a link rule's message names (the first quoted string)."""
    m = _QUOTED.search(d.message)
    return m.group(1) if m else None


def suggestion_of(d: Diagnostic) -> str | None:
    """The rule's "did you mean" target, if the message offers one."""
    m = _SUGGESTION.search(d.message)
    return m.group(1) if m else None


def split_pattern(target: str) -> tuple[str, str, str] | None:
    """``(prefix, variable, suffix)`` of a target, or None when it has no variable part.

    The variable part is the last path segment without its extension, and
    only when a folder stands above it: ``/tags/x.html`` gives
    ``('/tags/', 'x', '.html')``, while ``/tiki-index.php`` stays an exact
    target (grouping every page at the root together would say nothing).
    A query string or fragment is cut off first.
    """
    path = re.split(r"[?#]", target, maxsplit=1)[0].rstrip("/")
    head, slash, last = path.rpartition("/")
    if not slash or not last or not head.strip("/."):
        return None
    ext = _EXTENSION.search(last)
    stem = last[:ext.start()] if ext else last
    if not stem:
        return None
    return head + "/", stem, ext.group() if ext else ""


def bulk_groups(diagnostics: Iterable[Diagnostic], rules: Sequence[str] = LINK_RULES,
                min_links: int = 2) -> list[Group]:
    """Group the link findings of ``rules`` by target pattern, most links first.

    Heuristic: each target's last path segment (its stem, keeping the
    extension) is the variable part, replaced by ``*``: ``/tags/a.html`` and
    ``/tags/b.html`` make ``/tags/*.html``. A pattern matched by one distinct
    target only is shown as that target. Each group counts its links and the
    distinct pages they are on. When most of a pattern's targets that come
    with a "did you mean" keep their variable part in the suggestion in the
    same place (``/tags/a.html`` -> ``/posts/a``), that shared form is the
    group's suggested rewrite (``/tags/*.html -> /posts/*``); an exact target
    gets a rewrite when all its suggestions agree. Groups with fewer than
    ``min_links`` links are left out: they are not bulk problems.
    """
    members: dict[tuple[str, str], list[tuple[str, Diagnostic]]] = defaultdict(list)
    for d in diagnostics:
        if d.rule not in rules or (target := target_of(d)) is None:
            continue
        parts = split_pattern(target)
        pattern = f"{parts[0]}*{parts[2]}" if parts else target
        members[(d.rule, pattern)].append((target, d))
    groups = []
    for (rule, pattern), found in members.items():
        if len(found) < min_links:
            continue
        counts = Counter(target for target, _ in found)
        exact = len(counts) == 1
        groups.append(Group(
            rule=rule,
            pattern=next(iter(counts)) if exact else pattern,
            links=len(found),
            pages=len({d.path for _, d in found}),
            targets=len(counts),
            examples=[t for t, _ in counts.most_common(3)],
            rewrite=_rewrite(found, exact),
            members=[d for _, d in found],
        ))
    groups.sort(key=lambda g: (-g.links, -g.pages, g.rule, g.pattern))
    return groups


def _rewrite(found: list[tuple[str, Diagnostic]], exact: bool) -> str | None:
    """The rewrite the suggestions agree on (see :func:`bulk_groups`), or None."""
    if exact:
        forms = {suggestion_of(d) for _, d in found}
        return forms.pop() if len(forms) == 1 else None  # a lone None stays None
    suggested = {target: s for target, d in found if (s := suggestion_of(d))}
    shapes: Counter[str] = Counter()
    for target, s in suggested.items():
        parts = split_pattern(target)
        if parts and s.count(parts[1]) == 1:
            shapes[s.replace(parts[1], "*")] += 1
    if not shapes:
        return None
    shape, agreeing = shapes.most_common(1)[0]
    distinct = len({t for t, _ in found})
    return shape if agreeing >= 2 and agreeing * 2 > distinct else None
