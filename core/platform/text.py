"""Text from people in a chart (issue 16: text is text). Plotly renders a label, a tick, a legend
entry and a hover text as HTML — `<a href>`, `<img>`-like tags it does not know are dropped, but
links, bold and line breaks are drawn — so every text from people that goes into a figure passes
through `chart_text` first, which shows it exactly as written. (Markdown, the pages' other
interpreter, is escaped by ui.text.plain.)"""

from __future__ import annotations

import html


def chart_text(text: object) -> str:
    """The text for a Plotly label or hover text: HTML's signs (& < > " ') escaped."""
    return html.escape(str(text), quote=True)
