"""Pull the plug mid-import: the import command is killed (SIGKILL, no clean-up) in the middle of
its transaction, and the database opens afterwards intact, with the register exactly as before."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import text

from core.store import Store
from tests.conftest import ROOT

# Runs the real `python -m core import` with a hook that kills the process after the fifth row
# of participations is written, inside the import's one transaction.
KILLER = textwrap.dedent("""
    import os, signal, sys
    from sqlalchemy import Engine, event
    written = 0

    @event.listens_for(Engine, "after_execute")
    def pull_the_plug(connection, statement, *args):
        global written
        if getattr(statement, "table", None) is not None and statement.table.name == "participations" \\
                and statement.is_insert:
            written += 1
            if written == 5:
                os.kill(os.getpid(), signal.SIGKILL)

    from core.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def sign_up_sheet(path, first, count):
    lines = ["Namn;E-post;Organisation;Språk;Utvecklingsområden;Samtycke"]
    lines += [f"Person {i} Testsson;person{i}@example.se;Region Norr;svenska;ledarskap;Ja"
              for i in range(first, first + count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_a_killed_import_leaves_the_register_as_it_was(tmp_path, database_url):
    env = {**os.environ, "MENTORPLAN_DATABASE_URL": database_url}
    command = [sys.executable, "-m", "core", "import", "--role", "mentee", "--cohort", "autumn-2026"]
    first = subprocess.run(command + [str(sign_up_sheet(tmp_path / "first.csv", 0, 10))], cwd=ROOT, env=env,
                           capture_output=True, timeout=120)
    assert first.returncode == 0, first.stderr.decode()
    before = Store(database_url).participants()
    assert len(before) == 10

    killed = subprocess.run([sys.executable, "-c", KILLER, "import", "--role", "mentee", "--cohort", "autumn-2026",
                             str(sign_up_sheet(tmp_path / "second.csv", 100, 40))],
                            cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL  # it really died mid-transaction

    store = Store(database_url)  # opening recovers from the write-ahead log
    with store.reading() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    after = store.participants()
    assert after.drop(columns=["extra"]).equals(before.drop(columns=["extra"]))

    again = subprocess.run(command + [str(tmp_path / "second.csv")], cwd=ROOT, env=env, capture_output=True,
                           timeout=120)  # the same file, not interrupted, imports whole
    assert again.returncode == 0 and len(Store(database_url).participants()) == 50
