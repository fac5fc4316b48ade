"""Text from people shown as text: Streamlit reads markdown in headings, captions and widget
labels, so a header "[Logga in](http://…)" or "**viktigt**" from an uploaded file would become a
link or bold type. `plain` makes every markdown and HTML sign a literal character."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<:$])")


def plain(text: object) -> str:
    """The text with markdown's and HTML's signs escaped, so that it shows exactly as written."""
    return _MARKDOWN.sub(r"\\\1", str(text))
