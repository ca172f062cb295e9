"""Exercises of notebook 06: the World Heritage List and the SCO states' share of it.

Every expected value and every named mistake is computed from data when checked.

>>> from course_lib.exercises import question
>>> question("06_share_plain").kind
'number'
>>> [m.label for m in question("06_on_list_2017").mistakes][0]
'deletions ignored'
"""

from __future__ import annotations

import math

from ..exercises import Mistake, Question, fraction_mistake

WH = "data/world_heritage.csv"
WHS = "data/world_heritage_states.csv"
YEAR = 2017
WIDEST = "2017 members + observers + dialogue partners"


# --------------------------------------------------------------------------- helpers
def _props():
    from ..analysis.heritage import properties

    return properties()


def _entries():
    from ..data import load

    return load("world_heritage_states")


def _m17() -> list[str]:
    from ..sco import member_set

    return member_set("2017 members")


def _on_list(year: int = YEAR):
    from ..analysis.heritage import on_list

    return on_list(year)


def _held_ids(codes) -> set:
    e = _entries()
    return set(e.loc[e["iso3"].isin(codes), "id_no"])


def _member_counts(year: int = YEAR, ascending: bool = False):
    """Property-country entries per 2017 member on the List at the end of ``year``."""
    e = _entries()
    e = e[e["id_no"].isin(_on_list(year)["id_no"]) & e["iso3"].isin(_m17())]
    return e.groupby("iso3").size().sort_values(ascending=ascending, kind="stable")


def _share(**kw) -> float:
    from ..analysis.heritage import share

    return share(**kw)["share"]


def _target() -> float:
    from ..analysis.heritage import article_value

    return article_value()


# --------------------------------------------------------------------------- 06_guess_widest
def _widest_share() -> float:
    return _share(members=WIDEST)


# --------------------------------------------------------------------------- 06_on_list_2017
def _on_list_2017() -> int:
    return len(_on_list())


def _inscribed_by_2017() -> int:
    p = _props()
    return int((p["year_inscribed"] <= YEAR).sum())


def _never_removed_by_2017() -> int:
    p = _props()
    return int(((p["year_inscribed"] <= YEAR) & p["year_removed"].isna()).sum())


def _before_2017() -> int:
    return len(_on_list(YEAR - 1))


# --------------------------------------------------------------------------- 06_share_plain
def _share_plain() -> float:
    return _share()




def _share_entries_over_properties() -> float:
    e = _entries()
    on = _on_list()
    n = e[e["id_no"].isin(on["id_no"]) & e["iso3"].isin(_m17())].shape[0]
    return 100 * n / len(on)


def _share_today() -> float:
    return _share(members="today's members")


# --------------------------------------------------------------------------- 06_member_rank
def _third_member() -> int:
    return int(_member_counts().iloc[2])


def _third_member_2021() -> int:
    from ..analysis.heritage import latest_year

    return int(_member_counts(latest_year()).iloc[2])


def _third_member_ascending() -> int:
    return int(_member_counts(ascending=True).iloc[2])


# --------------------------------------------------------------------------- 06_members_cultural
def _members_cultural() -> float:
    on = _on_list()
    mine = on[on["id_no"].isin(_held_ids(_m17()))]
    return 100 * float((mine["category"] == "Cultural").mean())


def _members_cultural_entries() -> float:
    e = _entries()
    on = _on_list()
    rows = e[e["iso3"].isin(_m17())].merge(on[["id_no", "category"]], on="id_no")
    return 100 * float((rows["category"] == "Cultural").mean())


def _list_cultural() -> float:
    return 100 * float((_on_list()["category"] == "Cultural").mean())


# --------------------------------------------------------------------------- 06_transboundary_effect
def _per_country() -> float:
    return _share(counting="per country")


def _transboundary_effect() -> float:
    return _per_country() - _share()


def _transboundary_reversed() -> float:
    return -_transboundary_effect()


def _transboundary_numerator_only() -> float:
    return _share_entries_over_properties() - _share()


# --------------------------------------------------------------------------- 06_article_definition
#: option -> (member set, category, denominator, counting, year) of the reading it names
OPTIONS = {
    "a": ("2017 members", "all", "whole List", "once", 2017),
    "b": ("2017 members", "cultural", "cultural part", "once", 2017),
    "c": ("today's members", "cultural + mixed", "cultural part", "once", 2017),
    "d": (WIDEST, "all", "whole List", "once", 2017),
}


def option_values() -> dict[str, float]:
    """The share each option of ``06_article_definition`` gives, from data.

    >>> sorted(option_values())
    ['a', 'b', 'c', 'd']
    """
    from ..analysis.heritage import share

    return {k: share(cat, den, mem, cnt, yr)["share"]
            for k, (mem, cat, den, cnt, yr) in OPTIONS.items()}


def _closest_option() -> str:
    from ..claims import nearest_reading

    return nearest_reading(option_values(), "heritage_share")


# --------------------------------------------------------------------------- 06_missing_for_20
def _counts_2017() -> tuple[int, int]:
    on = _on_list()
    return len(on), int(on["id_no"].isin(_held_ids(_m17())).sum())


def _missing_for_target() -> int:
    n, k = _counts_2017()
    return math.ceil(_target() / 100 * n) - k


def _missing_rounded_down() -> int:
    n, k = _counts_2017()
    return math.floor(_target() / 100 * n) - k


def _target_count() -> int:
    n, _ = _counts_2017()
    return math.ceil(_target() / 100 * n)


QUESTIONS = [
    Question(
        qid="06_guess_widest",
        prompt="Predict, before you use the explorer: what share of the 2017 List (all "
        "properties, each counted once) do you expect for the widest circle of states, the "
        "2017 members with the observers and dialogue partners?",
        expected=_widest_share,
        kind="prediction",
        unit="%",
        what="the widest circle's share of the 2017 List computed from data",
        hints=(
            "There is nothing to compute yet: write down a number between 0 and 100.",
            "Think about which states the wider circle adds (look at the list of "
            "observers and dialogue partners in notebook 01) and how many World Heritage "
            "properties such states tend to have.",
            "After the explorer you can redo it by hand with the worked example's steps and "
            "the wider set's codes; pattern: `100 * on_list.id_no.isin(ids).mean()`.",
        ),
        explanation="Of the single changes the explorer offers that keep the 2017 List, "
        "widening the set of states moves the plain reading's share most.",
    ),
    Question(
        qid="06_on_list_2017",
        prompt="Warm-up: how many properties were on the World Heritage List at the end of "
        "2017? Count each property once.",
        expected=_on_list_2017,
        kind="integer",
        what=f"the number of properties on the List at the end of 2017, counted from {WH}",
        hints=(
            "A property is on the List at the end of 2017 if it was inscribed by then and "
            "not deleted by then; the worked example did the same for another year.",
            "`year_removed` is empty (NA) for properties never deleted, and a property "
            "deleted after 2017 was still on the 2017 List.",
            "Pattern: `len(wh[(wh.year_inscribed <= Y) & (wh.year_removed.isna() | "
            "(wh.year_removed > Y))])`.",
        ),
        explanation="Liverpool, deleted in 2021, is in this count; the two properties "
        "deleted before 2017 are not.",
        mistakes=(
            Mistake("deletions ignored", _inscribed_by_2017,
                    "You counted every property inscribed by 2017, including the ones the "
                    "Committee had already deleted before the end of 2017."),
            Mistake("every deleted property dropped", _never_removed_by_2017,
                    "You dropped every property that has a `year_removed`, but one of them "
                    "was deleted only after 2017 and was still on the 2017 List."),
            Mistake("2017 inscriptions left out", _before_2017,
                    "You left out the properties inscribed at the 2017 session: the List "
                    "at the end of 2017 includes them (`<=`, not `<`)."),
        ),
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
        what=f"the share computed from {WH}, {WHS} and data/sco_membership.csv "
        "(members on 2017-10-01)",
        hints=(
            "Two steps: which properties have a 2017 member among their States Parties "
            "(look in `states`), and how many of the 2017 List are among them.",
            "A property shared by two members must still count once: collect the "
            "`id_no` values first, then test the List's rows against them.",
            "Pattern: `ids = set(states.loc[states.iso3.isin(codes), 'id_no'])`, then "
            "`100 * on_list.id_no.isin(ids).mean()`.",
        ),
        explanation="This is the course's primary reading of the claim, well short of a fifth.",
        mistakes=(
            fraction_mistake(_share),
            Mistake("transboundary property counted twice", _share_entries_over_properties,
                    "You counted the members' property-country rows, so a property shared "
                    "by two members counts twice while the List counts it once."),
            Mistake("members of the wrong date", _share_today,
                    "You used today's members, who include states that joined after "
                    "October 2017."),
        ),
    ),
    Question(
        qid="06_member_rank",
        prompt="Rank the members of October 2017 by their number of properties on the List "
        "at the end of 2017 (a transboundary property counts for each of its States "
        "Parties). How many properties does the member ranked third hold?",
        expected=_third_member,
        kind="integer",
        what=f"the third-largest count among the 2017 members, from {WHS} and {WH}",
        hints=(
            "Keep the rows of `states` whose property is on the 2017 List and whose "
            "`iso3` is a 2017 member; then count rows per country.",
            "Rank from the largest count down; the third row is the answer.",
            "Pattern: `rows.groupby('iso3').size().sort_values(ascending=False).iloc[2]`.",
        ),
        explanation="Three members hold most of the members' properties; the other five "
        "hold a handful each.",
        mistakes=(
            Mistake("the List of the wrong year", _third_member_2021,
                    "You counted on the latest List in the data (the one the bar chart "
                    "shows), not on the List at the end of 2017."),
            Mistake("ranked from the bottom", _third_member_ascending,
                    "You sorted from the smallest count up, so your third row is third "
                    "from the bottom."),
        ),
    ),
    Question(
        qid="06_members_cultural",
        prompt="Join the 2017 List with the 2017 members' rows of the States Parties table, "
        "each property once: what percentage of the members' properties are in the "
        "category Cultural?",
        expected=_members_cultural,
        kind="number",
        tolerance=0.1,
        unit="%",
        what=f"the Cultural percentage of the members' properties, from {WH} and {WHS}",
        hints=(
            "Keep the rows of `states` whose `iso3` is a 2017 member, only their `id_no`; "
            "a property shared by two members appears twice there, so drop the duplicates "
            "before joining.",
            "Merging the 2017 List with those ids on `id_no` keeps one row per member "
            "property, with its `category`; you want the share of one category, in per cent.",
            "Pattern: `on_list.merge(ids.drop_duplicates(), on='id_no')`, then "
            "`100 * df['category'].value_counts(normalize=True)['Cultural']`.",
        ),
        explanation="Compare it with the Cultural percentage of the whole List: the "
        "members' properties are less often Cultural than the List's.",
        mistakes=(
            fraction_mistake(_members_cultural),
            Mistake("transboundary property counted twice", _members_cultural_entries,
                    "You counted property-country rows, so a property shared by two members "
                    "weighs twice; count each property once."),
            Mistake("the whole List instead of the members", _list_cultural,
                    "You computed the Cultural percentage of the whole 2017 List, not of "
                    "the members' properties."),
        ),
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
        what=f"the change computed from {WHS} and {WH} (2017 List, 2017 members, all "
        "categories)",
        hints=(
            "Per country, both counts are rows of `states`: the numerator counts the rows "
            "whose `iso3` is a member, the denominator every row, both only for "
            "properties on the 2017 List.",
            "Subtract the share of the exercise on the plain reading from the per-country "
            "share, in that order.",
            "Pattern: `entries = states[states.id_no.isin(on_list.id_no)]`, then "
            "`100 * entries.iso3.isin(codes).mean()`.",
        ),
        explanation="The two counts differ only through transboundary properties, a small "
        "part of the List. Shared properties of non-members add entries to the "
        "denominator but not to the numerator, so the per-country share is the lower.",
        mistakes=(
            Mistake("subtracted the wrong way round", _transboundary_reversed,
                    "You computed once minus per-country; the exercise asks for "
                    "per-country minus once."),
            Mistake("entries over properties", _transboundary_numerator_only,
                    "You counted entries in the numerator but kept the number of "
                    "properties as the denominator: count entries in both."),
        ),
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
            "a": "This is the plain reading (the primary one of the course); it is further "
            "from a fifth than options c and d.",
            "b": "Counting only Cultural properties and dividing by the List's Cultural "
            "part gives a lower share than the plain reading: a smaller part of the "
            "members' properties is Cultural than of the List as a whole.",
            "c": "Today's members include states that joined after 2017, which the article "
            "could not count; even so, the result stays more than five points short of a "
            "fifth.",
            "d": "Only by counting observers and dialogue partners, states that were not "
            "members, does the share come within two points of a fifth. Some writers use "
            "'SCO countries' for this wider circle.",
        },
        hints=(
            "Compute each option once and compare its distance from 20.",
            "Pattern: `{k: heritage.share(cat, den, members, 'once', 2017)['share'] for "
            "k, (cat, den, members) in options.items()}`, then the key with the smallest "
            "`abs(value - claimed)`.",
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
        what=f"the number of extra properties computed from {WH} and {WHS}",
        hints=(
            "First the number of properties a fifth of the 2017 List means, as a whole "
            "number that really reaches the target; then what the members lack.",
            "A count just below the target does not reach it: round up.",
            "Pattern: `math.ceil(claimed / 100 * len(on_list)) - n_members`.",
        ),
        explanation="This expresses the gap between the plain reading and the claim in "
        "properties rather than percentage points: compare it with the members' own count.",
        mistakes=(
            Mistake("rounded down", _missing_rounded_down,
                    "You rounded the target down, and a count below a fifth does not reach "
                    "a fifth."),
            Mistake("the target instead of the gap", _target_count,
                    "You gave the number of properties a fifth of the List means; subtract "
                    "the members' own properties."),
        ),
    ),
]
