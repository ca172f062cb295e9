"""Explorers as still pictures: a widget's saved state (what nbclient stores in the
notebook's metadata) drawn as HTML, with no JavaScript and no kernel.

>>> snapshot = widget_snapshot("m1", {"m1": {"model_name": "IntSliderModel",
...     "state": {"description": "Year", "value": 2017}}})
>>> "Year" in snapshot and "2017" in snapshot
True
"""

from __future__ import annotations

import html
from typing import Any, Iterable

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def _model_id(ref: Any) -> str:
    return str(ref).removeprefix("IPY_MODEL_")


def _control_value(name: str, st: dict) -> str:
    labels = st.get("_options_labels")
    if labels is not None and "index" in st:
        idx = st["index"]
        if isinstance(idx, (list, tuple)):
            return " to ".join(str(labels[i]) for i in idx if i is not None) if (
                "Range" in name) else ", ".join(str(labels[i]) for i in idx if i is not None)
        return str(labels[idx]) if idx is not None and 0 <= idx < len(labels) else "none"
    value = st.get("value")
    fmt = st.get("readout_format")
    if isinstance(value, float) and fmt:
        try:
            return format(value, fmt)
        except (ValueError, TypeError):
            pass
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, (list, tuple)):
        return " to ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _render_outputs(outputs: Iterable[dict]) -> str:
    import mistune

    parts = []
    for out in outputs:
        if out.get("output_type") == "stream":
            parts.append(f"<pre>{html.escape(''.join(out.get('text', '')))}</pre>")
            continue
        data = out.get("data", {})
        for mime, mime_type in (("image/png", "png"), ("image/jpeg", "jpeg")):
            if mime in data:
                b64 = "".join(data[mime]).replace("\n", "")
                parts.append(f'<img alt="figure" src="data:image/{mime_type};base64,{b64}">')
                break
        else:
            if "image/svg+xml" in data:
                parts.append("".join(data["image/svg+xml"]))
            elif "text/html" in data:
                parts.append("".join(data["text/html"]))
            elif "text/markdown" in data:
                parts.append(mistune.html("".join(data["text/markdown"])))
            elif "text/plain" in data:
                parts.append(f"<pre>{html.escape(''.join(data['text/plain']))}</pre>")
    return "\n".join(parts)


def widget_snapshot(model_id: str, state: dict, _depth: int = 0) -> str:
    """HTML for one widget and its children, from saved widget state (no JavaScript).

    ``state`` maps model ids to ``{"model_name", "state", "buffers"}`` as nbclient saves
    them in ``metadata.widgets``. Boxes keep their children, HTML and Label keep their
    text, Image and Output keep their pictures, and a control shows its description
    and its value.
    """
    model = state.get(_model_id(model_id))
    if model is None or _depth > 50:
        return ""
    name = model.get("model_name", "")
    st = dict(model.get("state", {}))
    for buf in model.get("buffers", []) or []:
        if buf.get("path") and buf.get("encoding", "base64") == "base64":
            st[buf["path"][0]] = ("b64", buf.get("data", ""))
    desc = html.escape(str(st.get("description", "") or ""))
    if name in {"VBoxModel", "BoxModel", "GridBoxModel", "AccordionModel", "TabModel",
                "StackModel", "HBoxModel"}:
        css = "course-w-hbox" if name == "HBoxModel" else "course-w-box"
        inner = "".join(widget_snapshot(c, state, _depth + 1) for c in st.get("children", []))
        return f'<div class="{css}">{inner}</div>'
    if name in {"HTMLModel", "HTMLMathModel"}:
        return f"<div>{st.get('value', '')}</div>"
    if name == "LabelModel":
        return f"<div>{html.escape(str(st.get('value', '')))}</div>"
    if name == "ImageModel":
        value = st.get("value")
        fmt = st.get("format", "png")
        if isinstance(value, tuple) and value[0] == "b64" and value[1]:
            alt = "explorer figure at its starting settings"
            return f'<img alt="{alt}" src="data:image/{fmt};base64,{value[1]}">'
        return ""
    if name == "OutputModel":
        return f"<div>{_render_outputs(st.get('outputs', []))}</div>"
    if name in {"ButtonModel", "LayoutModel", "PlayModel"} or name.endswith("StyleModel"):
        return ""
    if "value" in st or "index" in st:
        value = html.escape(_control_value(name, st))
        label = f"<b>{desc}</b> " if desc else ""
        return f'<span class="course-w-control">{label}{value}</span>'
    return ""


STATIC_NOTE = ("Interactive explorer, shown here as a still picture at its starting "
               "settings. To move the controls, open this notebook in JupyterLab "
               "(<code>make lab</code>) or on Binder.")


def static_widgets(nb) -> int:
    """Replace every widget view output of ``nb`` by a still snapshot; drop the state.

    Returns the number of views replaced. Without this, nbconvert writes an empty
    ``<div>`` that only a widget manager from a CDN could fill.
    """
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    count = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_VIEW not in data:
                continue
            view = data[WIDGET_VIEW]
            body = widget_snapshot(view.get("model_id", ""), state)
            if not body:
                body = f"<pre>{html.escape(''.join(data.get('text/plain', '')))}</pre>"
            snap = (f'<div class="course-static-explorer"><p class="course-static-note">'
                    f"{STATIC_NOTE}</p>{body}</div>")
            out["data"] = {"text/html": snap, "text/plain": "[interactive explorer]"}
            count += 1
    nb.metadata.pop("widgets", None)
    return count
