<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AwardsView</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/awards_view.py" line="+255"/>
        <source>Commendation</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nominations</source>
        <translation>Đề nghị khen thưởng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Council meetings</source>
        <translation>Hội đồng xét</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisions</source>
        <translation>Quyết định</translation>
    </message>
</context>
<context>
    <name>BulkRegistrationDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/bulk_registration.py" line="+51"/>
        <source>Register many at once</source>
        <translation>Đăng ký hàng loạt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Campaign:</source>
        <translation>Phong trào:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who registers:</source>
        <translation>Đối tượng đăng ký:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title:</source>
        <translation>Danh hiệu:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by name, position or workplace (tones not needed)</source>
        <translation>Lọc theo tên, chức vụ hoặc nơi công tác (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select all shown</source>
        <translation>Chọn tất cả đang hiện</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Register</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>%1 chosen of %2 shown</source>
        <translation>Đã chọn %1 trong %2 đang hiện</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a campaign, a title and at least one in the list.</source>
        <translation>Hãy chọn phong trào, danh hiệu và ít nhất một đối tượng trong danh sách.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Registered: %1.</source>
        <translation>Đã đăng ký: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Already registered for this title in this campaign (not doubled): %1.</source>
        <translation>Đã đăng ký danh hiệu này trong phong trào từ trước, không đăng ký lại: %1.</translation>
    </message>
</context>
<context>
    <name>CampaignEditor</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/campaign_editor.py" line="+49"/>
        <source>Campaign</source>
        <translation>Phong trào</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New campaign</source>
        <translation>Phong trào mới</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the launch document (Chỉ thị, Kế hoạch) and its targets. “Open directive…” reads a Word, PDF or text file, or pasted text.</source>
        <translation>Nhập văn bản phát động (Chỉ thị, Kế hoạch) và các chỉ tiêu. “Mở văn bản…” đọc tệp Word, PDF, văn bản hoặc nội dung dán vào.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open directive…</source>
        <translation>Mở văn bản…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Launch document</source>
        <translation>Văn bản phát động</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Campaign and timetable</source>
        <translation>Phong trào và thời gian</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>General</source>
        <translation>Thông tin chung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One item per line.</source>
        <translation>Mỗi dòng một mục.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Content, movements, awards</source>
        <translation>Nội dung, phong trào, khen thưởng</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add target</source>
        <translation>Thêm chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add sub-target</source>
        <translation>Thêm chỉ tiêu con</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a part of the selected target (“of which: urban 100 %, rural 94 %”), assessed on its own</source>
        <translation>Thêm một phần “trong đó” của chỉ tiêu đang chọn (ví dụ: trong đó đô thị 100 %, nông thôn 94 %), được đánh giá riêng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move up</source>
        <translation>Chuyển lên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>Chuyển xuống</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm row</source>
        <translation>Xác nhận dòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You have checked the selected rows: their flags are cleared</source>
        <translation>Đã kiểm tra các dòng đang chọn: xóa các ghi chú cần xem lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste targets…</source>
        <translation>Dán chỉ tiêu…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste the target list (or a whole directive); check the proposal before adding it</source>
        <translation>Dán danh sách chỉ tiêu (hoặc cả văn bản); kiểm tra từng dòng đề xuất trước khi thêm</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A range needs two values (low – high); a count may have an “of which” number. Numbers as you write them: 7,5 or 43.000.</source>
        <translation>Chỉ tiêu dạng khoảng cần hai giá trị (cận dưới – cận trên); chỉ tiêu số lượng có thể có số “trong đó”. Gõ số như thường viết: 7,5 hoặc 43.000.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Targets</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Targets (%1)</source>
        <translation>Chỉ tiêu (%1)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading</source>
        <translation>Đang đọc dữ liệu</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>End: %1 is before the start %2.</source>
        <translation>Kết thúc: ngày %1 trước ngày bắt đầu %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Final review: %1 is before the mid-term review %2.</source>
        <translation>Tổng kết: ngày %1 trước ngày sơ kết %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Year: %1 is far from the document date %2.</source>
        <translation>Năm: %1 cách quá xa ngày ban hành %2. Kiểm tra lại năm.</translation>
    </message>
</context>
<context>
    <name>CampaignsView</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/campaigns_view.py" line="+29"/>
        <source>Emulation campaigns</source>
        <translation>Phong trào thi đua</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New campaign…</source>
        <translation>Phong trào mới…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a new campaign or paste a directive (Ctrl+N)</source>
        <translation>Nhập phong trào mới hoặc dán văn bản phát động (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>All types</source>
        <translation>Mọi hình thức</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>Type</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>All years</source>
        <translation>Mọi năm</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 campaigns</source>
        <translation>%1 phong trào</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Delete campaign</source>
        <translation>Xóa phong trào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the campaign “%1” and its targets?</source>
        <translation>Xóa phong trào “%1” cùng các chỉ tiêu của nó?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deleted “%1”.</source>
        <translation>Đã xóa “%1”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deleting</source>
        <translation>Đang xóa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restoring</source>
        <translation>Đang khôi phục</translation>
    </message>
</context>
<context>
    <name>CancelAwardsDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/cancel_dialog.py" line="+50"/>
        <location line="+81"/>
        <location line="+16"/>
        <source>Cancel awards</source>
        <translation>Hủy bỏ khen thưởng</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Date of the cancelling decision</source>
        <translation>Ngày quyết định hủy bỏ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ground (Law, Article 93, clause 2)</source>
        <translation>Căn cứ (khoản 2 Điều 93 Luật TĐKT)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What happened: the act, conclusion or judgment the cancellation rests on</source>
        <translation>Hành vi, kết luận hoặc bản án là căn cứ hủy bỏ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Issue the cancelling decision</source>
        <translation>Lập quyết định hủy bỏ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Decision No. %1 dated %2 — awards to cancel:</source>
        <translation>Quyết định số %1 ngày %2 — khen thưởng bị hủy bỏ:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Money to recover: %1</source>
        <translation>Tiền thưởng phải thu hồi: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Who may cancel: %1</source>
        <translation>Thẩm quyền hủy bỏ: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose awards of one decision only.</source>
        <translation>Chỉ chọn khen thưởng của cùng một quyết định.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Already cancelled: %1</source>
        <translation>Đã bị hủy bỏ: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the unit that issued this decision (%1) may cancel it; ask it to.</source>
        <translation>Chỉ đơn vị đã ban hành quyết định này (%1) được hủy bỏ; hãy đề nghị đơn vị đó.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancel the awards of %1 on ground %2) and recover %3? The cancelling decision takes the next number of the register.</source>
        <translation>Hủy bỏ khen thưởng của %1 theo điểm %2) và thu hồi %3? Quyết định hủy bỏ lấy số tiếp theo trong sổ văn bản.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cancelling awards</source>
        <translation>Đang hủy bỏ khen thưởng</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The cancelling decision is recorded. Print it from the Printing section (Decision cancelling awards).</source>
        <translation>Đã lập quyết định hủy bỏ. In quyết định ở mục In ấn (Quyết định hủy bỏ quyết định khen thưởng).</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/dashboard.py" line="+56"/>
        <source>Registration deadline</source>
        <translation>Hạn đăng ký thi đua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mid-term review</source>
        <translation>Sơ kết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final review</source>
        <translation>Tổng kết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossiers due</source>
        <translation>Hạn gửi hồ sơ khen thưởng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign ends</source>
        <translation>Kết thúc phong trào</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No result for the period</source>
        <translation>Chưa có kết quả của kỳ</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Returned for more documents</source>
        <translation>Bị trả lại để bổ sung</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Draft with incomplete dossier</source>
        <translation>Đang soạn, hồ sơ chưa đủ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(%1 documents missing)</source>
        <translation>(thiếu %1 giấy tờ)</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location line="+39"/>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Campaigns running</source>
        <translation>Phong trào đang diễn ra</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Targets of the period: result as % of target</source>
        <translation>Chỉ tiêu trong kỳ: kết quả so với chỉ tiêu (%)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deadlines in the next 60 days</source>
        <translation>Các mốc thời hạn trong 60 ngày tới</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+21"/>
        <source>What</source>
        <translation>Việc</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>When</source>
        <translation>Còn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign</source>
        <translation>Phong trào</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Waiting for action</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No results for this period yet.</source>
        <translation>Chưa có kết quả của kỳ này.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>overdue %1 days</source>
        <translation>quá hạn %1 ngày</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>today</source>
        <translation>hôm nay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1 days</source>
        <translation>còn %1 ngày</translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/awards_view.py" line="-114"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Total money</source>
        <translation>Tổng tiền thưởng</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Money</source>
        <translation>Tiền thưởng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Awardees of the chosen decision</source>
        <translation>Danh sách khen thưởng của quyết định đang chọn</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel award…</source>
        <translation>Hủy bỏ khen thưởng…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issue a decision cancelling the chosen awards (Law on Emulation and Commendation, Article 93): the money to recover is shown, the award list and history are marked</source>
        <translation>Lập quyết định hủy bỏ khen thưởng đã chọn (Điều 93 Luật Thi đua, khen thưởng): hiện số tiền phải thu hồi, đánh dấu trên danh sách và lịch sử khen thưởng</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cancelled by %1 (%2)</source>
        <translation>Đã hủy bỏ theo QĐ %1 (%2)</translation>
    </message>
</context>
<context>
    <name>DirectiveDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/directive_dialog.py" line="+151"/>
        <source>Read a directive</source>
        <translation>Đọc văn bản phát động</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open the directive or plan (Word .docx, PDF with text, or .txt), or paste its text, or paste only the list of targets. Check what was read: yellow rows were inferred or guessed and stay yellow until you confirm them; red rows were not understood. Correct a cell by typing in it.</source>
        <translation>Mở chỉ thị, kế hoạch (Word .docx, PDF có chữ hoặc .txt), hoặc dán nội dung, hoặc chỉ dán danh sách chỉ tiêu. Kiểm tra những gì đọc được: dòng vàng là suy ra hoặc đoán, vẫn vàng cho tới khi bạn xác nhận; dòng đỏ là chưa hiểu. Sửa ô bằng cách gõ vào ô đó.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open file…</source>
        <translation>Mở tệp…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>…or paste here (Ctrl+V)</source>
        <translation>…hoặc dán vào đây (Ctrl+V)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Confirm row</source>
        <translation>Xác nhận dòng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You have checked the selected rows: their flags are cleared</source>
        <translation>Đã kiểm tra các dòng đang chọn: xóa các ghi chú cần xem lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split row…</source>
        <translation>Tách dòng…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put each target of the row on a line of its own</source>
        <translation>Đưa mỗi chỉ tiêu của dòng thành một dòng riêng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add row</source>
        <translation>Thêm dòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave out row</source>
        <translation>Bỏ dòng</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Targets</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+83"/>
        <source>Take into the campaign</source>
        <translation>Đưa vào phong trào</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Open a directive</source>
        <translation>Mở văn bản phát động</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Directives (%1)</source>
        <translation>Văn bản (%1)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reading the directive</source>
        <translation>Đang đọc văn bản</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Document (%1)</source>
        <translation>Văn bản (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets (%1)</source>
        <translation>Chỉ tiêu (%1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing read yet.</source>
        <translation>Chưa đọc được gì.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 document fields read, %2 to check.</source>
        <translation>Đọc được %1 thông tin văn bản, %2 cần xem lại.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The document holds no target list.</source>
        <translation>Văn bản không có danh sách chỉ tiêu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 targets read, %2 ticked.</source>
        <translation>Đọc được %1 chỉ tiêu, chọn %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 to check (yellow).</source>
        <translation>%1 cần xem lại (vàng).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 not understood (red).</source>
        <translation>%1 chưa hiểu (đỏ).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take %1 fields and %2 targets</source>
        <translation>Lấy %1 thông tin và %2 chỉ tiêu</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Select the row to split.</source>
        <translation>Hãy chọn dòng cần tách.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Split row</source>
        <translation>Tách dòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put each target on a line of its own (or separate them with “;”):</source>
        <translation>Đưa mỗi chỉ tiêu xuống một dòng (hoặc ngăn cách bằng dấu “;”):</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Nothing is ticked. Tick the fields and targets to take, or press Cancel.</source>
        <translation>Chưa chọn gì. Hãy đánh dấu các thông tin và chỉ tiêu cần lấy, hoặc bấm Hủy.</translation>
    </message>
</context>
<context>
    <name>EditorDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/common.py" line="+188"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save (Enter or Ctrl+S)</source>
        <translation>Lưu (Enter hoặc Ctrl+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close without saving (Esc)</source>
        <translation>Đóng, không lưu (Esc)</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Saving</source>
        <translation>Đang lưu</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>You have changes that are not saved. Save them?</source>
        <translation>Có thay đổi chưa lưu. Lưu lại không?</translation>
    </message>
</context>
<context>
    <name>FieldsModel</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/directive_dialog.py" line="-349"/>
        <source>Take</source>
        <translation>Lấy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read from</source>
        <translation>Đọc từ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To check</source>
        <translation>Cần xem lại</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>(blank in the document)</source>
        <translation>(văn bản để trống)</translation>
    </message>
</context>
<context>
    <name>NominationEditor</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/nomination_editor.py" line="+95"/>
        <source>Nomination</source>
        <translation>Đề nghị khen thưởng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New nomination</source>
        <translation>Đề nghị khen thưởng mới</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Type a few letters of the name, no tones needed</source>
        <translation>Gõ vài chữ của tên, không cần dấu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New…</source>
        <translation>Thêm mới…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add this nominee to the registry</source>
        <translation>Thêm đối tượng này vào danh sách cá nhân, tập thể, hộ gia đình</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Send up…</source>
        <translation>Gửi lên…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save and send the nomination to the office that decides it; if it does not pass yet, you are asked for a reason</source>
        <translation>Lưu và gửi đề nghị lên cơ quan quyết định; nếu đề nghị chưa đạt, phần mềm hỏi lý do</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Eligibility</source>
        <translation>Tiêu chuẩn</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Awards already received</source>
        <translation>Khen thưởng đã nhận</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title or form</source>
        <translation>Danh hiệu, hình thức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Reading</source>
        <translation>Đang đọc dữ liệu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Written by the office that appraises this nomination</source>
        <translation>Do cơ quan thẩm định đề nghị này ghi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sent up on %1.</source>
        <translation>Đã gửi lên ngày %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent although it did not pass yet; reason: %1</source>
        <translation>Gửi khi chưa đạt; lý do: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Checking the nomination</source>
        <translation>Đang kiểm tra đề nghị</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Not in the registry yet: choose from the list or press “New…”.</source>
        <translation>Chưa có trong danh sách: chọn tên trong danh sách gợi ý hoặc bấm “Thêm mới…”.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 members</source>
        <translation>%1 thành viên</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Choose a title to see its dossier.</source>
        <translation>Chọn danh hiệu, hình thức để xem thành phần hồ sơ.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 required documents missing.</source>
        <translation>Còn thiếu %1 giấy tờ bắt buộc.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dossier complete.</source>
        <translation>Hồ sơ đã đủ.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Choose a title or form to check the criteria.</source>
        <translation>Chọn danh hiệu, hình thức để kiểm tra tiêu chuẩn.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the nominee from the registry to check the criteria.</source>
        <translation>Chọn đối tượng trong danh sách để kiểm tra tiêu chuẩn.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This title is not in the rules in force for the year.</source>
        <translation>Danh hiệu, hình thức này không có trong quy định đang áp dụng cho năm xét.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meets the criteria.</source>
        <translation>Đủ tiêu chuẩn.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meets the criteria that can be checked; some need a person&apos;s judgement.</source>
        <translation>Đạt các tiêu chuẩn kiểm tra được; một số tiêu chuẩn cần người xét duyệt đánh giá.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Does not meet %1 criteria yet.</source>
        <translation>Chưa đạt %1 tiêu chuẩn.</translation>
    </message>
    <message>
        <location line="-477"/>
        <location line="+488"/>
        <source>Click to add the missing record; the criteria are checked again after saving.</source>
        <translation>Bấm để nhập hồ sơ còn thiếu; tiêu chuẩn được kiểm tra lại sau khi lưu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Council vote needed: at least %1 % of ALL council members.</source>
        <translation>Cần Hội đồng bỏ phiếu: từ %1 % TỔNG SỐ thành viên Hội đồng trở lên.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Council vote needed; the share needed is set by the council&apos;s own rules.</source>
        <translation>Cần Hội đồng Thi đua – Khen thưởng biểu quyết; tỷ lệ đồng ý cần đạt theo quy chế của Hội đồng.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a sáng kiến for this nominee…</source>
        <translation>Thêm sáng kiến cho người được đề nghị…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a research project for this nominee…</source>
        <translation>Thêm đề tài khoa học cho người được đề nghị…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the quality rating or discipline of %1…</source>
        <translation>Nhập xếp loại chất lượng, kỷ luật năm %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add an award already received…</source>
        <translation>Thêm khen thưởng đã nhận…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Nominee: “%1” is not in the registry. Choose a name from the list, or press “New…”.</source>
        <translation>Tên tập thể, cá nhân: “%1” chưa có trong danh sách. Chọn tên trong danh sách gợi ý hoặc bấm “Thêm mới…”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nominee: not entered. Type a few letters of the name and choose from the list.</source>
        <translation>Tên tập thể, cá nhân: chưa nhập. Gõ vài chữ của tên rồi chọn trong danh sách gợi ý.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title or form: not chosen.</source>
        <translation>Danh hiệu, hình thức: chưa chọn.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Period: %1 is not in the year %2.</source>
        <translation>Kỳ: %1 không thuộc năm %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason: say why the nomination was returned or refused.</source>
        <translation>Lý do: ghi rõ vì sao đề nghị bị trả lại hoặc không được đồng ý.</translation>
    </message>
</context>
<context>
    <name>NominationsTab</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/awards_view.py" line="-176"/>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New nomination…</source>
        <translation>Đề nghị mới…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 nominations</source>
        <translation>%1 đề nghị</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All years</source>
        <translation>Mọi năm</translation>
    </message>
</context>
<context>
    <name>RatingsView</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/ratings_view.py" line="+216"/>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+125"/>
        <source>Copy last year&apos;s</source>
        <translation>Chép từ năm trước</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Fill the empty ratings with the ratings of the year before</source>
        <translation>Điền các ô chưa xếp loại bằng xếp loại của năm trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save ratings</source>
        <translation>Lưu xếp loại</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save every changed rating (Ctrl+S)</source>
        <translation>Lưu mọi xếp loại đã sửa (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>On a row, type the first letters of the rating (xs, tot, ht, khong) or its number 1–4; Enter goes to the next row, Delete clears. Double-click for a list.</source>
        <translation>Trên mỗi dòng, gõ vài chữ đầu của mức xếp loại (xs, tot, ht, khong) hoặc số 1–4; Enter sang dòng sau, Delete để xóa. Bấm đúp để chọn từ danh sách.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(not rated)</source>
        <translation>(chưa xếp loại)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position or kind</source>
        <translation>Chức vụ, loại tập thể</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rating</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discipline</source>
        <translation>Kỷ luật</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year before</source>
        <translation>Năm trước</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>%1 of %2 rated</source>
        <translation>Đã xếp loại %1/%2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n change(s) not saved</source>
        <translation>
            <numerusform>%n thay đổi chưa lưu</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>There is nothing to copy: every rating is filled, or %1 has none.</source>
        <translation>Không có gì để chép: mọi dòng đã có xếp loại, hoặc năm %1 chưa có xếp loại nào.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Saved %n rating(s) of %1.</source>
        <translation>
            <numerusform>Đã lưu %n xếp loại năm %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ratings not saved</source>
        <translation>Chưa lưu được xếp loại</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving the ratings</source>
        <translation>Đang lưu xếp loại</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Undoing the save</source>
        <translation>Đang hoàn tác lần lưu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unsaved ratings</source>
        <translation>Xếp loại chưa lưu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Some ratings of %1 are not saved. Save them?</source>
        <translation>Một số xếp loại năm %1 chưa được lưu. Lưu lại không?</translation>
    </message>
</context>
<context>
    <name>RegistryRecordDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/nomination_editor.py" line="-762"/>
        <source>New in the registry: %1</source>
        <translation>Thêm mới: %1</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/results_view.py" line="+71"/>
        <source>This target is incomplete; correct it in the campaign.</source>
        <translation>Chỉ tiêu này chưa đủ thông tin; hãy sửa trong phong trào.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+35"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+35"/>
        <source>Of which</source>
        <translation>Trong đó</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Result: a count cannot be negative.</source>
        <translation>Kết quả: số lượng không được âm.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target set</source>
        <translation>Chỉ tiêu giao</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>% of target</source>
        <translation>% chỉ tiêu</translation>
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
        <location line="+1"/>
        <source>To date</source>
        <translation>Lũy kế</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Result of the year %1 (the whole year, else its halves)</source>
        <translation>Kết quả năm %1 (cả năm; nếu chưa có thì từ các kỳ 6 tháng)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To the end of this period: counts and quantities summed over the years, levels and percentages the latest</source>
        <translation>Đến hết kỳ này: số lượng, khối lượng cộng dồn các năm; tỷ lệ, mức lấy số liệu mới nhất</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>From: %1</source>
        <translation>Từ số liệu: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Of which: %1</source>
        <translation>Trong đó: %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>e.g. 7,5</source>
        <translation>ví dụ 7,5</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collectives</source>
        <translation>Số tập thể</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>Số cá nhân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households</source>
        <translation>Số hộ gia đình</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location line="+86"/>
        <source>Targets and results</source>
        <translation>Chỉ tiêu và kết quả thực hiện</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save results</source>
        <translation>Lưu kết quả</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the results and participation of this period (Ctrl+S)</source>
        <translation>Lưu kết quả và số tham gia của kỳ này (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo changes</source>
        <translation>Bỏ thay đổi</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Campaign</source>
        <translation>Phong trào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Participation in the campaign this period</source>
        <translation>Tham gia phong trào trong kỳ</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+81"/>
        <source>Reading</source>
        <translation>Đang đọc dữ liệu</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Results</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The results you typed are not saved. Save them?</source>
        <translation>Kết quả vừa nhập chưa được lưu. Lưu lại không?</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 rows with errors</source>
        <translation>%1 dòng có lỗi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not saved yet</source>
        <translation>chưa lưu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This campaign has no targets, or no campaign is chosen.</source>
        <translation>Phong trào này chưa có chỉ tiêu, hoặc chưa chọn phong trào.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Row %1 (%2): %3</source>
        <translation>Dòng %1 (%2): %3</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Nothing to save: no result was changed.</source>
        <translation>Không có gì để lưu: chưa thay đổi kết quả nào.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saving results</source>
        <translation>Đang lưu kết quả</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/wf_awards.py" line="+18"/>
        <source>Awards</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nominations, council meetings, decisions</source>
        <translation>Đề nghị, hội đồng xét, quyết định</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/wf_campaigns.py" line="+17"/>
        <source>Emulation campaigns</source>
        <translation>Phong trào thi đua</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/wf_dashboard.py" line="+17"/>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/wf_results.py" line="+17"/>
        <source>Targets &amp; results</source>
        <translation>Chỉ tiêu &amp; kết quả</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/send_dialog.py" line="+25"/>
        <source>Send the nomination up</source>
        <translation>Gửi đề nghị khen thưởng lên</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Why send it now: e.g. the initiative is recognised next week and will be sent in a supplement</source>
        <translation>Vì sao vẫn gửi lúc này: ví dụ sáng kiến được công nhận tuần sau và sẽ gửi bổ sung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” meets the criteria and its mandatory documents are ticked. Send it up to the office that decides it? After sending, the unit no longer edits it unless the office returns it.</source>
        <translation>“%1” đạt tiêu chuẩn và đã đánh dấu đủ hồ sơ bắt buộc. Gửi lên cơ quan quyết định? Sau khi gửi, đơn vị không sửa đề nghị nữa trừ khi cơ quan đó trả lại.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” does not pass yet (%2). You may still send it up — the office above decides — but only with a reason, which is recorded with the nomination and shown to that office.</source>
        <translation>“%1” chưa đạt (%2). Vẫn có thể gửi lên — cấp trên sẽ xem xét, quyết định — nhưng phải ghi lý do; lý do được lưu cùng đề nghị và hiện cho cấp trên.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason for sending anyway *</source>
        <translation>Lý do vẫn gửi lên *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date sent *</source>
        <translation>Ngày gửi *</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send up</source>
        <translation>Gửi lên</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send up anyway</source>
        <translation>Vẫn gửi lên</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 criteria not met</source>
        <translation>%1 tiêu chuẩn chưa đạt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 mandatory documents missing</source>
        <translation>thiếu %1 hồ sơ bắt buộc</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Date sent</source>
        <translation>Ngày gửi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Date sent: type the date as dd/mm/yyyy.</source>
        <translation>Ngày gửi: hãy nhập ngày theo dạng ngày/tháng/năm (ví dụ 05/12/2026).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date sent: %1 is after today.</source>
        <translation>Ngày gửi: %1 là ngày sau hôm nay.</translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/awards_view.py" line="+25"/>
        <source>Meetings of the emulation and commendation council, with the votes for each nomination.</source>
        <translation>Các phiên họp Hội đồng Thi đua – Khen thưởng và kết quả bỏ phiếu cho từng đề nghị.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New meeting…</source>
        <translation>Phiên họp mới…</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/targets_table.py" line="+37"/>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comparison</source>
        <translation>Cách so sánh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value / low</source>
        <translation>Giá trị / cận dưới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>Cận trên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Of which</source>
        <translation>Trong đó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Of which: what</source>
        <translation>Trong đó: nội dung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strict</source>
        <translation>Ngặt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll-up</source>
        <translation>Tổng hợp</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Read as</source>
        <translation>Hiểu là</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Take</source>
        <translation>Lấy</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Source text</source>
        <translation>Nguyên văn</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>To check</source>
        <translation>Cần xem lại</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>No figure was understood in this item; fill in the cells or leave it out.</source>
        <translation>Không đọc được số liệu trong mục này; hãy điền các ô hoặc bỏ dòng này.</translation>
    </message>
    <message>
        <location line="+216"/>
        <source>Target no. %1: %2</source>
        <translation>Chỉ tiêu thứ %1: %2</translation>
    </message>
    <message>
        <location line="+92"/>
        <location line="+99"/>
        <source>(usual)</source>
        <translation>(thông thường)</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tick when you have checked this row: the flags are cleared.</source>
        <translation>Đánh dấu khi đã kiểm tra dòng này: các ghi chú cần xem lại được xóa.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confirmed. Untick to bring the flags back.</source>
        <translation>Đã xác nhận. Bỏ đánh dấu để hiện lại các ghi chú cần xem lại.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Range needs two values; a count may have an &apos;of which&apos; number.</source>
        <translation>Dạng khoảng cần hai giá trị; dạng số lượng có thể có số “trong đó”.</translation>
    </message>
</context>
<context>
    <name>VoteSessionEditor</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/vote_editor.py" line="+200"/>
        <source>Council meeting</source>
        <translation>Phiên họp Hội đồng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New council meeting</source>
        <translation>Phiên họp Hội đồng mới</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add all needing a vote</source>
        <translation>Thêm mọi đề nghị cần bỏ phiếu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nomination</source>
        <translation>Đề nghị khen thưởng</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Reading</source>
        <translation>Đang đọc dữ liệu</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The share is counted on the TOTAL number of council members, not on those present; members absent give written opinions.</source>
        <translation>Tỷ lệ phiếu tính trên TỔNG SỐ thành viên Hội đồng, không phải số có mặt; thành viên vắng mặt gửi ý kiến bằng văn bản.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Row %1 (%2): %3</source>
        <translation>Dòng %1 (%2): %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Row %1 (%2): the votes for are not entered.</source>
        <translation>Dòng %1 (%2): chưa nhập số phiếu đồng ý.</translation>
    </message>
</context>
<context>
    <name>VotesModel</name>
    <message>
        <location line="-356"/>
        <source>Nominee</source>
        <translation>Tên tập thể, cá nhân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title or form</source>
        <translation>Danh hiệu, hình thức</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>Votes for</source>
        <translation>Số phiếu đồng ý</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Share of all members</source>
        <translation>Tỷ lệ trên tổng số thành viên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needed</source>
        <translation>Ngưỡng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Council&apos;s own rules</source>
        <translation>Theo quy chế của Hội đồng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No vote needed</source>
        <translation>Không cần bỏ phiếu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>For the council to judge</source>
        <translation>Hội đồng xem xét</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passes</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Does not pass</source>
        <translation>Không đạt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No legal text confirmed a threshold for this title; the council votes under its own rules.</source>
        <translation>Chưa đối chiếu được văn bản quy định ngưỡng biểu quyết cho danh hiệu này; Hội đồng biểu quyết theo quy chế hoạt động của mình.</translation>
    </message>
</context>
</TS>
