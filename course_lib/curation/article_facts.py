"""Facts typed from the article (as outlined for the course) and from other cited
publications: the documents timeline, the Charter principles, the two named places, the
article's claims and the RATS table. Each becomes one resource of the data package.

Every row carries its source; paraphrases are the course's own words; quotations are
only the verbatim phrases of ARTICLE_OUTLINE.md's table of exact quotations.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .common import (ARTICLE, ARTICLE_FULL, LIC_ARTICLE_FACTS, LIC_COMPILATION, F, fail, iso3_field, num,
                     resource, source, year_field)

# Where the date (and place) of a document comes from, when it is not the article: a public page
# that states it (the article names every document; for some it gives no year or month).
_NAMED = f"named in {ARTICLE}"
SRC_CONV_2009 = ("GRIPS/University of Tokyo, 'The World and Japan' database, text of the Convention of the SCO "
                 "against Terrorism: place Yekaterinburg, date 16 June 2009; its preamble dates the Shanghai "
                 "Convention 15 June 2001 (https://worldjpn.net/documents/texts/SCO/20090616.T1E.html)")
SRC_DRUGS_2004 = ("Kun.uz, 'SCO competent authorities for combatting illicit drug trafficking to convene in "
                  "Tashkent', 19 April 2022: the agreement is dated 17 June 2004 "
                  "(https://m.kun.uz/en/news/2022/04/19/sco-competent-authorities-for-combatting-illicit-drug-"
                  "trafficking-to-convene-in-tashkent)")
SRC_CHANNELS_2006 = ("Eastday/Itar-Tass, June 2006: the agreement on exposing and blocking infiltration channels "
                     "was to be signed at the SCO summit in Shanghai (held 15 June 2006) "
                     "(http://english.eastday.com/eastday/englishedition/node20665/node20667/node22808/node138957/"
                     "node138959/userobject1ai2101715.html)")
SRC_GCTS_2006 = ("Office of the President of the UN General Assembly, 'Implementing the Global Counter-Terrorism "
                 "Strategy': adopted by the General Assembly on 8 September 2006 as resolution A/RES/60/288 "
                 "(http://www.un.org/ga/president/62/issues/cts.shtml)")
SRC_INFOSEC_2009 = ("CIS Legislation database, the agreement between the governments of the SCO member states on "
                    "cooperation in ensuring international information security, 'of June 16, 2009' "
                    "(http://cis-legislation.com/document.fwx?rgn=28340); signed at the Yekaterinburg summit")
SRC_UFA_2015 = ("People's Daily (Spanish edition), 11 July 2015, on the Ufa summit: the leaders signed an "
                "agreement on border cooperation and approved a 2016-2018 programme against terrorism, "
                "separatism and extremism (http://spanish.peopledaily.com.cn/n/2015/0711/c31621-8918963-3.html)")
SRC_UFA_DRUGS_2015 = ("Xinhua via China.org.cn (chinagate), 'SCO leaders pledge to safeguard comprehensive "
                      "security: communique', 11 July 2015: the Ufa summit adopted a statement on the drug "
                      "problem (http://en.chinagate.cn/2015-07/11/content_36034740.htm)")
SRC_ASTANA_2017 = ("SCO Secretariat, press release on the Heads of State Council meeting, Astana, 8-9 June 2017 "
                   "(http://eng.sectsco.org/news/20170609/289274.html)")
DOCUMENTS = [  # year, month, title, kind, place, named_in_article, source
    (2001, "6", "Shanghai Convention on Combating Terrorism, Separatism and Extremism", "convention", "Shanghai",
     True, f"{_NAMED}; date: {SRC_CONV_2009}"),
    (2004, "6", "Agreement on Cooperation between SCO Member States in Combating Illicit Trafficking of Drugs, "
     "Psychotropic Substances and Precursors", "agreement", "", True, f"{_NAMED}; date: {SRC_DRUGS_2004}"),
    (2006, "6", "Agreement on Cooperation in Identifying and Blocking the Channels of Penetration on the Territory "
     "of SCO Member States of Individuals Involved in Terrorist, Separatist and Extremist Activities",
     "agreement", "Shanghai", True, f"{_NAMED}; date and place: {SRC_CHANNELS_2006}"),
    (2006, "9", "United Nations Global Counter-Terrorism Strategy", "un_document", "New York", True,
     f"{_NAMED}; date: {SRC_GCTS_2006}"),
    (2009, "6", "Convention of the Shanghai Cooperation Organization against Terrorism", "convention",
     "Yekaterinburg", True, f"{_NAMED}; date and place: {SRC_CONV_2009}"),
    (2009, "6", "Agreement on Cooperation in Ensuring International Information Security between SCO Member States",
     "agreement", "Yekaterinburg", True, f"{_NAMED}; date and place: {SRC_INFOSEC_2009}"),
    (2014, "9", "Agreement between the Governments of the SCO Member States on Creating Favourable Conditions for "
     "International Road Transportation", "agreement", "Dushanbe, Tajikistan", True,
     f"{ARTICLE} (the article gives the place and month)"),
    (2015, "7", "Agreement on Cooperation and Interaction of the SCO Member States on Border Issues", "agreement",
     "Ufa", True, f"{_NAMED}; date and place: {SRC_UFA_2015}"),
    (2015, "7", "Statement by the Heads of SCO Member States on Drug Threat", "statement", "Ufa", True,
     f"{_NAMED}; date and place: {SRC_UFA_DRUGS_2015}"),
    (2015, "7", "2016-2018 SCO Member States Programme on Cooperation in Combating Terrorism, Separatism and "
     "Extremism", "programme", "Ufa", True, f"{_NAMED} (it covers 2016-2018); approval: {SRC_UFA_2015}"),
    (2016, "4", "UNGASS 2016: the General Assembly's special session on the world drug problem", "event",
     "New York", True, f"{ARTICLE} (the article gives the place and month)"),
    (2016, "11", "High-level Special Event \"The United Nations and the Shanghai Cooperation Organization: Jointly "
     "Countering Challenges and Threats\"", "event", "New York", True,
     f"{ARTICLE} (the article gives the place and month)"),
    (2017, "3", "High-level side event \"The United Nations and Shanghai Cooperation Organization in the Fight "
     "Against Drugs: Common Threats and Joint Actions\"", "event", "Vienna", True,
     f"{ARTICLE} (the article gives the place and month)"),
    (2017, "6", "SCO Convention on Countering Extremism", "convention", "Astana", True,
     f"{ARTICLE}; summit dates: {SRC_ASTANA_2017}"),
    (2017, "6", "Statement by the SCO Heads of the Member States on Joint Counteraction to International Terrorism",
     "statement", "Astana", True, f"{ARTICLE}; summit dates: {SRC_ASTANA_2017}"),
    (2017, "6", "Astana Declaration of the Heads of State of the Shanghai Cooperation Organization", "declaration",
     "Astana", True, f"{ARTICLE}; summit dates: {SRC_ASTANA_2017}"),
]
DOC_KINDS = ["convention", "agreement", "statement", "programme", "declaration", "un_document", "event"]

PLACES = [  # place, iso3, lat, lon, role, source  (34°36'N 119°10'E; 54°43'N 20°31'E)
    ("Lianyungang", "CHN", 34.6, 119.1667, "eastern end named in the article",
     "Wikipedia, 'Lianyungang', infobox coordinates 34°36'N 119°10'E"),
    ("Kaliningrad", "RUS", 54.7167, 20.5167, "western end named in the article",
     "Wikipedia, 'Kaliningrad', infobox coordinates 54°43'N 20°31'E"),
]
CHARTER = "Charter of the United Nations, 1945"
#: How the article lists a principle: among the Charter's principles it gives as examples, or among the
#: other norms of international law it adds after them.
CHARTER_LISTED, OTHER_NORM = "Charter principle", "other norm of international law"
PRINCIPLES = [  # principle, charter_reference, note, source, article_lists_as (added below)
    ("sovereign equality of states", "Art. 2(1)",
     "Stated in the Charter: the UN is based on the sovereign equality of all its Members.", CHARTER),
    ("non-intervention in domestic affairs", "Art. 2(7)",
     "Art. 2(7) bars the UN itself from intervening in matters essentially within a state's domestic "
     "jurisdiction; the duty of states not to intervene in each other's affairs was spelled out in the 1970 "
     "Friendly Relations Declaration, GA res. 2625 (XXV).", CHARTER),
    ("territorial integrity", "Art. 2(4)",
     "Art. 2(4) forbids the threat or use of force against the territorial integrity or political "
     "independence of any state.", CHARTER),
    ("inviolability of borders", "Art. 2(4) (derived)",
     "Not written in the Charter: inviolability of frontiers is principle III of the 1975 Helsinki Final Act "
     "(CSCE); it is derived from the ban on force against territorial integrity in Art. 2(4).", CHARTER),
    ("non-aggression", "Art. 1(1); Art. 2(4); Art. 39",
     "The Charter has no article titled non-aggression: Art. 1(1) makes suppressing acts of aggression a "
     "purpose, Art. 2(4) bans force, Art. 39 lets the Security Council determine aggression; aggression was "
     "defined later in GA res. 3314 (XXIX), 1974.", CHARTER),
    ("peaceful settlement of disputes", "Art. 2(3); Chapter VI (Art. 33)",
     "Members settle their disputes by peaceful means; Art. 33 lists the means (negotiation, mediation, "
     "arbitration, judicial settlement and others).", CHARTER),
    ("no use or threat of force", "Art. 2(4)",
     "Members refrain in their international relations from the threat or use of force.", CHARTER),
    ("right to choose one's own political, economic and cultural path", "Art. 1(2) (related)",
     "Not written in the Charter: the right of every state to choose its political, economic, social and "
     "cultural system is stated in the 1970 Friendly Relations Declaration, GA res. 2625 (XXV); it is related "
     "to self-determination of peoples in Art. 1(2). The article lists it among the other norms of international "
     "law, not among the Charter's principles.", CHARTER),
]
#: The principles the article lists among the other norms of international law (all others: Charter principles).
OTHER_NORMS = {"right to choose one's own political, economic and cultural path"}

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
     f"{_M17} with warheads in 2017 in the Bulletin of the Atomic Scientists' stockpile series"),
    ("nuclear_half", "armed_2017", "primary",
     "members as a share of all states nuclear-armed in 2017, from every source the course holds "
     "(where the sources disagree, the evidence is the interval between them)"),
    ("nuclear_half", "possessing_2017", "eligible",
     "members as a share of all states coded as possessing nuclear weapons in 2017 (status coding alone)"),
    ("nuclear_half", "warheads_2017", "eligible",
     "members as a share of all states with warheads in 2017 in the FAS stockpile estimates"),
    ("nuclear_half", "bulletin_2017", "eligible",
     "members as a share of all states with warheads in 2017 in the Bulletin of the Atomic Scientists' "
     "stockpile series"),
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


#: The Peace Mission anti-terrorist exercises held before the article (October 2017). Participants are the
#: states that sent troops (observers are not counted), as the page cited on the row reports them.
PEACE_MISSIONS = [  # year, month, exercise, host_iso3, location, participants, source
    (2005, 8, "Peace Mission 2005", "CHN;RUS",
     "command talks in Vladivostok (Russia); field phase on the Shandong peninsula and nearby waters (China)",
     "CHN;RUS",
     "Xinhua via China.org.cn, 'China, Russia to hold joint military exercises', 2 August 2005 "
     "(http://china.org.cn/english/2005/Aug/137129.htm)"),
    (2007, 8, "Peace Mission 2007", "CHN;RUS",
     "command talks in Urumqi (China); field phase at the Chebarkul range near Chelyabinsk (Russia)",
     "CHN;KAZ;KGZ;RUS;TJK;UZB",
     "China.org.cn, 'SCO anti-terror drill to boost security', August 2007 "
     "(http://english.china.org.cn/english/international/220041.htm)"),
    (2009, 7, "Peace Mission 2009", "CHN;RUS",
     "opening in Khabarovsk (Russia); field phase at the Taonan training base, Jilin (China)",
     "CHN;RUS",
     "Shanghai Daily, 'China, Russia to conduct joint anti-terror military exercise', July 2009 "
     "(https://archive.shine.cn/nation/China-Russia-to-conduct-joint-antiterror-military-exercise/"
     "shdaily.shtml)"),
    (2010, 9, "Peace Mission 2010", "KAZ", "Matybulak training area (Kazakhstan)",
     "CHN;KAZ;KGZ;RUS;TJK",
     "Satrapia, 'SCO military activities' (http://satrapia.com/central-asia/sco/military-activities)"),
    (2012, 6, "Peace Mission 2012", "TJK", "Chorukh-Dayron range, Sughd province (Tajikistan)",
     "CHN;KAZ;KGZ;RUS;TJK",
     "SCO Regional Anti-Terrorist Structure, 'Coordination activities' (https://ecrats.org/en/activity/"
     "coordination/)"),
    (2014, 8, "Peace Mission 2014", "CHN", "Zhurihe training base, Inner Mongolia (China)",
     "CHN;KAZ;KGZ;RUS;TJK",
     "China Daily, 25 August 2014 (https://global.chinadaily.com.cn/test/2014-08/25/content_18481812.htm)"),
    (2016, 9, "Peace Mission 2016", "KGZ", "Edelweiss mountain training centre, Issyk-Kul region (Kyrgyzstan)",
     "CHN;KAZ;KGZ;RUS;TJK",
     "Kazinform, 'SCO military drill Peace Mission 2016 finished in Kyrgyzstan', 22 September 2016 "
     "(https://en.inform.kz/news/sco-military-drill-peace-mission-2016-finished-in-kyrgyzstan_a2951834/)"),
]


def _exact_quotations(outline_text: "str | None") -> "set[str] | None":
    """The verbatim phrases of the outline's table "Exact short quotations"."""
    if outline_text is None:
        return None
    part = outline_text.split("## Exact short quotations", 1)[-1].split("\n## ", 1)[0]
    return set(re.findall(r'\|\s*[^|]*\|\s*"([^"]+)"', part))


def article_fact_resources(outline: "Path | None") -> list[tuple[tuple[dict, bytes], pd.DataFrame]]:
    """The typed-fact resources, each as ((descriptor, csv bytes), table)."""
    out: list = []

    def add(res_and_data, df):
        out.append((res_and_data, df))

    outline_text = outline.read_text(encoding="utf-8") if outline and outline.is_file() else None
    docs = pd.DataFrame(DOCUMENTS, columns=["year", "month", "title", "kind", "place", "named_in_article", "source"])
    if outline_text is not None:
        flat = re.sub(r"\s+", " ", outline_text)
        for t in docs.title:
            base = t if not t.startswith("UNGASS 2016") else None  # descriptive title (not in the outline)
            if base and base not in flat:
                fail(f"documents: title not found in ARTICLE_OUTLINE.md: {t!r}")
    docs["named_in_article"] = docs.named_in_article.map({True: "true", False: "false"})
    docs["_m"] = pd.to_numeric(docs.month.replace("", None))
    docs = docs.sort_values(["year", "_m", "title"], kind="mergesort", na_position="first").drop(columns="_m")
    article_src = [source(ARTICLE_FULL, "United Nations (UN Chronicle)", url="https://www.un.org/en/chronicle")]
    add(resource(
        "documents", docs, "Documents and events the article names (timeline)",
        """
The conventions, agreements, statements, programmes, declarations, UN documents and events that the article
names, with the year, the month and place where the article (as outlined for the course) gives them, and
whether the article names it. Titles are the official titles as the article gives them (titles are facts).

* `source` credits the article for naming the document; where the article gives no year or month, the
  date (and place) come from the public page cited in the same cell (treaty texts, the UN, the SCO
  Secretariat, news agencies). `place` is empty where no source gives it; no days are given.
* The 2016-2018 programme against terrorism, separatism and extremism covers 2016-2018 but was approved at
  the Ufa summit in July 2015: its row is dated 2015.
* The UN General Assembly special session on the world drug problem (New York, April 2016) is named in the
  article's drug section; its title here is a descriptive one.
""", article_src, [LIC_ARTICLE_FACTS], f"{ARTICLE_FULL}; compiled by the SCO course.",
        [year_field(), F("month", "integer", "Month", "Month where the article gives it", minimum=1, maximum=12),
         F("title", "string", "Title", "Title as the article gives it", required=True, unique=True),
         F("kind", "string", "Kind", "Type of document or event", required=True, enum=DOC_KINDS),
         F("place", "string", "Place", "Where adopted or held, where the article names it"),
         F("named_in_article", "boolean", "Named in the article", "true if the article names it", required=True),
         F("source", "string", "Source", "Where the row comes from", required=True)],
        ["title"]), docs)

    pr = pd.DataFrame(PRINCIPLES, columns=["principle", "charter_reference", "note", "source"])
    if not OTHER_NORMS <= set(pr.principle):
        fail(f"charter_principles: unknown principle in OTHER_NORMS: {sorted(OTHER_NORMS - set(pr.principle))}")
    pr["article_lists_as"] = [OTHER_NORM if x in OTHER_NORMS else CHARTER_LISTED for x in pr.principle]
    add(resource(
        "charter_principles", pr, "UN Charter principles the article invokes",
        """
The principles of international law that the article says the SCO upholds, with where each stands in the
UN Charter. `article_lists_as` keeps the article's own grouping: it gives several principles of the Charter
as examples, then adds each state's right to choose its own political, economic and cultural path as one of
the other norms of international law.

* Two are not written in the Charter: the inviolability of borders (Helsinki Final Act, 1975), which the
  article nevertheless lists with the Charter's principles, and the right to choose one's own path (Friendly
  Relations Declaration, GA res. 2625 (XXV), 1970); the note says so.
* Non-intervention: Art. 2(7) binds the United Nations itself; the duty of states not to intervene in each
  other's affairs is spelled out in GA res. 2625 (XXV).

Principles and notes are in our own words.
""", [source(CHARTER, "United Nations", url="https://www.un.org/en/about-us/un-charter/full-text"),
      source(ARTICLE_FULL, "United Nations (UN Chronicle)", url="https://www.un.org/en/chronicle")],
        [LIC_ARTICLE_FACTS], "Charter of the United Nations (1945); list of principles from " + ARTICLE_FULL + ".",
        [F("principle", "string", "Principle", "Short name (our words)", required=True, unique=True),
         F("charter_reference", "string", "Charter reference", "Article(s) of the UN Charter", required=True),
         F("note", "string", "Note", "Where the principle comes from (our words)", required=True),
         F("source", "string", "Source", "Source of the reference", required=True),
         F("article_lists_as", "string", "Listed by the article as", "Charter principle, or other norm of "
           "international law", required=True, enum=[CHARTER_LISTED, OTHER_NORM])],
        ["principle"]), pr)

    pl = pd.DataFrame(PLACES, columns=["place", "iso3", "lat", "lon", "role", "source"])
    add(resource(
        "places", pl, "Places the article names (coordinates)",
        """
The two ports the article names as the east and west ends of the members' territory, with the coordinates
of their city centres in decimal degrees (WGS84), converted from degrees and minutes as given in the
Wikipedia infoboxes of the cities (typed for the course; precise to about 1 km, enough for distances of
thousands of kilometres).
""", [source("Wikipedia, articles 'Lianyungang' and 'Kaliningrad' (coordinates in the infobox)",
             "Wikipedia contributors", url="https://en.wikipedia.org/wiki/Lianyungang")],
        [LIC_ARTICLE_FACTS], "City-centre coordinates from Wikipedia, typed for the SCO course.",
        [F("place", "string", "Place", "City name", required=True, unique=True),
         iso3_field(),
         F("lat", "number", "Latitude", "Decimal degrees north", unit="degrees", required=True,
           minimum=-90, maximum=90),
         F("lon", "number", "Longitude", "Decimal degrees east", unit="degrees", required=True,
           minimum=-180, maximum=180),
         F("role", "string", "Role", "Why the article names it", required=True),
         F("source", "string", "Source", "Where the coordinates come from", required=True)],
        ["place"]), pl)

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

    pmx = pd.DataFrame(PEACE_MISSIONS, columns=["year", "month", "exercise", "host_iso3", "location",
                                                "participants", "source"])
    for col in ("host_iso3", "participants"):
        bad = [v for v in pmx[col] if not re.fullmatch(r"[A-Z]{3}(;[A-Z]{3})*", v)]
        if bad:
            fail(f"peace_missions: {col} must be ISO3 codes joined by ';', not {bad[0]!r}")
    if not all(set(h.split(";")) <= set(p.split(";")) for h, p in zip(pmx.host_iso3, pmx.participants)):
        fail("peace_missions: every host must also be a participant")
    add(resource(
        "peace_missions", pmx, "Peace Mission anti-terrorist exercises of the SCO states, 2005-2016",
        """
The joint anti-terrorist exercises of the Peace Mission series that the article mentions, one row per
exercise held before the article (October 2017): year and month, the host state(s), where it took place,
and the states that sent troops, as reported by the news or official page cited on the row (our own words).

* `host_iso3` and `participants` are ISO3 codes joined by `;`. Observers and invited guests are not
  participants. Troop numbers are left out: the pages disagree and give round figures.
* The 2005 and 2009 exercises were bilateral (China and Russia); the others were multilateral.
* The list says that exercises took place, where and with whom; it says nothing about what they achieved.
* Peace Mission 2018 (Chebarkul, Russia, the first with India and Pakistan) came after the article and is
  not in the table.
""", [source("Peace Mission exercises: news agencies and official pages, one cited on each row",
             "news and official pages cited on each row, compiled by the SCO course")],
        [LIC_COMPILATION], "Compiled by the SCO course from the sources cited on each row.",
        [year_field(), F("month", "integer", "Month", "Month the exercise started", required=True, minimum=1,
                         maximum=12),
         F("exercise", "string", "Exercise", "Name of the exercise", required=True, unique=True),
         F("host_iso3", "string", "Host(s)", "ISO3 codes of the host state(s), joined by ';'", required=True,
           pattern="[A-Z]{3}(;[A-Z]{3})*"),
         F("location", "string", "Location", "Where it took place (our words)", required=True),
         F("participants", "string", "Participants", "ISO3 codes of the states that sent troops, joined by ';'",
           required=True, pattern="[A-Z]{3}(;[A-Z]{3})*"),
         F("source", "string", "Source", "Page that reports the row", required=True)],
        ["exercise"]), pmx)

    return out
