"""Generate a Markdown health-article corpus for the benchmarks, with a fixed seed.

    python bench/corpus.py DEST [--files 10000] [--seed 2026]

The text is medlint's own: sentence templates filled from word pools written
for this script, with a tail of rarer words drawn from medlint's bundled
vocabulary so the number of distinct words grows with the corpus as it does in
real writing. Every page has front matter (YAML, some TOML and JSON), headings,
links to other pages (by URL, by file path, with ``#anchors``), images, DOIs,
PMIDs and doses; a few per cent of them carry the problems medlint exists to
catch (broken links, a DOI with a trailing period, uncited doses, typos, no
disclaimer), at rates like those of real content repos.

Layout: ``DEST/content/<section>/<slug>.md`` and ``DEST/static/images/``, a
Hugo site, so medlint's link rules work on it with no config.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

SECTIONS = ["conditions", "supplements", "medicines", "news"]
IMAGES = 200

#: (name, unit, typical daily doses)
AGENTS = [
    ("vitamin D", "IU", ["400", "800", "1,000", "2,000", "4,000", "5,000 - 10,000", "50,000"]),
    ("vitamin D3", "IU", ["600", "1,000", "2,000", "4,000", "10,000"]),
    ("magnesium", "mg", ["200", "250", "300", "400", "500"]),
    ("omega-3 fatty acids", "mg", ["250", "500", "1,000", "2,000", "4,000"]),
    ("iron", "mg", ["18", "27", "45", "65", "100"]),
    ("zinc", "mg", ["8", "11", "25", "40", "50"]),
    ("vitamin B12", "mcg", ["2.4", "250", "500", "1,000"]),
    ("folic acid", "mcg", ["400", "600", "800", "1,000"]),
    ("calcium", "mg", ["500", "600", "1,000", "1,200"]),
    ("metformin", "mg", ["500", "850", "1,000", "2,000"]),
    ("ibuprofen", "mg", ["200", "400", "600", "800"]),
    ("melatonin", "mg", ["0.5", "1", "3", "5", "10"]),
    ("vitamin K2", "mcg", ["45", "90", "180", "360"]),
    ("iodine", "mcg", ["150", "220", "290", "1,100"]),
    ("selenium", "mcg", ["55", "100", "200", "400"]),
    ("vitamin C", "mg", ["75", "90", "500", "1,000", "2,000"]),
    ("niacin", "mg", ["14", "16", "35", "500"]),
    ("creatine", "g", ["3", "5", "20"]),
    ("caffeine", "mg", ["100", "200", "400"]),
    ("curcumin", "mg", ["500", "1,000", "2,000"]),
    ("levothyroxine", "mcg", ["25", "50", "75", "100"]),
    ("atorvastatin", "mg", ["10", "20", "40", "80"]),
    ("cholecalciferol", "IU", ["800", "1,000", "2,000"]),
    ("aspirin", "mg", ["75", "81", "100", "300"]),
]

CONDITIONS = [
    "osteoporosis", "multiple sclerosis", "type 2 diabetes", "hypertension", "migraine", "depression", "asthma",
    "psoriasis", "chronic kidney disease", "atrial fibrillation", "rheumatoid arthritis", "insomnia", "anaemia",
    "hypothyroidism", "Crohn's disease", "heart failure", "COVID-19", "obesity", "osteoarthritis", "gout",
    "Parkinson's disease", "Alzheimer's disease", "coeliac disease", "tuberculosis", "pneumonia", "sepsis",
    "prediabetes", "fibromyalgia", "endometriosis", "preeclampsia", "rickets", "sarcopenia", "frailty",
    "chronic fatigue", "eczema", "lupus", "anxiety", "schizophrenia", "autism", "stroke",
]

MARKERS = [
    "serum 25-hydroxyvitamin D", "bone mineral density", "HbA1c", "blood pressure", "LDL cholesterol",
    "C-reactive protein", "ferritin", "parathyroid hormone", "osteoprotegerin", "homocysteine", "eGFR",
    "fasting glucose", "insulin sensitivity", "triglycerides", "TSH", "vitamin B12 levels", "hemoglobin",
]

POPULATIONS = [
    "older adults", "postmenopausal women", "children", "pregnant women", "adolescents", "nursing home residents",
    "people with dark skin", "obese adults", "athletes", "infants", "patients in intensive care",
    "people with kidney disease", "vegans", "shift workers", "adults over 70", "healthy volunteers",
]

STUDY = [
    "randomised controlled trial", "meta-analysis", "cohort study", "systematic review", "case-control study",
    "crossover trial", "pilot study", "observational study", "Mendelian randomisation study", "cross-sectional survey",
]

VERBS = ["reduced", "increased", "did not change", "slightly lowered", "improved", "worsened", "halved",
         "doubled", "had no effect on", "modestly raised"]
ADVERBS = ["significantly", "consistently", "only slightly", "in most cases", "on average", "after six months",
           "within a year", "over two years", "in the treatment group", "compared with placebo"]
AUTHORS = ["Smith", "Garcia", "Nguyen", "Okafor", "Jensen", "Kowalski", "Tanaka", "Rossi", "Haddad", "Murphy",
           "Lindqvist", "Patel", "Chen", "Dubois", "Moreau", "Schmidt", "Ivanova", "Costa", "Ahmed", "Kim"]
JOURNALS = ["BMJ", "Lancet", "JAMA", "N Engl J Med", "Am J Clin Nutr", "J Bone Miner Res", "Nutrients",
            "PLoS One", "Osteoporos Int", "Diabetes Care", "Neurology", "Circulation"]

HEADINGS = ["Background", "What the evidence says", "How much is enough", "Who is at risk", "Side effects",
            "Interactions with other medicines", "Testing and monitoring", "Food sources", "Dosing in practice",
            "Open questions", "Summary", "Key studies", "Safety and upper limits", "Practical advice",
            "History", "Mechanism", "Guidelines", "Children and pregnancy", "Common myths", "Further reading"]

OPENERS = [
    "This page collects what is known about {agent} and {condition}.",
    "Many readers ask whether {agent} helps with {condition}.",
    "The short answer is that the evidence is mixed, and depends on who is being treated.",
    "Here is a summary of the studies, the doses used and the open questions.",
    "Low levels of {marker} are common in {population}, especially in winter.",
    "Doctors have debated the role of {agent} in {condition} for decades.",
]

SENTENCES = [
    "A {study} of {n} {population} found that {agent} {verb} {marker} {adverb}.",
    "In {population}, {condition} is more common when {marker} is low.",
    "The effect on {condition} was small, and the confidence interval was wide.",
    "Most of the trials were short, and few measured {marker} at the start.",
    "Side effects were rare, but high doses of {agent} can raise calcium in the blood.",
    "People with {condition} often take several medicines, so interactions matter.",
    "The {study} was stopped early because {marker} {verb} in both groups.",
    "Researchers in {country} followed {n} {population} for {years} years.",
    "Blood tests for {marker} are cheap, but the results vary between laboratories.",
    "{Agent} is found in oily fish, eggs, fortified foods and some mushrooms.",
    "Guidelines from several countries now agree on the basic recommendations.",
    "It is not clear whether the benefit comes from {agent} itself or from better overall health.",
    "Absorption of {agent} is better when it is taken with a meal that contains fat.",
    "The risk of {condition} rose by {pct}% for each standard deviation fall in {marker}.",
    "Some of the earlier findings were not confirmed when larger trials were done.",
    "Patients and clinicians should weigh the likely benefit against the cost and the burden of testing.",
    "A genetic variant in the receptor changes how {population} respond to {agent}.",
    "Several small studies reported that {marker} {verb} {adverb}, but larger ones did not.",
    "The mechanism may involve inflammation, the immune system or changes in gene expression.",
    "Levels of {marker} fall with age, and older adults absorb less from food.",
    "There is no evidence that {agent} prevents {condition} in people who are not deficient.",
    "Results from the {study} are expected next year.",
    "The number needed to treat was {nnt}, which is typical for preventive interventions.",
    "Sunlight, diet and body weight all change how much {agent} a person needs.",
]

COUNTRIES = ["Finland", "Brazil", "Japan", "Nigeria", "Canada", "India", "Australia", "Denmark", "Chile", "Korea"]

DISCLAIMERS = [
    "*This article is for informational purposes only and is not medical advice. Talk to your doctor before "
    "changing any treatment.*",
    "**Disclaimer:** the information on this page is not a substitute for medical advice; consult your healthcare "
    "provider before taking supplements.",
    "> Not medical advice. Speak to a pharmacist or doctor about your own situation.",
]

TYPO_WORDS = ["because", "evidence", "effect", "studies", "patients", "results", "increase", "people", "blood",
              "measured", "several", "treatment", "recommend", "absorption", "levels", "between", "larger"]


@dataclass
class Page:
    section: str
    slug: str
    title: str
    agent: tuple[str, str, list[str]]
    condition: str
    headings: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"/{self.section}/{self.slug}/"

    @property
    def file(self) -> str:
        return f"{self.section}/{self.slug}.md"


def anchor(heading: str) -> str:
    """GitHub-style heading id (the generated headings have no punctuation but spaces)."""
    return heading.lower().replace(" ", "-")


def rare_words() -> list[str]:
    """Medical words from medlint's bundled vocabulary, for a realistic tail of rare words."""
    path = Path(__file__).resolve().parent.parent / "src" / "medlint" / "data" / "spelling" / "medical.txt"
    return [w for w in path.read_text(encoding="utf-8").split() if w.isalpha() and 6 <= len(w) <= 14]


class Writer:
    """Writes one page at a time from the plan of every page (so links point at real pages)."""

    def __init__(self, rng: random.Random, pages: list[Page], rare: list[str]) -> None:
        self.rng = rng
        self.pages = pages
        self.rare = rare

    def fill(self, template: str, agent: str, condition: str) -> str:
        r = self.rng
        values = {
            "agent": agent, "Agent": agent[0].upper() + agent[1:], "condition": condition,
            "marker": r.choice(MARKERS), "population": r.choice(POPULATIONS), "study": r.choice(STUDY),
            "verb": r.choice(VERBS), "adverb": r.choice(ADVERBS), "n": f"{r.randrange(20, 12000):,}",
            "country": r.choice(COUNTRIES), "years": r.randrange(2, 25), "pct": r.randrange(3, 60),
            "nnt": r.randrange(8, 400),
        }
        return template.format(**values)

    def citation(self) -> str:
        r = self.rng
        kind = r.randrange(6)
        if kind == 0:
            return f" ({r.choice(AUTHORS)} et al., {r.randrange(1995, 2026)})"
        if kind == 1:
            return f" [{r.randrange(1, 40)}]"
        if kind == 2:
            return f" ([{r.choice(JOURNALS)} {r.randrange(1995, 2026)}](https://doi.org/{self.doi()}))"
        if kind == 3:
            return f" (PMID: {r.randrange(10_000_000, 39_999_999)})"
        if kind == 4:
            return f" ([{r.choice(AUTHORS)} {r.randrange(1995, 2026)}]({self.link_target()}))"
        return f"[^{r.randrange(1, 9)}]"

    def doi(self) -> str:
        r = self.rng
        suffix = r.choice([f"j.{r.choice(['bone', 'jsbmb', 'nut', 'clnu'])}.{r.randrange(2000, 2026)}."
                           f"{r.randrange(1, 12):02d}.{r.randrange(1, 999):03d}",
                           f"s{r.randrange(10000, 99999)}-{r.randrange(100, 999)}-{r.randrange(1000, 9999)}-{r.randrange(10)}",
                           f"nu{r.randrange(10, 16)}{r.randrange(10, 24)}{r.randrange(1000, 9999)}",
                           f"bmj.{r.choice(['m', 'k', 'h'])}{r.randrange(100, 9999)}"])
        return f"10.{r.randrange(1000, 99999)}/{suffix}"

    def link_target(self) -> str:
        """A link to another page: by URL, by file path, sometimes to a heading; about 1% are broken."""
        r = self.rng
        other = r.choice(self.pages)
        if r.random() < 0.01:
            return f"/{other.section}/{other.slug}-old/"
        how = r.randrange(4)
        target = other.url if how < 2 else f"../{other.file}"
        if how == 3 and other.aliases:
            target = other.aliases[0]
        if r.random() < 0.25:
            target += "#" + anchor(r.choice(other.headings))
        return target

    def dose_sentence(self, agent: str, unit: str, doses: list[str]) -> str:
        r = self.rng
        dose = f"{r.choice(doses)} {unit}"
        text = r.choice([
            f"Trials have used {dose} of {agent} a day",
            f"The usual adult dose is {dose} daily",
            f"Most adults probably need {dose} per day",
            f"Participants took {dose} of {agent} each day for a year",
            f"A loading dose of {dose} was given once a week",
        ])
        return text + ("" if r.random() < 0.12 else self.citation()) + "."

    def sentence(self, agent: str, condition: str) -> str:
        r = self.rng
        text = self.fill(r.choice(SENTENCES), agent, condition)
        if r.random() < 0.15:
            text = text[:-1] + f", as well as {r.choice(self.rare)} and {r.choice(self.rare)}."
        if r.random() < 0.08:
            text = text[:-1] + f" ([{r.choice(['see also', 'more here', r.choice(CONDITIONS)])}]({self.link_target()}))."
        if r.random() < 0.002:
            text = self.typo(text)
        return text

    def typo(self, text: str) -> str:
        """Replace one common word with a one-edit misspelling, as writers do."""
        words = [w for w in TYPO_WORDS if f" {w} " in text]
        if not words:
            return text
        word = self.rng.choice(words)
        i = self.rng.randrange(1, len(word) - 1)
        wrong = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        return text.replace(f" {word} ", f" {wrong} ", 1)

    def paragraph(self, agent: str, unit: str, doses: list[str], condition: str) -> str:
        r = self.rng
        parts = [self.sentence(agent, condition) for _ in range(r.randrange(3, 6))]
        if r.random() < 0.25:
            parts.insert(r.randrange(len(parts) + 1), self.dose_sentence(agent, unit, doses))
        if r.random() < 0.12:
            parts.append(f"See also{self.citation()}.")
        return " ".join(parts)

    def front_matter(self, page: Page, agent: str, condition: str) -> str:
        r = self.rng
        date = f"{r.randrange(2012, 2026)}-{r.randrange(1, 13):02d}-{r.randrange(1, 29):02d}"
        tags = sorted({agent.split()[0].lower(), condition.split()[0].lower().strip("'s"), page.section})
        fields = {"title": page.title, "slug": page.slug, "date": date, "tags": tags,
                  "description": f"What the evidence says about {agent} and {condition}."}
        if page.aliases:
            fields["aliases"] = page.aliases
        style = r.random()
        if style < 0.8:
            lines = [f"title: \"{page.title}\"", f"slug: {page.slug}", f"date: {date}",
                     "tags: [" + ", ".join(tags) + "]", f"description: \"{fields['description']}\""]
            if page.aliases:
                lines.append("aliases:\n" + "\n".join(f"  - {a}" for a in page.aliases))
            if r.random() < 0.3:
                lines.append(f"author: {r.choice(AUTHORS)}")
            return "---\n" + "\n".join(lines) + "\n---\n"
        if style < 0.9:
            lines = [f"title = \"{page.title}\"", f"slug = \"{page.slug}\"", f"date = {date}",
                     "tags = [" + ", ".join(f'"{t}"' for t in tags) + "]"]
            if page.aliases:
                lines.append("aliases = [" + ", ".join(f'"{a}"' for a in page.aliases) + "]")
            return "+++\n" + "\n".join(lines) + "\n+++\n"
        return json.dumps(fields, indent=2) + "\n"

    def page(self, page: Page) -> str:
        r = self.rng
        agent, unit, doses = page.agent
        condition = page.condition
        out = [self.front_matter(page, agent, condition), f"# {page.title}\n"]
        out.append(" ".join(self.fill(t, agent, condition) for t in r.sample(OPENERS, 3)) + "\n")
        for heading in page.headings:
            out.append(f"## {heading}\n")
            for _ in range(r.randrange(1, 3)):
                out.append(self.paragraph(agent, unit, doses, condition) + "\n")
            roll = r.random()
            if roll < 0.2:
                out.append("\n".join(f"- {self.sentence(agent, condition)}" for _ in range(r.randrange(2, 6))) + "\n")
            elif roll < 0.27:
                rows = [f"| {r.choice(POPULATIONS)} | {r.choice(doses)} {unit} | {r.choice(AUTHORS)} {r.randrange(1995, 2026)} |"
                        for _ in range(r.randrange(2, 6))]
                out.append("| Group | Dose | Study |\n|---|---|---|\n" + "\n".join(rows) + "\n")
            elif roll < 0.31:
                out.append(f"![{r.choice(MARKERS)} by month](/images/figure-{r.randrange(IMAGES)}.png)\n")
            elif roll < 0.33:
                out.append("```r\nfit <- glm(fracture ~ dose + age, family = binomial, data = trial)\nsummary(fit)\n```\n")
        out.append("## References\n")
        refs = []
        for k in range(r.randrange(2, 7)):
            doi = self.doi()
            if r.random() < 0.01:
                doi += "."  # copied with the sentence's full stop
            refs.append(f"{k + 1}. {r.choice(AUTHORS)} {r.choice('ABCDEFGHJK')}, {r.choice(AUTHORS)} {r.choice('ABCDEFGHJK')}. "
                        f"{self.fill('{Agent} and {marker} in {population}', agent, condition).capitalize()}. "
                        f"{r.choice(JOURNALS)}. {r.randrange(1995, 2026)};{r.randrange(1, 400)}:{r.randrange(1, 2000)}. "
                        f"[doi:{doi}](https://doi.org/{doi})")
        out.append("\n".join(refs) + "\n")
        if r.random() < 0.85:
            out.append(r.choice(DISCLAIMERS) + "\n")
        return "\n".join(out)


def plan(rng: random.Random, files: int) -> list[Page]:
    pages = []
    for i in range(files):
        agents = rng.choice(AGENTS)
        agent = agents[0]
        condition = rng.choice(CONDITIONS)
        title = f"{agent[0].upper() + agent[1:]} and {condition}: {rng.choice(['what we know', 'the evidence', 'a review', 'new trials', 'questions and answers'])}"
        slug = "-".join(title.lower().replace(":", "").replace("'", "").split()) + f"-{i}"
        page = Page(SECTIONS[i % len(SECTIONS)], slug, title, agents, condition,
                    rng.sample(HEADINGS, rng.randrange(3, 6)))
        if rng.random() < 0.3:
            page.aliases = [f"/archive/{i}/"]
        pages.append(page)
    return pages


def generate(dest: Path, files: int = 10_000, seed: int = 2026) -> tuple[int, int]:
    """Write the corpus under *dest*; return (files, bytes)."""
    rng = random.Random(seed)
    pages = plan(rng, files)
    writer = Writer(rng, pages, rare_words())
    content = dest / "content"
    for section in SECTIONS:
        (content / section).mkdir(parents=True, exist_ok=True)
    images = dest / "static" / "images"
    images.mkdir(parents=True, exist_ok=True)
    for i in range(IMAGES):
        (images / f"figure-{i}.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    size = 0
    for page in pages:
        data = writer.page(page).encode("utf-8")
        (content / page.file).write_bytes(data)
        size += len(data)
    return len(pages), size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    count, size = generate(args.dest, args.files, args.seed)
    print(f"{count:,} files, {size / 1e6:.1f} MB in {args.dest}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
