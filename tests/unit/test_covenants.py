"""Giao ước thi đua của cụm, khối: members written as a list or as text, every check of a covenant (no members,
one member, a member twice, a leading unit that is not a member, bad and out-of-year signing dates) refused with
nothing written, the stale save, and the covenant's journey in a bundle — exported by the ward, merged at the
province as the ward wrote it, and never rewritten by the province (locally or in a forged bundle)."""

from __future__ import annotations

import json

import pytest

from tdkt_desktop.core.covenants import check_covenant, members_text, parse_members
from tdkt_desktop.core.text import InputError
from tdkt_desktop.store import covenants as cov
from tdkt_desktop.store.authority import AUTHORITY, NoAuthority
from tdkt_desktop.store.freshness import StaleRecord
from tdkt_desktop.store.revisions import SYNC_FIELDS
from tdkt_desktop.sync import import_bundles

from .test_sync_helpers import COMMUNES, PROVINCE, canonical_dump, forge, inject, make_node, pair, send

MEMBERS = [
    {"name": "Phường Tân An", "unit_code": "31147", "signer_title": "Chủ tịch UBND phường Tân An",
     "signer_name": "Nguyễn Văn An"},
    {"name": "Phường Ninh Kiều", "unit_code": "31150", "signer_title": "Chủ tịch UBND phường Ninh Kiều",
     "signer_name": "Trần Thị Bình"},
    {"name": "Phường Cái Khế", "signer_title": "Chủ tịch UBND phường Cái Khế", "signer_name": "Lê Văn Cường"},
]


def content(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in SYNC_FIELDS or k == "deleted"}


def values(**changes):
    out = {
        "cluster_name": "Cụm thi đua số 1", "cluster_kind": "cum", "year": 2026, "leader": "Phường Tân An",
        "deputy": "Phường Ninh Kiều", "members": MEMBERS,
        "commitments": "Hoàn thành 100 % chỉ tiêu kinh tế - xã hội năm 2026.\nKhông có điểm nóng về an ninh trật tự.",
        "criteria": "Thu ngân sách đạt từ 100 % dự toán trở lên.", "signed_on": "15/01/2026",
        "signed_place": "Phường Tân An",
    }
    out.update(changes)
    return out


def test_members_as_text_or_list_are_the_same_members() -> None:
    text = ("Phường Tân An | 31147 | Chủ tịch UBND phường Tân An | nguyễn văn an\n"
            "Phường Ninh Kiều | 31150 | Chủ tịch UBND phường Ninh Kiều | Trần Thị Bình; "
            "Phường Cái Khế |  | Chủ tịch UBND phường Cái Khế | Lê Văn Cường")
    assert parse_members(text) == MEMBERS
    assert parse_members(json.dumps(MEMBERS)) == MEMBERS
    assert parse_members(members_text(MEMBERS)) == MEMBERS
    assert parse_members(["Phường A", "Phường B"]) == [{"name": "Phường A"}, {"name": "Phường B"}]


@pytest.mark.parametrize("given,message", [
    (["Phường A", "phuong a"], "có hai lần"),
    ([{"name": "Phường A", "unit_code": "1"}, {"name": "Phường B", "unit_code": "1"}], "mã đơn vị 1 có hai lần"),
    (["Phường A", {"name": " "}], "chưa có tên"),
    ([{"name": "Phường A", "chief": "x"}], "trường không biết"),
    ("Phường A | 1 | Chủ tịch | An | thừa", "quá nhiều phần"),
    ("[not json", "không đọc được"),
    (42, "danh sách"),
])
def test_bad_members_are_refused(given, message) -> None:
    with pytest.raises(InputError, match=message):
        parse_members(given)


def test_a_whole_covenant_is_saved_and_read_back(store) -> None:
    row = cov.save_covenant(store, values())
    assert row["owner_unit"] == "31147"
    assert cov.members_of(row) == MEMBERS
    assert row["signed_on"] == "2026-01-15" and row["year"] == 2026
    assert [r["id"] for r in cov.covenants(store, year=2026)] == [row["id"]]
    assert cov.covenants(store, year=2025) == []


@pytest.mark.parametrize("changes,field,message", [
    ({"members": []}, "members", "chưa nhập"),
    ({"members": None}, "members", "chưa nhập"),
    ({"members": MEMBERS[:1], "leader": None, "deputy": None}, "members", "ít nhất 2 đơn vị"),
    ({"members": [*MEMBERS, {"name": "phường tân an"}]}, "members", "có hai lần"),
    ({"leader": "Phường Xuân Khánh"}, "leader", "không có trong danh sách"),
    ({"deputy": "Phường Tân An"}, "deputy", "phải khác đơn vị trưởng"),
    ({"signed_on": "31/02/2026"}, None, "Ngày ký"),
    ({"signed_on": "15/01/2024"}, "signed_on", "không thuộc năm 2026"),
    ({"signed_on": "15/06/2025"}, "signed_on", "không thuộc năm 2026"),
    ({"commitments": "  "}, None, "chưa nhập"),
    ({"year": "20x6"}, None, "Năm"),
])
def test_a_covenant_that_is_not_whole_is_refused_and_nothing_is_written(store, changes, field, message) -> None:
    before = (store.count("covenants"), len(store.audit_entries()))
    with pytest.raises(InputError, match=message) as caught:
        cov.save_covenant(store, values(**changes))
    if field:
        assert caught.value.field == field
    assert (store.count("covenants"), len(store.audit_entries())) == before


def test_signed_in_the_december_before_is_accepted(store) -> None:
    assert cov.save_covenant(store, values(signed_on="28/12/2025"))["signed_on"] == "2025-12-28"


def test_an_edit_that_breaks_the_covenant_keeps_the_stored_one(store) -> None:
    row = cov.save_covenant(store, values())
    with pytest.raises(InputError, match="không có trong danh sách"):
        cov.save_covenant(store, {"members": MEMBERS[1:]}, record_id=row["id"], rev=row["rev"])  # the leader leaves
    assert store.get("covenants", row["id"])["rev"] == row["rev"]
    check_covenant(store.get("covenants", row["id"]))


def test_a_stale_save_is_refused(store) -> None:
    row = cov.save_covenant(store, values())
    other = cov.save_covenant(store, {"criteria": "Sửa ở cửa sổ khác"}, record_id=row["id"], rev=row["rev"])
    with pytest.raises(StaleRecord):
        cov.save_covenant(store, {"criteria": "Sửa ở cửa sổ cũ"}, record_id=row["id"], rev=row["rev"])
    assert store.get("covenants", row["id"])["criteria"] == other["criteria"] == "Sửa ở cửa sổ khác"


def test_the_recording_unit_owns_every_field() -> None:
    assert AUTHORITY["covenants"].role == "owned" and not AUTHORITY["covenants"].unit_refs


def test_bundle_round_trip_and_the_province_cannot_rewrite_it(tmp_path) -> None:
    prov, ward = make_node(tmp_path, PROVINCE), make_node(tmp_path, COMMUNES[0])
    try:
        pair(prov, ward)
        row = cov.save_covenant(ward, values())
        report = import_bundles(prov, [send(ward, prov, tmp_path)])
        assert report.exit_code == 0, report.summary()
        got = prov.get("covenants", row["id"])
        assert got is not None and got["rev"] == row["rev"] and cov.members_of(got) == MEMBERS
        assert got["owner_unit"] == COMMUNES[0]

        # the province may not edit the ward's covenant here …
        with pytest.raises(NoAuthority):
            prov.update("covenants", row["id"], {"commitments": "Tỉnh viết lại"})
        # … nor in a bundle from a modified program
        before = [content(r) for r in canonical_dump(ward)["covenants"]]
        path = tmp_path / "forged.tdktgoi"
        from tdkt_desktop.sync import export_bundle

        export_bundle(prov, COMMUNES[0], path, encrypt=False)
        inject(path, prov, {"covenants": [forge(got, PROVINCE, commitments="Tỉnh viết lại", members=json.dumps(
            MEMBERS[:2], ensure_ascii=False))]})
        report = import_bundles(ward, [path])
        (b,) = report.bundles
        assert {(f["id"], f["field"]) for f in b.refused_fields} == {(row["id"], "commitments"), (row["id"], "members")}
        assert [content(r) for r in canonical_dump(ward)["covenants"]] == before  # every field as the ward wrote it

        # the ward's later edit reaches the province
        cov.save_covenant(ward, {"criteria": "Tỷ lệ hộ nghèo dưới 0,5 %"}, record_id=row["id"],
                          rev=ward.get("covenants", row["id"])["rev"])
        assert import_bundles(prov, [send(ward, prov, tmp_path)]).exit_code == 0
        assert prov.get("covenants", row["id"])["criteria"] == "Tỷ lệ hộ nghèo dưới 0,5 %"
    finally:
        prov.close()
        ward.close()


# --------------------------------------------------------------------------- the printed covenant


def test_the_covenant_prints_in_pdf_and_word_with_one_signature_per_member(demo_store, tmp_path) -> None:
    import shutil

    from tdkt_desktop.printing import records
    from tests.unit.test_print_every_document import (
        PLACEHOLDERS,
        _docx_pieces,
        _pdf_flow,
        _signature_not_alone,
    )

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    row = cov.save_covenant(demo_store, values(
        members=[*MEMBERS, {"name": "Phường An Bình", "signer_title": "Phó Chủ tịch UBND phường An Bình",
                            "signer_name": "Phạm Thị Dung"}],
        commitments="\n".join(f"Cam kết thứ {i}: hoàn thành nhiệm vụ được giao năm 2026." for i in range(1, 16))))
    pdf, docx = tmp_path / "gu.pdf", tmp_path / "gu.docx"
    records.issue_pdf(demo_store, "giao_uoc_thi_dua", row["id"], pdf)
    records.issue_pdf(demo_store, "giao_uoc_thi_dua", row["id"], docx)
    text = _pdf_flow(pdf)
    squeezed = " ".join(text.split())
    for needed in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BẢN GIAO ƯỚC THI ĐUA", "Năm 2026", "CỤM THI ĐUA SỐ 1",
                   "Tân An, ngày 15 tháng 01 năm 2026", "Trưởng cụm", "Phó cụm", "Cam kết thứ 15",
                   "Thu ngân sách đạt từ 100 % dự toán trở lên", "lập thành 04 bản"):
        assert needed in squeezed, needed
    for word in PLACEHOLDERS:
        assert word not in text, word
    for member in [*MEMBERS, {"name": "Phường An Bình", "signer_name": "Phạm Thị Dung"}]:
        assert member["name"].upper() in squeezed and member["signer_name"] in squeezed
    assert squeezed.count("(Ký tên, đóng dấu)") == 4
    _signature_not_alone(pdf, MEMBERS[0]["signer_name"])
    pdf_flat = "".join(text.split())
    for piece in _docx_pieces(docx):
        assert "".join(piece.split()) in pdf_flat, piece


def test_a_member_with_no_signer_is_said_and_nothing_written(store, tmp_path) -> None:
    from tdkt_desktop.printing import records

    row = cov.save_covenant(store, values(members=[MEMBERS[0], MEMBERS[1], {"name": "Phường Cái Khế"}]))
    out = tmp_path / "gu.pdf"
    with pytest.raises(records.PrintError, match="người ký"):
        records.issue_pdf(store, "giao_uoc_thi_dua", row["id"], out)
    assert not out.exists()


# --------------------------------------------------------------------------- the command line


def _run(capsys, *argv):
    from tdkt_desktop.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_covenants_from_the_command_line_with_db_before_or_after(capsys, store, tmp_path) -> None:
    from tdkt_desktop.cli import EXIT_OK, EXIT_REFUSED

    db = str(store.path)
    store.close()
    good = tmp_path / "gu.json"
    good.write_text(json.dumps({**values(), "members": members_text(MEMBERS)}, ensure_ascii=False), encoding="utf-8")
    code, out, err = _run(capsys, "--db", db, "records", "add", "giao-uoc-thi-dua", "--file", str(good))
    assert code == EXIT_OK, err
    (cid,) = json.loads(out)
    code, out, _ = _run(capsys, "records", "list", "covenants", "--where", "year=2026", "--db", db)
    assert code == EXIT_OK and "Cụm thi đua số 1       2026  Phường Tân An; Phường Ninh Kiều; Phường…" in out
    code, out, _ = _run(capsys, "records", "show", "covenants", cid[:8], "--db", db)
    assert "; Phường Cái Khế |  | Chủ tịch UBND phường Cái Khế | Lê Văn Cường" in out  # who signs, shown alone

    # bad input: said in Vietnamese, nothing written or changed
    from tdkt_desktop.store import open_store

    with open_store(db) as s:
        before = (s.count("covenants"), s.get("covenants", cid)["rev"], len(s.audit_entries()))
    one = tmp_path / "one.json"
    one.write_text(json.dumps(values(members=MEMBERS[:1], leader=None, deputy=None), ensure_ascii=False),
                   encoding="utf-8")
    code, _, err = _run(capsys, "records", "add", "covenants", "--file", str(one), "--db", db)
    assert code == EXIT_REFUSED and "ít nhất 2 đơn vị" in err and "Traceback" not in err
    twice = f"{members_text(MEMBERS)}\nphường cái khế"
    code, _, err = _run(capsys, "--db", db, "records", "update", "covenants", cid[:8], "--set", f"members={twice}")
    assert code == EXIT_REFUSED and "có hai lần" in err
    code, _, err = _run(capsys, "records", "update", "covenants", cid[:8], "--set", "signed_on=32/01/2026", "--db", db)
    assert code == EXIT_REFUSED and "Ngày ký" in err
    code, _, err = _run(capsys, "records", "update", "covenants", cid[:8], "--set", "leader=Phường Xuân Khánh",
                        "--db", db)
    assert code == EXIT_REFUSED and "không có trong danh sách" in err
    with open_store(db) as s:
        assert (s.count("covenants"), s.get("covenants", cid)["rev"], len(s.audit_entries())) == before

    # printed from tdkt print, both ways of giving the database
    pdf, docx = tmp_path / "gu.pdf", tmp_path / "gu.docx"
    code, out, err = _run(capsys, "print", "giao_uoc_thi_dua", "--id", cid[:8], "--out", str(pdf), "--db", db)
    assert code == EXIT_OK and pdf.exists(), err
    code, out, err = _run(capsys, "--db", db, "print", "giao_uoc_thi_dua", "--id", cid[:8], "--out", str(docx),
                          "--issue")
    assert code == EXIT_OK and docx.exists(), err
    from docx import Document

    text = " ".join(p.text for p in Document(str(docx)).paragraphs)
    assert "BẢN GIAO ƯỚC THI ĐUA" in text and "cụm thi đua số 1 thống nhất ký kết giao ước thi đua" in text
    code, out, _ = _run(capsys, "print", "--list", "--db", db)
    assert code == EXIT_OK and "giao_uoc_thi_dua" in out
    code, _, err = _run(capsys, "print", "giao_uoc_thi_dua", "--id", "khongco00", "--out", str(pdf), "--db", db)
    assert code != EXIT_OK and "Traceback" not in err
