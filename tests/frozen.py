"""Run the flask command line with the wall clock frozen at a given moment.

A test that starts the app in another process (a dispatcher) runs it through this module, so
that process shares the test's frozen clock:

    python -m tests.frozen 2026-11-25T12:00:00+00:00 --app webapp reminders send-due
"""

from __future__ import annotations

import sys
from datetime import datetime

import time_machine
from flask.cli import main

if __name__ == "__main__":
    moment = datetime.fromisoformat(sys.argv[1])
    sys.argv = ["flask", *sys.argv[2:]]
    with time_machine.travel(moment, tick=False):
        main()
