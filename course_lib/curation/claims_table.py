"""The article's claims as data: one row per number it states (with its wording, which
sets the claim's interval), the readings of each claim fixed before the data are read, and
the RATS table of 2011-2015 (the claim that is a table). Three resources of the data
package: ``claims``, ``claim_readings`` and ``rats_2011_2015``.

Paraphrases are the course's own words; a quote is one of the verbatim phrases of
ARTICLE_OUTLINE.md's table of exact quotations (checked when the outline is at hand).

>>> [res["name"] for (res, _), _ in claim_resources(None)]
['claims', 'claim_readings', 'rats_2011_2015']
>>> sorted({c[0] for c in CLAIMS} - {r[0] for r in CLAIM_READINGS})  # no open data to check them
['heroin_tonnes', 'precursors_tonnes', 'rats_2011_2015']
"""

from __future__ import annotations

import re

import pandas as pd

from .common import ARTICLE, ARTICLE_FULL, LIC_ARTICLE_FACTS, F, article_source, fail, num, resource

CLAIMS = [  # claim_id, section, paraphrase, quote, value, unit, date, wording, precision, judged_in, period
    ("population_share", "02_expansion",
     "The SCO member states are home to a little under 44 % of the people on Earth.",
     "almost 44 per cent of the world's population", "44", "%", "", "almost", "1", "percentage points",
     "2017"),
    ("largest_organization", "02_expansion",
     "No regional organization in the world is bigger than the SCO.",
     "the largest regional organization on Earth", "1", "rank", "", "rank", "0", "exact", "2017"),
    ("nuclear_powers", "02_expansion", "Four of the SCO's member states have nuclear weapons.",
     "four nuclear powers", "4", "states", "", "count", "0", "exact", "2017"),
    ("nuclear_half", "02_expansion", "Those four are half of all the world's nuclear-armed states.",
     "half of the world's nuclear States", "50", "%", "", "share_of_states", "0", "exact", "2017"),
    ("rats_2011_2015", "03_security_and_stability",
     "Under the coordination of the SCO's anti-terrorist structure, member states report a list of "
     "counter-terrorism results for 2011-2015 (see the table rats_2011_2015).",
     "under RATS coordination", "", "table", "", "table", "", "exact", "2011-2015"),
    ("heroin_tonnes", "04_drug_trafficking",
     "Special anti-drug operations on SCO territory seized 69 tonnes of heroin in the last five years.",
     "69 tons of deadly heroin", "69", "tonnes", "", "exact", "1", "relative",
     "five years before 2017 (not stated exactly)"),
    ("heroin_share", "04_drug_trafficking",
     "That seizure is put at roughly 14 % of the drugs confiscated worldwide (of all drugs or of heroin is "
     "not clear).", "approximately 14 per cent of confiscated drugs worldwide", "14", "%", "", "about", "1",
     "percentage points", "five years before 2017 (not stated exactly)"),
    ("precursors_tonnes", "04_drug_trafficking",
     "Collaboration among the members' law-enforcement bodies led to the seizure of 75 tonnes of drug "
     "precursors.", "the seizure of 75 tons of precursors", "75", "tonnes", "", "exact", "1", "relative",
     "five years before 2017 (not stated exactly)"),
    ("heritage_share", "06_cultural_dialogue",
     "Cultural sites of the SCO countries make up a fifth of the UNESCO World Heritage List.",
     "20 per cent of the UNESCO World Heritage List", "20", "%", "", "exact", "5", "percentage points",
     "2017"),
    ("accession_2017", "01_what_is_the_sco",
     "India and Pakistan became full members at the Astana summit of 8-9 June 2017.",
     "full SCO membership to India and Pakistan", "", "date", "2017-06-08", "date", "2", "exact",
     "2017-06-08/2017-06-09"),
]
CLAIM_WORDINGS = ["exact", "almost", "about", "more_than", "rank", "count", "share_of_states", "date",
                  "table"]

_M17 = "the states that were members when the article appeared (October 2017)"
_GAP = ("; a state the series does not estimate (a published 0 that another source or a dated event "
        "contradicts, kept as missing) is counted as the other sources count it, never as unarmed")
_HERITAGE = [(c, d, n) for c in ("all", "cultural", "cultural + mixed")
             for d in ("whole List", "cultural part") for n in ("once", "per country")
             if not (c == "all" and d == "cultural part")]
CLAIM_READINGS = [  # claim_id, reading_id, role, reason (fixed before the data are read)
    ("population_share", "members_oct2017_2017", "primary",
     f"{_M17}; population of the article's year over the World Bank's world total"),
    ("population_share", "members_oct2017_2016", "eligible",
     "same states; 2016 was the latest full year of population estimates when the article was written"),
    ("population_share", "members_oct2017_2017_sum", "eligible",
     "same states and year; 'the world' as the sum of the countries instead of the World Bank aggregate"),
    ("largest_organization", "rank_population_2017", "primary",
     "the claim follows the population claim: size as people, among regional organizations in 2017"),
    ("largest_organization", "rank_area_2017", "eligible",
     "the article also describes the members' territory: size as surface area in 2017"),
    ("nuclear_powers", "armed_2017", "primary",
     f"{_M17} that were nuclear-armed in 2017: a count of states, from every source the course holds "
     "(where the sources disagree, the evidence is the interval between them)"),
    ("nuclear_powers", "possessing_2017", "eligible",
     f"{_M17} coded as possessing nuclear weapons in 2017 (status coding alone)"),
    ("nuclear_powers", "warheads_2017", "eligible",
     f"{_M17} with warheads in 2017 in the FAS stockpile estimates"),
    ("nuclear_powers", "bulletin_2017", "eligible",
     f"{_M17} with warheads in 2017 in the Bulletin of the Atomic Scientists' stockpile series"
     f"{_GAP}"),
    ("nuclear_half", "armed_2017", "primary",
     "members as a share of all states nuclear-armed in 2017, from every source the course holds "
     "(where the sources disagree, the evidence is the interval between them)"),
    ("nuclear_half", "possessing_2017", "eligible",
     "members as a share of all states coded as possessing nuclear weapons in 2017 (status coding alone)"),
    ("nuclear_half", "warheads_2017", "eligible",
     "members as a share of all states with warheads in 2017 in the FAS stockpile estimates"),
    ("nuclear_half", "bulletin_2017", "eligible",
     "members as a share of all states with warheads in 2017 in the Bulletin of the Atomic Scientists' "
     f"stockpile series{_GAP}"),
    ("nuclear_half", "declared_2017", "eligible",
     "nuclear States as the states that have declared or tested their weapons (leaves out Israel)"),
    ("nuclear_half", "npt_2017", "eligible",
     "nuclear States in the treaty sense: the nuclear-weapon States of the NPT"),
    ("heroin_share", "all_drugs", "primary",
     "as worded: the share of all drugs confiscated worldwide, over the five years before the article"),
    ("heroin_share", "heroin_only", "eligible",
     "the seizure is heroin, so the share may mean the share of world heroin seizures"),
    ("heroin_share", "heroin_morphine", "eligible",
     "heroin with morphine, the form some world totals report heroin seizures in"),
    ("accession_2017", "ind_pak_accession", "primary",
     "the start of India's and Pakistan's membership in the dated membership table"),
] + [
    ("heritage_share", f"{c} / {d} / 2017 members / {n} / 2017", "primary" if (c, d, n) == (
        "all", "whole List", "once") else "eligible",
     f"the List at the end of 2017 and {_M17}; categories {c}, denominator {d}, "
     f"transboundary properties counted {n}")
    for c, d, n in _HERITAGE
]

RATS = [  # item_id, item, value, qualifier, unit
    ("attacks_prevented", "terrorist attacks stopped while still being planned", "20", "exact", "count"),
    ("crimes_averted", "terrorist or extremist crimes averted", "650", "exact", "count"),
    ("training_camps_neutralized", "terrorist training camps put out of action", "440", "exact", "count"),
    ("members_neutralized", "members of international terrorist organizations neutralized", "1700", "exact", "count"),
    ("persons_arrested", "members of illegal armed groups, accomplices and suspects arrested", "2700",
     "more_than", "count"),
    ("persons_extradited", "people tied to terrorist or extremist groups handed over to another state", "213",
     "exact", "count"),
    ("wanted_list_entries", "suspects placed on wanted lists", "180", "exact", "count"),
    ("weapons_bases_uncovered", "hidden bases with weapons found", "600", "exact", "count"),
    ("ieds_confiscated", "improvised explosive devices seized", "3250", "more_than", "count"),
    ("weapons_confiscated", "weapons seized", "10000", "exact", "count"),
    ("ammunition_confiscated", "rounds of ammunition seized", "450000", "about", "count"),
    ("explosives_confiscated", "explosives seized", "52", "more_than", "tonnes"),
]


def _exact_quotations(outline_text: "str | None") -> "set[str] | None":
    """The verbatim phrases of the outline's table "Exact short quotations"."""
    if outline_text is None:
        return None
    part = outline_text.split("## Exact short quotations", 1)[-1].split("\n## ", 1)[0]
    return set(re.findall(r'\|\s*[^|]*\|\s*"([^"]+)"', part))


def rats_against_outline(rats: list, outline_text: "str | None") -> None:
    r"""Stop if the RATS figures differ, in order, value or qualifier, from the outline's table.

    >>> rats_against_outline(RATS[:1], "results **2011-2015**:\n  | figure | claimed value |\n  |---|---|\n"
    ...                      "  | attacks | 20 |\n- next")
    """
    if outline_text is None:
        return
    part = re.split(r"results \*\*2011.2015\*\*", outline_text, maxsplit=1)[-1].split("\n- ", 1)[0]
    rows = re.findall(r"^\s*\|\s*[^|]+\|\s*(more than |about )?([\d,]+)( tonnes)?\s*\|", part, flags=re.M)
    found = [({"more than ": "more_than", "about ": "about"}.get(q, "exact"), v.replace(",", "")) for q, v, _ in rows]
    ours = [(q, v) for _i, _t, v, q, _u in rats]
    if found[:len(ours)] != ours:
        fail(f"ARTICLE_OUTLINE.md: the RATS table gives {found}; the course's rats_2011_2015 has {ours}")


def claim_resources(outline_text: "str | None") -> list[tuple[tuple[dict, bytes], pd.DataFrame]]:
    """The claims, claim_readings and rats_2011_2015 resources, each as ((descriptor, csv
    bytes), table). ``outline_text`` is the text of ARTICLE_OUTLINE.md; with None the quotes
    are not checked against its table of exact quotations.
    """
    out: list = []

    def add(res_and_data, df):
        out.append((res_and_data, df))

    article_src = [article_source()]
    cols = ["claim_id", "section", "paraphrase", "quote", "value", "unit", "date", "wording", "precision",
            "judged_in", "period"]
    cl = pd.DataFrame(CLAIMS, columns=cols)
    quotes = _exact_quotations(outline_text)
    for q in cl.quote:
        if len(q.split()) > 8 and not q.startswith("20 per cent"):
            fail(f"claims: quote longer than eight words: {q!r}")
        if quotes is not None and q not in quotes:
            fail(f"claims: quote not in ARTICLE_OUTLINE.md's table of exact quotations: {q!r}")
    cl["source"] = ARTICLE
    add(resource(
        "claims", cl, "The article's numeric claims, with their wording",
        """
One row per number the article states, with the course notebook that checks it, a one-sentence paraphrase in
our own words, one of the verbatim phrases of the outline's table of exact quotations, the value and unit, and
the claim's wording as data. The wording and the precision turn each claim into an interval (the rule is
written once, in `course_lib/claims/core.py`):

* `exact`: the value rounded to its precision, X ± precision/2 (a round "20 per cent" is precise to 5 points);
* `almost`: below X, within one unit of precision; `about`: X ± one unit; `more_than`: above X;
* `rank`, `count` (whole states), `share_of_states`: exactly X;
* `date`: the `precision` days starting on `date` (the Astana summit, 8-9 June 2017);
* `table`: a table of figures (`rats_2011_2015`), not one number.

`judged_in` says how distances are measured: percentage points for shares, exactly for counts, ranks and
dates, relatively for magnitudes such as tonnes. "Five years" before the 2017 article is not defined
precisely by the article.
""", article_src, [LIC_ARTICLE_FACTS], f"{ARTICLE_FULL}; claims compiled by the SCO course.",
        [F("claim_id", "string", "Claim id", "Identifier", required=True, unique=True, pattern="[a-z0-9_]+"),
         F("section", "string", "Notebook", "Course notebook that checks the claim", required=True,
           enum=["01_what_is_the_sco", "02_expansion", "03_security_and_stability", "04_drug_trafficking",
                 "05_economic_development", "06_cultural_dialogue"]),
         F("paraphrase", "string", "Paraphrase", "The claim in our own words", required=True),
         F("quote", "string", "Quote", "Verbatim phrase from the outline's table of exact quotations",
           required=True),
         F("value", "number", "Value", "The article's number (empty for a date or a table)"),
         F("unit", "string", "Unit", "Unit of value", required=True,
           enum=["%", "rank", "states", "tonnes", "date", "table"]),
         F("date", "date", "Date", "For a date claim: the first day it names"),
         F("wording", "string", "Wording", "Kind of wording, which sets the claim's interval", required=True,
           enum=CLAIM_WORDINGS),
         F("precision", "number", "Precision", "Implied precision in the claim's unit (days for a date)",
           minimum=0),
         F("judged_in", "string", "Judged in", "How distances to the claim are measured", required=True,
           enum=["percentage points", "exact", "relative"]),
         F("period", "string", "Period", "Time the claim refers to"),
         F("source", "string", "Source", "Citation of the article", required=True)],
        ["claim_id"]), cl)

    cr = pd.DataFrame(CLAIM_READINGS, columns=["claim_id", "reading_id", "role", "reason"])
    unknown = set(cr.claim_id) - set(cl.claim_id)
    if unknown:
        fail(f"claim_readings: unknown claim ids {sorted(unknown)}")
    if (cr[cr.role == "primary"].groupby("claim_id").size() != 1).any() or \
            set(cr[cr.role == "primary"].claim_id) != set(cr.claim_id):
        fail("claim_readings: every claim listed needs exactly one primary reading")
    add(resource(
        "claim_readings", cr, "The eligible readings of each claim, fixed before the data",
        """
For each checkable claim, the readings that are fair readings of the article's words and date, fixed before
any data are looked at: the `primary` (literal) reading and the other `eligible` ones, each with the reason.
Entities are taken as of October 2017 (the article's issue), the World Heritage List as of 2017, and a claim
about states is read as a count of states. Any other reading the course computes is context: it is shown,
labelled as such, and never changes a verdict. Claims that open data cannot check have no rows.
""", article_src, [LIC_ARTICLE_FACTS], f"Readings of claims in {ARTICLE_FULL}; chosen by the SCO course.",
        [F("claim_id", "string", "Claim id", "Identifier of the claim (claims.csv)", required=True),
         F("reading_id", "string", "Reading id", "Identifier of the reading within its claim", required=True),
         F("role", "string", "Role", "primary (the literal reading) or eligible", required=True,
           enum=["primary", "eligible"]),
         F("reason", "string", "Reason", "Why it is a fair reading of the article's words and date",
           required=True)],
        ["claim_id", "reading_id"]), cr)

    rats_against_outline(RATS, outline_text)  # the second reading of the article's table
    ra = pd.DataFrame(RATS, columns=["item_id", "item", "value", "qualifier", "unit"])
    add(resource(
        "rats_2011_2015", ra, "RATS results claimed for 2011-2015",
        """
The results the article attributes to the SCO's Regional Anti-Terrorist Structure (RATS) for 2011-2015, in
the article's order. `qualifier` keeps the article's wording: `exact`, `more_than` or `about`. These are the
organization's own figures: no independent source reports them; items are described in our own words.
""", article_src, [LIC_ARTICLE_FACTS], f"{ARTICLE_FULL}; table compiled by the SCO course.",
        [F("item_id", "string", "Item id", "Identifier", required=True, unique=True, pattern="[a-z0-9_]+"),
         F("item", "string", "Item", "What was counted (our words)", required=True),
         num("value", "Value", "", "The article's figure, in the unit of column unit", integer=True),
         F("qualifier", "string", "Qualifier", "exact, more_than or about", required=True,
           enum=["exact", "more_than", "about"]),
         F("unit", "string", "Unit", "count or tonnes", required=True, enum=["count", "tonnes"])],
        ["item_id"]), ra)

    return out
