"""The World Bank's own formats (bulk CSV, its zip, the API's JSON pages) give the same
``wb_indicators`` as the long CSV; ``data download worldbank`` fetches every page from a
real local HTTP server that speaks the API's format; offline, it says how to download
by hand. No test needs the internet."""

from __future__ import annotations

import http.server
import shutil
import threading
import urllib.parse
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from conftest import fixture_copy, quiet

from course_lib.cli import main
from course_lib.curation.package import refresh
from course_lib.curation.worldbank import WB_SERIES
from course_lib.curation.worldbank_api import download
from course_lib.curation.worldbank_formats import read_indicator
from course_lib.errors import CourseError

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WB_FIX = FIXTURES / "worldbank"
BULK = WB_FIX / "API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv"
CODES = [code for _c, code, _t, _u in WB_SERIES]





def build(src: Path, out: Path) -> Path:
    refresh(src, out, log=quiet, published_totals=False, use_frictionless=False)
    return out


def published(df: pd.DataFrame) -> set[tuple[str, str, str, str]]:
    """The (name, code, year, value) rows that carry a value."""
    df = df[df.Value != ""]
    return set(zip(df["Country Name"], df["Country Code"], df.Year, df.Value))


def long_fixture(code: str) -> pd.DataFrame:
    return pd.read_csv(FIXTURES / "sources" / "wb-wdi" / f"{code}.csv", dtype=str, keep_default_na=False)


# ------------------------------------------------------------------ readers
def test_bulk_csv_reads_as_the_long_layout(tmp_path):
    (tmp_path / BULK.name).write_bytes(BULK.read_bytes())
    df, path, meta = read_indicator(tmp_path, "sp.pop.totl")
    assert path.name == BULK.name
    assert meta == {"format": "bulk", "last_updated": "2026-10-15"}
    assert published(df) == published(long_fixture("sp.pop.totl"))


def test_bulk_zip_from_the_indicator_page_reads_the_same(tmp_path):
    with zipfile.ZipFile(tmp_path / "API_SP.POP.TOTL_DS2_en_csv_v2_fixture.zip", "w") as zf:
        zf.writestr(BULK.name, BULK.read_bytes())
        zf.writestr("Metadata_Country_API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv", '"Country Code","Region"\n')
    df, path, meta = read_indicator(tmp_path, "sp.pop.totl")
    assert path.suffix == ".zip" and meta["format"] == "bulk"
    assert published(df) == published(long_fixture("sp.pop.totl"))


def test_api_json_pages_read_the_same_and_keep_the_published_text(tmp_path):
    shutil.copy(WB_FIX / "sp.pop.totl.json", tmp_path)
    df, _path, meta = read_indicator(tmp_path, "sp.pop.totl")
    assert meta["format"] == "api" and meta["last_updated"] == "2026-10-15"
    assert published(df) == published(long_fixture("sp.pop.totl"))
    assert df.loc[(df["Country Code"] == "OMN") & (df.Year == "2018"), "Value"].tolist() == [""]  # null stays a gap


@pytest.mark.parametrize("layout", ["bulk csv", "bulk zip", "api json"])
def test_refresh_from_a_world_bank_download_gives_the_same_table(tmp_path, layout):
    src = fixture_copy(tmp_path)
    reference = build(src, tmp_path / "ref")
    folder = src / "wb-wdi"
    (folder / "sp.pop.totl.csv").unlink()
    if layout == "bulk csv":
        shutil.copy(BULK, folder)
    elif layout == "bulk zip":
        with zipfile.ZipFile(folder / "API_SP.POP.TOTL_DS2_en_csv_v2_fixture.zip", "w") as zf:
            zf.writestr(BULK.name, BULK.read_bytes())
    else:
        shutil.copy(WB_FIX / "sp.pop.totl.json", folder)
    out = build(src, tmp_path / "out")
    assert (out / "wb_indicators.csv").read_bytes() == (reference / "wb_indicators.csv").read_bytes()
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "last updated 2026-10-15" in readme  # the vintage says where the data came from
    assert "data.worldbank.org/indicator/SP.POP.TOTL" in readme or "indicator/SP.POP.TOTL?format=json" in readme


def test_two_files_for_one_indicator_are_refused(tmp_path):
    shutil.copy(BULK, tmp_path)
    shutil.copy(WB_FIX / "sp.pop.totl.json", tmp_path)
    with pytest.raises(CourseError, match="several: .*sp.pop.totl.json.*keep one"):
        read_indicator(tmp_path, "sp.pop.totl")


def test_a_file_of_another_indicator_is_refused(tmp_path):
    (tmp_path / "ny.gdp.mktp.cd.json").write_text(
        (WB_FIX / "sp.pop.totl.json").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(CourseError, match="ny.gdp.mktp.cd.json: expected rows of indicator NY.GDP.MKTP.CD"):
        read_indicator(tmp_path, "ny.gdp.mktp.cd")


def test_missing_api_pages_and_api_errors_are_named(tmp_path):
    text = (WB_FIX / "sp.pop.totl.json").read_text(encoding="utf-8")
    first_page = text.split("\n")[1].rstrip(",")
    (tmp_path / "sp.pop.totl.json").write_text(first_page, encoding="utf-8")
    with pytest.raises(CourseError, match=r"all 2 pages .*missing \[2\]"):
        read_indicator(tmp_path, "sp.pop.totl")
    (tmp_path / "sp.pop.totl.json").write_text(
        '[{"message":[{"id":"120","key":"Invalid value","value":"The provided parameter value is not valid"}]}]',
        encoding="utf-8")
    with pytest.raises(CourseError, match="error message: The provided parameter value is not valid"):
        read_indicator(tmp_path, "sp.pop.totl")


def test_a_bulk_csv_without_its_header_is_named(tmp_path):
    lines = BULK.read_text(encoding="utf-8").splitlines()
    (tmp_path / BULK.name).write_text("\n".join(lines[:4] + lines[5:]) + "\n", encoding="utf-8")
    with pytest.raises(CourseError, match=r"API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv: expected a header row"):
        read_indicator(tmp_path, "sp.pop.totl")


# ------------------------------------------------------------------ a local API server
def api_pages(code: str, per_page: int) -> list[str]:
    """The fixture's long CSV served as the API serves an indicator: [meta, rows] pages,
    values written as JSON numbers with the published text, null where none."""
    df = long_fixture(code)
    rows = [
        '{"indicator":{"id":"%s","value":"x"},"country":{"id":"%s","value":"%s"},"countryiso3code":"%s",'
        '"date":"%s","value":%s,"unit":"","obs_status":"","decimal":1}'
        % (code.upper(), c[:2], n, c, y, v or "null")
        for n, c, y, v in zip(df["Country Name"], df["Country Code"], df.Year, df.Value)
    ]
    rows.append('{"indicator":{"id":"%s","value":"x"},"country":{"id":"XZ","value":"Unclassified"},'
                '"countryiso3code":"","date":"2017","value":null,"unit":"","obs_status":"","decimal":1}'
                % code.upper())  # the API serves a few rows without an ISO3 code: dropped
    n = max(1, -(-len(rows) // per_page))
    return ['[{"page":%d,"pages":%d,"per_page":%d,"total":%d,"sourceid":"2","lastupdated":"2026-10-15"},[%s]]'
            % (i + 1, n, per_page, len(rows), ",".join(rows[i * per_page:(i + 1) * per_page])) for i in range(n)]


@pytest.fixture
def api_server():
    """A real HTTP server on 127.0.0.1 answering /v2/country/all/indicator/CODE?format=json&per_page=&page=."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            requests.append(self.path)
            url = urllib.parse.urlparse(self.path)
            q = dict(urllib.parse.parse_qsl(url.query))
            code = url.path.rsplit("/", 1)[-1].lower()
            if not url.path.startswith("/v2/country/all/indicator/") or code not in CODES or q.get("format") != "json":
                self.send_response(404)
                self.end_headers()
                return
            pages = api_pages(code, int(q.get("per_page", 50)))
            body = pages[int(q.get("page", 1)) - 1].encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json;charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_download_fetches_every_page_and_refresh_reads_it(tmp_path, api_server, capsys):
    base, requests = api_server
    src = fixture_copy(tmp_path)
    reference = build(src, tmp_path / "ref")
    shutil.rmtree(src / "wb-wdi")
    files = download(src, base=base, per_page=4, progress=True)
    assert sorted(p.name for p in files) == sorted([f"{c}.json" for c in CODES] + ["SOURCE.md"])
    expected = sum(len(api_pages(c, 4)) for c in CODES)
    assert len(requests) == expected and all("per_page=4" in r for r in requests)
    assert "World Bank API" in capsys.readouterr().err  # the progress bar
    out = build(src, tmp_path / "out")
    assert (out / "wb_indicators.csv").read_bytes() == (reference / "wb_indicators.csv").read_bytes()
    assert "API (JSON), last updated 2026-10-15" in (out / "README.md").read_text(encoding="utf-8")


def test_download_command_uses_the_address_from_the_environment(tmp_path, api_server, monkeypatch, capsys):
    base, requests = api_server
    monkeypatch.setenv("COURSE_WB_API", base)
    code = main(["data", "download", "worldbank", "--out", str(tmp_path / "dl"), "--quiet"])
    assert code == 0 and len(requests) == len(CODES)  # default page size: one page each
    assert "10 indicators written" in capsys.readouterr().out
    assert (tmp_path / "dl" / "wb-wdi" / "sp.pop.totl.json").is_file()


def test_download_offline_names_the_address_and_the_way_by_hand(tmp_path, capsys):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = main(["data", "download", "worldbank", "--out", str(tmp_path / "dl"), "--quiet",
                 "--base-url", f"http://127.0.0.1:{port}", "--timeout", "5"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"http://127.0.0.1:{port}/v2/country/all/indicator/SP.POP.TOTL?format=json" in err
    assert "data.worldbank.org/indicator/SP.POP.TOTL" in err and "by hand" in err
    assert not (tmp_path / "dl").exists()  # nothing written


def test_download_refuses_a_folder_with_other_files_for_the_indicators(tmp_path):
    src = fixture_copy(tmp_path)
    with pytest.raises(CourseError, match="sp.pop.totl.csv"):
        download(src, base="http://127.0.0.1:9", progress=False)
