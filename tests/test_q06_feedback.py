"""Notebook 06's exercises: expected values, named mistakes and every explanatory
sentence of the feedback, recomputed here from the raw CSV files with plain pandas
(never with the question module's own functions or course_lib.analysis)."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from course_lib import exercises as ex
from conftest import raw_heritage_tables  # noqa: I001

YEAR = 2017
ARTICLE_DAY = pd.Timestamp("2017-10-01")


# --------------------------------------------------------------------------- raw data
@pytest.fixture(scope="module")
def raw():
    return raw_heritage_tables()


def _holders(sco, statuses, day):
    s = sco[sco["status"].isin(statuses) & (sco["start_date"] <= day)
            & (sco["end_date"].isna() | (sco["end_date"] > day))]
    return sorted(set(s["iso3"]))


def _sets(sco):
    latest = pd.concat([sco["start_date"], sco["end_date"]]).max()
    return {
        "m17": _holders(sco, ["member"], ARTICLE_DAY),
        "today": _holders(sco, ["member"], latest),
        "obs": _holders(sco, ["member", "observer"], ARTICLE_DAY),
        "widest": _holders(sco, ["member", "observer", "dialogue_partner"], ARTICLE_DAY),
    }


def _on_list(wh, year=YEAR):
    return wh[(wh["year_inscribed"] <= year)
              & (wh["year_removed"].isna() | (wh["year_removed"] > year))]


def _once(wh, states, codes, cats=None, cultural_part=False, year=YEAR):
    """Share (%) of the List held by ``codes``, each property once."""
    on = _on_list(wh, year)
    ids = set(states.loc[states["iso3"].isin(codes), "id_no"])
    num = on[on["id_no"].isin(ids)]
    den = on
    if cats:
        num = num[num["category"].isin(cats)]
        if cultural_part:
            den = on[on["category"].isin(cats)]
    return 100 * len(num) / len(den)


def _per_country(wh, states, codes, year=YEAR):
    on = _on_list(wh, year)
    e = states[states["id_no"].isin(on["id_no"])]
    return 100 * e["iso3"].isin(codes).mean()


@pytest.fixture(scope="module")
def facts(raw):
    wh, states, sco, claims = raw
    sets = _sets(sco)
    m17 = sets["m17"]
    on = _on_list(wh)
    ids17 = set(states.loc[states["iso3"].isin(m17), "id_no"])
    mine = on[on["id_no"].isin(ids17)]
    e17 = states[states["id_no"].isin(on["id_no"]) & states["iso3"].isin(m17)]
    counts = e17.groupby("iso3").size().sort_values(ascending=False)
    on21 = _on_list(wh, int(wh["year_inscribed"].max()))
    e21 = states[states["id_no"].isin(on21["id_no"]) & states["iso3"].isin(m17)]
    target = float(claims.set_index("claim_id").loc["heritage_share", "value"])
    share = _once(wh, states, m17)
    return dict(
        wh=wh, states=states, sets=sets, on=on, mine=mine, counts=counts, target=target,
        share=share, n=len(on), k=len(mine),
        per_country=_per_country(wh, states, m17),
        entries_over_props=100 * len(e17) / len(on),
        counts21=e21.groupby("iso3").size().sort_values(ascending=False),
        members_cultural=100 * (mine["category"] == "Cultural").mean(),
        members_cultural_entries=100 * (e17.merge(on[["id_no", "category"]])["category"]
                                        == "Cultural").mean(),
        list_cultural=100 * (on["category"] == "Cultural").mean(),
        options={
            "a": share,
            "b": _once(wh, states, m17, ["Cultural"], True),
            "c": _once(wh, states, sets["today"], ["Cultural", "Mixed"], True),
            "d": _once(wh, states, sets["widest"]),
        },
    )


def _expected(facts):
    """Every expected answer, computed here."""
    wh = facts["wh"]
    return {
        "06_on_list_2017": len(_on_list(wh)),
        "06_share_plain": facts["share"],
        "06_member_rank": int(facts["counts"].iloc[2:4].sum()),
        "06_members_cultural": facts["members_cultural"],
        "06_transboundary_effect": facts["per_country"] - facts["share"],
        "06_article_definition": min(facts["options"],
                                     key=lambda k: abs(facts["options"][k] - facts["target"])),
        "06_missing_for_20": _gap(facts),
    }


def _gap(facts, n=None, k=None):
    """The article's share of ``n`` properties minus ``k`` (not rounded)."""
    return facts["target"] / 100 * (facts["n"] if n is None else n) - (
        facts["k"] if k is None else k)


def _counts(facts, year=YEAR, codes=None):
    wh, states = facts["wh"], facts["states"]
    on = _on_list(wh, year)
    e = states[states["id_no"].isin(on["id_no"])
               & states["iso3"].isin(facts["sets"]["m17"] if codes is None else codes)]
    return e.groupby("iso3").size().sort_values(ascending=False, kind="stable")


def _cultural(facts, year=YEAR, codes=None, cats=("Cultural",)):
    wh, states = facts["wh"], facts["states"]
    on = _on_list(wh, year)
    ids = set(states.loc[states["iso3"].isin(facts["sets"]["m17"] if codes is None
                                             else codes), "id_no"])
    return 100 * on.loc[on["id_no"].isin(ids), "category"].isin(cats).mean()


def _mistakes(facts):
    """Every named mistake's value, computed here: qid -> {label: value}."""
    wh = facts["wh"]
    inscribed = wh[wh["year_inscribed"] <= YEAR]
    asc = facts["counts"].sort_values(ascending=True, kind="stable")
    states, sets, latest = facts["states"], facts["sets"], int(wh["year_inscribed"].max())
    with_rows = int(facts["on"]["id_no"].isin(set(states["id_no"])).sum())
    effect = {y: _per_country(wh, states, sets["m17"], y) - _once(wh, states, sets["m17"], year=y)
              for y in (YEAR - 1, latest)}
    return {
        "06_on_list_2017": {
            "deletions ignored": len(inscribed),
            "every deleted property dropped": int(inscribed["year_removed"].isna().sum()),
            "2017 inscriptions left out": len(_on_list(wh, YEAR - 1)),
            "the List of the wrong year": len(_on_list(wh, latest)),
        },
        "06_share_plain": {
            "fraction instead of percentage": facts["share"] / 100,
            "transboundary property counted twice": facts["entries_over_props"],
            "members of the wrong date": _once(wh, facts["states"], facts["sets"]["today"]),
            "observers counted as members": _once(wh, states, sets["obs"]),
            "the denominator the worked example warns against": 100 * facts["k"] / with_rows,
            "the List of the wrong year": _once(wh, states, sets["m17"], year=latest),
            "the List of the year before": _once(wh, states, sets["m17"], year=YEAR - 1),
        },
        "06_member_rank": {
            "the List of the wrong year": int(facts["counts21"].iloc[2:4].sum()),
            "the List of the year before": int(_counts(facts, YEAR - 1).iloc[2:4].sum()),
            "ranked from the bottom": int(asc.iloc[2:4].sum()),
            "today's members": int(_counts(facts, codes=sets["today"]).iloc[2:4].sum()),
            "positions counted from 1": int(facts["counts"].iloc[3:5].sum()),
            "second and third": int(facts["counts"].iloc[1:3].sum()),
        },
        "06_members_cultural": {
            "fraction instead of percentage": facts["members_cultural"] / 100,
            "transboundary property counted twice": facts["members_cultural_entries"],
            "the whole List instead of the members": facts["list_cultural"],
            "Mixed counted as Cultural": _cultural(facts, cats=("Cultural", "Mixed")),
            "today's members": _cultural(facts, codes=sets["today"]),
            "the List of the wrong year": _cultural(facts, year=latest),
        },
        "06_transboundary_effect": {
            "subtracted the wrong way round": facts["share"] - facts["per_country"],
            "entries over properties": facts["entries_over_props"] - facts["share"],
            "the List of the wrong year": effect[latest],
            "the List of the year before": effect[YEAR - 1],
        },
        "06_missing_for_20": {
            "rounded up": math.ceil(_gap(facts)),
            "rounded down": math.floor(_gap(facts)),
            "the target instead of the gap": facts["target"] / 100 * facts["n"],
            "the denominator the worked example warns against": _gap(facts, n=with_rows),
            "entries instead of properties": _gap(facts, k=int(facts["entries_over_props"]
                                                              * facts["n"] / 100 + 0.5)),
            "today's members": _gap(facts, k=int(facts["on"]["id_no"].isin(set(
                states.loc[states["iso3"].isin(sets["today"]), "id_no"])).sum())),
            "the List of the wrong year": _gap(facts, n=len(_on_list(wh, latest)), k=int(
                _on_list(wh, latest)["id_no"].isin(set(states.loc[states["iso3"].isin(
                    sets["m17"]), "id_no"])).sum())),
        },
    }


# --------------------------------------------------------------------------- answers
def test_every_question_of_06_is_covered(facts):
    graded = {q for q in ex.questions("06") if ex.question(q).kind != "prediction"}
    assert graded == set(_expected(facts))
    assert {q for q in ex.questions("06") if ex.question(q).kind == "prediction"} == {
        "06_guess_widest"}


@pytest.mark.parametrize("qid", ["06_on_list_2017", "06_share_plain", "06_member_rank",
                                 "06_members_cultural", "06_transboundary_effect",
                                 "06_article_definition", "06_missing_for_20"])
def test_expected_answer_from_raw_data_is_correct(facts, qid):
    fb = ex.check(qid, _expected(facts)[qid])
    assert fb.status == "correct", fb.message


def test_prediction_reveals_the_widest_share(facts):
    widest = facts["options"]["d"]
    ex.check("06_guess_widest", 10)
    shown = ex.reveal("06_guess_widest")
    assert f"{widest:.2f}" in shown.message and "above" not in shown.message


# --------------------------------------------------------------------------- mistakes
def _cases():
    labels = {q: [m.label for m in ex.question(q).mistakes] for q in ex.questions("06")}
    return [(q, lab) for q, labs in labels.items() for lab in labs]


@pytest.mark.parametrize("qid,label", _cases())
def test_each_mistake_is_recognised(facts, qid, label):
    wrong = _mistakes(facts)[qid][label]
    fb = ex.check(qid, wrong)
    assert fb.status == "incorrect" and fb.mistake == label, fb.message
    exp = _expected(facts)[qid]
    for shown in {f"{exp}", f"{exp:.1f}", f"{exp:.2f}"} if isinstance(exp, float) else {
            str(exp)}:
        assert shown not in fb.message  # the feedback never gives the answer


def test_mistakes_are_apart_from_the_answer(facts):
    exp = _expected(facts)
    for qid, named in _mistakes(facts).items():
        q = ex.question(qid)
        for label, value in named.items():
            assert abs(value - exp[qid]) > max(q.tolerance, 0.5 if q.kind == "integer" else 0), label


def test_number_questions_have_two_or_more_mistakes():
    for qid in ex.questions("06"):
        q = ex.question(qid)
        if q.kind in ("number", "integer"):
            assert len(q.mistakes) >= 2, qid
            for m in q.mistakes:
                assert m.message.count(". ") == 0 and m.message.endswith("."), m.message


def test_very_close_message_only_at_a_real_boundary(facts):
    """An off-by-one answer that is a named mistake gets its own message, not the
    generic 'check the boundaries'."""
    exp = _expected(facts)
    fb = ex.check("06_missing_for_20", math.ceil(exp["06_missing_for_20"]))
    assert fb.mistake == "rounded up" and "boundaries" not in fb.message
    assert "rounded" in fb.message
    fb = ex.check("06_on_list_2017", exp["06_on_list_2017"] - 1)
    assert fb.mistake == "every deleted property dropped" and "boundaries" not in fb.message


# --------------------------------------------------------------------------- try first
def test_texts_before_answering_give_neither_value_nor_formula(facts):
    exp = _expected(facts)
    for qid in exp:
        q = ex.question(qid)
        value = exp[qid]
        shown = {str(value)} if not isinstance(value, float) else {f"{value:.1f}", f"{value:.2f}"}
        texts = [q.what, q.prompt, ex.check(qid, ...).message]
        for text in texts:
            if q.kind != "choice":  # a choice's prompt lists every option by its letter
                assert not any(re.search(rf"(?<![\w.]){re.escape(s)}(?![\w])", text)
                               for s in shown), (qid, text)
            assert "<=" not in text and "isin" not in text, (qid, text)
        for h in q.hints:
            assert "answer =" not in h and "answer=" not in h, (qid, h)
        if len(q.hints) >= 2 and q.kind != "choice":
            assert "`" in q.hints[-1], (qid, "the last hint gives a pandas pattern")


# --------------------------------------------------------------------------- explanations
def test_choice_feedback_is_true(facts):
    o, t = facts["options"], facts["target"]
    gap = {k: abs(v - t) for k, v in o.items()}
    # a: the plain reading, further from a fifth than c and d
    assert o["a"] == pytest.approx(facts["share"])
    assert gap["a"] > gap["c"] and gap["a"] > gap["d"]
    # b: lower than the plain reading; the members' properties are less often Cultural
    assert o["b"] < o["a"]
    assert facts["members_cultural"] < facts["list_cultural"]
    # c: today's members include states that joined after 2017; more than five points short
    assert set(facts["sets"]["today"]) - set(facts["sets"]["m17"])
    assert t - o["c"] > 5
    # d: only the wider circle comes within two points
    assert gap["d"] < 2 and all(gap[k] >= 2 for k in "abc")
    assert set(facts["sets"]["widest"]) - set(facts["sets"]["m17"])


def test_question_explanations_are_true(facts):
    wh, states = facts["wh"], facts["states"]
    on = facts["on"]
    removed = wh[wh["year_removed"].notna()]
    # 06_on_list_2017: Liverpool (deleted 2021) counted; the two deleted before 2017 not
    liverpool = wh[wh["name"].str.startswith("Liverpool")]
    assert len(liverpool) == 1 and int(liverpool["year_removed"].iloc[0]) == 2021
    assert liverpool["id_no"].iloc[0] in set(on["id_no"])
    early = removed[removed["year_removed"] < YEAR]
    assert len(early) == 2 and not set(early["id_no"]) & set(on["id_no"])
    # 06_share_plain: well short of a fifth (more than five points)
    assert facts["target"] - facts["share"] > 5
    # 06_member_rank: three members hold most; the other five a handful (at most 10) each,
    # so the fourth is far behind the third
    c = facts["counts"]
    assert len(c) == 8 and c.iloc[:3].sum() > c.sum() / 2 and (c.iloc[3:] <= 10).all()
    assert c.iloc[3] < c.iloc[2] / 2
    # 06_members_cultural: the members' properties are less often Cultural than the List's
    assert facts["members_cultural"] < facts["list_cultural"]
    # 06_transboundary_effect: transboundary properties a small part (< 5 %) of the List;
    # the per-country share is the lower
    n_states = states.groupby("id_no").size()
    shared = on["id_no"].map(n_states).fillna(0) > 1
    assert shared.mean() < 0.05
    assert facts["per_country"] < facts["share"]


def test_prediction_explanation_is_true(facts):
    """Widening the set of states moves the plain reading most of any single change."""
    wh, states, sets = facts["wh"], facts["states"], facts["sets"]
    m17, plain = sets["m17"], facts["share"]
    moves = {
        "widest": _once(wh, states, sets["widest"]) - plain,
        "today": _once(wh, states, sets["today"]) - plain,
        "observers": _once(wh, states, sets["obs"]) - plain,
        "cultural": _once(wh, states, m17, ["Cultural"]) - plain,
        "cultural + mixed": _once(wh, states, m17, ["Cultural", "Mixed"]) - plain,
        "per country": facts["per_country"] - plain,
    }
    biggest = max(moves, key=lambda k: abs(moves[k]))
    assert biggest == "widest", moves
