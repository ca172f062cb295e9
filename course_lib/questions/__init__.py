"""Exercise definitions, one module per notebook (``q02_expansion`` for notebook 02).

Each module defines ``QUESTIONS``, a list of :class:`course_lib.exercises.Question`.
Expected answers are functions, so they are computed from data when a learner checks.
"""
