"""``python -m course_lib data SUBCOMMAND``: rebuild and fetch the course's data package.

Sub-commands live in ``SUBCOMMANDS`` (name -> help, add_arguments, run); adding one is
one entry and two small functions.

* ``data refresh --sources DIR --out DIR2``: build a whole package from a sources
  folder laid out as ``../shared/data/sources``; validated before anything in DIR2
  changes (``--out data`` replaces the course's own data/); with ``--keep-from data``
  the tables of sources absent from DIR are taken unchanged from data/.
* ``data download worldbank --out DIR``: fetch the course's World Bank indicators
  through the API into ``DIR/wb-wdi/`` (a sources folder refresh can read).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


# ------------------------------------------------------------------ refresh
def _refresh_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sources", required=True, type=Path,
                   help="sources folder, one folder per source (as ../shared/data/sources)")
    p.add_argument("--out", required=True, type=Path,
                   help="folder for the new package (data replaces the course's own data/)")
    p.add_argument("--facts", type=Path, default=None, help="fact tables folder (default: SOURCES/../facts)")
    p.add_argument("--outline", type=Path, default=None,
                   help="ARTICLE_OUTLINE.md for the title check (default: SOURCES/../../ARTICLE_OUTLINE.md; "
                        "skipped with a note when absent)")
    p.add_argument("--keep-from", type=Path, default=None, metavar="PACKAGE",
                   help="take the resources of sources absent from SOURCES unchanged from this package "
                        "(e.g. data: refresh only the World Bank table from a new download)")
    p.add_argument("--no-published-totals", action="store_true",
                   help="skip checks against published totals (UNESCO's 1,073 properties in 2017): "
                        "only for partial extracts such as test fixtures")
    p.add_argument("--no-frictionless", action="store_true", help="skip the frictionless validation")
    p.add_argument("--verbose", action="store_true", help="print the curation's check notes")


def _refresh(args: argparse.Namespace) -> int:
    from ..curation.package import refresh

    result = refresh(args.sources, args.out, args.facts, args.outline,
                     published_totals=not args.no_published_totals,
                     use_frictionless=not args.no_frictionless, keep_from=args.keep_from,
                     log=lambda m: print(m, file=sys.stderr))
    print("\n".join(result["sizes"]))
    print(f"validated: {result['checked']}")
    changed = result["changed"]
    print(f"{result['out']}: {len(changed)} file(s) changed" + (f": {', '.join(changed)}" if changed else ""))
    if args.verbose:
        print("checks:", json.dumps(result["notes"], ensure_ascii=False, default=str))
    return 0


# ------------------------------------------------------------------ download
def _download_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("provider", choices=["worldbank"], help="where to download from")
    p.add_argument("--out", required=True, type=Path, help="sources folder to write into (DIR/wb-wdi/)")
    p.add_argument("--base-url", default=None,
                   help="API address (default https://api.worldbank.org, or the COURSE_WB_API variable)")
    p.add_argument("--per-page", type=int, default=20000, help="rows per API page (default 20000)")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for each page")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def _download(args: argparse.Namespace) -> int:
    from ..curation.worldbank_api import download

    files = download(args.out, base=args.base_url, per_page=args.per_page, timeout=args.timeout,
                     progress=not args.quiet)
    for f in files:
        print(f)
    print(f"{len(files) - 1} indicators written. Next: `python -m course_lib data refresh --sources {args.out} "
          f"--keep-from data --out DIR` (the other tables unchanged from data/), or put the other sources "
          f"beside wb-wdi/ and leave out --keep-from.")
    return 0


# --------------------------------------------------------------------------- diff
def _diff_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", help="folder of the old data package (e.g. data)")
    parser.add_argument("new", help="folder of the new data package")
    parser.add_argument("--out", default=None, metavar="FILE",
                        help="also write the report as Markdown to FILE")
    parser.add_argument("--top", type=int, default=15,
                        help="changed values listed per resource (default 15)")
    parser.add_argument("--no-claims", action="store_true",
                        help="compare the data only (skip evaluating the claims)")


def _diff_run(args: argparse.Namespace) -> int:
    from ..datadiff import diff

    text = diff(args.old, args.new, out=args.out, claims=not args.no_claims, top=args.top)
    print(text, end="")
    if args.out:
        print(f"\nwritten to {args.out}")
    return 0


# name -> (one-line help, add_arguments, run)
SUBCOMMANDS = {
    "refresh": ("build a data package from a sources folder (validated before it replaces anything)",
                _refresh_arguments, _refresh),
    "download": ("fetch the course's World Bank indicators through the API into a sources folder",
                 _download_arguments, _download),
    "diff": ("what changed between two data packages: rows per resource and claims' verdicts",
             _diff_arguments, _diff_run),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="data_command", metavar="SUBCOMMAND", required=True)
    for name, (text, add, run_) in SUBCOMMANDS.items():
        p = sub.add_parser(name, help=text, description=text)
        add(p)
        p.set_defaults(_data_run=run_)


def run(args: argparse.Namespace) -> int:
    return int(args._data_run(args) or 0)
