"""The yearly cycle with the ``tdkt`` command only (each step a separate process, as a script would run it):
a city (92) and two wards (31147, 31150). The city launches a campaign from a directive and sends it down; the
wards register, enter results, nominate and send up; the city receives, appraises, approves one, returns the
other and issues a decision; the decision travels down. Counts and statuses are compared on every side."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

CITY, WARD_A, WARD_B = "92", "31147", "31150"


class Tdkt:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.env = {**os.environ, "HOME": str(root), "XDG_DATA_HOME": str(root / "data"),
                    "XDG_CONFIG_HOME": str(root / "config"), "QT_QPA_PLATFORM": "offscreen"}

    def db(self, code: str) -> str:
        return str(self.root / f"{code}.sqlite")

    def __call__(self, code: str, *argv: str, expect: int = 0) -> str:
        done = subprocess.run([sys.executable, "-m", "tdkt_desktop", "--db", self.db(code), *argv],
                              capture_output=True, text=True, env=self.env, timeout=120, check=False)
        assert done.returncode == expect, (argv, done.returncode, done.stderr)
        assert "Traceback" not in done.stderr
        return done.stdout

    def json(self, code: str, *argv: str) -> Any:
        return json.loads(self(code, *argv, "--json"))

    def add(self, code: str, kind: str, name: str, data: Any) -> list[str]:
        """``tdkt records add`` prints the new ids as JSON."""
        return [str(i) for i in json.loads(self(code, "records", "add", kind, "--file", self.file(name, data)))]

    def file(self, name: str, data: Any) -> str:
        path = self.root / name
        path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return str(path)

    def send(self, src: str, dst: str, name: str) -> None:
        bundle = str(self.root / f"{name}.tdktgoi")
        self(src, "bundle", "export", "--to", dst, "--out", bundle)
        self(dst, "bundle", "import", bundle)


def _nominee(t: Tdkt, ward: str, name: str) -> str:
    [person] = t.add(ward, "people", f"{ward}-nguoi.json", {
        "full_name": name, "gender": "female", "birth_date": "12/03/1980", "position": "Công chức",
        "nominee_class": "Người trực tiếp công tác", "hometown": "Cần Thơ", "residence": "Cần Thơ"})
    history = [{"subject_kind": "person", "subject_id": person, "year": y, "code": "CSTDCS",
                "award_name": "Chiến sĩ thi đua cơ sở", "award_kind": "cong_trang"} for y in (2024, 2025)]
    t.add(ward, "award_history", f"{ward}-ls.json", history)
    ratings = [{"subject_kind": "person", "subject_id": person, "year": y, "rating": "excellent"}
               for y in (2024, 2025, 2026)]
    t.add(ward, "ratings", f"{ward}-xl.json", ratings)
    return str(person)


def test_yearly_cycle_with_the_command_only(tmp_path):
    t = Tdkt(tmp_path)
    for code, who in ((CITY, "Sở Nội vụ"), (WARD_A, "Phường Tân An"), (WARD_B, "Phường An Bình")):
        t(code, "init", "--unit", code, "--operator", who)
        t(code, "keys", "export", "--out", str(tmp_path / f"{code}.tdktkhoa"))
    for ward in (WARD_A, WARD_B):
        t(CITY, "enroll", str(tmp_path / f"{ward}.tdktkhoa"), "--yes")
        t(ward, "enroll", str(tmp_path / f"{CITY}.tdktkhoa"), "--yes")

    # the city launches the campaign from its directive and sends it down
    directive = t.file("chi-thi.txt", "1. Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” đạt từ 90% trở lên.\n")
    launched = t.json(CITY, "directive", "import", directive, "--name", "Phong trào thi đua năm 2026")
    campaign = launched["campaign_id"]
    for ward in (WARD_A, WARD_B):
        t.send(CITY, ward, f"xuong-{ward}")
        assert [c["id"] for c in t.json(ward, "records", "list", "campaigns")] == [campaign]

    # each ward registers, reports, nominates and sends up
    nominations = {}
    for ward, name, figure in ((WARD_A, "Nguyễn Thị Thu Hà", "92,5"), (WARD_B, "Trần Thị Mai", "88")):
        person = _nominee(t, ward, name)
        added = t.json(ward, "registrations", "add", "--campaign", campaign[:8], "--title", "CSTDCS", "--all-people")
        assert len(added["added"]) == 1
        t(ward, "results", "set", "--campaign", campaign[:8], "--period", "2026", "--target", "1", figure)
        [nom] = t.add(ward, "nominations", f"{ward}-dn.json", {
            "subject_kind": "person", "subject_id": person, "subject_name": name, "title_code": "BANG_KHEN_TINH",
            "award_kind": "cong_trang", "year": 2026, "period": "2026", "campaign_id": campaign,
            "achievement": "Hai năm liên tục Chiến sĩ thi đua cơ sở.", "nominee_class": "Người trực tiếp công tác",
            "dossier_json": {"to_trinh": True, "danh_sach": True, "bao_cao_thanh_tich_ca_nhan": True,
                             "bien_ban_hoi_dong": True}})
        sent = t.json(ward, "nominations", "submit", str(nom)[:8], "--date", "01/12/2026",
                      "--reason", "Hồ sơ gửi kèm bản gốc")
        assert (sent["status"], sent["submitted_on"]) == ("submitted", "2026-12-01")
        nominations[ward] = str(nom)
        t.send(ward, CITY, f"len-{ward}")

    # the city receives, appraises, approves one, returns the other, decides
    a, b = nominations[WARD_A], nominations[WARD_B]
    received = t.json(CITY, "appraise", "receive", a[:8], b[:8])
    assert {r["status"] for r in received} == {"received"}
    verdict = t.json(CITY, "appraise", "check", a[:8], "--date", "18/12/2026")
    assert verdict["eligible"], verdict["reasons"]
    t(CITY, "appraise", "approve", a[:8])
    t(CITY, "appraise", "return", b[:8], "--reason", "Thiếu báo cáo thành tích có xác nhận")
    decision = t.json(CITY, "decisions", "issue", "--nominations", a[:8], "--date", "18/12/2026",
                      "--signer", "Trần Văn Bình", "--signer-title", "Chủ tịch")
    assert decision["totals"]["count"] == 1 and decision["code"].startswith(decision["number"] + "/")
    for ward in (WARD_A, WARD_B):
        t.send(CITY, ward, f"ket-qua-{ward}")

    # every side tells the same story
    city_noms = {n["id"]: n for n in t.json(CITY, "records", "list", "nominations")}
    assert {i: n["status"] for i, n in city_noms.items()} == {a: "decided", b: "returned"}
    assert len(t.json(CITY, "records", "list", "registrations")) == 2
    assert sorted(r["value"] for r in t.json(CITY, "records", "list", "target_results")) == [88, 92.5]
    for ward, own, status in ((WARD_A, a, "decided"), (WARD_B, b, "returned")):
        [mine] = t.json(ward, "records", "list", "nominations")
        assert (mine["id"], mine["status"]) == (own, status)
        assert mine["status_reason"] == city_noms[own]["status_reason"]
    assert [d["id"] for d in t.json(WARD_A, "records", "list", "decisions")] == [decision["id"]]
    stats = {code: t.json(code, "stats") for code in (CITY, WARD_A, WARD_B)}
    assert stats[CITY]["nominations"] == 2 and stats[WARD_A]["nominations"] == stats[WARD_B]["nominations"] == 1
