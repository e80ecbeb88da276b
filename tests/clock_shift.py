"""`python -m tests.clock_shift`: `python -m bot` with its wall clock moved ahead.

The chaos run (tests/chaos.py) sets reminders and waits for their minute, and the bot's
reminder tick runs on whole minutes of its clock: moved by CLOCK_SHIFT_SECONDS (0 to 60), the
minute comes when the run wants it rather than when the real one does. Everything in the
process that reads the wall clock sees the moved one, running at the real pace (the bot's
`utc_now`, the scheduler, datetime and time.time); monotonic clocks are left as they are.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta

import time_machine

from bot.__main__ import main

SHIFT = "CLOCK_SHIFT_SECONDS"


def shifted_main() -> int:
    """Run the bot's own `main` on the moved clock."""
    shift = timedelta(seconds=float(os.environ.pop(SHIFT, "0")))
    with time_machine.travel(datetime.now(UTC) + shift, tick=True):
        return main()


if __name__ == "__main__":
    sys.exit(shifted_main())
