"""Spelling: the places and shapes that mark a name, code or a page's own term, not a typo
(medlint.kinds.spellcontext); each false-alarm pattern is not reported, and a real typo in
the same kind of place still is."""
from __future__ import annotations

import pytest

from medlint import lint_text
from medlint.kinds.spellcontext import closed_compound, garbled
from medlint.medical.speller import Speller, fold_accents


def words(text: str, path: str = "x.md", options: dict | None = None) -> list[str]:
    cfg = {"rules": {"spelling": {"options": options}}} if options else {}
    return [d.message.split("'")[1] for d in lint_text(text, path=path, config=cfg, select=["spelling"])]


def html(body: str) -> str:
    return f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>\n"


@pytest.mark.parametrize("path,text", [
    ("x.md", "A survey by Fleiss and Brannagh showed it. Meehlberg said so.\n"),
    ("x.html", html("<p>A survey by Fleiss and Brannagh showed it. Meehlberg said so.</p>")),
])
def test_capitalised_words_without_a_sure_correction_are_names(path: str, text: str, isolated) -> None:
    assert words(text, path) == []


@pytest.mark.parametrize("path,text", [
    ("x.md", "Hospitlaization rates rose. Teh end.\n"),
    ("x.html", html("<p>Hospitlaization rates rose. Teh end.</p>")),
])
def test_capitalised_typos_with_a_sure_correction_are_still_reported(path: str, text: str, isolated) -> None:
    assert words(text, path) == ["Hospitlaization", "Teh"]


def test_proper_nouns_check_reports_capitalised_names(isolated) -> None:
    assert words("A survey by Brannagh.\n", options={"proper_nouns": "check"}) == ["Brannagh"]


@pytest.mark.parametrize("path,text", [
    ("x.md", "Call survfitx(fit) and edit .gitignorex and use pkgx::fun and dfx$col today.\n"),
    ("x.html", html("<p>Call survfitx(fit) and edit .gitignorex and use pkgx::fun today.</p>")),
])
def test_code_shaped_words_are_not_typos(path: str, text: str, isolated) -> None:
    assert words(text, path) == []


def test_a_typo_before_a_spaced_parenthesis_is_reported(isolated) -> None:
    assert words("We went walkin (daily) and it helped.\n") == ["walkin"]


@pytest.mark.parametrize("path,text", [
    ("x.md", "See [openrefinex](https://example.org/openrefinex/) and [qgisx][qgisx-site] and [xmlx](https://e.org/wiki/XMLX).\n"),
    ("x.html", html('<p>See <a href="https://example.org/openrefinex/">openrefinex</a> today.</p>')),
])
def test_link_text_that_names_its_target_is_not_prose(path: str, text: str, isolated) -> None:
    assert words(text, path) == []


def test_a_typo_in_link_text_is_reported(isolated) -> None:
    assert words("See [sacopenia](https://example.org/sarcopenia/) today.\n") == ["sacopenia"]


@pytest.mark.parametrize("path,text", [
    ("x.md", "We used the seabornx library and the knitrx package, with the package blogdownx.\n"),
    ("x.html", html("<p>We used the seabornx library and the knitrx package.</p>")),
])
def test_words_named_as_software_are_not_typos(path: str, text: str, isolated) -> None:
    assert words(text, path) == []


def test_a_typo_before_an_ordinary_noun_is_reported(isolated) -> None:
    assert words("Renal functoin and walkin function were normal.\n") == ["functoin", "walkin"]


def test_one_word_heading_and_lower_case_paragraph_start_are_names(isolated) -> None:
    text = "## knitrx\n\nstringrx simplifies the work.\n\nThe work is walkin today.\n"
    assert words(text) == ["walkin"]


def test_a_word_the_page_repeats_is_its_term_but_garble_is_reported(isolated) -> None:
    text = "The tibblex is new. A tibblex holds data. Each tibblex prints. The subjectï¿½s data, the subjectï¿½s form, the subjectï¿½s name.\n"
    assert words(text) == []  # 'ï¿½' is encoding damage, reported by that rule, not a slip
    assert [d.rule for d in lint_text(text, config={}, select=["encoding-damage"])] == ["encoding-damage"] * 3
    ocr = "The tibblex is new. A tibblex holds data. Each tibblex prints. The subjectï data, the subjectï form, the subjectï name.\n"
    assert words(ocr) == ["subjectï"] * 3


def test_a_repeated_typo_with_a_sure_correction_is_reported(isolated) -> None:
    text = ("The hospitlaization rate rose in the winter months. A hospitlaization costs the hospital money. "
            "One hospitlaization in ten was for a fall at home.\n")
    assert words(text) == ["hospitlaization"] * 3


def test_abbreviation_before_a_letter(isolated) -> None:
    assert words("Take vit D daily; vitx E too.\n") == []
    assert words("Take walkin daily.\n") == ["walkin"]


def test_closed_compounds_are_not_reported_but_a_missing_space_after_a_function_word_is(isolated) -> None:
    speller = Speller()
    assert closed_compound("heatmap", speller.known) and closed_compound("roundtable", speller.known)
    assert not closed_compound("ofvitamin", speller.known)
    assert words("The contros and the canier were seen.\n") == ["contros", "canier"]  # one-word corrections
    assert words("A heatmap at the roundtable.\n") == []
    assert words("The level ofvitamin rose.\n") == ["ofvitamin"]
    assert words("The result was guncertain.\n") == ["guncertain"]  # gun + certain, but one edit from uncertain


def test_garbled_words() -> None:
    assert garbled("jxg") and garbled("subjectï") and not garbled("knitr")


def test_known_words_with_accents_and_forms_of_medical_words(isolated) -> None:
    assert fold_accents("Jørgensen") == "Jorgensen" and fold_accents("naïve") == "naive"
    speller = Speller()
    for word in ("naïve", "confounders", "irradiances", "calcemic", "dimethylated", "bistability", "crosstabulation"):
        assert speller.known(word), word
    for typo in ("celes", "clls", "reelase", "dicease", "subjectï"):
        assert not speller.known(typo), typo


def test_spelt_units_and_short_consonant_runs_are_abbreviations(isolated) -> None:
    assert words("They took 25 microg daily, a pcnt of the dose, logged as ffw in the sheet.\n") == []
    assert words("They took 25 microgx daily and walkin helped.\n") == ["microgx", "walkin"]
    assert words("It is well knwn to us.\n") == ["knwn"]  # a vowel left out


@pytest.mark.parametrize("path,text", [
    ("x.md", "Losses cause hypo===chlor===aemia and other changes in the body.\n"),
    ("x.md", "Losses cause hypochlor**aemia** and other changes in the body.\n"),
])
def test_a_word_cut_by_markup_is_a_fragment(path: str, text: str, isolated) -> None:
    assert words(text, path) == []


def test_a_typo_in_bold_or_in_link_text_is_still_reported(isolated) -> None:
    assert words("The **walkin** group and [a walkin study](https://example.org/x) did well.\n") == ["walkin", "walkin"]


def test_a_word_of_another_language_with_its_accents(isolated) -> None:
    text = "The patients were seen at the Hôpital générale of the town, where walkin was advised for all of them.\n"
    assert words(text) == ["walkin"]


def test_a_clipped_part_before_a_hyphen_is_not_judged(isolated) -> None:
    assert words("It separates env-variables from data-variables but not walkin-variables.\n") == ["walkin"]


def test_solid_prefixes_of_science_before_long_words() -> None:
    speller = Speller()
    for word in ("unprayed", "coadministration", "dysregulated", "genotyped", "genotyping"):
        assert speller.known(word), word
    assert not speller.known("coman")  # co- only before a word of seven letters or more


def test_a_short_form_defined_in_parentheses(isolated) -> None:
    assert words("They contrast Information Visualization (infovis) with graphics.\n") == []
    assert words("They contrast Information Visualization (walkin) with graphics.\n") == ["walkin"]


@pytest.mark.parametrize("path,text", [
    ("x.md", "We installed a new package, tidyrx. Packages I use daily: dplyrx, magrittrx, and tidyrx.\n"),
    ("x.html", html("<p>We installed a new package, tidyrx. Packages I use daily: dplyrx, magrittrx, and tidyrx.</p>")),
])
def test_names_after_a_software_noun_and_comma_or_in_its_list_are_software(path: str, text: str, isolated) -> None:
    assert words(text, path) == []


@pytest.mark.parametrize("path,text", [
    ("x.md", "Packages I use: dplyrx, and then we went walkin. Results: walkin daily.\n"),
    ("x.html", html("<p>Packages I use: dplyrx, and then we went walkin. Results: walkin daily.</p>")),
])
def test_a_typo_outside_the_software_list_is_reported(path: str, text: str, isolated) -> None:
    assert words(text, path) == ["walkin", "walkin"]


@pytest.mark.parametrize("path,text", [
    ("x.md", "Clin Nutr. 2015 Mar 9. pii: S0261-5614(15)00072-8. Am J Clin Nutr June 2015 ajcnx.051664\n"),
    ("x.html", html("<p>J Dent Res. 2016 Aug 3. pii: 0022034516650218. Am J Clin Nutr 2013 ajcnx.051664</p>")),
])
def test_a_label_or_code_glued_to_an_identifier_is_citation_text(path: str, text: str, isolated) -> None:
    assert words(text, path) == []


@pytest.mark.parametrize("path,text", [
    ("x.md", "The plama level: 25 ng/ml, the plama: high. Teh dose was 1.5 mg.\n"),
    ("x.html", html("<p>The plama level: 25 ng/ml. Teh dose was 1.5 mg.</p>")),
])
def test_a_typo_before_a_short_number_is_still_reported(path: str, text: str, isolated) -> None:
    expected = ["plama", "plama", "Teh"] if path.endswith(".md") else ["plama", "Teh"]
    assert words(text, path) == expected


@pytest.mark.parametrize("path,text", [
    ("x.md", "We saw 27-66 year olds. The walkin olds were fine.\n"),
    ("x.html", html("<p>We saw 18 month olds. The walkin olds were fine.</p>")),
])
def test_olds_after_an_age_is_a_noun(path: str, text: str, isolated) -> None:
    assert words(text, path) == ["walkin", "olds"]


@pytest.mark.parametrize("path,text", [
    ("x.md", "Maybe knitrx is at fault.\n\nLoad it with `library(knitrx)` first. Later the gglotx package, and gglotx again.\n"),
    ("x.html", html("<p>Maybe knitrx is at fault.</p><pre>library(knitrx)</pre><p>The gglotx package, and gglotx again.</p>")),
])
def test_a_word_the_page_writes_as_code_or_names_as_software_is_software_everywhere(path: str, text: str, isolated) -> None:
    assert words(text, path) == []


def test_prose_words_that_look_like_import_lines_do_not_hide_typos(isolated) -> None:
    text = "They die from scurvey in weeks. A library (plama) was used. Then magirttr, unlike `library(magrittr)`.\n"
    assert words(text) == ["scurvey", "plama", "magirttr"]


@pytest.mark.parametrize("path,text", [
    ("x.md", "Spiders (Theraphosa blondqui) and seeds of Nigella vorzanica were studied.\n"),
    ("x.html", html("<p>Spiders (Theraphosa blondqui) and seeds of Nigella vorzanica were studied.</p>")),
])
def test_the_epithet_after_a_genus_is_a_species_name(path: str, text: str, isolated) -> None:
    assert words(text, path) == []


def test_a_typo_after_a_capitalised_word_or_without_a_latin_ending_is_reported(isolated) -> None:
    # a sure correction wins over the binomial shape; a word that does not end like an epithet,
    # or follows a sentence's first word, or a capital inside a word (JavaScript), is judged
    text = ("Vitamin D absorpion rose. Sunlight qwrtyx helps.\n\n1. Calcific tendenitis hurts.\n\n"
            "It hurt. Already zorpus works. Use JavaScript zorpus too. Take Lactobacillus euteri daily.\n")
    # euteri is one edit from the listed epithet reuteri: a slip of it
    assert words(text) == ["absorpion", "qwrtyx", "tendenitis", "zorpus", "zorpus", "euteri"]


@pytest.mark.parametrize("path,text", [
    ("x.md", "Write to jdoex (at) exqmple (dot) edu or kroex [at] exqmple.\n"),
    ("x.html", html("<p>Write to jdoex (at) exqmple (dot) edu.</p>")),
])
def test_the_user_name_of_a_spelt_out_address_is_not_prose(path: str, text: str, isolated) -> None:
    assert words(text, path) == []


def test_the_micro_sign_before_a_unit_and_a_home_folder_in_a_domain(isolated) -> None:
    text = "It rose by 1 \u00b5mol/l and 2 \u03bcg daily; see www-personal.example.edu/~qzlarn/faq.htm today.\n"
    assert words(text) == []


@pytest.mark.parametrize("path,text", [
    ("x.md", "Jannetx Svensson, MD, PhD\n\nSebastianox Gattoni-Celli, M.D., wrote it.\n\nChristelx Lamberg-Allardt,\n"),
    ("x.html", html("<p>Jannetx Svensson, MD, PhD</p><p>Christelx Lamberg-Allardt,</p>")),
])
def test_a_given_name_before_a_surname_and_a_degree_or_in_a_byline_line(path: str, text: str, isolated) -> None:
    assert words(text, path) == []


def test_a_capitalised_typo_at_a_sentence_start_is_still_reported(isolated) -> None:
    # two capitalised words ending a line with no comma, degree or mark are a heading, not a byline
    assert words("Recomendations Summary\n\nRecomendations follow, Summary aside.\n") == ["Recomendations"] * 2


@pytest.mark.parametrize("path,text", [
    ("x.md", "---\ntitle: Sun\n---\nDermatologist Barbara A. Gilchristen of Boston spoke.\n\nGilchristen says so.\n"),
    ("x.html", html("<p>Said professor Barbara Gilchristen today.</p><p>Gilchristen says so.</p>")),
])
def test_a_capitalised_word_the_page_writes_as_a_name_is_that_name_at_a_sentence_start(path: str, text: str,
                                                                                         isolated) -> None:
    assert words(text, path) == []


def test_a_capitalised_typo_is_reported_when_the_page_writes_it_only_in_a_heading_or_at_starts(isolated) -> None:
    text = ("## Advice on Vitamin Recomendations for kids\n\nRecomendations follow. Take vitamin D. "
            "Recomendations help. See the Recomendations too.\n")
    assert words(text) == ["Recomendations", "Recomendations"]


@pytest.mark.parametrize("path,text", [
    ("x.md", "Yadavi and colleagues found it. Holickson (2007) showed it. Holickson and Chen (2010) agreed. "
             "Gilchristen's study says so.\n"),
    ("x.html", html("<p>Yadavi and colleagues found it. Gilchristen's study says so.</p>")),
])
def test_a_surname_before_colleagues_a_year_or_its_study(path: str, text: str, isolated) -> None:
    assert words(text, path) == []


def test_a_typo_before_and_or_a_bracket_without_a_year_is_reported(isolated) -> None:
    assert words("Hospitlaization and costs rose. Hospitlaization (rates) rose.\n") == ["Hospitlaization"] * 2


def test_a_mailing_list_name_ending_in_a_lone_letter_and_a_url_glued_to_a_word(isolated) -> None:
    text = ("Ask on the qedstat-l list. Key words: frailty.http://qolisci.example.edu/a/b/c.pdf today.\n\n"
            "The tyop-free-l list and the tyop-l list.\n")
    assert words(text) == ["tyop"]  # a lone letter ends only a two-part name


@pytest.mark.parametrize("path,text", [
    ("x.md", "It wouldn\\'t be research, and the patient\\'s chart shows it; it wouldnn\\'t, said the docotr\\'s note.\n"),
    ("x.html", html("<p>It wouldn\\'t be research; it wouldnn\\'t, said the docotr\\'s note.</p>")),
])
def test_an_escaped_apostrophe_joins_a_contraction_but_a_typo_before_it_is_reported(path: str, text: str,
                                                                                   isolated) -> None:
    assert words(text, path) == ["wouldn", "docotr"]  # "wouldnn't" is "wouldn" + "n't"


@pytest.mark.parametrize("path,text", [
    ("x.md", "Call the gsubx function on the variable sdmvpx, then plot ulabsx. The resluts and gsubz were odd.\n\n"
             "```r\ny <- gsubx(pattern = \"e\", x = example1)\n```\n\n"
             "Then:\n\n    proc surveymeans; cluster sdmvpx; run;\n\n"
             "The plot is `pc.plot <- function(x, ulabsx)`.\n"),
    ("x.html", html("<p>Call the gsubx function on the variable sdmvpx, then plot ulabsx. The resluts and gsubz were "
                    "odd.</p><pre>y &lt;- gsubx(x)\ncluster sdmvpx;</pre><p>The plot is <code>pc.plot(x, ulabsx)</code>.</p>")),
])
def test_a_name_the_page_uses_in_its_code_is_that_name_in_prose(path: str, text: str, isolated) -> None:
    assert words(text, path) == ["resluts", "gsubz"]  # a typo of the same shape, not in the code, is reported


def test_an_indented_html_line_or_address_is_not_code(isolated) -> None:
    text = ("The psorasys cream and the ezcema gel.\n\n"
            "    <a href=\"/posts/psorasys-cream\">link</a>\n\n    see https://example.org/ezcema-gel\n")
    assert words(text) == ["psorasys", "ezcema"]


@pytest.mark.parametrize("path,text", [
    ("x.md", "We chose the cutpoints from a fishbone diagram. The result was guncertain.\n"),
    ("x.html", html("<p>We chose the cutpoints from a fishbone diagram. The result was guncertain.</p>")),
])
def test_a_closed_compound_whose_other_corrections_change_a_letter(path: str, text: str, isolated) -> None:
    # cut points or outpoints, fish bone or wishbone: a compound; uncertain with a letter added: a slip
    assert words(text, path) == ["guncertain"]


def test_the_singular_of_a_term_a_list_holds_only_as_a_plural(isolated) -> None:
    speller = Speller()
    for word in ("metalloproteinase", "trichogram", "tertile"):
        assert speller.known(word), word
    assert not speller.known("selectin")  # also "selecting" less its g: as likely a slip
    assert not speller.known("definate")  # screened out as a common misspelling, though "definates" is listed
    assert words("The metalloproteinase was high, and the trichogram too, but definate.\n") == ["definate"]


def test_the_plural_of_a_term_a_flat_list_holds_only_in_the_singular(isolated) -> None:
    speller = Speller()
    assert speller.known("tradeoffs") and speller.known("listservs")  # tradeoff, listserv: flat lists
    assert not speller.known("tasmanis")  # a species epithet (tasmani) with an s is a slip of Tasmania
    for typo in ("celes", "clls"):  # one edit from the frequent "cells"
        assert not speller.known(typo), typo
    assert words("The tradeoffs of the listservs, and the celes.\n") == ["celes"]


def test_re_and_mis_before_a_long_word(isolated) -> None:
    speller = Speller()
    for word in ("reweighted", "resupplementation", "misformatted", "mischaracterization"):
        assert speller.known(word), word
    for typo in ("reelase", "repoted", "misake"):  # short rests: slips
        assert not speller.known(typo), typo
    assert words("The data were reweighted, then misformatted, and the reelase was late.\n") == ["reelase"]


@pytest.mark.parametrize("path,text,expected", [
    ("x.md", "The child had spina bifida; the substantia nigra, stricto sensu, was spared.\n", []),
    ("x.html", html("<p>The child had spina bifida; the substantia nigra, stricto sensu, was spared.</p>"), []),
    # beside an English word the same words are judged as any word: slips of spinal and substantial
    ("x.md", "The spina cord and the substantia finding.\n", ["spina", "substantia"]),
    ("x.html", html("<p>The spina cord and the substantia finding.</p>"), ["spina", "substantia"]),
])
def test_a_screened_latin_term_beside_another_latin_term(path: str, text: str, expected: list[str], isolated) -> None:
    assert words(text, path) == expected


@pytest.mark.parametrize("path,text", [
    ("x.md", "The code we used is at [pariskx/skelx](https://github.com/pariskx/skelx/blob/main/README.md), and the "
             "notes on how it was set up are in [the post on walkin](https://github.com/skelx/walkin) by the same group.\n"),
    ("x.html", html('<p>The code we used is at <a href="https://github.com/pariskx/skelx">pariskx/skelx</a>, and the '
                    'notes on how it was set up are in <a href="https://github.com/skelx/walkin">the post on walkin</a> '
                    'by the same group.</p>')),
])
def test_a_link_text_without_spaces_names_its_target_by_its_tokens(path: str, text: str, isolated) -> None:
    assert words(text, path) == ["walkin"]  # a link text with spaces is prose


def test_indented_front_matter_is_not_code(isolated) -> None:
    text = '{\n    "title": "A calcistatx and the psorasys",\n    "slug": "a-calcistatx"\n}\n\nThe calcistatx works.\n\nThe psorasys cream.\n'
    assert words(text) == ["calcistatx", "psorasys"]


@pytest.mark.parametrize("path,text", [
    ("x.md", "Serum resistin rose, and resistin fell later.\n\nThe pregnane receptor was seen. The spina was hurt.\n\n"
             "They were resisitng it, and resisitng again.\n"),
    ("x.html", html("<p>Serum resistin rose, and resistin fell later.</p><p>The pregnane receptor was seen. The spina "
                    "was hurt.</p><p>They were resisitng it, and resisitng again.</p>")),
])
def test_a_screened_term_the_page_uses_twice_is_that_term(path: str, text: str, isolated) -> None:
    # once, a screened term is judged as any word (pregnant, spinal); a repeated slip is reported
    assert words(text, path) == ["pregnane", "spina", "resisitng", "resisitng"]


# -- places that say an unsure word is mentioned, not misspelt (kinds/spellmentions.py) ----------

def both(markdown: str) -> list[tuple[str, str]]:
    """The same paragraphs as Markdown and as HTML (one <p> a blank-line-separated paragraph)."""
    paragraphs = [p for p in markdown.strip().split("\n\n")]
    return [("x.md", markdown), ("x.html", html("".join(f"<p>{p}</p>" for p in paragraphs)))]


@pytest.mark.parametrize("path,text", both(
    "I render slides with quillrx R markdown. Within R (jaxtrol) the model ran. The zentabs procedure and the "
    "flimber function help, as does a format like plorbit.\n\nUse dorvax, the R package for meta-analysis. SAS has "
    "the prxfoo, prxbar, and prxbaz functions. The recieve step failed.\n"))
def test_a_word_beside_its_software_or_a_noun_of_software_is_a_name(path: str, text: str, isolated) -> None:
    assert words(text, path) == ["recieve"]


@pytest.mark.parametrize("path,text", both(
    "JavaScript tses a notebook, and the githbu repository and the recieve procedure were fine.\n"))
def test_beside_software_a_slip_is_still_reported(path: str, text: str, isolated) -> None:
    # a bare word after the software's name goes on with the sentence; a slip of the software's own
    # name, or one with a sure correction, is judged as any word
    assert words(text, path) == ["tses", "githbu", "recieve"]


@pytest.mark.parametrize("path,text", both(
    "She trained at the Klinik für Haut und Allergologie and at the Service de néphrologie pédiatrique. "
    "The patinet ate a smørbrød lunch and a peqeñno dose.\n"))
def test_a_phrase_in_another_language_is_not_read_as_english(path: str, text: str, isolated) -> None:
    # a letter beside its own accented twin (peqeñno) is damaged text, still reported
    assert words(text, path) == ["patinet", "peqeñno"]


@pytest.mark.parametrize("path,text", both(
    "Mara Linde. quorpix: tools for tables. Vega (2023). vexlar more tools. Ivo Sand, Ada Brook. plenzar. "
    "Online at the project page.\n\nAnderson and J. B. ruhlmeyerz wrote it. The tabel shows it.\n"))
def test_a_lower_case_word_opening_a_citation_is_a_name(path: str, text: str, isolated) -> None:
    # the title is the name alone after the authors (a colon or full stop right after it), or
    # follows a year in brackets; after a lone initial the word is a name with a letter lost
    assert words(text, path) == ["ruhlmeyerz", "tabel"]


@pytest.mark.parametrize("path,text", both(
    "I asked Dr Jones. hwoever she was busy. We met Priya Nair (our nurse). wehn she came, it was late.\n"))
def test_a_slip_opening_a_sentence_after_a_name_is_still_reported(path: str, text: str, isolated) -> None:
    # prose going on after a name, or after a bracket with no year or issue in it, is a sentence
    assert words(text, path) == ["hwoever", "wehn"]


def test_a_list_item_of_one_word_is_a_name(isolated) -> None:
    # a lead-in about software makes the list one of names
    assert words("Tools:\n\n- knorrix\n- flibber,\n- the tabel\n") == ["tabel"]
    assert words(html("<p>Tools:</p><ul><li>knorrix</li><li>flibber</li><li>the tabel</li></ul>"), "x.html") == ["tabel"]


@pytest.mark.parametrize("path,text", [
    ("x.md", "R packages we load in class:\n\n- quorpix\n- zentabs\n- plenzar\n\n"
             "## More from the same team\n\n1. blorvane\n2. pandas\n3. zepholt\n"),
    ("x.html", html("<p>R packages we load in class:</p><ul><li>quorpix</li><li>zentabs</li><li>plenzar</li></ul>"
                    "<h2>More from the same team</h2><ol><li>blorvane</li><li>pandas</li><li>zepholt</li></ol>")),
])
def test_one_word_items_of_a_list_of_software_or_of_names_are_names(path: str, text: str, isolated) -> None:
    # the second list has no lead-in about software, but most of its items are names (one a known word)
    assert words(text, path) == []


@pytest.mark.parametrize("path,text", [
    ("x.md", "Common symptoms:\n\n- nausea\n- diarhoea\n- fatigeu\n- headake\n\n"
             "Signs of poor kidney function:\n\n- swelling\n- itching\n- cramsp\n"),
    ("x.html", html("<p>Common symptoms:</p><ul><li>nausea</li><li>diarhoea</li><li>fatigeu</li><li>headake</li></ul>"
                    "<p>Signs of poor kidney function:</p><ul><li>swelling</li><li>itching</li><li>cramsp</li></ul>")),
])
def test_a_slip_in_a_list_of_ordinary_words_is_still_reported(path: str, text: str, isolated) -> None:
    # a list of symptoms is a list of words: its other items are known words or slips of them
    assert words(text, path) == ["diarhoea", "fatigeu", "headake", "cramsp"]


@pytest.mark.parametrize("path,text", both(
    "The team was Rana Okafor, Ghanim kowalczykz, Shirin Adeyemi, Lena Moss & Tom Reyes.\n\n"
    "blorvane 3 days ago\n\nGreat post, I recieved it! Thanks!!!quorvel 2 weeks ago\n"))
def test_names_in_a_list_of_names_and_a_commenters_handle(path: str, text: str, isolated) -> None:
    assert words(text, path) == ["recieved"]


def test_a_commenters_handle_heading(isolated) -> None:
    assert words("### blorvane 3 days ago\n\nGreat post, I recieved it.\n") == ["recieved"]


@pytest.mark.parametrize("path,text", both(
    "Here qhat is the estimate, where qhat is the mean, and let mij represent the count; take the kth root. "
    "The vaation is small.\n"))
def test_a_symbol_a_formula_defines(path: str, text: str, isolated) -> None:
    # "qhat" before its definition is judged as any word; "vaation" is a slip
    assert words(text, path) == ["qhat", "vaation"]


@pytest.mark.parametrize("path,text", [
    ("x.md", "The code is on [my page](https://github.com/zorvane/tools); zorvane keeps it. See www.example.es / "
             "revpedz or the *.savx files and mlex.asp, or the theme blorvix/starter-site, then the walkin notes.\n"),
    ("x.html", html('<p>The code is on <a href="https://github.com/zorvane/tools">my page</a>; zorvane keeps it. '
                    "See www.example.es / revpedz or the *.savx files and mlex.asp, or the theme blorvix/starter-site, "
                    "then the walkin notes.</p>")),
])
def test_parts_of_addresses_and_file_names_are_not_prose(path: str, text: str, isolated) -> None:
    assert words(text, path) == ["walkin"]


@pytest.mark.parametrize("path,text", both(
    "It was sooooo good, ummm, yes, a grreat efffector day. See the handbook, encyc. - 3rd edition, pers. comm. "
    "by 40 ugram daily. Press ctrlk F. Shown by Vance etul. 2002 and Lund etul. (2001).\n"))
def test_held_letters_abbreviations_and_ascii_units(path: str, text: str, isolated) -> None:
    # a doubled letter or one tripled inside a word is a slip, and so is "et al." mistyped before a year
    assert words(text, path) == ["grreat", "efffector", "etul", "etul"]


@pytest.mark.parametrize("path,text,expected", [
    ("x.md", "Flow in the **h** epatic **p** ortal **v** ein rose, and the vaation was small.\n", ["vaation"]),
    ("x.html", html("<p>Flow in the <b>h</b> epatic <b>p</b> ortal <b>v</b> ein rose, and the vaation was small.</p>"),
     ["vaation"]),
])
def test_the_rest_of_a_word_whose_first_letter_is_emphasised_apart(path: str, text: str, expected: list[str],
                                                                     isolated) -> None:
    assert words(text, path) == expected


@pytest.mark.parametrize("path,text", both(
    "We name it the \u201chuman zorvesome\u201d, a group of enzymes; each \u201czorvesome\u201d differs. A variable named "
    "\"tmpq\" is poor, and the term \u201cbalnex\u201d is old. He said \"the quick grofnat jumped over it\" and the "
    "\u201cdeficiencey\u201d grew.\n"))
def test_a_word_in_a_short_quotation_is_mentioned(path: str, text: str, isolated) -> None:
    # a quotation of four words or more is prose; a quoted word with a sure correction is a slip
    assert words(text, path) == ["grofnat", "deficiencey"]


@pytest.mark.parametrize("path,text", [
    ("x.md", "---\ntitle: The zorvesome of the liver\n---\nWe describe the \u201chuman zorvesome\u201d in adults.\n"),
    ("x.html", "<!doctype html><html><head><title>The \u201czorvesome\u201d of the liver</title></head><body>"
               "<p>We describe the \u201chuman zorvesome\u201d in adults.</p></body></html>\n"),
])
def test_a_quoted_term_the_pages_title_names_is_mentioned(path: str, text: str, isolated) -> None:
    # the title (front matter, or an HTML <title> the rule reads, quoting it there) uses it again
    assert words(text, path) == []


@pytest.mark.parametrize("path,text", both(
    "Some call it the \"vitamin defficency\" problem. She said, \u201cNo, doggonit.\u201d\n"))
def test_a_slip_in_a_short_quoted_phrase_is_still_reported(path: str, text: str, isolated) -> None:
    # quoted with other words and not used again on the page: the phrase is used, its word misspelt
    assert words(text, path) == ["defficency", "doggonit"]


@pytest.mark.parametrize("path,text", both(
    "A view of the ward.\n\nPhoto: Hospitlaization. Hospitlaization rose.\n\nSource: Hospitlaization website. "
    "Hospitlaization, Marta L. (2001). Hospitlaization fell.\n"))
def test_a_capitalised_word_in_a_names_place(path: str, text: str, isolated) -> None:
    # after a credit label, before "website", surname first before a given name and initials: a name
    assert words(text, path) == ["Hospitlaization", "Hospitlaization"]


@pytest.mark.parametrize("path,text", both(
    "If you have variables nameb and vowelq, list them; a format like plorbit works.\n"))
def test_a_tool_noun_before_a_word_is_the_sentence_going_on(path: str, text: str, isolated) -> None:
    assert words(text, path) == ["nameb", "vowelq"]


@pytest.mark.parametrize("path,text", both(
    "Moradi-lakehx A, Brandt KL. Zinc and bone. J Bone. 2012.\n\nThe Moradi-recieve A study.\n"))
def test_the_lower_case_part_of_a_hyphenated_surname_in_a_reference(path: str, text: str, isolated) -> None:
    # a part with a sure correction after a name and before a capitalised word is still a slip
    assert words(text, path) == ["recieve"]


@pytest.mark.parametrize("code", [
    "```r\nlibrary(SURVFITX)\n```\n",        # another case in ASCII code: the case-blind test finds it
    "```r\nx <- survfitx(fit) # Tromsø\n```\n",  # code that is not ASCII: read by the pattern itself
])
def test_a_word_written_as_code_in_any_case_is_no_typo_in_prose(code: str, isolated) -> None:
    assert words("We fit it with survfitx here.\n\n" + code) == []


def test_a_word_not_in_the_code_is_still_reported(isolated) -> None:
    assert words("We fit it with survfitx here.\n\n```r\nx <- fit(data)\n```\n") == ["survfitx"]


def test_known_capitalised_and_lower_case_words_are_never_reported(isolated) -> None:
    # (the speller's verdict is asked before the word's place is read: a known word needs neither)
    assert words("The Patients were seen. However Bone density fell, and Recovery followed.\n") == []
    assert words("Recieve it. The Recieve form.\n") == ["Recieve"]
