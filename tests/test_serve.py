"""`kgraph serve` against the real servers it starts: protocol, read-only, limits."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import sync_playwright

from kgraph.errors import StoreError
from kgraph.serve import Running, ServeConfig, free_port, is_update
from tests.test_browser import ARGS, CHROMIUM

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
CROSS = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")


@pytest.fixture()
def server(sample_store_path):
    running = Running(ServeConfig(sample_store_path, port=free_port(), timeout=2,
                                  max_bytes=200_000))
    yield running
    running.close()


def get(url: str, accept: str = "application/sparql-results+json", **params: str):
    request = urllib.request.Request(f"{url}?{urllib.parse.urlencode(params)}",
                                     headers={"Accept": accept})
    return urllib.request.urlopen(request, timeout=30)


def post(url: str, body: bytes, content_type: str, accept: str = "application/sparql-results+json"):
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": content_type, "Accept": accept})
    return urllib.request.urlopen(request, timeout=30)


def count(response) -> int:
    return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


def test_binds_localhost_by_default():
    assert ServeConfig(store=None).host == "127.0.0.1"  # type: ignore[arg-type]


def test_get_and_post_queries_over_the_union_graph(server):
    total = count(get(server.url + "/query", query=COUNT))
    assert total > 100
    form = urllib.parse.urlencode({"query": COUNT}).encode()
    assert count(post(server.url + "/query", form, "application/x-www-form-urlencoded")) == total
    assert count(post(server.url + "/query", COUNT.encode(), "application/sparql-query")) == total


@pytest.mark.parametrize("accept,marker", [
    ("application/sparql-results+json", b'"bindings"'),
    ("application/sparql-results+xml", b"<sparql"),
    ("text/csv", b"n\r\n"),
    ("text/tab-separated-values", b"?n\n"),
])
def test_result_formats(server, accept, marker):
    response = get(server.url + "/query", accept=accept, query=COUNT)
    assert marker in response.read()


@pytest.mark.parametrize("accept,marker", [("text/turtle", b"<https://w3id.org/kgraph/"),
                                           ("application/ld+json", b'"@id"')])
def test_construct_by_content_negotiation(server, accept, marker):
    response = get(server.url + "/query", accept=accept,
                   query="CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5")
    assert accept in response.headers["Content-Type"] and marker in response.read()


def test_updates_are_refused_and_store_unchanged(server):
    before = count(get(server.url + "/query", query=COUNT))
    update = "INSERT DATA { <http://a> <http://b> <http://c> }"
    for path, body, kind in [
        ("/update", urllib.parse.urlencode({"update": update}).encode(),
         "application/x-www-form-urlencoded"),
        ("/query", update.encode(), "application/sparql-query"),
        ("/store?default", b"<http://a> <http://b> <http://c> .", "application/n-triples"),
    ]:
        with pytest.raises(urllib.error.HTTPError) as caught:
            post(server.url + path, body, kind)
        assert caught.value.code in (400, 403)
    assert count(get(server.url + "/query", query=COUNT)) == before


def test_malformed_query_is_a_clear_400(server):
    with pytest.raises(urllib.error.HTTPError) as caught:
        get(server.url + "/query", query="SELECT WHERE {")
    assert caught.value.code == 400 and caught.value.read()


def test_slow_query_is_cut_off_while_others_are_answered(server):
    outcome = {}

    def slow() -> None:
        started = time.monotonic()
        try:
            get(server.url + "/query", query=CROSS)
            outcome["status"] = 200
        except urllib.error.HTTPError as error:
            outcome["status"] = error.code
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.3)
    started = time.monotonic()
    assert count(get(server.url + "/query", query=COUNT)) > 0
    assert time.monotonic() - started < 2
    thread.join(30)
    assert outcome["status"] in (500, 503, 504) and outcome["seconds"] < 10


def test_result_size_limit(server):
    with pytest.raises(urllib.error.HTTPError) as caught:
        get(server.url + "/query", query="SELECT * WHERE { ?s ?p ?o . ?x ?y ?z } LIMIT 100000")
    assert caught.value.code == 413 and b"byte limit" in caught.value.read()


def test_saved_queries_api(server):
    listing = json.load(urllib.request.urlopen(server.url + "/api/queries"))
    assert {"speedups", "systems-hardware"} <= {q["name"] for q in listing}
    body = json.dumps({"name": "speedups", "params": {"min": "2"}}).encode()
    rows = json.load(post(server.url + "/api/run", body, "application/json"))
    assert rows["results"]["bindings"][0]["system"]["value"] == "FastServe"
    bad = json.dumps({"name": "speedups", "params": {"min": "two"}}).encode()
    with pytest.raises(urllib.error.HTTPError) as caught:
        post(server.url + "/api/run", bad, "application/json")
    assert caught.value.code == 400


def test_views_and_assets_are_served_without_cdn(server):
    page = urllib.request.urlopen(server.url + "/").read().decode()
    assert "/assets/yasqe.min.js" in page and "http://" not in page and "https://" not in page
    view = urllib.request.urlopen(server.url + "/view").read()
    assert b"Content-Security-Policy" in view and b"FastServe" in view
    assert b"<html" in urllib.request.urlopen(server.url + "/report").read().lower()


def test_missing_store(tmp_path):
    with pytest.raises(StoreError, match="no kgraph store"):
        Running(ServeConfig(tmp_path / "none", port=free_port()))


def test_update_detection():
    assert is_update("PREFIX a: <http://a#> INSERT DATA { a:x a:y a:z }")
    assert not is_update("PREFIX a: <http://a#> SELECT * WHERE { ?s ?p ?o }")


def test_ui_runs_a_saved_query_in_chromium(server):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is required for the UI test")
    outside, problems = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("request", lambda r: outside.append(r.url)
                if not r.url.startswith(server.url) else None)
        page.goto(server.url + "/")
        page.wait_for_selector("#saved option[value=speedups]", state="attached")
        page.select_option("#saved", "speedups")
        page.fill("#params input[name=min]", "2")
        page.click("#run")
        page.wait_for_selector("#results td")
        cells = page.locator("#results td").all_text_contents()
        browser.close()
    assert "FastServe" in cells
    assert outside == [] and problems == []
