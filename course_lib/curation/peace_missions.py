"""The Peace Mission anti-terrorist exercises of the SCO states held before the article
(2005-2016): one row per exercise with its hosts, place and participants, each row citing
the page that reports it. One resource of the data package: ``peace_missions``.

>>> [res["name"] for (res, _), _ in peace_mission_resources()]
['peace_missions']
>>> all(set(h.split(";")) <= set(p.split(";")) for _, _, _, h, _, p, _ in PEACE_MISSIONS)
True
>>> sorted(set(LIST_SCIO_2018) ^ set(LIST_REPORTS))  # the year only one list names
[2013]
"""

from __future__ import annotations

import re

import pandas as pd

from .common import LIC_COMPILATION, F, fail, resource, source, year_field

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
    (2013, 7, "Peace Mission 2013", "RUS",
     "Chebarkul range near Chelyabinsk (Russia); Chinese troops deployed from the Shenyang military region",
     "CHN;RUS",
     "China Daily, 'China, Russia boost counter-terrorism ties with joint drills', 27 July 2013 "
     "(http://www.chinadaily.com.cn/cndy/2013-07/27/content_16839718.htm)"),
    (2014, 8, "Peace Mission 2014", "CHN", "Zhurihe training base, Inner Mongolia (China)",
     "CHN;KAZ;KGZ;RUS;TJK",
     "China Daily, 25 August 2014 (https://global.chinadaily.com.cn/test/2014-08/25/content_18481812.htm)"),
    (2016, 9, "Peace Mission 2016", "KGZ", "Edelweiss mountain training centre, Issyk-Kul region (Kyrgyzstan)",
     "CHN;KAZ;KGZ;RUS;TJK",
     "Kazinform, 'SCO military drill Peace Mission 2016 finished in Kyrgyzstan', 22 September 2016 "
     "(https://en.inform.kz/news/sco-military-drill-peace-mission-2016-finished-in-kyrgyzstan_a2951834/)"),
]

#: Who did what, where it matters, and the second report of each exercise (our words).
NOTES = {
    2005: "bilateral (China and Russia only); also in SCIO 2018",
    2007: "troops of all six members (de Haas, UK Defence Academy, 2007; SCIO 2018); command talks "
          "and the field phase in two countries",
    2009: "bilateral, about 1,300 troops from each side (Beijing Review, 24 July 2009); also in SCIO 2018",
    2010: "Uzbekistan did not take part (Xinhua via China.org.cn, 25 September 2010); also in SCIO 2018",
    2012: "Uzbekistan did not take part (RFE/RL, 8 June 2012); Tajikistan's president and the defence "
          "ministers watched the field phase (RATS page); also in SCIO 2018",
    2013: "bilateral, about 1,500 troops; described as part of the SCO framework (China Daily, 1 August "
          "2013); missing from SCIO 2018, which says only that China and Russia drilled every year "
          "from 2012",
    2014: "Uzbekistan did not take part; also in SCIO 2018",
    2016: "Uzbekistan did not take part; also in SCIO 2018",
}
#: Two independent lists of the series before the article, kept as data; the table must be
#: their union. A: China's State Council Information Office, SCO infographic, 5 June 2018
#: (http://english.scio.gov.cn/infographics/2018-06/05/content_51673238.htm).
#: B: the exercises named in news reports other than the row's source (the NOTES above).
LIST_SCIO_2018 = (2005, 2007, 2009, 2010, 2012, 2014, 2016)
LIST_REPORTS = (2005, 2007, 2009, 2010, 2012, 2013, 2014, 2016)


def peace_mission_resources() -> list[tuple[tuple[dict, bytes], pd.DataFrame]]:
    """The peace_missions resource, as a one-item list of ((descriptor, csv bytes), table);
    stops with a CurationError if a row's codes are not ISO3 codes or a host did not take part.
    """
    pmx = pd.DataFrame(PEACE_MISSIONS, columns=["year", "month", "exercise", "host_iso3", "location",
                                                "participants", "source"])
    union = sorted(set(LIST_SCIO_2018) | set(LIST_REPORTS))
    if sorted(pmx.year) != union or set(NOTES) != set(union):
        fail(f"peace_missions: the table's years {sorted(pmx.year)} must be the union of the two lists, {union}")
    pmx["note"] = pmx.year.map(NOTES)
    bilateral = " and ".join(str(y) for y, p in zip(pmx.year, pmx.participants) if p.count(";") == 1)
    for col in ("host_iso3", "participants"):
        bad = [v for v in pmx[col] if not re.fullmatch(r"[A-Z]{3}(;[A-Z]{3})*", v)]
        if bad:
            fail(f"peace_missions: {col} must be ISO3 codes joined by ';', not {bad[0]!r}")
    if not all(set(h.split(";")) <= set(p.split(";")) for h, p in zip(pmx.host_iso3, pmx.participants)):
        fail("peace_missions: every host must also be a participant")
    return [(resource(
        "peace_missions", pmx, "Peace Mission anti-terrorist exercises of the SCO states, 2005-2016",
        f"""
The joint anti-terrorist exercises of the Peace Mission series that the article mentions, one row per
exercise held before the article (October 2017): year and month, the host state(s), where it took place,
and the states that sent troops, as reported by the news or official page cited on the row (our own words).

* **Complete as far as two independent lists go**: the table is the union of China's State Council
  Information Office list (SCO infographic, June 2018) and the exercises named in other news reports
  (`note` gives the second report of each row). Peace Mission 2013, a China-Russia exercise described as part
  of the SCO framework, is missing from the first list and was added from the second.
* `host_iso3` and `participants` are ISO3 codes joined by `;`. Observers and invited guests are not
  participants; `note` says who observed or stayed away where the reports say so. Troop numbers are given
  only in `note`, as the reports round them.
* The {bilateral} exercises were bilateral (China and Russia); the others were multilateral.
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
         F("source", "string", "Source", "Page that reports the row", required=True),
         F("note", "string", "Note", "Roles (observers, who stayed away) and the second report of the row",
           required=True)],
        ["exercise"]), pmx)]
