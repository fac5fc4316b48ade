"""`python -m core …`: Mentorplan's command line (see core/cli).

The garbage collector waits while the command's modules load: importing pandas, SQLAlchemy and
the domain makes some hundreds of thousands of objects that live as long as the process and no
garbage, and collecting over them again and again took a tenth of a second or more of the
start (issue 12). core.cli.main freezes what was loaded and starts collecting before the command
runs."""

import gc
import sys

gc.disable()

from core.cli import main  # noqa: E402  (after the collector is held)

sys.exit(main())
