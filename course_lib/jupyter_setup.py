"""Settings the course writes into its own virtual environment (never the user's
home): JupyterLab's news and update toasts off, so nothing covers the notebook.

Run by ``make setup`` as ``python -m course_lib.jupyter_setup``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    }
}


def write_overrides(prefix: Path | None = None) -> Path:
    """Write ``share/jupyter/lab/settings/overrides.json`` under the environment."""
    prefix = Path(prefix or sys.prefix)
    target = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    current = {}
    if target.exists():
        try:
            current = json.loads(target.read_text(encoding="utf-8"))
        except ValueError:
            current = {}
    current.update(OVERRIDES)
    target.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
    return target


if __name__ == "__main__":
    print(f"wrote {write_overrides()}")
