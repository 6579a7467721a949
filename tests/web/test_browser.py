"""The analyst page in a real browser: Debian's Chromium driven by Playwright against the
real application over a DuckDB store of the test articles (see web_articles.py)."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect
from web_articles import ONERROR_PAYLOAD, SCRIPT_PAYLOAD, SQL_PAYLOAD, all_articles

pytestmark = pytest.mark.browser

EVENTS = [event for document in all_articles() for event in document.events]


def open_page(page: Page, hash_: str = "") -> None:
    page.goto(f"/{hash_}")
    expect(page.locator("#status")).to_have_text("")


def shown_event_ids(page: Page) -> list[str]:
    return page.locator("#events-table tbody tr.event-row").evaluate_all(
        "rows => rows.map(row => row.dataset.eventId)")


def involves(event, name: str) -> bool:
    return any(actor and actor.name == name for actor in (event.source, event.target))


def test_filter_by_type_shows_only_that_type(page: Page):
    open_page(page)
    expect(page.locator("tr.event-row")).to_have_count(len(EVENTS))
    page.select_option("#f-type", "ACCUSE")
    page.get_by_role("button", name="Apply filters").click()
    expected = sorted(e.event_id for e in EVENTS if e.type == "ACCUSE")
    expect(page.locator("tr.event-row")).to_have_count(len(expected))
    assert sorted(shown_event_ids(page)) == expected
    types = page.locator("tr.event-row").evaluate_all("rows => rows.map(r => r.dataset.type)")
    assert set(types) == {"ACCUSE"}
    expect(page.locator("#filter-state")).to_contain_text("Type: ACCUSE")
    expect(page.locator("#events-count")).to_have_text(f"{len(expected)} events match the filters")
    assert "type=ACCUSE" in page.locator("#dl-csv").get_attribute("href")
    assert page.script_errors == []


def test_opening_an_event_highlights_its_evidence_sentence(page: Page):
    open_page(page)
    praised = next(e for e in EVENTS if e.trigger == "praised")
    page.locator(f'tr.event-row[data-event-id="{praised.event_id}"]').click()
    expect(page.locator("#view-document")).to_be_visible()
    focused = page.locator("#doc-text mark.evidence.focused")
    expect(focused).to_have_count(1)
    assert focused.text_content() == praised.sentence
    expect(page.locator("#doc-text strong.focused-trigger")).to_have_text("praised")
    expect(page.locator("#event-fields")).to_contain_text("SUPPORT")
    expect(page.locator("#event-fields")).to_contain_text("Sergey Lavrov (RUS GOV)")
    # Every other event of the article is highlighted too, one mark per sentence.
    document = next(d for d in all_articles() if d.doc_id == "moscow-talks")
    sentences = {e.sentence for e in document.events}
    marks = page.locator("#doc-text mark.evidence").all_text_contents()
    assert sorted(marks) == sorted(sentences)
    expect(page.locator("#doc-heading")).to_have_text(document.title)
    assert page.script_errors == []


def test_clicking_an_actor_in_the_network_filters_the_table(page: Page):
    open_page(page, "#/network?level=actor")
    node = page.locator('svg.network g.node[data-actor="Hulusi Akar"]')
    expect(node).to_be_visible()
    expect(page.locator("svg.network line.edge").first).to_be_attached()
    node.click()
    expect(page.locator("#view-events")).to_be_visible()
    expect(page.locator("#filter-state")).to_contain_text("Actor: Hulusi Akar")
    expected = sorted(e.event_id for e in EVENTS if involves(e, "Hulusi Akar"))
    expect(page.locator("tr.event-row")).to_have_count(len(expected))
    assert sorted(shown_event_ids(page)) == expected
    assert page.script_errors == []


def test_keyboard_tab_to_a_row_and_enter_opens_its_document(page: Page):
    open_page(page)
    expect(page.locator("tr.event-row").first).to_be_visible()
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('event-row')"):
            break
    else:
        pytest.fail("Tab never reached a row of the event table")
    row_id = page.evaluate("document.activeElement.dataset.eventId")
    page.keyboard.press("Enter")
    expect(page.locator("#view-document")).to_be_visible()
    event = next(e for e in EVENTS if e.event_id == row_id)
    expect(page.locator("#doc-text mark.evidence.focused")).to_have_text(event.sentence)
    assert page.evaluate("document.activeElement.id") == "doc-heading"
    assert page.script_errors == []


def test_markup_in_an_article_is_shown_as_text_and_never_runs(page: Page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_page(page, "#/document/hostile-markup")
    text = page.locator("#doc-text")
    expect(text).to_contain_text(SCRIPT_PAYLOAD)
    expect(text).to_contain_text(ONERROR_PAYLOAD)
    expect(text).to_contain_text(SQL_PAYLOAD)
    expect(page.locator("#doc-heading")).to_have_text(f"{SCRIPT_PAYLOAD} Beirut protest")
    expect(page.locator("#event-fields")).to_contain_text("PROTEST")
    page.locator("#doc-events button").nth(1).click()
    expect(page.locator("#event-fields")).to_contain_text(ONERROR_PAYLOAD)
    # The payload's actor name also appears in the table and as a network label.
    open_page(page, "#/events?q=condemned")
    expect(page.locator("#events-table tbody")).to_contain_text(ONERROR_PAYLOAD)
    open_page(page, "#/network?level=actor")
    expect(page.locator("svg.network")).to_contain_text(ONERROR_PAYLOAD)
    assert page.locator("main script, main img, main iframe").count() == 0
    assert dialogs == []
    assert page.script_errors == []


def week_of(day: str) -> date:
    d = date.fromisoformat(day)
    return d - timedelta(days=d.weekday())


def counted(events) -> list:
    """The events the charts count by default: asserted and not negated."""
    return [e for e in events if e.factuality == "asserted" and not e.negated]


def test_timeline_shows_weekly_bars_by_type_and_the_intensity_line(page: Page):
    open_page(page, "#/timeline")
    chart = page.locator("svg.timeline")
    expect(chart).to_be_visible()
    day_dated = [e for e in counted(EVENTS) if e.date and len(e.date) == 10]
    weeks = {week_of(e.date) for e in day_dated}
    rows = page.locator(".chart-data tbody th").all_text_contents()
    assert rows == sorted(w.isoformat() for w in weeks)
    # One bar segment per (week, type) present.
    assert chart.locator("rect[data-type]").count() == len({(week_of(e.date), e.type) for e in day_dated})
    expect(chart.locator(".intensity-line circle")).to_have_count(len(weeks))
    for event_type in {e.type for e in day_dated}:
        expect(page.locator("#timeline-legend")).to_contain_text(event_type)
    undated = len(counted(EVENTS)) - len(day_dated)
    expect(page.locator("#timeline-note")).to_contain_text(
        f"{len(day_dated)} event mentions charted (asserted, not negated); "
        f"{undated} without a date precise enough for a week left out")
    assert page.script_errors == []


def test_sorting_and_paging(page: Page):
    open_page(page, "#/events?limit=25")
    page.get_by_role("button", name="Sort by Date").click()
    expect(page.locator("th[aria-sort=ascending]")).to_have_text("Date ▲")
    expect(page.locator("tr.event-row td:first-child")).to_have_text(sorted(e.date for e in EVENTS))
    open_page(page, "#/events?sort=-date&limit=5")
    expect(page.locator("tr.event-row")).to_have_count(5)
    expect(page.locator("#page-info")).to_have_text(f"1–5 of {len(EVENTS)}")
    page.get_by_role("button", name="Next").click()
    expect(page.locator("#page-info")).to_have_text(f"6–10 of {len(EVENTS)}")
    later = sorted((e.date for e in EVENTS), reverse=True)[5:10]
    expect(page.locator("tr.event-row td:first-child")).to_have_text(later)
    assert page.script_errors == []


def test_a_failed_request_shows_an_error_message(page: Page):
    open_page(page, "#/document/no-such-document")
    expect(page.get_by_role("alert")).to_contain_text("Could not load the document")
    expect(page.get_by_role("alert")).to_contain_text("404")
    open_page(page, "#/events?sort=nonsense")
    expect(page.get_by_role("alert")).to_contain_text("400 unknown sort key 'nonsense'")
    # A good query afterwards clears the message.
    page.get_by_role("button", name="Sort by Type").click()
    expect(page.get_by_role("alert")).to_be_hidden()


def test_download_links_return_the_filtered_events(page: Page):
    open_page(page, "#/events?type=AID")
    expect(page.locator("tr.event-row")).to_have_count(sum(e.type == "AID" for e in EVENTS))
    href = page.locator("#dl-csv").get_attribute("href")
    response = page.request.get(href)
    assert response.ok
    rows = list(csv.DictReader(io.StringIO(response.text())))
    assert sorted(row["event_id"] for row in rows) == sorted(e.event_id for e in EVENTS if e.type == "AID")
    jsonl = page.request.get(page.locator("#dl-jsonl").get_attribute("href"))
    assert len(jsonl.text().splitlines()) == len(rows)
    parquet = page.request.get(page.locator("#dl-parquet").get_attribute("href"))
    assert parquet.body()[:4] == b"PAR1"


def test_network_actors_can_be_chosen_with_the_keyboard(page: Page):
    open_page(page, "#/network?level=actor")
    node = page.locator('svg.network g.node[data-actor="Geir Pedersen"]')
    node.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#filter-state")).to_contain_text("Actor: Geir Pedersen")
    expected = sorted(e.event_id for e in EVENTS if involves(e, "Geir Pedersen"))
    expect(page.locator("tr.event-row")).to_have_count(len(expected))
    # Removing the filter from the filter state brings every event back.
    page.get_by_role("button", name="Remove filter Actor Geir Pedersen").click()
    expect(page.locator("tr.event-row")).to_have_count(len(EVENTS))
    # Named actors are offered as suggestions in the actor filter.
    for name in ("Geir Pedersen", "Sergey Lavrov"):
        expect(page.locator(f'#actor-options option[value="{name}"]')).to_have_count(1)


def test_a_slow_query_shows_a_loading_state(page: Page):
    held = []
    page.route("**/api/events?*", lambda route: held.append(route))
    page.goto("/#/events?type=CONSULT")
    expect(page.locator("#events-region")).to_have_attribute("aria-busy", "true")
    expect(page.locator("#status")).to_have_text("Loading events…")
    for route in held:
        route.continue_()
    page.unroute("**/api/events?*")
    expect(page.locator("#events-region")).to_have_attribute("aria-busy", "false")
    expect(page.locator("#status")).to_have_text("")
    expect(page.locator("tr.event-row")).to_have_count(sum(e.type == "CONSULT" for e in EVENTS))


def test_a_pair_of_countries_over_time(page: Page):
    open_page(page, "#/timeline")
    page.fill("#f-dyad", "SYR,TUR")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#filter-state")).to_contain_text("Between: SYR,TUR")
    pair = [e for e in counted(EVENTS)
            if {e.source and e.source.country, e.target and e.target.country} == {"SYR", "TUR"}]
    expect(page.locator("#timeline-note")).to_contain_text(f"{len(pair)} event mentions charted")
    bars = page.locator("svg.timeline rect[data-type]").evaluate_all("rects => rects.map(r => r.dataset.type)")
    assert sorted(bars) == sorted(e.type for e in pair)
