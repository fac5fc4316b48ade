"""Presentation mode in a real browser, at a projector's 1920×1080 and a small 1280×720: the whole
timeline and the whole year wheel — every lane, the axis, the legend, every event's name — on the
screen without scrolling, text at least 18 px, no two names overlapping. Measured in the page's
SVG, and kept as screenshots (docs/screenshots with UPDATE_SCREENSHOTS=1) to be looked at."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot
from tests.browser.test_journey import go_to, log_in

pytestmark = pytest.mark.browser

SCREENS = [(1920, 1080), (1280, 720)]

# Every text Plotly drew in the chart (ticks, legend, names, annotations), with its box and size.
TEXTS = """(chart) => [...chart.querySelectorAll('svg text')]
    .filter(el => el.textContent.trim() && el.getBBox().width > 0)
    .map(el => { const box = el.getBoundingClientRect();
                 return {text: el.textContent, size: parseFloat(getComputedStyle(el).fontSize),
                         label: !!el.closest('.textpoint'),
                         left: box.left, top: box.top, right: box.right, bottom: box.bottom}; })"""


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of names whose boxes overlap (a pixel's rounding aside)."""
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if (min(a["right"], b["right"]) - max(a["left"], b["left"]) > 1
                    and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 1):
                found.append((a["text"], b["text"]))
    return found


def presented(page, toggle_key: str, width: int, height: int) -> tuple[dict, list[dict]]:
    """Turn presentation mode on at this screen size; the chart's box and its texts."""
    page.set_viewport_size({"width": width, "height": height})
    toggle = page.locator(f".st-key-{toggle_key} input")
    if not toggle.is_checked():
        page.locator(f".st-key-{toggle_key} label").click()
    chart = page.locator(".st-key-presentation_chart .js-plotly-plot")
    chart.wait_for()
    page.wait_for_timeout(2500)  # let Plotly fit the chart to the window and draw
    # then until it stands still: the same box and texts twice, half a second apart (a busy
    # machine can take longer to lay the chart out again)
    drawn = (chart.bounding_box(), chart.evaluate(TEXTS))
    for _ in range(30):
        page.wait_for_timeout(500)
        again = (chart.bounding_box(), chart.evaluate(TEXTS))
        if again == drawn:
            break
        drawn = again
    return drawn


def fits(box: dict, texts: list[dict], width: int, height: int) -> None:
    assert page_scroll_free(box, width, height), (box, width, height)
    outside = [t["text"] for t in texts if t["left"] < 0 or t["top"] < 0 or t["right"] > width or t["bottom"] > height]
    assert not outside, outside
    small = sorted({(t["text"], t["size"]) for t in texts if t["size"] < 18})
    assert not small, small


def page_scroll_free(box: dict, width: int, height: int) -> bool:
    return box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height


@pytest.mark.parametrize("width, height", SCREENS)
def test_the_timeline_fills_a_projector_and_names_every_event(server, page, tmp_path, width, height):
    log_in(page, server["url"])
    go_to(page, "Tidslinje")
    box, texts = presented(page, "presentation", width, height)
    screenshot(page, f"timeline_presentation_{width}x{height}", tmp_path)
    fits(box, texts, width, height)
    assert page.evaluate("document.scrollingElement.scrollHeight <= window.innerHeight + 1")
    seen = {t["text"] for t in texts}
    # All four lanes, the months, the legend with the warning's outline, each event by name and date.
    assert {"Höststart 2025", "Vårstart 2026", "Höststart 2026", "Vårstart 2027"} <= seen
    assert {"juni2026", "dec.", "jan.2027", "maj", "Varning (röd ram)", "Kick-off", "Trepartssamtal"} <= seen
    assert {"Kick-off 24/9", "Mingel 3/9", "Besked 1/1", "Träff 3 v. 49", "Trepartssamtal 26/4–10/6"} <= seen
    labels = [t for t in texts if t["label"]]
    assert len(labels) >= 35 and not overlapping(labels)


@pytest.mark.parametrize("width, height", SCREENS)
def test_the_year_wheel_fills_a_projector_and_names_every_event(server, page, tmp_path, width, height):
    log_in(page, server["url"])
    go_to(page, "Årshjul")
    box, texts = presented(page, "wheel_presentation", width, height)
    screenshot(page, f"year_wheel_presentation_{width}x{height}", tmp_path)
    fits(box, texts, width, height)
    seen = {t["text"] for t in texts}
    assert {"Jan", "Juni", "Dec", "Höststart", "Vårstart", "2026", "Varning (röd ram)"} <= seen
    assert {"Kick-off 24/9", "Kick-off 12/2", "Mitträff 11/6"} <= seen
    assert not overlapping(texts)
