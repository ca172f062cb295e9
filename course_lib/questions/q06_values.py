"""The values behind notebook 06's exercises: each expected answer and each wrong method.

Every function computes its value from ``data/world_heritage.csv``,
``data/world_heritage_states.csv`` and ``data/sco_membership.csv`` when called;
``q06_cultural_dialogue`` turns them into questions and named mistakes. A wrong method
takes the reference steps with one step changed: the year of the List, the set of
states, the denominator, the counting.

>>> on_list_2017() > inscribed_by_2017() - 5
True
"""

from __future__ import annotations


WH = "data/world_heritage.csv"
WHS = "data/world_heritage_states.csv"
YEAR = 2017
WIDEST = "2017 members + observers + dialogue partners"


# --------------------------------------------------------------------------- helpers
def props():
    from ..analysis.heritage import properties

    return properties()


def entries():
    from ..data import load

    return load("world_heritage_states")


def m17() -> list[str]:
    from ..sco import member_set

    return member_set("2017 members")


def on_list(year: int = YEAR):
    from ..analysis.heritage import on_list

    return on_list(year)


def held_ids(codes) -> set:
    e = entries()
    return set(e.loc[e["iso3"].isin(codes), "id_no"])


def member_counts(year: int = YEAR, ascending: bool = False, members: str = "2017 members"):
    """Property-country entries per state of ``members`` on the List at the end of ``year``."""
    from ..sco import member_set

    e = entries()
    e = e[e["id_no"].isin(on_list(year)["id_no"]) & e["iso3"].isin(member_set(members))]
    return e.groupby("iso3").size().sort_values(ascending=ascending, kind="stable")


def share(**kw) -> float:
    from ..analysis.heritage import share

    return share(**kw)["share"]


def target() -> float:
    """The article's 20 per cent, read from data/claims.csv."""
    from ..analysis.heritage import CLAIM_ID
    from ..claims.core import article_value

    return article_value(CLAIM_ID)


# --------------------------------------------------------------------------- 06_guess_widest
def widest_share() -> float:
    return share(members=WIDEST)


# --------------------------------------------------------------------------- 06_on_list_2017
def on_list_2017() -> int:
    return len(on_list())


def inscribed_by_2017() -> int:
    p = props()
    return int((p["year_inscribed"] <= YEAR).sum())


def never_removed_by_2017() -> int:
    p = props()
    return int(((p["year_inscribed"] <= YEAR) & p["year_removed"].isna()).sum())


def before_2017() -> int:
    return len(on_list(YEAR - 1))


# --------------------------------------------------------------------------- 06_share_plain
def share_plain() -> float:
    return share()




def share_entries_over_properties() -> float:
    e = entries()
    on = on_list()
    n = e[e["id_no"].isin(on["id_no"]) & e["iso3"].isin(m17())].shape[0]
    return 100 * n / len(on)


def share_today() -> float:
    return share(members="today's members")


# --------------------------------------------------------------------------- 06_member_rank
def third_and_fourth(year: int = YEAR, ascending: bool = False, members: str = "2017 members",
                     first: int = 2) -> int:
    """Entries of the states ranked third and fourth (``first`` = 2: positions 3 and 4)."""
    return int(member_counts(year, ascending, members).iloc[first:first + 2].sum())


# --------------------------------------------------------------------------- 06_members_cultural
def members_cultural() -> float:
    on = on_list()
    mine = on[on["id_no"].isin(held_ids(m17()))]
    return 100 * float((mine["category"] == "Cultural").mean())


def members_cultural_entries() -> float:
    e = entries()
    on = on_list()
    rows = e[e["iso3"].isin(m17())].merge(on[["id_no", "category"]], on="id_no")
    return 100 * float((rows["category"] == "Cultural").mean())


def list_cultural() -> float:
    return 100 * float((on_list()["category"] == "Cultural").mean())


# --------------------------------------------------------------------------- 06_transboundary_effect
def per_country() -> float:
    return share(counting="per country")


def transboundary_effect() -> float:
    return per_country() - share()


def transboundary_reversed() -> float:
    return -transboundary_effect()


def transboundary_numerator_only() -> float:
    return share_entries_over_properties() - share()


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


def closest_option() -> str:
    from ..claims import nearest_reading

    return nearest_reading(option_values(), "heritage_share")


# --------------------------------------------------------------------------- 06_missing_for_20
def counts_2017() -> tuple[int, int]:
    on = on_list()
    return len(on), int(on["id_no"].isin(held_ids(m17())).sum())




# --------------------------------------------------------------------------- wrong methods
def latest() -> int:
    from ..analysis.heritage import latest_year

    return latest_year()


def on_list_in(year: int) -> int:
    return len(on_list(year))


def share_over_held() -> float:
    """The denominator the worked example warns against: only the properties that have a
    row in the States Parties table (the property without a State Party code drops out)."""
    on = on_list()
    with_rows = on["id_no"].isin(set(entries()["id_no"]))
    k = on["id_no"].isin(held_ids(m17())).sum()
    return 100 * float(k) / float(with_rows.sum())


def members_cultural_of(year: int = YEAR, members: str = "2017 members",
                        categories: tuple[str, ...] = ("Cultural",)) -> float:
    from ..sco import member_set

    on = on_list(year)
    mine = on[on["id_no"].isin(held_ids(member_set(members)))]
    return 100 * float(mine["category"].isin(categories).mean())


def transboundary_effect_in(year: int) -> float:
    return share(counting="per country", year=year) - share(year=year)


def gap_for_target(year: int = YEAR, members: str = "2017 members",
                   denominator: int | None = None, numerator: int | None = None) -> float:
    """Properties short of the article's share: target share of the List minus the
    members' count (not rounded)."""
    from ..sco import member_set

    on = on_list(year)
    n = len(on) if denominator is None else denominator
    k = int(on["id_no"].isin(held_ids(member_set(members))).sum()) if numerator is None \
        else numerator
    return target() / 100 * n - k


def gap_over_held() -> float:
    on = on_list()
    return gap_for_target(denominator=int(on["id_no"].isin(set(entries()["id_no"])).sum()))


def gap_entries() -> float:
    """Member entries (a shared property once per member) instead of properties."""
    e = entries()
    n = int((e["id_no"].isin(on_list()["id_no"]) & e["iso3"].isin(m17())).sum())
    return gap_for_target(numerator=n)
