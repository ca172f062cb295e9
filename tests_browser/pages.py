"""What the browser tests do in a page: open a notebook in JupyterLab, clear and run it
through the menus, read its outputs, and work an explorer with the keyboard alone.

An explorer (``course_lib.widgets.explorer``) is a ``.course-explorer`` box: controls,
a readout ``.explorer-readout`` (an aria-live region) and the figure as an
``img.widget-image`` whose ``src`` (a blob URL) changes on every redraw.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Locator, Page

# Seconds; the machine may be busy (2 cores shared), so these are generous.
RUN_TIMEOUT = float(os.environ.get("COURSE_BROWSER_RUN_TIMEOUT", "600"))
REDRAW_TIMEOUT = float(os.environ.get("COURSE_BROWSER_REDRAW_TIMEOUT", "30"))
VIEWPORT = {"width": 1280, "height": 900}

# --- JupyterLab ---------------------------------------------------------------------

# The current notebook panel, through window.jupyterapp (LabApp.expose_app_in_browser).
_PANEL = "window.jupyterapp?.shell?.currentWidget"

_READY_JS = f"""() => {{
  const w = {_PANEL};
  return !!(w && w.content && w.context?.isReady
            && w.sessionContext?.session?.kernel?.status === 'idle');
}}"""

_STATE_JS = f"""() => {{
  const w = {_PANEL};
  const prompts = [...w.node.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
      .map(e => e.textContent.trim());
  const cells = [];
  for (const c of w.content.model.cells) {{
    if (c.type !== 'code') continue;
    const outs = [];
    for (let i = 0; i < c.outputs.length; i++) outs.push(c.outputs.get(i).toJSON());
    cells.push({{
      count: c.executionCount,
      errors: outs.filter(o => o.output_type === 'error')
                  .map(o => `${{o.ename}}: ${{o.evalue}}`),
      stderr: outs.filter(o => o.output_type === 'stream' && o.name === 'stderr').length,
      source: c.sharedModel.getSource().slice(0, 80),
    }});
  }}
  const widgetErrors = [...w.node.querySelectorAll('.jupyter-widgets-error-widget')]
      .map(e => e.textContent.slice(0, 200))
      .concat([...w.node.querySelectorAll('.jp-OutputArea-output')]
              .filter(e => /^Error displaying widget/.test(e.textContent.trim()))
              .map(e => e.textContent.trim().slice(0, 200)));
  return {{
    prompts, cells, widgetErrors,
    status: w.sessionContext?.session?.kernel?.status ?? 'none',
    indicator: w.node.querySelector('.jp-Notebook-ExecutionIndicator')
        ?.getAttribute('data-status') ?? null,
  }};
}}"""


def new_page(browser) -> tuple[Page, list[str]]:
    """A page, and the list its console errors and uncaught exceptions go into."""
    page = browser.new_page(viewport=VIEWPORT)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console.{m.type}: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"uncaught: {e}"))
    return page, problems


def open_notebook(page: Page, url: str) -> None:
    """Open a notebook URL and wait for the document and an idle kernel."""
    page.goto(url, wait_until="domcontentloaded")
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        # A notebook without a kernelspec asks which kernel: take the default.
        dialog = page.locator(".jp-Dialog .jp-mod-accept")
        if dialog.count():
            dialog.first.click()
        if page.evaluate(_READY_JS):
            break
        page.wait_for_timeout(250)
    else:
        raise TimeoutError("notebook or kernel not ready after 180 s")
    # More room for the notebook: close the left side bar (the file browser).
    page.evaluate("""() => { const s = window.jupyterapp.shell;
        if (!s.leftCollapsed) window.jupyterapp.commands.execute('application:toggle-left-area'); }""")


def _menu(page: Page, menu: str, command: str) -> None:
    page.locator("#jp-menu-panel .lm-MenuBar-item", has_text=menu).first.click()
    item = page.locator(f"li.lm-Menu-item[data-command='{command}']")
    item.wait_for(state="visible")
    item.click()


def clear_outputs(page: Page) -> None:
    """Edit > Clear Outputs of All Cells (the kernel of an earlier visit is not reused:
    each test opens the notebook with a fresh kernel)."""
    _menu(page, "Edit", "editmenu:clear-all")
    page.wait_for_function(f"""() => [...{_PANEL}.content.model.cells]
        .every(c => c.type !== 'code' || (c.outputs.length === 0 && c.executionCount === null))""")


@dataclass
class RunResult:
    seconds: float
    prompts: list[str]
    cells: list[dict]
    widget_errors: list[str]

    @property
    def errors(self) -> list[str]:
        return [f"cell {i} ({c['source']!r}...): {e}" for i, c in enumerate(self.cells, 1)
                for e in c["errors"]]

    @property
    def unnumbered(self) -> list[int]:
        return [i for i, c in enumerate(self.cells, 1) if c["count"] is None]

    @property
    def stderr_outputs(self) -> int:
        return sum(c["stderr"] for c in self.cells)


def run_all(page: Page, timeout: float = RUN_TIMEOUT) -> RunResult:
    """Run > Run All Cells, then wait until no cell is queued ([*]) and the kernel has been
    idle for a moment. Returns the time taken and what every cell shows."""
    start = time.monotonic()
    _menu(page, "Run", "runmenu:run-all")
    quiet_since = None
    while True:
        state = page.evaluate(_STATE_JS)
        now = time.monotonic()
        busy = any("*" in p for p in state["prompts"]) or state["status"] != "idle"
        started = any(c["count"] is not None for c in state["cells"])
        if all(c["count"] is not None for c in state["cells"]) and not busy:
            break  # every prompt shows a number and the kernel is idle
        if started and not busy:
            quiet_since = quiet_since or now
            if now - quiet_since > 2.0:  # stopped early (an error stops Run All)
                break
        else:
            quiet_since = None
        if now - start > timeout:
            raise TimeoutError(f"Run All not finished after {timeout:.0f} s: prompts "
                               f"{state['prompts']}, kernel {state['status']}")
        page.wait_for_timeout(200)
    seconds = (quiet_since or time.monotonic()) - start
    return RunResult(seconds, state["prompts"], state["cells"], state["widgetErrors"])


def shutdown_kernels(page: Page) -> None:
    """Kernel > Shut Down All Kernels, without asking (frees memory between notebooks)."""
    page.evaluate("""async () => { const w = window.jupyterapp?.shell?.currentWidget;
        try { await w?.sessionContext?.shutdown(); } catch (e) {} }""")


# --- explorers ----------------------------------------------------------------------

EXPLORER = ".course-explorer"

# Keyboard-operable controls, in the order a test prefers them. Each selector finds
# the element that takes the focus.
CONTROL_SELECTORS = {
    "slider": ".widget-slider .noUi-handle",
    "dropdown": ".widget-dropdown select",
    "toggle-buttons": ".widget-toggle-buttons",  # the group; one of its buttons is pressed
    "toggle-button": "button.widget-toggle-button:not(.widget-toggle-buttons button)",
    "checkbox": ".widget-checkbox input[type=checkbox]",
    "select-multiple": ".widget-select-multiple select",
    "select": ".widget-select:not(.widget-select-multiple) select",
    "radio": ".widget-radio-box",  # the group
}

_FIGURE_JS = """async (ex) => {
  const img = ex.querySelector('img.widget-image');
  const ro = ex.querySelector('.explorer-readout');
  let digest = null, ok = false;
  if (img && img.src) {
    try {
      await img.decode();
      ok = img.naturalWidth > 0;
      const buf = await (await fetch(img.src)).arrayBuffer();
      const h = await crypto.subtle.digest('SHA-256', buf);
      digest = [...new Uint8Array(h)].map(b => b.toString(16).padStart(2, '0')).join('');
    } catch (e) { digest = 'unreadable: ' + e; }
  }
  return {src: img ? img.src : null, digest, decoded: ok,
          readout: ro ? ro.textContent.trim() : null};
}"""

# Times the last keydown and the next change of the figure and of the readout.
_PROBE_JS = """(ex) => {
  const p = window.__courseProbe = {key: null, img: null, text: null, busy: false, idle: null};
  // the last key pressed before the figure changed (a pick may take several keys)
  const onKey = () => { if (p.img === null) p.key = performance.now();
                        else document.removeEventListener('keydown', onKey, true); };
  document.addEventListener('keydown', onKey, true);
  const img = ex.querySelector('img.widget-image');
  if (img) new MutationObserver((_, o) => { p.img = p.img ?? performance.now(); o.disconnect(); })
      .observe(img, {attributes: true, attributeFilter: ['src']});
  // The kernel going busy then idle after the key means the change was
  // handled, so a control that legitimately changes nothing needs no long wait.
  // (Voila's app holds its kernel in its widget manager.)
  const app = window.jupyterapp;
  const kernel = app?.shell?.currentWidget?.sessionContext?.session?.kernel
      ?? app?.widgetManager?.kernel;
  if (kernel) {
    const onStatus = (_, st) => {
      if (p.key === null) return;
      if (st === 'busy') p.busy = true;
      if (st === 'idle' && p.busy) { p.idle = performance.now();
                                     kernel.statusChanged.disconnect(onStatus); }
    };
    kernel.statusChanged.connect(onStatus);
  }
  const ro = ex.querySelector('.explorer-readout');
  const box = ro ? (ro.closest('.widget-html-content') || ro.parentElement) : null;
  if (box) new MutationObserver((_, o) => { p.text = p.text ?? performance.now(); o.disconnect(); })
      .observe(box, {childList: true, subtree: true, characterData: true});
}"""


def explorers(page: Page) -> Locator:
    """Every explorer on the page (one notebook is open per page)."""
    return page.locator(EXPLORER)


def figure_state(explorer: Locator) -> dict:
    return explorer.evaluate(_FIGURE_JS)


def controls(explorer: Locator) -> list[tuple[str, Locator]]:
    """The explorer's keyboard-operable controls (enabled), by kind, in preference order."""
    found = []
    for kind, sel in CONTROL_SELECTORS.items():
        loc = explorer.locator(sel)
        for i in range(loc.count()):
            el = loc.nth(i)
            if el.evaluate("e => !e.disabled && !e.closest('[disabled]') && "
                           "e.getAttribute('aria-disabled') !== 'true'"):
                found.append((kind, el))
    return found


_CUT_LABELS_JS = """(ex) => {
  const cut = [];
  const canvas = document.createElement('canvas').getContext('2d');
  const textWidth = (el, text) => {
    const st = getComputedStyle(el);
    canvas.font = `${st.fontStyle} ${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
    return canvas.measureText(text).width;
  };
  // Buttons and labels cut with an ellipsis: their content is wider than their box.
  for (const el of ex.querySelectorAll('button, .widget-label, .widget-label-basic')) {
    if (el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
      cut.push(`${el.tagName.toLowerCase()} '${el.textContent.trim()}'`);
  }
  // A closed drop-down shows one option: every option must fit beside the arrow.
  for (const sel of ex.querySelectorAll('.widget-dropdown select')) {
    const st = getComputedStyle(sel);
    // The arrow sits in the right padding (ipywidgets' CSS), or takes ~16 px of its own.
    const room = sel.clientWidth - parseFloat(st.paddingLeft)
                 - Math.max(parseFloat(st.paddingRight), 16);
    for (const opt of sel.options) {
      const w = textWidth(sel, opt.text);
      if (w > room) cut.push(`option '${opt.text}' (${Math.round(w)} px in ${Math.round(room)})`);
    }
  }
  return cut;
}"""


def cut_labels(page: Page) -> list[str]:
    """Texts of the explorers' controls that do not fit in their box (a button or label
    cut with an ellipsis, a drop-down option wider than the closed drop-down), each
    prefixed with its explorer's number."""
    exs = explorers(page)
    return [f"explorer {i + 1}: {c}" for i in range(exs.count())
            for c in exs.nth(i).evaluate(_CUT_LABELS_JS)]


def _key_for(kind: str, el: Locator) -> tuple[Locator, str | list[str]]:
    """Which element to focus and which key(s) to press so that the value changes."""
    if kind == "slider":
        now, top = el.evaluate("e => [parseFloat(e.getAttribute('aria-valuenow')), "
                               "parseFloat(e.getAttribute('aria-valuemax'))]")
        return el, ("ArrowRight" if now < top else "ArrowLeft")
    if kind == "dropdown":
        # Alt+ArrowDown opens the list, an arrow moves, Enter picks. (A plain arrow on
        # the closed list is taken by JupyterLab's command mode -- it selects the next
        # cell: jupyter-widgets/ipywidgets#3912 -- so a learner in Lab does this too.)
        i, n = el.evaluate("e => [e.selectedIndex, e.options.length]")
        return el, ["Alt+ArrowDown", "ArrowDown" if i < n - 1 else "ArrowUp", "Enter"]
    if kind == "select-multiple":
        # Ctrl+Arrow moves the cursor without selecting, Ctrl+Space toggles that item
        # (plain arrows are taken by JupyterLab's command mode, as for a dropdown).
        return el, ["Control+ArrowDown", "Control+Space"]
    if kind == "select":
        i, n = el.evaluate("e => [e.selectedIndex, e.options.length]")
        return el, ("End" if i < n - 1 else "Home")
    if kind == "toggle-buttons":
        # Focus a button that is not the selected one, and press Space on it.
        return el.locator("button:not(.mod-active)").first, "Space"
    if kind == "radio":
        i, n = el.evaluate("g => { const r = [...g.querySelectorAll('input[type=radio]')];"
                           " return [r.findIndex(x => x.checked), r.length]; }")
        i = max(i, 0)
        return (el.locator("input[type=radio]").nth(i),
                "ArrowDown" if i < n - 1 else "ArrowUp")
    return el, "Space"  # toggle button, checkbox


def control_value(el: Locator) -> str:
    """What the control shows as its value, read from the page."""
    return el.evaluate("""e => {
      if (e.classList.contains('noUi-handle')) return e.getAttribute('aria-valuenow');
      if (e.tagName === 'SELECT') return [...e.selectedOptions].map(o => o.value).join('|');
      if (e.tagName === 'INPUT') return String(e.checked);
      if (e.tagName === 'BUTTON') return String(e.classList.contains('mod-active'));
      const on = [...e.querySelectorAll('button.mod-active, input:checked')];
      return on.map(x => x.dataset.value ?? x.value).join('|');
    }""")


@dataclass
class Change:
    kind: str
    key: str
    before: dict
    after: dict
    redraw_ms: float | None = None
    readout_ms: float | None = None
    figure_changed: bool = False
    readout_changed: bool = False
    image_content_changed: bool = False
    value_changed: bool = False
    value_before: str | None = None
    value_after: str | None = None
    notes: list[str] = field(default_factory=list)


def operate(page: Page, explorer: Locator, kind: str, el: Locator, *,
            need_both: bool = True, timeout: float = REDRAW_TIMEOUT) -> Change:
    """Change one control with the keyboard alone (focus, then keys) and wait until the
    figure is redrawn and the readout changes (both, or either when ``need_both`` is
    false), or, in JupyterLab, until the kernel has handled the change without either.
    Times the last key press -> new ``img src`` in the page's own clock."""
    target, key = _key_for(kind, el)
    if target.count() == 0:
        raise AssertionError(f"{kind}: nothing to press")
    before = figure_state(explorer)
    value_before = control_value(el)
    explorer.evaluate(_PROBE_JS)
    target.focus()
    keys = [key] if isinstance(key, str) else key
    for k in keys:
        page.keyboard.press(k)
    key = " ".join(keys)
    cond = "&&" if need_both else "||"
    try:
        page.wait_for_function(
            f"""([ex, src, text]) => {{
                const img = ex.querySelector('img.widget-image');
                const ro = ex.querySelector('.explorer-readout');
                const p = window.__courseProbe;
                return ((img && img.src !== src) {cond}
                        (ro && ro.textContent.trim() !== text))
                       || (p.idle !== null && performance.now() - p.idle > 1000);
            }}""",
            arg=[explorer.element_handle(), before["src"], before["readout"]],
            timeout=timeout * 1000, polling=50)
    except Exception:  # noqa: BLE001 -- reported below with what did and did not change
        pass
    # Let both settle (the readout and the image arrive in one kernel message each).
    page.wait_for_timeout(150)
    after = figure_state(explorer)
    probe = page.evaluate("() => window.__courseProbe")
    ch = Change(kind, key, before, after)
    ch.value_before, ch.value_after = value_before, control_value(el)
    ch.value_changed = ch.value_after != ch.value_before
    ch.figure_changed = after["src"] != before["src"]
    ch.readout_changed = after["readout"] != before["readout"]
    ch.image_content_changed = (after["digest"] is not None
                                and after["digest"] != before["digest"])
    if probe and probe.get("key") is not None:
        if probe.get("img") is not None:
            ch.redraw_ms = probe["img"] - probe["key"]
        if probe.get("text") is not None:
            ch.readout_ms = probe["text"] - probe["key"]
    return ch


def focusables(explorer: Locator) -> list[str]:
    """Ids (data-course-tab attributes set here) of the explorer's Tab stops, in order."""
    return explorer.evaluate("""ex => {
      const sel = 'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]';
      // (an editable slider readout is a Tab stop although its tabIndex reads -1)
      const els = [...ex.querySelectorAll(sel)].filter(e => !e.disabled
          && e.offsetParent !== null && (e.tabIndex >= 0
              || (e.isContentEditable && !(parseInt(e.getAttribute('tabindex')) < 0))));
      return els.map((e, i) => { e.dataset.courseTab = String(i);
                                 return `${i}:${e.tagName.toLowerCase()}.${e.className}`; });
    }""")


def active_in(page: Page, explorer: Locator) -> dict:
    return explorer.evaluate("""ex => {
      const a = document.activeElement;
      return {inside: ex.contains(a), tab: a?.dataset?.courseTab ?? null,
              what: a ? `${a.tagName.toLowerCase()}.${a.className}` : null};
    }""")


def screenshot_explorer(page: Page, explorer: Locator, path: Path) -> None:
    """The viewport with the explorer scrolled to the top of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Right after Run All, JupyterLab may still scroll to the running cell: scroll until
    # the explorer stays put near the top.
    last = None
    for _ in range(10):
        explorer.evaluate("e => e.scrollIntoView({block: 'start', inline: 'nearest'})")
        page.wait_for_timeout(300)
        top = explorer.evaluate("e => Math.round(e.getBoundingClientRect().top)")
        if top == last and top < 200:
            break
        last = top
    page.screenshot(path=str(path))


def describe(ch: Change) -> str:
    return (f"{ch.kind} ({ch.key}): value {ch.value_before!r}->{ch.value_after!r}, "
            f"readout {'changed' if ch.readout_changed else 'same'}, "
            f"figure {'redrawn' if ch.figure_changed else 'same'}")


def first_responsive_change(page: Page, explorer: Locator) -> tuple[Change | None, list[str]]:
    """Work the explorer's controls by keyboard, in order of preference, until one
    changes both the readout and the figure (a control may rightly do nothing in the
    current state, such as a year slider while a fixed date is chosen). Returns that
    change (None if none did) and what each try did."""
    tried = []
    for kind, el in controls(explorer):
        ch = operate(page, explorer, kind, el)
        tried.append(describe(ch))
        if ch.readout_changed and ch.figure_changed:
            return ch, tried
    return None, tried

