"""Firms a page names in capitals, told by what the page says they do.

A maker of supplements, tests or drugs is often known by capitals it never expands (its
brand is the name: a firm styled "KLX" is not "Kappa Lambda Xi" to anyone). The page says
it is a firm in other ways than a suffix such as "Labs" or "Inc"
(:func:`medlint.kinds.abbrevcontext.company_names`): by what it does ("KLX is making a
home test", "KLX sells"), by an appositive ("KLX, a Swiss maker of ...", "KLX - holder of
several patents"), or by its products' division ("KLX Nutritional Products"). One such
use on the page makes the name a firm's on every use, so each sign is one only a trade
says: a public body (an agency, a registry) that is "developing a new test", a condition
a site heads its advice with ("IBD Nutrition"), a drug class with "brand names" after it,
are none of them, and stay read.
"""
from __future__ import annotations

from .. import lazyre

_TOKEN = r"([A-Z](?<!\w[A-Z])[A-Z0-9]{1,7})"
#: Products a maker makes: "KLX is making a home test kit" (a body "making changes", or "developing
#: a new test" as a public body does, is no maker).
_PRODUCT = (r"(?:tests?|testers?|kits?|devices?|supplements?|drugs?|products?|pills?|capsules?|tablets?|assays?"
            r"|formulations?|generics?)")
#: What a firm does, right after its name: it sells, markets or manufactures a product, or makes one.
_DOES = lazyre.compile(
    _TOKEN + r"(?:'s|\u2019s)?[ \t]+(?:(?:is|are|was|were|has[ \t]+been)[ \t]+(?:now[ \t]+|also[ \t]+)?"
    r"(?:selling|marketing|manufacturing"
    r"|(?:making|producing)[ \t]+(?:(?:a|an|its|their)[ \t]+)?(?:[\w-]+[ \t]+){0,3}?" + _PRODUCT
    + r"\b(?![ \t]+(?:safer|cheaper|easier|more|less|available|accessible|affordable)\b))"
    r"|(?:also[ \t]+|now[ \t]+)?(?:sells|sold|markets|manufactures))\b")
#: A firm's products or division after its name: "KLX Nutritional Products", "KLX Pharmaceuticals".
#: Not a topic a site heads its own advice with ("IBD Nutrition", "CKD Vitamins").
_DIVISION = lazyre.compile(_TOKEN + r"[ \t]+(?:Nutritional[ \t]+Products|Products|Pharmaceuticals|Biotech"
                           r"|Biologics|Therapeutics|Life[ \t]+Sciences)\b")
#: An appositive that says it is a firm: "KLX, a Swiss maker of", "KLX, the manufacturer",
#: "KLX - holder of many patents" (not "An SSRI: common brand names ...").
_APPOSITIVE = lazyre.compile(
    _TOKEN + r"[ \t]*(?:,|[-\u2013\u2014:])[ \t]*(?:(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,3}?"
    r"(?:company|firm|manufacturer|maker|supplier|distributor)\b(?!['\u2019])"
    r"|(?:the[ \t]+)?holder[ \t]+of\b[^.\n]{0,40}?\bpatents?\b)")

def firm_names(prose: str) -> set[str]:
    """The tokens *prose* (a whole page) shows to be firms' names (see the module docstring)."""
    found: set[str] = set()
    for pattern in (_DOES, _DIVISION, _APPOSITIVE):
        found.update(m.group(1) for m in pattern.finditer(prose))
    return found
