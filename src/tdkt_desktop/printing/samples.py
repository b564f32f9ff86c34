"""Sample contexts for every template: a ward of Cần Thơ (UBND phường Tân Phú) and its units.

Used by the tests, the golden page images, the benchmark and the "print a sample" action. Each call
returns a fresh dict, so callers may change it freely.
"""

from __future__ import annotations

import copy
import datetime as _dt
from typing import Any

__all__ = ["SAMPLE_NAMES", "long_danh_sach", "sample_context"]

_WARD = {
    "name": "ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN PHÚ",
    "abbr": "UBND",
    "full": "Ủy ban nhân dân phường Tân Phú",
    "short": "UBND phường Tân Phú",
}
_CHAIRMAN = {"prefix": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Trần Văn Minh"}
_VICE = {"prefix": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Lê Thị Mỹ Duyên"}
_SCHOOL = {
    "parent": "UBND PHƯỜNG TÂN PHÚ",
    "name": "TRƯỜNG TIỂU HỌC TÂN PHÚ",
    "abbr": "THTP",
    "full": "Trường Tiểu học Tân Phú",
    "short": "Trường Tiểu học Tân Phú",
}
_AWARD_BK = "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố"

_TO_TRINH: dict[str, Any] = {
    "issuer": _WARD,
    "number": 5,
    "place": "Tân Phú",
    "date": _dt.date(2026, 1, 5),
    "subject": "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân thành phố\n"
               "cho tập thể, cá nhân có thành tích xuất sắc năm 2025",
    "addressee": "Chủ tịch Ủy ban nhân dân thành phố Cần Thơ",
    "basis": [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết "
        "một số điều của Luật Thi đua, khen thưởng",
        "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng phường Tân Phú ngày 26 tháng 12 năm 2025 "
        "về việc xét đề nghị khen thưởng năm 2025",
    ],
    "proposal": {
        "authority": "Chủ tịch Ủy ban nhân dân thành phố Cần Thơ",
        "award": _AWARD_BK,
        "count_text": "02 tập thể và 03 cá nhân",
        "reason": "đã có thành tích xuất sắc trong thực hiện nhiệm vụ chính trị, phong trào thi đua yêu nước "
                  "năm 2024 và năm 2025, góp phần vào sự nghiệp xây dựng và phát triển thành phố",
    },
    "summary": [
        "Trong hai năm liên tục 2024 - 2025, các tập thể, cá nhân được đề nghị đã hoàn thành xuất sắc nhiệm vụ "
        "được giao; phường hoàn thành 18/18 chỉ tiêu kinh tế - xã hội, tỷ lệ hộ nghèo còn 0,42%, 100% hồ sơ "
        "thủ tục hành chính được giải quyết đúng hạn, Đề án 06 hoàn thành 100% nhiệm vụ.",
    ],
    "signer": _CHAIRMAN,
    "recipients": ["Như trên", "Sở Nội vụ thành phố (Phòng Thi đua, khen thưởng)", "TT. Đảng ủy, TT. HĐND phường",
                   "CT, các PCT UBND phường"],
    "archive": "VT, VP",
}

_NOMINEES = [
    {"section": "I. TẬP THỂ"},
    {"name": "Văn phòng HĐND và UBND phường Tân Phú", "position_unit": "Phường Tân Phú",
     "award": _AWARD_BK, "summary": "Hai năm liên tục 2024 - 2025 hoàn thành xuất sắc nhiệm vụ; "
     "100% hồ sơ giải quyết đúng hạn.", "vote_percent": 100},
    {"name": "Trường Tiểu học Tân Phú", "position_unit": "Phường Tân Phú", "award": _AWARD_BK,
     "summary": "Tập thể Lao động xuất sắc năm 2024, năm 2025; 98,7% học sinh hoàn thành chương trình lớp học.",
     "vote_percent": 90.91},
    {"section": "II. CÁ NHÂN"},
    {"name": "Bà Nguyễn Thị Thu Hà", "position_unit": "Công chức Văn phòng - Thống kê, UBND phường Tân Phú",
     "award": _AWARD_BK, "summary": "Chiến sĩ thi đua cơ sở năm 2024, năm 2025; sáng kiến số hóa hồ sơ một cửa.",
     "vote_percent": 100},
    {"name": "Ông Huỳnh Quốc Việt", "position_unit": "Trưởng Công an phường Tân Phú", "award": _AWARD_BK,
     "summary": "Hai năm liên tục hoàn thành xuất sắc nhiệm vụ; giữ vững an ninh trật tự trên địa bàn.",
     "vote_percent": 90.91},
    {"name": "Bà Đặng Thị Hồng Nhung", "position_unit": "Giáo viên Trường Tiểu học Tân Phú", "award": _AWARD_BK,
     "summary": "Chiến sĩ thi đua cơ sở năm 2024, năm 2025; giáo viên dạy giỏi cấp thành phố năm học 2024 - 2025.",
     "vote_percent": 81.82},
]

_DANH_SACH: dict[str, Any] = {
    "issuer": _WARD,
    "place": "Tân Phú",
    "date": _dt.date(2026, 1, 5),
    "list_title": "Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân thành phố năm 2025",
    "attached": {"kind": "Tờ trình", "number": "05/TTr-UBND", "date": _dt.date(2026, 1, 5)},
    "rows": _NOMINEES,
    "signer": _CHAIRMAN,
}

_BAO_CAO_CA_NHAN: dict[str, Any] = {
    "place": "Tân Phú",
    "date": _dt.date(2025, 12, 20),
    "award_title": "ĐỀ NGHỊ TẶNG BẰNG KHEN\nCỦA CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ",
    "person": {
        "name": "Nguyễn Thị Thu Hà",
        "birth_date": _dt.date(1986, 3, 12),
        "gender": "Nữ",
        "hometown": "Phường Tân Phú, thành phố Cần Thơ",
        "residence": "Khu vực 3, phường Tân Phú, thành phố Cần Thơ",
        "unit": "Ủy ban nhân dân phường Tân Phú",
        "position": "Công chức Văn phòng - Thống kê",
        "qualification": "Đại học chuyên ngành Quản lý nhà nước",
        "academic": "",
    },
    "duties": [
        "Tham mưu Ủy ban nhân dân phường công tác văn phòng, tổng hợp, thi đua, khen thưởng; quản lý hồ sơ một "
        "cửa và chuyển đổi số của phường.",
    ],
    "achievements": [
        "Hoàn thành xuất sắc nhiệm vụ năm 2024 và năm 2025; tham mưu ban hành kịp thời 124 văn bản chỉ đạo, "
        "điều hành; 100% hồ sơ thủ tục hành chính được tiếp nhận và trả kết quả đúng hạn.",
        "Chủ trì triển khai số hóa 6.850 hồ sơ hộ tịch lưu trữ, giúp người dân tra cứu nhanh, giảm thời gian "
        "giải quyết thủ tục từ 03 ngày xuống còn 01 ngày.",
    ],
    "initiatives": [
        {"year": 2024, "name": "Số hóa hồ sơ một cửa và hộ tịch tại phường Tân Phú", "level": "Cơ sở",
         "decision": "Quyết định số 88/QĐ-UBND ngày 15/11/2024 của UBND phường Tân Phú"},
        {"year": 2025, "name": "Quy trình nhắc hạn xử lý hồ sơ bằng tin nhắn cho công chức", "level": "Cơ sở",
         "decision": "Quyết định số 97/QĐ-UBND ngày 10/11/2025 của UBND phường Tân Phú"},
    ],
    "research": [
        {"year": 2025, "name": "Đề án nâng cao chất lượng giải quyết thủ tục hành chính trên môi trường số",
         "level": "Cấp xã", "decision": "Quyết định số 101/QĐ-UBND ngày 20/11/2025 của UBND phường Tân Phú"},
    ],
    "titles": [
        {"year": 2024, "title": "Chiến sĩ thi đua cơ sở",
         "decision": "Quyết định số 1250/QĐ-UBND ngày 20/12/2024 của Chủ tịch UBND quận Cái Răng"},
        {"year": 2025, "title": "Chiến sĩ thi đua cơ sở",
         "decision": "Quyết định số 125/QĐ-UBND ngày 26/12/2025 của Chủ tịch UBND phường Tân Phú"},
    ],
    "awards": [
        {"year": 2023, "form": "Giấy khen của Chủ tịch UBND quận Cái Răng",
         "decision": "Quyết định số 980/QĐ-UBND ngày 22/12/2023 của Chủ tịch UBND quận Cái Răng"},
    ],
    "confirmer": {"title": "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG", "name": "Trần Văn Minh"},
}

_BAO_CAO_TAP_THE: dict[str, Any] = {
    "issuer": _SCHOOL,
    "place": "Tân Phú",
    "date": _dt.date(2025, 12, 18),
    "award_title": "ĐỀ NGHỊ TẶNG DANH HIỆU\nTẬP THỂ LAO ĐỘNG XUẤT SẮC NĂM 2025",
    "unit_name": "Trường Tiểu học Tân Phú",
    "overview": [
        "Trường Tiểu học Tân Phú được thành lập năm 1978; trụ sở tại số 25 đường Trần Hưng Đạo, khu vực 2, "
        "phường Tân Phú, thành phố Cần Thơ. Năm học 2024 - 2025 trường có 32 lớp với 1.126 học sinh; "
        "54 cán bộ, giáo viên, nhân viên, trong đó 42 nữ (77,8%).",
        "Chi bộ trường có 28 đảng viên; Công đoàn, Chi đoàn, Liên đội hoạt động đều đặn, hiệu quả.",
    ],
    "functions": [
        "Tổ chức giảng dạy, học tập và các hoạt động giáo dục theo chương trình giáo dục phổ thông cấp tiểu học; "
        "quản lý giáo viên, nhân viên và học sinh; quản lý, sử dụng cơ sở vật chất theo quy định.",
    ],
    "years": ["2024", "2025"],
    "results": [
        {"name": "Học sinh hoàn thành chương trình lớp học (%)", "y1": "98,2", "y2": "98,7", "compare": "100,5"},
        {"name": "Học sinh hoàn thành chương trình tiểu học (%)", "y1": "100", "y2": "100", "compare": "100"},
        {"name": "Giáo viên dạy giỏi cấp thành phố (người)", "y1": "3", "y2": "5", "compare": "166,7"},
    ],
    "solutions": [
        "Đổi mới phương pháp dạy học, ứng dụng công nghệ thông tin trong từng tiết dạy; tổ chức chuyên đề "
        "cấp trường mỗi tháng; phân công giáo viên giỏi kèm cặp giáo viên mới.",
    ],
    "party": [
        "Chi bộ đạt danh hiệu “Hoàn thành xuất sắc nhiệm vụ” năm 2024; Công đoàn cơ sở vững mạnh; "
        "Liên đội mạnh cấp thành phố.",
    ],
    "titles": [
        {"year": 2024, "title": "Tập thể Lao động xuất sắc",
         "decision": "Quyết định số 1312/QĐ-UBND ngày 25/12/2024 của Chủ tịch UBND thành phố Cần Thơ"},
    ],
    "awards": [
        {"year": 2023, "form": "Giấy khen của Chủ tịch UBND quận Cái Răng",
         "decision": "Quyết định số 985/QĐ-UBND ngày 22/12/2023 của Chủ tịch UBND quận Cái Răng"},
    ],
    "confirmer": {"title": "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHÚ", "name": "Trần Văn Minh"},
    "head": {"title": "HIỆU TRƯỞNG", "name": "Phạm Ngọc Ánh"},
}

_BIEN_BAN: dict[str, Any] = {
    "issuer": {**_WARD, "parent": "UBND PHƯỜNG TÂN PHÚ", "name": "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
               "abbr": "HĐTĐKT"},
    "number": 3,
    "code": "BB-HĐTĐKT",
    "place": "Tân Phú",
    "date": _dt.date(2025, 12, 26),
    "subject": "Họp Hội đồng Thi đua - Khen thưởng phường Tân Phú\nxét đề nghị khen thưởng năm 2025",
    "meeting": {
        "start": "14 giờ 00",
        "date": _dt.date(2025, 12, 26),
        "place": "Hội trường Ủy ban nhân dân phường Tân Phú",
        "total_members": 11,
        "present": 9,
        "absent": 2,
        "written": 2,
        "absent_names": "Ông Trương Minh Triết, Bà Lý Thị Kim Yến (có ý kiến bằng văn bản)",
        "chair": "Ông Trần Văn Minh - Chủ tịch UBND phường, Chủ tịch Hội đồng",
        "secretary": "Bà Nguyễn Thị Thu Hà - Công chức Văn phòng - Thống kê, Thư ký Hội đồng",
        "end": "16 giờ 30",
    },
    "content": [
        "Thư ký Hội đồng báo cáo tổng hợp hồ sơ đề nghị khen thưởng năm 2025 của các cơ quan, đơn vị "
        "trên địa bàn phường: 06 tập thể, 14 cá nhân.",
        "Hội đồng thảo luận, đối chiếu tiêu chuẩn theo Luật Thi đua, khen thưởng và Nghị định số 152/2025/NĐ-CP; "
        "ý kiến bằng văn bản của 02 thành viên vắng mặt được đọc tại cuộc họp.",
        "Hội đồng tiến hành bỏ phiếu kín; tỷ lệ phiếu đồng ý được tính trên tổng số thành viên Hội đồng.",
    ],
    "votes": [
        {"name": "Bà Nguyễn Thị Thu Hà", "award": "Chiến sĩ thi đua cơ sở", "votes": 11, "result": "Đạt"},
        {"name": "Ông Huỳnh Quốc Việt", "award": "Chiến sĩ thi đua cơ sở", "votes": 10, "result": "Đạt"},
        {"name": "Bà Đặng Thị Hồng Nhung", "award": "Chiến sĩ thi đua cơ sở", "votes": 9, "result": "Đạt"},
        {"name": "Ông Đỗ Văn Dũng", "award": "Chiến sĩ thi đua cơ sở", "votes": 7, "result": "Không đạt"},
        {"name": "Trường Tiểu học Tân Phú", "award": "Tập thể Lao động tiên tiến", "votes": 11, "result": "Đạt"},
    ],
    "conclusions": [
        "Hội đồng thống nhất đề nghị Chủ tịch Ủy ban nhân dân phường công nhận danh hiệu Chiến sĩ thi đua cơ sở "
        "cho 03 cá nhân và danh hiệu Tập thể Lao động tiên tiến cho 01 tập thể đạt tỷ lệ phiếu theo quy định.",
    ],
    "secretary": {"name": "Nguyễn Thị Thu Hà"},
    "chair": {"name": "Trần Văn Minh"},
}

_AWARDEES = [
    {"section": "I. TẬP THỂ"},
    {"name": "Khu vực 3, phường Tân Phú", "position_unit": "Phường Tân Phú", "gold_book": "01", "amount": 1410000},
    {"section": "II. CÁ NHÂN"},
    {"name": "Bà Võ Thị Ngọc Hân", "position_unit": "Trưởng khu vực 3", "gold_book": "02", "amount": 470000},
    {"name": "Ông Lý Văn Lực", "position_unit": "Chủ nhiệm Hợp tác xã nông nghiệp Tân Phú", "gold_book": "03",
     "amount": 470000},
    {"name": "Bà Châu Ngọc Trâm", "position_unit": "Giáo viên Trường Tiểu học Tân Phú", "gold_book": "04",
     "amount": 470000},
    {"name": "Ông Dương Quang Hưởng", "position_unit": "Công an phường Tân Phú", "gold_book": "05",
     "amount": 470000},
]

_QUYET_DINH: dict[str, Any] = {
    "issuer": _WARD,
    "number": 125,
    "code": "QĐ-UBND",
    "place": "Tân Phú",
    "date": _dt.date(2025, 12, 26),
    "subject": "Về việc tặng Giấy khen cho các tập thể, cá nhân đã có thành tích xuất sắc\n"
               "trong phong trào thi đua yêu nước năm 2025",
    "decider": "Chủ tịch Ủy ban nhân dân phường Tân Phú",
    "basis": [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết "
        "một số điều của Luật Thi đua, khen thưởng",
        "Căn cứ Nghị định số 129/2025/NĐ-CP ngày 11 tháng 6 năm 2025 của Chính phủ quy định phân định thẩm "
        "quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Nội vụ",
    ],
    "proposed_by": "Theo đề nghị của Hội đồng Thi đua - Khen thưởng phường Tân Phú",
    "article1": "Tặng Giấy khen cho 01 tập thể và 04 cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc "
                "trong phong trào thi đua yêu nước năm 2025.",
    "article2": "Tiền thưởng kèm theo Giấy khen thực hiện theo Nghị định số 152/2025/NĐ-CP: tập thể 1.410.000 đồng, "
                "cá nhân 470.000 đồng; tổng cộng 3.290.000 đồng (Ba triệu hai trăm chín mươi nghìn đồng), "
                "trích từ Quỹ thi đua, khen thưởng của phường năm 2025.",
    "article3": "Chánh Văn phòng HĐND và UBND phường, Trưởng phòng Kinh tế, các tập thể và cá nhân có tên tại "
                "Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    "list_title": "Tập thể, cá nhân được tặng Giấy khen năm 2025",
    "awardees": _AWARDEES,
    "signer": {"prefix": "", "title": "CHỦ TỊCH", "name": "Trần Văn Minh"},
    "recipients": ["Như Điều 3", "Sở Nội vụ thành phố (để báo cáo)", "TT. Đảng ủy phường"],
    "archive": "VT, VP",
}

_QUYET_DINH_HUY_BO: dict[str, Any] = {
    "issuer": _WARD,
    "number": 7,
    "code": "QĐ-UBND",
    "place": "Tân Phú",
    "date": _dt.date(2026, 3, 16),
    "subject": "Về việc hủy bỏ Quyết định số 125/QĐ-UBND ngày 26/12/2025 về khen thưởng đối với 01 cá nhân",
    "decider": "Chủ tịch Ủy ban nhân dân phường Tân Phú",
    "basis": [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân "
        "quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật "
        "Thi đua, khen thưởng",
        "Căn cứ Quyết định số 125/QĐ-UBND ngày 26/12/2025",
    ],
    "proposed_by": "Xét đề nghị của Hội đồng Thi đua - Khen thưởng phường Tân Phú",
    "article1": "Hủy bỏ khen thưởng theo Quyết định số 125/QĐ-UBND ngày 26/12/2025 đối với 01 cá nhân (có danh sách "
                "kèm theo), vì lý do: kê khai thành tích không đúng sự thật (thuộc trường hợp quy định tại điểm a "
                "khoản 2 Điều 93 Luật Thi đua, khen thưởng: có hành vi gian dối trong việc kê khai công trạng, "
                "thành tích để được tặng danh hiệu thi đua, hình thức khen thưởng).",
    "article2": "Thu hồi hiện vật khen thưởng (bằng, khung) đã trao. Thu hồi tiền thưởng đã nhận, tổng cộng "
                "710.000 đồng (Bảy trăm mười nghìn đồng), nộp vào Quỹ thi đua, khen thưởng.",
    "article3": "Chánh Văn phòng HĐND và UBND phường, các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi "
                "hành Quyết định này./.",
    "list_title": "Tập thể, cá nhân bị hủy bỏ khen thưởng theo Quyết định số 125/QĐ-UBND ngày 26/12/2025",
    "awards": [
        {"name": "Ông Lê Minh Tuấn", "award": "Giấy khen của Chủ tịch Ủy ban nhân dân phường", "gold_book": "04",
         "amount": 710_000},
    ],
    "signer": {"prefix": "", "title": "CHỦ TỊCH", "name": "Trần Văn Minh"},
    "recipients": ["Như Điều 3", "Sở Nội vụ thành phố (để báo cáo)"],
    "archive": "VT, VP",
}

_CERT_BASE: dict[str, Any] = {
    "decider": "Chủ tịch Ủy ban nhân dân phường Tân Phú",
    "place": "Tân Phú",
    "date": _dt.date(2025, 12, 26),
    "decision": {"number": "125/QĐ-UBND", "date": _dt.date(2025, 12, 26)},
    "signer": {"prefix": "", "title": "CHỦ TỊCH", "name": "Trần Văn Minh"},
}

_GIAY_KHEN: dict[str, Any] = {
    **_CERT_BASE,
    "certificates": [
        {"recipient": "Bà Võ Thị Ngọc Hân", "position": "Trưởng khu vực 3, phường Tân Phú",
         "achievement": "Đã có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2025", "gold_book": "02"},
    ],
}

_BANG_CSTDCS: dict[str, Any] = {
    **_CERT_BASE,
    "decision": {"number": "124/QĐ-UBND", "date": _dt.date(2025, 12, 26)},
    "year": 2025,
    "certificates": [
        {"recipient": "Bà Nguyễn Thị Thu Hà",
         "position": "Công chức Văn phòng - Thống kê, Ủy ban nhân dân phường Tân Phú", "gold_book": "07"},
    ],
}

_DANG_KY: dict[str, Any] = {
    "issuer": _SCHOOL,
    "number": 12,
    "code": "ĐK-THTP",
    "place": "Tân Phú",
    "date": _dt.date(2026, 1, 15),
    "year": 2026,
    "addressee": "Hội đồng Thi đua - Khen thưởng phường Tân Phú",
    "intro": [
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 10 tháng 01 năm 2026 của Ủy ban nhân dân phường Tân Phú về "
        "phát động phong trào thi đua yêu nước năm 2026, Trường Tiểu học Tân Phú đăng ký thi đua như sau:",
    ],
    "collectives": [
        {"name": "Trường Tiểu học Tân Phú", "title": "Tập thể Lao động xuất sắc"},
        {"name": "Tổ chuyên môn khối 5", "title": "Tập thể Lao động tiên tiến"},
    ],
    "individuals": [
        {"name": "Phạm Ngọc Ánh", "position": "Hiệu trưởng", "title": "Chiến sĩ thi đua cơ sở"},
        {"name": "Đặng Thị Hồng Nhung", "position": "Giáo viên", "title": "Chiến sĩ thi đua cơ sở"},
        {"name": "Bùi Thị Ngọc Hân", "position": "Giáo viên", "title": "Lao động tiên tiến"},
        {"name": "Ngô Thanh Tùng", "position": "Nhân viên thư viện", "title": "Lao động tiên tiến"},
    ],
    "commitments": [
        "Tập thể cán bộ, giáo viên, nhân viên nhà trường cam kết thực hiện tốt các nội dung thi đua đã đăng ký; "
        "hoàn thành 100% chỉ tiêu năm học 2025 - 2026.",
    ],
    "signer": {"prefix": "", "title": "HIỆU TRƯỞNG", "name": "Phạm Ngọc Ánh"},
    "recipients": ["Như trên"],
    "archive": "VP",
}

_KE_HOACH: dict[str, Any] = {
    "issuer": _WARD,
    "number": 12,
    "place": "Tân Phú",
    "date": _dt.date(2026, 1, 10),
    "year": 2026,
    "subject": "Phát động phong trào thi đua yêu nước năm 2026",
    "intro": [
        "Thực hiện Kế hoạch số 05/KH-UBND ngày 06 tháng 01 năm 2026 của Ủy ban nhân dân thành phố Cần Thơ về "
        "phát động phong trào thi đua yêu nước năm 2026 và Nghị quyết số 15/NQ-HĐND ngày 20 tháng 12 năm 2025 "
        "của Hội đồng nhân dân phường về nhiệm vụ phát triển kinh tế - xã hội năm 2026, Ủy ban nhân dân "
        "phường Tân Phú xây dựng Kế hoạch phát động phong trào thi đua yêu nước năm 2026 như sau:",
    ],
    "purposes": [
        {"heading": "1. Mục đích"},
        "- Đẩy mạnh các phong trào thi đua, tạo khí thế sôi nổi, phấn đấu hoàn thành thắng lợi các chỉ tiêu "
        "kinh tế - xã hội năm 2026 của phường.",
        "- Phát hiện, bồi dưỡng, tôn vinh các điển hình tiên tiến, gương “người tốt, việc tốt”.",
        {"heading": "2. Yêu cầu"},
        "Các cơ quan, đơn vị, khu vực triển khai phong trào thi đua thiết thực, hiệu quả; khen thưởng chính xác, "
        "kịp thời, công khai, minh bạch.",
    ],
    "goals": [
        "1. Hoàn thành và hoàn thành vượt mức các chỉ tiêu Nghị quyết Hội đồng nhân dân phường năm 2026.",
        "2. 100% cơ quan, đơn vị, khu vực đăng ký thi đua và gửi bản đăng ký về Ủy ban nhân dân phường "
        "trước ngày 31 tháng 3 năm 2026.",
    ],
    "contents": [
        "1. Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh.",
        "2. Thi đua đẩy mạnh cải cách hành chính, chuyển đổi số, thực hiện Đề án 06.",
        "3. Thi đua xây dựng khu vực văn hóa, gia đình văn hóa; chung tay vì người nghèo.",
    ],
    "targets": [
        {"name": "Tỷ lệ hộ nghèo theo chuẩn mới", "unit": "%", "value": "dưới 0,4", "note": ""},
        {"name": "Tỷ lệ người dân tham gia bảo hiểm y tế", "unit": "%", "value": "từ 95 trở lên", "note": ""},
        {"name": "Hồ sơ thủ tục hành chính giải quyết đúng hạn", "unit": "%", "value": "100", "note": ""},
        {"name": "Khu vực đạt danh hiệu “Khu vực văn hóa”", "unit": "khu vực", "value": "06/06", "note": ""},
        {"name": "Hộ gia đình đạt danh hiệu “Gia đình văn hóa”", "unit": "%", "value": "từ 92 trở lên",
         "note": "Theo NĐ 86/2023"},
    ],
    "organisation": [
        "1. Văn phòng HĐND và UBND phường là cơ quan thường trực Hội đồng Thi đua - Khen thưởng phường, "
        "theo dõi, đôn đốc, tổng hợp kết quả; tham mưu sơ kết 06 tháng trước ngày 15 tháng 6 năm 2026 và "
        "tổng kết năm trước ngày 10 tháng 12 năm 2026.",
        "2. Các cơ quan, đơn vị, khu vực cụ thể hóa Kế hoạch này; báo cáo kết quả định kỳ 06 tháng và năm "
        "gửi về Ủy ban nhân dân phường (qua Văn phòng) để tổng hợp./.",
    ],
    "signer": _CHAIRMAN,
    "recipients": ["UBND thành phố Cần Thơ", "Sở Nội vụ thành phố", "TT. Đảng ủy, TT. HĐND phường",
                   "UBMTTQVN phường", "Các cơ quan, đơn vị, khu vực"],
    "archive": "VP",
}

_BAO_CAO_KET_QUA: dict[str, Any] = {
    "issuer": _WARD,
    "number": 210,
    "code": "BC-UBND",
    "place": "Tân Phú",
    "date": _dt.date(2025, 12, 8),
    "subject": "Tổng kết phong trào thi đua yêu nước và kết quả thực hiện chỉ tiêu thi đua năm 2025",
    "direction": [
        "Ủy ban nhân dân phường ban hành Kế hoạch số 14/KH-UBND ngày 12 tháng 01 năm 2025 phát động phong trào "
        "thi đua yêu nước năm 2025; 100% cơ quan, đơn vị, khu vực tổ chức đăng ký thi đua.",
    ],
    "results_text": [
        "Kết quả thực hiện các chỉ tiêu thi đua chủ yếu năm 2025 như sau:",
    ],
    "targets": [
        {"name": "Tỷ lệ hộ nghèo", "registered": "dưới 0,5%", "achieved": "0,42%", "rate": 100,
         "status": "Đạt"},
        {"name": "Người dân tham gia bảo hiểm y tế", "registered": "94%", "achieved": "95,3%", "rate": 101.38,
         "status": "Vượt"},
        {"name": "Hồ sơ thủ tục hành chính đúng hạn", "registered": "100%", "achieved": "99,6%", "rate": 99.6,
         "status": "Không đạt"},
        {"name": "Khu vực văn hóa", "registered": "06", "achieved": "06", "rate": 100, "status": "Đạt"},
    ],
    "awards_text": [
        "Năm 2025, Chủ tịch Ủy ban nhân dân phường tặng Giấy khen cho 05 tập thể, 18 cá nhân; công nhận "
        "danh hiệu Chiến sĩ thi đua cơ sở cho 06 cá nhân, Lao động tiên tiến cho 41 cá nhân; trong đó "
        "người trực tiếp lao động, công tác chiếm 61%.",
    ],
    "award_counts": [
        {"name": "Giấy khen của Chủ tịch UBND phường", "collectives": 5, "households": 0, "individuals": 18},
        {"name": "Chiến sĩ thi đua cơ sở", "collectives": 0, "households": 0, "individuals": 6},
        {"name": "Lao động tiên tiến", "collectives": 0, "households": 0, "individuals": 41},
        {"name": "Tập thể Lao động tiên tiến", "collectives": 4, "households": 0, "individuals": 0},
    ],
    "shortcomings": [
        "Một số đơn vị gửi hồ sơ đề nghị khen thưởng chậm; báo cáo thành tích còn chung chung, chưa nêu "
        "rõ số liệu.",
    ],
    "tasks": [
        "Tiếp tục đổi mới nội dung, hình thức tổ chức phong trào thi đua; khen thưởng kịp thời người trực tiếp "
        "lao động, công tác; nâng cao chất lượng hồ sơ đề nghị khen thưởng.",
    ],
    "signer": _VICE,
    "recipients": ["UBND thành phố Cần Thơ", "Sở Nội vụ thành phố", "TT. Đảng ủy, TT. HĐND phường"],
    "archive": "VP",
}

def _form_rows(columns: list[str], rows: list[tuple[str, list[int]]]) -> list[dict[str, Any]]:
    return [{"label": label, "strong": not label.startswith("-"), **dict(zip(columns, values, strict=True))}
            for label, values in rows]


_COLS_0601 = ["total", "le_1y", "gt_1y", "regular", "thematic", "peak"]
_BIEU_0601N: dict[str, Any] = {
    "issuer": _WARD,
    "place": "Tân Phú",
    "date": _dt.date(2025, 12, 12),
    "year": 2025,
    "rows": _form_rows(_COLS_0601, [
        ("Tổng số", [9, 8, 1, 3, 4, 2]),
        ("Do Phường Tân Phú phát động", [4, 3, 1, 1, 2, 1]),
        ("Do các cơ quan, đơn vị trực thuộc phát động", [5, 5, 0, 2, 2, 1]),
        ("- Trường Tiểu học Tân Phú", [2, 2, 0, 1, 1, 0]),
        ("- Khu vực 3", [3, 3, 0, 1, 1, 1]),
    ]),
    "form": {"code": "0601.N/BNV-TĐKT", "title": "Số phong trào thi đua được phát động", "circular": "Thông tư 02/2023/TT-BNV"},
    "reporter": "Ủy ban nhân dân phường Tân Phú",
    "receiver": "Sở Nội vụ thành phố Cần Thơ",
    "period": {"start": _dt.date(2024, 12, 1), "end": _dt.date(2025, 11, 30)},
    "preparer": {"name": "Nguyễn Thị Lan"},
    "signer": {"prefix": "", "title": "", "name": "Trần Văn Minh"},
}

_COLS_0603 = ["total", "ca_nhan", "p_lanh_dao_tinh", "p_lanh_dao_so", "p_doanh_nhan", "p_lanh_dao_phong", "p_truc_tiep",
              "p_khac", "tap_the", "c_trung_uong_dia_phuong", "c_dang_doan_the", "c_hanh_chinh", "c_su_nghiep",
              "c_doanh_nghiep", "c_hop_tac_xa", "c_ho_gia_dinh", "c_khac"]
_BIEU_0603N: dict[str, Any] = {
    "issuer": _WARD,
    "place": "Tân Phú",
    "date": _dt.date(2025, 12, 12),
    "year": 2025,
    "rows": _form_rows(_COLS_0603, [
        ("Tổng số", [66, 60, 0, 0, 1, 9, 47, 3, 6, 0, 1, 1, 2, 0, 1, 1, 0]),
        ("I. Danh hiệu thi đua", [51, 47, 0, 0, 0, 7, 38, 2, 4, 0, 1, 1, 2, 0, 0, 0, 0]),
        ("- Chiến sĩ thi đua cơ sở", [6, 6, 0, 0, 0, 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        ("- Lao động tiên tiến", [41, 41, 0, 0, 0, 5, 34, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        ("- Tập thể lao động tiên tiến", [4, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 1, 2, 0, 0, 0, 0]),
        ("II. Hình thức khen thưởng", [15, 13, 0, 0, 1, 2, 9, 1, 2, 0, 0, 0, 0, 0, 1, 1, 0]),
        ("- Giấy khen của Chủ tịch Ủy ban nhân dân phường", [15, 13, 0, 0, 1, 2, 9, 1, 2, 0, 0, 0, 0, 0, 1, 1, 0]),
    ]),
    "form": {"code": "0603.N/BNV-TĐKT", "title": "Số lượng khen thưởng chia theo danh hiệu, hình thức và đối tượng", "circular": "Thông tư 02/2023/TT-BNV"},
    "reporter": "Ủy ban nhân dân phường Tân Phú",
    "receiver": "Sở Nội vụ thành phố Cần Thơ",
    "period": {"start": _dt.date(2024, 12, 1), "end": _dt.date(2025, 11, 30)},
    "preparer": {"name": "Nguyễn Thị Lan"},
    "signer": {"prefix": "", "title": "", "name": "Trần Văn Minh"},
}

_COUNCIL = {**_WARD, "parent": "UBND PHƯỜNG TÂN PHÚ", "name": "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "abbr": "HĐTĐKT"}
_CANDIDATES = [
    {"name": "Bà Nguyễn Thị Thu Hà", "position_unit": "Công chức Văn phòng - Thống kê, UBND phường Tân Phú",
     "award": "Chiến sĩ thi đua cơ sở"},
    {"name": "Ông Huỳnh Quốc Việt", "position_unit": "Trưởng Công an phường Tân Phú", "award": "Chiến sĩ thi đua cơ sở"},
    {"name": "Bà Đặng Thị Hồng Nhung", "position_unit": "Giáo viên Trường Tiểu học Tân Phú",
     "award": "Chiến sĩ thi đua cơ sở"},
    {"name": "Ông Đỗ Văn Dũng", "position_unit": "Chỉ huy trưởng Ban Chỉ huy Quân sự phường", "award": "Chiến sĩ thi đua cơ sở"},
    {"name": "Trường Tiểu học Tân Phú", "position_unit": "Phường Tân Phú", "award": "Tập thể Lao động tiên tiến"},
]
_PHIEU_BAU: dict[str, Any] = {
    "issuer": _COUNCIL,
    "place": "Tân Phú",
    "date": _dt.date(2025, 12, 26),
    "meeting_date": _dt.date(2025, 12, 26),
    "subject": "Xét đề nghị khen thưởng năm 2025",
    "candidates": _CANDIDATES,
}
_KIEM_PHIEU: dict[str, Any] = {
    "issuer": _COUNCIL,
    "place": "Tân Phú",
    "date": _dt.date(2025, 12, 26),
    "subject": "Bầu xét đề nghị khen thưởng năm 2025",
    "council": "phường Tân Phú",
    "meeting": {"date": _dt.date(2025, 12, 26), "place": "Hội trường Ủy ban nhân dân phường Tân Phú",
                "total_members": 11, "present": 9, "absent": 2, "written": 2},
    "ballots": {"issued": 9, "returned": 9, "valid": 9, "invalid": 0},
    "votes": [{k: v for k, v in row.items()} for row in _BIEN_BAN["votes"]],
    "conclusions": [
        "Có 04 trường hợp đạt tỷ lệ phiếu đồng ý theo quy định; 01 trường hợp không đạt.",
    ],
    "secretary": {"name": "Nguyễn Thị Thu Hà"},
    "counting_head": {"name": "Võ Thanh Tùng"},
}
_CONG_VAN: dict[str, Any] = {
    "issuer": _WARD,
    "number": 412,
    "code": "UBND-VP",
    "place": "Tân Phú",
    "date": _dt.date(2026, 1, 6),
    "subject": "gửi hồ sơ đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân thành phố năm 2025",
    "addressee": "Sở Nội vụ thành phố Cần Thơ",
    "intro": [
        "Thực hiện Kế hoạch số 08/KH-UBND ngày 15 tháng 01 năm 2025 của Ủy ban nhân dân thành phố Cần Thơ về "
        "tổ chức phong trào thi đua năm 2025, Ủy ban nhân dân phường Tân Phú gửi hồ sơ đề nghị tặng Bằng khen "
        "của Chủ tịch Ủy ban nhân dân thành phố cho 02 tập thể và 03 cá nhân, gồm:",
    ],
    "documents": [
        "Tờ trình số 05/TTr-UBND ngày 05 tháng 01 năm 2026 của Ủy ban nhân dân phường Tân Phú",
        "Danh sách tập thể, cá nhân đề nghị khen thưởng kèm theo Tờ trình",
        "Báo cáo thành tích của 02 tập thể và 03 cá nhân",
        "Biên bản họp Hội đồng Thi đua - Khen thưởng phường Tân Phú ngày 26 tháng 12 năm 2025",
    ],
    "closing_text": [
        "Ủy ban nhân dân phường Tân Phú kính đề nghị Sở Nội vụ thành phố Cần Thơ thẩm định, trình Chủ tịch Ủy "
        "ban nhân dân thành phố xem xét, khen thưởng./.",
    ],
    "signer": _CHAIRMAN,
    "recipients": ["Như trên", "Lưu hồ sơ khen thưởng"],
    "archive": "VP",
}
_THONG_BAO: dict[str, Any] = {
    "issuer": _WARD,
    "number": 7,
    "code": "TB-UBND",
    "place": "Tân Phú",
    "date": _dt.date(2026, 1, 8),
    "subject": "Kết quả xét đề nghị khen thưởng năm 2025\ncủa Trường Tiểu học Tân Phú",
    "intro": [
        "Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng phường Tân Phú ngày 26 tháng 12 năm 2025 và kết quả "
        "thẩm định hồ sơ, Ủy ban nhân dân phường Tân Phú thông báo kết quả xét đề nghị khen thưởng năm 2025 của "
        "Trường Tiểu học Tân Phú như sau:",
    ],
    "results": [
        {"name": "Bà Đặng Thị Hồng Nhung", "award": "Chiến sĩ thi đua cơ sở",
         "result": "Đã khen thưởng", "reason": "Quyết định số 125/QĐ-UBND ngày 26/12/2025"},
        {"name": "Bà Lê Thị Ánh", "award": "Lao động tiên tiến", "result": "Đã khen thưởng",
         "reason": "Quyết định số 125/QĐ-UBND ngày 26/12/2025"},
        {"name": "Ông Phạm Văn Lực", "award": "Chiến sĩ thi đua cơ sở", "result": "Không đồng ý",
         "reason": "Chưa có sáng kiến được công nhận"},
        {"name": "Trường Tiểu học Tân Phú", "award": "Tập thể Lao động xuất sắc", "result": "Trả lại để bổ sung",
         "reason": "Thiếu báo cáo thành tích của tập thể"},
    ],
    "closing_text": [
        "Đề nghị Trường Tiểu học Tân Phú thông báo kết quả đến các cá nhân, tập thể có liên quan; hồ sơ trả lại "
        "được bổ sung và gửi lại trước ngày 20 tháng 01 năm 2026./.",
    ],
    "signer": _VICE,
    "recipients": ["Trường Tiểu học Tân Phú", "Thành viên Hội đồng Thi đua - Khen thưởng phường"],
    "archive": "VP",
}
_TRICH_SO_VANG: dict[str, Any] = {
    "issuer": _WARD,
    "place": "Tân Phú",
    "date": _dt.date(2026, 1, 10),
    "decider": "Chủ tịch Ủy ban nhân dân phường Tân Phú",
    "decision": {"code": "125/QĐ-UBND", "date": _dt.date(2025, 12, 26),
                 "subject": "Về việc tặng Giấy khen cho các tập thể, cá nhân đã có thành tích xuất sắc trong phong "
                            "trào thi đua yêu nước năm 2025"},
    "entries": [
        {"gold_book": "01", "name": "Trường Tiểu học Tân Phú", "position_unit": "Phường Tân Phú",
         "award": "Giấy khen của Chủ tịch Ủy ban nhân dân phường", "status": "", "amount": 1_410_000},
        {"gold_book": "02", "name": "Bà Nguyễn Thị Thu Hà", "position_unit": "Công chức Văn phòng - Thống kê",
         "award": "Giấy khen của Chủ tịch Ủy ban nhân dân phường", "status": "", "amount": 470_000},
        {"gold_book": "03", "name": "Ông Huỳnh Quốc Việt", "position_unit": "Trưởng Công an phường",
         "award": "Giấy khen của Chủ tịch Ủy ban nhân dân phường",
         "status": "Đã hủy bỏ (Quyết định số 14/QĐ-UBND ngày 02/03/2026)", "amount": 470_000},
    ],
    "signer": {"prefix": "TL. CHỦ TỊCH", "title": "CHÁNH VĂN PHÒNG", "name": "Phan Thị Ngọc Trâm"},
    "recipients": ["Như Điều 3 Quyết định số 125/QĐ-UBND"],
    "archive": "VP",
}

_GIAO_UOC: dict[str, Any] = {
    "issuer": {"name": "CỤM THI ĐUA CÁC PHƯỜNG\nKHU VỰC TRUNG TÂM", "full": "Cụm thi đua các phường khu vực trung tâm"},
    "place": "Tân Phú",
    "date": _dt.date(2026, 1, 20),
    "year": 2026,
    "cluster": "Cụm thi đua các phường khu vực trung tâm",
    "intro": ["Thực hiện phong trào thi đua yêu nước năm 2026, các đơn vị thành viên cụm thi đua các phường khu vực "
              "trung tâm thống nhất ký kết giao ước thi đua với những nội dung sau:"],
    "members": [{"name": "Phường Tân Phú", "role": "Trưởng cụm"}, {"name": "Phường Phú Thạnh", "role": "Phó cụm"},
                {"name": "Phường Phú Thọ Hòa", "role": "Thành viên"}, {"name": "Phường Tân Sơn Nhì", "role": "Thành viên"}],
    "commitments": [
        "Thi đua hoàn thành vượt mức các chỉ tiêu phát triển kinh tế - xã hội năm 2026 do Hội đồng nhân dân phường giao.",
        "Đẩy mạnh cải cách hành chính, chuyển đổi số; 100 % hồ sơ thủ tục hành chính được giải quyết đúng hạn.",
        "Giữ vững an ninh chính trị, trật tự an toàn xã hội; không để xảy ra điểm nóng.",
    ],
    "criteria": ["Thu ngân sách nhà nước trên địa bàn đạt từ 100 % dự toán trở lên.",
                 "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” từ 95 % trở lên."],
    "organisation": [
        "Các đơn vị thành viên cam kết tổ chức thực hiện đầy đủ các nội dung giao ước trên; cuối năm tự đánh giá, "
        "chấm điểm theo tiêu chí đã thống nhất và bình xét thi đua trong cụm.",
        "Phường Tân Phú (trưởng cụm) theo dõi, đôn đốc, tổng hợp kết quả thực hiện giao ước.",
        "Bản giao ước này được lập thành 04 bản có giá trị như nhau, mỗi đơn vị thành viên giữ 01 bản./.",
    ],
    "signatures": [
        {"caption": "Phường Tân Phú", "title": "Chủ tịch Ủy ban nhân dân", "name": "Trần Văn Minh"},
        {"caption": "Phường Phú Thạnh", "title": "Chủ tịch Ủy ban nhân dân", "name": "Nguyễn Thị Hồng Nhung"},
        {"caption": "Phường Phú Thọ Hòa", "title": "Phó Chủ tịch Ủy ban nhân dân", "name": "Lê Quốc Dũng"},
        {"caption": "Phường Tân Sơn Nhì", "title": "Chủ tịch Ủy ban nhân dân", "name": "Võ Thanh Tùng"},
    ],
}

_SAMPLES: dict[str, dict[str, Any]] = {
    "to_trinh": _TO_TRINH,
    "danh_sach": _DANH_SACH,
    "bao_cao_ca_nhan": _BAO_CAO_CA_NHAN,
    "bao_cao_tap_the": _BAO_CAO_TAP_THE,
    "bien_ban": _BIEN_BAN,
    "quyet_dinh": _QUYET_DINH,
    "quyet_dinh_huy_bo": _QUYET_DINH_HUY_BO,
    "giay_khen": _GIAY_KHEN,
    "bang_cstdcs": _BANG_CSTDCS,
    "dang_ky_thi_dua": _DANG_KY,
    "ke_hoach_phat_dong": _KE_HOACH,
    "bao_cao_ket_qua": _BAO_CAO_KET_QUA,
    "bieu_0601N": _BIEU_0601N,
    "bieu_0603N": _BIEU_0603N,
    "phieu_bau": _PHIEU_BAU,
    "bien_ban_kiem_phieu": _KIEM_PHIEU,
    "cong_van": _CONG_VAN,
    "thong_bao_ket_qua": _THONG_BAO,
    "trich_so_vang": _TRICH_SO_VANG,
    "giao_uoc_thi_dua": _GIAO_UOC,
}

SAMPLE_NAMES: tuple[str, ...] = tuple(_SAMPLES)


def sample_context(name: str) -> dict[str, Any]:
    """A fresh, realistic context for template ``name``."""
    try:
        return copy.deepcopy(_SAMPLES[name])
    except KeyError:
        raise KeyError(f"no sample context for template {name!r}") from None


_GIVEN = ["Hà", "Việt", "Nhung", "Dũng", "Hân", "Tùng", "Dương", "Hưởng", "Trâm", "Lực", "Yến", "Triết", "Ánh",
          "Phúc", "Sơn", "Mỹ", "Đạt", "Ngọc", "Thủy", "Quỳnh"]
_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"]
_MIDDLE = ["Thị Thu", "Văn", "Thị Hồng", "Quốc", "Thị Ngọc", "Thanh", "Minh", "Thị Kim"]


def long_danh_sach(rows: int = 120) -> dict[str, Any]:
    """The danh_sach sample with ``rows`` individuals (for page-flow tests and the benchmark)."""
    ctx = sample_context("danh_sach")
    people: list[dict[str, Any]] = [{"section": "CÁ NHÂN"}]
    for i in range(rows):
        name = f"{_FAMILY[i % len(_FAMILY)]} {_MIDDLE[i % len(_MIDDLE)]} {_GIVEN[i % len(_GIVEN)]}"
        people.append({
            "name": name,
            "position_unit": f"Công chức, khu vực {i % 9 + 1}, phường Tân Phú",
            "award": "Lao động tiên tiến",
            "summary": "Hoàn thành tốt nhiệm vụ năm 2025; chấp hành tốt chủ trương, chính sách, pháp luật.",
            "vote_percent": 100 - (i % 4) * 9.09,
        })
    ctx["rows"] = people
    return ctx
