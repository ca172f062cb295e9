"""Exercise definitions, one module per notebook (``q02_expansion`` for notebook 02).

Each module defines ``QUESTIONS``, a list of :class:`course_lib.exercises.Question`
(the registry, :mod:`course_lib.exercises.registry`, reads them). A question lists its
plausible wrong methods as :class:`course_lib.exercises.Mistake` objects and, for a
number, the precision its prompt states (``decimals``). Expected answers and wrong
methods are functions, computed from data when a learner checks; a notebook with many
of them keeps them in a companion module (``q01_values``, ``q02_values``).
``tests/test_wrong_methods.py`` checks every question against its wrong methods.
"""
