"""Benchmark the reminder dispatcher on PostgreSQL with the loopback push service.

1. 100,000 reminders due in the same minute; two dispatcher processes
   (`flask reminders send-due`) at once. Prints the time until every one was delivered, the
   rate, and duplicates (must be 0) as counted by the push service (a separate process).
2. 1,000,000 reminders stored: EXPLAIN (ANALYZE) of the claim that finds due reminders, and
   the time one pass of it takes, with nothing due and with a batch due.

Run: python3 bench/dispatch.py [--due 100000] [--stored 1000000] [--dispatchers 2]
It starts its own PostgreSQL (initdb in a temporary folder, default durability settings).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.dialects import postgresql  # noqa: E402

from tests.pgserver import PostgresServer  # noqa: E402
from tests.pushservice import PushService  # noqa: E402
from webapp.push import db  # noqa: E402
from webapp.push.dispatcher import claim_statement  # noqa: E402

KEYS = 200  # distinct subscriber key pairs, reused: encryption costs the same for any key


def subscriber_keys(service: PushService) -> list[tuple[str, str]]:
    out = []
    for _ in range(KEYS):
        keys = service.subscriber().subscription()["keys"]
        out.append((keys["p256dh"], keys["auth"]))
    return out


def load(dsn: str, origin: str, first: int, count: int, per_sub: int, due, spread: bool):
    """COPY `count` subscriptions with `per_sub` reminders each into the database."""
    keys = subscriber_keys(PushService(verify=False))
    now = datetime.now(UTC).replace(tzinfo=None)
    with psycopg.connect(dsn) as connection, connection.cursor() as cursor:
        with cursor.copy(
            "COPY subscriptions (id, endpoint, p256dh, auth, token_hash, lang, timezone, "
            "paused, created_at, updated_at) FROM STDIN"
        ) as copy:
            for i in range(first, first + count):
                p256dh, auth = keys[i % KEYS]
                copy.write_row(
                    (f"s{i}", f"{origin}/push/s{i}", p256dh, auth, "0" * 64, "en",
                     "Europe/Berlin", False, now, now)
                )  # fmt: skip
        with cursor.copy(
            "COPY reminders (subscription_id, rid, days, minute, next_due, attempts) FROM STDIN"
        ) as copy:
            for i in range(first, first + count):
                for k in range(per_sub):
                    at = due + timedelta(minutes=(i * 7 + k * 131) % 10080 + 1) if spread else due
                    copy.write_row((f"s{i}", f"r{k}", 127, 450, at, 0))
        connection.commit()


def counts(origin: str) -> dict:
    with urllib.request.urlopen(origin + "/counts", timeout=5) as response:
        return json.loads(response.read())


def dispatch(args, env: dict, now: datetime, origin: str) -> None:
    """Run the dispatchers at once and report delivery time, rate and duplicates."""
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    command = [sys.executable, "-m", "flask", "--app", "webapp", "reminders", "send-due"]
    started = time.monotonic()
    procs = [
        subprocess.Popen(
            [*command, "--now", stamp],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(args.dispatchers)
    ]
    delivered_at = None
    while delivered_at is None:
        seen = counts(origin)
        if seen["distinct"] >= args.due:
            delivered_at = time.monotonic() - started
        elif all(p.poll() is not None for p in procs):
            break
        time.sleep(0.2)
    outputs = [p.communicate()[0].strip() for p in procs]
    finished = time.monotonic() - started
    seen = counts(origin)
    print(f"\n== {args.due:,} reminders due in the same minute, {args.dispatchers} dispatchers ==")
    for i, out in enumerate(outputs, 1):
        print(f"dispatcher {i}: {out.splitlines()[-1] if out else '(no output)'}")
    if delivered_at is None:
        print(f"NOT ALL DELIVERED: {seen}")
    else:
        rate = args.due / delivered_at
        print(f"all delivered after   {delivered_at:6.1f} s  ({rate:,.0f} per s)")
    print(f"dispatchers done after {finished:6.1f} s")
    print(f"deliveries {seen['total']:,}, distinct subscribers {seen['distinct']:,}, "
          f"duplicates {seen['duplicates']}")  # fmt: skip


def explain_claim(url: str, now: datetime, limit: int, label: str, runs: int = 20) -> None:
    """Print the claim's plan and the median time of one pass (each rolled back)."""
    engine = create_engine(url)
    statement = claim_statement(now, now + timedelta(minutes=5), secrets.token_hex(16), limit)
    compiled = statement.compile(dialect=postgresql.psycopg.dialect())
    sql, params = str(compiled), compiled.params
    with engine.connect() as connection:
        plan = connection.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + sql, params).scalars()
        plan = list(plan)
        connection.rollback()
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            found = len(connection.exec_driver_sql(sql, params).fetchall())
            times.append(time.perf_counter() - start)
            connection.rollback()
    engine.dispose()
    ms = sorted(t * 1000 for t in times)
    print(f"\n-- claim pass, {label}: {found} claimed, median {median(ms):.2f} ms "
          f"(min {ms[0]:.2f}, max {ms[-1]:.2f}) over {runs} runs")  # fmt: skip
    print("\n".join("   " + line for line in plan))
    uses_index = any("ix_reminders_next_due" in line for line in plan)
    print(f"   -> index scan on next_due: {'yes' if uses_index else 'NO'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--due", type=int, default=100_000)
    parser.add_argument("--stored", type=int, default=1_000_000)
    parser.add_argument("--dispatchers", type=int, default=2)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()

    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    pg = PostgresServer({"max_connections": "100"}).start()
    push = subprocess.Popen(
        [sys.executable, "-m", "tests.pushservice"], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    instance = tempfile.mkdtemp(prefix="knotwise-bench-")
    try:
        origin = push.stdout.readline().strip()
        url = pg.create_database("bench")
        dsn = f"host=127.0.0.1 port={pg.port} user=knotwise dbname=bench"
        db.upgrade(url)
        env = {
            **os.environ,
            "FLASK_TESTING": "true",
            "FLASK_INSTANCE_PATH": instance,
            "FLASK_DATABASE_URL": url,
            "FLASK_PUSH_TEST_ORIGINS": origin,
            "FLASK_DISPATCH_BATCH": str(args.batch),
            "FLASK_DISPATCH_WORKERS": str(args.workers),
        }
        # Make the VAPID key once, so both dispatchers sign with the same one.
        subprocess.run(
            [sys.executable, "-m", "flask", "--app", "webapp", "db", "upgrade"],
            cwd=ROOT, env=env, check=True, capture_output=True,
        )  # fmt: skip
        due = datetime.now(UTC).replace(tzinfo=None, second=0, microsecond=0)
        started = time.monotonic()
        load(dsn, origin, 0, args.due, 1, due, spread=False)
        print(f"loaded {args.due:,} due reminders in {time.monotonic() - started:.1f} s")
        dispatch(args, env, due + timedelta(seconds=5), origin)

        rest = max(0, args.stored - args.due)
        started = time.monotonic()
        load(dsn, origin, args.due, rest // 3, 3, due, spread=True)
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE reminders")
            stored = connection.execute("SELECT count(*) FROM reminders").fetchone()[0]
        print(f"\n== finding due reminders among {stored:,} stored ==")
        print(f"(loaded {rest // 3 * 3:,} more in {time.monotonic() - started:.1f} s)")
        now = due + timedelta(seconds=30)
        explain_claim(url, now, args.batch, "nothing due")
        explain_claim(url, due + timedelta(minutes=45), args.batch, "a batch due")
    finally:
        push.terminate()
        pg.stop()
        shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    main()
