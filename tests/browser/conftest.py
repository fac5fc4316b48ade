"""The real-browser tests: the dashboard started with `streamlit run` on a free localhost port,
with a password login configured, driven by Playwright in headless Chromium. Chromium comes
from the machine's package manager (scripts/install_test_tools.sh); no browser is downloaded."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from core.platform.auth import hash_password
from tests.conftest import ROOT, TODAY

PASSWORD = "korrekt häst batteri häftapparat"
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on http://127.0.0.1:PORT with its own empty database and a password set."""
    folder = tmp_path_factory.mktemp("server")
    secrets = folder / "secrets.toml"
    secrets.write_text(f'[mentorplan]\npassword_hash = "{hash_password(PASSWORD)}"\n', encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "MENTORPLAN_TODAY": TODAY.isoformat(),
           "MENTORPLAN_DATABASE_URL": f"sqlite:///{folder / 'mentorplan.db'}",
           "MENTORPLAN_BACKUP_DIR": str(folder / "backups")}
    log = (folder / "streamlit.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--secrets.files", str(secrets),
         "--browser.gatherUsageStats", "false"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError((folder / "streamlit.log").read_text())
        yield {"url": url, "folder": folder, "database": env["MENTORPLAN_DATABASE_URL"]}
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def browser():
    if chromium() is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed; .ci/run installs it (scripts/install_test_tools.sh)")
        pytest.skip("Chromium is not installed here; `apt-get install chromium` to run the browser tests")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, tmp_path):
    context = browser.new_context(viewport={"width": 1500, "height": 1300}, accept_downloads=True,
                                  locale="sv-SE", timezone_id="Europe/Stockholm")
    context.set_default_timeout(45_000)
    opened = context.new_page()
    yield opened
    context.close()


def screenshot(page, name: str, folder: Path) -> Path:
    """Save what the page shows; into docs/screenshots when UPDATE_SCREENSHOTS=1 (for the README)."""
    target = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else folder
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{name}.png"
    page.wait_for_timeout(1500)  # let charts finish drawing
    page.screenshot(path=str(path))
    return path
