"""Facts typed from the article (as outlined for the course) and from other cited
publications: the documents timeline, the Charter principles and the two named places,
each one resource of the data package; :func:`article_fact_resources` also adds the
claims (:mod:`.claims_table`) and the Peace Mission exercises (:mod:`.peace_missions`).

Every row carries its source; paraphrases are the course's own words; quotations are
only the verbatim phrases of ARTICLE_OUTLINE.md's table of exact quotations.

>>> [res["name"] for (res, _), _ in article_fact_resources(None)]  # doctest: +NORMALIZE_WHITESPACE
['documents', 'charter_principles', 'places', 'claims', 'claim_readings', 'rats_2011_2015',
 'peace_missions']
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .claims_table import claim_resources
from .common import (ARTICLE, ARTICLE_FULL, LIC_ARTICLE_FACTS, F, article_source, fail, iso3_field, resource,
                     source, year_field)
from .peace_missions import peace_mission_resources

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
    article_src = [article_source()]
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
      article_source()],
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

    out += claim_resources(outline_text)
    out += peace_mission_resources()
    return out
