"""Command line: `python -m ocop build|check|serve` (the Makefile's targets call these)."""

from __future__ import annotations

import argparse
import os
import sys

from .build import BuildFailed, build, read_settings
from .check import run_check


def main(argv: list[str] | None = None) -> int:
    """Run one command; the exit status is non-zero on any error."""
    parser = argparse.ArgumentParser(prog="python -m ocop", description="OCOP catalogue tools")
    parser.add_argument("-s", "--settings", default="pelicanconf.py", help="Pelican settings file")
    parser.add_argument("--debug", action="store_true", help="show Python tracebacks")
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="build the site atomically into output/")
    build_parser.add_argument("-o", "--output", default=None)
    build_parser.add_argument("--relative-urls", action="store_true", help="links that work from any folder")
    commands.add_parser("check", help="validate every record without building")
    serve_parser = commands.add_parser("serve", help="build, serve and rebuild on every change")
    serve_parser.add_argument("-o", "--output", default=None)
    serve_parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
    serve_parser.add_argument("--bind", default="127.0.0.1")
    args = parser.parse_args(argv)

    if args.command == "check":
        return run_check(read_settings(args.settings), sys.stdout)
    if args.command == "build":
        overrides = {"RELATIVE_URLS": True} if args.relative_urls else {}
        try:
            path = build(args.settings, args.output, overrides, debug=args.debug)
        except BuildFailed as exc:
            sys.stderr.write(exc.report.rstrip() + "\n")
            return 1
        sys.stderr.write(f"{path}\n")
        return 0
    if args.command == "serve":
        from .serve import serve

        return serve(args.settings, args.output, args.bind, args.port)
    return 2


if __name__ == "__main__":
    sys.exit(main())
