"""Is a dose the page's own claim, or a report of what someone else received or made?

An editor asks for a source behind a dose the page states or recommends
("most adults need 5,000 IU"), not behind a description of a study's arms
("participants received 50,000 IU weekly", "the group on 4,000 IU/day"), a
writer's own regimen ("I now take 10,000 IU") or a physiological quantity
("the testes produce 6 to 7 mg of testosterone per day").  :func:`report_kind`
reads the dose's sentence and names the kind of report, or None for a claim.
The heuristics look only at the words before the dose in its sentence (and
the verb right after it), so a recommendation later in the sentence
("...; you should take 2,000 IU") stays a claim.
"""
from __future__ import annotations

import re

from ..document import Document

_SUBJECTS = (r"participants?|subjects?|patients?|volunteers?|women|men|mothers|pregnant\s+women|infants|babies|"
             r"children|adolescents|adults|individuals|persons|people|residents|athletes|soldiers|nurses|"
             r"groups?|arms?|cohorts?|those|mice|rats|animals|controls?|cases|the\s+elderly|seniors")
_RECEIVED = (r"received|receiving|took|taking|were\s+given|was\s+given|were\s+being\s+given|given|"
             r"were\s+(?:randomi[sz]ed|assigned|allocated)|randomi[sz]ed|assigned|allocated|supplemented|"
             r"were\s+treated|treated|getting|got|consumed|consuming|ingested|were\s+fed|fed|who\s+had|were\s+on|on")
#: Study subjects and what they received: "participants received", "the group on", "mothers on".
_TRIAL_ARM = re.compile(r"\b(?:" + _SUBJECTS + r")\b(?:[^.;:!?]{0,60}?)\b(?:" + _RECEIVED + r")\b[^.;:!?]{0,40}$", re.I)
#: A study as the subject of a reporting verb ("another trial reported that", "the study gave").
#: "used" is left out on purpose: "a trial published in 2016 used 14,000 IU" is the page's
#: unsourced claim about a trial a reader cannot find.
_STUDY = re.compile(
    r"\b(?:study|studies|trial|trials|RCTs?|papers?|researchers|investigators|authors|meta-analys[ie]s|"
    r"reviews?|experiments?)\b[^.;!?]{0,80}?\b(?:reported|found|showed|shown|gave|tested|administered|"
    r"compared|examined|evaluated|investigated|observed|needed|required|received|assessed)\b[^.;!?]{0,80}$",
    re.I,
)
#: A sentence set in a study: "in a study performed in Indonesia, a single dose of", "or matching placebo".
_IN_STUDY = re.compile(r"\b(?:in|of|from)\s+(?:a|an|the|this|that|one|two|three|four|five|several|many|these|those|"
                       r"each|both|all|our|their|\d+)\s+(?:\w+\s+){0,3}?(?:study|studies|trials?|RCTs?|cohorts?|"
                       r"meta-analys[ie]s|experiments?)\b|\bplacebo\b", re.I)
_PLACEBO = re.compile(r"\bplacebo\b", re.I)
#: A study the page names only by its year ("a trial published in 2016 found", "a 2019 study
#: showed"): the page's own account of a study a reader cannot find, so a claim that needs
#: its source, whatever the study's verb.
_DATED_STUDY = re.compile(
    r"\b(?:stud(?:y|ies)|trials?|RCTs?|meta-analys[ie]s|reviews?|papers?)\s+(?:\w+\s+){0,2}?"
    r"(?:published|conducted|done|carried\s+out|reported|from|in)\s+(?:in\s+)?(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d\s+(?:\w+\s+){0,2}?(?:stud(?:y|ies)|trials?|RCTs?|meta-analys[ie]s)\b", re.I)
#: A dose that names a trial's arm: "the 4000 IU group", "in the 2000 and 4000 IU groups",
#: "Caucasians on the 400 IU dose".
_NAMES_ARM = re.compile(r"^[\s\w/,.-]{0,30}?\b(?:groups?|arms?|cohorts?)\b", re.I)
_ON_THE_DOSE = (re.compile(r"\b(?:on|in|receiving|taking)\s+the\s*$", re.I), re.compile(r"^\s*(?:daily\s+)?(?:doses?|regimen)\b", re.I))
#: The intervention arm named as such: "the treatment arm", "in the placebo group".
_ARM = re.compile(r"\b(?:intervention|treatment|placebo|control|supplement(?:ed|ation)?|high-dose|low-dose)\s+"
                  r"(?:arm|group)s?\b[^.;!?]{0,60}$", re.I)
#: The writer's own regimen: "I now take", "I resumed", "my daughter takes".
#: The writer's own regimen: "I now take", "I need one 50,000 IU capsule every 72 hours",
#: "my daughter was on".  "Type I", "Phase I" are not the writer; "I agree, 70,000 IU can be
#: toxic" is a claim, so the verb must be about dosing.
_OWN = re.compile(r"(?<!Type\s)(?<!Phase\s)(?<!Class\s)(?<!Grade\s)(?<!Stage\s)(?:^|(?<=[^\w]))(?:I|[Mm]y\s+\w+|[Ww]e)\b"
                  r"(?!\.)\s+(?:\w+\s+){0,3}?(?:take|takes|took|taking|need|needed|use|used|using|start(?:ed)?|"
                  r"resumed|increased|reduced|decreased|gave|give|given|got|get|getting|am\s+on|was\s+on|were\s+on|"
                  r"remained|plan|planned|swallow(?:ed)?|dosed?|had|have\s+been|spray(?:ed)?|add(?:ed)?|"
                  r"switched|stopped|tried)\b[^.;!?]{0,100}$")
#: A physiological quantity: what the body, an organ or the sun makes, holds or loses.
_PHYSIOLOGY = re.compile(
    r"\b(?:produces?|produced|producing|production\s+of|synthesi[sz]\w*|secret\w*|excret\w*|generat\w*|"
    r"stores?|stored|makes|made|yields?|releases?|release\s+of)\b[^.;!?]{0,40}$", re.I)
_PHYSIOLOGY_SUBJECT = re.compile(
    r"\b(?:body|bodies|skin|liver|kidneys?|glands?|testes|testicles|ovaries|placenta|blood|sun|sunlight|UVB?|"
    r"organism|cells?|tissues?|men|women|humans?|we|exposure|tanning|sunbathing)\b", re.I)
#: Words that make the sentence advice, whoever it is about: "children should be given 400 IU".
_ADVICE = re.compile(r"\b(?:should|must|need(?:s|ed)?\s+to|recommend\w*|advis\w*|suggest\w*|ought|be\s+given|"
                     r"try|consider|you|your)\b", re.I)

#: Arithmetic on doses already given: "= 3,600 IU", "60 X 9,000 IU", "11,000 IU/15".
_ARITHMETIC_BEFORE = re.compile(r"(?:[=\u00d7\u00f7]|(?<![*_])\*|\s[xX]|\d\s*/)\s*(?:about\s+|~)?$")
_ARITHMETIC_AFTER = re.compile(r"\s*(?:/\s*\d|[=\u00d7\u00f7]|[xX*]\s*\d)")

#: The kinds :func:`report_kind` returns.
REPORT_KINDS = ("trial-arm", "study", "own-regimen", "physiology", "arithmetic")


def _sentence_before(doc: Document, start: int) -> str:
    """The dose's sentence up to the dose, in the prose view (at most 240 characters)."""
    block = doc.block_at(start)
    lo = max(block.start if block else doc.body_start, start - 240)
    before = doc.prose[lo:start]
    cut = max((m.end() for m in re.finditer(r"[.;!?](?=\s)|\n\s*\n|\n\s*[*\-+\d]", before)), default=0)
    return " ".join(before[cut:].split())


def report_kind(doc: Document, start: int, end: int) -> str | None:
    """The kind of report the dose at ``[start, end)`` is, or None when it is the page's claim."""
    before = _sentence_before(doc, start)
    if _ADVICE.search(before):
        return None
    after = re.split(r"[.;!?](?:\s|$)|\n\s*\n", doc.prose[end:end + 160], maxsplit=1)[0]
    if _TRIAL_ARM.search(before) or _ARM.search(before) or _NAMES_ARM.match(after):
        return "trial-arm"
    if _ON_THE_DOSE[0].search(before) and _ON_THE_DOSE[1].match(after):
        return "trial-arm"
    if _DATED_STUDY.search(before):
        return None
    if _STUDY.search(before) or _IN_STUDY.search(before) or _PLACEBO.search(after):
        return "study"
    if _OWN.search(before):
        return "own-regimen"
    if _PHYSIOLOGY.search(before) and _PHYSIOLOGY_SUBJECT.search(before):
        return "physiology"
    if _ARITHMETIC_BEFORE.search(before) or _ARITHMETIC_AFTER.match(doc.prose, end):
        return "arithmetic"
    return None
