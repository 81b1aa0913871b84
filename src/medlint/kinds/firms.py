"""Firms a page names in capitals, told by what the page says they do.

A maker of supplements, tests or drugs is often known by capitals it never expands (its
brand is the name: a firm styled "KLX" is not "Kappa Lambda Xi" to anyone). The page says
it is a firm in other ways than a suffix such as "Labs" or "Inc"
(:func:`medlint.kinds.abbrevcontext.company_names`): by what it does ("KLX is making a
home test", "KLX sells"), by an appositive ("KLX, a Swiss maker of ...", "KLX - holder of
several patents"), or by its products' division ("KLX Nutritional Products"). One such
use on the page makes the name a firm's on every use. A public body (an agency, a
registry) does none of these things in these words, and stays read.
"""
from __future__ import annotations

from .. import lazyre

_TOKEN = r"\b([A-Z][A-Z0-9]{1,7})"
#: What a firm does, right after its name: it sells, markets, manufactures or patents a product,
#: or makes one ("KLX is making a home test kit": a body "making changes" is no maker).
_DOES = lazyre.compile(
    _TOKEN + r"(?:'s|\u2019s)?[ \t]+(?:(?:is|are|was|were|has[ \t]+been)[ \t]+(?:now[ \t]+|also[ \t]+)?"
    r"(?:selling|marketing|manufacturing|patenting"
    r"|(?:making|producing|developing)\b[^.\n]{0,40}?\b(?:tests?|testers?|kits?|devices?|supplements?|drugs?|products?"
    r"|pills?|capsules?|tablets?|assays?|formulations?|generics?))"
    r"|(?:also[ \t]+|now[ \t]+)?(?:sells|sold|markets|manufactures|patented))\b")
#: A firm's products or division after its name: "KLX Nutritional Products", "KLX Pharmaceuticals".
_DIVISION = lazyre.compile(_TOKEN + r"[ \t]+(?:Nutritional[ \t]+Products|Products|Nutrition|Healthcare|Biotech"
                           r"|Biologics|Therapeutics|Vitamins|Supplements|Life[ \t]+Sciences)\b")
#: An appositive that says it is a firm: "KLX, a Swiss maker of", "KLX - holder of many patents".
_APPOSITIVE = lazyre.compile(
    _TOKEN + r"[ \t]*(?:,|[-\u2013\u2014:])[ \t]*(?:(?:a|an|the)[ \t]+)?(?:[\w-]+[ \t]+){0,3}?"
    r"(?:company|firm|manufacturer|maker|supplier|distributor|brand|holder[ \t]+of\b[^.\n]{0,40}?\bpatents?)\b")


def firm_names(prose: str) -> set[str]:
    """The tokens *prose* (a whole page) shows to be firms' names (see the module docstring)."""
    found: set[str] = set()
    for pattern in (_DOES, _DIVISION, _APPOSITIVE):
        found.update(m.group(1) for m in pattern.finditer(prose))
    return found
