"""Exercises of notebook 06: the World Heritage List and the SCO states' share of it."""

from __future__ import annotations

import math

from ..exercises import Question

WH = "data/world_heritage.csv"


def _on_list_2017() -> int:
    from ..analysis.heritage import on_list

    return len(on_list(2017))


def _share_plain() -> float:
    from ..analysis.heritage import share

    return share()["share"]


def _transboundary_effect() -> float:
    from ..analysis.heritage import share

    return share(counting="per country")["share"] - share(counting="once")["share"]


def _missing_for_target() -> int:
    from ..analysis.heritage import article_value, share

    s = share()
    return math.ceil(article_value() / 100 * s["denominator"]) - s["numerator"]


#: option -> (member set, category, denominator, counting, year) of the reading it names
OPTIONS = {
    "a": ("2017 members", "all", "whole List", "once", 2017),
    "b": ("2017 members", "cultural", "cultural part", "once", 2017),
    "c": ("today's members", "cultural + mixed", "cultural part", "once", 2017),
    "d": ("2017 members + observers + dialogue partners", "all", "whole List", "once", 2017),
}


def _closest_option() -> str:
    from ..analysis.heritage import article_value, share

    target = article_value()
    gaps = {k: abs(share(cat, den, mem, cnt, yr)["share"] - target)
            for k, (mem, cat, den, cnt, yr) in OPTIONS.items()}
    return min(gaps, key=gaps.get)


QUESTIONS = [
    Question(
        qid="06_on_list_2017",
        prompt="Warm-up: how many properties were on the World Heritage List at the end of "
        "2017? Count each property once.",
        expected=_on_list_2017,
        kind="integer",
        what=f"the number of properties with year_inscribed <= 2017 and not removed by the "
        f"end of 2017 in {WH}",
        hints=(
            "Keep the rows with `year_inscribed <= 2017`, then drop those with a "
            "`year_removed` of 2017 or earlier.",
            "`year_removed` is empty (NA) for properties still on the List: "
            "`wh.year_removed.isna() | (wh.year_removed > 2017)`.",
            "`answer = len(wh[(wh.year_inscribed <= 2017) & (wh.year_removed.isna() | "
            "(wh.year_removed > 2017))])`",
        ),
        explanation="UNESCO's own total after the 2017 session is the same. Liverpool "
        "(removed 2021) is in it; Oman's sanctuary and Dresden (removed earlier) are not.",
    ),
    Question(
        qid="06_share_plain",
        prompt="Compute: the percentage of the properties on the List at the end of 2017 that "
        "have at least one State Party among the SCO members of October 2017, each "
        "property counted once.",
        expected=_share_plain,
        kind="number",
        tolerance=0.1,
        unit="%",
        what=f"the share computed from {WH}, data/world_heritage_states.csv and "
        "data/sco_membership.csv (members on 2017-10-01)",
        hints=(
            "Find the `id_no` of the properties that have a member among their States "
            "Parties in `world_heritage_states`, then count how many of the 2017 List "
            "are among them.",
            "`ids = set(states.loc[states.iso3.isin(sco.members('2017-10-01')), 'id_no'])`; "
            "then `list17.id_no.isin(ids).sum()`.",
            "Divide that count by the number of properties on the 2017 List and "
            "multiply by 100.",
        ),
        explanation="This is the course's primary reading of the claim, well short of a fifth.",
    ),
    Question(
        qid="06_transboundary_effect",
        prompt="Compute: by how many percentage points does the share change when every "
        "transboundary property counts once per State Party (numerator and "
        "denominator both in property-country entries) instead of once? Give "
        "per-country minus once (negative if it falls).",
        expected=_transboundary_effect,
        kind="number",
        tolerance=0.05,
        unit="points",
        what="the difference between the per-country and the once-only share (2017 List, "
        "2017 members, all categories) computed from data/world_heritage_states.csv",
        hints=(
            "Per country: the numerator is the number of rows of `world_heritage_states` "
            "(for properties on the 2017 List) whose `iso3` is a member; the denominator "
            "is the number of such rows for all states.",
            "`entries = states[states.id_no.isin(list17.id_no)]`; "
            "`per_country = 100 * entries.iso3.isin(m17).mean()`.",
            "`answer = per_country - share_once` where `share_once` is your previous answer.",
        ),
        explanation="The two counts differ only through transboundary properties, a small "
        "part of the List. Shared properties of non-members (many in Europe) add entries to "
        "the denominator but not to the numerator.",
    ),
    Question(
        qid="06_article_definition",
        prompt="Interpret: which definition comes closest to the article's 20 %? "
        "(a) all properties of the 2017 members, share of the whole List; "
        "(b) Cultural properties of the 2017 members, share of the List's Cultural "
        "properties; (c) Cultural and Mixed properties of today's members, share of the "
        "same categories; (d) all properties of the 2017 members, observers and dialogue "
        "partners, share of the whole List.",
        expected=_closest_option,
        kind="choice",
        what="the option whose reading, computed from the data, is nearest the article's value",
        choices={
            "a": "This is the plain reading (the primary one of the course); it is the "
            "furthest of the four from a fifth.",
            "b": "Dividing by the cultural part raises the share a little, because the "
            "members' properties are mostly cultural, but not to a fifth.",
            "c": "Today's members include states that joined after 2017, which the article "
            "could not count; even so, the result stays well short of a fifth.",
            "d": "Only by counting observers and dialogue partners, states that were not "
            "members, does the share come near a fifth. Some writers use 'SCO countries' for "
            "this wider circle; compare the value with 20 % in the explorer to see how near.",
        },
        hints=(
            "Compute each option with `heritage.share(category, denominator, members, "
            "counting, year)` and compare with 20.",
            "The explorer above lets you try each option in turn; watch the gap in the "
            "readout.",
        ),
    ),
    Question(
        qid="06_missing_for_20",
        prompt="Extend: under the plain reading (all properties, whole List, 2017 members, "
        "each counted once, end of 2017), how many more properties would the members "
        "have needed for their share to reach the article's 20 %? (The List's total "
        "stays as it is.)",
        expected=_missing_for_target,
        kind="integer",
        what="the smallest whole number of extra properties that lifts the share to 20 % "
        f"of the 2017 List in {WH}",
        hints=(
            "20 % of the List is 0.2 times the number of properties on it; round up.",
            "`import math`; `math.ceil(0.2 * n_list) - n_members`.",
        ),
        explanation="This expresses the gap between the plain reading and the claim in "
        "properties rather than percentage points: compare it with the members' own count.",
    ),
]
