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
  cod", "10,000 IU from 20 minutes of sun", "from food - perhaps 80 IU daily"):
  what a diet or the skin provides, not a dose to take, a food's content
  ("Juice, at 120 IU per cup", "most juice did not hold the 300 IU"), and a
  statistic of intake ("the average intake = 730 IU a day");
- a title on what supplements **cost** ("Supplementation can cost 50 dollars
  a day"): a price, not a dose;
- a **headline that reports research** ("Depression not reduced with 5,700 IU
  - RCT", "Lupus flares eliminated by 100,000 IU monthly", "2,400 IU raised
  women to 40 ng"): news of a finding, whatever is under it (no body, an
  outline of headings, a pasted abstract, the page's remarks). It tells no
  reader what to take; the page's own words (a remark, a comment after the
  paper) are still read for advice. A headline saying what a group *needs*
  ("Infants need 1,000 IU") or what to do states a recommendation and counts,
  over a pasted abstract too: the headline is the page's own words. Unless it
  names the study it comes from ("Need at least 800 IU - meta-analysis", "RCT
  confirms that adults need 2,000 IU", "Third study found that infants needed
  1,600 IU"): then it is that study's conclusion, reported, and the page's own
  words decide. So is a headline on someone else's view ("NASA thinks
  astronauts only need 800 IU", "A doctor questions whether over 400 IU is
  needed") and a dose-response figure ("200 IU needed to increase levels by
  1 ng");
- a **dose the page does not recommend**: a bare figure in the page's prose
  ("400 IU in 1997", "a maintenance dose of 1,000 IU") is a claim that may need
  a source, but advice only when its sentence recommends it (:func:`recommends`:
  "should", "need", "you", an imperative, "is not enough", "would be better");
- a **paper's own title** as a heading right above the reproduced paper (its
  citation line, authors and abstract): the paper's words, as its abstract is,
  unless the heading speaks to the reader ("you", "I", an imperative).

Words that are not the page's own (a quotation, a reposted article or handout,
a pasted paper under its byline, a transcript, a caption, a list of other
pages' titles: :func:`medlint.medical.claims.report_kind` with its framing)
never make the page need a disclaimer, however they advise (:func:`own_words`).

Each function states one of these tests; ``kinds/required.py`` applies them to
the matches of its ``when`` conditions when the rule sets ``when.advice: true``.
"""
from __future__ import annotations

import bisect
import re

from .. import lazyre
from ..document import Document

#: A section that lists other pages: "See also", "See also VitaminDWiki", "Related
#: articles", "Further reading", "More on this topic", "Other pages", "Links" ("See also
#: bottom of this page" points within the page: its section is the page's own).
_LINK_SECTION = lazyre.compile(
    r"^\W*(?:see\s+also\b(?!\W+(?:the\s+)?(?:bottom|below|above|top|end)\b)|related(?:\s+(?:posts?|pages?|articles?|links?|reading|content|topics?))?|"
    r"further\s+reading|more\s+(?:on\s+(?:this|the)\s+topic|reading|articles?|posts?)|other\s+(?:pages?|articles?|posts?)|"
    r"(?:useful\s+|external\s+)?links|read\s+(?:more|next))\b", re.I)

#: What a group took, takes or gets, in a headline: "7 percent took more than 2,000 IU",
#: "Most Nordic toddlers get vitamin D supplements", "few Canadians get even 600 IU".
#: A need ("infants need 1,000 IU"), a modal ("most adults should take") or a result ("helped",
#: "improved") is not matched.
_GROUP = (r"(?:\d+(?:\.\d+)?\s*(?:%|percent|pcnt)|\d+\s+(?:in|of|out\s+of)\s+\d+|most|many|few|majority|"
          r"minority)(?:\s+of)?")
_TOOK = (r"(?:took|take|takes|taking|get|gets|getting|got|receive[sd]?|receiving|use[sd]?|using|"
         r"consume[sd]?|consuming|are\s+given|were\s+given|are\s+on|were\s+on)")
#: ("Fewer colds if you get 2,000 IU", "less likely to die by taking" are results of a dose.)
#: "Many got above 40 ng with 3,000 IU" is a result (a blood level reached), not an intake.
_GROUP_INTAKE = lazyre.compile(r"\b" + _GROUP + r"\b(?:(?!\b(?:if|when|by|with|to|after|unless|so|then|should|must|"
                               r"ought|need|needs|have\s+to|has\s+to|can|could|would)\b)[^.,;!?]){0,60}?\b"
                               + _TOOK + r"\b(?!\s*(?:above|over|below|under|to|at\s+least|[<>\u2265\u2264]|\d[\d,.]*\s*(?:ng|nmol)))",
                               re.I)
_GROUP_INTAKE_BEFORE = lazyre.compile(_GROUP_INTAKE.pattern + r"(?:\s+[\w-]+){0,4}\s*$", re.I)

#: An intake from food, drink or the sun, right after the amount.
_SOURCE = (r"(?:diets?|foods?|meals?|fish|milk|juice|bread|cereals?|yogh?urt|cheese|eggs?|liver|roe|cod|salmon|"
           r"mushrooms?|sun|sunlight|sunshine|UVB?|"
           r"fortified\s+\w+)\b")
_FROM_SOURCE = lazyre.compile(
    r"\s*(?:of\s+)?(?:vitamin\s+\w+\s+|\w+\s+)?(?:(?:daily|per\s+day|a\s+day|each\s+day|weekly)\s+)?"
    r"(?:(?:from|via|through|by\s+eating|by\s+drinking)\s+(?:(?:a|an|the|their|your|our|\d+)\s+)?(?:[\w-]+\s+){0,5}?"
    r"|in\s+(?:(?:a|an|the|their|your|our)\s+)?(?:[\w-]+\s+)?)" + _SOURCE, re.I)


#: The same said before the amount: "Vitamin D2 from meals - maybe 80 IU daily", "in sunlight:
#: about 1,000 IU", "in fortified bread adds about 60 IU" (a few hedging words or a verb of
#: supplying between; no "take" or "or" that would start advice).
_SOURCE_BEFORE = lazyre.compile(
    r"\b(?:from|via|through|in)\s+(?:(?:a|an|the|their|your|our)\s+)?(?:[\w-]+\s+){0,2}?" + _SOURCE
    + r"\s*(?:[-\u2013\u2014:,=]\s*)?(?:(?:perhaps|about|only|just|roughly|around|approximately|maybe|some|is|are|"
    r"was|were|gives?|provides?|provided|adds?|added|supplies|supplied|contains?|contributes?|of|=)\s+){0,3}$", re.I)
#: A statistic of what people take: "the average vitamin D intake ... = 11,000 IU/15 = 730 IU",
#: "mean daily intake was 240 IU" (within one clause: "the average intake is 200 IU, so take
#: 1,000 IU" still advises).
_CLAUSE = r"(?:(?!\b(?:so|then|take|but|instead|should|must)\b)(?:[^.;!?,]|(?<=\d)[,.](?=\d)))"
#: A food or drink's content, said before the amount: "Juice, at 120 IU per cup", "most juice
#: did not hold the 300 IU", "eggs contain about 40 IU" (the food is the subject, its verb of
#: holding follows within a few words; "take 1,000 IU with milk" names the food after).
_CONTENT_BEFORE = lazyre.compile(
    r"\b" + _SOURCE + r"(?:\s*,\s*at|\s+(?:(?:does|do|did)\s+(?:not\s+)?|(?:doesn't|don't|didn't)\s+)?"
    r"(?:has|have|had|holds?|held|contains?|contained))\s+(?:(?:the|only|just|about|around|roughly|"
    r"perhaps|some|less\s+than|more\s+than|under|over|its|their)\s+){0,3}$", re.I)
#: An amount per serving of a food or drink: "100 IU per glass", "40 IU in each egg".
_PER_SERVING = lazyre.compile(
    r"\s*(?:of\s+vitamin\s+\w+\s+)?(?:per|a|an|each|in\s+(?:a|an|each|every))\s+(?:glass|cup|serving|portion|"
    r"bottle|carton|quart|pint|litre|liter|slice|egg|can|tin|bowl|fillet|ounce|oz)\b"
    r"|\s*(?:of\s+vitamin\s+\w+\s+)?per\s+\d[\d,.]*\s*k?\s*(?:calories|kcal|cal|ml|g|grams?|oz|ounces?)\b", re.I)
_INTAKE_STATISTIC_BEFORE = lazyre.compile(
    r"\b(?:average|mean|median|typical|usual|estimated|total)\s+(?:[\w-]+\s+){0,3}?intakes?\b" + _CLAUSE
    + r"{0,60}$", re.I)


def works_example(sentence: str) -> bool:
    """Whether the sentence opens as a worked example ("Example: begin at 25 ng ...",
    "For example, take ..."): arithmetic shown, not advice given."""
    return bool(_EXAMPLE.match(sentence))


def is_question(sentence: str) -> bool:
    """Whether the sentence (the trigger's, as :func:`kinds.required` cuts it) asks."""
    # a question in brackets closes the line too: "(about 1,000 IU in 5 minutes?)"
    return sentence.rstrip().rstrip("*_ )]}").endswith("?")


def in_link_list(doc: Document, offset: int) -> bool:
    """Whether *offset* is in the text of a link to another page, or in a section that
    lists other pages ("See also", "Related", "Further reading")."""
    link = doc.link_text_at(offset)
    if link is not None and not link.target.startswith("#"):
        return True
    return bool(_LINK_SECTION.match(doc.heading_before(offset)))


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
    return bool(_FROM_SOURCE.match(text, end) or _PER_SERVING.match(text, end))


def intake_reported_before(before: str) -> bool:
    """Whether the words right before an amount (its sentence up to it) say it comes from
    food, drink or sun ("from food - perhaps"), or that it is a statistic of what people
    take ("the average intake ... ="): a report of intake, not a dose to take."""
    return bool(_SOURCE_BEFORE.search(before) or _CONTENT_BEFORE.search(before)
                or _INTAKE_STATISTIC_BEFORE.search(before))


#: A headline's report of a finding: an outcome verb ("reduced", "helped", "restored",
#: "works well", "not enough", "was insufficient"), what was given or taken ("took", "received"), or a
#: study named as such ("RCT", "trial", "review", "2 studies").
_FINDING = lazyre.compile(
    r"\b(?:reduc(?:ed|es)|improv(?:ed|es)|increas(?:ed|es)|decreas(?:ed|es)|lower(?:ed|s)|rais(?:ed|es|e)|"
    r"restor(?:ed|es)|help(?:ed|s)|eliminated|prevented|cut|kept|halved|doubled|benefit(?:ed|s)|"
    r"works?(?:\s+well)?|worked|failed|associated|linked|correlated|not\s+(?:enough|helped|reduced|improved)|"
    r"no\s+(?:benefit|effect|change)|(?:was|were|is|are)\s+(?:in)?sufficient|insufficient|"
    r"did\s+not|didn't|achieved|reached|(?:less|more)\s+likely|took|received|"
    r"were\s+given|was\s+given|"
    r"RCTs?|trials?|stud(?:y|ies)|reviews?|meta-analys[ie]s|surveys?|kicked\s+off)\b", re.I)
#: What still advises in a headline: a need ("Infants need 1,000 IU", "may be needed"),
#: "should/must take", a recommendation, "how/when to", an imperative opening.
_ADVISES = lazyre.compile(
    # a verdict on a dose in the present: "300 IU is not enough for preterm infants" ("was not
    # enough to stop depression" reports a trial)
    r"\b(?:is|are)\s+(?:not\s+|no\s+longer\s+|still\s+|rarely\s+|never\s+)?(?:enough|(?:in)?sufficient|"
    r"too\s+(?:little|low|much|high)|safe|needed|required)\b|"
    r"\b(?:needs?|needed|requires?|required|recommend\w*|advis\w*|how\s+(?:to|much)|when\s+to|"
    r"(?:should|must|ought\s+to)\s+(?:(?:\w+\s+){0,2}?)(?:take|use|get|start|stop|avoid|supplement|give|continue|have))\b"
    r"|^\W*(?:take|stop|start|avoid|use|try|get)\b", re.I)
_WORDS = lazyre.compile(r"[^\W\d_]+")


def _spans(doc: Document, kinds: tuple[str, ...]) -> list[tuple[int, int]]:
    """The merged spans of the regions of *kinds*, kept on the document (asked per dose)."""
    key = "advice-spans:" + ",".join(kinds)
    if key not in doc.cache:
        doc.cache[key] = doc.spans_of(kinds)
    return doc.cache[key]


#: A headline on what supplements cost ("Zinc supplementation can cost 30 dollars a week").
_COST = lazyre.compile(r"\b(?:costs?|costing|price[sd]?|pricing|dollars?|cents|euros?|afford\w*|expensive|cheap\w*)\b"
                       r"|[$\u20ac\u00a3]\s?\d", re.I)


def reports_cost(title: str) -> bool:
    """Whether a title is about what supplements or treatment cost, not what to take: its
    topic word ("supplementation") names the thing priced. A title that also advises
    ("Cheap supplements: how much to take") still counts."""
    return bool(_COST.search(title)) and not _ADVISES.search(title)


#: A headline that names the study it reports ("- RCT", "meta-analysis", "review", "third study
#: found that"): what it says, a need included, is that study's conclusion.
_STUDY_NAMED = lazyre.compile(r"\b(?:RCTs?|trials?|stud(?:y|ies)|reviews?|meta-(?:analys[ie]s|regressions?)|"
                              r"systematic|analys[ie]s|cohorts?|surveys?|current\s+opinion|consensus)\b", re.I)
#: A headline on someone else's view: "NASA thinks", "A Dutch midwife doubts that", "said to need",
#: "same author says", "according to".
_VIEW = lazyre.compile(r"\b(?:thinks?|doubts?|believes?|says|said\s+to|claims?|argues?|according\s+to|"
                       r"considering|proposes?|plans?\s+to|to\s+(?:double|raise|lower|increase|cut))\b", re.I)
#: A dose-response figure: "300 IU needed to raise vitamin D levels by 2 ng".
_DOSE_RESPONSE = lazyre.compile(r"\b(?:needed|required|needs?)\s+to\s+(?:increase|raise|lift)\b[^.;!?]{0,40}?\bby\b"
                                r"|\bper\s+kg\b[^.;!?]{0,30}?\bto\s+(?:increase|raise)\b", re.I)


def reports_research(title: str) -> bool:
    """Whether a title is a headline that reports rather than advises: a finding
    ("Depression not reduced with 5,700 IU - RCT"), unless it tells the reader what to take
    or what a group needs ("Infants need 1,000 IU"); any headline that names the study it
    comes from ("Need at least 800 IU - meta-analysis"), that gives someone else's view
    ("An airline thinks pilots only need 600 IU") or a dose-response figure ("300 IU needed to
    increase levels by 1 ng")."""
    if (_STUDY_NAMED.search(title) or _VIEW.search(title) or _DOSE_RESPONSE.search(title)) and not _SPEAKS.search(title):
        return True  # ("Trial over: you should take 2,000 IU" speaks to the reader)
    return bool(_FINDING.search(title)) and not _ADVISES.search(title)


#: What a named group or programme is doing: "Group is giving only 200 IU to 70 million women",
#: "Country X has been using 400 IU".
_PRACTICE = lazyre.compile(r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:only\s+|still\s+|now\s+|already\s+)?"
                           r"(?:giving|using|providing|selling|offering|distributing|prescribing|supplementing)\b", re.I)


def reports_practice(title: str) -> bool:
    """Whether a title reports what a group or programme gives or uses ("Ministry is giving only
    200 IU of vitamin D to 40 million mothers"), not what the reader should take."""
    return bool(_PRACTICE.search(title)) and not _ADVISES.search(title)


#: Words a paper's title never has: the reader or the writer addressed, an imperative opening
#: (not the "I" of the unit "I.U.").
_SPEAKS = lazyre.compile(r"\b(?:you|your|I(?!\.\s?U\b)|my|we|our)\b|^\W*(?:take|stop|start|avoid|use|try|get|give|ask)\b", re.I)
#: At most this many words between a heading and the reproduced text it titles (a citation
#: line the regions did not mark: "Eur J Nutr. 2015 Jun 17.").
_TITLE_GAP_WORDS = 12


def titles_reproduced_text(doc: Document, offset: int, quoted: tuple[str, ...]) -> bool:
    """Whether *offset* is in a heading that is a reproduced paper's title: the section under
    it holds reproduced text (a region of the *quoted* kinds) and opens, after at most a
    short line, with it or with the paper's authors or citation (byline, reference), and
    the heading neither addresses the reader nor speaks as the writer."""
    heading = next((h for h in doc.headings if h.start <= offset < h.end), None)
    if heading is None or _SPEAKS.search(heading.text):
        return False
    following = [h.start for h in doc.headings if h.start >= heading.end]
    section_end = min(following) if following else len(doc.prose)

    def starts(kinds: tuple[str, ...]) -> list[int]:
        return [s for s, e in _spans(doc, kinds) if e > heading.end and s < section_end]

    opening = starts(tuple(dict.fromkeys((*quoted, "byline", "reference"))))
    if not starts(quoted) or not opening:
        return False
    gap = doc.prose[heading.end:max(opening[0], heading.end)]
    return sum(1 for _ in _WORDS.finditer(gap)) <= _TITLE_GAP_WORDS


#: An imperative opening a dose's sentence or its clause: "Take 2,000 IU", "Probably start with
#: 2 pills", "Yes: take", "from food, so take", "drink milk and take"; and the writer's advice in
#: the conditional: "I would take 10,000 IU daily", "I'd give".
_IMPERATIVE = lazyre.compile(
    r"(?:^|[:;,\u2013\u2014]\s*|\s-\s|\b(?:so|then|and|or|but|instead)\s+)\W*"
    r"(?:(?:then|so|also|just|probably|simply|always|now|first|initially|perhaps|maybe|instead)\s+){0,2}"
    r"(?:take|start(?:\s+with)?|use|give|add|get|try|aim\s+(?:for|at)|increase\s+to|double|switch\s+to|"
    r"supplement\s+with|consider|stick\s+(?:to|with)|go\s+for|continue\s+with)\b(?![^.;!?]{0,40}\b(?:participants|subjects|"
    r"patients|groups?|arms?)\b)"
    r"|\b(?:I|we)\s*(?:would|'d|\u2019d)\s+(?:\w+\s+)?(?:take|give|use|recommend|suggest|start)\b", re.I)
#: A verdict on the dose after it, in the present or the conditional: "is not enough",
#: "would be far better", "is the minimum", "is safe" ("was not enough" reports a result).
_VERDICT_AFTER = lazyre.compile(
    r"^[^.;!?]{0,60}?\b(?:is|are|would\s+(?:have\s+)?be(?:en)?|will\s+be|may\s+be|might\s+be|could\s+be|"
    r"seems?\s+to\s+be|should\s+be|must\s+be|remains?)\s+(?:(?:not|no\s+longer|still|probably|likely|far|much|"
    r"a\s+lot|very|clearly|just|only|generally|usually|often|perfectly|quite|now|even|rarely|never|hardly|seldom|"
    r"barely|of\s+some)\s+){0,3}"
    r"(?:enough|sufficient|insufficient|inadequate|adequate|needed|required|recommended|necessary|safe|unsafe|"
    r"optimal|ideal|best|better|worse|benefit|too\s+(?:little|low|much|high|small|large)|"
    r"(?:the|a)\s+(?:minimum|maximum|right|good|safe|optimal|ideal|best|better)\b)", re.I)
#: A sentence that works an example ("Example: begin at 25 ng", "e.g. 10,000 IU for 3 days"):
#: arithmetic shown, not a dose recommended.
_EXAMPLE = lazyre.compile(r"^\W*(?:(?:worked\s+)?example|e\.\s?g\.?|for\s+(?:example|instance)|illustration)\b", re.I)
_STUDY_BEFORE = lazyre.compile(r"\b(?:stud(?:y|ies)|trials?|RCTs?|participants|subjects|protocol)\b", re.I)
_SENTENCE_END = lazyre.compile(r"[.;!?](?:\s|$)|\n\s*\n")


def recommends(doc: Document, start: int, end: int) -> bool:
    """Whether the dose at ``[start, end)`` is stated as a recommendation by its sentence:
    advice words before it ("should", "need", "you"), an imperative opening, or a verdict
    on it after ("is not enough", "would be far better"). A worked example does not."""
    from .claims import recommends_before, sentence_before

    before = sentence_before(doc, start)
    if _EXAMPLE.match(before):
        return False
    after = _SENTENCE_END.split(doc.prose[end:end + 200], maxsplit=1)[0]
    if recommends_before(before):
        return True
    if _STUDY_BEFORE.search(before):
        return False  # "Small study: take 60,000 IU ...": the study's protocol
    return bool(_IMPERATIVE.search(before)) or bool(_VERDICT_AFTER.match(after))


#: Report kinds that are still the page's advice when they stand in its prose (not in a heading):
#: what a named body recommends, relayed to the reader, and a graded guideline's text.
RELAYED_KINDS = ("authority", "guideline")
#: A recommendation relayed in the present ("WHO recommends", "both recommend", "the guideline
#: advises"), not news of one ("the IOM concluded in 2010", "Japan recommended only 100 IU").
_RELAYED_NOW = lazyre.compile(r"\b(?:recommends?|advises?|suggests?|says|states|calls\s+for|urges?)\b", re.I)


def relays_advice(doc: Document, start: int) -> bool:
    """Whether the sentence before *start* relays a body's advice in the present tense."""
    from .claims import sentence_before

    return bool(_RELAYED_NOW.search(sentence_before(doc, start)))


def own_words(doc: Document, offset: int) -> bool:
    """Whether *offset* is in the page's own words: not a quotation, a reposted document, a
    pasted paper under its byline or deck, a transcript, a caption, a list of other reports'
    titles or another page's headline in a link, a paper's own voice or a hypothetical
    (:func:`medlint.medical.claims.others_words`). Headings stacked with nothing between
    stay the page's: "Take vitamin D with the largest meal" over the next heading advises.
    """
    from .claims import others_words

    return others_words(doc, offset, titles=False) is None


_HEADING_KINDS = ("heading", "h1", "h2", "h3", "h4", "h5", "h6")


#: A verdict on a dose's safety or sufficiency in a headline, in the present or a modal ("is safe",
#: "can indeed be toxic", "is typically enough", "should have continued"): the page judges the dose.
_HEADLINE_VERDICT = lazyre.compile(
    r"\b(?:is|are|can|may|might|could|would|will)\s+(?:(?:not|indeed|still|typically|generally|usually|often|"
    r"probably|likely|also|be|only|rarely|never|very|far|much)\s+){0,3}"
    r"(?:toxic|safe|unsafe|dangerous|harmful|enough|(?:in)?sufficient|(?:in)?adequate|needed|required|optimal|"
    r"better|best|worse|too\s+(?:little|low|much|high))\b"
    r"|\b(?:should|must|ought\s+to)\b"
    # a minimum or a dose for a purpose, opening the headline: "At least 5,000 IU to reach 50 ng"
    r"|^\W*(?:at\s+least|a\s+minimum\s+of|minimum)\s+\d", re.I)


def headline_advises(headline: str) -> bool:
    """Whether a headline with a dose in it is advice: it says what someone needs or should take,
    speaks to the reader or as the writer ("you", "I"), opens in the imperative, or judges a dose
    in the present ("is safe", "is not enough", "can be toxic"). Any other headline with a dose
    reports: a finding ("Swimmers getting 4,000 IU had fewer injuries", "a loading dose does not
    last long"), a practice or policy ("can fortify food with 1,000 IU"), a comparison or a
    food's content. A careful editor reads those as news, which owes no disclaimer; the page's
    own words under it are still read for advice."""
    return bool(_ADVISES.search(headline) or _SPEAKS.search(headline) or _HEADLINE_VERDICT.search(headline))


#: Where a cited paper lives: a DOI, PubMed or PMC, a PDF, a journal's or a preprint server's site.
_PAPER_TARGET = lazyre.compile(r"(?:\bdoi\.org/|\bdoi:|pubmed|ncbi\.nlm\.nih\.gov|europepmc|\.pdf(?:$|[?#])|"
                               r"biorxiv|medrxiv|sciencedirect|springer|wiley|nature\.com|bmj\.com|thelancet|"
                               r"jamanetwork|nejm\.org|academic\.oup|mdpi\.com|frontiersin|plos)", re.I)
_ITEM_KINDS = ("list-item", "li")


def cites_paper(doc: Document, offset: int) -> bool:
    """Whether *offset* is in a list item that cites a paper: the item links to it (a DOI, PubMed,
    a PDF, a journal) and its words are the paper's title ("Long-term supplementation with 4,000 IU
    and adverse events: a meta-analysis - 2023 [PDF](...)"), not advice of the page's own (an item
    that says what to take or need, or speaks to the reader, still counts)."""
    block = doc.block_at(offset)
    if block is None or block.kind not in _ITEM_KINDS:
        return False
    if not any(block.start <= link.start < block.end and _PAPER_TARGET.search(link.target) for link in doc.links):
        return False
    return not headline_advises(doc.prose[block.start:block.end])


#: A sentence that reports research: a study, trial or its people named, a result reported.
_REPORTS_STUDY = lazyre.compile(
    r"\b(?:stud(?:y|ies)|trials?|RCTs?|meta-analys[ie]s|participants|subjects|researchers|investigators|"
    r"cohort|placebo|(?:has|have|had)\s+been\s+reported|in\s+(?:mice|rats|animals|dogs|pigs))\b", re.I)


def reports_study(sentence: str) -> bool:
    """Whether a dose's sentence reports research ("In studies on animals, the toxic dose has been
    reported as 0.5 mg/kg", "a trial of 50,000 IU weekly is starting") rather than advising: it
    names the study, trial or its participants and says nothing to the reader (no need, should,
    you, imperative or verdict on the dose: "Trials show you need 4,000 IU" still advises)."""
    return bool(_REPORTS_STUDY.search(sentence)) and not headline_advises(sentence)


#: Blocks that stand apart from the prose: headings, list items and table rows or cells. On a
#: page about a study these are its outline, its "Summary" or "Highlights" bullets, its
#: results table's headers, a trial registration's arms.
_APART_KINDS = (*_HEADING_KINDS, *_ITEM_KINDS, "table-row", "tr", "td", "th", "caption", "dt", "dd")
#: A page that gathers many studies or gives an overview is the site's own synthesis, not one
#: study's report: "Hives treated by vitamin D - many studies", "Overview Leukemia and vitamin D".
_COLLECTION = lazyre.compile(r"\bmany\s+(?:studies|trials|RCTs|reviews|papers|reports)\b|^\W*overview\b"
                             # a proposal of the page's own: "Hypothesis: X could be treated with vitamin D"
                             r"|\bhypothes[ie]s\b|\b(?:could|might|may)\s+(?:be\s+)?(?:treated|prevented|cured|helped)\b",
                             re.I)
#: The page's own remark in an outline line, beyond :func:`headline_advises`: a verdict on the
#: dose in the present ("800 IU probably not enough", "is fairly small", "is a lot for a mouse")
#: and an aside to the reader ("(just put it on the calendar)").
_OWN_REMARK = lazyre.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)\b(?:probably|likely|clearly|still)?\s*not\s+enough\b"
    r"|\b(?:is|are)\s+(?:(?:fairly|quite|very|rather|too|still|really|only)\s+)?(?:small|tiny|modest|low|large|huge|high|"
    r"a\s+lot|a\s+lot\s+of|plenty|useless|useful)\b"
    r"|\(\s*(?:just\s+|simply\s+)?(?:put|take|use|try|add|give|get|start|mark|remember)\b", re.I)


def about_study(title: str) -> bool:
    """Whether the page's title makes it the report of one study: it names the study ("- RCT",
    "meta-analysis") or reports its finding ("Bone markers not improved by 550 IU"), and neither
    advises ("Infants need 1,000 IU", "you", "should") nor gathers many studies or an overview."""
    return bool((reports_research(title) or _STUDY_NAMED.search(title))
                and not headline_advises(title) and not _COLLECTION.search(title))


def reports_in_outline(doc: Document, offset: int, title: str) -> bool:
    """Whether *offset* is in a heading, list item or table row on a page that reports one study
    (:func:`about_study`): the study's dose, arm, protocol or result stated apart from the
    prose ("Summary: 550 IU for 10 weeks", "44% cured by 1,000 IU daily - RCT", "|Control|50,000
    IU weekly|", a paper's title). Such a line is the study's words wherever it stands; it counts
    only when it advises in itself (a need, "should", "you", an imperative, a verdict on a dose
    in the present: "Most adults need 2,000 IU")."""
    block = doc.block_at(offset)
    if block is None or block.kind not in _APART_KINDS:
        return False
    line = doc.prose[block.start:block.end]
    return not headline_advises(line) and not _OWN_REMARK.search(line) and about_study(title)


#: A study named as the subject of an outline line ("The study using 40,000 IU showed", "12,000
#: people in a 4 year RCT with 75 mg aspirin", "Astronaut test of 1,000 IU"), not only tagged on
#: after a dash as a headline's source ("X treated by 28,000 IU - RCT 2020": the page's pick).
_SOURCE_TAG = lazyre.compile(r"\s+[-\u2013\u2014]+\s+[^-\u2013\u2014]*$")
_STUDY_SUBJECT = lazyre.compile(r"\b(?:stud(?:y|ies)|trials?|RCTs?|tests?\s+of|experiments?|participants|subjects|"
                                r"cohort|placebo|meta-analys[ie]s)\b", re.I)
#: A caption: a table's or figure's ("Table 2: 2,000 IU reduced ..."), one that points at a picture
#: ("click on image for details") or introduces pictures ("A few examples of 60,000 IU sachets").
_CAPTION = lazyre.compile(r"^\W*(?:table|figure|fig\.?|chart|graph)\s*\d+[a-z]?\s*[:.\-\u2013]"
                          r"|\bclick\s+(?:on\s+)?(?:the\s+)?(?:image|picture|chart|graph|figure)\b"
                          r"|\b(?:examples?|photos?|pictures?|images?|screenshots?)\s+of\b", re.I)


def outline_reports(doc: Document, offset: int) -> bool:
    """Whether *offset* is in a heading, list item or table row that is not the page's advice
    wherever the page stands: it names the study whose dose it reports as its subject, or it is
    a caption of a table, figure or picture; and it does not advise in itself."""
    block = doc.block_at(offset)
    if block is None or block.kind not in _APART_KINDS:
        return False
    line = doc.prose[block.start:block.end].strip()
    if headline_advises(line) or _OWN_REMARK.search(line):
        return False
    return bool(_CAPTION.search(line) or _STUDY_SUBJECT.search(_SOURCE_TAG.sub("", line)))


#: Money in a dose's line: a cost, price or saving ("Thus saving $2 billion by simply giving 800 IU to
#: those at risk", "cost-effectiveness of 800 IU"): a policy's figure, not a dose for the reader.
_MONEY = lazyre.compile(r"\b(?:cost(?:s|ing|-effective\w*)?|sav(?:e|es|ed|ing|ings)\s+(?:\S+\s+){0,2}?"
                        r"(?:[$\u20ac\u00a3]|\d|dollars?|pounds?|euros?|millions?|billions?)|budget|"
                        r"dollars?|euros?|pounds\s+sterling)\b|[$\u20ac\u00a3]\s?\d", re.I)
#: A hypothetical critique of a study, in the past conditional: "If the trial had enrolled
#: people already on > 3,000 IU", "3,000 IU might have shown some benefit", "would have been better".
_COUNTERFACTUAL = lazyre.compile(r"\bif\s+(?:\w+\s+){0,6}?had\s+(?:been\s+|only\s+|also\s+)?\w+"
                                 r"|\b(?:might|would|could)\s+(?:well\s+)?have\s+(?:been|shown|helped|had|given|"
                                 r"worked|found|used|prevented|reduced)\b", re.I)
_LEAD_IN_END = lazyre.compile(r"[.!?]\W*$")
#: A disagreement reported: "Paediatricians disagree on the dose babies need: 200 IU or 800 IU",
#: "experts dispute whether 400 IU is enough": the page reports a debate, taking no side.
_DEBATE = lazyre.compile(r"\b(?:disagree\w*|debat\w*|controvers\w*|disput\w*|conflicting|no\s+consensus)\b", re.I)


def aside_to_advice(doc: Document, offset: int, sentence: str) -> bool:
    """Whether a dose's sentence reports a disagreement, gives a policy's cost or saving, or is a
    hypothetical critique of a study (in its sentence, or in the lead-in paragraph a list item completes: "If the trial had
    enrolled people already on: * > 3,000 IU"), and tells no reader to take anything ("you", "should",
    an imperative opening)."""
    if _DEBATE.search(sentence) and not _SPEAKS.search(sentence):
        return True
    if headline_advises(sentence) and not _COUNTERFACTUAL.search(sentence):
        return False
    if _MONEY.search(sentence) or _COUNTERFACTUAL.search(sentence):
        return True
    block = doc.block_at(offset)
    i = doc.block_index(block) if block is not None and block.kind in _ITEM_KINDS else None
    if not i:
        return False
    j = i - 1
    while j >= 0 and doc.blocks[j].kind in _ITEM_KINDS:
        j -= 1  # the items before this one, up to the paragraph that leads into the list
    if j < 0:
        return False
    lead = doc.prose[doc.blocks[j].start:doc.blocks[j].end].strip()
    return not _LEAD_IN_END.search(lead) and bool(_COUNTERFACTUAL.search(lead))


#: A report's tag closing a line: the study kind and/or its date after a dash ("- RCT Oct 2018",
#: "– meta-analysis 2021", "- March 2016", "– 2009-2012"), or a bare month and year ("Sept 2019").
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_STUDY_KIND = (r"(?:RCTs?|trials?|stud(?:y|ies)|meta-(?:analys[ie]s|regressions?)|systematic\s+reviews?|reviews?|"
               r"umbrella\s+reviews?|cohorts?|surveys?|analys[ie]s|observational|Mendelian\s+randomi[sz]ation|preprint|"
               r"Cochrane|case\s+(?:study|report|series))")
_REPORT_TAG = lazyre.compile(
    r"(?:\s[-\u2013\u2014]+\s*(?:(?:(?:a|an|the|small|large|another|pilot|\d+)\s+)?" + _STUDY_KIND + r"[\s,]*)?"
    r"(?:(?:" + _MONTH + r"\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d(?:\s*[-\u2013/]\s*(?:19|20)?\d\d)?)?"
    r"|\s[-\u2013\u2014]+\s*(?:(?:a|an|the|small|large|another|pilot|\d+)\s+)?" + _STUDY_KIND +
    r"|\b" + _MONTH + r"\s+(?:19|20)\d\d)[\s*_)\].]*$", re.I)
_MARKUP = lazyre.compile(r"[*_`]+|\[([^\]]*)\]\([^)]*\)")
#: A headline's year or study tag run straight into a bold line (the cited paper's title): the
#: headline ends at the tag ("... did not help - RCT 2021** A single dose before IVF ...").
_TAG_THEN_BOLD = lazyre.compile(r"(?:\d|RCTs?|analys[ie]s|trials?|stud(?:y|ies)|reviews?)\*\*(?=\s*\S)", re.I)


def tagged_report_line(doc: Document, offset: int) -> bool:
    """Whether *offset* is in a heading, list item or table row that reads as a report's
    headline: it closes with the report's tag, the study and/or its date after a dash ("Topical
    cream raised levels by 20% with 3,000 IU - RCT May 2015", "Fewer colds with 1,000 IU daily -
    2012"), as topic pages that gather many studies list them. Such a line is news of a finding,
    the page's pointer to that report, not what the reader should take; it counts only when it
    advises in itself (a need, "should", "you", an imperative, a verdict on a dose in the present)."""
    block = doc.block_at(offset)
    if block is None or block.kind not in _APART_KINDS:
        return False
    raw = doc.prose[block.start:block.end]
    cut = _TAG_THEN_BOLD.search(raw)
    line = _MARKUP.sub(lambda m: m.group(1) or "", raw[:cut.start() + 1] if cut else raw).strip()
    end = _SENTENCE_END.search(line)
    if end is not None and end.end() < len(line):
        return False  # a paragraph of its own, not one headline
    tag = _REPORT_TAG.search(line)
    if tag is None or tag.group().strip(" -\u2013\u2014*_).]") == "":
        return False
    return not (headline_advises(line) or _OWN_REMARK.search(line))



#: A figure told as history or as someone's past decision: "(Japan, at the time, recommended
#: only 100 IU)", "the panel concluded that infants require 400 IU", "the upper limit was set at
#: 4,000 IU", "advocates have recommended 5,000 IU", "400 IU was advised in 1990". Only explicit
#: marks of the past or of a report count: a bare "recommended" or "used to" is as often the
#: present ("It is generally recommended that", "It's recommended", "is used to treat"), which
#: still advises.
_PAST_FIGURE = lazyre.compile(
    r"\b(?:at\s+the\s+time|back\s+then|in\s+those\s+days|historically|formerly)\b"
    r"|\b(?:concluded|decided|declared|announced|stated|reported|determined|ruled)\s+(?:in\s+\S+\s+)?that\b"
    r"|\bwith\s+the\s+conclusions?\s+that\b|\bthe\s+(?:meeting|panel|committee|conference)'?s?\s+conclusions?\b"
    r"|\b(?:was|were|had(?:\s+been)?|have|has)\s+(?:\w+ly\s+)?(?:recommended|advised|advocated|proposed)\b"
    r"(?!\s+(?:dose|intake|amount|daily|by\s+(?:your|a)\b))"
    r"|\b(?:was|were|had\s+been|has\s+been)\s+(?:set|fixed|established|raised|lowered|increased|cut)\s+(?:at|to)\b", re.I)
#: The present set against the history: "formerly 400 IU; today adults need 1,000 IU".
_NOW = lazyre.compile(r"\b(?:today|now|nowadays|currently|these\s+days|at\s+present)\b", re.I)
#: Advice the same sentence still gives the reader.
_READER = lazyre.compile(r"\b(?:you|your|should|must|ought\s+to)\b|^\W*(?:take|stop|start|avoid|use|try)\b", re.I)


#: A study's protocol told in prose: "those who reached the target were then treated with", "the
#: trial gave", "participants received" (what was done to others, in the past), or a protocol's rule
#: for its subjects ("the protocol requires an increase of").
_PROTOCOL = lazyre.compile(
    r"\b(?:were|was)\s+(?:then\s+|again\s+|also\s+|subsequently\s+|each\s+|initially\s+)?(?:treated\s+with|given|"
    r"supplemented\s+with|started\s+on|switched\s+to|put\s+on|randomi[sz]ed\s+to|assigned\s+to|dosed\s+with)\b"
    r"|\b(?:trial|study|researchers|investigators|protocol)\s+(?:gave|used|tested|administered|compared)\b"
    r"|\b(?:participants|patients|subjects|volunteers)\s+(?:received|got|took)\b"
    # a protocol's own rule: "the protocol requires an increase of", "the subject is directed to"
    r"|\bprotocol\b[^;!?\n]{0,40}?\b(?:requires?|required|calls\s+for|specifies|specified|prescribes)\b"
    r"|\b(?:the|each)\s+(?:subject|participant|volunteer)\s+(?:is|was)\s+(?:then\s+)?(?:directed|instructed|asked|told)\b", re.I)


#: A year placing the sentence in the past: "in 1990", "by 2005", "back in the 1980s", "(1997)".
#: "Since 2010" is left out: what has held since then still holds.
_PAST_YEAR = lazyre.compile(r"\b(?:in|by|until|till|during|around|circa|back\s+in|as\s+of)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?"
                            r"(?:19|20)\d\d(?:s|'s)?\b|\((?:19|20)\d\d\)", re.I)
#: The page's own body in the past ("In 2023 our GPs advised"): the site's advice, not news of a third party's.
_OWN_PAST = lazyre.compile(r"\b(?:we|our|us)\b", re.I)
#: The rest of the sentence re-affirms the dated advice: "..., and that advice stands", "still applies".
_STILL_HOLDS = lazyre.compile(r"\b(?:stands|still|remains?|holds|applies|continues?)\b|\b(?:today|now|currently)\b", re.I)
_SINCE_YEAR = lazyre.compile(r"\b(?:since|from)\s+(?:19|20)\d\d\b(?!\s*(?:to|until|till|[-\u2013]))", re.I)
#: A recommending verb in the simple past ("recommended", "advised"), not a passive or perfect
#: that may still hold ("is recommended", "have recommended") nor an adjective ("recommended dose").
_SIMPLE_PAST_ADVICE = lazyre.compile(
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bhas\s)(?<!\bhave\s)(?<!'s\s)(?<!\u2019s\s)"
    r"\b(?:recommended|advised|advocated|prescribed|suggested|proposed|urged|gave|told)\b"
    r"(?!\s+(?:dose|doses|intake|amount|daily|allowance))", re.I)
#: A personal history of treatment: what the writer or someone else was told or given ("I was advised
#: to take", "my GP prescribed me", "she was put on"): an account of what happened, as "I took" is.
_PERSONAL_HISTORY = lazyre.compile(
    r"\b(?:I|we|he|she|they)\s+(?:was|were)\s+(?:\w+ly\s+)?(?:advised|told|prescribed|given|put\s+on|started\s+on|"
    r"recommended)\b"
    r"|\b(?:advised|told|prescribed|recommended|instructed|gave)\s+(?:me|him|her|us|them)\b"
    # "put" is also the present and the imperative ("Put them on 400 IU"): only after a singular
    # subject, where it can only be the past ("she put him on", "the GP put me on")
    r"|\b(?:he|she|(?:the|my|our|his|her|their)\s+(?:doctor|GP|nurse|midwife|consultant|specialist|paediatrician|"
    r"pediatrician|dentist|surgeon|physician|dietitian|pharmacist))\s+(?:then\s+|also\s+|quickly\s+)?put\s+"
    r"(?:me|him|her|us|them)\b", re.I)
#: What a study's group of people had or took, in the past ("Some of the women had 2,000 IU added",
#: "the mothers took 800 IU"): the study's account, not a dose for the reader.
_PEOPLE = (r"(?:women|men|mothers|fathers|children|kids|infants|babies|toddlers|adults|seniors|patients|people|"
           r"participants|volunteers|subjects|athletes|students|nurses|soldiers|residents|girls|boys|pregnancies)")
_GROUP_HAD = lazyre.compile(
    r"\b(?:(?:some|half|all|most|many|few|none|each|several|both|one|two|three|\d+)\s+of\s+)?(?:the|these|those|"
    r"their|our)\s+(?:[\w-]+\s+){0,2}?" + _PEOPLE + r"\s+(?:in\s+(?:the\s+)?[\w-]+\s+(?:group|arm)\s+)?"
    r"(?:had|took|got|received)\b", re.I)


def reports_past_figure(before: str, after: str = "") -> bool:
    """Whether the words before a dose (its sentence up to it) tell it as news of a body's or a
    group's past recommendation, decision or limit ("Doctors in 1990 recommended"), of what a
    study gave its participants or a group had, or as a personal history ("I was advised to
    take", "my doctor prescribed me"), and say nothing to the reader (nor does the rest of the
    sentence, *after* the dose: "..., and you should too")."""
    if _READER.search(before) or _YOU.search(after):
        return False
    if _PROTOCOL.search(before) or _GROUP_HAD.search(before) or _PERSONAL_HISTORY.search(before):
        return True
    year = _PAST_YEAR.search(before)
    if (year and _SIMPLE_PAST_ADVICE.search(before) and not _NOW.search(before)
            and not _OWN_PAST.search(before) and not _STILL_HOLDS.search(after)):
        return True
    if _SINCE_YEAR.search(before):
        return False  # "since 2011 ... have recommended": still in force
    past = None
    for past in _PAST_FIGURE.finditer(before):
        pass
    return past is not None and not _NOW.search(before, past.end())


#: A dose restated in another unit or as a daily average, in parentheses right after the dose
#: it converts: "60,000 IU monthly (equivalent to 2,000 IU/day", "(= 1.25 mg", "(i.e. 7,000 IU".
_RESTATED = lazyre.compile(r"\(\s*(?:equivalent\s+to|equiv\.?|equals?|=|\u2248|~|i\.\s?e\.,?|that\s+is,?|or)\s*$", re.I)
#: A statistic of the doses a group was given: "Daily average 7,000; 3,500 and 1,700 IU", "median dose: 4,000 IU".
_DOSE_STATISTIC = lazyre.compile(r"^\W*(?:(?:daily|weekly|monthly)\s+)?(?:average|mean|median)\b(?:\s+(?:daily|weekly|dose|doses|intake|was|were|of))*"
                                 r"[\s:=]*(?:\d[\d,.]*(?:\s*(?:IU|mg|mcg|units?))?\s*(?:[,;]|and|or)\s*)*$", re.I)
#: Text of a web address, not prose: an encoded space or an address around the dose.
_ADDRESS_TEXT = lazyre.compile(r"%20|%2[CcFf]|://|\bwww\.")


def restates_or_encodes(doc: Document, start: int, before: str) -> bool:
    """Whether the dose at *start* is not a dose of its own: the same dose restated in another
    unit in parentheses (the dose before it is judged), a statistic of the doses a group was
    given, or text inside a web address (an encoded link target the reader never sees)."""
    if _RESTATED.search(before) or _DOSE_STATISTIC.match(before):
        return True
    lo = max(doc.prose.rfind(" ", 0, start), doc.prose.rfind("\n", 0, start)) + 1
    hi = len(doc.prose)
    for ws in (" ", "\n"):
        at = doc.prose.find(ws, start)
        if at >= 0:
            hi = min(hi, at)
    return bool(_ADDRESS_TEXT.search(doc.prose, lo, hi))


#: A title whose subject is a body's published figures: "Nordic recommendations: vitamin D about
#: 400 IU", "Dutch guideline for infants: 400 IU", "RDA for adults in 1997".
_OFFICIAL_TITLE = lazyre.compile(r"^\W*(?:[\w.'\u2019-]+\s+){0,4}?(?:recommendations|guidelines?|RDAs?|DRIs?|dietary\s+reference\s+"
                                 r"(?:intakes?|values?)|reference\s+intakes?|upper\s+(?:intake\s+)?limits?)\b", re.I)
_TITLE_NEEDS = lazyre.compile(r"\b(?:should|must|ought|needs?|needed)\b", re.I)


def reports_official(title: str) -> bool:
    """Whether a title reports a body's published recommendations or limits as its subject
    ("Swiss recommendations: vitamin D about 600 IU"): news of an official figure. A title that
    speaks to the reader, or says what someone should take or needs, still advises."""
    return bool(_OFFICIAL_TITLE.match(title)) and not _SPEAKS.search(title) and not _TITLE_NEEDS.search(title)


#: A section heading that names the ONE report the section carries: a study, trial or paper in
#: the singular ("Clinical trial by a VA hospital", "Earlier publication by the same group - 2019",
#: "Fewer falls with 4,000 IU - RCT 2018"). A plural is a topic ("Dosing for patients in trials",
#: "What the studies say") and a bare date a section's stamp ("Dosing - 2024"): neither makes the
#: section's doses someone else's.
_MONTH_NAME = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
               r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
#: The noun must stand as the report itself, not as a word qualifying a topic: "## Study tips", "Trial
#: period", "Paper straws" name no report (a following word other than a preposition, a reporting verb
#: or a part of a report makes the noun a modifier; a month starts the report's date tag: "RCT Feb 2021").
_REPORT_HEADING = lazyre.compile(r"\b(?:RCT|trial(?!\s+and\s+error)|study|meta-analysis|systematic\s+review|publication|paper|"
                                 r"abstract|preprint)\b(?!-)"
                                 r"(?!\s+(?!(?:by|of|from|in|on|at|with|for|to|about|into|published|found|finds|shows?|showed|"
                                 r"reports?|reported|results?|design|protocol|summary|abstract|conclusions?|details|findings|"
                                 r"and|or|vs|versus|was|is|that|which|where|suggests?|concludes?|confirms?|registered|" + _MONTH_NAME + r")\b)[^\W\d_])",
                                 re.I)
#: A clinical-trial registry's address (a heading linking to one trial).
_REGISTRY_TARGET = lazyre.compile(r"clinicaltrials\.gov|isrctn|clinicaltrialsregister|anzctr|trialsearch\.who", re.I)
#: The writer's own guess or aside opening a line: "Suspect that ...", "Wonder whether", "Seems that".
_WRITER_HEDGE = lazyre.compile(r"^\W*(?:(?:I\s+)?(?:suspect|guess|wonder|hope|doubt)|seems?(?:\s+like)?|perhaps|probably|"
                               r"interesting(?:ly)?|sad(?:ly)?|unfortunately|surprising(?:ly)?)\b", re.I)
_SMALL_DOSE = lazyre.compile(r"\ba\s+(?:very\s+|fairly\s+|rather\s+)?(?:small|tiny|low|modest|large|huge|high)\s+dose\b", re.I)


def _names_report(doc: Document, offset: int, heading: str) -> bool:
    """Whether the section heading over *offset* names one report: a study, trial or paper in
    the singular, or a link to a paper or a trial's registry entry (a linked title)."""
    if _REPORT_HEADING.search(heading):
        return True
    start = max((h.start for h in doc.headings if h.start <= offset), default=None)
    if start is None:
        return False
    end = next(h.end for h in doc.headings if h.start == start)
    return any(start <= link.start < end and not link.image
               and (_PAPER_TARGET.search(link.target) or _REGISTRY_TARGET.search(link.target)) for link in doc.links)


def under_report_heading(doc: Document, offset: int) -> bool:
    """Whether *offset* is in a paragraph or list item of a section whose heading names the study,
    trial or paper it reports, and the block neither advises nor remarks on the dose ("7,500 IU
    daily for 6 months, no loading dose" under a trial's heading is the trial's protocol; "Used only
    600 IU, a small dose" is the writer's verdict). A section headed as the writer's comment is
    the page's own."""
    from ..reproduced import own_comment

    block = doc.block_at(offset)
    if block is None or block.kind in _HEADING_KINDS or block.kind == "title":
        return False
    heading = doc.heading_before(offset)
    if not heading or not _names_report(doc, offset, heading) or headline_advises(heading) or own_comment(heading):
        return False
    text = doc.prose[block.start:block.end]
    return not (headline_advises(text) or _OWN_REMARK.search(text) or _SMALL_DOSE.search(text)
                or _VERDICT_AFTER.search(text) or _WRITER_HEDGE.match(text))


#: The share of a page's body text inside reproduced regions from which the page is a repost
#: (a pasted article, handout or paper with at most a line or two of the writer's own).
REPOST_SHARE = 0.9
_SPACE = lazyre.compile(r"\s+")


def mostly_reproduced(doc: Document) -> bool:
    """Whether the page's body is almost all one reproduced document (:mod:`medlint.reproduced`):
    then the page carries that document's report, and only what it tells the reader to take is
    advice the page hands on. Kept on the document (asked per dose)."""
    if "advice:mostly-reproduced" not in doc.cache:
        from ..reproduced import reproduced_spans

        spans = reproduced_spans(doc)
        body = len(_SPACE.sub("", doc.prose[doc.body_start:]))
        inside = sum(len(_SPACE.sub("", doc.prose[max(lo, doc.body_start):hi])) for lo, hi in spans if hi > doc.body_start)
        doc.cache["advice:mostly-reproduced"] = bool(spans) and body > 0 and inside >= REPOST_SHARE * body
    return doc.cache["advice:mostly-reproduced"]


def reposted_report(doc: Document, start: int, end: int, sentence: str) -> bool:
    """Whether the dose at ``[start, end)`` is a figure in a page that reposts one document
    (:func:`mostly_reproduced`), inside the reproduced text, and its sentence does not advise (a
    need, "should", "you", an imperative, a verdict on the dose): the document's report, which
    the page hands on as news."""
    from ..reproduced import in_reproduced

    return (mostly_reproduced(doc) and in_reproduced(doc, start)
            and not (recommends(doc, start, end) or headline_advises(sentence) or _READER.search(sentence)))


#: The page's verdict that a claim is false, set right after it in its line: "(MYTH - ...)",
#: "(FALSE: ...)", "[Wrong]", "(Nope: ...)", "- not true".
#: The verdict word stands alone ("(False)", "(MYTH: ...", "(Wrong, say ...", "(Myth that ..."): "(false
#: claims online suggest more)" is the page's remark about other claims, not its verdict on this line.
_REFUTED_MARK = lazyre.compile(r"[(\[{]\s*(?:myth|false|wrong|not\s+true|untrue|nope|incorrect|debunked|busted|"
                               r"nonsense|mistaken)(?:\s+(?:busted|debunked|alert))?(?=\s*(?:[)\]}:;,.!\u2013\u2014-]|that\b|$))"
                               r"|\s[-\u2013\u2014]\s*(?:MYTH|FALSE|WRONG|NOT\s+TRUE)\b", re.I)
#: A lead-in that presents a list as claims it rejects: "The leaflet is wrong in many ways", "Common
#: myths", "errors in the article", "misconceptions".
_REJECTS_LIST = lazyre.compile(r"\b(?:is|are|was|were)\s+(?:\w+\s+){0,2}?(?:wrong|incorrect|mistaken|misleading|false|"
                               r"outdated|flawed)\b|\bmyths?\b|\bmisconceptions?\b|\b(?:mistakes|errors|false\s+claims|"
                               r"misinformation)\b", re.I)
#: A lead that names another source as wrong ("The pharmacy leaflet is wrong in several ways"): its
#: items are that source's claims, even in the imperative ("Never take more than ...").
_SOURCE_WRONG = lazyre.compile(r"\b(?:leaflets?|handouts?|articles?|posts?|websites?|site|pages?|videos?|adverts?|"
                               r"advertisements?|books?|label|brochures?|pamphlets?|blogs?|columns?|letters?|claims?)\b"
                               r"[^.;!?]{0,40}?\b(?:is|are|was|were)\s+(?:\w+\s+){0,2}?(?:wrong|incorrect|mistaken|misleading|"
                               r"false|outdated|flawed)\b", re.I)
#: A lead that introduces the page's own list, whatever it said before: "Here is what to do instead:",
#: "Our plan for winter:".
_OWN_LIST = lazyre.compile(r"\binstead\b|\bwhat\s+(?:to\s+do|works|helps)\b|\bhere\s+is\s+how\b|"
                           r"\b(?:our|my)\s+(?:[\w-]+\s+)?(?:plan|advice|tips|recommendations?|approach|guidance|rules?|"
                           r"suggestions?)\b", re.I)
#: A list item in the imperative: the page's own advice ("Take 65 mg ...", "Swallow each tablet").
_ITEM_IMPERATIVE = lazyre.compile(r"^\W*(?:(?:always|also|just|then|instead|only)\s+)?(?:take|swallow|give|use|try|"
                                  r"start|ask|eat|drink|get|keep|check|choose|aim|split|have|add|apply|stick|wait|talk|"
                                  r"see|switch|spread|avoid|stop|limit|increase|reduce|consider|make)\b", re.I)
_YOU = lazyre.compile(r"\b(?:you|your|yours)\b", re.I)
#: The page's own answer inside the claim's line ("Fact: ...", "The truth -") still speaks.
_ANSWER = lazyre.compile(r"\b(?:the\s+)?(?:fact|facts|truth|reality)\s*[:\u2013\u2014-]", re.I)
_SENTENCE_BREAK = lazyre.compile(r"(?<=[.!?])\s+")
#: How many blocks before a list may lead into it ("The handout is wrong." / "**Some of them**").
_LEAD_IN_BLOCKS = 2


def refuted_claim(doc: Document, offset: int) -> bool:
    """Whether *offset* is in a claim the page quotes to refute it: its line closes with the
    page's verdict ("10,000 IU is toxic (MYTH - ...)", "... can be harmful (Nope)"), or it is an
    item of a list led in as someone's mistakes or myths ("The clinic's leaflet is wrong in many
    ways: ..."). An editor reads these as the page saying the figure is false, not as a dose to
    take, even when the claim says "should": it is the claim's word. A claim that also speaks to
    the reader ("you") or gives the page's answer before the verdict ("Fact:") still counts."""
    block = doc.block_at(offset)
    if block is None:
        return False
    mark = _REFUTED_MARK.search(doc.prose, offset, block.end)
    # the claim is the line up to the page's verdict; its "should" is the claim's own
    claim = doc.prose[block.start:mark.start() if mark else block.end]
    if _YOU.search(claim) or _ANSWER.search(claim):
        return False
    if mark is not None:
        return True
    i = doc.block_index(block)
    if block.kind not in _ITEM_KINDS or i is None:
        return False
    imperative = bool(_ITEM_IMPERATIVE.match(claim))
    j, seen = i - 1, 0
    while j >= 0 and seen < _LEAD_IN_BLOCKS:
        kind = doc.blocks[j].kind
        if kind in _HEADING_KINDS:
            return False
        if kind not in _ITEM_KINDS:
            seen += 1
            lead = doc.prose[doc.blocks[j].start:doc.blocks[j].end].strip()
            # the lead's last sentence introduces the list: "Myths abound. Here is what to do instead:"
            if _OWN_LIST.search(_SENTENCE_BREAK.split(lead)[-1]):
                return False
            if _REJECTS_LIST.search(lead):
                # an item in the imperative is the page's advice ("Avoid these mistakes: ... - Take 65 mg"),
                # unless the lead quotes another source's errors
                return not imperative or bool(_SOURCE_WRONG.search(lead))
            if lead.endswith(":"):
                return False  # the lead right above is the list's own and rejects nothing
        j -= 1
    return False


#: A conclusion credited to a paper's findings or authors: "The findings suggest that", "the authors
#: concluded that", "Their results indicate that" ("trials show you need" speaks to the reader).
_CREDITED_VERB = (r"\s+(?:\w+\s+)?(?:suggest|suggests|suggested|conclude|concludes|concluded|indicate|indicates|"
                  r"indicated|propose|proposes|proposed|recommend|recommends|recommended|argue|argues|argued)\s+that\b")
_CREDITED_CONCLUSION = lazyre.compile(
    r"\b(?:the|these|those|our|their|its|this\s+(?:study's|trial's|review's|paper's))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:findings|results|authors|researchers|investigators|data|analysis|analyses)" + _CREDITED_VERB, re.I)
#: Studies credited generally: "Studies by a named group and colleagues suggest that", "A trial in Norway
#: concluded that". What they say is reported unless it is a present modal of advice: "Several studies
#: suggest that adults should take 1,000 IU" is the page recommending a dose on the studies' strength.
_CREDITED_STUDIES = lazyre.compile(
    r"^\W*(?:(?:a|an|the|two|three|several|many|other|recent|earlier|later|newer)\s+){0,2}(?:stud(?:y|ies)|trials?|RCTs?|"
    r"research|reviews?|meta-analys[ie]s)\b(?:\s+(?:by|from|in|at|of)\b[^.;!?]{0,120}?)?" + _CREDITED_VERB, re.I)
_ADVICE_MODAL = lazyre.compile(r"\b(?:should|must|ought\s+to|needs?\s+to|have\s+to|has\s+to)\b", re.I)
_TO_READER = lazyre.compile(r"\b(?:you|your)\b|^\W*(?:take|stop|start|avoid|use|try)\b", re.I)


def credited_conclusion(before: str) -> bool:
    """Whether the words before a dose credit what follows to a paper's findings or authors ("The
    findings suggest that the allowance for pregnancy should be raised to ..."): the paper's
    conclusion, reported, even with its "should"; unless the sentence turns to the reader."""
    if _TO_READER.search(before):
        return False
    if _CREDITED_CONCLUSION.search(before):
        return True
    studies = _CREDITED_STUDIES.search(before)
    return studies is not None and not _ADVICE_MODAL.search(before, studies.end())


def practice_figure(doc: Document, start: int, end: int, sentence: str, headline: str) -> bool:
    """Whether the dose at ``[start, end)`` is a bare figure on a page whose headline reports what a
    body or programme gives (:func:`reports_practice`: "Charity is giving only 200 IU to ..."): the
    page's lines restating that programme's doses ("Only 200 IU for toddlers") are news of the
    practice it criticises or reports. A line that recommends a dose, speaks to the reader or
    judges the dose in the present still counts."""
    return (reports_practice(headline) and not recommends(doc, start, end) and not headline_advises(sentence)
            and not _OWN_REMARK.search(sentence) and not _READER.search(sentence))


#: A note on the dose range a finding, formula or chart holds for, ending at the dose: "Note: this is
#: for dose levels of < 2,000 IU", "The equation applies only to intakes below", "These results hold
#: for doses up to". It limits what was found; it tells no one what to take.
_SCOPE_NOTE = lazyre.compile(
    r"\b(?:(?:this|that|these|those|the|its|our)\s+(?:formula|equation|rule(?:\s+of\s+thumb)?|model|results?|findings?|"
    r"estimates?|relationship|curve|chart|graph|table|calculator|data)|this|that|it)\s+(?:(?:is|are|was|were)\s+)?(?:only\s+)?"
    r"(?:is|are|applies|apply|holds?|(?:is|are)\s+valid|valid|was\s+tested|were\s+tested|was\s+measured|were\s+measured)\s+"
    r"(?:only\s+)?(?:for|to|with|at|over|within)\s+(?:(?:vitamin\s+\w+|supplement|daily|weekly|oral)\s+)?"
    r"(?:doses?|dosages?|intakes?|supplementation)(?:\s+(?:levels?|ranges?|amounts?))?\s+"
    r"(?:of\s+)?(?:below|under|above|over|up\s+to|less\s+than|more\s+than|between|from|<|>|\u2264|\u2265|=<|>=)?\s*$", re.I)


def scope_note(before: str) -> bool:
    """Whether the words before a dose say which dose range a finding or formula covers ("Note:
    this is for dose levels of < 2,000 IU"), and the sentence does not turn to the reader."""
    return bool(_SCOPE_NOTE.search(before)) and not _READER.search(before)


#: A heading that labels the items of a questionnaire, a survey's questions, a form or a model's inputs:
#: "Questionnaire", "Sleep habits questionnaire", "Survey items", "Variables/questions", "Model inputs",
#: "Intake form". The label is the whole heading: "Predictors of low levels in teens" titles a paper and
#: "The variables that decide how much you need" is the page's own guidance. ("Questions" alone heads a
#: page's questions and answers, which advise.)
_ITEMS_HEADING = lazyre.compile(r"^\W*(?:[\w-]+\s+){0,2}?(?:questionnaires?|(?:survey|screening|intake)\s+(?:questions|items|forms?)|"
                                r"variables|predictors|covariates|inputs)"
                                r"(?:\s*[/&,]\s*(?:questions|items|answers|inputs))?\W*$", re.I)
#: Advice in an item's own words (an imperative item is a question's wording; "should" is not).
_ITEM_ADVISES = lazyre.compile(r"\b(?:should|must|ought\s+to|we\s+recommend|I\s+recommend)\b", re.I)


def _enclosing_headings(doc: Document, offset: int, below: int = 99) -> list[str]:
    """The texts of the headings *offset* stands under: the nearest, then each of a higher level
    (only those above level *below*: a sub-heading's own text is not its section's)."""
    cached = doc.cache.get("advice:headings-by-start")
    if cached is None:  # asked per dose and per match: sorted once a page
        ordered = sorted(doc.headings, key=lambda h: h.start)
        cached = doc.cache["advice:headings-by-start"] = (ordered, [h.start for h in ordered])
    ordered, starts = cached
    found: list[str] = []
    level = below
    for h in reversed(ordered[:bisect.bisect_right(starts, offset)]):
        if h.level < level:
            found.append(h.text or "")
            level = h.level
            if level <= 1:
                break
    return found


#: Blocks that are one item each: a list item or a table row or cell.
_ITEM_LINE_KINDS = ("list-item", "li", "table-row", "td", "th", "tr", "dt", "dd")
#: How many words a paragraph may have and still be an item's line of its own.
_ITEM_LINE_WORDS = 20
#: A paragraph that turns to the reader with a condition on their answers, or an imperative.
_ADDRESSES_READER = lazyre.compile(r"^\W*(?:if|when|once|unless)\s+you\b|\b(?:if|when)\s+you\s+(?:answered|scored|ticked|said)\b", re.I)
#: A heading of the page's own guidance, which ends a questionnaire's section.
_GUIDANCE_HEADING = lazyre.compile(r"\b(?:what\s+to\s+do|if\s+you|advice|next\s+steps?|results?|your\s+score|"
                                   r"scor(?:e|ed|ing)\s+high|what\s+(?:you\s+)?should|how\s+to\s+treat|treatment|recommendations?)\b", re.I)


def _enclosing_levels(doc: Document, offset: int, below: int = 99) -> list[tuple[int, str]]:
    """(level, text) of the headings *offset* stands under, nearest first (as _enclosing_headings)."""
    ordered = sorted(doc.headings, key=lambda h: h.start)
    starts = [h.start for h in ordered]
    found: list[tuple[int, str]] = []
    level = below
    for h in reversed(ordered[:bisect.bisect_right(starts, offset)]):
        if h.level < level:
            found.append((h.level, h.text or ""))
            level = h.level
            if level <= 1:
                break
    return found


def questionnaire_item(doc: Document, offset: int) -> bool:
    """Whether *offset* is in a line of a section the page heads as a questionnaire's, survey's or
    model's items, at any level above it ("Variables" over "What is consumed" over "Vitamin D
    supplements: 400 IU, 4,000 IU"), or in a sub-heading under such a heading ("What you take"):
    what is asked or recorded, described, not a dose or an instruction for the reader; unless the
    line says "should" or recommends."""
    block = doc.block_at(offset)
    if block is None or block.kind == "title":
        return False
    below = 99
    if block.kind in _HEADING_KINDS:
        own = next((h for h in doc.headings if h.start <= offset < max(h.end, h.start + 1)), None)
        if own is None:
            return False
        below = own.level  # only the headings above the sub-heading label its items
    text = doc.prose[block.start:block.end]
    if block.kind not in _HEADING_KINDS and block.kind not in _ITEM_LINE_KINDS:
        # a paragraph is an item only as a short line or a question, never one that turns to
        # the reader with a condition ("If you answered yes ..., take ...") (REVIEW3 V3)
        if _ADDRESSES_READER.search(text) or not (text.rstrip().endswith("?") or len(text.split()) <= _ITEM_LINE_WORDS):
            return False
    labelled = False
    for level, heading in _enclosing_levels(doc, offset, below):
        if _GUIDANCE_HEADING.search(heading):
            return False  # "What to do if you scored high" ends the items
        if _ITEMS_HEADING.search(heading):
            labelled = level > 1  # an H1 "Sleep questionnaire" titles the page, not its items
            break
    if not labelled:
        return False
    return not _ITEM_ADVISES.search(text)
