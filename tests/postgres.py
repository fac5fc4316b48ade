"""A throwaway PostgreSQL server for the store's tests: initdb and pg_ctl from the machine's
package manager (Debian's postgresql package; .ci/run installs it where missing), a data folder
in /tmp, a free port on 127.0.0.1, trust authentication, stopped when the tests end."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


def bindir() -> Path | None:
    """Where initdb and pg_ctl are, or None when PostgreSQL is not installed."""
    found = shutil.which("pg_config")
    if found:
        path = Path(subprocess.run([found, "--bindir"], capture_output=True, text=True).stdout.strip())
        if (path / "initdb").exists():
            return path
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def server() -> Iterator[str]:
    """Start a server and yield a SQLAlchemy URL to an empty database on it."""
    binaries = bindir()
    if binaries is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    # initdb refuses to run as root: then the server runs as the postgres user Debian creates.
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder = Path(tempfile.mkdtemp(prefix="mentorplan-pg-"))
    data, log = folder / "data", folder / "server.log"
    if as_user:
        shutil.chown(folder, "postgres")
    port = _free_port()
    try:
        subprocess.run(as_user + [str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "mentorplan",
                                  "-E", "UTF8", "--no-sync"], check=True, capture_output=True, timeout=120)
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        subprocess.run(as_user + [str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log),
                                  "-w", "-t", "60", "start"], check=True, capture_output=True, timeout=90)
        subprocess.run(as_user + [str(binaries / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U",
                                  "mentorplan", "mentorplan"], check=True, capture_output=True, timeout=60)
        yield f"postgresql+psycopg://mentorplan@127.0.0.1:{port}/mentorplan"
    finally:
        subprocess.run(as_user + [str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        time.sleep(0.2)
        shutil.rmtree(folder, ignore_errors=True)
