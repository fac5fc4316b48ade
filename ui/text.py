"""Text from people shown as text (issue 16: text is text).

Two places interpret what they are given, so two escapers, one for each:

- `plain` for everything Streamlit renders as Markdown — st.markdown, st.write of a string,
  captions, alerts, headings, expander and tab titles, and the label and help text of every
  widget: a name "![x](http://…)" would make the browser fetch an outside address, a name
  "[Logga in igen](http://…)" would become a link, "**viktigt**" bold. `plain` makes every
  Markdown and HTML sign a literal character, so the text shows exactly as written.
- `chart_text` for what Plotly renders as HTML — axis and tick labels, legend entries, hover
  texts, annotations: Plotly draws `<a href>`, `<b>`, `<br>` and styles in them. HTML escaping
  (`&`, `<`, `>`, quotes) shows them as written. It lives in core.platform.text, where the
  domain's charts (core/calendar/charts.py, core/matching/report.py) call it too.

Tables (st.dataframe, st.data_editor) and the options of a select box show text as it is: no
escaping there, or the coordinator would read the backslashes."""

from __future__ import annotations

import re

from core.platform.text import chart_text

__all__ = ["chart_text", "plain", "shown"]

# The signs that make Markdown or HTML of text: links and images need a bracket, HTML and
# autolinks an angle bracket; the rest change how text looks (emphasis, code, headings, tables,
# strike-through, formulae, entities). Parentheses, full stops, hyphens and colons alone make
# nothing, and are left as they are, so that the text sent is the text read.
_MARKDOWN = re.compile(r"([\\`*_\[\]#|>~<$&])")


# Streamlit's Markdown also makes a link of an address written out ("http://…", "www.…"), even
# escaped: it finds them in the text after the escapes are read. An invisible word joiner after
# the scheme's colon, and after "www", keeps them text.
_BARE_ADDRESS = re.compile(r"(?i)(:)(?=//)|(\bwww)(?=\.)")
_JOINER = "\u2060"


def plain(text: object) -> str:
    """The text with Markdown's and HTML's signs escaped, so that it shows exactly as written
    (an address written out is kept from becoming a link by an invisible word joiner). Line
    breaks become spaces: a new line in a name must not start a Markdown block."""
    flat = " ".join(str(text).splitlines())
    return _MARKDOWN.sub(r"\\\1", _BARE_ADDRESS.sub(lambda m: m.group(0) + _JOINER, flat))


def shown(item: object, lang: str) -> str:
    """A complaint, an error or a to-do (core.platform.i18n.Shown) in words for Markdown: what
    fills its label (a name, a cell's value, a file's name) escaped by `plain`, the label's own
    words as they are."""
    from core.platform.i18n import MentorplanError, Words, shown_params, t
    key, params = getattr(item, "key", None), getattr(item, "params", None)
    plain_kind = type(item).shown in (Words.shown, MentorplanError.shown)  # not a type that adds its own words
    if plain_kind and isinstance(key, str) and isinstance(params, dict):
        try:
            return t(key, lang, **{name: plain(value) for name, value in shown_params(params, lang).items()})
        except (KeyError, IndexError, ValueError):
            pass
    return plain(item.shown(lang) if hasattr(item, "shown") else item)
