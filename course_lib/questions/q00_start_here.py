"""Practice exercises of notebook 00: how checking and hints work."""

from __future__ import annotations

from ..exercises import Question


def _sco_members_oct_2017() -> int:
    from ..sco import members

    return len(members("2017-10-01"))


QUESTIONS = [
    Question(
        qid="00_warmup_sum",
        prompt="Compute 3 + 4 and store it in `answer`.",
        expected=lambda: 7,
        kind="integer",
        what="the sum 3 + 4",
        hints=("Python adds with `+`.", "Type `answer = 3 + 4`."),
        explanation="You have completed your first checked exercise.",
    ),
    Question(
        qid="00_members_2017",
        prompt="How many states were full members of the SCO on 1 October 2017, "
        "when the article appeared? Use `course_lib.sco.members`.",
        expected=_sco_members_oct_2017,
        kind="integer",
        what="the number of members on 2017-10-01 in data/sco_membership.csv",
        hints=(
            "`members(\"2017-10-01\")` returns a list of ISO3 codes.",
            "The length of a list is `len(the_list)`.",
            "`answer = len(members(\"2017-10-01\"))`",
        ),
        explanation="India and Pakistan had joined the six founders in June 2017.",
    ),
]
