"""Documents printed from database records: the right text, read back from the PDF."""

import subprocess

import pytest
from pypdf import PdfReader

from tdkt_desktop.cli import main
from tdkt_desktop.core.text import money_in_words, number_in_words
from tdkt_desktop.printing import records


def squeezed(text: str) -> str:
    """Text without any white space: table cells wrap names and figures over lines."""
    return "".join(text.split())


def flow_text(path) -> str:
    """The text in the order it was drawn (a table cell's lines stay together), every page."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def pdf_text(path) -> str:
    proc = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return proc.stdout


@pytest.fixture
def demo(demo_store):
    return demo_store


def test_money_in_words():
    assert money_in_words(3290000) == "Ba triệu hai trăm chín mươi nghìn đồng"
    assert money_in_words(702000) == "Bảy trăm lẻ hai nghìn đồng"
    assert number_in_words(21) == "hai mươi mốt"
    assert number_in_words(15) == "mười lăm"
    assert number_in_words(1001000) == "một triệu không trăm lẻ một nghìn"
    assert number_in_words(1_200_000_000_000) == "một nghìn hai trăm tỷ"


def test_every_printable_template_has_a_builder():
    assert set(records.BUILDERS) == set(records.TEMPLATE_TABLE)


def test_decision_prints_its_list_with_gold_book_numbers_and_money(demo, tmp_path):
    decision = demo.rows("decisions")[0]
    out = tmp_path / "qd.pdf"
    info = records.issue_pdf(demo, "quyet_dinh", decision["id"], out)  # issued by the office: no number taken here
    text = pdf_text(out)
    assert info.pages >= 2 and "DỰ THẢO" not in text
    assert "QUYẾT ĐỊNH" in text and "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN" in text
    assert f"Số: {int(decision['number']):02d}/QĐ-UBND" in text
    awardees = demo.rows("decision_awardees", order_by="so_vang")
    total = sum(a["amount"] for a in awardees)
    assert money_in_words(total) in " ".join(text.split())
    assert "CHIẾN SĨ THI ĐUA CƠ SỞ" in text  # grouped by title
    for a in awardees[:3]:
        assert a["subject_name"].split()[-1] in text
    draft = tmp_path / "du-thao.pdf"
    records.preview_pdf(demo, "quyet_dinh", decision["id"], draft)  # a draft shows no number, not even its own
    assert "Số: /QĐ-UBND" in " ".join(pdf_text(draft).split())
    assert "DU_THAO" in PdfReader(str(draft)).metadata["/Keywords"]  # marked a draft: never signed


def test_certificates_one_page_per_awardee_with_red_title(demo, tmp_path):
    decision = demo.rows("decisions")[0]
    cstdcs = demo.rows("decision_awardees", "title_code = 'CSTDCS'")
    out = tmp_path / "bang.pdf"
    info = records.preview_pdf(demo, "bang_cstdcs", decision["id"], out)
    assert info.pages == len(cstdcs)
    page = PdfReader(str(out)).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # A4 landscape
    assert "CHIẾN SĨ THI ĐUA CƠ SỞ" in pdf_text(out)


def test_to_trinh_for_a_title_the_commune_decides_comes_from_its_council(demo, tmp_path):
    nomination = demo.rows("nominations", "title_code = 'CSTDCS' AND status = 'decided'")[0]
    out = tmp_path / "tt.pdf"
    records.preview_pdf(demo, "to_trinh", nomination["id"], out)
    text = " ".join(pdf_text(out).split())
    assert "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" in text
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân phường Tân An" in text
    assert "Số: /TTr-HĐTĐKT" in text  # a draft: no number taken


def test_to_trinh_upward_is_addressed_to_the_upper_office(demo, tmp_path):
    nomination = demo.rows("nominations", "title_code = 'BANG_KHEN_TINH'")[0]
    out = tmp_path / "tt.pdf"
    records.preview_pdf(demo, "to_trinh", nomination["id"], out)
    text = " ".join(pdf_text(out).split())
    assert "Chủ tịch Ủy ban nhân dân thành phố Cần Thơ" in text
    assert "PHƯỜNG TÂN AN" in text and "Số: /TTr-UBND" in text  # the UBND itself proposes upward
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố" in text  # Cần Thơ is a city, not a tỉnh
    assert "Ủy ban nhân dân tỉnh" not in text


def test_bien_ban_counts_votes_on_total_members(demo, tmp_path):
    session = demo.rows("vote_sessions")[0]
    out = tmp_path / "bb.pdf"
    records.preview_pdf(demo, "bien_ban", session["id"], out)
    text = pdf_text(out)
    assert "BIÊN BẢN" in text
    # 8 and 7 of 9 members: 88,89 % and 77,78 % of the council (not of the 8 present).
    lines = [line for line in text.splitlines() if "88,89" in line or "77,78" in line]
    assert any("88,89" in line for line in lines) and any("77,78" in line for line in lines)
    # Nghị định 152/2025: no text confirmed a threshold, so the minutes give no verdict of their own.
    assert all(line.split()[-1] == "—" for line in lines)
    assert "theo quy chế hoạt động" in " ".join(text.split())


def test_results_report_has_the_target_table(demo, tmp_path):
    campaign = demo.rows("campaigns", "campaign_type = 'regular'")[0]
    out = tmp_path / "bc.pdf"
    records.preview_pdf(demo, "bao_cao_ket_qua", campaign["id"], out, period="2026-H1")
    text = " ".join(pdf_text(out).split())
    assert "Sơ kết" in text and "6 tháng đầu năm 2026" in text
    assert "Tỷ lệ hộ nghèo" in text and "Không đạt" in text


def test_missing_data_is_a_clear_message(demo, tmp_path):
    collective_nom = demo.rows("nominations", "subject_kind = 'collective'")[0]
    demo.update("collectives", collective_nom["subject_id"], {"head_name": None})
    with pytest.raises(Exception) as err:
        records.preview_pdf(demo, "bao_cao_tap_the", collective_nom["id"], tmp_path / "x.pdf")
    assert "thủ trưởng" in str(err.value)
    assert not (tmp_path / "x.pdf").exists()
    person_nom = demo.rows("nominations", "subject_kind = 'person'")[0]
    with pytest.raises(records.PrintError, match="tập thể"):
        records.preview_pdf(demo, "bao_cao_tap_the", person_nom["id"], tmp_path / "y.pdf")


def test_print_cli_list_and_single_document(capsys, demo, tmp_path):
    db = str(demo.path)
    assert main(["print", "--list", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "quyet_dinh" in out and "Nghị định" in out
    # what each form is printed from, in the user's words; dates as dd/mm/yyyy
    assert "?" not in out and "in từ decisions" not in out and "2024-01-01" not in out
    assert "in từ một bản ghi “Quyết định khen thưởng” (--id); áp dụng từ 01/01/2024" in out
    assert "lập bằng “tdkt report 0601N”" in out and "lập bằng “tdkt report 0603N”" in out
    decision = demo.rows("decisions")[0]
    target = tmp_path / "qd.pdf"
    assert main(["print", "quyet_dinh", "--id", decision["id"][:8], "--out", str(target), "--db", db]) == 0
    assert "QUYẾT ĐỊNH" in pdf_text(target)


def test_print_cli_batch_for_a_decision(capsys, demo, tmp_path):
    decision = demo.rows("decisions")[0]
    n_cert = demo.count("decision_awardees", "title_code IN ('CSTDCS', 'GIAY_KHEN')")
    assert main(["print", "--decision", decision["id"], "--out-dir", str(tmp_path / "bo"), "--db", str(demo.path)]) == 0
    files = sorted((tmp_path / "bo").glob("*.pdf"))
    assert len(files) == 1 + n_cert


def test_print_cli_bad_input(capsys, demo, tmp_path):
    db = str(demo.path)
    assert main(["print", "khong_co", "--id", "x", "--out", str(tmp_path / "a.pdf"), "--db", db]) == 1
    assert "Không có mẫu in" in capsys.readouterr().err
    assert main(["print", "quyet_dinh", "--id", "zzzzzzzz", "--out", str(tmp_path / "a.pdf"), "--db", db]) == 1
    assert "Không tìm thấy" in capsys.readouterr().err
    decision = demo.rows("decisions")[0]
    assert main(["print", "giay_khen", "--id", decision["id"], "--out", str(tmp_path / "a.pdf"), "--offset", "x,1", "--db", db]) == 1
    assert "Độ lệch X" in capsys.readouterr().err


def test_issuing_takes_a_register_number_once_and_previews_take_none(demo, tmp_path):
    campaign = demo.rows("campaigns", "campaign_type = 'regular'")[0]
    before = demo.db.execute("SELECT COUNT(*) FROM doc_register").fetchone()[0]
    records.preview_pdf(demo, "ke_hoach_phat_dong", campaign["id"], tmp_path / "draft.pdf")
    assert demo.db.execute("SELECT COUNT(*) FROM doc_register").fetchone()[0] == before
    records.issue_pdf(demo, "ke_hoach_phat_dong", campaign["id"], tmp_path / "a.pdf")
    records.issue_pdf(demo, "ke_hoach_phat_dong", campaign["id"], tmp_path / "b.pdf")  # printed again
    rows = list(demo.db.query("SELECT number, code FROM doc_register WHERE doc_type = 'KH'"))
    assert len(rows) == 1 and rows[0]["code"] == "01/KH-UBND"
    assert "Số: 01/KH-UBND" in pdf_text(tmp_path / "b.pdf")
    records.issue_pdf(demo, "bao_cao_ket_qua", campaign["id"], tmp_path / "c.pdf", period="2026-H1")
    records.issue_pdf(demo, "bao_cao_ket_qua", campaign["id"], tmp_path / "d.pdf", period="2026")
    codes = [r["code"] for r in demo.db.query("SELECT code FROM doc_register WHERE doc_type = 'BC' ORDER BY id")]
    assert codes == ["01/BC-UBND", "02/BC-UBND"]  # two reports (sơ kết, tổng kết), two numbers


# --------------------------------------------------------------------------- signer, recipients, Word, signing


def _officials(store):
    return store.rows("officials", order_by="sort_order, full_name")


def test_vice_chair_signs_kt_and_recipients_are_chosen_and_remembered(demo, tmp_path):
    decision = demo.rows("decisions")[0]
    vice = _officials(demo)[1]["full_name"]
    out = tmp_path / "qd.pdf"
    records.preview_pdf(demo, "quyet_dinh", decision["id"], out, signer=vice,
                        recipients=["Như Điều 3", "Sở Nội vụ thành phố Cần Thơ"])
    text = pdf_text(out)
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text and vice in text
    assert "- Sở Nội vụ thành phố Cần Thơ;" in text and "Cơ quan cấp trên" not in text
    again = tmp_path / "qd2.pdf"
    records.preview_pdf(demo, "quyet_dinh", decision["id"], again)  # remembered for the next decision
    assert "- Sở Nội vụ thành phố Cần Thơ;" in pdf_text(again)
    cert = tmp_path / "gk.pdf"
    records.preview_pdf(demo, "bang_cstdcs", decision["id"], cert, signer=vice)
    assert "KT. CHỦ TỊCH" in pdf_text(cert)
    with pytest.raises(records.PrintError, match="không có trong danh sách người ký"):
        records.preview_pdf(demo, "ke_hoach_phat_dong", demo.rows("campaigns")[0]["id"], tmp_path / "k.pdf",
                            signer="Người Lạ")
    for role, expected in (("TL", "TL. CHỦ TỊCH"), ("Q", "Q. CHỦ TỊCH"), ("TUQ", "TUQ. CHỦ TỊCH")):
        path = tmp_path / f"{role}.pdf"
        records.preview_pdf(demo, "ke_hoach_phat_dong", demo.rows("campaigns")[0]["id"], path, signer=vice,
                            signer_role=role)
        assert expected in pdf_text(path)


def test_no_placeholder_recipients_and_real_upper_office(demo, tmp_path):
    campaign = demo.rows("campaigns", "campaign_type = 'regular'")[0]
    out = tmp_path / "kh.pdf"
    records.preview_pdf(demo, "ke_hoach_phat_dong", campaign["id"], out)
    text = " ".join(pdf_text(out).split())
    assert "Cơ quan cấp trên" not in text and "Các cơ quan, đơn vị;" not in text
    assert "UBND thành phố Cần Thơ" in text


def test_households_print_with_the_heads_gender(demo, tmp_path):
    household = demo.rows("households")[0]
    with demo.atomic():
        demo.db.execute("UPDATE households SET head_gender = 'female' WHERE id = ?", [household["id"]])
    assert records.display_name(demo, "household", household["id"], "") == f"Hộ bà {household['head_name']}"
    with demo.atomic():
        demo.db.execute("UPDATE households SET head_gender = NULL WHERE id = ?", [household["id"]])
    assert records.display_name(demo, "household", household["id"], "").startswith("Hộ gia đình ")
    regs = demo.rows("registrations", "subject_kind = 'household'")
    if regs:
        out = tmp_path / "dk.pdf"
        records.issue_pdf(demo, "dang_ky_thi_dua", regs[0]["id"], out)  # "ĐK" is in the register now
        text = pdf_text(out)
        assert "HỘ GIA ĐÌNH" in text and "/ĐK-UBND" in text
    for path in tmp_path.glob("*.pdf"):
        assert "ông/bà" not in pdf_text(path)


def test_decision_counts_people_not_awards(demo):
    decision = demo.rows("decisions")[0]
    awardees = demo.rows("decision_awardees", "decision_id = ?", [decision["id"]])
    context = records.build_context(demo, "quyet_dinh", decision["id"])
    people = {(a["subject_kind"], a["subject_id"]) for a in awardees}
    assert records.count_text(k for k, _ in people) in context["article1"]


def test_issued_number_matches_the_issuing_body_and_the_meeting_year(demo, tmp_path):
    nomination = demo.rows("nominations", "title_code = 'CSTDCS' AND status = 'decided'")[0]
    out = tmp_path / "tt.pdf"
    records.issue_pdf(demo, "to_trinh", nomination["id"], out)
    text = " ".join(pdf_text(out).split())
    assert "/TTr-HĐTĐKT" in text and "TTr-UBND" not in text and "DỰ THẢO" not in text
    # issued again (its subject is on two lines), as Word: the same number, none taken
    records.issue_pdf(demo, "to_trinh", nomination["id"], tmp_path / "tt.docx")
    assert [r["number"] for r in demo.db.query("SELECT number FROM doc_register WHERE doc_type = 'TTr'")] == [1]
    session = demo.rows("vote_sessions")[0]
    bb = tmp_path / "bb.pdf"
    records.issue_pdf(demo, "bien_ban", session["id"], bb)
    row = next(iter(demo.db.query("SELECT year FROM doc_register WHERE doc_type = 'BB'")))
    assert row["year"] == int(session["meeting_date"][:4])
    words_ = pdf_text(bb)
    assert "HỘI ĐỒNG THI ĐUA" in words_ and f"{int(session['meeting_date'][:4])}" in words_


def test_results_report_says_things_once(demo, tmp_path):
    campaign = demo.rows("campaigns", "campaign_type = 'regular'")[0]
    out = tmp_path / "bc.pdf"
    records.preview_pdf(demo, "bao_cao_ket_qua", campaign["id"], out, period="2026-H1")
    text = " ".join(pdf_text(out).split())
    assert "năm 2026 năm 2026" not in text and "năm 2026 6 tháng" not in text
    assert "00 tập thể" not in text and "00 cá nhân" not in text
    if campaign.get("doc_number"):
        assert f"số {campaign['doc_number']}" in text


def test_personal_report_never_confirmed_by_its_author(demo):
    chairman = _officials(demo)[0]
    person = demo.insert("people", {"full_name": chairman["full_name"], "gender": "male", "birth_date": "1975-03-02",
                                    "hometown": "Cần Thơ", "residence": "Cần Thơ", "position": "Chủ tịch UBND phường"})
    nomination = demo.rows("nominations", "subject_kind = 'person'")[0]
    with demo.atomic():
        demo.db.execute("UPDATE nominations SET subject_id = ?, subject_name = ? WHERE id = ?",
                        [person["id"] if isinstance(person, dict) else person, chairman["full_name"], nomination["id"]])
    context = records.build_context(demo, "bao_cao_ca_nhan", nomination["id"])
    assert context["confirmer"]["name"] != chairman["full_name"]


def test_cli_writes_word_and_a_signed_decision(capsys, demo, tmp_path, monkeypatch):
    from docx import Document

    db = str(demo.path)
    decision = demo.rows("decisions")[0]
    word = tmp_path / "qd.docx"
    assert main(["print", "quyet_dinh", "--id", decision["id"][:8], "--out", str(word), "--db", db]) == 0
    doc = Document(str(word))
    assert any("QUYẾT ĐỊNH" in p.text for p in doc.paragraphs)
    assert round(doc.sections[0].left_margin.mm) == 30


# --------------------------------------------------------------------------- the papers of a meeting and a dossier


def test_ballot_lists_what_the_council_votes_on_and_names_no_voter(demo, tmp_path):
    session = demo.rows("vote_sessions")[0]
    voted = [demo.get("nominations", v["nomination_id"]) for v in demo.rows("votes", "vote_session_id = ?",
                                                                            [session["id"]])]
    out = tmp_path / "phieu.pdf"
    records.issue_pdf(demo, "phieu_bau", session["id"], out)
    text = " ".join(pdf_text(out).split())
    assert "PHIẾU BẦU" in text and "Đồng ý" in text and "Không đồng ý" in text
    assert f"Tổng số: {len(voted):02d} trường hợp." in text
    for n in voted:
        assert squeezed(n["subject_name"]) in squeezed(flow_text(out))
    assert "Nơi nhận" not in text and "HỘI ĐỒNG THI ĐUA" in text and "DỰ THẢO" not in text
    word = tmp_path / "phieu.docx"
    records.issue_pdf(demo, "phieu_bau", session["id"], word)
    from docx import Document

    table = Document(str(word)).tables[-1]
    assert [c.text for c in table.rows[0].cells][-2:] == ["Đồng ý", "Không đồng ý"]
    assert len(table.rows) == 1 + len(voted)


def test_vote_count_minutes_count_on_the_whole_council(demo, tmp_path):
    session = demo.rows("vote_sessions")[0]
    out = tmp_path / "kiem-phieu.pdf"
    records.issue_pdf(demo, "bien_ban_kiem_phieu", session["id"], out, ballots_invalid=1,
                      counting_head="Phạm Quốc Việt")
    text = " ".join(pdf_text(out).split())
    present = int(session["present"])
    assert "BIÊN BẢN KIỂM PHIẾU" in text and f"Số phiếu phát ra: {present:02d} phiếu" in text
    assert f"Số phiếu hợp lệ: {present - 1:02d} phiếu; số phiếu không hợp lệ: 01 phiếu" in text
    flow = squeezed(flow_text(out))
    assert "88,89" in flow and "77,78" in flow  # shares of all 9 members, not of the 8 present
    context = records.build_context(demo, "bien_ban_kiem_phieu", session["id"])
    assert context["conclusions"] and all(squeezed(c) in flow for c in context["conclusions"])
    assert "TRƯỞNG BAN KIỂM PHIẾU" in text and "Phạm Quốc Việt" in text
    with pytest.raises(records.PrintError, match="nhiều hơn số phiếu phát ra"):
        records.preview_pdf(demo, "bien_ban_kiem_phieu", session["id"], tmp_path / "x.pdf",
                            ballots_returned=present + 1)
    assert not (tmp_path / "x.pdf").exists()


def test_cover_letter_sends_the_dossier_to_the_upper_office(demo, tmp_path):
    upward = demo.rows("nominations", "title_code = 'BANG_KHEN_TINH'")[0]
    out = tmp_path / "cv.pdf"
    records.issue_pdf(demo, "cong_van", upward["id"], out)
    text = " ".join(pdf_text(out).split())
    assert "V/v gửi hồ sơ đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân thành phố năm" in text
    assert "Kính gửi: Sở Nội vụ thành phố Cần Thơ." in text
    assert "1. Tờ trình" in text and "2. Danh sách" in text and "Báo cáo thành tích của 01 cá nhân" in text
    assert "trình Chủ tịch Ủy ban nhân dân thành phố Cần Thơ xem xét" in text
    codes = [r["code"] for r in demo.db.query("SELECT code FROM doc_register WHERE doc_type = 'CV'")]
    assert codes == ["01/UBND"] and "Số: 01/UBND" in text
    # a title the ward's own chairman decides has no công văn: nothing goes up
    own = demo.rows("nominations", "title_code = 'LDTT'")[0]
    with pytest.raises(records.PrintError, match="không gửi lên cấp trên"):
        records.issue_pdf(demo, "cong_van", own["id"], tmp_path / "no.pdf")
    assert [r["code"] for r in demo.db.query("SELECT code FROM doc_register WHERE doc_type = 'CV'")] == ["01/UBND"]


def test_notice_of_results_says_what_became_of_each_nomination(demo, tmp_path):
    rejected = demo.rows("nominations", "status = 'rejected'")[0]
    decided = demo.rows("nominations", "status = 'decided'")[0]
    decision = demo.rows("decisions")[0]
    context = records.build_context(demo, "thong_bao_ket_qua", rejected["id"])
    by_name = {r["name"].split(" ", 1)[1] if r["name"].startswith(("Ông ", "Bà ")) else r["name"]: r
               for r in context["results"]}
    refused = by_name[rejected["subject_name"]]
    assert refused["result"] == "Không đồng ý" and refused["reason"] == (rejected.get("status_reason") or "")
    assert any(r["result"] == "Đã khen thưởng" and r["reason"].startswith(f"Quyết định số {int(decision['number']):02d}/")
               for r in context["results"])
    assert decided["status"] == "decided"
    out = tmp_path / "tb.pdf"
    records.issue_pdf(demo, "thong_bao_ket_qua", rejected["id"], out)
    text = " ".join(pdf_text(out).split())
    assert "THÔNG BÁO" in text and "Số: 01/TB-UBND" in text and "Không đồng ý" in text
    assert "Cơ quan cấp trên" not in text and "Các cơ quan, đơn vị;" not in text


def test_gold_book_extract_marks_a_cancelled_award(demo, tmp_path):
    import datetime as dt

    from tdkt_desktop.store.cancellations import cancel_awards

    decision = demo.rows("decisions")[0]
    awardees = demo.rows("decision_awardees", "decision_id = ?", [decision["id"]], order_by="so_vang")
    [row] = cancel_awards(demo, [awardees[1]["id"]], cancel_date=dt.date(2026, 3, 2), ground="b",
                          reason="Hồ sơ có giấy tờ không đúng sự thật", signer="Trần Văn Bình", signer_title="Chủ tịch")
    vice = demo.rows("officials", order_by="sort_order")[1]["full_name"]
    out = tmp_path / "so-vang.pdf"
    records.issue_pdf(demo, "trich_so_vang", decision["id"], out, signer=vice, signer_role="TL")
    text = " ".join(pdf_text(out).split())
    assert "TRÍCH SỔ VÀNG KHEN THƯỞNG" in text and f"Theo Quyết định số {int(decision['number']):02d}/QĐ-UBND" in text
    flow = squeezed(flow_text(out))
    assert squeezed(f"Đã hủy bỏ (Quyết định số {row['number']}/{row['doc_code']} ngày 02/03/2026)") in flow
    assert flow.count("Đãhủybỏ") == 1 and f"({len(awardees):02d} mục)" in text
    assert "TL. CHỦ TỊCH" in text and vice in text


def test_personal_report_lists_research_apart_from_initiatives_with_their_scope(demo, tmp_path):
    """Đề tài khoa học are listed under their own heading, never among the sáng kiến; the reach column shows
    the scope chosen (else the level as typed); an unrecognised sáng kiến is not listed as recognised."""
    nomination = next(n for n in demo.rows("nominations", "subject_kind = 'person'")
                      if demo.get("people", n["subject_id"]) and demo.get("people", n["subject_id"]).get("birth_date"))
    pid = nomination["subject_id"]
    with demo.atomic():
        for row in demo.rows("initiatives", "person_id = ?", [pid]):
            demo.delete("initiatives", row["id"])
    demo.insert("initiatives", {"person_id": pid, "year": 2025, "name": "Sáng kiến nhắc hạn hồ sơ", "scope": "tinh",
                                "level": "gõ tay", "recognised": 1, "decision_number": "12/QĐ-UBND"})
    demo.insert("initiatives", {"person_id": pid, "year": 2024, "name": "Sáng kiến cũ ghi cấp bằng chữ",
                                "level": "Cấp cơ sở"})
    demo.insert("initiatives", {"person_id": pid, "year": 2025, "name": "Sáng kiến chưa công nhận", "scope": "xa",
                                "recognised": 0})
    demo.insert("initiatives", {"person_id": pid, "year": 2026, "name": "Đề án số hóa hộ tịch", "kind": "research",
                                "scope": "xa", "recognised": 1, "decision_number": "5/QĐ-UBND"})
    context = records.build_context(demo, "bao_cao_ca_nhan", nomination["id"])
    assert context["initiatives"] == [
        {"year": 2024, "name": "Sáng kiến cũ ghi cấp bằng chữ", "level": "Cấp cơ sở", "decision": ""},
        {"year": 2025, "name": "Sáng kiến nhắc hạn hồ sơ", "level": "Cấp tỉnh", "decision": "Quyết định số 12/QĐ-UBND"},
    ]
    assert context["research"] == [
        {"year": 2026, "name": "Đề án số hóa hộ tịch", "level": "Cấp xã", "decision": "Quyết định số 5/QĐ-UBND"},
    ]
    out = tmp_path / "bc.pdf"
    records.preview_pdf(demo, "bao_cao_ca_nhan", nomination["id"], out)
    text = flow_text(out)
    ideas_at, research_at = text.index("Các sáng kiến được công nhận"), text.index("Các đề tài, đề án khoa học")
    assert ideas_at < text.index("Sáng kiến nhắc hạn hồ sơ") < research_at < text.index("Đề án số hóa hộ tịch")
    assert "Sáng kiến chưa công nhận" not in text and "gõ tay" not in text
    assert research_at < text.index("Cấp xã") < text.index("III. CÁC HÌNH THỨC")


def test_counts_are_written_as_administrative_texts_write_them() -> None:
    """Two digits below ten ("02 tập thể"), thousands with dots beyond ("1.250 cá nhân"): a province's year of
    awards printed "34000 cá nhân"."""
    assert records.count_text(["person", "collective", "person"]) == "01 tập thể và 02 cá nhân"
    assert records.count_text(["person"] * 1250) == "1.250 cá nhân"
    assert records.count_text(["household"] * 12 + ["person"] * 10) == "10 cá nhân và 12 hộ gia đình"
