"""The static HTML course (``python -m course_lib site``, ``make site``): build/site/.

Each notebook is executed in a fresh kernel (nbclient, in memory, with a temporary
working folder: nothing is written into ``notebooks/``) and exported with nbconvert's
JupyterLab template. The pages work offline, from a USB stick or a projector laptop:

* images are embedded in the page (``data:`` URIs), so a page is one file;
* the template's scripts from CDNs (require.js, MathJax, Mermaid, the widget manager)
  are left out; none is needed to read a page (a formula, if a notebook had one, would
  show as its TeX source);
* a live widget cannot run without a kernel, so each explorer is replaced by a still
  snapshot built from the widget state that nbclient saved (its controls at their
  starting values, its readout and its figure), with a note on how to open the live
  version; the notebooks also keep a static figure beside every explorer;
* in the instructor edition, the solution cells are folded under "Show the solution";
* links between notebooks point to their pages; a link to a repository file that the
  site does not hold becomes plain text naming the file.

``index.html`` holds the course map (from the notebooks' metadata) and links every page;
the teaching guide (docs/teaching.md) and the deployment notes (docs/deploy.md), when
present, become pages too. :func:`check_links` lists every local link that does not
resolve and every external resource a page would need.

>>> snapshot = widget_snapshot("m1", {"m1": {"model_name": "IntSliderModel",
...     "state": {"description": "Year", "value": 2017}}})
>>> "Year" in snapshot and "2017" in snapshot
True

The parts: :mod:`.snapshots` (explorers as still pictures), :mod:`.postprocess` (links,
images, folded solutions), :mod:`.pages` (template, style, navigation, course map),
:mod:`.build` (:func:`build_site`) and :mod:`.links` (:func:`check_links`).
"""

from __future__ import annotations

from .build import DOC_PAGES, PageResult, SiteResult, build_site
from .links import LinkReport, check_links, summary
from .pages import COURSE_CSS, INDEX_CSS, index_html
from .postprocess import SOLUTION_TAG, keyboard_scroll
from .snapshots import STATIC_NOTE, WIDGET_STATE, WIDGET_VIEW, static_widgets, widget_snapshot

__all__ = ["COURSE_CSS", "DOC_PAGES", "INDEX_CSS", "LinkReport", "PageResult", "SOLUTION_TAG",
           "STATIC_NOTE", "SiteResult", "WIDGET_STATE", "WIDGET_VIEW", "build_site",
           "check_links", "index_html", "keyboard_scroll", "static_widgets", "summary",
           "widget_snapshot"]
