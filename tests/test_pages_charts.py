"""The timeline and year wheel pages in presentation mode and with the sidebar's programme year,
drawn by AppTest: what a room sees, and which year the wheel shows."""

import datetime as dt
import json

from core.platform.i18n import t
from tests.pages import clean, downloads, values, widget

DAY = dt.date(2026, 11, 28)


def chart(at) -> dict:
    [element] = at.get("plotly_chart")
    return json.loads(element.proto.spec)


def test_presentation_mode_shows_the_timeline_alone_as_high_as_the_window(app):
    at = clean(app("views/timeline.py", lang="en", today=DAY))
    assert chart(at)["layout"]["height"] > 0 and widget(at.button, t("chart.make_pictures", "en"))
    widget(at.toggle, t("timeline.presentation", "en")).set_value(True).run()
    clean(at)
    assert values(at.title) == [] and downloads(at) == [] and not at.button  # the chart and its controls only
    spec = chart(at)
    assert "height" not in spec["layout"]  # the window's, through its container
    assert spec["layout"]["font"]["size"] >= 18
    assert all(trace["textfont"]["size"] >= 18 for trace in spec["data"] if trace.get("mode") == "text")
    assert t("chart.warning", "en") in [trace.get("name") for trace in spec["data"]]


def test_the_wheel_follows_the_sidebars_programme_year(app):
    at = app("views/year_wheel.py", lang="sv", today=DAY)
    at.sidebar.number_input[0].set_value(2028).run()
    clean(at)
    year = widget(at.main.button_group, t("chart.calendar_year", "sv"))
    assert (year.options, year.value) == (["2028", "2029"], 2028)  # today's year is not among them
    assert "<b>2028</b>" in [a["text"] for a in chart(at)["layout"]["annotations"]]
    widget(at.button, t("chart.make_pictures", "sv")).click().run()
    assert downloads(at) == [t(f"chart.download_{fmt}", "sv") for fmt in ("pdf", "png", "svg")]
    year = widget(at.main.button_group, t("chart.calendar_year", "sv"))  # of the page as drawn now
    year.set_value(2029).run()
    assert "<b>2029</b>" in [a["text"] for a in chart(clean(at))["layout"]["annotations"]]
    # Another year is another picture: asked for again, not drawn on every change.
    assert downloads(at) == [] and widget(at.button, t("chart.make_pictures", "sv"))
    widget(at.button, t("chart.make_pictures", "sv")).click().run()
    assert downloads(at) == [t(f"chart.download_{fmt}", "sv") for fmt in ("pdf", "png", "svg")]
