"""The Peace Mission anti-terrorist exercises of the SCO states held before the article
(2005-2016): one row per exercise with its hosts, place and participants, each row citing
the page that reports it. One resource of the data package: ``peace_missions``.

>>> [res["name"] for (res, _), _ in peace_mission_resources()]
['peace_missions']
>>> all(set(h.split(";")) <= set(p.split(";")) for _, _, _, h, _, p, _ in PEACE_MISSIONS)
True
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
    (2014, 8, "Peace Mission 2014", "CHN", "Zhurihe training base, Inner Mongolia (China)",
     "CHN;KAZ;KGZ;RUS;TJK",
     "China Daily, 25 August 2014 (https://global.chinadaily.com.cn/test/2014-08/25/content_18481812.htm)"),
    (2016, 9, "Peace Mission 2016", "KGZ", "Edelweiss mountain training centre, Issyk-Kul region (Kyrgyzstan)",
     "CHN;KAZ;KGZ;RUS;TJK",
     "Kazinform, 'SCO military drill Peace Mission 2016 finished in Kyrgyzstan', 22 September 2016 "
     "(https://en.inform.kz/news/sco-military-drill-peace-mission-2016-finished-in-kyrgyzstan_a2951834/)"),
]


def peace_mission_resources() -> list[tuple[tuple[dict, bytes], pd.DataFrame]]:
    """The peace_missions resource, as a one-item list of ((descriptor, csv bytes), table);
    stops with a CurationError if a row's codes are not ISO3 codes or a host did not take part.
    """
    pmx = pd.DataFrame(PEACE_MISSIONS, columns=["year", "month", "exercise", "host_iso3", "location",
                                                "participants", "source"])
    for col in ("host_iso3", "participants"):
        bad = [v for v in pmx[col] if not re.fullmatch(r"[A-Z]{3}(;[A-Z]{3})*", v)]
        if bad:
            fail(f"peace_missions: {col} must be ISO3 codes joined by ';', not {bad[0]!r}")
    if not all(set(h.split(";")) <= set(p.split(";")) for h, p in zip(pmx.host_iso3, pmx.participants)):
        fail("peace_missions: every host must also be a participant")
    return [(resource(
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
        ["exercise"]), pmx)]
