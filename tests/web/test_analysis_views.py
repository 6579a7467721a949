"""The page's timeline and network in a real browser: drawn from the API's analyses (the
same numbers as `eventscope dyad`), the countries/actors toggle, readable labels, the API
docs without internet, and screenshots of the views on the example articles."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest
from click.testing import CliRunner
from playwright.sync_api import Page, expect

from conftest import ARTIFACTS
from eventscope.cli import main

pytestmark = pytest.mark.browser


def open_page(page: Page, hash_: str = "") -> None:
    page.goto(f"/{hash_}")
    expect(page.locator("#status")).to_have_text("")


def table_rows(page: Page) -> list[list[str]]:
    return page.locator(".chart-data tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.children].map(c => c.textContent))")


@pytest.mark.parametrize("by", ["week", "month"])
def test_page_api_and_cli_give_the_same_series(page: Page, seeded_db: str, by: str):
    cli = CliRunner().invoke(main, ["dyad", "SYR", "TUR", "--db", seeded_db, "--by", by,
                                    "--format", "json"])
    assert cli.exit_code == 0, cli.output
    series = json.loads(cli.output)
    api = page.request.get(f"/api/dyads/SYR/TUR/series?by={by}").json()
    assert api == series
    open_page(page, f"#/timeline?dyad=SYR%2CTUR&by={by}")
    expect(page.locator("svg.timeline")).to_be_visible()
    expected = [[p["period"], *(str(p[t]) for t in series["types"]),
                 "" if p["mean_intensity"] is None else f"{p['mean_intensity']:.2f}"]
                for p in series["periods"] if p["total"]]
    assert table_rows(page) == expected
    expect(page.locator("#timeline-note")).to_contain_text(
        f"{series['undated']} without a date precise enough for a {by} left out")
    assert page.script_errors == []


def test_network_toggles_between_countries_and_actors(page: Page):
    open_page(page, "#/network")
    expect(page.locator("svg.network")).to_have_attribute("data-level", "country")
    expect(page.get_by_role("button", name="Countries")).to_have_attribute("aria-pressed", "true")
    expect(page.locator('g.node[data-actor="TUR"]')).to_contain_text("Turkey")
    assert page.locator('g.node[data-actor="Hulusi Akar"]').count() == 0
    page.get_by_role("button", name="Actors").click()
    expect(page.locator("svg.network")).to_have_attribute("data-level", "actor")
    expect(page.locator('g.node[data-actor="Hulusi Akar"]')).to_be_visible()
    assert "level=actor" in page.url
    # A country node filters the table to events on either side of that country.
    page.get_by_role("button", name="Countries").click()
    page.locator('g.node[data-actor="TUR"]').click()
    expect(page.locator("#filter-state")).to_contain_text("Country: TUR")
    assert page.script_errors == []


def synthetic_network(n: int) -> dict:
    """n actors in a ring of interactions, node i with n - i events."""
    nodes = [{"id": f"Actor number {i}", "label": f"Actor number {i}", "name": f"Actor number {i}",
              "country": "", "sector": "", "events": n - i} for i in range(n)]
    edges = [{"a": nodes[i]["id"], "b": nodes[(i + 1) % n]["id"], "events": 1 + i % 3,
              "mean_intensity": (i % 21) - 10.0, "types": {"CONSULT": 1}} for i in range(n)]
    return {"level": "actor", "count": "mentions", "events": 2 * n, "total_nodes": n,
            "nodes": nodes, "edges": edges}


def serve_network(page: Page, n: int) -> None:
    body = json.dumps(synthetic_network(n))
    page.route("**/api/network?*", lambda route: route.fulfill(
        status=200, content_type="application/json", body=body))


LABEL_BOXES = """svg => [...svg.querySelectorAll('g.labels text, g.node text')]
    .filter(t => getComputedStyle(t).visibility === 'visible')
    .map(t => { const b = t.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; })"""


def overlapping(boxes: list[list[float]]) -> list[tuple[int, int]]:
    return [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[i + 1:], i + 1)
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]


def test_thirty_nodes_all_labelled_without_overlap(page: Page):
    serve_network(page, 30)
    open_page(page, "#/network?level=actor")
    svg = page.locator("svg.network")
    expect(svg.locator("g.node")).to_have_count(30)
    boxes = svg.evaluate(LABEL_BOXES)
    assert len(boxes) == 30
    assert overlapping(boxes) == []


def test_three_hundred_nodes_label_the_top_thirty_and_the_rest_on_hover(page: Page):
    serve_network(page, 300)
    open_page(page, "#/network?level=actor")
    svg = page.locator("svg.network")
    expect(svg.locator("g.node")).to_have_count(300)
    labelled = svg.locator("g.node.labelled").evaluate_all("gs => gs.map(g => g.dataset.actor)")
    assert sorted(labelled) == sorted(f"Actor number {i}" for i in range(30))
    boxes = svg.evaluate(LABEL_BOXES)
    assert len(boxes) == 30 and overlapping(boxes) == []
    quiet = svg.locator('g.node[data-actor="Actor number 299"]')
    expect(quiet.locator("text")).to_be_hidden()
    quiet.locator("circle").hover()
    expect(quiet.locator("text")).to_be_visible()
    expect(page.locator("#network-note")).to_contain_text("the 30 most active are labelled")


@pytest.mark.parametrize("path, rendered", [
    ("/docs", ".swagger-ui .info .title"), ("/redoc", "h1"),
])
def test_api_docs_render_with_no_other_host(page: Page, server: str, path: str, rendered: str):
    local = urlparse(server).netloc
    elsewhere: list[str] = []

    def only_local(route):
        if urlparse(route.request.url).netloc in (local, ""):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(path)
    expect(page.locator(rendered).first).to_contain_text("eventscope", timeout=15000)
    assert elsewhere == []


# ---------------------------------------------------------------- the example articles

def shoot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.slow
def test_screenshots_of_the_example_articles(browser, examples_server: str):
    context = browser.new_context(viewport={"width": 1366, "height": 900},
                                  base_url=examples_server)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    clusters = page.request.get("/api/clusters").json()["items"]
    assert clusters, "make demo stores merged clusters"
    open_page(page, "#/timeline?by=week")
    expect(page.locator("svg.timeline")).to_be_visible()
    expect(page.locator("#timeline-note")).to_contain_text("events (mentions of one merged")
    shoot(page, "examples-timeline")
    open_page(page, "#/network")
    expect(page.locator("svg.network g.node").first).to_be_visible()
    shoot(page, "examples-network-countries")
    open_page(page, "#/network?level=actor")
    expect(page.locator("svg.network")).to_have_attribute("data-level", "actor")
    shoot(page, "examples-network-actors")
    assert errors == []
    context.close()
