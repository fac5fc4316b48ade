"""The command line starts with what its command needs (issue 12, point 6): `todo` and `schedule`
on a database already at today's schema load neither the matching's optimiser (scipy), nor the
migrations (Alembic), nor the workbook writer (openpyxl), nor the printing (fpdf2, matplotlib) or the
charts (plotly); the other commands are still all there."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

HEAVY = ("scipy", "alembic", "openpyxl", "fpdf", "matplotlib", "plotly", "streamlit")
# Runs a command in a fresh interpreter, then names the heavy packages it loaded (on stderr: the
# command's output may be bytes on stdout). argv[1] is the JSON list of heavy packages.
PROBE = """
import json, sys
from core.cli import main
heavy = set(json.loads(sys.argv[1]))
code = main(sys.argv[2:])
loaded = sorted({m.split(".")[0] for m in sys.modules} & heavy)
print(json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
"""


def loaded_by(*arguments: str) -> dict:
    result = subprocess.run([sys.executable, "-c", PROBE, json.dumps(HEAVY), *arguments], cwd=ROOT,
                            env=os.environ.copy(), capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stderr.decode().splitlines()[-1])


@pytest.mark.parametrize("arguments", [("todo",), ("schedule", "--year", "2026")])
def test_a_command_loads_only_what_it_needs(store, arguments):
    assert loaded_by(*arguments) == {"code": 0, "loaded": []}


def test_the_help_still_lists_every_command():
    result = subprocess.run([sys.executable, "-m", "core", "--help"], cwd=ROOT, env=os.environ.copy(),
                            capture_output=True, check=False)
    assert result.returncode == 0
    for command in ("schedule", "match", "timeline", "import", "hash-password", "guests", "messages", "todo",
                    "backup", "restore", "erase"):
        assert command in result.stdout.decode()
