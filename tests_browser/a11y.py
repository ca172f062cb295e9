"""axe-core (npm) in headless Chromium: WCAG 2.1 A/AA violations of HTML pages.

axe-core is installed by `make test-browser` into build/a11y/node_modules (npm, like the
classroom's proxy); nothing is fetched at test time.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
AXE_JS = REPO / "build" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_RUN = """async (tags) => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                      resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.length,
    examples: v.nodes.slice(0, 3).map(n => (n.target.join(' ') + ' :: ' +
      (n.failureSummary || '').split('\\n').slice(0, 2).join(' ')).slice(0, 300))}));
}"""


def violations(page, url: str) -> list[dict]:
    """Open ``url`` in the Playwright ``page`` and return axe's WCAG 2.1 A/AA violations."""
    page.goto(url, wait_until="load")
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(_RUN, WCAG_TAGS)


def describe(found: dict[str, list[dict]]) -> str:
    lines = []
    for name, vs in found.items():
        for v in vs:
            lines.append(f"{name}: {v['id']} ({v['impact']}, {v['nodes']} nodes): {v['help']}")
            lines += [f"    {e}" for e in v["examples"]]
    return "\n".join(lines)
