"""The course's hand-curated fact tables -> ``sco_membership``, ``regional_organizations``,
``unodc_seizures`` and ``source_keys``.

Facts folder (default ``<sources>/../facts``): ``FACTS.md`` (its "Sources" section
defines the source keys) and ``sco_membership.csv``, ``regional_organizations.csv``,
``unodc_opiate_seizures.csv``.

Rules: the tables are copied unchanged (same columns, same text); every source key a
row uses must be defined in FACTS.md; the publisher says plainly that the course
compiled each table from the sources cited on its rows (``FACTS_PUBLISHER``);
rows sorted by key (deterministic).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .codes import check_codes
from .common import LIC_COMPILATION, F, fail, iso3_field, num, read_str_csv, require_file, resource, source, \
    year_field

FACTS_PUBLISHER = "SCO course, compiled from the sources cited on each row of the table"
FACT_COLUMNS = {
    "sco_membership.csv": ["iso3", "country", "status", "start_date", "end_date", "event", "source", "note"],
    "regional_organizations.csv": ["org", "org_name", "iso3", "joined", "left", "source", "status", "note"],
    "unodc_opiate_seizures.csv": ["year", "area", "drug", "tonnes", "source", "note"],
}
FILES = [Path("FACTS.md")] + [Path(n) for n in FACT_COLUMNS]

def parse_source_keys(facts_md: Path) -> pd.DataFrame:
    text = require_file(facts_md, "the fact tables' documentation").read_text(encoding="utf-8")
    m = re.search(r"^## Sources.*?$(.*)", text, flags=re.M | re.S)
    if not m:
        fail(f"{facts_md}: expected a '## Sources' section; found none")
    body = m.group(1)
    items, cur = [], None
    for line in body.splitlines():
        if line.startswith("* **"):
            if cur:
                items.append(cur)
            cur = line[2:].strip()
        elif cur is not None and line.startswith("  ") and line.strip():
            cur += " " + line.strip()
        elif cur is not None:
            items.append(cur)
            cur = None
    if cur:
        items.append(cur)
    rows = []
    for it in items:
        mm = re.match(r"\*\*([A-Za-z0-9_]+)\*\*\s+—\s+(.*)$", it)
        if not mm:
            fail(f"FACTS.md: cannot parse source item {it[:60]!r}")
        key, rest = mm.groups()
        urls = re.findall(r"(https?://\S+)\s*$", rest) or [u.rstrip(").,;") for u in re.findall(r"https?://\S+", rest)]
        url = urls[0] if urls else ""  # trailing address, else the first one in the text
        citation = (rest[: len(rest) - len(url)] if rest.rstrip().endswith(url) else rest.replace(url, "(address in url)")).strip()
        citation = citation.replace("*", "")
        citation = re.sub(r"\s+", " ", citation).strip()
        rows.append({"key": key, "citation": citation, "url": url})
    df = pd.DataFrame(rows)
    if df.key.duplicated().any():
        fail(f"FACTS.md: duplicated source keys {sorted(df.key[df.key.duplicated()])}")
    return df.sort_values("key", kind="mergesort")


def keys_used(series: pd.Series) -> set[str]:
    out = set()
    for v in series:
        out |= {k.strip() for k in v.split(";") if k.strip()}
    return out


def resources(facts: Path) -> tuple[list, dict]:
    out: list = []
    notes: dict = {}

    def add(res_and_data, df):
        out.append((res_and_data, df))

    # ---------------------------------------------------------------- facts
    sk = parse_source_keys(facts / "FACTS.md")
    facts_src = [source("Hand-curated fact tables of the SCO course (sources cited on each row; full "
                        "citations in the source_keys table)", FACTS_PUBLISHER)]
    mem, orgs, uno = (read_str_csv(facts / n, cols, exact=True) for n, cols in FACT_COLUMNS.items())
    check_codes(mem, facts / "sco_membership.csv", code="iso3", name="country")
    check_codes(orgs, facts / "regional_organizations.csv", code="iso3", name=None)
    used = keys_used(mem.source) | keys_used(orgs.source) | keys_used(uno.source)
    missing = sorted(used - set(sk.key))
    if missing:
        fail(f"source keys used in facts tables but not defined in FACTS.md: {missing}")
    notes["source_keys"] = {"defined": len(sk), "used": len(used)}
    date_pat = r"\d{4}(-\d{2}-\d{2})?"
    add(resource(
        "sco_membership", mem, "SCO membership, observers and dialogue partners with dates (course compilation)",
        """
Who belonged to the SCO (and its predecessor, the Shanghai Five) in which role and when, one row per
country and status, with the summit or act that conferred it and the source keys (see `source_keys`).
Copied unchanged from the course's hand-curated fact table.

* `status == "member"` for SCO members; `shanghai_five` rows (1996-2001) describe the predecessor mechanism.
* Dates are text: `YYYY-MM-DD` where a source fixes the day, else `YYYY`. An empty `end_date` = ongoing. A
  status change ends one row and starts the next on the same date.
* Flags and unverified items are in `note` (e.g. Bahrain's memorandum date not verified; Laos 2025).
* The Tianjin summit (2025-09-01) merged "observer" and "dialogue partner" into "SCO partner"; rows keep
  the old statuses.
""", facts_src, [LIC_COMPILATION],
        "SCO course, SCO membership table (compiled from the sources cited per row; see source_keys).",
        [iso3_field(), F("country", "string", "Country", "Short English name", required=True),
         F("status", "string", "Status", "Role in the SCO", required=True,
           enum=["shanghai_five", "member", "observer", "dialogue_partner"]),
         F("start_date", "string", "Start", "YYYY-MM-DD or YYYY", required=True, pattern=date_pat),
         F("end_date", "string", "End", "YYYY-MM-DD or YYYY; empty if ongoing", pattern=date_pat),
         F("event", "string", "Event", "Summit or act that conferred the status"),
         F("source", "string", "Sources", "Source keys, ';'-separated (see source_keys)", required=True),
         F("note", "string", "Note", "Flags, alternative dates, unverified items")],
        ["iso3", "status", "start_date"]), mem.assign(year=mem.start_date.str[:4]))
    add(resource(
        "regional_organizations", orgs, "Members of other regional organizations (course compilation)",
        """
Members of eleven regional organizations (EU, AU, ASEAN, SAARC, OAS, LAS, CIS, EAEU, CSTO, GCC, ECO) with the
year they joined and left, for comparing the SCO with other regional bodies. Copied unchanged from the
course's hand-curated fact table; source keys per row (see `source_keys`).

* Members in June 2017: `status == "member"`, `joined <= 2017`, `left` empty or `> 2017`.
* What "joined" means differs by organization (e.g. AU 2002 = the AU's creation, OAU membership carried
  over); see `note`. The CSTO row for Uzbekistan (2006-2012) is not verified; Georgia's CIS joining year is
  unknown (empty).
""", facts_src, [LIC_COMPILATION],
        "SCO course, regional organizations membership table (compiled from the sources cited per row; see "
        "source_keys).",
        [F("org", "string", "Organization", "Short name", required=True,
           enum=sorted(set(orgs.org))),
         F("org_name", "string", "Organization name", "Full name", required=True),
         iso3_field(),
         year_field("Joined", "Year of joining (see note)", required=False, name="joined"),
         year_field("Left", "Year membership ended; empty if ongoing", required=False, name="left"),
         F("source", "string", "Sources", "Source keys, ';'-separated (see source_keys)", required=True),
         F("status", "string", "Status", "member, associate_member or participating_non_member", required=True,
           enum=["member", "associate_member", "participating_non_member"]),
         F("note", "string", "Note", "Suspensions, exact dates, caveats")],
        ["org", "iso3"]), orgs.assign(year=orgs.joined))
    add(resource(
        "unodc_seizures", uno, "Opiate seizures (UNODC World Drug Reports, course compilation)",
        """
Seizures of heroin, morphine and opium (tonnes, bulk weight) worldwide and for a few countries, typed from
UNODC World Drug Reports and reports quoting them; one source key per row (see `source_keys`). Copied
unchanged from the course's hand-curated fact table.

* **Gaps are kept visible**: no global values for 2010-2012, 2014, 2015, 2017 and 2019, and no country heroin
  seizures for 2012-2016 were found. Derived values (e.g. an implied 2017 total) appear only in `note`,
  never in `tonnes`.
* Some labels are uncertain (2013 heroin/morphine read from a garbled graphic) and some rows come from
  secondary sites; see `note`. `area` is an ISO3 code or `WORLD`.
""", facts_src, [LIC_COMPILATION],
        "SCO course, UNODC opiate seizures table (compiled from World Drug Reports and the sources cited per row; "
        "see source_keys).",
        [year_field("Year", "Data year of the seizures (not the report year)"),
         F("area", "string", "Area", "ISO 3166-1 alpha-3 code or WORLD", required=True,
           pattern="[A-Z]{3}|WORLD"),
         F("drug", "string", "Drug", "heroin, morphine, opium, heroin_and_morphine, opiates_heroin_equivalent",
           required=True, enum=["heroin", "morphine", "opium", "heroin_and_morphine", "opiates_heroin_equivalent"]),
         num("tonnes", "Seized", "tonnes", "Metric tons, bulk weight as reported"),
         F("source", "string", "Source", "Source key (see source_keys)", required=True),
         F("note", "string", "Note", "Caveats, cross-checks, uncertainty flags")],
        ["year", "area", "drug"]), uno)
    add(resource(
        "source_keys", sk, "Source keys of the course's fact tables (key -> citation)",
        f"""
Full citation and web address for every source key used in `sco_membership`, `regional_organizations` and
`unodc_seizures`, as the curators recorded them in the documentation of the fact tables (kept with the
course's source folders; every citation it holds is in this table, so nothing here points outside the
repository).
{len(sk)} keys are defined; {len(used)} of them appear in a `source` column, the others are cited in notes
(e.g. the SCO Secretary-General's statements on heroin seizures, 24KG_2017 and SECTSCO_2018). `url` is the web
address of the page or document that was read for the key: the publisher's own page where it was available,
otherwise a mirror, an archive copy or a secondary site quoting the publisher (the citation names it). For
{int((sk.citation == "").sum())} keys the curators recorded only an address; their `citation` is empty (no
citation is invented).
""", facts_src, [LIC_COMPILATION], "SCO course, source keys of the fact tables.",
        [F("key", "string", "Key", "Source key as used in the fact tables", required=True, unique=True,
           pattern="[A-Za-z0-9_]+"),
         F("citation", "string", "Citation", "Full citation (empty where only an address was recorded)"),
         F("url", "string", "URL", "Web address of the page or document read for the key (the publisher's, "
           "or a mirror, archive or secondary site the citation names)")],
        ["key"]), sk)

    return out, notes
