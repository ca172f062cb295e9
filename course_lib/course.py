"""The course map, read from each notebook's metadata block (one place for the facts:
objectives, minutes, prerequisites, datasets, article section).

>>> m = course_map()
>>> m.iloc[0]["notebook"]
'00_start_here'
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .runner import course_notebooks


def notebook_meta(path: Path) -> dict:
    """The ``course`` metadata block of one notebook (read as JSON, no kernel)."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    return dict(nb.get("metadata", {}).get("course", {}))


def course_map(folder: Path | None = None) -> pd.DataFrame:
    """One row per notebook: notebook, title, section, minutes, objectives, datasets."""
    rows = []
    for path in course_notebooks(folder):
        meta = notebook_meta(path)
        rows.append(
            {
                "notebook": path.stem,
                "title": meta.get("title", path.stem),
                "section": meta.get("section", ""),
                "minutes": meta.get("minutes"),
                "objectives": meta.get("objectives", []),
                "datasets": meta.get("datasets", []),
            }
        )
    return pd.DataFrame(rows)


def course_map_markdown(folder: Path | None = None) -> str:
    """The course map as a Markdown table (for the start notebook and the README)."""
    m = course_map(folder)
    lines = ["| notebook | article section | minutes | you will |", "|---|---|---|---|"]
    for _, r in m.iterrows():
        first = r["objectives"][0] if r["objectives"] else ""
        lines.append(f"| {r['notebook']} · {r['title']} | {r['section']} | {r['minutes']} | {first} |")
    return "\n".join(lines)
