"""Any data package, anywhere: COURSE_DATA / --data choose the package that data.load,
the claims, the footer and the notebooks' kernels use; a bad package gives one clear
error naming the file and the fix; run-all passes papermill-style parameters."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course_lib import data, env_report, paths, runner
from course_lib.errors import CourseError, DataError


@pytest.fixture
def clean_env(monkeypatch):
    for var in (paths.DATA_ENV_VAR, paths.LEGACY_DATA_ENV_VAR):
        monkeypatch.delenv(var, raising=False)
    return monkeypatch


@pytest.fixture
def package_copy(tmp_path: Path, repo: Path) -> Path:
    dest = tmp_path / "vintage"
    shutil.copytree(repo / "data", dest)
    return dest


def set_population(folder: Path, iso3: str, year: int, factor: float) -> tuple[int, int]:
    """Scale one population value in a package and record the file's new sha256 and
    bytes in its datapackage.json; return (old, new) value."""
    path = folder / "wb_indicators.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split(",")
    col, ycol = header.index("population"), header.index("year")
    for i, line in enumerate(lines[1:], start=1):
        parts = line.split(",")
        if parts[0] == iso3 and parts[ycol] == str(year):
            old = int(parts[col])
            parts[col] = str(int(old * factor))
            lines[i] = ",".join(parts)
            break
    else:  # pragma: no cover - the fixture data always has the row
        raise AssertionError(f"no row {iso3} {year}")
    raw = "\n".join(lines).encode("utf-8")
    path.write_bytes(raw)
    pkg_path = folder / "datapackage.json"
    pkg = json.loads(pkg_path.read_text(encoding="utf-8"))
    for res in pkg["resources"]:
        if res["name"] == "wb_indicators":
            res["hash"] = "sha256:" + hashlib.sha256(raw).hexdigest()
            res["bytes"] = len(raw)
    pkg_path.write_text(json.dumps(pkg, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return old, int(old * factor)


def test_course_data_chooses_the_package(clean_env, package_copy):
    assert paths.data_dir() == paths.DEFAULT_DATA_DIR
    clean_env.setenv("COURSE_DATA", str(package_copy))
    assert paths.data_dir() == package_copy.resolve()
    ident = data.identity()
    assert ident.folder == str(package_copy.resolve()) and not ident.default
    assert str(package_copy.resolve()) in str(env_report().package)
    assert "the course's data/" in str(data.identity(paths.DEFAULT_DATA_DIR))


def test_old_variable_still_works_and_the_new_one_wins(clean_env, package_copy, tmp_path):
    clean_env.setenv("SCO_COURSE_DATA_DIR", str(package_copy))
    assert paths.data_dir() == package_copy.resolve()
    other = tmp_path / "other"
    clean_env.setenv("COURSE_DATA", str(other))
    assert paths.data_dir() == other.resolve()


def test_load_follows_a_switch_in_one_process(clean_env, package_copy):
    old, new = set_population(package_copy, "CHN", 2017, 0.5)

    def china_2017() -> int:
        wb = data.load("wb_indicators")
        return int(wb.loc[(wb.iso3 == "CHN") & (wb.year == 2017), "population"].iloc[0])

    assert china_2017() == old
    clean_env.setenv("COURSE_DATA", str(package_copy))
    assert china_2017() == new
    assert data.state()[0] == str(package_copy.resolve())
    clean_env.delenv("COURSE_DATA")
    assert china_2017() == old


def test_a_bad_package_fails_on_first_load_naming_the_file_and_the_fix(clean_env, package_copy):
    bad = package_copy / "world_heritage.csv"
    bad.write_bytes(bad.read_bytes()[:-40])
    clean_env.setenv("COURSE_DATA", str(package_copy))
    with pytest.raises(DataError) as err:
        data.load("sco_membership")  # another file: the whole package is checked first
    msg = str(err.value)
    assert str(bad.resolve()) in msg and "sha256" in msg
    assert "data refresh" in msg and "unset COURSE_DATA" in msg
    assert "git checkout" not in msg
    assert len(err.value._render_traceback_()) == 1  # one message, no traceback


def test_a_folder_without_a_package_gets_one_message(clean_env, tmp_path):
    clean_env.setenv("COURSE_DATA", str(tmp_path / "nowhere"))
    with pytest.raises(DataError, match="does not exist.*unset COURSE_DATA"):
        data.load("claims")
    (tmp_path / "empty").mkdir()
    clean_env.setenv("COURSE_DATA", str(tmp_path / "empty"))
    with pytest.raises(DataError, match="holds no datapackage.json"):
        data.names()


def test_claims_follow_the_package_in_a_fresh_process(clean_env, package_copy, repo):
    """The claims (and so the report) read COURSE_DATA: population_share's value moves
    by exactly what the changed country's share of the World total says it should."""
    set_population(package_copy, "CHN", 2017, 0.5)
    code = ("from course_lib.claims import evaluate; print(repr(evaluate('population_share').value))")
    values = []
    for folder in (None, package_copy):
        env = {k: v for k, v in os.environ.items() if k not in ("COURSE_DATA", "SCO_COURSE_DATA_DIR")}
        if folder:
            env["COURSE_DATA"] = str(folder)
        out = subprocess.run([sys.executable, "-c", code], env=env, cwd=repo, text=True,
                             capture_output=True, check=True).stdout
        values.append(float(out.strip().splitlines()[-1]))
    assert values[1] < values[0]


def _tiny_notebook(folder: Path, name: str = "00_tiny.ipynb") -> Path:
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("snapshot_year = 2017")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(
        "from course_lib import data\nprint('FOLDER', data.identity().folder)\n"
        "print('YEAR', snapshot_year)")]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    nbformat.write(nb, str(path))
    return path


def _outputs(path: Path) -> str:
    nb = nbformat.read(str(path), as_version=4)
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code"
                   for o in c.get("outputs", []))


def test_run_all_with_data_and_a_parameter(clean_env, package_copy, tmp_path, repo):
    src = tmp_path / "nbs"
    _tiny_notebook(src)
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if k not in ("COURSE_DATA", "SCO_COURSE_DATA_DIR")}
    subprocess.run([sys.executable, "-m", "course_lib", "run-all", "--source", str(src),
                    "--out", str(out), "--data", str(package_copy), "-p", "snapshot_year",
                    "2020", "--quiet"], env=env, cwd=repo, check=True, capture_output=True)
    text = _outputs(out / "00_tiny.ipynb")
    assert f"FOLDER {package_copy.resolve()}" in text and "YEAR 2020" in text
    executed = nbformat.read(str(out / "00_tiny.ipynb"), as_version=4)
    assert "injected-parameters" in executed.cells[1].metadata["tags"]
    assert _outputs(src / "00_tiny.ipynb") == ""  # the source notebook is untouched


def test_an_unknown_parameter_is_a_clear_error(tmp_path, repo):
    src = tmp_path / "nbs"
    _tiny_notebook(src)
    proc = subprocess.run([sys.executable, "-m", "course_lib", "run-all", "--source", str(src),
                           "--out", str(tmp_path / "out"), "-p", "snapshot_yr", "2020",
                           "--quiet"], cwd=repo, capture_output=True, text=True)
    assert proc.returncode == 2
    assert "snapshot_yr" in proc.stderr and "snapshot_year (in 00)" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_run_all_with_a_bad_data_folder_is_a_clear_error(tmp_path, repo):
    proc = subprocess.run([sys.executable, "-m", "course_lib", "run-all", "--data",
                           str(tmp_path / "nowhere"), "--quiet"], cwd=repo,
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "does not exist" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_inject_parameters_replaces_an_earlier_injection():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("a = 1\nb: int = 2"),
                                         nbformat.v4.new_code_cell("print(a)")])
    nb.cells[0].metadata["tags"] = ["parameters"]
    assert runner.declared_parameters(nb) == {"a": "1", "b": "2"}
    runner.inject_parameters(nb, {"a": 5})
    runner.inject_parameters(nb, {"b": 7})
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and injected[0].source == "# Parameters\nb = 7\n"
    assert nb.cells.index(injected[0]) == 1
    with pytest.raises(CourseError, match="no parameter c"):
        runner.inject_parameters(nb, {"c": 1})


def test_identity_reads_the_vintage_from_the_sources(clean_env, package_copy):
    pkg_path = package_copy / "datapackage.json"
    pkg = json.loads(pkg_path.read_text(encoding="utf-8"))
    pkg["resources"][0]["sources"] = [{"publisher": "World Bank", "title": "WDI API",
                                       "lastUpdated": "2026-07-01"}]
    pkg_path.write_text(json.dumps(pkg), encoding="utf-8")
    ident = data.identity(package_copy)
    assert ident.vintage.startswith("World Bank 2026-07-01; ")
    assert ident.sha256 == hashlib.sha256(pkg_path.read_bytes()).hexdigest()
    expected = {f"{s['repository']}@{s['commit'][:7]}" for r in pkg["resources"]
                for s in r.get("sources", []) if s.get("commit")}
    assert set(ident.vintage.split("; ")[1:]) == expected


def test_identity_and_check_package_live_in_data_identity_and_stay_in_data():
    """data.identity, data.check_package, data.use and data.DataIdentity are the objects
    of course_lib.data_identity, whichever of the two modules a fresh process imports first."""
    from course_lib import data_identity

    for name in ("identity", "check_package", "use", "DataIdentity"):
        assert getattr(data, name) is getattr(data_identity, name)
        assert name in dir(data)
    with pytest.raises(AttributeError):
        data.no_such_name  # noqa: B018
    for first in ("course_lib.data_identity", "course_lib.data"):
        code = (f"import {first}\nfrom course_lib.data import identity\n"
                "from course_lib import data_identity\n"
                "assert identity is data_identity.identity\nprint(identity().name)\n")
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert run.stdout.strip() == data.package()["name"]
