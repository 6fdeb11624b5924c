"""Where a new record's file goes, and whether that place (or its id) is taken already."""

from __future__ import annotations

import os

from ...core.slugs import slugify
from ...records.model import PRODUCT_FILE
from .context import Context, ScaffoldError

# What each kind is called in the "already exists" message.
KIND_NAMES = {"product": "kind_product", "producer": "kind_producer", "news": "sc_kind_news"}


def news_folder(settings: dict) -> str:
    """The folder new news articles go to: the first of ARTICLE_PATHS under PATH."""
    paths = settings.get("ARTICLE_PATHS") or [""]
    return os.path.join(os.path.abspath(settings["PATH"]), paths[0])


def record_path(ctx: Context, kind: str, slug: str) -> str:
    """The file a new record of `kind` is written to."""
    if kind == "product":
        return os.path.join(ctx.catalogue.root, slug, PRODUCT_FILE)
    if kind == "producer":
        return os.path.join(ctx.catalogue.root, "_producers", slug + ".yaml")
    return os.path.join(news_folder(ctx.settings), slug + ".md")


def refuse_taken(ctx: Context, kind: str, slug: str) -> None:
    """Raise ScaffoldError when a record of `kind` already has `slug` (its file, a twin, a news slug)."""
    message = taken(ctx, kind, slug)
    if message:
        raise ScaffoldError(ctx.error(message))


def taken(ctx: Context, kind: str, slug: str) -> str | None:
    """Why a new record of `kind` cannot use `slug` (it exists already), or None."""
    path = record_path(ctx, kind, slug)
    what = ctx.t(KIND_NAMES[kind])
    if kind == "news":
        if os.path.exists(path):
            return ctx.t("sc_exists", what=what, path=ctx.rel(path))
        other = _news_with_slug(ctx.settings, slug)
        return ctx.t("sc_slug_taken", slug=slug, path=ctx.rel(other)) if other else None
    if kind == "product":
        path = os.path.dirname(path)  # the product's folder
    if os.path.exists(path):
        return ctx.t("sc_exists", what=what, path=ctx.rel(path))
    twin = _twin(os.path.dirname(path), slug, "" if kind == "product" else ".yaml")
    return ctx.t("sc_exists", what=what, path=ctx.rel(twin)) if twin and os.path.exists(twin) else None


def _twin(folder: str, slug: str, extension: str = "") -> str | None:
    """An existing entry whose name becomes the same id (e.g. `Gao-Nep` for `gao-nep`)."""
    if not os.path.isdir(folder):
        return None
    for name in sorted(os.listdir(folder)):
        stem = name[: -len(extension)] if extension and name.endswith(extension) else name
        if slugify(stem) == slug:
            return os.path.join(folder, name)
    return None


def _news_with_slug(settings: dict, slug: str) -> str | None:
    """A news article that already uses `slug`."""
    from ...records.news import header_positions, news_files

    for path in news_files(settings):
        line = header_positions(path).get("slug")
        if line and line[1].split(":", 1)[1].strip() == slug:
            return path
    return None
