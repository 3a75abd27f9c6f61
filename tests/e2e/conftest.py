"""End-to-end fixtures: a seeded embedded store on disk, the real app served by uvicorn in a
child process on a free loopback port, and Debian's Chromium for Playwright."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graph.models import Article, Claim, Evidence, RelationType, Status
from graph.seed import seed_store
from graph.store.embedded import EmbeddedStore
from tests.conftest import IN_CI, REPO

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
DASHBOARD_PACKAGES = REPO / "api" / "dashboard" / "node_modules"
OUTPUT = REPO / "test-output"

# One hand-written news item on top of the seed, so evidence shows an article, not only seed rows.
NEWS_SENTENCE = "Saudi and Israeli envoys met in Riyadh on Tuesday to resume talks on normalising relations."
NEWS_ARTICLE = Article(
    id="e2e-talks", title="Envoys resume normalisation talks", date=dt.date(2025, 6, 3),
    source="e2e-wire", url="https://example.org/e2e-talks", content_hash="e2e0000000000001",
)
NEWS_CLAIM = Claim(
    subject="SAU", predicate=RelationType.NEGOTIATING_WITH, object="ISR", status=Status.IN_FORCE,
    event_date=dt.date(2025, 6, 3), confidence=0.8, rule="e2e-fixture",
    evidence=Evidence(sentence=NEWS_SENTENCE, start=0, end=len(NEWS_SENTENCE)),
)


def unavailable(reason: str) -> None:
    """Missing browser or packages: a failure in CI, a skip on a developer's machine."""
    if IN_CI:
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def seeded_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding the seeded graph plus one news article (built once per run)."""
    path = tmp_path_factory.mktemp("seeded")
    store = EmbeddedStore.open(path)
    try:
        seed_store(store)
        store.add_article(NEWS_ARTICLE, [NEWS_CLAIM])
    finally:
        store.close()
    return path


@pytest.fixture
def data_dir(seeded_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the seeded data dir, for tests that write."""
    target = tmp_path / "data"
    shutil.copytree(seeded_dir, target)
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cli_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIPLOGRAPH_", "NEO4J_"))}
    env.update(DIPLOGRAPH_STORE="embedded", DIPLOGRAPH_DATA_DIR=str(data_dir), COLUMNS="160",
               NO_COLOR="1", PYTHONIOENCODING="utf-8")
    return env


def _wait_until_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited early with code {proc.returncode}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"the server at {url} did not become ready in {timeout:.0f}s")


@pytest.fixture(scope="module")
def live_url(seeded_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``diplograph serve`` on a copy of the seeded store; yields its base URL."""
    data = tmp_path_factory.mktemp("served") / "data"
    shutil.copytree(seeded_dir, data)
    port = free_port()
    log = (tmp_path_factory.mktemp("logs") / "server.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "graph.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=REPO, env=cli_env(data), stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing: apt-get install -y chromium")
    if not (DASHBOARD_PACKAGES / "d3").is_dir():
        unavailable("the dashboard's npm packages are missing: run `npm ci` in api/dashboard")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
