"""`python -m core …`: Mentorplan's command line (see core/cli).

Two things are set before anything is loaded, for a start under a second (issue 12):

- The garbage collector waits while the command's modules load: importing pandas, SQLAlchemy and
  the domain makes some hundreds of thousands of objects that live as long as the process and no
  garbage, and collecting over them again and again took a tenth of a second or more of the
  start. core.cli.main freezes what was loaded and starts collecting before the command runs.
- pandas is kept from loading pyarrow. pandas loads it, when it is installed (Streamlit needs it),
  to back its text columns; the command line's tables are a register's few thousand rows, which
  pandas' own Python-backed text columns hold as well, and the import cost 70–150 ms. A `None` in
  sys.modules is how Python is told a module is not there: pandas takes pyarrow as not installed.
  No command uses pyarrow; the dashboard, a process of its own, is not touched."""

import gc
import sys

gc.disable()
sys.modules.setdefault("pyarrow", None)  # type: ignore[arg-type]  # None: the import system's "not there"

from core.cli import main  # noqa: E402  (after the collector is held and pyarrow left out)

sys.exit(main())
