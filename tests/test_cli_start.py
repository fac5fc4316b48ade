"""The command line starts with what its command needs (issue 12, point 6): `todo` and `schedule`
on a database already at today's schema load neither the matching's optimiser (scipy), nor the
migrations (Alembic), nor the workbook writer (openpyxl), nor the printing (fpdf2, matplotlib) or the
charts (plotly), nor the calendar files' writer (icalendar), nor — once Sweden's days off are kept
in the cache — the holidays package; `schedule` makes no frame and loads no pandas. The other
commands are still all there. (scripts/bench_cli.py times them.)"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys

import pytest

from core.cli import loaded
from tests.conftest import ROOT

HEAVY = ("scipy", "alembic", "openpyxl", "fpdf", "matplotlib", "plotly", "streamlit", "icalendar", "holidays",
         "pandas", "pyarrow")
# Runs a command as `python -m core` does (core/__main__.py), in a fresh interpreter, then names
# the heavy packages it loaded (on stderr: the command's output may be bytes on stdout). argv[1] is
# the JSON list of heavy packages. A package kept out by a None in sys.modules is not loaded.
PROBE = """
import json, runpy, sys
heavy = set(json.loads(sys.argv[1]))
sys.argv = ["core", *sys.argv[2:]]
try:
    runpy.run_module("core", run_name="__main__")
except SystemExit as end:
    code = end.code
loaded = sorted({m.split(".")[0] for m, module in sys.modules.items() if module is not None} & heavy)
print(json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
"""


def loaded_by(*arguments: str) -> dict:
    result = subprocess.run([sys.executable, "-c", PROBE, json.dumps(HEAVY), *arguments], cwd=ROOT,
                            env=os.environ.copy(), capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stderr.decode().splitlines()[-1])


@pytest.mark.parametrize(("arguments", "needed"), [(("todo",), ["pandas"]), (("schedule", "--year", "2026"), [])])
def test_a_command_loads_only_what_it_needs(store, arguments, needed):
    loaded_by(*arguments)  # the first run may work out Sweden's days off and keep them
    assert loaded_by(*arguments) == {"code": 0, "loaded": needed}


def test_the_collector_waits_while_the_modules_load_then_collects(store):
    """python -m core holds the garbage collector while it imports (core/__main__.py); before
    the command runs, what was loaded is frozen and collecting resumes (core.cli.loaded)."""
    probe = ("import gc, runpy, sys\nsys.argv = ['core', 'schedule', '--year', '2026']\n"
             "try:\n    runpy.run_module('core', run_name='__main__')\nexcept SystemExit as end:\n"
             "    print(end.code, gc.isenabled(), gc.get_freeze_count() > 10_000, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=os.environ.copy(), capture_output=True,
                            check=False)
    assert result.stderr.decode().split() == ["0", "True", "True"], result.stderr.decode()


def test_in_process_the_collector_is_left_as_it_is():
    gc.disable()
    try:
        loaded()
        assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
    loaded()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_the_help_still_lists_every_command():
    result = subprocess.run([sys.executable, "-m", "core", "--help"], cwd=ROOT, env=os.environ.copy(),
                            capture_output=True, check=False)
    assert result.returncode == 0
    for command in ("schedule", "match", "timeline", "import", "hash-password", "guests", "messages", "todo",
                    "backup", "restore", "erase"):
        assert command in result.stdout.decode()
