"""Each package refresh builds has an identity: a version from its sources' last-updated
dates and a content hash, in datapackage.json, in every notebook footer (env_report) and
in data.identity(); two packages that differ in one number are told apart."""

from __future__ import annotations

import hashlib
import json

import pandas as pd
from conftest import fixture_copy, quiet

from course_lib import data
from course_lib.curation.package import refresh
from course_lib.env import env_report


def build(src, out):
    refresh(src, out, log=quiet, published_totals=False, use_frictionless=False)
    return json.loads((out / "datapackage.json").read_text(encoding="utf-8"))


def raise_china_2017(src, factor=1.002):  # the fixture world is small: stay within its 1 % check
    path = src / "wb-wdi" / "sp.pop.totl.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    row = (df["Country Code"] == "CHN") & (df.Year == "2017")
    df.loc[row, "Value"] = str(round(float(df.loc[row, "Value"].iloc[0]) * factor))
    df.to_csv(path, index=False, lineterminator="\n")


def test_version_from_the_sources_dates_and_a_content_hash(tmp_path):
    src = fixture_copy(tmp_path)
    doc = src / "wb-wdi" / "SOURCE.md"
    doc.write_text(doc.read_text(encoding="utf-8")
                   + "\n- Commit: `" + "a" * 40 + "` (2026-05-04)\n", encoding="utf-8")
    pkg = build(src, tmp_path / "one")
    assert pkg["vintage"]["wb-wdi"] == "2026-05-04"
    dates = [d for d in pkg["vintage"].values() if d]
    assert pkg["version"] == max(dates).replace("-", ".")
    lines = sorted(f"{r['path']}\t{r['hash']}\n" for r in pkg["resources"])
    assert pkg["content_hash"] == "sha256:" + hashlib.sha256("".join(lines).encode()).hexdigest()


def test_two_packages_that_differ_in_one_number_are_told_apart(tmp_path):
    src = fixture_copy(tmp_path)
    old = build(src, tmp_path / "old")
    raise_china_2017(src)
    new = build(src, tmp_path / "new")
    assert old["version"] == new["version"]  # same sources' dates ...
    assert old["content_hash"] != new["content_hash"]  # ... other content
    id_old, id_new = data.identity(tmp_path / "old"), data.identity(tmp_path / "new")
    assert id_old.content_hash == old["content_hash"] and id_new.content_hash == new["content_hash"]
    assert id_old.short != id_new.short and new["content_hash"].split(":")[1][:12] in str(id_new)


def test_the_notebook_footer_shows_the_identity(data_copy):
    ident = data.identity()
    report = env_report()
    assert ident.short in report.package and ident.short in report._repr_markdown_()
    assert str(data_copy) in report._repr_markdown_()
