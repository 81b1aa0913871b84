"""Is a sentence the page's own advice, or only looks like it?

A disclaimer is owed for what the page tells its reader to do: take, stop or
change a dose or a treatment. Words that look like advice often are not the
page's advice to anyone, and an editor passes over them:

- a **question** ("Is 600 IU enough for everyone?", "Should you take vitamin
  D?"): the page asks it, and the answer that follows (if any) is the advice;
- a **list of other pages** (the text of a link to another page, or anything in
  a "See also", "Related" or "Further reading" section): those are the other
  pages' headlines and summaries, each checked on its own;
- a title that reports **what a group took or gets** ("4 percent of nurses
  took more than 4,000 IU", "Most European infants get supplements"): a survey
  of other people's intake, not a dose for the reader;
- an **intake from food or sun** ("11,000 IU daily from a traditional diet of
  cod", "10,000 IU from 20 minutes of sun"): what a diet or the skin provides,
  not a dose to take.

Each function states one of these tests; ``kinds/required.py`` applies them to
the matches of its ``when`` conditions when the rule sets ``when.advice: true``.
"""
from __future__ import annotations

import re

from ..document import Document

#: A section that lists other pages: "See also", "See also VitaminDWiki", "Related
#: articles", "Further reading", "More on this topic", "Other pages", "Links" ("See also
#: bottom of this page" points within the page: its section is the page's own).
_LINK_SECTION = re.compile(
    r"^\W*(?:see\s+also\b(?!\W+(?:the\s+)?(?:bottom|below|above|top|end)\b)|related(?:\s+(?:posts?|pages?|articles?|links?|reading|content|topics?))?|"
    r"further\s+reading|more\s+(?:on\s+(?:this|the)\s+topic|reading|articles?|posts?)|other\s+(?:pages?|articles?|posts?)|"
    r"(?:useful\s+|external\s+)?links|read\s+(?:more|next))\b", re.I)

#: What a group took, takes or gets, in a headline: "4 percent took more than 4,000 IU",
#: "Most European infants get vitamin D supplements", "few Americans get even 400 IU".
#: A need ("infants need 1,000 IU") or a result ("helped", "improved") is not matched.
_GROUP = (r"(?:\d+(?:\.\d+)?\s*(?:%|percent|pcnt)|\d+\s+(?:in|of|out\s+of)\s+\d+|most|many|few|majority|"
          r"minority)(?:\s+of)?")
_TOOK = (r"(?:took|take|takes|taking|get|gets|getting|got|receive[sd]?|receiving|use[sd]?|using|"
         r"consume[sd]?|consuming|are\s+given|were\s+given|are\s+on|were\s+on)")
#: ("Fewer colds if you get 2,000 IU", "less likely to die by taking" are results of a dose.)
#: "Many got above 33 ng with 4,000 IU" is a result (a blood level reached), not an intake.
_GROUP_INTAKE = re.compile(r"\b" + _GROUP + r"\b(?:(?!\b(?:if|when|by|with|to|after|unless|so|then)\b)[^.,;!?]){0,60}?\b"
                           + _TOOK + r"\b(?!\s*(?:above|over|below|under|to|at\s+least|[<>\u2265\u2264]|\d[\d,.]*\s*(?:ng|nmol)))",
                           re.I)
_GROUP_INTAKE_BEFORE = re.compile(_GROUP_INTAKE.pattern + r"(?:\s+[\w-]+){0,4}\s*$", re.I)

#: An intake from food, drink or the sun, right after the amount.
_SOURCE = (r"(?:diets?|foods?|meals?|fish|milk|eggs?|liver|roe|cod|salmon|mushrooms?|sun|sunlight|sunshine|UVB?|"
           r"fortified\s+\w+)\b")
_FROM_SOURCE = re.compile(
    r"\s*(?:of\s+)?(?:vitamin\s+\w+\s+|\w+\s+)?(?:(?:daily|per\s+day|a\s+day|each\s+day|weekly)\s+)?"
    r"(?:(?:from|via|through|by\s+eating|by\s+drinking)\s+(?:(?:a|an|the|their|your|our|\d+)\s+)?(?:[\w-]+\s+){0,5}?"
    r"|in\s+(?:(?:a|an|the|their|your|our)\s+)?(?:[\w-]+\s+)?)" + _SOURCE, re.I)


def is_question(sentence: str) -> bool:
    """Whether the sentence (the trigger's, as :func:`kinds.required` cuts it) asks."""
    return sentence.rstrip().rstrip("*_ ").endswith("?")


def _section_heading(doc: Document, offset: int) -> str:
    found = ""
    for heading in doc.headings:
        if heading.start > offset:
            break
        found = heading.text
    return found


def in_link_list(doc: Document, offset: int) -> bool:
    """Whether *offset* is in the text of a link to another page, or in a section that
    lists other pages ("See also", "Related", "Further reading")."""
    link = doc.link_text_at(offset)
    if link is not None and not link.target.startswith("#"):
        return True
    return bool(_LINK_SECTION.match(_section_heading(doc, offset)))


def reports_group_intake(text: str) -> bool:
    """Whether a headline (or the words before a dose) reports what a group took or gets,
    as a survey does, not what to take. The group and its verb stand in one clause: "most
    people get 200 IU from food, so take 1,000 IU" still advises."""
    return bool(_GROUP_INTAKE.search(text))


def reports_group_intake_before(before: str) -> bool:
    """Whether the words right before a dose say what a group took ("4 percent took more
    than"), within a few words of it."""
    return bool(_GROUP_INTAKE_BEFORE.search(before))


def intake_from_source(text: str, end: int) -> bool:
    """Whether the amount ending at *end* in *text* is said to come from food, drink or sun."""
    return bool(_FROM_SOURCE.match(text, end))
