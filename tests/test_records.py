"""Records against the schema and against each other: each error class, its exact message."""

import os

import pytest
from conftest import TODAY, write
from ocop.records.loader import load_catalogue

VALID = {
    "_province.yaml": "name: Tỉnh Thử\noffice: Văn phòng\nsources: [bc]\n",
    "_sources/bc.yaml": "title: Báo cáo\n",
    "_regions/muong-ang.yaml": "name: Huyện Mường Ảng\ntype: huyen\nsources: [bc]\n",
    "_producers/htx-a.yaml": "name: HTX A\nlegal_form: hop_tac_xa\nregion: muong-ang\nsources: [bc]\n"
                             "last_verified: 2026-11-01\n",
    "_decisions/qd-2021.yaml": "issuer: UBND tỉnh\nissuer_level: province\nregime: qd1048\n"
                               "signed_between: {from: 2021-12-16, to: 2022-01-18}\nsources: [bc]\n",
    "_decisions/qd-2024.yaml": "number: 12/QĐ-UBND\nissuer: UBND huyện\nissuer_level: district\nregime: qd148\n"
                               "signed: 2024-05-02\nsources: [bc]\n",
    "tra/product.yaml": (
        "name: Trà\n"
        "region: muong-ang\n"
        "producer: htx-a\n"
        "certificates:\n"
        "  - decision: qd-2021\n"
        "    stars: 3\n"
        "    group: do_uong\n"
        "sources: [bc]\n"
        "last_verified: 2026-11-01\n"
    ),
}


def make_data(root, changes=None):
    files = dict(VALID)
    files.update(changes or {})
    for name, text in files.items():
        if text is not None:
            write(root / name, text)
    return root


def problems_of(root, lang="en"):
    catalogue = load_catalogue(str(root), TODAY)
    return [p.format(lang, str(root)) for p in catalogue.problems.sorted()], catalogue


def test_valid_data_has_no_problems(tmp_path):
    found, catalogue = problems_of(make_data(tmp_path))
    assert found == []
    product = catalogue.products["tra"]
    assert product.current.stars == 3
    assert product.current.status == "expired"
    assert str(product.current.expiry.latest) == "2025-01-18"


PRODUCT = "tra/product.yaml"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({PRODUCT: VALID[PRODUCT].replace("name: Trà\n", "")},
         "tra/product.yaml:1:1: error: missing required field `name`"),
        ({PRODUCT: VALID[PRODUCT] + "colour: red\n"},
         "tra/product.yaml:10:1: error: `colour` is not a field of this kind of record"),
        ({PRODUCT: VALID[PRODUCT] + "sorces: [bc]\n"},
         "tra/product.yaml:10:1: error: `sorces` is not a field of this kind of record (did you mean `sources`?)"),
        ({PRODUCT: VALID[PRODUCT].replace("stars: 3", "stars: 6")},
         "tra/product.yaml:6:12: error: `certificates[1].stars`: 6 stars is not possible; "
         "only 3, 4 or 5 stars are certified"),
        ({PRODUCT: VALID[PRODUCT].replace("stars: 3", "stars: 2")},
         "tra/product.yaml:6:12: error: `certificates[1].stars`: 2 stars is not possible; "
         "only 3, 4 or 5 stars are certified"),
        ({PRODUCT: VALID[PRODUCT].replace("stars: 3", 'stars: "three"')},
         "tra/product.yaml:6:12: error: `certificates[1].stars` must be a whole number"),
        ({PRODUCT: VALID[PRODUCT].replace("group: do_uong", "group: do_uonh")},
         "tra/product.yaml:7:12: error: `certificates[1].group`: `do_uonh` is not allowed; choose one of: "
         "thuc_pham, do_uong, thao_duoc, vai_may_mac, luu_niem_noi_that_trang_tri, du_lich_nong_thon_ban_hang, "
         "duoc_lieu, thu_cong_my_nghe, sinh_vat_canh, du_lich_cong_dong_sinh_thai (did you mean `do_uong`?)"),
        ({PRODUCT: VALID[PRODUCT].replace("last_verified: 2026-11-01", "last_verified: 2024-02-30")},
         "tra/product.yaml:9:16: error: `last_verified`: 2024-02-30 is not a real date"),
        ({PRODUCT: VALID[PRODUCT].replace("last_verified: 2026-11-01", "last_verified: 01/05/2024")},
         "tra/product.yaml:9:16: error: `last_verified`: `01/05/2024` is not a date written YEAR-MONTH-DAY, "
         "e.g. 2021-12-16"),
        ({PRODUCT: VALID[PRODUCT].replace("region: muong-ang", "region: Mường Ảng")},
         "tra/product.yaml:2:9: error: `region`: `Mường Ảng` is not a valid id (lowercase letters without "
         "accents, digits and hyphens, e.g. `muong-ang`)"),
        ({PRODUCT: VALID[PRODUCT].replace("name: Trà", "name: Trà\u202e")},
         "tra/product.yaml:1:7: error: `name` contains a line break, a control character or an invisible "
         "character (zero-width, bidirectional override); type it again on one line"),
        ({PRODUCT: VALID[PRODUCT].replace("name: Trà", "name: Tr\u200ba")},
         "tra/product.yaml:1:7: error: `name` contains a line break, a control character or an invisible "
         "character (zero-width, bidirectional override); type it again on one line"),
        ({PRODUCT: VALID[PRODUCT].replace("name: Trà", "name: " + "x" * 301)},
         "tra/product.yaml:1:7: error: `name` is 301 characters long, at most 300"),
        ({PRODUCT: VALID[PRODUCT].replace("name: Trà", 'name: ""')},
         "tra/product.yaml:1:7: error: `name` must not be empty"),
        ({PRODUCT: VALID[PRODUCT].replace("name: Trà", "name:")},
         "tra/product.yaml:1:6: error: `name` must not be empty"),
        ({PRODUCT: VALID[PRODUCT].replace("sources: [bc]", "sources: []")},
         "tra/product.yaml:8:10: error: `sources` needs at least 1 item(s)"),
        ({PRODUCT: VALID[PRODUCT].replace("sources: [bc]", "sources: [{url: 'javascript:alert(1)', title: x}]")},
         "tra/product.yaml:8:11: error: `sources[1]`: a source is the id of a file in _sources/, "
         "or a `title` (and `url`)"),
        ({"_producers/htx-a.yaml": VALID["_producers/htx-a.yaml"] + "website: javascript:alert(1)\n"},
         "_producers/htx-a.yaml:6:10: error: `website`: `javascript:alert(1)` must start with https://, "
         "http://, mailto: or tel:"),
        ({"_decisions/qd-2024.yaml": VALID["_decisions/qd-2024.yaml"].replace("12/QĐ-UBND", "số 12")},
         "_decisions/qd-2024.yaml:1:9: error: `number`: `số 12` is not a decision number such as 4261/QĐ-UBND"),
        ({PRODUCT: VALID[PRODUCT].replace("certificates:\n  - decision: qd-2021\n    stars: 3\n    group: do_uong\n",
                                          "certificates: none\n")},
         "tra/product.yaml:4:15: error: `certificates` must be a list (lines starting with `- `)"),
    ],
)
def test_schema_errors(tmp_path, changes, expected):
    found, _ = problems_of(make_data(tmp_path, changes))
    assert found == [expected]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({PRODUCT: VALID[PRODUCT].replace("region: muong-ang", "region: muong-anh")},
         "tra/product.yaml:2:9: error: `region`: there is no region `muong-anh` (expected the file "
         "{root}/_regions/muong-anh.yaml) (did you mean `muong-ang`?)"),
        ({PRODUCT: VALID[PRODUCT].replace("producer: htx-a", "producer: htx-b")},
         "tra/product.yaml:3:11: error: `producer`: there is no producer `htx-b` (expected the file "
         "{root}/_producers/htx-b.yaml) (did you mean `htx-a`?)"),
        ({PRODUCT: VALID[PRODUCT].replace("decision: qd-2021", "decision: qd-2020")},
         "tra/product.yaml:5:15: error: `certificates[1].decision`: there is no decision `qd-2020` (expected "
         "the file {root}/_decisions/qd-2020.yaml) (did you mean `qd-2024`?)"),
        ({PRODUCT: VALID[PRODUCT].replace("sources: [bc]", "sources: [bc, dx]")},
         "tra/product.yaml:8:15: error: `sources[2]`: there is no source `dx` (expected the file "
         "{root}/_sources/dx.yaml)"),
        ({PRODUCT: VALID[PRODUCT].replace("group: do_uong", "group: duoc_lieu")},
         "tra/product.yaml:7:12: error: `certificates[1].group`: group `duoc_lieu` does not exist under "
         "QĐ 1048/QĐ-TTg (2019), the regime of decision `qd-2021`; valid groups: thuc_pham, do_uong, "
         "thao_duoc, vai_may_mac, luu_niem_noi_that_trang_tri, du_lich_nong_thon_ban_hang"),
        ({PRODUCT: VALID[PRODUCT].replace("decision: qd-2021", "decision: qd-2024").replace("stars: 3", "stars: 4")},
         "tra/product.yaml:6:12: error: `certificates[1].stars`: decision `qd-2024` (cấp huyện, "
         "QĐ 148/QĐ-TTg (2023)) cannot award 4 stars; that level awards 3 stars"),
        ({"_decisions/qd-2021.yaml": VALID["_decisions/qd-2021.yaml"].replace(
            "signed_between: {from: 2021-12-16, to: 2022-01-18}\n", "")},
         "_decisions/qd-2021.yaml:1:1: error: a decision needs `signed` (signing date) or `signed_between` "
         "(the interval it was signed in)"),
        ({"_decisions/qd-2021.yaml": VALID["_decisions/qd-2021.yaml"] + "signed: 2021-12-20\n"},
         "_decisions/qd-2021.yaml:4:17: error: give either `signed` or `signed_between`, not both"),
        ({"_decisions/qd-2021.yaml": VALID["_decisions/qd-2021.yaml"].replace("to: 2022-01-18", "to: 2020-01-18")},
         "_decisions/qd-2021.yaml:4:40: error: `signed_between`: the start 2021-12-16 is after the end 2020-01-18"),
        ({PRODUCT: VALID[PRODUCT].replace("group: do_uong", "group: do_uong\n    expires: 2020-01-01")},
         "tra/product.yaml:8:14: error: `certificates[1].expires`: expiry 2020-01-01 is before the signing "
         "date 2021-12-16"),
        ({"_producers/htx-a.yaml": VALID["_producers/htx-a.yaml"].replace("region: muong-ang", "region: tua-chua")},
         "_producers/htx-a.yaml:3:9: error: `region`: there is no region `tua-chua` (expected the file "
         "{root}/_regions/tua-chua.yaml)"),
    ],
)
def test_cross_record_errors(tmp_path, changes, expected):
    found, _ = problems_of(make_data(tmp_path, changes))
    assert found == [expected.format(root=tmp_path)]


def test_folder_and_file_names(tmp_path):
    make_data(tmp_path, {
        "Trà Xanh/product.yaml": VALID[PRODUCT],
        "_producers/HTX B.yaml": VALID["_producers/htx-a.yaml"],
        "empty-folder/notes.txt": "x",
        "_products/x.yaml": "a: 1\n",
        "wrong-name/san-pham.yaml": VALID[PRODUCT],
    })
    found, _ = problems_of(tmp_path)
    assert found == [
        "Trà Xanh/product.yaml:1:1: error: folder name `Trà Xanh` is not a valid id; rename it to `tra-xanh`",
        "_producers/HTX B.yaml:1:1: error: file name `HTX B` is not a valid id; rename it to `htx-b.yaml`",
        "_products:1:1: error: `_products` is not a known kind of record folder "
        "(_decisions, _producers, _regions, _sources)",
        "empty-folder:1:1: error: the product folder has no product.yaml",
        "wrong-name/san-pham.yaml:1:1: error: `san-pham.yaml` is not used; a product record must be named "
        "product.yaml",
    ]


@pytest.mark.parametrize(
    "twin",
    ["Tra", "tra ", "Trà", "Tra\u0300", "TRÀ"],  # ASCII, NFC and NFD twins of the slug `tra`
)
def test_twin_slugs_are_duplicates(tmp_path, twin):
    make_data(tmp_path, {f"{twin}/product.yaml": VALID[PRODUCT]})
    found, _ = problems_of(tmp_path)
    assert found == [f"{twin}/product.yaml:1:1: error: `{twin}` has the same id `tra` as tra/product.yaml"]


def test_symlink_leaving_the_data_folder_is_refused(tmp_path):
    root = make_data(tmp_path / "data")
    outside = write(tmp_path / "secret" / "product.yaml", VALID[PRODUCT])
    os.symlink(outside.parent, root / "leak")
    found, _ = problems_of(root)
    assert found == ["leak:1:1: error: `leak` is a symbolic link leaving the data folder; it is not used"]


def test_missing_province_file(tmp_path):
    make_data(tmp_path, {"_province.yaml": None})
    found, _ = problems_of(tmp_path)
    assert found == [f"_province.yaml:1:1: error: the province file {tmp_path}/_province.yaml is missing"]


def test_every_problem_of_every_file_is_reported_together(tmp_path):
    make_data(tmp_path, {
        PRODUCT: VALID[PRODUCT].replace("stars: 3", "stars: 7") + "colour: red\n",
        "_producers/htx-a.yaml": VALID["_producers/htx-a.yaml"] + "phone: no\n",
        "_regions/tua-chua.yaml": "name: Huyện Tủa Chùa\ntype: huyện\nsources: [bc]\n",
    })
    found, _ = problems_of(tmp_path)
    assert [line.split(": error")[0] for line in found] == [
        "_producers/htx-a.yaml:6:1",
        "_producers/htx-a.yaml:6:8",
        "_regions/tua-chua.yaml:2:7",
        "tra/product.yaml:6:12",
        "tra/product.yaml:10:1",
    ]


def test_messages_in_vietnamese(tmp_path):
    make_data(tmp_path, {PRODUCT: VALID[PRODUCT].replace("region: muong-ang", "region: muong-anh")})
    found, _ = problems_of(tmp_path, "vi")
    assert found == [
        f"tra/product.yaml:2:9: lỗi: `region`: không có địa bàn `muong-anh` (cần tệp "
        f"{tmp_path}/_regions/muong-anh.yaml) (có phải `muong-ang`?)"
    ]


def test_records_read_by_worker_processes_equal_records_read_in_one(tmp_path):
    """Files are read and checked in forked workers on a cold build: the same records, the same problems in
    the same order, and only files without problems are kept for the next build."""
    from ocop.core.problems import Problems
    from ocop.output.build_cache import Store
    from ocop.records.loader import checked_records

    make_data(tmp_path, {
        PRODUCT: VALID[PRODUCT].replace("stars: 3", "stars: 7") + "colour: red\n",
        "_regions/tua-chua.yaml": "name: Huyện Tủa Chùa\ntype: huyện\nsources: [bc]\n",
        "_regions/bad.yaml": "name: [unclosed\n",
    })
    jobs = [(kind, os.path.splitext(os.path.basename(name))[0], str(tmp_path / name)) for kind, name in [
        ("product", PRODUCT), ("region", "_regions/tua-chua.yaml"), ("region", "_regions/muong-ang.yaml"),
        ("region", "_regions/bad.yaml"), ("producer", "_producers/htx-a.yaml"), ("source", "_sources/bc.yaml"),
    ]]
    results = {}
    for workers in (1, 3):
        problems, store = Problems(), Store(str(tmp_path / f"cache-{workers}.pickle"))
        records = checked_records(jobs, problems, store, workers=workers, minimum=1)
        results[workers] = ([None if r is None else (r.path, r.data) for r in records],
                            [p.format("en") for p in problems.items], sorted(store.used))
    assert results[3] == results[1]
    records, problems, kept = results[3]
    assert [r is None for r in records] == [True, True, False, True, False, False]
    assert [p.split(": error")[0].rsplit("/", 1)[-1] for p in problems] == [
        "product.yaml:10:1", "product.yaml:6:12", "tua-chua.yaml:2:7", "bad.yaml:2:1"]
    assert len(kept) == 3, "the three files without problems"
