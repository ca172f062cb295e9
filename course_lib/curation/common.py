"""Shared pieces of the curation: citations, licences, schema helpers and the writer of
one resource (CSV bytes + its Data Package descriptor).

Rules kept by every curation module: numbers are copied as published, gaps stay gaps
(empty cells), output is deterministic (no timestamps; rows sorted).
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pandas as pd

ARTICLE = "Alimov 2017, UN Chronicle LIV(3)"
ARTICLE_FULL = (
    'Rashid Alimov, "The Role of the Shanghai Cooperation Organization in Counteracting '
    'Threats to Peace and Security", UN Chronicle, Vol. LIV, No. 3 (October 2017)'
)
YEAR_MIN, YEAR_MAX = 1900, 2030
ISO3_PATTERN = "[A-Z]{3}"


class CurationError(RuntimeError):
    """A source does not look as expected: stop rather than write doubtful data."""


def fail(msg: str) -> None:
    raise CurationError(msg)


# =====================================================================================
# Licences
# =====================================================================================
LIC_CC_BY = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
LIC_CC0 = {
    "name": "CC0-1.0",
    "title": "CC0 1.0 Universal (Natural Earth: public domain)",
    "path": "https://creativecommons.org/publicdomain/zero/1.0/",
}
LIC_UNESCO = {
    "name": "other-attribution",
    "title": "UNESCO terms of use; cite the World Heritage Centre",
}
LIC_FAS_OWID = {
    "name": "other-attribution",
    "title": "Attribution required: cite the original producers (FAS / Bleek / NTI) and "
    "Our World in Data; the producers' terms apply",
}
LIC_SIPRI = {
    "name": "other-attribution",
    "title": "SIPRI terms: free use with citation (SIPRI Military Expenditure Database)",
}
LIC_COMPILATION = {
    "name": "CC-BY-4.0",
    "title": "CC BY 4.0 (course compilation; sources cited per row)",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
LIC_ARTICLE_FACTS = {
    "name": "CC-BY-4.0",
    "title": "CC BY 4.0 (course compilation of facts; paraphrases are our own words)",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def gh_url(repo: str, commit: str, path: str) -> str:
    return f"https://github.com/{repo}/blob/{commit}/{path}"


def source(title: str, publisher: str, repo: str | None = None, commit: str | None = None,
           repo_path: str | None = None, url: str | None = None) -> dict:
    s: dict = {"title": title, "publisher": publisher}
    if url:
        s["path"] = url
    elif repo and commit and repo_path:
        s["path"] = gh_url(repo, commit, repo_path)
    if repo:
        s["repository"] = repo
    if commit:
        s["commit"] = commit
    return s


# =====================================================================================
# Schema helpers
# =====================================================================================
def F(name: str, type_: str, title: str, description: str = "", unit: str | None = None, **cons) -> dict:
    f = {"name": name, "type": type_, "title": title}
    if description:
        f["description"] = description
    if unit:
        f["unit"] = unit
    if cons:
        f["constraints"] = cons
    return f


def iso3_field(desc: str = "ISO 3166-1 alpha-3 code (upper case)", required: bool = True) -> dict:
    return F("iso3", "string", "ISO3 code", desc, required=required, pattern=ISO3_PATTERN)


def year_field(title: str = "Year", desc: str = "Calendar year", required: bool = True, name: str = "year") -> dict:
    return F(name, "integer", title, desc, required=required, minimum=YEAR_MIN, maximum=YEAR_MAX)


def num(name: str, title: str, unit: str, desc: str = "", integer: bool = False, minimum: float | None = 0) -> dict:
    cons = {} if minimum is None else {"minimum": minimum}
    return F(name, "integer" if integer else "number", title, desc, unit=unit, **cons)


def country_field(desc: str = "Country name as published by the source") -> dict:
    return F("country", "string", "Country", desc, required=True)


# =====================================================================================
# Writing
# =====================================================================================
def to_csv_bytes(df: pd.DataFrame) -> bytes:
    out = df.copy()
    for c in out.columns:
        out[c] = out[c].map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v))
    buf = io.StringIO()
    out.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue().encode("utf-8")


def write_if_changed(path: Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)


def resource(name: str, df: pd.DataFrame, title: str, description: str, sources: list[dict],
             licenses: list[dict], citation: str, fields: list[dict], primary_key: list[str]) -> tuple[dict, bytes]:
    if [f["name"] for f in fields] != list(df.columns):
        fail(f"{name}: schema fields {[f['name'] for f in fields]} != columns {list(df.columns)}")
    if df.duplicated(primary_key).any():
        fail(f"{name}: primary key {primary_key} not unique")
    data = to_csv_bytes(df)
    res = {
        "name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "format": "csv",
        "mediatype": "text/csv", "encoding": "utf-8", "title": title, "description": description.strip(),
        "sources": sources, "licenses": licenses, "citation": citation,
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(), "bytes": len(data), "rows": len(df),
        "schema": {"fields": fields, "primaryKey": primary_key, "missingValues": [""]},
    }
    return res, data


def year_range(df: pd.DataFrame, col: str = "year") -> str:
    if col not in df.columns:
        return ""
    v = pd.to_numeric(df[col].replace("", None)).dropna()
    return f"{int(v.min())}-{int(v.max())}" if len(v) else ""


def readme(pkg: dict) -> str:
    lines = [
        "# Course data catalogue",
        "",
        "Generated by `tools/curate_data.py` from `data/datapackage.json` (do not edit by hand;",
        "re-run the script instead). Every table is a UTF-8 CSV with one header row; missing",
        "values are empty cells. Load them with `course_lib.data.load(name)`, which checks each",
        "file against the sha256 below.",
        "",
        pkg["description"],
        "",
        "| name | title | rows | years | kB | licence |",
        "|---|---|---:|---|---:|---|",
    ]
    for r in pkg["resources"]:
        yrs = r.get("_years", "")
        lic = "; ".join(x.get("title", x["name"]) for x in r["licenses"])
        lines.append(f"| [`{r['name']}`](#{r['name']}) | {r['title']} | {r['rows']:,} | {yrs} | "
                     f"{r['bytes'] / 1024:.1f} | {lic} |")
    for r in pkg["resources"]:
        lines += ["", f"## {r['name']}", "", f"**{r['title']}** · file `data/{r['path']}` · {r['rows']:,} rows · "
                  f"{r['bytes']:,} bytes · `{r['hash']}`", "", r["description"], "", "**Sources**", ""]
        for s in r["sources"]:
            bits = [s["title"], s.get("publisher", "")]
            if s.get("repository"):
                bits.append(f"repository `{s['repository']}`" + (f" at commit `{s['commit'][:12]}`" if s.get("commit") else ""))
            line = "- " + "; ".join(b for b in bits if b)
            if s.get("path"):
                line += f" <{s['path']}>"
            lines.append(line)
        lines += ["", "**Licence:** " + "; ".join(
            (f"[{x.get('title', x['name'])}]({x['path']})" if x.get("path") else x.get("title", x["name"]))
            for x in r["licenses"]), "", f"**Cite as:** {r['citation']}", "",
            "Primary key: " + ", ".join(f"`{k}`" for k in r["schema"]["primaryKey"]), "",
            "| column | type | unit | description | constraints |", "|---|---|---|---|---|"]
        for f in r["schema"]["fields"]:
            cons = "; ".join(f"{k}={v}" for k, v in f.get("constraints", {}).items())
            desc = f.get("description", f.get("title", "")).replace("|", "\\|")
            lines.append(f"| `{f['name']}` | {f['type']} | {f.get('unit', '')} | {desc} | {cons.replace('|', chr(92) + '|')} |")
    return "\n".join(lines) + "\n"
