"""Command line: `python -m ocop build|check|serve|report|cms-config|new-product|new-producer|new-news`.

The Makefile's targets call these.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys

from ..core.problems import BuildFailed
from .build import build, read_settings
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
    build_parser.add_argument("--preview", action="store_true",
                              help="keep the last search index instead of rebuilding it (make serve)")
    build_parser.add_argument("--no-search-index", action="store_true",
                              help="build without the search index (quicker; site search will not work)")
    check_parser = commands.add_parser("check", help="validate every record without building")
    check_parser.add_argument("--format", choices=("text", "github"), default="text",
                              help="text (path:line:column: ...) or github (workflow annotations)")
    check_parser.add_argument("--today", default=os.environ.get("OCOP_TODAY") or None,
                              help="judge validity on this date (YYYY-MM-DD; default: OCOP_TODAY or today)")
    _add_editor_commands(commands)
    serve_parser = commands.add_parser("serve", help="build, serve and rebuild on every change")
    serve_parser.add_argument("-o", "--output", default=None)
    serve_parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
    serve_parser.add_argument("--bind", default="127.0.0.1")
    cms = commands.add_parser("cms-config", help="the web form's configuration (admin/config.yml) from the schemas")
    cms.add_argument("-o", "--output", default=None, help="write it to this file (default: print it)")
    cms.add_argument("--local-backend", default=None,
                     help="the decap-server URL the form uses on localhost (default: the setting)")
    commands.add_parser("translations",
                        help="collect the templates' UI strings and the editors' messages into the .po catalogues")
    args = parser.parse_args(argv)

    if args.command == "check":
        overrides = {"OCOP_TODAY": args.today} if args.today else {}
        return run_check(read_settings(args.settings, overrides), sys.stdout, sys.stderr, args.format)
    if args.command in EDITOR_COMMANDS:
        return _run_editor_command(args)
    if args.command == "build":
        overrides = {"RELATIVE_URLS": True} if args.relative_urls else {}
        if args.preview:
            overrides["OCOP_PREVIEW"] = True
        if args.no_search_index:
            overrides["OCOP_SEARCH_INDEX"] = False
        try:
            path = build(args.settings, args.output, overrides, debug=args.debug)
        except BuildFailed as exc:
            sys.stderr.write(exc.report.rstrip() + "\n")
            return 1
        sys.stderr.write(f"{path}\n")
        return 0
    if args.command == "cms-config":
        from .cms_config import run as run_cms_config

        overrides = {"OCOP_CMS_LOCAL_BACKEND": args.local_backend} if args.local_backend else {}
        return run_cms_config(read_settings(args.settings, overrides), sys.stdout, args.output)
    if args.command == "translations":
        from ..core.settings import apply_defaults
        from .translations import run

        settings = apply_defaults(read_settings(args.settings))
        for line in run(settings["THEME"], settings["OCOP_LANGUAGES"], settings.get("DEFAULT_LANG", "vi")):
            print(line)
        return 0
    if args.command == "serve":
        from .serve import serve

        return serve(args.settings, args.output, args.bind, args.port)
    return 2


EDITOR_COMMANDS = ("report", "new-product", "new-producer", "new-news")


def _add_editor_commands(commands) -> None:
    """The editors' commands: the housekeeping report and the three scaffolds."""
    today_help = "judge validity on this date (YYYY-MM-DD; default: OCOP_TODAY or today)"
    report = commands.add_parser("report", help="housekeeping report (Markdown): expiring certificates, gaps")
    report.add_argument("-o", "--output", default=None, help="write the report to this file")
    report.add_argument("--days", type=int, default=None, help="expiry window in days (default 90)")
    report.add_argument("--today", default=os.environ.get("OCOP_TODAY") or None, help=today_help)
    sources_help = "source id in products/_sources/ (repeat, or separate with commas)"
    product = commands.add_parser("new-product", help="create products/<slug>/product.yaml (asks when no --name)")
    product.add_argument("--name")
    product.add_argument("--name-en")
    product.add_argument("--slug", help="folder name (default: made from the name)")
    product.add_argument("--region", help="district id in products/_regions/")
    product.add_argument("--commune")
    product.add_argument("--producer", help="producer id in products/_producers/")
    product.add_argument("--decision", help="decision id in products/_decisions/")
    product.add_argument("--stars")
    product.add_argument("--group")
    product.add_argument("--source", action="append", default=[], help=sources_help)
    product.add_argument("--verified", help="last_verified date (default: today, when a source is given)")
    producer = commands.add_parser("new-producer", help="create products/_producers/<id>.yaml (asks when no --name)")
    producer.add_argument("--name")
    producer.add_argument("--name-en")
    producer.add_argument("--slug", help="file name (default: made from the name)")
    producer.add_argument("--legal-form")
    producer.add_argument("--region")
    producer.add_argument("--commune")
    producer.add_argument("--source", action="append", default=[], help=sources_help)
    producer.add_argument("--verified", help="last_verified date (default: today, when a source is given)")
    news = commands.add_parser("new-news", help="create content/news/<slug>.md (asks when no --title)")
    news.add_argument("--title")
    news.add_argument("--slug")
    news.add_argument("--date", help="YYYY-MM-DD (default: today)")
    news.add_argument("--products", action="append", default=[], help="product ids, separated by commas")
    news.add_argument("--producers", action="append", default=[], help="producer ids, separated by commas")
    news.add_argument("--source", action="append", default=[], help=sources_help)
    news.add_argument("--summary")


def _run_editor_command(args) -> int:
    from ..core.messages import message_lang

    if args.command == "report":
        from .report import run_report

        overrides = {"OCOP_TODAY": args.today} if args.today else {}
        settings = read_settings(args.settings, overrides)
        return run_report(settings, sys.stdout, sys.stderr, args.output, args.days)

    from .scaffold import run, split_list

    settings = read_settings(args.settings)
    lang = message_lang(settings)
    kind = args.command.removeprefix("new-")
    if kind == "news":
        values = None if args.title is None else {
            "title": args.title, "slug": args.slug, "date": args.date, "summary": args.summary,
            "products": split_list(args.products), "producers": split_list(args.producers),
            "sources": split_list(args.source),
        }
    elif args.name is None:
        values = None
    else:
        values = {key: getattr(args, key, None) for key in (
            "name", "name_en", "slug", "region", "commune", "producer", "decision", "stars", "group",
            "legal_form", "verified")}
        values["sources"] = split_list(args.source)
    return run(kind, settings, lang, values, sys.stdin, sys.stdout, sys.stderr)


def exit_now(status: int) -> None:
    """End the process without tearing down its objects, once every file is written and closed.

    A build leaves millions of objects behind (10,000 products); freeing them
    one by one at interpreter exit took longer than a warm build's writing
    (about 2 s). Nothing is lost: every file was written by the command, and
    the logs and standard streams are flushed first.
    """
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more can be said on it
            stream.flush()
    os._exit(status)

