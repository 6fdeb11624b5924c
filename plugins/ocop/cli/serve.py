"""`make serve`: build, serve output/ on localhost, rebuild whenever a source changes.

Each rebuild runs in a fresh Python process, so edited plugin code is picked up
and no state survives from one build to the next. Builds are atomic, so the
server keeps serving the last good site while a broken record is being fixed.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
import time

from ..core.paths import PACKAGE_DIR
from .build import read_settings

POLL_SECONDS = 0.4


def watched_paths(settings: dict, settings_file: str) -> list[str]:
    """Everything a build reads: content, records, theme, plugins and settings files."""
    from ..core.settings import apply_defaults, data_path

    apply_defaults(settings)
    root = os.path.dirname(os.path.abspath(settings["PATH"]))
    paths = [settings["PATH"], data_path(settings), settings["THEME"], os.path.abspath(settings_file)]
    paths += [os.path.join(root, p) if not os.path.isabs(p) else p for p in settings.get("PLUGIN_PATHS", [])]
    return sorted(set(os.path.abspath(p) for p in paths))


def snapshot(paths: list[str]) -> dict[str, tuple[int, int]]:
    """(mtime, size) of every file under `paths`; a change in it means rebuild."""
    state: dict[str, tuple[int, int]] = {}
    for top in paths:
        if os.path.isfile(top):
            stat = os.stat(top)
            state[top] = (stat.st_mtime_ns, stat.st_size)
            continue
        for folder, dirs, files in os.walk(top):
            dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
            for name in files:
                path = os.path.join(folder, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                state[path] = (stat.st_mtime_ns, stat.st_size)
    return state


def run_build(settings_file: str, output: str) -> bool:
    """One build in a fresh interpreter; its messages go to this terminal."""
    env = dict(os.environ)
    plugins = os.path.dirname(PACKAGE_DIR)
    env["PYTHONPATH"] = plugins + os.pathsep + env.get("PYTHONPATH", "")
    started = time.monotonic()
    # --preview: pages at once; the search index is rebuilt by `make html`, not on every save.
    result = subprocess.run([sys.executable, "-m", "ocop", "-s", settings_file, "build", "-o", output, "--preview"],
                            env=env)
    took = time.monotonic() - started
    print(f"{'✓' if result.returncode == 0 else '✗'} {time.strftime('%H:%M:%S')} ({took:.1f} s)", flush=True)
    return result.returncode == 0


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def send_error(self, code, message=None, explain=None):
        """A missing page gets the site's own 404.html (status 404), as the hosts serve it."""
        page = os.path.join(self.directory, "404.html")
        if code != 404 or not os.path.isfile(page):
            return super().send_error(code, message, explain)
        with open(page, "rb") as handle:
            body = handle.read()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


def serve(settings_file: str, output: str | None, bind: str, port: int) -> int:
    """Serve until interrupted; returns the exit status."""
    settings = read_settings(settings_file)
    output = os.path.abspath(output or settings["OUTPUT_PATH"])
    paths = watched_paths(settings, settings_file)
    run_build(settings_file, output)
    os.makedirs(output, exist_ok=True)
    handler = functools.partial(_QuietHandler, directory=output)
    server = http.server.ThreadingHTTPServer((bind, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving {output} at http://{bind}:{port}/ — Ctrl+C to stop.", flush=True)
    state = snapshot(paths)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            current = snapshot(paths)
            if current != state:
                state = current
                run_build(settings_file, output)
                state = snapshot(paths)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
