"""nginx on a free loopback port, serving a static build with the generated configuration."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.ports import free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def wrapper(folder: Path, server_conf: Path, workers: int = 1) -> str:
    """Return a whole nginx.conf that includes the generated file, everything under folder."""
    return f"""worker_processes {workers};
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    client_body_temp_path {folder}/body; proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi; uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {server_conf};
}}
"""


class NginxServer:
    """nginx serving a build with the configuration `flask site nginx` generates."""

    def __init__(self, folder: Path, server_conf: str, port: int | None = None) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.folder.chmod(0o755)
        self.port = port or free_port()
        self.url = f"http://localhost:{self.port}"
        (folder / "knotwise.conf").write_text(server_conf)
        (folder / "nginx.conf").write_text(wrapper(folder, folder / "knotwise.conf"))
        self.process: subprocess.Popen | None = None

    def start(self) -> NginxServer:
        conf = self.folder / "nginx.conf"
        check = subprocess.run(
            [NGINX, "-t", "-q", "-p", str(self.folder), "-c", str(conf)],
            capture_output=True,
            text=True,
        )
        if check.returncode:
            raise RuntimeError(f"nginx refuses the configuration:\n{check.stderr}")
        self.process = subprocess.Popen([NGINX, "-p", str(self.folder), "-c", str(conf)])
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/sw.js", timeout=1).close()
                return self
            except urllib.error.HTTPError:
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"nginx did not start: {(self.folder / 'error.log').read_text()}")

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(10)
            self.process = None
