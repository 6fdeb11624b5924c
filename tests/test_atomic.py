"""Failed builds report every problem with file and line, and never touch output/."""

import os

import pytest
from conftest import build, run_cli, tree_digest, write
from ocop.core.problems import BuildFailed

BROKEN_STARS = ("    stars: 4\n", "    stars: 7\n")


def break_file(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def built(tiny_site):
    """A tiny site with a good output/ already built."""
    output = build(tiny_site)
    return tiny_site, output, tree_digest(output)


def staging_left(site):
    return [name for name in os.listdir(site) if name.startswith(".ocop-build-")]


def test_invalid_record_leaves_output_untouched(built):
    site, output, before = built
    break_file(site / "products/tra-hoa-vang/product.yaml", *BROKEN_STARS)
    write(site / "products/mat-ong-rung/product.yaml",
          (site / "products/mat-ong-rung/product.yaml").read_text(encoding="utf-8") + "colour: red\n")
    with pytest.raises(BuildFailed) as failure:
        build(site)
    assert failure.value.report.splitlines() == [
        "products/mat-ong-rung/product.yaml:12:1: error: `colour` is not a field of this kind of record",
        "products/tra-hoa-vang/product.yaml:10:12: error: `certificates[2].stars`: 7 stars is not possible; "
        "only 3, 4 or 5 stars are certified",
        "2 error(s): the site was not built and output/ is unchanged.",
    ]
    assert tree_digest(output) == before
    assert staging_left(site) == []


def test_cli_prints_problems_without_traceback_and_exits_non_zero(built):
    site, output, before = built
    break_file(site / "products/tra-hoa-vang/product.yaml", "region: huyen-a", "region: huyen-x")
    result = run_cli(site, "build", "-o", "output")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.strip().splitlines()[-2:] == [
        f"products/tra-hoa-vang/product.yaml:3:9: error: `region`: there is no region `huyen-x` (expected the "
        f"file {site}/products/_regions/huyen-x.yaml) (did you mean `huyen-b`?)",
        "1 error(s): the site was not built and output/ is unchanged.",
    ]
    assert tree_digest(output) == before


def test_cli_build_says_where_the_site_is_and_can_leave_out_the_search_index(tiny_site):
    result = run_cli(tiny_site, "build", "-o", "quick", "--no-search-index")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == str(tiny_site / "quick")
    assert (tiny_site / "quick/index.html").is_file()
    assert not (tiny_site / "quick/pagefind").exists()


def test_cli_output_through_a_pipe_is_whole_although_the_process_skips_its_teardown(tiny_site):
    # `python -m ocop` ends with os._exit (exit_now): what it printed must still all arrive.
    import io

    from ocop.cli.build import read_settings
    from ocop.cli.report import run_report

    expected = io.StringIO()
    cwd = os.getcwd()
    os.chdir(tiny_site)
    try:
        run_report(read_settings("pelicanconf.py", {"OCOP_TODAY": "2026-11-29"}), expected, io.StringIO())
    finally:
        os.chdir(cwd)
    # Buffered, as in a CI log or `| less` (an empty PYTHONUNBUFFERED is unset).
    result = run_cli(tiny_site, "report", "--today", "2026-11-29", env={"OCOP_LANG": "vi", "PYTHONUNBUFFERED": ""})
    assert result.returncode == 0, result.stderr
    assert len(expected.getvalue()) > 1000
    assert result.stdout == expected.getvalue()


def test_unknown_product_in_news_is_an_error_at_its_line(built):
    site, output, before = built
    break_file(site / "content/news/hoi-cho.md", "Products: tra-hoa-vang, mat-ong-rung",
               "Products: tra-hoa-vang, mat-ong-rug")
    with pytest.raises(BuildFailed) as failure:
        build(site)
    assert failure.value.report.splitlines()[0] == (
        f"content/news/hoi-cho.md:4:25: error: `Products`: there is no product `mat-ong-rug` (expected the file "
        f"{site}/products/mat-ong-rug/product.yaml) (did you mean `mat-ong-rung`?)"
    )
    assert tree_digest(output) == before


def test_broken_internal_link_is_an_error_at_its_line(built):
    site, output, before = built
    break_file(site / "products/tra-hoa-vang/product.yaml", "news/hoi-cho.md", "news/hoi-cho-2020.md")
    with pytest.raises(BuildFailed) as failure:
        build(site)
    assert failure.value.report.splitlines()[0] == (
        "products/tra-hoa-vang/product.yaml:14:42: error: the link to `../../content/news/hoi-cho-2020.md` "
        "does not lead to any file; check the path"
    )
    assert tree_digest(output) == before


def test_template_error_leaves_output_untouched(built, tmp_path):
    site, output, before = built
    theme = tmp_path / "theme"
    import shutil

    from conftest import REPO

    shutil.copytree(REPO / "theme", theme)
    write(theme / "templates" / "product.html",
          "{% extends 'base.html' %}{% block content %}{{ product.nope.deeper }}{% endblock %}")
    with pytest.raises(BuildFailed) as failure:
        build(site, THEME=str(theme))
    assert "'ocop.site.contents.Product object' has no attribute 'nope'" in failure.value.report
    assert "Traceback" not in failure.value.report
    assert tree_digest(output) == before
    assert staging_left(site) == []


def test_a_second_build_replaces_output_completely(built):
    site, output, _ = built
    (output / "stale.html").write_text("old", encoding="utf-8")
    build(site)
    assert not (output / "stale.html").exists()
    assert (output / "products" / "tra-hoa-vang.html").exists()


def test_check_command_reports_without_building(built):
    site, output, before = built
    break_file(site / "products/tra-hoa-vang/product.yaml", *BROKEN_STARS)
    result = run_cli(site, "check")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "products/tra-hoa-vang/product.yaml:10:12: error: `certificates[2].stars`: 7 stars is not possible; "
        "only 3, 4 or 5 stars are certified",
        "1 error(s)",
    ]
    ok = run_cli(site, "check", env={"OCOP_LANG": "vi"})
    assert ok.stdout.splitlines()[-1] == "1 lỗi"
    assert tree_digest(output) == before
