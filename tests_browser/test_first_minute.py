"""The first minute: `make lab` prints an address, and that address, opened exactly as
printed, shows the start notebook (student edition), not the Launcher.

The server runs the Makefile's own `jupyter lab` arguments (workspace moved to a
temporary folder, our port, no browser; the token is the one the server makes)."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import servers

REPO = servers.REPO


def _makefile_lab_args() -> list[str]:
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    block = re.search(r"^lab:.*?\n((?:\t.*\n)+)", text, re.M).group(1).replace("\\\n", " ")
    line = [ln for ln in block.splitlines() if "jupyter lab" in ln][0].strip()
    return line.split()[2:]


def test_printed_address_opens_the_start_notebook(tmp_path, browser, screenshots):
    work = tmp_path / "workspace"
    subprocess.run([sys.executable, "-m", "course_lib", "workspace", "--dir", str(work)],
                   check=True, capture_output=True)
    port = servers.free_port()  # the server makes its own token and prints it, as for a learner
    args = []
    for a in _makefile_lab_args():
        if a.startswith("--ServerApp.root_dir="):
            args.append(f"--ServerApp.root_dir={work}")
        elif "$(" not in a:
            args.append(a)
    settings = servers.write_lab_settings(tmp_path / "lab-settings")
    cmd = [str(servers.BIN / "jupyter"), "lab", *args, "--no-browser",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
           f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={tmp_path / 'ws'}"]
    log = tmp_path / "lab.log"
    with open(log, "wb") as logf:
        proc = subprocess.Popen(cmd, stdout=logf, stderr=subprocess.STDOUT, cwd=REPO)
        try:
            printed = []
            for _ in range(240):
                printed = re.findall(r"http://127\.0\.0\.1:\d+/\S+", log.read_text(errors="replace"))
                if printed or proc.poll() is not None:
                    break
                time.sleep(0.25)
            assert printed, log.read_text(errors="replace")[-2000:]
            url = printed[-1]
            page = browser.new_page()
            try:
                page.goto(url, wait_until="domcontentloaded")  # exactly as printed
                deadline = time.monotonic() + 120
                tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
                while time.monotonic() < deadline:
                    dialog = page.locator(".jp-Dialog .jp-mod-accept")
                    if dialog.count():
                        dialog.first.click()
                    if tab.count() and page.locator(".jp-NotebookPanel").count():
                        break
                    page.wait_for_timeout(250)
                current = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
                assert "00_start_here.ipynb" in current.first.inner_text(timeout=10000)
                assert page.locator(".jp-Launcher").count() == 0 or \
                    not page.locator(".jp-Launcher").first.is_visible()
                page.wait_for_selector(".jp-NotebookPanel .jp-MarkdownOutput", timeout=60000)
                assert "Start here" in page.locator(".jp-NotebookPanel").first.inner_text()
                page.screenshot(path=str(screenshots / "first_minute.png"))
            finally:
                page.close()
        finally:
            servers.stop_process_tree(proc)
