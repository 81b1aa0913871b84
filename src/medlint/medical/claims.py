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

import bisect
import re
from typing import Any

from ..document import Document
from .citations import lead_in
from ..reproduced import is_header_line
from .reposted import in_title_list, reposted
from .. import lazyre
from .headingspans import in_heading

_SUBJECTS = (r"participants?|subjects?|patients?|he|she|volunteers?|women|men|mothers|pregnant\s+women|infants|babies|"
             r"children|adolescents|adults|individuals|persons|people|residents|athletes|soldiers|nurses|"
             r"groups?|arms?|cohorts?|those|mice|rats|animals|controls?|cases|the\s+elderly|seniors|employees|workers|staff|"
             r"students|respondents|veterans|users|piglets?|pigs|cows|calves|dogs|cats|horses|chickens|hens")
_RECEIVED = (r"received|receiving|receive|took|taking|were\s+given|was\s+given|were\s+being\s+given|given|"
             r"were\s+(?:randomi[sz]ed|assigned|allocated)|randomi[sz]ed|assigned|allocated|supplemented|"
             r"were\s+treated|treated|getting|got|consumed|consuming|ingested|were\s+fed|fed|who\s+had|were\s+on|on|"
             # what they gave ("2 parents gave 4 dropper fulls"), and what they found on a dose
             # ("patients found ... with 10,000 IU")
             r"gave|found|noticed|felt|experienced|saw|benefit(?:ed|ted)|responded")
#: Study subjects and what they received: "participants received", "the group on", "mothers on";
#: and what they take ("plenty of adults out there take >6,000 IU daily"), in the same clause:
#: "people get only 200 IU from food, so take 1,000 IU" tells the reader to take it.
_TRIAL_ARM = lazyre.compile(r"\b(?:" + _SUBJECTS + r")\b(?:[^.;:!?]{0,60}?)\b(?:" + _RECEIVED + r")\b[^.;!?]{0,160}$"
                            r"|\b(?:" + _SUBJECTS + r")\b(?:[^.;:!?,]{0,60}?)\btake\b[^.;!?]{0,160}$", re.I)
#: A doctor's practice with his or her patients: "gives vitamin D to all of her asthma patients",
#: "is prescribing a different amount to all of their clinic patients".
_PRACTICE = lazyre.compile(r"\b(?:gives?|giving|gave|prescrib(?:es|ed|ing)|administer(?:s|ed|ing)|doses|dosing|treats|treating)\b"
                           r"[^.;!?]{0,40}?\bto\s+(?:all\s+(?:of\s+)?)?(?:the\s+|his\s+|her\s+|their\s+)(?:[\w-]+\s+)?patients\b"
                           r"[^.;!?]{0,120}$", re.I)
#: A paper's own voice about its subjects: "we randomized 446 women to", "they were placed in
#: the following schedule:", "was recommended to patients seen at our ward", "supplements
#: were added to maintain an intake of"; and what someone gave ("after Turkey gave 400 IU").
_PAPER_VOICE = lazyre.compile(
    r"\b(?:we|they)\s+(?:\w+\s+){0,2}?(?:randomi[sz]ed|enrolled|recruited|assigned|allocated|administered|"
    r"supplemented|were\s+(?:placed|given|treated|randomi[sz]ed|assigned|allocated|switched))\b[^.;!?]{0,200}$"
    r"|\b(?:were|was)\s+(?:\w+\s+)?(?:added|administered|provided|supplemented|distributed)\b[^.;!?]{0,120}$"
    r"|\b(?:gave|provided|administered|distributed)\b(?:\s+\w+){0,3}?\s*$"
    r"|\b(?:after|since|by|when)\s+(?:providing|giving|administering|distributing|supplementing)\b(?:\s+\w+){0,3}?\s*$"
    r"|\bour\s+(?:clinic|patients|subjects|participants|study|trial|cohort|unit|hospital)\b[^.;!?]{0,200}$"
    r"|\b(?:inclusion|exclusion|eligibility)\s+criteri(?:a|on)\b[^.;!?]{0,240}$", re.I)
#: A study as the subject of a reporting verb ("another trial reported that", "the study gave").
#: "used" is left out on purpose: "a trial published in 2016 used 14,000 IU" is the page's
#: unsourced claim about a trial a reader cannot find.
_STUDY = lazyre.compile(
    r"\b(?:study|studies|trial|trials|RCTs?|papers?|researchers|investigators|authors|meta-analys[ie]s|"
    r"reviews?|experiments?|surveys?|polls?|protocols?)\b[^.;!?]{0,120}?\b(?:reported|found|showed|shown|gave|tested|administered|"
    r"compared|examined|evaluated|investigated|observed|needed|required|requires|received|assessed|revealed|"
    r"stating|stated|concluded|concluding)\b[^.;!?]{0,120}$",
    re.I,
)
#: A sentence set in a study: "in a study performed in Peru, a single dose of", "or matching placebo".
_IN_STUDY = lazyre.compile(r"\b(?:in|of|from)\s+(?:a|an|the|this|that|one|two|three|four|five|several|many|these|those|"
                           r"each|both|all|our|their|\d+)\s+(?:\w+\s+){0,3}?(?:study|studies|trials?|RCTs?|cohorts?|"
                           r"meta-analys[ie]s|experiments?)\b|\bplacebo\b", re.I)
_PLACEBO = lazyre.compile(r"\bplacebo\b", re.I)
#: A study the page names only by its year ("a trial published in 2016 found", "a 2019 study
#: showed"): the page's own account of a study a reader cannot find, so a claim that needs
#: its source, whatever the study's verb.
_DATED_STUDY = lazyre.compile(
    r"\b(?:stud(?:y|ies)|trials?|RCTs?|meta-analys[ie]s|reviews?|papers?)\s+(?:\w+\s+){0,2}?"
    r"(?:published|conducted|done|carried\s+out|reported|from|in)\s+(?:in\s+)?(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d\s+(?:\w+\s+){0,2}?(?:stud(?:y|ies)|trials?|RCTs?|meta-analys[ie]s)\b", re.I)
#: A dose that names a trial's arm: "the 4000 IU group", "across the 1000 and 3000 IU groups",
#: "Adults on the 800 IU dose".
_NAMES_ARM = lazyre.compile(r"^[\s\w/,.-]{0,30}?\b(?:groups?|arms?|cohorts?)\b", re.I)
#: A dose in brackets after a measurement names the arm it was measured in: "21 ± 9 nmol/L (1,000 IU/day)".
_MEASURED_IN = lazyre.compile(r"(?:nmol/[lL]|ng/m[lL]|pg/m[lL]|mmol/[lL]|%|\u00b1\s*[\d.]+)\s*\(\s*$")
#: A study named by what it used: "trials using 400 IU", "a study with 50,000 IU".
_STUDY_WITH = lazyre.compile(r"\b(?:stud(?:y|ies)|trials?|RCTs?)\s+(?:that\s+)?(?:using|used|with|of|giving|gave|testing|tested)"
                             r"(?:\s+\w+){0,2}\s*$", re.I)
_ON_THE_DOSE = (lazyre.compile(r"\b(?:on|in|receiving|taking)\s+the\s*$", re.I), lazyre.compile(r"^\s*(?:daily\s+)?(?:doses?|regimen)\b", re.I))
#: The intervention arm named as such: "the treatment arm", "in the placebo group".
_ARM = lazyre.compile(r"\b(?:intervention|treatment|placebo|control|supplement(?:ed|ation)?|high-dose|low-dose)\s+"
                      r"(?:arm|group)s?\b[^.;!?]{0,60}$", re.I)
#: The writer's own regimen: "I now take", "I resumed", "my daughter takes".
#: The writer's own regimen: "I now take", "I need one 50,000 IU capsule every 72 hours",
#: "my daughter was on".  "Type I", "Phase I" are not the writer; "I agree, 70,000 IU can be
#: toxic" is a claim, so the verb must be about dosing.
_OWN = lazyre.compile(r"(?<!Type\s)(?<!Phase\s)(?<!Class\s)(?<!Grade\s)(?<!Stage\s)(?:^|(?<=[^\w]))(?:I|[Mm]y\s+\w+|[Ww]e)\b"
                      r"(?!\.)(?:\s*\([^()]{1,40}\))?\s+(?:\w+\s+){0,3}?(?:take|takes|took|taking|need|needed|use|used|using|start(?:ed)?|"
                      r"resumed|increased|reduced|decreased|gave|give|given|got|get|getting|am\s+on|was\s+on|were\s+on|"
                      r"remained|plan|planned|swallow(?:ed)?|dosed?|had|have\s+been|taken|spray(?:ed)?|add(?:ed)?|"
                      r"switched|stopped|tried)\b[^.;!?]{0,100}$"
                      # the writer's own dose named as such: "My weekly burn rate of D3 has held at"
                      r"|\b[Mm]y\s+(?:[\w-]+\s+){0,3}?(?:doses?|dosages?|intake|regimen|routine|burn\s+rate|consumption)\b[^.;!?]{0,80}$")
#: What the writer bought or measured: "I have just ordered a 2,500 IU/drop bottle", "I measured
#: it: 1 scoop weighs 2.5 grams, so has 250,000 IU" (contents, not a dose; "2.5" is no full stop).
_BOUGHT = lazyre.compile(r"(?:^|(?<=[^\w]))(?:I|[Ww]e)\s+(?:\w+\s+){0,2}?(?:ordered|bought|purchased|measured|weighed)\b"
                         r"(?:[^.;!?]|(?<=\d)\.(?=\d)){0,100}$")
#: A physiological quantity: what the body, an organ or the sun makes, holds or loses.
_PHYSIOLOGY = lazyre.compile(
    r"\b(?:produces?|produced|producing|production\s+of|synthesi[sz]\w*|secret\w*|excret\w*|generat\w*|"
    r"stores?|stored|makes?|made|yields?|releases?|release\s+of|provides?|provided|contains?|holds?)\b[^.;!?]{0,40}$", re.I)
_PHYSIOLOGY_SUBJECT = lazyre.compile(
    r"\b(?:body|bodies|skin|liver|kidneys?|glands?|testes|testicles|ovaries|placenta|blood|sun|sunlight|UVB?|"
    r"organism|cells?|tissues?|men|women|humans?|we|exposure|tanning|sunbathing|persons?|people|individuals?)\b", re.I)
#: Words that make the sentence advice, whoever it is about: "children should be given 400 IU"
#: ("I need one capsule every 72 hours" is the writer's own regimen, not advice).
_ADVICE = lazyre.compile(r"\b(?:should|must|(?<!\bI\s)(?<!\b[Ww]e\s)need(?:s|ed)?\s+to|(?<!the\s)(?<!\bI\s)(?<!\b[Ww]e\s)needs?(?!\s+(?:for|of)\b)|requires?|recommend\w*|advis\w*|suggest\w*|ought|be\s+given|"
                         r"try|consider|you|your)\b", re.I)

#: A hypothetical: "a trial could have used 250 mg", "(arbitrarily ~250 mg)", "assuming 200 mg".
_HYPOTHETICAL = lazyre.compile(r"\b(?:could|would|might)\s+have\b[^.;!?]{0,60}$|\b(?:arbitrarily|assuming|assumes?|assumptions?|suppose|supposing)\b"
                               r"[^.;!?]{0,40}$|\bif\s+(?:\w+\s+){0,4}?were\b[^.;!?]{0,40}$"
                               # a conditional: "If I had lupus, I would take 8,000 IU daily"
                               r"|\bif\b[^.;!?]{0,120}\bwould\b[^.;!?]{0,60}$"
                               # the condition after its clause: "might be fine if you only needed 800 IU"
                               r"|\b(?:would|could|might)\b[^.;!?]{0,60}\bif\s+(?:\w+\s+){0,4}?(?:needed|took|had|got|wanted|used)\b[^.;!?]{0,30}$"
                               r"|\b(?:say|suppose|imagine)\s+(?:that\s+)?(?:you|we)\b[^.;!?]{0,80}$", re.I)
#: A section that works an example ("Example: say you meant to average 3,000 IU/day"): its
#: doses illustrate arithmetic, not the page's advice.
_EXAMPLE_SECTION = lazyre.compile(r"\bworked\s+examples?\b|\bhypothetical\b|\b(?:say|suppose|imagine|assume)\s+(?:that\s+)?(?:you|we)\b",
                                  re.I)
#: What a product holds: "each capsule provides 50,000 IU", "tablets contain 200-400 IU",
#: "the 800 IU dose tested by a buyers' guide".
_PRODUCT = lazyre.compile(r"\b(?:capsules?|tablets?|pills?|softgels?|drops?|sachets?|vials?|ampoules?|preparations?|products?|pre-?natal\s+vitamins?|"
                          r"brands?|bottles?|servings?|multivitamins?|formulations?|powder|price|costs?|feed|formulas?|fortified\s+\w+|"
                          r"sublinguals?|sprays?|lozenges?|gummies|teaspoons?|tablespoons?|scoops?)\b(?:[^.;!?]|(?<=\d)\.(?=\d)){0,60}?\b(?:provides?|"
                          r"providing|contains?|contained|containing|holds?|has|have|delivers?|supplies|with|of|for|is|was)\b[^.;!?]{0,40}$"
                          r"|[$\u00a3\u20ac]\s?\d[\d.,]*[^.;!?]{0,40}$"
                          # what is sold: "the strongest pill sold over the counter is"
                          r"|\b(?:available|sold|stocked|over[\s-]the[\s-]counter|OTC)\b[^.;!?]{0,40}?\b(?:is|are|was|were|of)"
                          r"(?:\s+(?:about|only|just))?\s*$", re.I)
_PER_UNIT = lazyre.compile(r"^\s*(?:of\s+[\w\s-]{0,30}?)?(?:per|in\s+(?:a|each|one))\s+(?:capsule|tablet|pill|softgel|drop|sachet|"
                           r"serving|vial|ampoule|bottle|ml|mL|teaspoon|(?:entire|whole)\s+[\w\"\u201d-]+(?:\s+\w+)?)\b|^\s*(?:capsules?|tablets?|softgels?|pills?|drops|gummies|chews)\b"
                           r"|^[^.;!?]{0,20}\b(?:dose|capsule|tablet)\s+(?:analy[sz]ed|tested|sold|made|found)\b", re.I)
#: A body or a reference value the page reports ("the IOM concluded that children require 400 IU",
#: "the calcium RDA is 700 mg", "The Joint Care Society in Portugal recommends"): a source a reader can
#: look up by its name, not the page's own claim.
_BODY = (r"(?:[A-Z][\w'&-]*\s+){0,6}?(?:Institute|Society|Association|Academy|Agency|Organi[sz]ation|Council|"
         r"Committee|Foundation|College|Board|Authority|Ministry|Department|Service|Group|Panel|Commission|"
         r"Administration|Federation|Centers?|Network)\b(?:\s+(?:of|for|on|in)\s+(?:the\s+)?[A-Z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*){0,4})?"
         r"|\b(?:IOM|NAM|WHO|EFSA|NIH|ODS|FDA|NHS|NICE|USDA|AAP|ACOG|ES|SACN|CDC|FAO|EMA|ESPGHAN|DGE|NNR|NAS|"
         r"Health\s+Canada|Endocrine\s+Society)\b")
_AUTHORITY = lazyre.compile(
    r"(?:" + _BODY + r")[^.;!?]{0,80}?\b(?:recommend(?:s|ed)?|advises?|advised|advocat\w+|conclud(?:es|ed)|"
    r"sets?|set|determined|established|defines?|defined|suggest(?:s|ed)|calls\s+for|polic(?:y|ies)|guidelines?|"
    r"says|said|states?|stated)\b[^.;!?]{0,240}$"
    r"|\b(?:polic(?:y|ies)|guidelines?|recommendations?|advice|according)\s+(?:of|from|to|by)\s+(?:the\s+)?(?:" + _BODY
    + r")[^.;!?]{0,240}$"
    r"|\b(?:RDAs?|Recommended\s+(?:Dietary\s+Allowance|Daily\s+(?:Allowance|Intake))|Adequate\s+Intakes?|AIs?|ULs?|"
    r"DRIs?|EARs?|(?:Tolerable\s+)?Upper\s+(?:Intake\s+)?(?:Level|Limit)s?|NOAELs?|LOAELs?|Reference\s+(?:Nutrient\s+)?"
    r"Intakes?|RNIs?|PRIs?)\b[^.;!?]{0,80}$"
    r"|\b(?i:upper\s+(?:intake\s+)?(?:limits?|levels?)|recommended\s+(?:daily\s+|dietary\s+)?(?:minimum|maximum|intakes?|"
    r"allowances?|amounts?|doses?))\b[^.;!?]{0,80}$"
    # "One agency states that up to 8,000 IU is safe", "the government recommends"
    r"|\b(?i:organi[sz]ations?|societ(?:y|ies)|agenc(?:y|ies)|authorit(?:y|ies)|governments?|ministr(?:y|ies)|"
    r"health\s+departments?)\s+(?:\w+\s+){0,2}?(?i:states?|stated|says?|said|recommends?|recommended|advises?|advised|"
    r"sets?|considers?|considered)\b[^.;!?]{0,200}$"
    # a list item that names the body and its figure: "[Endocrine Society](/tags/x) 10,000 IU when needed"
    r"|^\W{0,3}(?:the\s+)?(?:" + _BODY + r")\W{0,3}$")
#: A section whose heading names an official reference value ("RDA for vitamin D raised to:",
#: "Upper limit for vitamin D raised too"): its list items and table rows are that value.
_REFERENCE_HEADING = lazyre.compile(
    r"\b(?:RDAs?|ULs?|AIs?|DRIs?|EARs?|RNIs?|NOAELs?)\b|\b(?i:upper\s+(?:intake\s+)?(?:limits?|levels?)|"
    r"recommended\s+(?:daily\s+|dietary\s+)?(?:intakes?|allowances?|amounts?|minimum)|reference\s+(?:values?|intakes?)|"
    r"dietary\s+reference|official\s+recommendations?|adequate\s+intakes?)\b")
#: A person who says or recommends the dose: "Varley, Osei, and many other experts now give the
#: same daily recommendation:", "Doe feels the present recommendation should be".
_ATTRIBUTED = lazyre.compile(
    r"(?:\bDr\.?\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}|\b(?i:experts?|scientists?|researchers?|specialists?)"
    r"|\b[A-Z][a-z]{2,}(?=\s+(?:thinks|believes|argues|says|recommends|suggests|feels|claims|proposes)\b))"
    r"[^.;!?]{0,80}?(?<!\bnot\s)(?<!n't\s)\b(?i:recommend\w*|says?|said|suggest\w*|advis\w*|believes?|thinks?|feels?|argues?|argued|"
    r"claims?|claimed|proposes?|proposed)\b[^.;!?]{0,200}$")
#: A speaker's turn in a transcript: "**KB** :", "Q:", "DM:", "Interviewer:".
_SPEAKER = lazyre.compile(r"\s*(?:\*\*|__|<(?:b|strong)>)?\s*(?:[A-Z]{1,4}|Interviewer|Interviewee|Host|Guest|Dr\.?\s+[A-Z][a-z]+)"
                          r"\s*(?:\*\*|__|</(?:b|strong)>)?\s*:(?!//)")
#: Turns a page needs before it reads as a transcript.
TRANSCRIPT_TURNS = 3
#: Advice in a heading: a heading with a dose is otherwise the title of what follows
#: (a paper, a trial's report, a news item), not the page's claim.
_HEADING_ADVICE = lazyre.compile(r"^\s*(?:dosing|dosage|doses?)\b|\b(?:should|must|need\s+to|recommend\w*|advis\w*|take|taking|you|your|how\s+much|"
                                 r"best\s+dose|dosage\s+for)\b", re.I)
_HEADING_REPORT = lazyre.compile(r"\b(?:stud(?:y|ies)|trials?|RCTs?|meta-analys[ie]s|reviews?|reports?|papers?|"
                                 r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d|"
                                 # a heading on a disagreement reports the positions: "Doctors disagree about how much a newborn needs"
                                 r"disagree\w*|debates?|controvers\w*)\b", re.I)
_HEADING_KINDS = ("heading", "h1", "h2", "h3", "h4", "h5", "h6")
#: Blocks that list values under a heading (list items, table rows and cells).
_REFERENCE_BLOCKS = ("list-item", "li", "table-row", "td", "th")

#: Reports that still tell a reader what to take: a dose in a heading, what a named body or a
#: guideline recommends. A page with one gives dosing advice (the disclaimer's condition),
#: though the dose needs no citation of its own. (A headline reporting a result, "SAD not
#: reduced by 2800 IU", was tried as no advice: labels on vdw-dev split, 17 tp against 8 fp
#: among the findings it removed, so it stays advice.) Another page's headline in link text
#: ("linked-title") is not.
ADVICE_KINDS = ("title", "authority", "guideline")

_YOU = lazyre.compile(r"\b(?:you|your)\b", re.I)

#: Arithmetic on doses already given: "= 3,600 IU", "60 X 9,000 IU", "11,000 IU/15".
_ARITHMETIC_BEFORE = lazyre.compile(r"(?:[=\u00d7\u00f7]|(?<![*_])\*|\s[xX]|\d\s*/)\s*(?:about\s+|~)?$")
_ARITHMETIC_AFTER = lazyre.compile(r"\s*(?:/\s*\d|[=\u00d7\u00f7]|[xX*]\s*\d)")

#: A named body or reference value after the dose, in its clause: "600 IU (RDA for adults)",
#: "1,200 IU/day - as suggested in the national guidelines", "600 IU, as the IOM recommends".
_AUTHORITY_AFTER = lazyre.compile(
    r"^[^.;!?(]{0,30}?\(\s*(?:the\s+|an?\s+)?(?:(?i:current|official|old|new)\s+)?(?:RDAs?|AIs?|ULs?|DRIs?|EARs?|RNIs?|PRIs?|"
    r"(?i:recommended\s+(?:daily|dietary)\s+(?:allowance|intake)|upper\s+(?:intake\s+)?(?:limit|level)|adequate\s+intake))\b[^)\d]*\)"
    r"|^[^.;!?]{0,60}?\b(?i:as\s+)?(?i:recommended|suggested|advised|advocated|set|required)\s+(?i:by|in)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:\w+\s+){0,2}?(?:(?i:guidelines?|recommendations?)\b|" + _BODY + r")")
#: What a study's design or protocol requires: "the clinic's protocol then requires a
#: rise of 1,000 IU", "the trial design needs": the study's rule, not advice to the reader.
_STUDY_REQUIRES = lazyre.compile(r"\b(?:protocols?|stud(?:y|ies)|trials?|(?:study\s+)?designs?)\b[^.;!?]{0,40}?\b"
                                 r"(?:requires?|required|needs?|needed|calls\s+for|specifies|prescribes)\b[^.;!?]{0,120}$", re.I)
#: A passive report of what subjects were given: "those who had achieved sufficiency were
#: treated with 60,000 IU once a month", "were then given" (advice says "should be given").
_PASSIVE_GIVEN = lazyre.compile(r"\b(?:were|was)\s+(?:then\s+|again\s+|also\s+|subsequently\s+)?(?:treated\s+with|given|"
                                r"supplemented\s+with|started\s+on|switched\s+to|put\s+on)\b[^.;!?]{0,200}$", re.I)
#: Example values: "Vitamin D supplements: e.g. 600 IU, 2,000 IU", "such as 1,000 IU or 2,000 IU".
_EXAMPLE_VALUE = lazyre.compile(r"\b(?:e\.?g\.?|i\.?e\.?|for\s+(?:example|instance)|such\s+as)\s*[:,]?\s*"
                                r"(?:[<>~]?\s*\d[\d,.]*\s*(?:IU|mg|mcg|\u00b5g|units?)\s*(?:,|or|and|/)\s*)*$", re.I)
#: A short line that opens a worked example: "Example: for the powder that lasts 60 days".
_EXAMPLE_LEAD = lazyre.compile(r"^\W*(?:(?:worked\s+)?examples?|for\s+example|e\.g\.)\s*[:\-\u2013]", re.I)
#: How many blocks after an "Example:" line, in its section, the worked example may run.
EXAMPLE_BLOCKS = 6
#: What a dose may be "per" and still be an intake: time, the body, a dose or a person.
_INTAKE_PER = {"day", "days", "d", "daily", "week", "weeks", "wk", "month", "months", "year", "years", "hour", "hours",
               "hr", "h", "night", "dose", "doses", "kg", "kilogram", "kilograms", "lb", "lbs", "pound", "pounds",
               "body", "person", "patient", "adult", "child", "infant", "injection", "treatment", "session", "meal",
               "meals", "administration", "bolus", "fortnight", "other", "every", "m2", "square"}
_PER_THING = lazyre.compile(r"\s*(?:of\s+(?:[\w-]+\s+){0,3}?)?per\s+((?:[\w\"'\u201d-]+\s*){1,3})")
_WORD_OF = lazyre.compile(r"[A-Za-z]+\d*")

#: A section that lists the page's sources.
_REFERENCE_SECTION = lazyre.compile(r"^\W*(?:references?|bibliography|literature(?:\s+cited)?|sources|works\s+cited|citations)\W*$",
                                    re.I)
#: A dose right after the product that holds it: "sales of softgels containing >2,000 IU",
#: "tablets with 400 IU" (a product's size; "take capsules containing 5,000 IU" still advises).
_HELD_BY = lazyre.compile(r"\b(?:capsules?|tablets?|pills?|softgels?|drops|products?|supplements?|multivitamins?)\s+"
                          r"(?:containing|contain|with|providing|that\s+(?:contains?|provides?|holds?))\s*"
                          r"(?:[<>~\u2265\u2264]|more\s+than|less\s+than|over|under|up\s+to|at\s+least|only|just)?\s*$", re.I)
#: Words that tell the reader to take what follows.
_TELLS = lazyre.compile(r"\b(?:take|taking|should|must|need\s+to|recommend\w*|advis\w*|try|consider|start|use)\b", re.I)

#: The kinds :func:`report_kind` returns.
REPORT_KINDS = ("trial-arm", "study", "own-regimen", "physiology", "arithmetic", "title", "transcript",
                "hypothetical", "product", "authority", "quoted", "caption", "guideline", "title-list", "reposted",
                "question", "content", "disputed", "reference")


#: A sentence's end, not an abbreviation's full stop ("U.S.", "e.g.", "the dr. follows", "Smith et al. found").
# (?=[.;!?]) first: the seven lookbehinds are tried at a full stop, not at every character (5x faster)
_SENTENCE_CUT = lazyre.compile(r"(?=[.;!?])(?<!\.[A-Za-z])(?<!\b[DdMm]r)(?<!\bDrs)(?<!\bal)(?<!\bvs)(?<!\bProf)(?<!\bNo)[.;!?](?=\s)"
                               r"|\n\s*\n|\n\s*[*\-+\d]")


_ABBREVIATION = lazyre.compile(r"\b([DdMm]r|Drs|Prof|vs|al)\.")
#: A dotted abbreviation whose full stops end no sentence: "U.S.", "U.K.", "e.g.", "i.e.".
_DOTTED = lazyre.compile(r"\b((?:[A-Za-z]\.){2,})(?=[\s,;:)]|$)")


def sentence_before(doc: Document, start: int) -> str:
    """The sentence up to *start*, as :func:`report_kind` reads it (for :mod:`.advice`)."""
    return _sentence_before(doc, start)


#: A recommendation told as past news or as an adjective: "Finland, back then, recommended only",
#: "have recommended", "the recommended intake" ("is recommended" still advises).
_PAST_ADVICE = lazyre.compile(r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)\b(?:recommended|advised|suggested)$", re.I)


def recommends_before(before: str) -> bool:
    """Whether the words before a dose (its sentence up to it) carry advice: "should",
    "need", "recommend", "you", "try" (what :func:`report_kind` reads as a claim at once),
    other than a recommendation told as past news ("the IOM recommended", "the recommended
    intake")."""
    return any(not _PAST_ADVICE.search(before, 0, m.end()) for m in _ADVICE.finditer(before))


def _sentence_before(doc: Document, start: int) -> str:
    """The dose's sentence up to the dose, in the prose view (at most 400 characters).
    One dose's report_kind asks it up to three times in a row: the last answer is kept."""
    last = doc.cache.get("claims:sentence-before")
    if last is not None and last[0] == start:
        return last[1]
    block = doc.block_at(start)
    lo = max(block.start if block else doc.body_start, start - 400)
    before = doc.prose[lo:start]
    cut = max((m.end() for m in _SENTENCE_CUT.finditer(before)), default=0)
    if not cut and block is not None and lo == block.start:
        before = _heading_opening(doc, block) + before
    # without the abbreviations' full stops, which the patterns read as a sentence's end
    text = _ABBREVIATION.sub(r"\1", " ".join(before[cut:].split()))
    text = _DOTTED.sub(lambda m: m.group(1).replace(".", ""), text)
    doc.cache["claims:sentence-before"] = (start, text)
    return text


#: A heading that stops mid-sentence: "Several old papers from the 1950s stating that".
_OPEN_ENDED = lazyre.compile(r"\b(?:that|of|is|was|are|were|to|than|with|and|or|by|from|about|as|because|which)\W{0,3}$", re.I)
#: Longer headings are no opening of a sentence.
OPENING_CHARS = 200


def _heading_opening(doc: Document, block: Any) -> str:
    """The opening of the sentence a heading starts and the paragraph right under it ends
    (a heading broken by a hard line break: "#### Studies in the 1940s stating that" over
    "1000 IU per kg was toxic."), with a space; empty when the block starts its own."""
    i = doc.block_index(block)
    if not i or block.kind in _HEADING_KINDS:
        return ""
    prev = doc.blocks[i - 1]
    if prev.kind not in _HEADING_KINDS:
        return ""
    text = " ".join(doc.prose[prev.start:prev.end].split())
    return text + " " if len(text) <= OPENING_CHARS and _OPEN_ENDED.search(text) else ""


def _transcript_turns(doc: Document) -> set[int]:
    """Starts of the blocks that open with a speaker's label, when the page has enough of
    them (two speakers or more) to be a transcript; empty otherwise.  On such a page the
    doses, the page's summary of the interview included, are what the speakers said."""
    key = "claims:transcript"
    if key not in doc.cache:
        turns: dict[int, str] = {}
        for block in doc.blocks:
            m = _SPEAKER.match(doc.text, block.start, min(block.end, block.start + 60))
            if m:
                turns[block.start] = re.sub(r"[\W_]", "", m.group())
        enough = len(turns) >= TRANSCRIPT_TURNS and len(set(turns.values())) >= 2
        doc.cache[key] = set(turns) if enough else set()
    return doc.cache[key]


#: "Taking" in a clause that says when something happens advises nothing: "Problems fought
#: when taking 50,000 IU weekly", "Side effects while taking 10,000 IU".
_WHEN_TAKING = lazyre.compile(r"\b(?:when|while|if|after|before|by|from|since|people|those|patients)\s+(?:\w+\s+)?taking\b", re.I)


def heading_advises(doc: Document, start: int) -> bool:
    """Whether the heading holding *start* advises the reader ("Take 50,000 IU weekly",
    "How much you need"): advice even in a list of titles. "Taking" in a clause of time or
    condition ("fought when taking 50,000 IU weekly") is no advice."""
    block = doc.block_at(start)
    return block is not None and block.kind in _HEADING_KINDS and bool(
        _HEADING_ADVICE.search(_WHEN_TAKING.sub(" ", doc.prose[block.start:block.end])))


def over_image(doc: Document, start: int) -> bool:
    """Whether *start* is in a heading set right over an image (nothing between): the
    figure's title ("35,000 IU reduced psoriasis (click on image)" over a before-and-after
    photo), which reports what the figure shows."""
    block = doc.block_at(start)
    i = doc.block_index(block) if block is not None and block.kind in _HEADING_KINDS else None
    if i is None or i + 1 >= len(doc.blocks):
        return False
    nxt = doc.blocks[i + 1]
    return bool(_IMAGE.match(doc.text, nxt.start, nxt.end))


def in_worked_example(doc: Document, start: int) -> bool:
    """Whether *start* is in one of the few blocks after an "Example:" line in its section:
    a worked example's figures illustrate a sum ("Should you aim at 10,000 IU/day, stir in ..."), they
    advise nothing."""
    return _in_example(doc, doc.block_at(start))


def _heading_report(doc: Document, start: int) -> bool:
    """A dose in a heading is the title of what follows (a paper, a trial's report) unless the
    heading gives advice and names no study or date."""
    block = doc.block_at(start)
    if block is None or block.kind not in _HEADING_KINDS:
        return False
    text = doc.prose[block.start:block.end]
    return bool(_HEADING_REPORT.search(text)) or not _HEADING_ADVICE.search(text)


#: A section whose heading says it holds someone else's text: "Their conclusions (copied from
#: the translated text)", "Excerpts from the PDF", "Abstract of the paper".
_QUOTED_SECTION = lazyre.compile(r"\b(?:copied|quoted|quotes?|excerpt(?:s|ed)?|extract(?:s|ed)?|verbatim|reprinted|reproduced|translated|"
                                 r"from\s+(?:the\s+)?(?:paper|article|study|report|abstract|PDF|book|press\s+release|guidelines?))\b"
                                 # "The following was written in May 2009, before she moved abroad."
                                 r"|\bthe\s+following\s+(?:\w+\s+){0,2}?(?:was|is|were|are)\s+(?:written|copied|taken|excerpted|"
                                 r"posted|sent|reproduced|quoted|translated)\b"
                                 # a paper named by its authors: "### Wagner et al:", "Hollis and Wagner (2011)"
                                 r"|^\s*[A-Z][\w'\u2019-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w'\u2019-]+)\s*,?\s*\(?(?:(?:19|20)\d\d)?\)?\s*:?\s*$"
                                 # a paper's own section headings: the page reproduces the paper there
                                 r"|^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:materials\s+and\s+)?methods|results|discussion|"
                                 r"study\s+(?:population|design|participants)|summary\s+of\s+(?:the\s+)?evidences?|"
                                 r"highlights|interventions?)\s*:?\s*$", re.I)
#: A structured abstract's label opening a paragraph: "Interventions Oral vitamin D3 (...)".
_ABSTRACT_LABEL = lazyre.compile(r"\s*(?:\*\*)?(?:Interventions?|Methods|Results|Design|Setting|Participants|Objectives?|"
                                 r"Background|Conclusions?|Main\s+outcome\s+measures?|Measurements|Exposures?|Patients)"
                                 r"(?:\*\*)?\s*[:.]?\s+(?:\*\*)?[A-Z(\d]")
#: A figure's or table's caption: the figure belongs to the paper it came from.
_CAPTION = lazyre.compile(r"\s*(?:\*\*|__)?(?:Fig(?:ure)?\.?|Table|Chart|Graph)\s*\(?\d", re.I)
_IMAGE = lazyre.compile(r"\s*(?:<img\b[^>]*>|!\[[^\]]*\]\([^)]*\))\s*$", re.I)


#: How many blocks above a dose, in its section, may hold the header of the paper it stands in.
HEADER_BLOCKS = 8


def _per_block(doc: Document, name: str, block: Any, judge: Any) -> Any:
    """*judge* of *block*, remembered for the document: every dose of a long paragraph asks
    about the same few blocks around it, and each answer reads a whole block."""
    cache = doc.cache.setdefault(f"claims:{name}", {})
    key = (block.start, block.end)
    if key not in cache:
        cache[key] = judge(doc, block)
    return cache[key]


def _header_block(doc: Document, block: Any) -> bool:
    return _per_block(doc, "header", block, lambda d, b: is_header_line(d.prose[b.start:b.end]))


def under_paper_header(doc: Document, start: int) -> bool:
    """True when one of the few blocks above *start*, in its section, is a reproduced paper's
    byline, affiliation or journal dates: the text under it is the paper's, not the page's."""
    block = doc.block_at(start)
    i = doc.block_index(block) if block is not None else None
    if i is None:
        return False
    blocks = doc.blocks
    for prev in reversed(blocks[max(0, i - HEADER_BLOCKS):i]):
        if in_heading(doc, prev.start, widen=True):
            return False  # the section's heading: above it is another section
        if _header_block(doc, prev):
            return True
    return False


#: How many blocks a paper's title and deck (its standfirst) take between its heading and its byline.
DECK_BLOCKS = 2


def over_paper_header(doc: Document, start: int) -> bool:
    """True when *start* is in a pasted paper's deck: one of the first blocks under a heading,
    with the paper's byline, affiliation or dates right below it ("<h3>Title</h3><p>Deck with a
    dose</p><p>A. Author, MD</p><p>Department of ..., University of ...</p>")."""
    block = doc.block_at(start)
    i = doc.block_index(block) if block is not None else None
    if i is None:
        return False
    blocks = doc.blocks
    if block.kind in _HEADING_KINDS or not any(_per_block(doc, "title-like", b, _title_like)
                                               for b in blocks[max(0, i - DECK_BLOCKS):i]):
        return False
    for nxt in blocks[i + 1:i + 1 + DECK_BLOCKS + 1]:
        if nxt.kind in _HEADING_KINDS:
            return False
        if _header_block(doc, nxt) or _ABSTRACT_LABEL.match(doc.text, nxt.start):
            return True  # the paper's byline, or its structured abstract ("Objective: To present ...")
    return False


#: Longer lines are no title (a title in raw HTML a Markdown reader leaves as a paragraph).
TITLE_CHARS = 120


def _title_like(doc: Document, block: Any) -> bool:
    """A heading, or a short line with no full stop at its end (a title in raw HTML)."""
    if block.kind in _HEADING_KINDS:
        return True
    text = " ".join(doc.prose[block.start:block.end].split())
    return 0 < len(text) <= TITLE_CHARS and not text.endswith((".", ":", "!", "?"))


_OPEN_QUOTE = lazyre.compile(r"[\u201c\u201e\u00ab]")
_CLOSE_QUOTE = lazyre.compile(r"[\u201d\u00bb]")
_STRAIGHT_QUOTE = lazyre.compile('"')


def in_quotation(doc: Document, start: int, paragraphs: bool = False) -> bool:
    """True when *start* stands inside quotation marks opened earlier in its block (“...”,
    or an odd number of straight double quotes): someone else's words, quoted; with
    *paragraphs*, also inside a quotation that runs over several paragraphs."""
    block = doc.block_at(start)
    if block is None:
        return False
    opens, closes, straight = _per_block(doc, "quote-marks", block, _quote_marks)
    curly = bisect.bisect_left(opens, start) - bisect.bisect_left(closes, start)
    return curly > 0 or bisect.bisect_left(straight, start) % 2 == 1 or (paragraphs and in_long_quotation(doc, block))


def _quote_marks(doc: Document, block: Any) -> tuple[list[int], list[int], list[int]]:
    """Where the block's opening, closing and straight double quotes stand: counted once per
    block, not once per dose (a paragraph of 16,000 doses re-read itself 16,000 times)."""
    text = doc.prose
    return ([m.start() for m in _OPEN_QUOTE.finditer(text, block.start, block.end)],
            [m.start() for m in _CLOSE_QUOTE.finditer(text, block.start, block.end)],
            [m.start() for m in _STRAIGHT_QUOTE.finditer(text, block.start, block.end)])


#: How many paragraphs a quotation may run over without marks of its own.
QUOTE_BLOCKS = 8


def in_long_quotation(doc: Document, block: Any) -> bool:
    """A quotation over several paragraphs opens each with “ and closes only the last
    (an e-mail or a testimonial pasted whole): a block with no marks of its own is inside
    one when an earlier paragraph of its section left a “ open and a later one (or this
    one) closes it, before any heading."""
    i = doc.block_index(block)
    if i is None:
        return False
    blocks = doc.blocks

    def balance(b: Any) -> int:
        opens, closes, _ = _per_block(doc, "quote-marks", b, _quote_marks)
        return len(opens) - len(closes)

    opened = False
    for prev in reversed(blocks[max(0, i - QUOTE_BLOCKS):i]):
        if prev.kind in _HEADING_KINDS:
            return False
        b = balance(prev)
        if b < 0:
            return False  # a quotation closed above: this block is after it
        if b > 0:
            opened = True
            break
    if not opened:
        return False
    for nxt in blocks[i:i + QUOTE_BLOCKS]:
        if nxt.kind in _HEADING_KINDS:
            return False
        if _CLOSE_QUOTE.search(doc.prose, nxt.start, nxt.end):
            return True
        if nxt is not block and _OPEN_QUOTE.search(doc.prose, nxt.start, nxt.end):
            return True  # the next paragraph of the quotation opens with “ again
    return False


#: What a study's result says after its dose: "10,000 IU/day resulted in 80% of participants".
_RESULT_AFTER = lazyre.compile(r"^[^.;!?]{0,40}?\b(?:resulted\s+in|led\s+to)\b|^[^.;!?]{0,80}?\b\d+(?:\.\d+)?\s*%\s+of\s+"
                               r"(?:the\s+)?(?:participants|subjects|patients|volunteers|respondents|women|men|children)\b", re.I)


#: A graded recommendation: only guidelines grade their advice.
_GRADED = lazyre.compile(r"\b(?:recommendation\s+grade|grade\s+[A-D1-4I]\s+recommendation|level\s+of\s+evidence|"
                         r"strength\s+of\s+recommendation|evidence\s+grade|\(\s*grade\s+[A-D1-4I]\s*\))", re.I)


def _sentence_around(doc: Document, start: int, end: int) -> str:
    """The dose's whole sentence: what comes before it and up to the next sentence end."""
    after = re.split(r"[.;!?](?:\s|$)|\n\s*\n", doc.prose[end:end + 200], maxsplit=1)[0]
    return _sentence_before(doc, start) + " " + doc.prose[start:end] + after


def _caption(doc: Document, start: int) -> bool:
    """Whether the dose's block is a caption: it opens with "Fig. 2"/"Table 1", follows an
    image on its own, or sits in a section whose heading is a figure's."""
    block = doc.block_at(start)
    if block is None:
        return False
    if _CAPTION.match(doc.prose, block.start) or _CAPTION.match(doc.heading_before(start)):
        return True
    blocks = doc.blocks
    i = doc.block_index(block) or 0
    return i > 0 and bool(_IMAGE.match(doc.text[blocks[i - 1].start:blocks[i - 1].end]))


_SENTENCE_MARK = lazyre.compile(r"[.!?](?=[\s*_)\]\"'\u201d]|$)|\n\s*\n")


def _asks(doc: Document, block: Any, end: int) -> bool:
    """Whether the dose's sentence ends with a question mark ("Wonder how much rickets 200 IU
    would prevent?"): a question asks, it claims nothing."""
    hi = min(block.end if block is not None else len(doc.prose), end + 300)
    m = _SENTENCE_MARK.search(doc.prose, end, hi)
    return m is not None and m.group() == "?"


def _per_thing(doc: Document, end: int) -> bool:
    """Whether the amount is per something that is no time, body or person: "24,000 IU per
    entire pie", "500 IU per teaspoon of lard" is a content, not an intake ("per day",
    "per kg", "per 100 lbs" are doses)."""
    m = _PER_THING.match(doc.prose, end)
    if m is None:
        return False
    words = [w.lower() for w in _WORD_OF.findall(m.group(1))]
    return bool(words) and not any(w.rstrip("0123456789") in _INTAKE_PER or w == "os" for w in words)


def _in_example(doc: Document, block: Any) -> bool:
    """Whether the block is one of the few after an "Example:" line in its section (or that
    line itself): a worked example's figures illustrate a sum, they advise nothing."""
    i = doc.block_index(block) if block is not None else None
    if i is None:
        return False
    for prev in reversed(doc.blocks[max(0, i - EXAMPLE_BLOCKS):i + 1]):
        if prev.kind in _HEADING_KINDS:
            return False
        text = doc.prose[prev.start:prev.end]
        if len(text.strip()) <= 200 and _EXAMPLE_LEAD.match(text):
            return True
    return False


#: Longer lines are no caption over an image.
CAPTION_CHARS = 80


def _titles_image(doc: Document, block: Any) -> bool:
    """Whether the block is a short line with no full stop set right over an image: the
    figure's title ("**Need 400 IU**" over a paper's figure), which reports the figure."""
    i = doc.block_index(block) if block is not None else None
    if i is None or i + 1 >= len(doc.blocks) or block.kind in _HEADING_KINDS:
        return False
    text = " ".join(doc.prose[block.start:block.end].split())
    nxt = doc.blocks[i + 1]
    return 0 < len(text) <= CAPTION_CHARS and not text.endswith((".", ":", "!", "?")) and bool(
        _IMAGE_OPEN.match(doc.text, nxt.start, nxt.end))


_IMAGE_OPEN = lazyre.compile(r"\s*(?:<img\b|!\[[^\]]*\]\()", re.I)


def _framed_report(doc: Document, block: Any, start: int, end: int) -> str | None:
    """The reports only ``dose-needs-citation`` reads (with *framing*; the upper limit and
    the disclaimer still read these doses as what the reader meets): a question, a named
    reference value or body after the dose, a study's design or a passive report of what
    subjects were given, example values and worked examples, a content per something that
    is no intake, a figure's title over its image."""
    if _asks(doc, block, end):
        return "question"
    if _REFERENCE_SECTION.match(doc.heading_before(start)):
        return "reference"  # an entry of the reference list: a source, not a claim
    after = doc.prose[end:end + 200]
    if _AUTHORITY_AFTER.match(after):
        return "authority"
    before = _sentence_before(doc, start)
    if _STUDY_REQUIRES.search(before) or _PASSIVE_GIVEN.search(before):
        return "study"
    if _in_example(doc, block) or (_EXAMPLE_VALUE.search(before) and not _ADVICE.search(before) and not _TELLS.search(before)):
        return "hypothetical"
    if _per_thing(doc, end) or (_HELD_BY.search(before) and not _TELLS.search(before)):
        return "content"
    if _titles_image(doc, block):
        return "caption"
    if _disputed_list(doc, block):
        return "disputed"
    return None


#: A line saying a named document is wrong: "The enclosed leaflet is misleading on several points".
_DISPUTES = lazyre.compile(r"\b(?:PDF|article|paper|page|handout|leaflet|brochure|web\s*site|site|report|guidelines?|document|"
                           r"booklet|advice)\b[^.;!?]{0,40}?\b(?:is|are|was|were)\s+(?:\w+\s+){0,2}?(?:wrong|incorrect|mistaken|"
                           r"misleading|outdated|in\s+error)\b", re.I)
_LIST_ITEMS = ("list-item", "li")
#: How many blocks before a list may say what it lists.
LEAD_BLOCKS = 2


def _disputed_list(doc: Document, block: Any) -> bool:
    """Whether the block is an item of a list that a line just before it (in its section)
    introduces as what a named document wrongly says: the items paraphrase that document,
    which the page disputes; they are not the page's claims."""
    i = doc.block_index(block) if block is not None and block.kind in _LIST_ITEMS else None
    if i is None:
        return False
    blocks = doc.blocks
    while i > 0 and blocks[i - 1].kind in _LIST_ITEMS:
        i -= 1
    for prev in reversed(blocks[max(0, i - LEAD_BLOCKS):i]):
        if prev.kind in _HEADING_KINDS:
            return False
        if _DISPUTES.search(doc.prose, prev.start, prev.end):
            return True
    return False


#: Reports whose doses have a source a reader can find on the page: a study or trial it
#: describes, a quoted or reposted text, a paper's title, a named body, a caption.
SOURCED_KINDS = ("trial-arm", "study", "title", "linked-title", "transcript", "authority", "quoted", "caption",
                 "guideline", "title-list", "reposted")


def advises(doc: Document, start: int) -> bool:
    """Whether the words before the dose in its sentence advise ("should", "need to", "you",
    "recommend"): the page's own recommendation, whatever it restates."""
    return bool(_ADVICE.search(_sentence_before(doc, start)))


def product_content(doc: Document, start: int, end: int) -> bool:
    """True when the dose at ``[start, end)`` is what a product holds or what money buys ("each
    capsule provides 50,000 IU", "tablets contain 200-400 IU", "$2.00 will buy 300,000 IU",
    "50,000 IU vitamin D3 capsules"), whatever else its sentence says."""
    before = _sentence_before(doc, start)
    after = doc.prose[end:end + 80]
    return bool(_PRODUCT.search(before) or _PER_UNIT.match(after) or _SIZE_AFTER.match(after))


#: A unit size past the substance's name: "5,000 IU vitamin D pills", "50,000 IU water-soluble D3 capsules".
_SIZE_AFTER = lazyre.compile(r"\s*(?:of\s+)?(?:[\w-]+\s+){1,3}?(?:capsules?|caps|tablets?|tabs|softgels?|pills?|gel\s*caps|pearls?)\b",
                             re.I)


def in_linked_headline(doc: Document, offset: int) -> bool:
    """True inside the text of a link to another page (not a ``#fragment`` of this one):
    "[50,000 IU weekly helped seniors](/posts/x)" is that page's headline, a report of what
    it describes, not this page's advice (the linked page is checked on its own)."""
    link = doc.link_text_at(offset)
    return (link is not None and not link.target.startswith("#")) or _in_open_anchor(doc, offset)


_ANCHOR_OPEN = lazyre.compile(r"<a\s[^>]*?href\s*=\s*(?:\"(?!#)|'(?!#)|(?![\"'#]))[^>]*>", re.I)
_ANCHOR_START = lazyre.compile(r"<a\s", re.I)
_ANCHOR_CLOSE = lazyre.compile(r"</a\s*>", re.I)
#: How far an HTML anchor's text may run from its opening tag, across Markdown's blank lines.
ANCHOR_CHARS = 1500


def _in_open_anchor(doc: Document, offset: int) -> bool:
    """Inside an HTML ``<a href>`` element whose text runs over blank lines (pasted word-processor
    HTML: the tag opens a block, its text is the next, ``</a>`` ends a third), which a Markdown
    reader does not see as one link: an ``<a href=...>`` opened before *offset* and not closed,
    closed after it before another opens."""
    lo = max(0, offset - ANCHOR_CHARS)
    before = doc.text[lo:offset]
    if "<" not in before:
        return False
    opened = max((m.end() for m in _ANCHOR_OPEN.finditer(before)), default=-1)
    if opened < 0 or max((m.end() for m in _ANCHOR_CLOSE.finditer(before)), default=-1) > opened:
        return False
    after = doc.text[offset:offset + ANCHOR_CHARS]
    close = _ANCHOR_CLOSE.search(after)
    reopen = _ANCHOR_START.search(after)
    return close is not None and (reopen is None or reopen.start() > close.start())


def others_words(doc: Document, start: int, titles: bool = True) -> str | None:
    """The kind of someone else's text *start* stands in, or None for the page's own words:
    the framing :func:`report_kind` reads with *framing* (a list of titles, another page's
    headline, a reposted document, a transcript, a quoted section or quotation, a pasted
    paper under its byline or deck, a caption, a worked example) and a paper's own voice
    ("we randomised"), but none of its tests on a dose's own words, so it holds for any
    sentence (the disclaimer's "Stop taking the tablets" as much as a dose). Without *titles*,
    stacked headings are not read as a list of other reports' titles."""
    block = doc.block_at(start)
    heading = block is not None and block.kind in _HEADING_KINDS
    if titles and heading and in_title_list(doc, start):
        return "title-list"
    if in_linked_headline(doc, start):
        return "linked-title"
    if reposted(doc, start):
        return "reposted"
    if _transcript_turns(doc):
        return "transcript"
    if heading:
        return None
    section = doc.heading_before(start)
    if _QUOTED_SECTION.search(section) or (block is not None and _ABSTRACT_LABEL.match(doc.prose, block.start)):
        return "quoted"
    if in_quotation(doc, start, True) or under_paper_header(doc, start) or over_paper_header(doc, start):
        return "quoted"
    if _caption(doc, start):
        return "caption"
    if _EXAMPLE_SECTION.search(section):
        return "hypothetical"
    before = _sentence_before(doc, start)
    if _PAPER_VOICE.search(before):
        return "study"
    if _HYPOTHETICAL.search(before):
        return "hypothetical"
    return None


def heading_names_report(doc: Document, start: int) -> bool:
    """Whether the heading holding *start* names a study or a date ("- RCT 2012", "Jan 2013"):
    the title of a report, whatever it says of a dose."""
    block = doc.block_at(start)
    return block is not None and bool(_HEADING_REPORT.search(doc.prose, block.start, block.end))


def report_kind(doc: Document, start: int, end: int, framing: bool = False) -> str | None:
    """The kind of report the dose at ``[start, end)`` is, or None when it is the page's claim.
    With *framing*, the page's framing counts too (:mod:`.reposted`): a heading stacked in a
    list of titles, a document the page reposts, a quotation over several paragraphs. Only
    ``dose-needs-citation`` asks: those doses have a source the page names; the upper limit
    and the disclaimer still read them as what the reader is told to take."""
    block = doc.block_at(start)
    if block is not None and block.kind in _HEADING_KINDS:
        if framing and in_title_list(doc, start):
            return "title-list"  # stacked headings: other reports' titles
        before = _sentence_before(doc, start)
        if _AUTHORITY.search(before):
            return "authority"  # "### One agency states that up to 8,000 IU is safe."
        if _HYPOTHETICAL.search(before):
            return "hypothetical"  # "## If I had lupus, I would take vitamin D 8,000 IU daily: No"
    if _heading_report(doc, start):
        return "title"
    if in_linked_headline(doc, start):
        return "linked-title"  # "[50,000 IU weekly helped seniors](/posts/x)": that page's headline
    heading = doc.block_at(start)
    if heading is not None and heading.kind in _HEADING_KINDS:
        if framing and reposted(doc, start):
            return "reposted"
        return None  # a heading that gives advice ("Dosing with 5,000 IU softgels") is the page's claim
    if _transcript_turns(doc):
        return "transcript"  # an interview's page: its doses are what the speakers said
    if framing and reposted(doc, start):
        return "reposted"  # a handout, FAQ, press release or article the page reposts from a named source
    block = doc.block_at(start)
    section = doc.heading_before(start)
    if _QUOTED_SECTION.search(section) or (
            block is not None and _ABSTRACT_LABEL.match(doc.prose, block.start)):
        return "quoted"
    if in_quotation(doc, start, framing) or under_paper_header(doc, start) or (framing and over_paper_header(doc, start)):
        return "quoted"  # someone's words in quotation marks; a pasted paper under its byline
    if _caption(doc, start):
        return "caption"
    if framing:
        kind = _framed_report(doc, block, start, end)
        if kind is not None:
            return kind
    if block is not None and block.kind in _REFERENCE_BLOCKS and _REFERENCE_HEADING.search(section):
        return "authority"  # the items under "RDA for vitamin D raised to:" are the RDA
    if _EXAMPLE_SECTION.search(section):
        return "hypothetical"  # "Example: say you meant to average 3,000 IU/day"
    before = _sentence_before(doc, start)
    if _GRADED.search(_sentence_around(doc, start, end)):
        return "guideline"  # a graded recommendation is a guideline's text
    lead = lead_in(doc, start)
    if lead is not None:
        intro = " ".join(doc.prose[lead[0]:lead[1]].split()).rstrip(":")
        if _AUTHORITY.search(intro) or _QUOTED_SECTION.search(intro):
            return "authority"  # the list is what the named body (or quoted text) says
    if _PAPER_VOICE.search(before):
        return "study"  # a paper's methods in its own voice, advice words and all
    if (_AUTHORITY.search(before) or _ATTRIBUTED.search(before)) and not _YOU.search(before):
        return "authority"  # what a named body or person recommends: a source a reader can look up
    if _HYPOTHETICAL.search(before):
        return "hypothetical"
    if _ARITHMETIC_BEFORE.search(before) or _ARITHMETIC_AFTER.match(doc.prose, end):
        return "arithmetic"  # "you need to add 30 X 7,000 IU = 210,000 IU": a sum, advice words or not
    if _ADVICE.search(before):
        return None
    after = re.split(r"[.;!?](?:\s|$)|\n\s*\n", doc.prose[end:end + 160], maxsplit=1)[0]
    if _RESULT_AFTER.match(after):
        return "study"  # "10,000 IU/day resulted in 80% of participants ...": a study's result
    if _TRIAL_ARM.search(before) or _ARM.search(before) or _NAMES_ARM.match(after) or _PRACTICE.search(before):
        return "trial-arm"
    if _ON_THE_DOSE[0].search(before) and _ON_THE_DOSE[1].match(after) or _MEASURED_IN.search(before):
        return "trial-arm"
    if _DATED_STUDY.search(before):
        return None
    if _STUDY.search(before) or _STUDY_WITH.search(before) or _IN_STUDY.search(before) or _PLACEBO.search(after):
        return "study"
    if _OWN.search(before):
        return "own-regimen"
    if framing and _BOUGHT.search(before):
        return "purchase"  # needs no source; the disclaimer still reads the page's doses as advice
    if _PHYSIOLOGY.search(before) and _PHYSIOLOGY_SUBJECT.search(before):
        return "physiology"
    if _PRODUCT.search(before) or _PER_UNIT.match(after) or _SIZE_AFTER.match(doc.prose, end):
        return "product"
    return None
