<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AppraisalPage</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/office_view/appraisal.py" line="+109"/>
        <source>Year of the nominations</source>
        <translation>Năm của đề nghị</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for work (sent up, received, appraised)</source>
        <translation>Cần xử lý (đã gửi lên, đã nhận, đã thẩm định)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every status</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Receive selected</source>
        <translation>Tiếp nhận các đề nghị đã chọn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the selected nominations sent up as received by this office</source>
        <translation>Ghi nhận cơ quan đã tiếp nhận các đề nghị đã chọn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show:</source>
        <translation>Hiển thị:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title / form</source>
        <translation>Danh hiệu / hình thức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent on</source>
        <translation>Ngày gửi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent although not passing, because</source>
        <translation>Lý do gửi khi chưa đạt</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+18"/>
        <source>Nominations received</source>
        <translation>Danh sách đề nghị khen thưởng đã nhận</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+236"/>
        <source>Choose a nomination in the list above.</source>
        <translation>Chọn một đề nghị trong danh sách phía trên.</translation>
    </message>
    <message>
        <location line="-232"/>
        <source>Decision date:</source>
        <translation>Ngày quyết định:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The criteria and the dossier list are those in force on this date</source>
        <translation>Tiêu chuẩn và danh mục hồ sơ áp dụng theo quy định có hiệu lực vào ngày này</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Dossier (tick what was received)</source>
        <translation>Hồ sơ (đánh dấu thành phần đã nhận)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Criteria, checked again</source>
        <translation>Kiểm tra lại tiêu chuẩn</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Council vote at this level</source>
        <translation>Biểu quyết của Hội đồng cấp này</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a new council meeting of this level</source>
        <translation>Ghi một phiên họp mới của Hội đồng cấp này</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meeting</source>
        <translation>Phiên họp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Votes in favour</source>
        <translation>Số phiếu đồng ý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the vote</source>
        <translation>Ghi kết quả bỏ phiếu</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Appraisal opinion (kept with the nomination)</source>
        <translation>Ý kiến thẩm định (lưu cùng đề nghị)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appraise</source>
        <translation>Thẩm định</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the nominee and the dossier with the rules in force on the decision date, and record the result</source>
        <translation>Kiểm tra đối tượng và hồ sơ theo quy định có hiệu lực vào ngày quyết định, rồi ghi kết quả thẩm định</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agree to award (after the appraisal; a council vote where the title needs one)</source>
        <translation>Đồng ý khen thưởng (sau khi thẩm định; có kết quả bỏ phiếu của Hội đồng nếu danh hiệu yêu cầu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return…</source>
        <translation>Trả lại…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the dossier back to the unit to complete, with the reasons</source>
        <translation>Trả hồ sơ để đơn vị bổ sung, ghi rõ lý do</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not approve…</source>
        <translation>Không đồng ý…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse the award, with the reason</source>
        <translation>Không đồng ý khen thưởng, ghi rõ lý do</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>All years</source>
        <translation>Tất cả các năm</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading</source>
        <translation>Đang đọc dữ liệu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading the nominations</source>
        <translation>Đang đọc danh sách đề nghị</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All units (%1)</source>
        <translation>Tất cả đơn vị (%1)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 nomination(s) shown, %2 in all</source>
        <translation>Đang hiển thị %1 đề nghị, tổng số %2</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Checking the nomination</source>
        <translation>Đang kiểm tra đề nghị</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Proposed by %1 · Status: %2</source>
        <translation>Đơn vị đề nghị: %1 · Trạng thái: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+67"/>
        <source>passed</source>
        <translation>đạt</translation>
    </message>
    <message>
        <location line="-67"/>
        <location line="+67"/>
        <source>not passed</source>
        <translation>không đạt</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Last appraisal (decision date %1): %2</source>
        <translation>Lần thẩm định gần nhất (ngày quyết định %1): %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent up on %1 although it did not pass the unit&apos;s check; the unit&apos;s reason: %2</source>
        <translation>Đơn vị gửi lên ngày %1 khi chưa đạt tiêu chuẩn hoặc chưa đủ hồ sơ; lý do của đơn vị: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> (if any)</source>
        <translation> (nếu có)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>NOT ELIGIBLE: this title is not in the rules in force on the decision date</source>
        <translation>KHÔNG ĐỦ ĐIỀU KIỆN: danh hiệu này không có trong quy định có hiệu lực vào ngày quyết định</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MEETS THE CRITERIA — %1 point(s) for you to judge</source>
        <translation>ĐẠT TIÊU CHUẨN — còn %1 nội dung cần cán bộ xem xét</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MEETS THE CRITERIA</source>
        <translation>ĐẠT TIÊU CHUẨN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DOES NOT MEET THE CRITERIA</source>
        <translation>KHÔNG ĐẠT TIÊU CHUẨN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rules applied: %1</source>
        <translation>Căn cứ áp dụng: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This title needs no council vote.</source>
        <translation>Danh hiệu này không cần Hội đồng bỏ phiếu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs the council&apos;s vote; the share needed is set by the council&apos;s own rules.</source>
        <translation>Cần Hội đồng biểu quyết; tỷ lệ đồng ý cần đạt theo quy chế của Hội đồng.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs at least %1 of ALL council members in favour.</source>
        <translation>Cần từ %1 TỔNG SỐ thành viên Hội đồng đồng ý.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No vote recorded yet.</source>
        <translation>Chưa có kết quả bỏ phiếu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meeting of %1: %2/%3 members in favour (%4)</source>
        <translation>Phiên họp ngày %1: %2/%3 thành viên đồng ý (%4)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (%2 members)</source>
        <translation>%1 (%2 thành viên)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No meeting yet — create one</source>
        <translation>Chưa có phiên họp — hãy thêm</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No dossier list for this title.</source>
        <translation>Danh hiệu này không có danh mục hồ sơ.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n required item(s) missing</source>
        <translation>
            <numerusform>Thiếu %n thành phần bắt buộc</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>Missing: %1</source>
        <translation>Thiếu: %1</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>The dossier is complete.</source>
        <translation>Hồ sơ đầy đủ.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Receive</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select nominations with the status “sent up” first.</source>
        <translation>Hãy chọn các đề nghị có trạng thái “Đã gửi lên” trước.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Receiving the nominations</source>
        <translation>Đang tiếp nhận đề nghị</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Appraising</source>
        <translation>Đang thẩm định</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Approving</source>
        <translation>Đang ghi đồng ý khen thưởng</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Return the dossier</source>
        <translation>Trả lại hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is the dossier returned? One reason per line; the unit sees them.</source>
        <translation>Lý do trả lại hồ sơ (mỗi dòng một lý do; đơn vị sẽ nhận được):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Returning the dossier</source>
        <translation>Đang trả lại hồ sơ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Do not approve</source>
        <translation>Không đồng ý khen thưởng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why is the award not approved?</source>
        <translation>Lý do không đồng ý khen thưởng:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refusing the award</source>
        <translation>Đang ghi không đồng ý khen thưởng</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recording the meeting</source>
        <translation>Đang ghi phiên họp</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Council vote</source>
        <translation>Biểu quyết của Hội đồng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the council meeting first, or create one.</source>
        <translation>Hãy chọn phiên họp của Hội đồng trước, hoặc thêm phiên họp mới.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording the vote</source>
        <translation>Đang ghi kết quả bỏ phiếu</translation>
    </message>
</context>
<context>
    <name>AttainmentMatrixModel</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/office_view/consolidation.py" line="+119"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Targets reached</source>
        <translation>Số chỉ tiêu đạt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>All units (roll-up)</source>
        <translation>Toàn bộ các đơn vị (tổng hợp)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 · %2 of %3 unit(s) reported, %4 reached the target</source>
        <translation>%1 · %2/%3 đơn vị đã báo cáo, %4 đơn vị đạt chỉ tiêu</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This target is assigned to another unit.</source>
        <translation>Chỉ tiêu này giao cho đơn vị khác.</translation>
    </message>
</context>
<context>
    <name>ConsolidationPage</name>
    <message>
        <location line="+135"/>
        <source>Campaign:</source>
        <translation>Phong trào:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Period:</source>
        <translation>Kỳ báo cáo:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Double-click a unit to see its figures</source>
        <translation>Nhấp đúp vào một đơn vị để xem số liệu của đơn vị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attainment matrix</source>
        <translation>Bảng đối chiếu chỉ tiêu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export the matrix to Excel</source>
        <translation>Xuất bảng đối chiếu ra Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The coloured matrix with a comment on each cell and a legend</source>
        <translation>Bảng tô màu theo mức đạt, có nhận xét ở từng ô và chú giải</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Targets by unit</source>
        <translation>Chỉ tiêu theo đơn vị</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+66"/>
        <location line="+96"/>
        <location line="+13"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="-174"/>
        <source>Collectives</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported</source>
        <translation>Đã báo cáo</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>Participation by unit</source>
        <translation>Tham gia phong trào theo đơn vị</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+4"/>
        <source>Registrations by unit</source>
        <translation>Đăng ký thi đua theo đơn vị</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Participation and registrations</source>
        <translation>Tham gia và đăng ký</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+13"/>
        <location line="+2"/>
        <source>Nominations by unit</source>
        <translation>Đề nghị khen thưởng theo đơn vị</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Consolidated list in the province&apos;s Excel layout</source>
        <translation>Danh sách tổng hợp theo mẫu Excel của tỉnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STT | Tên gọi | Tên tập thể/cá nhân/hộ gia đình | Chức vụ | Đơn vị công tác | …</source>
        <translation>STT | Tên gọi | Tên tập thể/cá nhân/hộ gia đình | Chức vụ | Đơn vị công tác | …</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Deadline:</source>
        <translation>Hạn gửi:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only this campaign</source>
        <translation>Chỉ phong trào đang chọn</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First results on</source>
        <translation>Gửi kết quả ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First nomination on</source>
        <translation>Gửi đề nghị ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is missing</source>
        <translation>Còn thiếu</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <location line="+2"/>
        <source>Units that have not sent</source>
        <translation>Đơn vị chưa gửi</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+3"/>
        <location line="+100"/>
        <location line="+8"/>
        <source>Reading</source>
        <translation>Đang đọc dữ liệu</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Consolidating</source>
        <translation>Đang tổng hợp</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: counts and quantities summed over the years, levels the latest; judged at the end of %2.</source>
        <translation>%1: số lượng, khối lượng cộng dồn các năm, tỷ lệ và mức lấy số liệu mới nhất; đánh giá đạt hay không khi kết thúc năm %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Share of reporting units reaching each target</source>
        <translation>Tỷ lệ đơn vị (đã báo cáo) đạt từng chỉ tiêu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not yet</source>
        <translation>chưa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total (each branch counted once)</source>
        <translation>Tổng cộng (mỗi nhánh tính một lần)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Taking part in the campaign — %1 of %2 unit(s) reported</source>
        <translation>Tham gia phong trào — %1/%2 đơn vị đã báo cáo</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <location line="+8"/>
        <location line="+8"/>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Registrations for titles, %1</source>
        <translation>Đăng ký danh hiệu thi đua năm %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nominations by status</source>
        <translation>Đề nghị theo trạng thái</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 unit(s) had not sent everything by %2</source>
        <translation>%1 đơn vị chưa gửi đủ trước hạn %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every unit below sent its figures and nominations by %1.</source>
        <translation>Tất cả đơn vị cấp dưới đã gửi số liệu và đề nghị trước hạn %1.</translation>
    </message>
</context>
<context>
    <name>DecisionPage</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/office_view/decisions.py" line="+83"/>
        <source>Approved nominations — tick those in this decision</source>
        <translation>Đề nghị đã được đồng ý — đánh dấu các đề nghị đưa vào quyết định</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tick all</source>
        <translation>Chọn tất cả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untick all</source>
        <translation>Bỏ chọn tất cả</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+35"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+35"/>
        <source>Title / form</source>
        <translation>Danh hiệu / hình thức</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Kind</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The official who signs (from the unit&apos;s officials; you may type another name)</source>
        <translation>Người ký (trong danh sách lãnh đạo của đơn vị; có thể gõ tên khác)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave empty for the usual wording (“Về việc tặng …”)</source>
        <translation>Để trống: dùng trích yếu thông thường (“Về việc tặng …”)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+48"/>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>No. in the golden book</source>
        <translation>Số sổ vàng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Award (đồng)</source>
        <translation>Tiền thưởng (đồng)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Issue the decision…</source>
        <translation>Ban hành quyết định…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the number, record the decision, its list, số sổ vàng and money</source>
        <translation>Lấy số, ghi quyết định, danh sách kèm theo, số sổ vàng và tiền thưởng</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Decisions issued by this office</source>
        <translation>Quyết định khen thưởng đã ban hành</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the decision and certificates…</source>
        <translation>In quyết định và giấy khen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the decision and one certificate per awardee as PDF files into a folder</source>
        <translation>Ghi quyết định và giấy khen của từng người, tập thể thành tệp PDF vào một thư mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in Printing</source>
        <translation>Mở ở mục In ấn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview and print this decision in the Printing section</source>
        <translation>Xem trước và in quyết định này ở mục In ấn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Awardees</source>
        <translation>Số được khen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total award (đồng)</source>
        <translation>Tổng tiền thưởng (đồng)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Decisions issued</source>
        <translation>Danh sách quyết định khen thưởng</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Reading</source>
        <translation>Đang đọc dữ liệu</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 of %2 approved nomination(s) ticked</source>
        <translation>Đã chọn %1/%2 đề nghị được đồng ý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No approved nomination waits for a decision.</source>
        <translation>Không có đề nghị nào được đồng ý đang chờ quyết định.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Computing the decision</source>
        <translation>Đang tính số và tiền thưởng</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tick approved nominations to see the decision&apos;s number and the money.</source>
        <translation>Đánh dấu các đề nghị để xem số quyết định và tiền thưởng.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Number to be taken: %1 · %2</source>
        <translation>Số quyết định sẽ cấp: %1 · %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 awardee(s) · Total award: %2 (base salary %3)</source>
        <translation>%1 trường hợp · Tổng tiền thưởng: %2 (mức lương cơ sở %3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+9"/>
        <location line="+11"/>
        <source>Issue the decision</source>
        <translation>Ban hành quyết định</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Wait for the number and the money to be shown first.</source>
        <translation>Hãy chờ hiện số quyết định và tiền thưởng trước.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Issue Decision No. %1 dated %2 for %3 awardee(s), total award %4?
The number is taken in the register and cannot be given again.</source>
        <translation>Ban hành Quyết định số %1 ngày %2 cho %3 trường hợp, tổng tiền thưởng %4?
Số quyết định được ghi vào sổ đăng ký văn bản và không cấp lại được.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Issuing the decision</source>
        <translation>Đang ban hành quyết định</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Decision No. %1 was issued: %2 awardee(s), total award %3. Print it with “Print the decision and certificates…”.</source>
        <translation>Đã ban hành Quyết định số %1: %2 trường hợp, tổng tiền thưởng %3. In bằng nút “In quyết định và giấy khen…”.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose the folder for the PDF files</source>
        <translation>Chọn thư mục lưu các tệp PDF</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+11"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>No decision issued yet.</source>
        <translation>Chưa có quyết định nào được ban hành.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Writing the decision and certificates</source>
        <translation>Đang ghi quyết định và giấy khen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 PDF file(s) written to:
%2</source>
        <translation>Đã ghi %1 tệp PDF vào:
%2</translation>
    </message>
</context>
<context>
    <name>ExcelExport</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/office_view/excel_actions.py" line="+72"/>
        <location line="+140"/>
        <location line="+9"/>
        <source>Export to Excel</source>
        <translation>Xuất Excel</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+35"/>
        <source>Exporting to Excel</source>
        <translation>Đang xuất Excel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported %1 row(s) to the file:
%2</source>
        <translation>Đã xuất %1 dòng ra tệp:
%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Write this list to an Excel file (.xlsx)</source>
        <translation>Ghi danh sách này ra tệp Excel (.xlsx)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
</context>
<context>
    <name>ExcelPage</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/office_view/page.py" line="+23"/>
        <source>Import from Excel</source>
        <translation>Nhập từ Excel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lists of people, collectives, households or award nominations (the province&apos;s layout and similar ones): the columns are matched for you, every row is checked, and nothing is written until you confirm.</source>
        <translation>Danh sách cá nhân, tập thể, hộ gia đình hoặc đề nghị khen thưởng (mẫu của tỉnh và các mẫu tương tự): chương trình tự ghép cột, kiểm tra từng dòng và chỉ ghi khi bạn xác nhận.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+33"/>
        <source>Export to Excel</source>
        <translation>Xuất Excel</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>e.g. 2025 or 2025-H1 (empty: everything)</source>
        <translation>ví dụ 2025 hoặc 2025-H1 (để trống: tất cả)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year or period</source>
        <translation>Năm hoặc kỳ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Xuất…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any list on screen can also be exported: right-click it and choose “Export to Excel…”, or press Ctrl+E.</source>
        <translation>Mọi danh sách trên màn hình đều xuất được: nhấp chuột phải vào danh sách rồi chọn “Xuất Excel…”, hoặc bấm Ctrl+E.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export the attainment matrix from the “Consolidation” tab, where the campaign and period are chosen.</source>
        <translation>Hãy xuất bảng đối chiếu chỉ tiêu ở thẻ “Tổng hợp”, nơi chọn phong trào và kỳ báo cáo.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/office_view/import_wizard.py" line="+65"/>
        <source>Import from Excel</source>
        <translation>Nhập từ Excel</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The .xlsx file to read</source>
        <translation>Tệp .xlsx cần đọc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>People (cá nhân)</source>
        <translation>Danh sách cá nhân</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Award nominations (provincial layout and the like)</source>
        <translation>Đề nghị khen thưởng (mẫu của tỉnh và tương tự)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collectives (tập thể)</source>
        <translation>Danh sách tập thể</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Households (hộ gia đình)</source>
        <translation>Danh sách hộ gia đình</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file holds</source>
        <translation>Nội dung tệp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Used when the file has no “Năm” column</source>
        <translation>Dùng khi tệp không có cột “Năm”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year of the nominations</source>
        <translation>Năm của đề nghị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title rows above the header are fine; old TCVN3 / VNI text is converted to Unicode. Nothing is written until you confirm on the last step.</source>
        <translation>Tệp có dòng tiêu đề phía trên vẫn đọc được; chữ mã TCVN3 / VNI cũ được chuyển sang Unicode. Chưa ghi gì cho đến khi bạn xác nhận ở bước cuối.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Details</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Problems</source>
        <translation>Lỗi, lưu ý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already in the registry?</source>
        <translation>Đã có trong dữ liệu?</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>What to do</source>
        <translation>Xử lý</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Awards already received (khen thưởng đã nhận)</source>
        <translation>Khen thưởng đã nhận (danh hiệu, hình thức kèm quyết định)</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Selected rows:</source>
        <translation>Các dòng đã chọn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link to the existing record</source>
        <translation>Liên kết với bản ghi đã có</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a new record</source>
        <translation>Tạo bản ghi mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Skip the rows with errors and import only the good rows</source>
        <translation>Bỏ qua các dòng có lỗi, chỉ nhập các dòng đúng</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Next</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>1. File</source>
        <translation>1. Chọn tệp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>2. Columns</source>
        <translation>2. Ghép cột</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>3. Values</source>
        <translation>3. Giá trị</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>4. Check the rows</source>
        <translation>4. Kiểm tra các dòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5. Done</source>
        <translation>5. Xong</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import</source>
        <translation>Nhập vào dữ liệu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose the Excel file</source>
        <translation>Chọn tệp Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choose the file first.</source>
        <translation>Hãy chọn tệp trước.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Reading the file</source>
        <translation>Đang đọc tệp</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sheet “%1”, header on row %2. Check how each column is read; change it where needed.</source>
        <translation>Trang “%1”, dòng tiêu đề %2. Kiểm tra cách đọc từng cột; sửa nếu cần.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+35"/>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Header in the file</source>
        <translation>Tiêu đề trong tệp</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+35"/>
        <source>Read as</source>
        <translation>Đọc thành</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Match</source>
        <translation>Độ khớp</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(empty)</source>
        <translation>(trống)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>— not used —</source>
        <translation>— không dùng —</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Value in the file</source>
        <translation>Giá trị trong tệp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>— not mapped: the rows stay in error —</source>
        <translation>— chưa ghép: các dòng này vẫn lỗi —</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 value(s) are not in the lists of this program. Choose what each one means; the choice is remembered for files of the same layout.</source>
        <translation>%1 giá trị chưa có trong danh mục của phần mềm. Hãy chọn ý nghĩa của từng giá trị; lựa chọn được nhớ cho các tệp cùng mẫu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rows whose value is not mapped cannot be imported.</source>
        <translation>Các dòng có giá trị chưa ghép sẽ không nhập được.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 row(s): %2 good, %3 with errors, %4 seem to be already in the registry.</source>
        <translation>%1 dòng: %2 dòng đúng, %3 dòng có lỗi, %4 dòng có vẻ đã có trong dữ liệu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No text conversion was needed.</source>
        <translation>Không cần chuyển mã chữ.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not imported (error)</source>
        <translation>không nhập (có lỗi)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>link to the existing record</source>
        <translation>liên kết với bản ghi đã có</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>create new</source>
        <translation>tạo mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skip</source>
        <translation>bỏ qua</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Importing</source>
        <translation>Đang nhập dữ liệu</translation>
    </message>
</context>
<context>
    <name>NoUnitsPage</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/office_view/page.py" line="+40"/>
        <source>Upper office consolidation</source>
        <translation>Tổng hợp cấp trên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This installation has no units below it, so there is nothing to consolidate. Add the units below this one in the Units section (schools, hamlets, communes…), or import their sync bundles.</source>
        <translation>Đơn vị này chưa có đơn vị cấp dưới nên chưa có gì để tổng hợp. Hãy thêm các đơn vị cấp dưới ở mục Đơn vị (trường học, thôn, xã…) hoặc nhập gói đồng bộ của các đơn vị đó.</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location line="-32"/>
        <source>Upper office consolidation</source>
        <translation>Tổng hợp cấp trên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appraise the nominations your units send, issue the award decisions, compare the units&apos; results with the targets, and prepare the reports.</source>
        <translation>Thẩm định đề nghị của các đơn vị cấp dưới, ban hành quyết định khen thưởng, đối chiếu kết quả với chỉ tiêu và lập báo cáo.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Appraisal</source>
        <translation>Thẩm định</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisions</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consolidation</source>
        <translation>Tổng hợp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
</context>
<context>
    <name>ReasonsDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/office_view/appraisal.py" line="-606"/>
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/office_view/reports.py" line="+42"/>
        <source>Half-year / year review of a campaign (sơ kết, tổng kết)</source>
        <translation>Báo cáo sơ kết, tổng kết phong trào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form 0601.N — emulation campaigns launched</source>
        <translation>Biểu 0601.N — số phong trào thi đua được phát động</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form 0603.N — awards by title, form and nominee class</source>
        <translation>Biểu 0603.N — số lượng khen thưởng theo danh hiệu, hình thức, đối tượng</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Campaign:</source>
        <translation>Phong trào:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period:</source>
        <translation>Kỳ báo cáo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title / form</source>
        <translation>Danh hiệu / hình thức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Individuals</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collectives</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Award (đồng)</source>
        <translation>Tiền thưởng (đồng)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Awards in the period</source>
        <translation>Khen thưởng trong kỳ</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save as PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A draft without a number; issue it with a number from the Printing section</source>
        <translation>Bản dự thảo chưa có số; ban hành có số ở mục In ấn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PDF is a draft (no number is taken).</source>
        <translation>Tệp PDF là bản dự thảo (chưa lấy số văn bản).</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <location line="+11"/>
        <location line="+4"/>
        <source>Reading</source>
        <translation>Đang đọc dữ liệu</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>No campaign yet.</source>
        <translation>Chưa có phong trào thi đua nào.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Report on the %1 of %2 — %3</source>
        <translation>Báo cáo %1 %2 — %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Achieved</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compared with the target</source>
        <translation>So với chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessment</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units reporting</source>
        <translation>Số đơn vị báo cáo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units reaching</source>
        <translation>Số đơn vị đạt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Nguồn số liệu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>own figure</source>
        <translation>số liệu của đơn vị</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>units&apos; figures</source>
        <translation>tổng hợp từ đơn vị cấp dưới</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Awards decided in the period</source>
        <translation>Khen thưởng đã quyết định trong kỳ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Targets: %1 reached, %2 exceeded, %3 not reached, %4 without figures.</source>
        <translation>Chỉ tiêu: %1 đạt, %2 vượt, %3 không đạt, %4 chưa có số liệu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Taking part: %1 collective(s), %2 person(s), %3 household(s); %4 unit(s) reported.</source>
        <translation>Tham gia: %1 tập thể, %2 cá nhân, %3 hộ gia đình; %4 đơn vị đã báo cáo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Awards: %1 in all (%2 individual(s), %3 collective(s), %4 household(s)); people working directly %5; sudden awards %6; money %7.</source>
        <translation>Khen thưởng: tổng số %1 (%2 cá nhân, %3 tập thể, %4 hộ gia đình); người trực tiếp công tác %5; khen thưởng đột xuất %6; tiền thưởng %7.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Form %1: %2 — year %3 (%4)</source>
        <translation>Biểu %1: %2 — năm %3 (%4)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Item</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Legal basis: %1</source>
        <translation>Căn cứ: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+5"/>
        <source>Save as PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>PDF file (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+21"/>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Writing the PDF</source>
        <translation>Đang ghi tệp PDF</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export to Excel</source>
        <translation>Xuất Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting to Excel</source>
        <translation>Đang xuất Excel</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/zd_office.py" line="+24"/>
        <source>Upper office</source>
        <translation>Tổng hợp cấp trên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appraise nominations, issue decisions, consolidate the units&apos; results, reports</source>
        <translation>Thẩm định đề nghị, ban hành quyết định, tổng hợp kết quả của đơn vị cấp dưới, báo cáo</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/office_view/appraisal.py" line="+20"/>
        <source>New council meeting</source>
        <translation>Phiên họp mới của Hội đồng</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Meeting date</source>
        <translation>Ngày họp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Council members (total)</source>
        <translation>Tổng số thành viên Hội đồng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written opinions</source>
        <translation>Ý kiến bằng văn bản</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>UnitFiguresDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/office_view/consolidation.py" line="-293"/>
        <source>Figures of %1</source>
        <translation>Số liệu của %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compared with the target</source>
        <translation>So với chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessment</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Taking part: %1 collective(s), %2 person(s), %3 household(s).</source>
        <translation>Tham gia: %1 tập thể, %2 cá nhân, %3 hộ gia đình.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No participation figures reported.</source>
        <translation>Chưa báo cáo số liệu tham gia.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
</TS>
