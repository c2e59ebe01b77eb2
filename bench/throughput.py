#!/usr/bin/env python3
"""Print requests/s for a guide page under gunicorn beside nginx serving the same HTML.

Runs, on loopback only and for a bounded time: gunicorn (2 sync workers) serving the app,
nginx serving the same guide's HTML saved as a static file, nginx with a short proxy cache in
front of gunicorn, and nginx serving the static build (`flask site build`) with the generated
configuration (`flask site nginx`, the production setup the README describes); then wrk
against each in turn (2 threads, 32 connections, 10 s) and prints the figures and ratios.
Targets: gunicorn >= 50% of nginx; the build on nginx >= 95% of nginx serving a plain file.
Needs gunicorn, nginx and wrk (scripts/install --test installs them).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.nginxserver import wrapper  # noqa: E402
from tests.ports import free_port  # noqa: E402

GUIDE = "/en/spots/13-low-back-pit"
DURATION = "10s"


def wait_for(url: str) -> bytes:
    for _ in range(100):
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                return r.read()
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


def wrk(url: str) -> float:
    out = subprocess.run(
        ["wrk", "-t2", "-c32", f"-d{DURATION}", url], capture_output=True, text=True, check=True
    ).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main() -> int:
    for tool in ("gunicorn", "nginx", "wrk"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            print(f"missing {tool}: run scripts/install --test")
            return 1
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        tmp.chmod(0o755)  # nginx workers run as an unprivileged user
        app_port, nginx_port, proxy_port = free_port(), free_port(), free_port()
        site_port = free_port()
        env = {"FLASK_INSTANCE_PATH": str(tmp / "instance"), "PATH": "/usr/bin:/bin:/usr/local/bin"}

        env = {**os.environ, **env}
        app = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-w",
                "2",
                "-b",
                f"127.0.0.1:{app_port}",
                "--log-level",
                "warning",
                "webapp:create_app()",
            ],
            cwd=ROOT,
            env=env,
        )
        nginx = site = None
        try:
            html = wait_for(f"http://127.0.0.1:{app_port}{GUIDE}")
            (tmp / "www").mkdir()
            (tmp / "www" / "guide.html").write_bytes(html)
            conf = tmp / "nginx.conf"
            conf.write_text(
                f"""worker_processes 2; daemon off; pid {tmp}/nginx.pid; error_log {tmp}/error.log;
events {{ worker_connections 1024; }}
http {{ access_log off; sendfile on; types {{ text/html html; }}
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fcgi;
  uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  proxy_cache_path {tmp}/cache keys_zone=pages:1m;
  server {{ listen 127.0.0.1:{nginx_port}; root {tmp}/www; }}
  server {{ listen 127.0.0.1:{proxy_port};
    location / {{ proxy_pass http://127.0.0.1:{app_port}; proxy_cache pages;
      proxy_cache_valid 200 1m; proxy_cache_lock on; proxy_cache_use_stale updating;
      proxy_ignore_headers Cache-Control; }} }} }}
"""
            )
            nginx = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(tmp)])
            wait_for(f"http://127.0.0.1:{nginx_port}/guide.html")
            flask_rps = wrk(f"http://127.0.0.1:{app_port}{GUIDE}")
            nginx_rps = wrk(f"http://127.0.0.1:{nginx_port}/guide.html")
            wait_for(f"http://127.0.0.1:{proxy_port}{GUIDE}")
            proxied_rps = wrk(f"http://127.0.0.1:{proxy_port}{GUIDE}")
            # The static build with the generated configuration (the same worker count).
            flask = [sys.executable, "-m", "flask", "--app", "webapp", "site"]
            subprocess.run([*flask, "build", str(tmp / "site")], cwd=ROOT, env=env, check=True)
            generated = subprocess.run(
                [*flask, "nginx", "--root", str(tmp / "site"), "--api", f"127.0.0.1:{app_port}"]
                + ["--listen", f"127.0.0.1:{site_port}"],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            (tmp / "built").mkdir()
            (tmp / "built" / "knotwise.conf").write_text(generated)
            (tmp / "built" / "nginx.conf").write_text(
                wrapper(tmp / "built", tmp / "built" / "knotwise.conf", workers=2)
            )
            site = subprocess.Popen(
                ["nginx", "-p", str(tmp / "built"), "-c", str(tmp / "built" / "nginx.conf")]
            )
            built = wait_for(f"http://127.0.0.1:{site_port}{GUIDE}")
            assert built == html, "the build's guide differs from the app's"
            # Taken in turns, three times each: on a shared machine the load moves.
            plain_runs, built_runs = [], []
            for _ in range(3):
                plain_runs.append(wrk(f"http://127.0.0.1:{nginx_port}/guide.html"))
                built_runs.append(wrk(f"http://127.0.0.1:{site_port}{GUIDE}"))
        finally:
            app.terminate()
            for server in (nginx, site):
                if server:
                    server.terminate()
            app.wait(10)
    print(f"page: {GUIDE} ({len(html)} bytes of HTML, uncompressed on both sides)")
    print(f"gunicorn (2 workers): {flask_rps:,.0f} requests/s")
    print(f"nginx static file:    {nginx_rps:,.0f} requests/s")
    print(f"nginx micro-cache (1 min) in front of gunicorn: {proxied_rps:,.0f} requests/s")
    ratio = flask_rps / nginx_rps
    print(
        f"ratio gunicorn / nginx: {ratio:.0%} (target >= 50%): {'OK' if ratio >= 0.5 else 'BELOW'}"
    )
    print(f"ratio with the micro-cache: {proxied_rps / nginx_rps:.0%}")
    plain, built_rps = statistics.median(plain_runs), statistics.median(built_runs)
    print(
        f"nginx serving the build (generated config): {built_rps:,.0f} requests/s "
        f"(median of {', '.join(f'{r:,.0f}' for r in built_runs)})"
    )
    print(
        f"nginx plain file, in turns with it: {plain:,.0f} requests/s "
        f"(median of {', '.join(f'{r:,.0f}' for r in plain_runs)})"
    )
    built_ratio = built_rps / plain
    print(
        f"ratio build / nginx plain file: {built_ratio:.0%} (target >= 95%): "
        f"{'OK' if built_ratio >= 0.95 else 'BELOW'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
