"""Download the World Bank indicators the course uses through the World Bank's API.

``download(out)`` fetches every indicator of ``WB_SERIES`` from
``https://api.worldbank.org/v2/country/all/indicator/CODE?format=json&per_page=N&page=P``
(all pages) and writes ``out/wb-wdi/<code>.json`` (the pages as the API served them,
byte for byte, in one JSON list) and ``out/wb-wdi/SOURCE.md``, so that
``python -m course_lib data refresh`` can read the folder as a World Bank source.

The base address can be changed (``base=`` or the environment variable
``COURSE_WB_API``), which the tests use to serve pages from a local server. Nothing is
written until every page of every indicator has arrived; when the API cannot be reached
the error names the address and says how to download the files by hand.

>>> indicator_url("https://api.worldbank.org", "sp.pop.totl", 2, 500)
'https://api.worldbank.org/v2/country/all/indicator/SP.POP.TOTL?format=json&per_page=500&page=2'
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import Path

from .common import CurationError
from .worldbank import WB_SERIES

API_BASE = "https://api.worldbank.org"
BASE_ENV = "COURSE_WB_API"
PER_PAGE = 20000


def indicator_url(base: str, code: str, page: int, per_page: int) -> str:
    return (f"{base.rstrip('/')}/v2/country/all/indicator/{code.upper()}"
            f"?format=json&per_page={per_page}&page={page}")


def by_hand(code: str, out: Path) -> str:
    """How to get one indicator without this command."""
    return (f"To download it by hand, open https://data.worldbank.org/indicator/{code.upper()} , choose "
            f"Download > CSV and put the zip (API_{code.upper()}_DS2_....zip) into {out / 'wb-wdi'}/ ; or save "
            f"the API address above in a browser as {out / 'wb-wdi' / (code + '.json')} .")


def _get(url: str, timeout: float) -> bytes:
    req = urllib.request.Request(url, headers={"User-Agent": "sco-course (python urllib)"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (http(s) only)
        return resp.read()


def fetch_indicator(code: str, out: Path, base: str, per_page: int, timeout: float, bar=None) -> tuple[bytes, dict]:
    """Every page of one indicator, joined into one JSON list (bytes), and the first page's meta."""
    pages: list[bytes] = []
    page, n_pages, meta = 1, 1, {}
    while page <= n_pages:
        url = indicator_url(base, code, page, per_page)
        try:
            raw = _get(url, timeout)
        except (urllib.error.URLError, OSError, TimeoutError) as exc:
            reason = getattr(exc, "reason", exc)
            raise CurationError(f"Could not download {url} ({reason}). {by_hand(code, out)}") from None
        try:
            data = json.loads(raw.decode("utf-8"), parse_float=str, parse_int=str)
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise CurationError(f"{url}: expected the API's JSON; found {raw[:80]!r}. {by_hand(code, out)}") from None
        if not (isinstance(data, list) and len(data) == 2 and isinstance(data[0], dict) and "pages" in data[0]):
            raise CurationError(f"{url}: expected a JSON list [meta, rows]; found {raw[:120]!r}. "
                                f"{by_hand(code, out)}")
        if page == 1:
            meta = data[0]
            n_pages = int(meta["pages"])
            if bar is not None and n_pages > 1:
                bar.total += n_pages - 1
                bar.refresh()
        pages.append(raw.strip())
        if bar is not None:
            bar.update(1)
        page += 1
    return b"[\n" + b",\n".join(pages) + b"\n]\n", meta


def source_md(base: str, per_page: int, metas: dict[str, dict]) -> str:
    lines = ["# World Bank World Development Indicators, downloaded through the API", "",
             "Written by `python -m course_lib data download worldbank`. One file per indicator,",
             "`<code>.json`: every page the API served for the address below, unchanged, in one JSON list.", "",
             "| file | address (page 1) | rows | last updated |", "| --- | --- | ---: | --- |"]
    for code, meta in metas.items():
        lines.append(f"| `{code}.json` | {indicator_url(base, code, 1, per_page)} | {meta.get('total', '')} | "
                     f"{meta.get('lastupdated', '')} |")
    lines += ["", "Licence: CC BY 4.0 (World Bank, World Development Indicators); cite the World Bank.", ""]
    return "\n".join(lines)


def download(out: Path, base: str | None = None, per_page: int = PER_PAGE, timeout: float = 60.0,
             progress: bool = True, codes: list[str] | None = None) -> list[Path]:
    """Fetch the course's indicators into ``out/wb-wdi/``; return the files written."""
    base = base or os.environ.get(BASE_ENV) or API_BASE
    codes = codes or [code for _c, code, _t, _u in WB_SERIES]
    out = Path(out)
    from .worldbank_formats import candidates

    clash = [p for code in codes for p in candidates(out / "wb-wdi", code) if p.name != f"{code}.json"]
    if clash:
        raise CurationError(f"{out / 'wb-wdi'}: expected a folder with no other file for these indicators "
                            f"(refresh reads one file per indicator); found {[p.name for p in clash]}. "
                            "Download into a new folder, or move those files away.")
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(codes), unit="page", desc="World Bank API")
    got: dict[str, tuple[bytes, dict]] = {}
    try:
        for code in codes:
            if bar is not None:
                bar.set_postfix_str(code.upper())
            got[code] = fetch_indicator(code, out, base, per_page, timeout, bar)
    finally:
        if bar is not None:
            bar.close()
    folder = out / "wb-wdi"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for code, (data, _meta) in got.items():
        (folder / f"{code}.json").write_bytes(data)
        written.append(folder / f"{code}.json")
    (folder / "SOURCE.md").write_text(source_md(base, per_page, {c: m for c, (_d, m) in got.items()}),
                                      encoding="utf-8")
    return written + [folder / "SOURCE.md"]
