"""Run a module's command line (flask, gunicorn) with the wall clock frozen at a given moment.

A test that starts the app in another process (a dispatcher, gunicorn) runs it through this
module, so that process shares the test's frozen clock (tests.conftest.NOW):

    python -m tests.frozen 2026-11-25T12:00:00+00:00 flask --app webapp reminders send-due
"""

from __future__ import annotations

import runpy
import sys
from datetime import datetime

import time_machine

if __name__ == "__main__":
    moment, module = datetime.fromisoformat(sys.argv[1]), sys.argv[2]
    sys.argv = [module, *sys.argv[3:]]
    with time_machine.travel(moment, tick=False):
        runpy.run_module(module, run_name="__main__", alter_sys=True)
