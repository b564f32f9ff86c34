<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name></name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/about.py" line="+148"/>
        <source>on the server (pg_dump)</source>
        <translation>trên máy chủ (pg_dump)</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+83"/>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <location line="-81"/>
        <location line="+82"/>
        <source>%1 (this program: %2)</source>
        <translation>%1 (phần mềm này: %2)</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>About TĐKT Desktop</source>
        <translation>Giới thiệu TĐKT Desktop</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Emulation and commendation work for communes, wards and their upper offices — works without a network.</source>
        <translation>Công tác thi đua, khen thưởng cho xã, phường và cơ quan cấp trên — làm việc không cần mạng.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Information</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licenses</source>
        <translation>Giấy phép</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy information</source>
        <translation>Sao chép thông tin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open data folder</source>
        <translation>Mở thư mục dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Installing a new version or uninstalling never deletes the data folder.</source>
        <translation>Cài phiên bản mới hay gỡ cài đặt đều không xóa thư mục dữ liệu.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bundled data and components</source>
        <translation>Dữ liệu và thành phần đi kèm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Administrative unit lists (QĐ 19/2025/QĐ-TTg, QĐ 124/2004/QĐ-TTg)</source>
        <translation>Danh mục đơn vị hành chính (QĐ 19/2025/QĐ-TTg, QĐ 124/2004/QĐ-TTg)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Award rules are data taken from the legal documents (Luật Thi đua, khen thưởng 2022; Nghị định 98/2023, 152/2025, 129/2025); printing follows Nghị định 30/2020.</source>
        <translation>Quy định khen thưởng là dữ liệu lấy từ văn bản pháp luật (Luật Thi đua, khen thưởng 2022; Nghị định 98/2023, 152/2025, 129/2025); in ấn theo Nghị định 30/2020.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Components</source>
        <translation>Thành phần</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copied.</source>
        <translation>Đã sao chép.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location line="-274"/>
        <source>About TĐKT Desktop</source>
        <translation>Giới thiệu TĐKT Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emulation and commendation work for communes, wards and their upper offices — works without a network.</source>
        <translation>Công tác thi đua, khen thưởng cho xã, phường và cơ quan cấp trên — làm việc không cần mạng.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schema version</source>
        <translation>Phiên bản lược đồ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (this program: %2)</source>
        <translation>%1 (phần mềm này: %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not created yet</source>
        <translation>chưa tạo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder</source>
        <translation>Thư mục dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error log</source>
        <translation>Nhật ký lỗi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program folder</source>
        <translation>Thư mục chương trình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>Hệ thống</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installing a new version or uninstalling never deletes the data folder.</source>
        <translation>Cài phiên bản mới hay gỡ cài đặt đều không xóa thư mục dữ liệu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Information</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licenses</source>
        <translation>Giấy phép</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy information</source>
        <translation>Sao chép thông tin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open data folder</source>
        <translation>Mở thư mục dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copied.</source>
        <translation>Đã sao chép.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundled data and components</source>
        <translation>Dữ liệu và thành phần đi kèm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrative unit lists (QĐ 19/2025/QĐ-TTg, QĐ 124/2004/QĐ-TTg)</source>
        <translation>Danh mục đơn vị hành chính (QĐ 19/2025/QĐ-TTg, QĐ 124/2004/QĐ-TTg)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Award rules are data taken from the legal documents (Luật Thi đua, khen thưởng 2022; Nghị định 98/2023, 152/2025, 129/2025); printing follows Nghị định 30/2020.</source>
        <translation>Quy định khen thưởng là dữ liệu lấy từ văn bản pháp luật (Luật Thi đua, khen thưởng 2022; Nghị định 98/2023, 152/2025, 129/2025); in ấn theo Nghị định 30/2020.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Components</source>
        <translation>Thành phần</translation>
    </message>
</context>
<context>
    <name>AchievementsSection</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/achievements.py" line="+24"/>
        <source>Ratings and achievements</source>
        <translation>Xếp loại và thành tích</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the criteria of every title read: the yearly quality rating of each collective and person, sáng kiến and research projects, and the awards already received.</source>
        <translation>Những gì tiêu chuẩn của mỗi danh hiệu cần đến: xếp loại chất lượng hằng năm của từng tập thể, cá nhân; sáng kiến, đề tài khoa học; các hình thức khen thưởng đã nhận.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recognised</source>
        <translation>Đã công nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applied</source>
        <translation>Đã áp dụng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used for</source>
        <translation>Đã dùng cho khen thưởng</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add initiative</source>
        <translation>Thêm sáng kiến</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add research project</source>
        <translation>Thêm đề tài</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Collective or person</source>
        <translation>Tập thể, cá nhân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title or form</source>
        <translation>Danh hiệu, hình thức</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add past award</source>
        <translation>Thêm khen thưởng đã nhận</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read a list of past titles and awards, with their decisions, from an .xlsx file</source>
        <translation>Đọc danh sách danh hiệu, hình thức khen thưởng đã nhận (kèm quyết định) từ tệp .xlsx</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quality ratings</source>
        <translation>Xếp loại chất lượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initiatives (sáng kiến)</source>
        <translation>Sáng kiến</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Research projects</source>
        <translation>Đề tài, đề án khoa học</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awards received</source>
        <translation>Khen thưởng đã nhận</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/app.py" line="+41"/>
        <source>Cannot do this</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Cannot open the data</source>
        <translation>Không mở được dữ liệu</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+5"/>
        <source>Automatic backup</source>
        <translation>Sao lưu tự động</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>No automatic backup could be made today:</source>
        <translation>Hôm nay chưa sao lưu tự động được:</translation>
    </message>
</context>
<context>
    <name>CovenantsSection</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/covenants.py" line="+22"/>
        <source>Cluster covenants</source>
        <translation>Giao ước thi đua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each year the member units of an emulation cluster or bloc sign a covenant: what each commits to, the criteria and targets, under a leading unit and its deputy.</source>
        <translation>Hằng năm các đơn vị thành viên của cụm, khối thi đua ký kết giao ước thi đua: nội dung cam kết, tiêu chí và chỉ tiêu thi đua, do đơn vị trưởng cụm, khối và đơn vị phó cụm, khối chủ trì.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add covenant</source>
        <translation>Thêm giao ước</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the selected covenant (Bản giao ước thi đua) on the print screen</source>
        <translation>In bản giao ước thi đua đang chọn trên màn hình In ấn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Covenants</source>
        <translation>Giao ước thi đua</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/database_choice.py" line="+66"/>
        <source>Password of %1 on the office&apos;s server:</source>
        <translation>Mật khẩu của %1 trên máy chủ của cơ quan:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server refused this password. Type it again:</source>
        <translation>Máy chủ không nhận mật khẩu này. Hãy nhập lại:</translation>
    </message>
</context>
<context>
    <name>DatabaseTab</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/database_tab.py" line="+42"/>
        <source>The office&apos;s shared database (PostgreSQL server)</source>
        <translation>Cơ sở dữ liệu dùng chung của cơ quan (máy chủ PostgreSQL)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 10.0.0.5</source>
        <translation>ví dụ 10.0.0.5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>your own login, e.g. tranthib</source>
        <translation>tên đăng nhập của anh/chị, ví dụ tranthib</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remember the password on this computer (for this computer account only)</source>
        <translation>Nhớ mật khẩu trên máy này (chỉ cho tài khoản đăng nhập máy tính này)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server:</source>
        <translation>Máy chủ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port:</source>
        <translation>Cổng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database:</source>
        <translation>Cơ sở dữ liệu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test the connection</source>
        <translation>Kiểm tra kết nối</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use this database</source>
        <translation>Dùng cơ sở dữ liệu này</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Use the file on this computer again</source>
        <translation>Dùng lại tệp trên máy này</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A ward or commune works on the file of its computer. An office where several officers work on the same data uses one database on a PostgreSQL server of the office: each officer signs in with a login of their own. A change takes effect when TĐKT Desktop is opened again. The office&apos;s IT person sets the server up and makes the logins (docs/office-server.md).</source>
        <translation>Xã, phường làm việc trên tệp dữ liệu của máy mình. Cơ quan có nhiều cán bộ cùng làm trên một dữ liệu dùng một cơ sở dữ liệu trên máy chủ PostgreSQL của cơ quan: mỗi cán bộ đăng nhập bằng tài khoản riêng. Thay đổi có hiệu lực khi mở lại TĐKT Desktop. Cán bộ tin học của cơ quan cài máy chủ và tạo tài khoản (docs/office-server.md).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>In use: the office&apos;s shared database %1</source>
        <translation>Đang dùng: cơ sở dữ liệu dùng chung của cơ quan %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in as %1 (%2)</source>
        <translation>Đăng nhập: %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In use: the file on this computer %1</source>
        <translation>Đang dùng: tệp trên máy này %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Server</source>
        <translation>Máy chủ</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <location line="+30"/>
        <location line="+6"/>
        <location line="+9"/>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Login</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill in: %1.</source>
        <translation>Hãy nhập: %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Connecting to the server</source>
        <translation>Đang kết nối máy chủ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected: %1 (schema %2).</source>
        <translation>Kết nối được: %1 (lược đồ %2).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no unit declared yet</source>
        <translation>chưa khai báo đơn vị</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed in as %1.</source>
        <translation>Đăng nhập: %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>TĐKT Desktop will work on this database from the next time it is opened: close it and open it again.</source>
        <translation>Từ lần mở sau, TĐKT Desktop làm việc trên cơ sở dữ liệu này: hãy đóng phần mềm rồi mở lại.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>TĐKT Desktop will work on the file of this computer from the next time it is opened.</source>
        <translation>Từ lần mở sau, TĐKT Desktop làm việc trên tệp của máy này.</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/inputs.py" line="+109"/>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/dialogs.py" line="+32"/>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+41"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Unexpected error</source>
        <translation>Lỗi không mong muốn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The program met an unexpected error. Your data already saved is safe.</source>
        <translation>Phần mềm gặp lỗi không mong muốn. Dữ liệu đã lưu vẫn an toàn.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The details were written to:
%1
Please send this file to the support staff.</source>
        <translation>Chi tiết lỗi được ghi vào:
%1
Hãy gửi tệp này cho cán bộ hỗ trợ.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Don&apos;t save</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep editing</source>
        <translation>Tiếp tục sửa</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/help.py" line="+26"/>
        <source>User guide — TĐKT Desktop</source>
        <translation>Hướng dẫn sử dụng — TĐKT Desktop</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt; Back</source>
        <translation>&lt; Quay lại</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contents</source>
        <translation>Mục lục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in the web browser</source>
        <translation>Mở bằng trình duyệt web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the same guide in the computer&apos;s web browser, to print it</source>
        <translation>Mở hướng dẫn này bằng trình duyệt web của máy, để in ra</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/background.py" line="+175"/>
        <location line="+53"/>
        <source>Cannot do this</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Key passphrase</source>
        <translation>Mật khẩu khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The keys of this installation (they sign and open sync bundles) are protected by a passphrase. Type the passphrase:</source>
        <translation>Khóa của bản cài đặt này (dùng để ký và mở gói đồng bộ) được bảo vệ bằng mật khẩu. Hãy nhập mật khẩu khóa:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The passphrase is not right (capital letters and tones count). Type it again:</source>
        <translation>Mật khẩu không đúng (phân biệt chữ hoa và dấu). Hãy nhập lại:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The passphrase was not right three times; nothing was done.</source>
        <translation>Nhập sai mật khẩu ba lần; chưa làm gì.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+1"/>
        <source>Working…</source>
        <translation>Đang xử lý…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/main_window.py" line="+57"/>
        <source>TĐKT Desktop — Emulation and commendation work</source>
        <translation>TĐKT Desktop — Thi đua, khen thưởng</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>&amp;Help</source>
        <translation>&amp;Trợ giúp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About TĐKT Desktop</source>
        <translation>&amp;Giới thiệu TĐKT Desktop</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Data: %1</source>
        <translation>Dữ liệu: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>(unit not set)</source>
        <translation>(chưa khai báo đơn vị)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit: %1</source>
        <translation>Đơn vị: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backed up on the office&apos;s server</source>
        <translation>Sao lưu trên máy chủ của cơ quan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last backup: %1</source>
        <translation>Sao lưu gần nhất: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No backup yet</source>
        <translation>Chưa sao lưu lần nào</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changes not yet in a bundle: %1</source>
        <translation>Thay đổi chưa đóng gói gửi lên: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything exported; the upper office has not confirmed %1 bundle(s) yet</source>
        <translation>Đã xuất gói hết; cấp trên chưa xác nhận %1 gói</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything sent up</source>
        <translation>Đã gửi hết lên cấp trên</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not applied by the upper office: %1 (see Synchronisation)</source>
        <translation>cấp trên chưa áp dụng: %1 (xem Đồng bộ)</translation>
    </message>
</context>
<context>
    <name>MembersInput</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/inputs.py" line="+207"/>
        <source>Member unit</source>
        <translation>Đơn vị thành viên</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signer&apos;s name</source>
        <translation>Họ tên người ký</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a unit (type a few letters) or type its name</source>
        <translation>Chọn đơn vị (gõ vài chữ, không cần dấu) hoặc gõ tên đơn vị</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/models.py" line="+80"/>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
</context>
<context>
    <name>NameInput</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/inputs.py" line="-247"/>
        <source>A name typed in small letters gets its capitals when you leave the field (“nguyễn văn an” → “Nguyễn Văn An”). To keep an unusual spelling, type it with the capitals you want: a name with capitals is kept as typed.</source>
        <translation>Tên gõ toàn chữ thường được viết hoa khi rời ô (“nguyễn văn an” → “Nguyễn Văn An”). Muốn giữ một cách viết khác thường, hãy gõ đúng chữ hoa mong muốn: tên đã có chữ hoa được giữ nguyên như đã gõ.</translation>
    </message>
</context>
<context>
    <name>NumberInput</name>
    <message>
        <location line="+33"/>
        <source>e.g. 7,5</source>
        <translation>ví dụ 7,5</translation>
    </message>
</context>
<context>
    <name>NumbersPage</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/wizard.py" line="+166"/>
        <source>Document numbers</source>
        <translation>Số, ký hiệu văn bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The code after the number of each kind of document, e.g. “05/QĐ-UBND”. Numbers restart each 1 January.</source>
        <translation>Ký hiệu đứng sau số của từng loại văn bản, ví dụ “05/QĐ-UBND”. Số văn bản bắt đầu lại từ ngày 01 tháng 01 hằng năm.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Issuing body code:</source>
        <translation>Ký hiệu cơ quan ban hành:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Submission</source>
        <translation>Tờ trình</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notice</source>
        <translation>Thông báo</translation>
    </message>
</context>
<context>
    <name>OfficialsPage</name>
    <message>
        <location line="-52"/>
        <source>Signing officials</source>
        <translation>Người ký văn bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who signs the documents: the chairman and the vice chairmen, with the authority prefix printed above the title (TM., KT. …).</source>
        <translation>Người ký văn bản: Chủ tịch và các Phó Chủ tịch, cùng thẩm quyền ký in phía trên chức vụ (TM., KT. …).</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+12"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Title</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Authority prefix</source>
        <translation>Thẩm quyền ký</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>At least the first person is needed; more can be added later in Settings.</source>
        <translation>Cần ít nhất người thứ nhất; có thể bổ sung sau trong mục Cài đặt.</translation>
    </message>
</context>
<context>
    <name>OperatorPage</name>
    <message>
        <location line="+50"/>
        <source>Who is using this computer?</source>
        <translation>Ai đang sử dụng máy tính này?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name is written in the change log beside each change you make.</source>
        <translation>Tên của bạn được ghi vào nhật ký bên cạnh mỗi thay đổi bạn thực hiện.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. Nguyễn Thị Lan, công chức Văn hóa - Xã hội</source>
        <translation>ví dụ Nguyễn Thị Lan, công chức Văn hóa - Xã hội</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name:</source>
        <translation>Họ tên của bạn:</translation>
    </message>
</context>
<context>
    <name>PeopleSection</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/people.py" line="+16"/>
        <source>People and collectives</source>
        <translation>Cá nhân và tập thể</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone who can register, be nominated or be awarded. Type a name without tones to find it.</source>
        <translation>Danh sách cá nhân, tập thể, hộ gia đình có thể đăng ký thi đua, được đề nghị và được khen thưởng. Gõ tên không dấu để tìm.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add person</source>
        <translation>Thêm cá nhân</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add collective</source>
        <translation>Thêm tập thể</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add household</source>
        <translation>Thêm hộ gia đình</translation>
    </message>
    <message>
        <location line="+2"/>
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
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/i18n.py" line="+62"/>
        <source>Look in:</source>
        <translation>Tìm trong:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of type:</source>
        <translation>Loại tệp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All Files (*)</source>
        <translation>Tất cả các tệp (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Tìm trong:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>&amp;Loại tệp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Folder</source>
        <translation>&amp;Thư mục mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;hidden files</source>
        <translation>Hiện tệp ẩ&amp;n</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show </source>
        <translation>Hiện cột </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Lùi lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward</source>
        <translation>Tiến tới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List View</source>
        <translation>Xem dạng danh sách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail View</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directories</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent Places</source>
        <translation>Nơi mở gần đây</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sidebar</source>
        <translation>Thanh bên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save As</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find Directory</source>
        <translation>Tìm thư mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Không rõ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drive</source>
        <translation>Ổ đĩa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 File</source>
        <translation>Tệp %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go back</source>
        <translation>Quay lại thư mục trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go forward</source>
        <translation>Tới thư mục sau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the parent directory</source>
        <translation>Lên thư mục cha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change to list view mode</source>
        <translation>Xem dạng danh sách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change to detail view mode</source>
        <translation>Xem dạng chi tiết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a New Folder</source>
        <translation>Tạo một thư mục mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List of places and bookmarks</source>
        <translation>Các nơi và dấu trang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not delete directory.</source>
        <translation>Không xóa được thư mục.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>Tệp %1 đã có.
Thay bằng tệp mới?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Xóa hẳn “%1”?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>“%1” đang được bảo vệ chống ghi.
Vẫn xóa?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Cỡ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date Modified</source>
        <translation>Ngày sửa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid filename</source>
        <translation>Tên tệp không hợp lệ</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location line="-72"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>Sao &amp;chép</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location line="+67"/>
        <source>Show Details...</source>
        <translation>Xem chi tiết…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết…</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="-101"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Don&apos;t Save</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;o to All</source>
        <translation>Không với tất &amp;cả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abort</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <location line="-55"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location line="-13"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>Sao &amp;chép</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <location line="-22"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp theo &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next</source>
        <translation>&amp;Tiếp theo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/editor.py" line="+73"/>
        <source>This record no longer exists (it may have been deleted).</source>
        <translation>Bản ghi này không còn (có thể đã bị xóa).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit: %1</source>
        <translation>Sửa: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add: %1</source>
        <translation>Thêm: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Fields marked * are required. Dates as dd/mm/yyyy, decimals with a comma (7,5).</source>
        <translation>Trường có dấu * là bắt buộc. Ngày nhập dạng ngày/tháng/năm, số thập phân dùng dấu phẩy (7,5).</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save (Enter)</source>
        <translation>Lưu (Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without saving (Esc)</source>
        <translation>Đóng, không lưu (Esc)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Collective, person or household</source>
        <translation>Tập thể, cá nhân hoặc hộ</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>%1: choose one of the suggestions (type a few letters).</source>
        <translation>%1: hãy chọn một mục trong danh sách gợi ý (gõ vài chữ cái).</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Saving</source>
        <translation>Đang lưu</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>You changed this record. Save the changes?</source>
        <translation>Bạn đã sửa bản ghi này. Lưu các thay đổi?</translation>
    </message>
</context>
<context>
    <name>RecordListView</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/lists.py" line="+64"/>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a new record (Ctrl+N)</source>
        <translation>Thêm bản ghi mới (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected record (Enter)</source>
        <translation>Sửa bản ghi đang chọn (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+149"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>Delete the selected record (Delete); it can be undone</source>
        <translation>Xóa bản ghi đang chọn (Delete); có thể hoàn tác</translation>
    </message>
    <message numerus="yes">
        <location line="+99"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n bản ghi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n record(s) match the search</source>
        <translation>
            <numerusform>%n bản ghi khớp với từ tìm</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Delete %1 “%2”?
You can undo this right after.</source>
        <translation>Xóa %1 “%2”?
Bạn có thể hoàn tác ngay sau đó.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deleted “%1”.</source>
        <translation>Đã xóa “%1”.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deleting</source>
        <translation>Đang xóa</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undoing the delete</source>
        <translation>Đang hoàn tác việc xóa</translation>
    </message>
</context>
<context>
    <name>RefInput</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/inputs.py" line="+137"/>
        <source>Type a few letters, no tones needed</source>
        <translation>Gõ vài chữ cái, không cần dấu</translation>
    </message>
</context>
<context>
    <name>RegistrationsSection</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/registrations.py" line="+18"/>
        <source>All years</source>
        <translation>Tất cả các năm</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Registrations and participation</source>
        <translation>Đăng ký thi đua và tham gia phong trào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the start of the year collectives and individuals register the titles they aim for; each period, units report how many took part in each campaign.</source>
        <translation>Đầu năm, tập thể và cá nhân đăng ký danh hiệu thi đua; mỗi kỳ, đơn vị báo cáo số lượng tham gia từng phong trào.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Register</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register many…</source>
        <translation>Đăng ký hàng loạt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register many people, collectives or households for one title at once</source>
        <translation>Đăng ký một danh hiệu cho nhiều cá nhân, tập thể hoặc hộ gia đình cùng lúc</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add participation</source>
        <translation>Thêm số liệu tham gia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registrations for titles</source>
        <translation>Đăng ký danh hiệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participation in campaigns</source>
        <translation>Tham gia phong trào</translation>
    </message>
</context>
<context>
    <name>RulesView</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/rules_view.py" line="+53"/>
        <source>Regulations</source>
        <translation>Quy định</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rules in force on:</source>
        <translation>Quy định áp dụng ngày:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Read-only. Each rule is followed by its source; a rule marked ⚠ could not be checked against the text and is left to the person deciding.</source>
        <translation>Chỉ xem. Mỗi quy định ghi kèm căn cứ; mục có dấu ⚠ chưa đối chiếu được với văn bản, người xét tự đối chiếu.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Reading the regulations</source>
        <translation>Đang đọc quy định</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rule set: %1</source>
        <translation>Bộ quy định: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>General rules and base salary</source>
        <translation>Quy định chung và lương cơ sở</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+145"/>
        <source>Cancelling an award</source>
        <translation>Hủy bỏ khen thưởng</translation>
    </message>
    <message>
        <location line="-144"/>
        <source>Statistical reports</source>
        <translation>Báo cáo thống kê</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal texts</source>
        <translation>Văn bản pháp luật</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>no source recorded</source>
        <translation>chưa ghi căn cứ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>article not checked</source>
        <translation>chưa đối chiếu số điều</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>text not found</source>
        <translation>chưa tìm được văn bản</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Base salary and money</source>
        <translation>Lương cơ sở và tiền thưởng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base salary: %1 a month from %2</source>
        <translation>Mức lương cơ sở: %1/tháng từ %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Awards are rounded up to the next %1</source>
        <translation>Tiền thưởng làm tròn lên hàng %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rounding</source>
        <translation>Làm tròn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Base salary of which date</source>
        <translation>Lương cơ sở tính theo ngày nào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Several awards at once</source>
        <translation>Nhiều danh hiệu, hình thức cùng lúc</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Which rules apply</source>
        <translation>Áp dụng quy định nào</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not a ground for later awards: %1</source>
        <translation>Không làm căn cứ khen thưởng về sau: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Legal bases quoted in decisions</source>
        <translation>Căn cứ ghi trong quyết định</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>For: %1</source>
        <translation>Đối tượng: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who decides</source>
        <translation>Thẩm quyền</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Criteria</source>
        <translation>Tiêu chuẩn</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Council vote</source>
        <translation>Biểu quyết của Hội đồng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No vote of the Emulation and Commendation Council is needed.</source>
        <translation>Không cần Hội đồng Thi đua – Khen thưởng biểu quyết.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The council votes; the share needed is set by its own rules</source>
        <translation>Hội đồng biểu quyết; tỷ lệ đồng ý theo quy chế của Hội đồng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At least %1% of all council members agree</source>
        <translation>Từ %1% tổng số thành viên Hội đồng đồng ý</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Money</source>
        <translation>Tiền thưởng</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>entered by hand from the text (coefficient not checked)</source>
        <translation>nhập theo văn bản (chưa đối chiếu được hệ số)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 × base salary %2 = %3</source>
        <translation>%1 × lương cơ sở %2 = %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no money</source>
        <translation>không có tiền thưởng</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>if any</source>
        <translation>nếu có</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Who cancels: %1</source>
        <translation>Thẩm quyền hủy bỏ: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grounds</source>
        <translation>Căn cứ hủy bỏ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Statistical year %1</source>
        <translation>Năm thống kê %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forms</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(title not read)</source>
        <translation>(chưa đọc được tên biểu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not produced by the application</source>
        <translation>chương trình chưa lập biểu này</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Legal texts the rules rely on</source>
        <translation>Các văn bản pháp luật chương trình dựa vào</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/widgets.py" line="+131"/>
        <source>Search (no need for tones)…</source>
        <translation>Tìm kiếm (không cần dấu)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type part of a name, with or without tones: “nguyen van an” finds “Nguyễn Văn Ân”.</source>
        <translation>Gõ một phần tên, có dấu hay không dấu đều được: “nguyen van an” tìm được “Nguyễn Văn Ân”.</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/people.py" line="+8"/>
        <source>People &amp; collectives</source>
        <translation>Cá nhân &amp; tập thể</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Individuals, collectives and households</source>
        <translation>Cá nhân, tập thể và hộ gia đình</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/registrations.py" line="+7"/>
        <source>Registration &amp; participation</source>
        <translation>Đăng ký &amp; tham gia</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/settings.py" line="+286"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/units.py" line="+146"/>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/ze_rules.py" line="+19"/>
        <source>Regulations</source>
        <translation>Quy định</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rules in force on a date, each with its legal source</source>
        <translation>Quy định áp dụng theo ngày, kèm căn cứ pháp lý của từng quy định</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/achievements.py" line="+16"/>
        <source>Ratings &amp; achievements</source>
        <translation>Xếp loại &amp; thành tích</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality ratings, initiatives, research projects and awards received</source>
        <translation>Xếp loại chất lượng, sáng kiến, đề tài khoa học và khen thưởng đã nhận</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/covenants.py" line="+32"/>
        <source>Cluster covenants</source>
        <translation>Giao ước thi đua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giao ước thi đua of the unit&apos;s emulation cluster or bloc</source>
        <translation>Giao ước thi đua của cụm, khối thi đua mà đơn vị tham gia</translation>
    </message>
</context>
<context>
    <name>SettingsSection</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/settings.py" line="-249"/>
        <location line="+161"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>Operator (written in the change log):</source>
        <translation>Người sử dụng (ghi vào nhật ký):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code of %1 documents:</source>
        <translation>Ký hiệu văn bản %1:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save settings</source>
        <translation>Lưu cài đặt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add official</source>
        <translation>Thêm người ký</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open the backup folder</source>
        <translation>Mở thư mục sao lưu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Made on</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>General</source>
        <translation>Chung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing officials</source>
        <translation>Người ký văn bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The name of the officer signed in to the office&apos;s database</source>
        <translation>Họ tên của cán bộ đang đăng nhập vào cơ sở dữ liệu của cơ quan</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This is the office&apos;s shared database on a PostgreSQL server: it is backed up on the server, every day, by the office&apos;s administrator (pg_dump on a schedule, with a copy kept elsewhere; docs/office-server.md). Nothing is backed up on this computer.</source>
        <translation>Đây là cơ sở dữ liệu dùng chung của cơ quan trên máy chủ PostgreSQL: quản trị viên của cơ quan sao lưu trên máy chủ hằng ngày (pg_dump theo lịch, giữ bản sao ở nơi khác; docs/office-server.md). Máy này không sao lưu gì.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A backup is a checked full copy of the data (without the private keys). One is made automatically at the first start of each day, before every import of a bundle or an Excel file and before every upgrade; the last 7 days, 4 weeks and 12 months are kept. Keep a second copy on a USB stick.</source>
        <translation>Bản sao lưu là bản chép đầy đủ dữ liệu đã được kiểm tra (không gồm khóa bí mật). Phần mềm tự sao lưu lần mở đầu tiên mỗi ngày, trước mỗi lần nhập gói hoặc tệp Excel và trước mỗi lần nâng cấp; giữ lại bản của 7 ngày, 4 tuần và 12 tháng gần nhất. Hãy giữ thêm một bản trên USB.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore the selected backup…</source>
        <translation>Khôi phục bản đã chọn…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore from a file…</source>
        <translation>Khôi phục từ tệp…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Second backup folder (a USB stick)</source>
        <translation>Thư mục sao lưu thứ hai (USB)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not set: backups stay on this computer only</source>
        <translation>Chưa đặt: bản sao lưu chỉ nằm trên máy này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop copying</source>
        <translation>Thôi chép</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No backup yet.</source>
        <translation>Chưa có bản sao lưu nào.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 backups, %2 in all, in %3</source>
        <translation>%1 bản sao lưu, tổng cộng %2, trong thư mục %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>daily, automatic</source>
        <translation>tự động hằng ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before an import</source>
        <translation>trước khi nhập</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before an upgrade</source>
        <translation>trước khi nâng cấp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>made by hand</source>
        <translation>tự sao lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a restore</source>
        <translation>trước khi khôi phục</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Saving settings</source>
        <translation>Đang lưu cài đặt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The backup was checked and saved as:
%1</source>
        <translation>Đã kiểm tra và lưu bản sao lưu:
%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy in the second folder: %1</source>
        <translation>Bản chép ở thư mục thứ hai: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose the backup to restore</source>
        <translation>Chọn bản sao lưu để khôi phục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups (*.sqlite)</source>
        <translation>Bản sao lưu (*.sqlite)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Replace the data of this computer with the backup “%1” (%2 people, %3 campaigns, %4 nominations)?

The data as it is now is kept first, as a backup of the kind “before a restore”. Data entered after the backup was made must be entered again (or asked from the upper office). The restored data gets a new installation identity, so the next bundle is accepted by the upper office.</source>
        <translation>Thay dữ liệu trên máy này bằng bản sao lưu “%1” (%2 cá nhân, %3 phong trào, %4 đề nghị khen thưởng)?

Dữ liệu hiện tại được giữ lại trước, thành một bản sao lưu loại “trước khi khôi phục”. Dữ liệu nhập sau thời điểm sao lưu cần được nhập lại (hoặc xin lại từ cấp trên). Dữ liệu sau khi khôi phục nhận định danh bản cài đặt mới, nên gói gửi tiếp theo vẫn được cấp trên nhận.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+18"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Restoring</source>
        <translation>Đang khôi phục</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data was restored from “%1”.
The data as it was before: %2</source>
        <translation>Đã khôi phục dữ liệu từ “%1”.
Dữ liệu trước khi khôi phục: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking the backup</source>
        <translation>Đang kiểm tra bản sao lưu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the second backup folder</source>
        <translation>Chọn thư mục sao lưu thứ hai</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Second backup folder</source>
        <translation>Thư mục sao lưu thứ hai</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Backing up</source>
        <translation>Đang sao lưu</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/wizard.py" line="+35"/>
        <source>TĐKT Desktop — first-time setup</source>
        <translation>TĐKT Desktop — thiết lập lần đầu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next &gt;</source>
        <translation>Tiếp theo &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; Back</source>
        <translation>&lt; Quay lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish</source>
        <translation>Hoàn tất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This unit</source>
        <translation>Đơn vị này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upper office</source>
        <translation>Cơ quan cấp trên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing officials</source>
        <translation>Người ký văn bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document number codes</source>
        <translation>Ký hiệu số văn bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name</source>
        <translation>Tên người sử dụng</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot save the setup</source>
        <translation>Không lưu được thiết lập</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving the setup</source>
        <translation>Đang lưu thiết lập</translation>
    </message>
</context>
<context>
    <name>StaleDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/stale.py" line="+35"/>
        <source>The record was changed elsewhere</source>
        <translation>Bản ghi đã thay đổi ở nơi khác</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your changes are still in the editor. Cancel to keep them on screen (copy what you need), or close the editor.</source>
        <translation>Những gì anh/chị đã sửa vẫn còn trong cửa sổ. Bấm Hủy để giữ chúng trên màn hình (chép lại phần cần dùng), hoặc đóng cửa sổ sửa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing has been overwritten. Below: each field as you opened it, as it is now, and as you would save it (fields changed on both sides are highlighted). Choose what to keep.</source>
        <translation>Chưa có gì bị ghi đè. Dưới đây là từng trường: lúc anh/chị mở, hiện nay, và bản anh/chị định lưu (trường bị sửa ở cả hai nơi được tô màu). Hãy chọn bản cần giữ.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When opened</source>
        <translation>Lúc anh/chị mở</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now</source>
        <translation>Hiện nay (nơi khác đã sửa)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yours, not saved</source>
        <translation>Anh/chị sửa (chưa lưu)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Overwrite with mine</source>
        <translation>Ghi đè bằng bản của tôi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save your version; the changes made elsewhere in the fields above are replaced by yours</source>
        <translation>Lưu bản của anh/chị; những gì đã sửa ở nơi khác trong các trường trên bị thay bằng bản của anh/chị</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load the new version</source>
        <translation>Tải lại bản mới</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the record as it is now; your unsaved changes are dropped</source>
        <translation>Hiện bản ghi như hiện nay; những gì anh/chị sửa mà chưa lưu sẽ bỏ đi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the editor with your changes, nothing saved</source>
        <translation>Quay lại cửa sổ sửa, giữ nguyên những gì anh/chị đã sửa, chưa lưu gì</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/wizard.py" line="-127"/>
        <source>Check before finishing</source>
        <translation>Kiểm tra lại trước khi hoàn tất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is what will be saved. Press “&lt; Back” to correct anything; the officials, the numbers and your name can also be changed later in Settings.</source>
        <translation>Đây là những gì sẽ được lưu. Bấm “&lt; Quay lại” để sửa; người ký, ký hiệu số văn bản và tên người sử dụng cũng sửa được sau này ở mục Cài đặt.</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/widgets.py" line="+33"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bring back what was just deleted (Ctrl+Z)</source>
        <translation>Khôi phục bản ghi vừa xóa (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hide</source>
        <translation>Ẩn</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/wizard.py" line="-191"/>
        <source>Which unit is this?</source>
        <translation>Đây là đơn vị nào?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the code or the name of your commune, ward or province — tones are not needed (“tan phu” finds “Phường Tân Phú”).</source>
        <translation>Gõ mã hoặc tên xã, phường, tỉnh của bạn — không cần dấu (“tan phu” tìm được “Phường Tân Phú”).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An administrative unit in the official list</source>
        <translation>Đơn vị hành chính trong danh mục</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A unit under a commune or ward (school, hamlet, office, health station…)</source>
        <translation>Đơn vị trực thuộc xã, phường (trường học, thôn, tổ dân phố, trạm y tế…)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code or name, e.g. 27031 or tan phu</source>
        <translation>Mã hoặc tên, ví dụ 27031 hoặc tan phu</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>e.g. 27031-TH01</source>
        <translation>ví dụ 27031-TH01</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Commune or ward it belongs to:</source>
        <translation>Thuộc xã, phường:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>e.g. Trường Tiểu học Tân Phú</source>
        <translation>ví dụ Trường Tiểu học Tân Phú</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kind of unit:</source>
        <translation>Loại đơn vị:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code:</source>
        <translation>Mã:</translation>
    </message>
</context>
<context>
    <name>UnitsSection</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/units.py" line="-122"/>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This unit, its upper office and the units under it. Sub-units (schools, hamlets, offices) register, report results and are nominated like any collective.</source>
        <translation>Đơn vị này, cơ quan cấp trên và các đơn vị trực thuộc. Đơn vị trực thuộc (trường học, thôn, phòng ban) đăng ký thi đua, báo cáo kết quả và được đề nghị khen thưởng như mọi tập thể.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add sub-unit</source>
        <translation>Thêm đơn vị trực thuộc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+95"/>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Emulation cluster</source>
        <translation>Cụm, khối thi đua</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>This is the unit of this installation; it cannot be deleted.</source>
        <translation>Đây là đơn vị của bản cài đặt này; không thể xóa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the unit “%1”?
You can undo this right after.</source>
        <translation>Xóa đơn vị “%1”?
Bạn có thể hoàn tác ngay sau đó.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deleted “%1”.</source>
        <translation>Đã xóa “%1”.</translation>
    </message>
</context>
<context>
    <name>UpperPage</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/wizard.py" line="+52"/>
        <source>Upper office</source>
        <translation>Cơ quan cấp trên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The office this unit reports to and sends its bundles to. Check it and correct it if needed.</source>
        <translation>Cơ quan mà đơn vị báo cáo và gửi tệp đồng bộ lên. Hãy kiểm tra và sửa nếu cần.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave empty if this unit has no upper office in this system.</source>
        <translation>Để trống nếu đơn vị không có cơ quan cấp trên trong hệ thống này.</translation>
    </message>
</context>
</TS>
