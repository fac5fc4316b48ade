"""How fast the command line starts: `python -m core todo` and `python -m core schedule --year
2026`, each run as a whole process (interpreter start, imports, opening the database, the work,
the output) on a register with the example data, the median of several runs.

    python scripts/bench_cli.py [--runs 7] [--database FILE]

The target is under 1 s for each. Each figure is the wall-clock time and the CPU time the process
used (which other work on a busy machine does not add to); for scale, the same for a bare
interpreter (`python -c pass`) and for `import pandas`, which `todo` needs (`schedule` does not),
loaded as the command line loads it, without pyarrow.
Run it through `make bench`, which first compiles Mentorplan's modules (`make bytecode`) as an
installation would; the first run also fills data/cache (Sweden's days off, the labels), as a
coordinator's first command does. --database times the commands on a register of your own (a
SQLite file, e.g. one `bench_pages.py --keep` built)."""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-12-01"
TARGET = 1.0
COMMANDS = {
    "todo": ["-m", "core", "todo"],
    "schedule": ["-m", "core", "schedule", "--year", "2026"],
    "(python -c pass)": ["-c", "pass"],
    # pandas as the command line loads it: without pyarrow (core/__main__.py)
    "(import pandas)": ["-c", "import sys; sys.modules['pyarrow'] = None; import pandas"],
}


def timed(arguments: list[str], environment: dict[str, str]) -> tuple[float, float]:
    """Wall-clock seconds, and the CPU seconds the process used (user + system: what a busy
    machine's other work does not add to)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, *arguments], cwd=ROOT, env=environment, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--database", type=Path, help="a SQLite register to time the commands on (copied first)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be 1 or more")
    if args.database is not None and not args.database.is_file():
        parser.error(f"--database {args.database}: no such file")
    with tempfile.TemporaryDirectory() as folder:
        environment = {**os.environ, "MENTORPLAN_DATABASE_URL": f"sqlite:///{folder}/mentorplan.db",
                       "MENTORPLAN_TODAY": TODAY, "MENTORPLAN_BACKUP_DIR": f"{folder}/backups",
                       "MENTORPLAN_BACKUP_KEY_FILE": f"{folder}/backup.key", "MENTORPLAN_LANG": "sv"}
        if args.database is not None:  # a copy (SQLite's own backup, WAL included): timing never touches it
            with sqlite3.connect(args.database) as source, sqlite3.connect(Path(folder) / "mentorplan.db") as copy:
                source.backup(copy)
        else:
            subprocess.run([sys.executable, "-c", (
                "from core import services; from core.followup.examples import load_examples; "
                "from core.platform import clock; store = services.open_store(); "
                "load_examples(store, services.programme(store), clock.today())")],
                cwd=ROOT, env=environment, check=True)
        print(f"median of {args.runs} runs as a whole process, s (target < {TARGET:.1f} s for the commands)")
        print(f"{'':<18} {'wall':>6} {'cpu':>6}")
        for name, arguments in COMMANDS.items():
            timed(arguments, environment)  # warm-up: the files in the page cache, as on a second run
            runs = [timed(arguments, environment) for _ in range(args.runs)]
            wall, cpu = (statistics.median(figures) for figures in zip(*runs, strict=True))
            mark = "  ← over" if not name.startswith("(") and wall >= TARGET else ""
            print(f"{name:<18} {wall:6.2f} {cpu:6.2f}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
