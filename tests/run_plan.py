"""How a test run is laid out over pytest-xdist workers: who runs what, and where each logs.

tests/conftest.py calls these from its hooks. The tests that run the real `python -m bot` and
wait on it (a chat's worst wait, an exit within 10 s after SIGTERM) are sensitive to how much CPU
they get, so they form two xdist groups: the chaos run (200 chats, the most CPU) and the
others. Each group runs on one worker, one test after another, so no two of the same kind
share the machine, while the other workers share out the rest. Most of these tests wait on
real time (a group's 20 messages a minute, a slow reply) with a core mostly idle, so `-n auto`
starts one worker more than there are cores.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

# The run's folder for what its workers share (the PostgreSQL server's address): made by the
# process that runs the session, and handed to each xdist worker in its `workerinput`.
_RUN_FOLDER = pytest.StashKey[Path]()
_RUN_FOLDER_INPUT = "warmup_run_folder"

# Modules whose tests start `python -m bot`, or wait for real seconds to pass, by xdist group.
WALL_CLOCK_GROUPS = {
    "test_chaos.py": "chaos",
    "test_process.py": "processes",
    "test_stopping.py": "processes",
    "test_two_processes.py": "processes",
}

# Modules whose tests need an empty database rather than one at the newest schema.
EMPTY_DATABASES = frozenset({"test_database.py"})

# `-n auto` starts at most this many workers.
MOST_WORKERS = 4

# Loggers that write much at DEBUG and never see the token: INFO is enough for them (PTB's
# Application logs each update in full). The calls of PTB's Bot, whose URLs carry the token,
# and the bot's own loggers stay at DEBUG: a leak of the token would show there.
QUIET_LOGGERS = ("aiosqlite", "matplotlib", "telegram.ext.Application")


def configure(config: pytest.Config) -> None:
    """Set up this process: the run's shared folder, and its log file."""
    workerinput: dict[str, Any] | None = getattr(config, "workerinput", None)
    if workerinput is None:
        config.stash[_RUN_FOLDER] = Path(tempfile.mkdtemp(prefix="warmup-run-"))
        _configure_log(config, None)
    else:
        config.stash[_RUN_FOLDER] = Path(workerinput[_RUN_FOLDER_INPUT])
        _configure_log(config, workerinput["workerid"])


def configure_worker(config: pytest.Config, workerinput: dict[str, Any]) -> None:
    """What the process that runs the session hands to a worker it starts."""
    workerinput[_RUN_FOLDER_INPUT] = str(run_folder(config))


def run_folder(config: pytest.Config) -> Path:
    return config.stash[_RUN_FOLDER]


def finish(config: pytest.Config, stop: Callable[[Path], None]) -> None:
    """In the process that ran the session, once every worker is done: `stop` what they
    shared in the run's folder, and remove it."""
    folder = config.stash.get(_RUN_FOLDER, None)
    if folder is None or hasattr(config, "workerinput"):
        return
    try:
        stop(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def worker_name() -> str:
    """This process's xdist worker id ("gw0"), or "main" in a run without workers."""
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


def worker_count() -> int:
    """Workers for `-n auto`: PYTEST_XDIST_AUTO_NUM_WORKERS, or one more than the cores (see
    above), up to a few."""
    if wanted := os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return int(wanted)
    return max(1, min(len(os.sched_getaffinity(0)) + 1, MOST_WORKERS))


def group_wall_clock_tests(items: list[pytest.Item]) -> None:
    """Put the tests of WALL_CLOCK_GROUPS in their xdist groups (for `--dist loadgroup`)."""
    for item in items:
        if group := WALL_CLOCK_GROUPS.get(item.path.name):
            item.add_marker(pytest.mark.xdist_group(group))


def _configure_log(config: pytest.Config, worker: str | None) -> None:
    """Give each xdist worker a log file of its own beside the run's (`.test-run-gw0.log`),
    and quiet the chattiest libraries. The run's process first removes the workers' files of
    an earlier run, so the token check at the end reads this run's only."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO)
    run_log = _run_log(config)
    if run_log is None:
        return
    if worker is None:
        for old in _worker_logs(run_log):
            old.unlink(missing_ok=True)
        config.option.log_file = str(run_log)
    else:
        config.option.log_file = str(run_log.with_name(f"{run_log.stem}-{worker}.log"))


def logs_with(config: pytest.Config, secret: str) -> list[Path]:
    """The run's log files (its own and every worker's) in which `secret` appears."""
    run_log = _run_log(config)
    if run_log is None:
        return []
    logs = [run_log, *_worker_logs(run_log)]
    return [log for log in logs if log.exists() and secret in _read(log)]


def _run_log(config: pytest.Config) -> Path | None:
    """The run's log file (the `log_file` setting, from the root folder); None without one."""
    setting = config.option.log_file or config.getini("log_file")
    return Path(config.rootpath, setting) if setting else None


def _worker_logs(run_log: Path) -> list[Path]:
    return sorted(run_log.parent.glob(f"{run_log.stem}-gw*.log"))


def _read(log: Path) -> str:
    return log.read_text(encoding="utf-8", errors="replace")
