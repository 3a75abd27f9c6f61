"""While Neo4j cannot be reached the API answers 503 problems (never 500) and recovers by
itself once the server is back: here the "server" is a TCP relay to the test Neo4j that
the test opens and closes on a fixed port."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import suppress
from urllib.parse import urlparse

import pytest
from fastapi.testclient import TestClient

from graph.store.base import GraphStore
from tests.api.conftest import assert_problem, make_client

pytestmark = pytest.mark.api

PASSWORD = os.environ.get("NEO4J_PASSWORD", "diplograph-test")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Relay:
    """Forwards 127.0.0.1:<port> to the real server while open."""

    def __init__(self, port: int, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.server = socket.create_server(("127.0.0.1", port))
        self.conns: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        with suppress(OSError):
            while True:
                client, _ = self.server.accept()
                upstream = socket.create_connection(self.upstream)
                self.conns += [client, upstream]
                for a, b in ((client, upstream), (upstream, client)):
                    threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        with suppress(OSError):
            while data := src.recv(65536):
                dst.sendall(data)
        with suppress(OSError):
            dst.shutdown(socket.SHUT_WR)

    def close(self) -> None:
        with suppress(OSError):
            self.server.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() on Linux
        self.server.close()
        for conn in self.conns:
            with suppress(OSError):
                conn.close()


def neo4j_client(port: int) -> TestClient:
    from graph.store.neo4j import Neo4jStore

    store = Neo4jStore(f"bolt://127.0.0.1:{port}", password=PASSWORD, timeout=1.0)
    return make_client(store, "neo4j", neo4j_uri=f"bolt://127.0.0.1:{port}")


def assert_unavailable(client: TestClient) -> None:
    ready = client.get("/readyz")
    body = assert_problem(ready, 503)
    assert "cannot be reached" in body["detail"] or "unavailable" in body["detail"]
    assert ready.headers["retry-after"]
    assert_problem(client.get("/v1/countries/ISR/recognized-by"), 503)
    assert_problem(client.post("/v1/articles", json={"text": "Finland joined NATO."}), 503)
    assert client.get("/healthz").status_code == 200  # liveness does not depend on the store


def test_closed_port_gives_503_not_500() -> None:
    pytest.importorskip("neo4j")
    with neo4j_client(free_port()) as client:
        assert_unavailable(client)


@pytest.fixture
def real_neo4j(neo4j_session_store: GraphStore) -> Iterator[tuple[str, int]]:
    neo4j_session_store.wipe()  # type: ignore[attr-defined]
    uri = urlparse(os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"))
    yield uri.hostname or "127.0.0.1", uri.port or 7687


def test_recovers_when_the_server_returns(real_neo4j: tuple[str, int]) -> None:
    port = free_port()
    with neo4j_client(port) as client:
        assert_unavailable(client)
        relay = Relay(port, real_neo4j)
        try:
            deadline = time.monotonic() + 30
            while client.get("/readyz").status_code != 200 and time.monotonic() < deadline:
                time.sleep(0.2)
            assert client.get("/readyz").json()["status"] == "ready"
            posted = client.post("/v1/articles", json={"text": "Finland joined NATO in April 2023."})
            assert posted.status_code == 201, posted.text  # the catalog is loaded on this first write
            assert client.get("/v1/countries/FIN/memberships").json()["count"] == 1
            relay.close()
            time.sleep(0.2)
            assert_problem(client.get("/readyz"), 503)
        finally:
            relay.close()
