"""`kgraph serve`: the real Oxigraph server, read-only, behind a small kgraph front.

Oxigraph (`oxigraph serve-read-only --union-default-graph --timeout-s N`) speaks the
SPARQL 1.1 Protocol and does content negotiation. The front, bound to localhost
by default, adds: a browser UI (YASQE editor bundled in serve_assets/, saved
queries with parameters bound server-side), the views and report of the same
store, a result-size limit, a client-side time-out, and a refusal of anything
that writes (/update, Graph Store writes, updates sent to /query).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kgraph.errors import KGraphError, QueryError, StoreError
from kgraph.queries.query import bind, saved_queries
from kgraph.store import MARKER, KGStore

ASSETS = Path(__file__).resolve().parent / "serve_assets"
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript",
                 ".css": "text/css"}
UPDATE_WORDS = ("insert", "delete", "load", "clear", "drop", "create", "add", "move", "copy",
                "with")


@dataclass(frozen=True)
class ServeConfig:
    """Where the store is, where to listen, and the limits."""

    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0
    max_bytes: int = 50_000_000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_oxigraph(config: ServeConfig) -> tuple[subprocess.Popen, str]:
    """The Oxigraph server on a private localhost port; returns it and its base URL."""
    binary = Path(sys.executable).parent / "oxigraph"
    if not binary.exists():
        raise KGraphError("`kgraph serve` needs the Oxigraph server: pip install oxigraph")
    if not (config.store / MARKER).exists():
        raise StoreError(f"{config.store}: no kgraph store here (run `kgraph build` first)")
    port = free_port()
    process = subprocess.Popen(
        [str(binary), "serve-read-only", "--location", str(config.store), "--bind",
         f"127.0.0.1:{port}", "--union-default-graph",
         "--timeout-s", str(max(1, int(config.timeout)))],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        if process.poll() is not None:
            raise StoreError(f"{config.store}: Oxigraph did not start "
                             f"({process.stderr.read().decode(errors='replace').strip()})")
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).close()
            return process, url
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise StoreError("Oxigraph did not answer within 10 s")


def is_update(query: str) -> bool:
    """Whether a request body looks like SPARQL Update rather than a query."""
    words = query.split()
    body = [w for w in words if w.upper() not in ("PREFIX", "BASE") and ":" not in w
            and not w.startswith("<")]
    return bool(body) and body[0].lower() in UPDATE_WORDS


class FrontHandler(BaseHTTPRequestHandler):
    """Pages, saved queries, and the guarded proxy to Oxigraph."""

    server: FrontServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet: one line per request is noise for a local tool."""

    def do_GET(self) -> None:  # noqa: N802
        path = urllib.parse.urlsplit(self.path).path
        routes = {"/": self._asset_index, "/api/queries": self._list_queries,
                  "/query": self._proxy, "/sparql": self._proxy, "/view": self._view,
                  "/report": self._report}
        if path.startswith("/assets/"):
            self._asset(path.removeprefix("/assets/"))
        elif path == "/favicon.ico":
            self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon")
        elif path in routes:
            routes[path]()
        else:
            self._error(HTTPStatus.NOT_FOUND, f"no such page: {path}")

    def do_POST(self) -> None:  # noqa: N802
        path = urllib.parse.urlsplit(self.path).path
        if path in ("/query", "/sparql"):
            self._proxy()
        elif path == "/api/run":
            self._run_saved()
        else:
            self._read_only()

    do_PUT = do_DELETE = do_PATCH = lambda self: self._read_only()  # noqa: E731

    def _read_only(self) -> None:
        self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates and Graph Store "
                                          "writes are refused")

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode(), "text/plain; charset=utf-8")

    def _asset_index(self) -> None:
        self._asset("index.html")

    def _asset(self, name: str) -> None:
        file = (ASSETS / name).resolve()
        if file.parent != ASSETS or not file.is_file():
            self._error(HTTPStatus.NOT_FOUND, f"no such asset: {name}")
            return
        self._send(HTTPStatus.OK, file.read_bytes(),
                   CONTENT_TYPES.get(file.suffix, "application/octet-stream"))

    def _list_queries(self) -> None:
        listing = [{"name": q.name, "description": q.description,
                    "params": [{"name": p.name, "type": p.type, "default": p.default,
                                "help": p.help} for p in q.params]}
                   for q in saved_queries().values()]
        self._send(HTTPStatus.OK, json.dumps(listing).encode(), "application/json")

    def _run_saved(self) -> None:
        try:
            request = json.loads(self._body() or b"{}")
            saved = saved_queries()[str(request.get("name"))]
            sparql = bind(saved, {str(k): str(v) for k, v in (request.get("params") or {}).items()
                                  if str(v).strip()})
        except (json.JSONDecodeError, KeyError, AttributeError):
            self._error(HTTPStatus.BAD_REQUEST, "expected {\"name\": saved query, \"params\": {}}")
            return
        except QueryError as error:
            self._error(HTTPStatus.BAD_REQUEST, str(error))
            return
        self._forward(urllib.parse.urlencode({"query": sparql}).encode(),
                      "application/x-www-form-urlencoded", "application/sparql-results+json")

    def _proxy(self) -> None:
        split = urllib.parse.urlsplit(self.path)
        if self.command == "GET":
            query = urllib.parse.parse_qs(split.query).get("query", [""])[0]
            body, content_type = split.query.encode(), "application/x-www-form-urlencoded"
        else:
            body, content_type = self._body(), self.headers.get("Content-Type", "")
            query = (body.decode("utf-8", "replace") if "sparql-query" in content_type else
                     urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("query", [""])[0])
        if "update" in urllib.parse.parse_qs(body.decode("utf-8", "replace")) or is_update(query):
            self._read_only()
            return
        if not query.strip():
            self._error(HTTPStatus.BAD_REQUEST, "missing query (use ?query=... or a POST body)")
            return
        self._forward(body, content_type, self.headers.get("Accept", "*/*"))

    def _forward(self, body: bytes, content_type: str, accept: str) -> None:
        """POST to Oxigraph; cut off slow or oversized answers with a clear error."""
        request = urllib.request.Request(
            self.server.oxigraph + "/query", data=body, method="POST",
            headers={"Content-Type": content_type, "Accept": accept})
        config = self.server.config
        try:
            with urllib.request.urlopen(request, timeout=config.timeout) as response:
                payload = response.read(config.max_bytes + 1)
                kind = response.headers.get("Content-Type", "application/octet-stream")
        except urllib.error.HTTPError as error:
            self._error(error.code, error.read(2000).decode("utf-8", "replace").strip())
            return
        except (TimeoutError, urllib.error.URLError, OSError):
            self._error(HTTPStatus.SERVICE_UNAVAILABLE,
                        f"query cut off after the {config.timeout:g} s time-out")
            return
        if len(payload) > config.max_bytes:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                        f"result larger than the {config.max_bytes} byte limit; add a LIMIT")
            return
        self._send(HTTPStatus.OK, payload, kind)

    def _page(self, write: Callable[[KGStore, Path], object]) -> None:
        """A view or report of the served store, rendered on request."""
        try:
            store = KGStore(self.server.config.store, create=False, read_only=True)
            with tempfile.TemporaryDirectory() as tmp:
                write(store, Path(tmp) / "page.html")
                html = (Path(tmp) / "page.html").read_bytes()
        except KGraphError as error:
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, str(error))
            return
        self._send(HTTPStatus.OK, html, "text/html; charset=utf-8")

    def _view(self) -> None:
        from kgraph.viz import write_view

        self._page(write_view)

    def _report(self) -> None:
        from kgraph.report import write_report

        self._page(write_report)


class FrontServer(ThreadingHTTPServer):
    """The public server: knows the config and where Oxigraph listens."""

    daemon_threads = True

    def __init__(self, config: ServeConfig, oxigraph: str) -> None:
        super().__init__((config.host, config.port), FrontHandler)
        self.config, self.oxigraph = config, oxigraph


class Running:
    """Both servers, started; `url` is the public address; `close()` stops both."""

    def __init__(self, config: ServeConfig) -> None:
        self._oxigraph, upstream = start_oxigraph(config)
        try:
            self._front = FrontServer(config, upstream)
        except OSError as error:
            self._oxigraph.kill()
            raise KGraphError(f"cannot listen on {config.host}:{config.port} ({error})") from None
        self.url = f"http://{config.host}:{self._front.server_address[1]}"
        self._thread = threading.Thread(target=self._front.serve_forever, daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Block until interrupted (Ctrl-C)."""
        self._thread.join()

    def close(self) -> None:
        self._front.shutdown()
        self._front.server_close()
        self._oxigraph.terminate()
        self._oxigraph.wait()
