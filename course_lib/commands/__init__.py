"""One module per command of ``python -m course_lib`` (see :mod:`course_lib.cli`)."""
