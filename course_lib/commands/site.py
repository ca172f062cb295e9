"""``python -m course_lib site``: the static HTML course.

The learners' site is the student edition (the default, into build/site/); the
instructor's, with the solutions folded under "Show the solution", is built on request
(``--edition instructor``, into build/site-instructor/).

Executes every notebook (in memory; notebooks/ is only read), exports it with
nbconvert's JupyterLab template, writes index.html with the course map, then checks
every local link and image and lists any external resource a page would need.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", default=None,
                        help="output folder (default build/site, or build/site-instructor "
                             "for the instructor edition)")
    parser.add_argument("--only", nargs="+", default=None, metavar="NN",
                        help="build only these notebooks (prefixes such as 00 02); the "
                             "index still lists every notebook")
    parser.add_argument("--edition", choices=["student", "instructor"], default="student",
                        help="student: the learners' site, solutions replaced by the stub "
                             "(default); instructor: solutions folded under 'Show the solution'")
    parser.add_argument("--no-execute", action="store_true",
                        help="export the notebooks without running them (layout checks)")
    parser.add_argument("--data", default=None, metavar="DIR",
                        help="use the data package in DIR instead of data/ (as COURSE_DATA=DIR)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from ..paths import BUILD_DIR
    if args.data:
        from ..data import use

        use(args.data)
    from ..site import build_site, check_links, summary

    default = BUILD_DIR / ("site" if args.edition == "student" else "site-instructor")
    result = build_site(Path(args.out) if args.out else default, args.only,
                        edition=args.edition, execute=not args.no_execute,
                        progress=not args.quiet)
    report = check_links(result.out)
    print(summary(result, report))
    if not report.ok:
        print("error: the site has missing links or needs external resources (see above)")
        return 1
    print(f"open {result.out / 'index.html'} in a browser (works offline)")
    return 0
