"""Lesson plans: for each section notebook, a 50-minute and a 90-minute class.

A plan is data (:data:`FOCUS`): the claim the lesson is about, the exercises of that
claim, the parts that prepare it and the parts a teacher may drop. :func:`plan` turns it
into in class, homework and skipped, part by part, with the minutes of the time model
(:mod:`course_lib.minutes`):

* the start (framing) and the end (discussion of the focus, exit question) take the
  minutes of :data:`FRAME`; the notebook gets the rest of the class;
* in class: first the parts that hold the focus's exercises (never skipped), then the
  parts that prepare them, then the other parts in the notebook's order while they fit;
* skipped: what is left of the parts the plan may drop; homework: everything else left.

So the minutes add up: start + in class + end is at most the class, and in class +
homework + skipped is the notebook's whole time.

>>> p = plan("06", 50)
>>> p.start + p.in_class_minutes + p.end <= 50
True
>>> set(FOCUS["06"].exercises) <= set(p.in_class_ids)
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

LENGTHS = (50, 90)
#: minutes of a class spent outside the notebook: (framing at the start, discussion of
#: the focus and an exit question at the end)
FRAME = {50: (5, 10), 90: (10, 20)}


@dataclass(frozen=True)
class Focus:
    """The claim a notebook's lessons are about."""

    claim: str  # in the course's words; quotations only from the article's table
    claim_id: str  # the row of data/claims.csv, or "" for the article's thesis
    exercises: tuple[str, ...]  # checked exercises and written answers of the claim
    prepare: tuple[str, ...]  # words of the headings of the parts that prepare it
    drop: tuple[str, ...]  # words of the headings of the parts a plan may skip
    discussion: str  # the question for the whole class at the end
    extra_90: tuple[str, ...] = ()  # further focus exercises for 90 minutes


FOCUS = {
    "01": Focus("India and Pakistan's accession: \"full SCO membership to India and "
                "Pakistan\", checked against the dated membership table", "accession_2017",
                ("01_india_observer_years", "01_observer_wait"),
                ("What the article says", "Worked example", "Check the claim"),
                ("documents the article names", "UN Charter principles"),
                "For a text written in October 2017, which members should a check use?",
                ("01_openness",)),
    "02": Focus("the population share: \"almost 44 per cent of the world's population\"",
                "population_share",
                ("02_china_india_share", "02_share_observers", "02_closest_reading"),
                ("What the article says", "Worked example", "Check the claim"),
                ("Military weight", "From the Arctic", "Area and GDP", "other regional"),
                "Members of October 2017 or with the observers: which reading is fair, and "
                "what should a fact-check say?",
                ("02_population_reading_fair",)),
    "03": Focus("the RATS figures and the fall in violence: can prevention be counted and "
                "credited?", "rats_2011_2015",
                ("03_rats_per_year", "03_ratio_after", "03_comparison_group"),
                ("What the article says", "What the table cannot show", "Which states?"),
                ("legal framework", "Peace Mission", "Summary: what else"),
                "What would it take to credit the organization with a fall in violence?",
                ("03_pakistan_share", "03_pakistan_trend")),
    "04": Focus("the heroin share: \"approximately 14 per cent of confiscated drugs "
                "worldwide\"", "heroin_share",
                ("04_share_hm", "04_implied_world", "04_which_reading"),
                ("What the article says", "Worked example", "Two readings", "Check the claim"),
                ("What the SCO said elsewhere", "Glossary", "Sources"),
                "Which reading of 14 per cent do the numbers allow, and what must be "
                "assumed for the missing years?",
                ("04_assumed_for_14", "04_claim_in_words")),
    "05": Focus("the thesis that \"Uneven economic development\" among members breeds "
                "threats: how uneven, and is it linked to violence?", "",
                ("05_ratio_2001", "05_spearman_members", "05_confounder"),
                ("What the article says", "How uneven?", "Development and violence"),
                ("Trade", "road-transport"),
                "What would a convincing test of the link between development and violence "
                "need that a correlation cannot give?",
                ("05_confounder_why", "05_spearman_countries")),
    "06": Focus("the World Heritage claim: \"20 per cent of the UNESCO World Heritage "
                "List\", under several definitions", "heritage_share",
                ("06_share_plain", "06_transboundary_effect", "06_article_definition"),
                ("What the article says", "Worked example", "Check the claim",
                 "Whose properties?"),
                ("Inscriptions over time", "Where the properties are", "Exercise 9",
                 "Glossary", "Sources"),
                "Does the reading closest to the article show which definition the author "
                "used?",
                ("06_closest_reading_meaning",)),
    "07": Focus("every claim at once: which verdicts hold, and which depend on the reading",
                "", ("07_count_supported", "07_count_not_checkable", "07_nuclear_reading"),
                ("What the article says", "Context and data", "Check the claim"),
                ("Glossary", "Sources"),
                "When is a claim partly supported rather than supported? Agree on a rule.",
                ("07_population_gap",)),
}


@dataclass
class Plan:
    """One lesson: the parts (heading, minutes, ids) in class, as homework, skipped."""

    notebook: str
    length: int
    focus: Focus
    start: int
    end: int
    in_class: list = field(default_factory=list)
    homework: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    total: float = 0.0  # the notebook's unrounded time by the model

    @property
    def in_class_minutes(self) -> float:
        return sum(m for _, m, _ in self.in_class)

    @property
    def homework_minutes(self) -> float:
        return sum(m for _, m, _ in self.homework)

    @property
    def skipped_minutes(self) -> float:
        return sum(m for _, m, _ in self.skipped)

    @property
    def in_class_ids(self) -> list[str]:
        return [i for _, _, ids in self.in_class for i in ids]

    @property
    def focus_ids(self) -> tuple[str, ...]:
        return self.focus.exercises + (self.focus.extra_90 if self.length >= 90 else ())


def _path(notebook: str, folder: Path | None = None) -> Path:
    from .runner import course_notebooks

    for p in course_notebooks(folder):
        if p.stem[:2] == notebook[:2]:
            return p
    raise KeyError(notebook)


def _has(name: str, words: tuple[str, ...]) -> bool:
    return any(w.lower() in name.lower() for w in words)


def plan(notebook: str, length: int, folder: Path | None = None) -> Plan:
    """The plan of ``length`` minutes for notebook ``notebook`` (``"02"``)."""
    from .minutes import estimate

    focus = FOCUS[notebook[:2]]
    est = estimate(_path(notebook, folder))
    start, end = FRAME[length]
    p = Plan(est.notebook, length, focus, start, end)
    parts = [(n, m, tuple(i)) for (n, m), i in zip(est.sections, est.section_ids) if m > 0]
    p.total = sum(m for _, m, _ in parts)
    budget = length - start - end
    chosen: list[int] = [k for k, (_, _, ids) in enumerate(parts)
                         if set(ids) & set(p.focus_ids) or parts[k][0] == "(top)"]
    used = sum(parts[k][1] for k in chosen)
    prepare = [k for w in focus.prepare for k, (n, _, _) in enumerate(parts)
               if w.lower() in n.lower() and k not in chosen]
    rest = [k for k in range(len(parts)) if k not in chosen and k not in prepare
            and not _has(parts[k][0], focus.drop)]
    for k in list(dict.fromkeys(prepare)) + rest:
        if k not in chosen and used + parts[k][1] <= budget + 1e-9:
            chosen.append(k)
            used += parts[k][1]
    for k in sorted(chosen):  # a short lead-in stays with the exercise it introduces
        if (not parts[k][2] and parts[k][1] < 1 and k + 1 < len(parts)
                and parts[k + 1][2] and k + 1 not in chosen):
            chosen.remove(k)
    for k, part in enumerate(parts):
        if k in chosen:
            p.in_class.append(part)
        elif _has(part[0], focus.drop):
            p.skipped.append(part)
        else:
            p.homework.append(part)
    return p


def plans(folder: Path | None = None) -> list[Plan]:
    """Every plan: each section notebook that exists, each length."""
    from .runner import course_notebooks

    have = {p.stem[:2] for p in course_notebooks(folder)}
    return [plan(nb, n, folder) for nb in FOCUS if nb in have for n in LENGTHS]


def _list(parts: list, with_ids: bool = True) -> str:
    if not parts:
        return "nothing"
    out = []
    for name, _minutes, ids in parts:
        short = "introduction and set-up" if name == "(top)" else name.split(" › ")[-1]
        short = short.replace("|", "\\|")
        ex = f" (`{'`, `'.join(ids)}`)" if ids and with_ids else ""
        out.append(f"{short}{ex}")
    return "; ".join(out)


def table(notebook: str, folder: Path | None = None) -> str:
    """The two plans of one notebook as a Markdown table (for the guide)."""
    ps = [plan(notebook, n, folder) for n in LENGTHS]
    head = "| | " + " | ".join(f"{p.length} minutes" for p in ps) + " |"
    rows = [head, "|---|" + "---|" * len(ps),
            "| focus | " + " | ".join(p.focus.claim.replace("|", "\\|") for p in ps) + " |",
            "| start | " + " | ".join(f"{p.start} min: the claim and what it would take to "
                                      "check it" for p in ps) + " |",
            "| in class | " + " | ".join(f"about {p.in_class_minutes:.0f} min: "
                                         f"{_list(p.in_class)}" for p in ps) + " |",
            "| end | " + " | ".join(f"{p.end} min: {p.focus.discussion}" for p in ps) + " |",
            "| homework | " + " | ".join(f"about {p.homework_minutes:.0f} min: "
                                         f"{_list(p.homework)}" for p in ps) + " |",
            "| skipped | " + " | ".join(f"about {p.skipped_minutes:.0f} min: "
                                        f"{_list(p.skipped, False)}" for p in ps) + " |"]
    return "\n".join(rows)


def class_timeline(notebook: str, length: int, folder: Path | None = None) -> str:
    """A course-wide class built on one notebook's plan: a timetable, then what goes
    home and what is skipped (Markdown)."""
    p = plan(notebook, length, folder)
    work = round(p.in_class_minutes)
    a, b = p.start, p.start + work
    lines = ["| time | activity |", "|---|---|",
             f"| 0–{a} | Frame the question: the article states {p.focus.claim}. What would "
             "it take to check it? Show the article's citation and the course map. |",
             f"| {a}–{b} | In pairs, notebook {p.notebook[:2]}: {_list(p.in_class)}. One "
             "partner types, the other reads the task and the feedback aloud; swap at each "
             "exercise. |",
             f"| {b}–{length - 5} | Whole class: {p.focus.discussion} Pairs put the values "
             "they got under their definition side by side on the board. |",
             f"| {length - 5}–{length} | Exit question: \"name one choice that changed a "
             "number today\". |",
             "", f"Homework (about {p.homework_minutes:.0f} minutes by the time model): "
             f"{_list(p.homework)}. Skipped (about {p.skipped_minutes:.0f} minutes): "
             f"{_list(p.skipped, False)}."]
    return "\n".join(lines)


def summary(notebook: str, length: int, folder: Path | None = None) -> str:
    """One paragraph: a plan's focus, in class, homework and skipped."""
    p = plan(notebook, length, folder)
    return (f"Focus: {p.focus.claim}. In class (about {p.in_class_minutes:.0f} minutes): "
            f"{_list(p.in_class)}. Homework (about {p.homework_minutes:.0f} minutes): "
            f"{_list(p.homework)}. Skipped (about {p.skipped_minutes:.0f} minutes): "
            f"{_list(p.skipped, False)}.")
