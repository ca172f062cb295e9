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
from . import q06_values as v


def _todays_members(value_fn, label: str = "today's members") -> Mistake:
    """The members of today instead of those of October 2017 (several questions)."""
    return Mistake(label, value_fn, "You used today's members, who include states that "
                   "joined after October 2017.")


def _latest_list(value_fn) -> Mistake:
    """The latest List in the data instead of the List at the end of 2017."""
    return Mistake("the List of the wrong year", value_fn, "You used the latest List in the "
                   "data; the exercise asks for the List at the end of 2017.")

option_values = v.option_values
OPTIONS = v.OPTIONS

QUESTIONS = [
    Question(
        qid="06_guess_widest",
        prompt="Predict, before you use the explorer: what share of the 2017 List (all "
        "properties, each counted once) do you expect for the widest circle of states, the "
        "2017 members with the observers and dialogue partners?",
        expected=v.widest_share,
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
        expected=v.on_list_2017,
        kind="integer",
        what=f"the number of properties on the List at the end of 2017, counted from {v.WH}",
        hints=(
            "A property is on the List at the end of 2017 if it was inscribed by then and "
            "not deleted by then; the worked example did the same for another year.",
            "`year_removed` is empty (NA) for properties never deleted, and a property "
            "deleted after 2017 was still on the 2017 List.",
            "Pattern: two conditions joined with `&`, the second itself two conditions "
            "joined with `|` (in brackets): never deleted (`.isna()`), or deleted after the "
            "year; `len(...)` of the filtered table counts its rows.",
        ),
        explanation="Liverpool, deleted in 2021, is in this count; the two properties "
        "deleted before 2017 are not.",
        mistakes=(
            Mistake("deletions ignored", v.inscribed_by_2017,
                    "You counted every property inscribed by 2017, including the ones the "
                    "Committee had already deleted before the end of 2017."),
            Mistake("every deleted property dropped", v.never_removed_by_2017,
                    "You dropped every property that has a `year_removed`, but one of them "
                    "was deleted only after 2017 and was still on the 2017 List."),
            Mistake("2017 inscriptions left out", v.before_2017,
                    "You left out the properties inscribed at the 2017 session: the List "
                    "at the end of 2017 includes them (`<=`, not `<`)."),
            Mistake("the List of the wrong year", lambda: v.on_list_in(v.latest()),
                    "You counted the latest List in the data, as the worked example did; "
                    "this exercise asks for the List at the end of 2017."),
        ),
    ),
    Question(
        qid="06_share_plain",
        prompt="Compute: the percentage of the properties on the List at the end of 2017 that "
        "have at least one State Party among the SCO members of October 2017, each "
        "property counted once. Give it to three decimals.",
        expected=v.share_plain,
        kind="number",
        decimals=3,
        unit="%",
        what=f"the share computed from {v.WH}, {v.WHS} and data/sco_membership.csv "
        "(members on 2017-10-01)",
        hints=(
            "Two steps: which properties have a 2017 member among their States Parties "
            "(look in `states`), and how many of the 2017 List are among them.",
            "A property shared by two members must still count once: collect the "
            "`id_no` values first, then test the List's rows against them.",
            "Pattern: `set(states.loc[condition, 'id_no'])` collects the ids once; "
            "`on_list.id_no.isin(ids)` is True or False per property of the List, and the "
            "mean of True/False values is a fraction.",
        ),
        explanation="This is the course's primary reading of the claim, well short of a fifth.",
        mistakes=(
            fraction_mistake(v.share),
            Mistake("transboundary property counted twice", v.share_entries_over_properties,
                    "You counted the members' property-country rows, so a property shared "
                    "by two members counts twice while the List counts it once."),
            _todays_members(v.share_today, "members of the wrong date"),
            Mistake("observers counted as members",
                    lambda: v.share(members="2017 members + observers"),
                    "You added the observers of 2017; the exercise counts the members only."),
            Mistake("the denominator the worked example warns against", v.share_over_held,
                    "You divided by the properties that have a row in `states`; the property "
                    "without a State Party code is on the List too, so divide by the whole "
                    "List of 2017."),
            Mistake("the List of the wrong year", lambda: v.share(year=v.latest()),
                    "You used the latest List in the data, as the worked example did; the "
                    "exercise asks for the List at the end of 2017."),
            Mistake("the List of the year before", lambda: v.share(year=2016),
                    "You used the List at the end of 2016: the 2017 inscriptions belong to "
                    "the 2017 List (`<=`, not `<`)."),
        ),
    ),
    Question(
        qid="06_member_rank",
        prompt="Rank the members of October 2017 by their number of properties on the List "
        "at the end of 2017 (a transboundary property counts for each of its States "
        "Parties). How many properties do the members ranked third and fourth hold "
        "together?",
        expected=v.third_and_fourth,
        kind="integer",
        what=f"the third and fourth largest counts among the 2017 members, added, from "
        f"{v.WHS} and {v.WH}",
        hints=(
            "Keep the rows of `states` whose property is on the 2017 List and whose "
            "`iso3` is a 2017 member; then count rows per country.",
            "Rank from the largest count down; positions count from 0 in `iloc`, so the "
            "third and fourth rows are at positions 2 and 3.",
            "Pattern: `counts.sort_values(ascending=...)` orders a Series; `s.iloc[a:b]` "
            "takes positions a to b - 1, and `.sum()` adds them.",
        ),
        explanation="Three members hold most of the members' properties; the other five "
        "hold a handful each, so the fourth is far behind the third.",
        mistakes=(
            Mistake("the List of the wrong year", lambda: v.third_and_fourth(v.latest()),
                    "You counted on the latest List in the data (the one the bar chart "
                    "shows), not on the List at the end of 2017."),
            Mistake("the List of the year before", lambda: v.third_and_fourth(2016),
                    "You counted on the List at the end of 2016: the 2017 inscriptions count "
                    "(`<=`, not `<`)."),
            Mistake("ranked from the bottom", lambda: v.third_and_fourth(ascending=True),
                    "You sorted from the smallest count up, so your rows are third and "
                    "fourth from the bottom."),
            Mistake("today's members", lambda: v.third_and_fourth(members="today's members"),
                    "You ranked today's members, who include states that joined after "
                    "October 2017."),
            Mistake("positions counted from 1", lambda: v.third_and_fourth(first=3),
                    "You took the fourth and fifth rows: `iloc` counts from 0, so the third "
                    "row is at position 2."),
            Mistake("second and third", lambda: v.third_and_fourth(first=1),
                    "You took the second and third rows; the third and fourth are at "
                    "positions 2 and 3."),
        ),
    ),
    Question(
        qid="06_members_cultural",
        prompt="Join the 2017 List with the 2017 members' rows of the States Parties table, "
        "each property once: what percentage of the members' properties are in the "
        "category Cultural? Give it to one decimal.",
        expected=v.members_cultural,
        kind="number",
        decimals=1,
        unit="%",
        what=f"the Cultural percentage of the members' properties, from {v.WH} and {v.WHS}",
        hints=(
            "Keep the rows of `states` whose `iso3` is a 2017 member, only their `id_no`; "
            "a property shared by two members appears twice there, so drop the duplicates "
            "before joining.",
            "Merging the 2017 List with those ids on `id_no` keeps one row per member "
            "property, with its `category`; you want the share of one category, in per cent.",
            "Pattern: `.drop_duplicates()` before a `merge` keeps one row per key; "
            "`value_counts(normalize=True)` gives each category's fraction of the rows.",
        ),
        explanation="Compare it with the Cultural percentage of the whole List: the "
        "members' properties are less often Cultural than the List's.",
        mistakes=(
            fraction_mistake(v.members_cultural),
            Mistake("transboundary property counted twice", v.members_cultural_entries,
                    "You counted property-country rows, so a property shared by two members "
                    "weighs twice; count each property once."),
            Mistake("the whole List instead of the members", v.list_cultural,
                    "You computed the Cultural percentage of the whole 2017 List, not of "
                    "the members' properties."),
            Mistake("Mixed counted as Cultural",
                    lambda: v.members_cultural_of(categories=("Cultural", "Mixed")),
                    "You counted the Mixed properties too; the exercise asks for the "
                    "category Cultural alone."),
            _todays_members(lambda: v.members_cultural_of(members="today's members")),
            _latest_list(lambda: v.members_cultural_of(v.latest())),
        ),
    ),
    Question(
        qid="06_transboundary_effect",
        prompt="Compute: by how many percentage points does the share change when every "
        "transboundary property counts once per State Party (numerator and "
        "denominator both in property-country entries) instead of once? Give "
        "per-country minus once (negative if it falls), to two decimals.",
        expected=v.transboundary_effect,
        kind="number",
        decimals=2,
        unit="points",
        what=f"the change computed from {v.WHS} and {v.WH} (2017 List, 2017 members, all "
        "categories)",
        hints=(
            "Per country, both counts are rows of `states`: the numerator counts the rows "
            "whose `iso3` is a member, the denominator every row, both only for "
            "properties on the 2017 List.",
            "Subtract the share of the exercise on the plain reading from the per-country "
            "share, in that order.",
            "Pattern: the rows of `states` whose property is on the List are the entries; "
            "the mean of a True/False column is the fraction of True, in both shares.",
        ),
        explanation="The two counts differ only through transboundary properties, a small "
        "part of the List. Shared properties of non-members add entries to the "
        "denominator but not to the numerator, so the per-country share is the lower.",
        mistakes=(
            Mistake("subtracted the wrong way round", v.transboundary_reversed,
                    "You computed once minus per-country; the exercise asks for "
                    "per-country minus once."),
            Mistake("entries over properties", v.transboundary_numerator_only,
                    "You counted entries in the numerator but kept the number of "
                    "properties as the denominator: count entries in both."),
            _latest_list(lambda: v.transboundary_effect_in(v.latest())),
            Mistake("the List of the year before", lambda: v.transboundary_effect_in(2016),
                    "You used the List at the end of 2016: the 2017 inscriptions count "
                    "(`<=`, not `<`)."),
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
        expected=v.closest_option,
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
            "Pattern: a dict comprehension `{k: f(v) for k, v in options.items()}` computes "
            "every option; `min(d, key=...)` finds the key whose value is nearest a target.",
        ),
    ),
    Question(
        qid="06_missing_for_20",
        prompt="Extend: under the plain reading (all properties, whole List, 2017 members, "
        "each counted once, end of 2017), how far short of the article's 20 % were the "
        "members, in properties? Compute the article's share of the List's total, minus "
        "the members' own count, and give it to one decimal, not rounded to a whole number.",
        expected=v.gap_for_target,
        kind="number",
        decimals=1,
        unit="properties",
        what=f"the target count minus the members' count, computed from {v.WH} and {v.WHS}",
        hints=(
            "First the number of properties the article's share of the 2017 List means "
            "(it need not be whole); then what the members lack.",
            "The members' count is the numerator of the plain reading, and the List's total "
            "its denominator.",
            "Pattern: a share p (in %) of a total n is `p / 100 * n`; subtract the count you "
            "already have.",
        ),
        explanation="Properties come whole, so the members would have needed the next whole "
        "number above this gap; compare it with the members' own count.",
        mistakes=(
            Mistake("rounded up", lambda: float(math.ceil(v.gap_for_target())),
                    "You rounded to a whole number; this exercise asks for the gap to one "
                    "decimal."),
            Mistake("rounded down", lambda: float(math.floor(v.gap_for_target())),
                    "You rounded down to a whole number; this exercise asks for the gap to "
                    "one decimal."),
            Mistake("the target instead of the gap", lambda: v.gap_for_target() + v.counts_2017()[1],
                    "You gave the number of properties the article's share of the List means; "
                    "subtract the members' own properties."),
            Mistake("the denominator the worked example warns against", v.gap_over_held,
                    "You took the share of the properties that have a row in `states`; the "
                    "property without a State Party code is on the List too."),
            Mistake("entries instead of properties", v.gap_entries,
                    "You counted the members' property-country rows, so a property shared by "
                    "two members counts twice; count each property once."),
            _todays_members(lambda: v.gap_for_target(members="today's members")),
            _latest_list(lambda: v.gap_for_target(v.latest())),
        ),
    ),
]
