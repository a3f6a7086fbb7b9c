"""The generated view and report in a real headless Chromium with the network blocked.

Skipped (loudly) when /usr/bin/chromium is missing, unless KGRAPH_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import sync_playwright

from kgraph.analyze import typed_graph
from kgraph.facts import load_facts
from kgraph.report import report_html
from kgraph.store import KGStore
from kgraph.viz import view_html
from tests.test_analyze import XSS_TITLES, closed_store

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
TRAP = """
window.__xss = [];
window.alert = window.confirm = window.prompt = (m) => { window.__xss.push(String(m)); };
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        reason = f"BROWSER TESTS SKIPPED: {CHROMIUM} missing (apt-get install chromium)"
        if os.environ.get("KGRAPH_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " but KGRAPH_REQUIRE_BROWSER=1")
        pytest.skip(reason)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The whole view, a focused view and the report of the corpus, as files."""
    folder = tmp_path_factory.mktemp("browser")
    facts = load_facts(KGStore(closed_store(folder / "store"), create=False))
    graph = typed_graph(facts)
    files = {"view": view_html(graph)[0], "focus": view_html(graph, focus="FastServe")[0],
             "report": report_html(facts)}
    for name, text in files.items():
        (folder / f"{name}.html").write_text(text, encoding="utf-8")
    return {name: folder / f"{name}.html" for name in files}


@dataclass
class Visit:
    """A page opened offline, with everything that went wrong while loading it."""

    page: Any
    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)


def visit(browser: Any, path: Path) -> Iterator[Visit]:
    context = browser.new_context()
    seen = Visit(context.new_page())

    def route(request_route: Any) -> None:
        if request_route.request.url.startswith("file:"):
            request_route.continue_()
        else:
            seen.blocked.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    seen.page.add_init_script(TRAP)
    seen.page.on("console", lambda m: m.type == "error" and seen.errors.append(m.text))
    seen.page.on("pageerror", lambda e: seen.errors.append(str(e)))
    seen.page.on("requestfailed", lambda r: seen.blocked.append(r.url))
    seen.page.goto(path.as_uri())
    yield seen
    context.close()


@pytest.fixture(params=["view", "focus"])
def view(request: pytest.FixtureRequest, browser: Any, pages: dict[str, Path]) -> Iterator[Visit]:
    yield from visit(browser, pages[request.param])


@pytest.fixture()
def report(browser: Any, pages: dict[str, Path]) -> Iterator[Visit]:
    yield from visit(browser, pages["report"])


def assert_clean(seen: Visit) -> None:
    assert seen.errors == [], seen.errors
    assert seen.blocked == [], seen.blocked
    assert seen.page.evaluate("window.__xss") == []


def test_view_renders_offline_without_errors(view: Visit):
    view.page.wait_for_selector("body[data-ready='1']", timeout=15_000)
    assert view.page.locator("#network canvas").count() == 1
    assert view.page.locator("#legend li").count() >= 3
    assert view.page.evaluate("document.querySelectorAll('img, iframe, object').length") == 0
    assert_clean(view)


def test_view_tooltip_shows_hostile_title_as_text(browser: Any, pages: dict[str, Path]):
    for seen in visit(browser, pages["view"]):
        page = seen.page
        page.wait_for_selector("body[data-ready='1']", timeout=15_000)
        point = page.evaluate("""(label) => {
            const net = window.kgraphNetwork;
            const id = net.body.data.nodes.get({filter: (n) => n.label === label})[0].id;
            const dom = net.canvasToDOM(net.getPosition(id));
            const box = document.getElementById('network').getBoundingClientRect();
            return {x: box.left + dom.x, y: box.top + dom.y};
        }""", XSS_TITLES[0])
        page.mouse.move(point["x"] - 20, point["y"] - 20)
        page.mouse.move(point["x"], point["y"], steps=5)
        tooltip = page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
        assert XSS_TITLES[0] in tooltip.text_content()
        assert tooltip.query_selector("img") is None
        assert_clean(seen)


def test_report_renders_offline_with_images_and_escaped_titles(report: Visit):
    page = report.page
    page.wait_for_load_state("load")
    widths = page.evaluate("[...document.images].map((i) => i.naturalWidth)")
    assert len(widths) == 3 and all(w > 100 for w in widths)
    body = page.inner_text("body")
    assert all(title in body for title in XSS_TITLES)
    assert page.evaluate("document.scripts.length") == 0
    assert_clean(report)
