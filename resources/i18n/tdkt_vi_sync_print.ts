<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/print_view/page.py" line="+927"/>
        <source>Print all documents</source>
        <translation>In tất cả văn bản</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The decision with its list, and one certificate for each person or collective awarded:</source>
        <translation>Quyết định kèm danh sách, và mỗi cá nhân, tập thể được khen một bằng, giấy khen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The campaign&apos;s plan and its results report:</source>
        <translation>Kế hoạch phát động và báo cáo kết quả của phong trào:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also send them to the printer</source>
        <translation>In luôn ra máy in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drafts: no number is taken, every page is marked “DỰ THẢO”.</source>
        <translation>Bản dự thảo: không lấy số, mỗi trang có chữ “DỰ THẢO”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued copies: documents numbered here take their numbers from the register.</source>
        <translation>Bản ban hành: văn bản do đơn vị đánh số sẽ lấy số trong sổ đăng ký văn bản.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each document is a separate PDF file. You can stop at any time; the files already written stay complete.</source>
        <translation>Mỗi văn bản là một tệp PDF riêng. Có thể dừng bất cứ lúc nào; các tệp đã ghi vẫn đầy đủ.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the folder</source>
        <translation>Chọn thư mục</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sync_view/conflicts.py" line="+46"/>
        <source>A value was not applied: the same field was changed here and at another place, or a unit changed a nomination its upper office had already decided. The value of the side with authority is in force on every side; the other waits here. Keep the value in force, or apply the other one (only a unit with authority over that field can). Your choice is sent with the next bundle and closes the item there too.</source>
        <translation>Có giá trị chưa được áp dụng: cùng một trường được sửa ở đây và ở nơi khác, hoặc đơn vị sửa đề nghị mà cấp trên đã xử lý. Giá trị của bên có thẩm quyền được dùng ở mọi nơi; giá trị kia chờ ở đây. Hãy giữ giá trị đang dùng, hoặc áp dụng giá trị kia (chỉ đơn vị có thẩm quyền với trường đó mới áp dụng được). Lựa chọn được gửi theo gói sau và đóng mục này ở cả bên kia.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kind of record</source>
        <translation>Loại dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not applied, written by</source>
        <translation>Giá trị chưa áp dụng, do</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued</source>
        <translation>Đưa vào hàng chờ</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written by</source>
        <translation>Đơn vị ghi</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keep the value in force</source>
        <translation>Giữ giá trị đang dùng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply the other value</source>
        <translation>Áp dụng giá trị kia</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No value waits for a decision.</source>
        <translation>Không có giá trị nào chờ xem xét.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>In force</source>
        <translation>Giá trị đang dùng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not applied</source>
        <translation>Giá trị chưa áp dụng</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;%1&lt;/b&gt; of %2 “%3”: %4.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; của %2 “%3”: %4.</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Field</source>
        <translation>Trường thông tin</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>không</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sync_view/enrol.py" line="+19"/>
        <source>Enrol a unit</source>
        <translation>Ghi danh đơn vị</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Upper office of this unit</source>
        <translation>Cơ quan cấp trên của đơn vị này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit directly under this unit</source>
        <translation>Đơn vị trực thuộc đơn vị này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unit code: %1</source>
        <translation>Mã đơn vị: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Key fingerprint in this file:</source>
        <translation>Dấu vân tay khóa trong tệp này:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Telephone a staff member of this unit (or look at the paper copy they signed) and read the five groups together. Confirm only if all 20 characters are the same. A file can be copied or altered on the way; this comparison is what makes the exchange safe.</source>
        <translation>Hãy gọi điện cho cán bộ của đơn vị này (hoặc xem bản giấy có chữ ký của họ) và cùng đọc năm nhóm ký tự. Chỉ xác nhận khi cả 20 ký tự đều trùng khớp. Tệp có thể bị sao chép hoặc sửa trên đường đi; việc đối chiếu này mới bảo đảm an toàn.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This unit is already enrolled with a DIFFERENT key: %1. Replace it only if the unit has reinstalled the program and you have checked the new fingerprint with them directly. After the replacement, bundles signed with the old key are no longer accepted.</source>
        <translation>Đơn vị này đã được ghi danh với một khóa KHÁC: %1. Chỉ thay khóa khi đơn vị đã cài lại phần mềm và bạn đã đối chiếu dấu vân tay mới trực tiếp với họ. Sau khi thay, các gói ký bằng khóa cũ sẽ không được nhận nữa.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I have compared it and replace the old key</source>
        <translation>Tôi đã đối chiếu và đồng ý thay khóa cũ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This unit is already enrolled with exactly this key. Nothing to do.</source>
        <translation>Đơn vị này đã được ghi danh với đúng khóa này. Không cần làm gì thêm.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>I have compared it, trust it</source>
        <translation>Tôi đã đối chiếu, tin cậy</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Replace the key</source>
        <translation>Thay khóa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enrol</source>
        <translation>Ghi danh</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/print_view/preview.py" line="+42"/>
        <source>Previous page (Page Up)</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to page</source>
        <translation>Đến trang</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next page (Page Down)</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page</source>
        <translation>Trang</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>Thu nhỏ (Ctrl+cuộn chuột)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>Phóng to (Ctrl+cuộn chuột)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom</source>
        <translation>Thu phóng</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Choose a document and a record, then press “Preview”.</source>
        <translation>Chọn hồ sơ và văn bản cần in, rồi bấm “Xem trước”.</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/print_view/page.py" line="-932"/>
        <source>Award decisions</source>
        <translation>Quyết định khen thưởng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Award nominations</source>
        <translation>Đề nghị khen thưởng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Council meetings</source>
        <translation>Phiên họp Hội đồng TĐKT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emulation campaigns</source>
        <translation>Phong trào thi đua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registrations for titles</source>
        <translation>Đăng ký thi đua</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+732"/>
        <location line="+8"/>
        <source>Printing</source>
        <translation>In ấn</translation>
    </message>
    <message>
        <location line="-690"/>
        <source>Print from:</source>
        <translation>In từ:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Record</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Document:</source>
        <translation>Văn bản:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date written on the document (it also chooses the form in force that day)</source>
        <translation>Ngày ghi trên văn bản (cũng dùng để chọn mẫu có hiệu lực vào ngày đó)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date:</source>
        <translation>Ngày:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period:</source>
        <translation>Kỳ báo cáo:</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Plain paper (the border is printed)</source>
        <translation>Giấy trắng (in cả khung viền)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-printed certificate stock</source>
        <translation>Phôi bằng, giấy khen in sẵn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paper:</source>
        <translation>Giấy in:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Default printer</source>
        <translation>Máy in mặc định</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printer:</source>
        <translation>Máy in:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move right (negative: left), in millimetres</source>
        <translation>Dịch sang phải (số âm: sang trái), tính bằng mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down (negative: up), in millimetres</source>
        <translation>Dịch xuống dưới (số âm: lên trên), tính bằng mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X</source>
        <translation>Ngang</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Y</source>
        <translation>Dọc</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shift (mm):</source>
        <translation>Căn chỉnh:</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Cancelled awards</source>
        <translation>Hủy bỏ khen thưởng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster covenants</source>
        <translation>Giao ước thi đua của cụm, khối</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As the office held (default)</source>
        <translation>Theo chức vụ (mặc định)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TM. — on behalf of the collective body</source>
        <translation>TM. — thay mặt tập thể</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KT. — signing for the head</source>
        <translation>KT. — ký thay người đứng đầu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Q. — acting head</source>
        <translation>Q. — quyền người đứng đầu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TL. — by order of the head</source>
        <translation>TL. — thừa lệnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TUQ. — by the head&apos;s authorisation</source>
        <translation>TUQ. — thừa ủy quyền</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No prefix</source>
        <translation>Không ghi</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Documents are laid out as Decree 30/2020 requires (A4, Times New Roman). Preview them, print them or save them as PDF or Word — as a draft, or issued with the next number — and sign issued documents electronically.</source>
        <translation>Văn bản được trình bày theo Nghị định 30/2020 (khổ A4, phông Times New Roman). Xem trước, in hoặc lưu PDF, Word — bản dự thảo hoặc bản ban hành lấy số tiếp theo — và ký số văn bản đã ban hành.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signer, recipients</source>
        <translation>Người ký, nơi nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate stock</source>
        <translation>Phôi bằng, giấy khen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show the pages as they will be printed (Ctrl+P)</source>
        <translation>Xem các trang đúng như khi in (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as Word…</source>
        <translation>Lưu Word…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A .docx file with the same layout, to edit before signing</source>
        <translation>Tệp .docx cùng thể thức, để sửa trước khi trình ký</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign electronically…</source>
        <translation>Ký số…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign the issued document with a certificate file or a signing token</source>
        <translation>Ký số văn bản đã ban hành bằng tệp chứng thư số hoặc thiết bị ký số</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check a signature…</source>
        <translation>Kiểm tra chữ ký số…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check who signed a received PDF, when, and whether it changed</source>
        <translation>Kiểm tra văn bản PDF nhận được: ai ký, ký lúc nào, có bị sửa không</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print all documents…</source>
        <translation>In hàng loạt…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Draft (no number)</source>
        <translation>Dự thảo (không số)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft — no number, marked “DỰ THẢO”</source>
        <translation>Dự thảo — không số, có chữ “DỰ THẢO”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued (numbered)</source>
        <translation>Ban hành (lấy số)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued — numbered from the register</source>
        <translation>Ban hành — lấy số trong sổ đăng ký văn bản</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy:</source>
        <translation>Bản in:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Who signs: one of the unit&apos;s officials (Settings → Signers)</source>
        <translation>Người ký: một trong những người ký của đơn vị (Cài đặt → Người ký)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signer:</source>
        <translation>Người ký:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Authority:</source>
        <translation>Thẩm quyền ký:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Double-click an entry to change it; the list is remembered for the next document of this kind</source>
        <translation>Bấm đúp để sửa một dòng; danh sách được ghi nhớ cho văn bản cùng loại lần sau</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add a recipient</source>
        <translation>Thêm nơi nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the chosen recipient</source>
        <translation>Bỏ nơi nhận đang chọn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move up</source>
        <translation>Chuyển lên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>Chuyển xuống</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recipients:</source>
        <translation>Nơi nhận:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the default recipients</source>
        <translation>Trở về nơi nhận mặc định</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+211"/>
        <source>number, e.g. 05/TTr-UBND</source>
        <translation>số ký hiệu, ví dụ 05/TTr-UBND</translation>
    </message>
    <message>
        <location line="-209"/>
        <location line="+212"/>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <location line="-208"/>
        <source>With submission:</source>
        <translation>Kèm theo tờ trình:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The list is printed “(Kèm theo Tờ trình số … ngày …)”</source>
        <translation>Danh sách in dòng “(Kèm theo Tờ trình số … ngày …)”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This document is signed as its form says (the meeting&apos;s chair and secretary, the head of the unit).</source>
        <translation>Văn bản này được ký theo mẫu (chủ trì và thư ký cuộc họp, thủ trưởng đơn vị).</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Tick what the stock already carries: it is not printed again</source>
        <translation>Đánh dấu phần phôi đã in sẵn: phần đó không in lại</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pre-printed:</source>
        <translation>Đã in sẵn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print a calibration page…</source>
        <translation>In trang căn chỉnh…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crosses at known places, shifted by this printer&apos;s offsets: lay the sheet over the stock and measure</source>
        <translation>Các dấu thập ở vị trí biết trước, đã dịch theo độ lệch của máy in này: đặt tờ in chồng lên phôi rồi đo</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+83"/>
        <source>Reading</source>
        <translation>Đang đọc dữ liệu</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>%1 record(s)</source>
        <translation>%1 hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No record of this kind yet.</source>
        <translation>Chưa có hồ sơ loại này.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Press “Preview” to see this document.</source>
        <translation>Bấm “Xem trước” để xem văn bản này.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>As recorded for the document (default)</source>
        <translation>Theo văn bản (mặc định)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>New recipient</source>
        <translation>Nơi nhận mới</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Recipients</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Issued under number %1; printing the issued copy again keeps this number.</source>
        <translation>Đã ban hành số %1; in lại bản ban hành vẫn giữ số này.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A draft takes no number from the register and is marked “DỰ THẢO” on every page.</source>
        <translation>Bản dự thảo không lấy số trong sổ và có chữ “DỰ THẢO” trên mỗi trang.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printing or saving the issued copy takes the next number of this unit&apos;s register.</source>
        <translation>In hoặc lưu bản ban hành sẽ lấy số tiếp theo trong sổ đăng ký văn bản của đơn vị.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This document has no number of its own; the issued copy is printed without the “DỰ THẢO” mark.</source>
        <translation>Văn bản này không có số riêng; bản ban hành được in không có chữ “DỰ THẢO”.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Calibration page</source>
        <translation>Trang căn chỉnh</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Check the choices</source>
        <translation>Kiểm tra lại lựa chọn</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Saving the document</source>
        <translation>Đang lưu văn bản</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Preparing the preview…</source>
        <translation>Đang chuẩn bị bản xem trước…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preparing the preview</source>
        <translation>Đang chuẩn bị bản xem trước</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 page(s) · issued, number %2</source>
        <translation>%1 trang · đã ban hành, số %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 page(s) · draft, not numbered</source>
        <translation>%1 trang · bản nháp, chưa có số</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Issue the document</source>
        <translation>Phát hành văn bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuing “%1” takes the next number of this unit&apos;s register; a number once taken is not reused. Continue?</source>
        <translation>Phát hành “%1” sẽ lấy số tiếp theo trong sổ đăng ký văn bản của đơn vị; số đã lấy không dùng lại được. Tiếp tục?</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Save as Word</source>
        <translation>Lưu Word</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Word documents (*.docx)</source>
        <translation>Tệp Word (*.docx)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Number: %1</source>
        <translation>Số: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The document was saved to:
%1</source>
        <translation>Văn bản đã được lưu vào:
%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 page(s) sent to the printer.</source>
        <translation>Đã gửi %1 trang tới máy in.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Signed by %1 at %2 (page %3). The signed document was saved to:
%4</source>
        <translation>Đã ký số: %1, lúc %2 (trang %3). Văn bản đã ký được lưu vào:
%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed</source>
        <translation>Đã ký số</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing the document</source>
        <translation>Đang ký số văn bản</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Writing the documents</source>
        <translation>Đang ghi các văn bản</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stopped: %1 of %2 document(s) were written to %3.</source>
        <translation>Đã dừng: đã ghi %1/%2 văn bản vào %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 document(s) were written to %3.</source>
        <translation>Đã ghi %1/%2 văn bản vào %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Print all documents</source>
        <translation>In tất cả văn bản</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sync_view/report.py" line="+48"/>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Older (skipped)</source>
        <translation>Cũ hơn (bỏ qua)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind of record</source>
        <translation>Loại dữ liệu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reasons and remarks</source>
        <translation>Lý do và ghi chú</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Preview only — nothing has been written. Press “Import” to merge these bundles.</source>
        <translation>Xem trước — chưa ghi gì vào dữ liệu. Bấm “Nhập” để hợp nhất các gói này.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Nothing was imported: the data has not changed.</source>
        <translation>Không nhập được gì: dữ liệu không thay đổi.</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Merged</source>
        <translation>Hợp nhất</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Import finished.</source>
        <translation>Đã nhập xong.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 bundle(s) refused (see below).</source>
        <translation>%1 gói bị từ chối (xem bên dưới).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 conflict(s) wait in the “Conflicts” tab.</source>
        <translation>%1 xung đột chờ xử lý ở thẻ “Xung đột”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bundle(s) held until the sender&apos;s key is enrolled.</source>
        <translation>%1 gói được tạm giữ chờ ghi danh khóa của đơn vị gửi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 record(s) refused.</source>
        <translation>%1 bản ghi bị từ chối.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 record(s) wait for a record not received yet; they will be applied when it arrives.</source>
        <translation>%1 bản ghi đang chờ bản ghi liên quan chưa nhận được; sẽ tự được áp dụng khi bản ghi đó tới.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>merged</source>
        <translation>đã hợp nhất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valid, ready to import</source>
        <translation>hợp lệ, sẵn sàng nhập</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already imported before, nothing changes</source>
        <translation>đã nhập trước đây, không thay đổi gì</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused</source>
        <translation>bị từ chối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>held until the sender&apos;s key is enrolled</source>
        <translation>tạm giữ chờ ghi danh khóa của đơn vị gửi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> from %1</source>
        <translation> của %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Refused %1 %2: %3</source>
        <translation>Từ chối %1 %2: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>… and %1 more refused record(s).</source>
        <translation>… và %1 bản ghi khác bị từ chối.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not applied: field %1 of %2 %3: %4</source>
        <translation>Không áp dụng trường %1 của %2 %3: %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting: %1 %2: %3</source>
        <translation>Đang chờ: %1 %2: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conflict on field %1 of %2 %3: the value of the side with authority is in force, the other waits in the “Conflicts” tab.</source>
        <translation>Xung đột ở trường %1 của %2 %3: giá trị của bên có thẩm quyền được dùng, giá trị kia chờ trong thẻ “Xung đột”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Missing changes %1–%2 of unit %3: a bundle has not arrived. Ask that unit to send the missing bundle or a full bundle.</source>
        <translation>Thiếu thay đổi số %1–%2 của đơn vị %3: có gói chưa tới. Hãy đề nghị đơn vị đó gửi gói còn thiếu hoặc gói toàn bộ.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backup made before the import: %1</source>
        <translation>Bản sao lưu trước khi nhập: %1</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/zc_sync.py" line="+18"/>
        <source>Synchronisation</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send and receive bundle files, enrol units, resolve conflicts</source>
        <translation>Gửi, nhận gói dữ liệu; ghi danh đơn vị; xử lý xung đột</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/zc_printing.py" line="+19"/>
        <source>Printing</source>
        <translation>In ấn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview, print and save the official documents</source>
        <translation>Xem trước, in và lưu các văn bản</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/print_view/signing.py" line="+36"/>
        <source>Sign electronically</source>
        <translation>Ký số văn bản</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The chosen document, issued: %1</source>
        <translation>Văn bản đang chọn, bản ban hành: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A PDF file already issued:</source>
        <translation>Một tệp PDF đã ban hành:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>issued PDF file</source>
        <translation>tệp PDF đã ban hành</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+18"/>
        <location line="+8"/>
        <location line="+19"/>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Digital certificate</source>
        <translation>Chứng thư số</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate file (.p12, .pfx)</source>
        <translation>Tệp chứng thư số (.p12, .pfx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing token (USB, PKCS#11)</source>
        <translation>Thiết bị ký số (USB token, PKCS#11)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Certificate file:</source>
        <translation>Tệp chứng thư số:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passphrase:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the token&apos;s PKCS#11 library (.dll, .so)</source>
        <translation>thư viện PKCS#11 của thiết bị (.dll, .so)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token library:</source>
        <translation>Thư viện thiết bị:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Slot:</source>
        <translation>Khe:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PIN:</source>
        <translation>Mã PIN:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>optional: the seal as a PNG image with a transparent background</source>
        <translation>không bắt buộc: ảnh con dấu dạng PNG nền trong suốt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seal image:</source>
        <translation>Ảnh con dấu:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the signed PDF as:</source>
        <translation>Lưu văn bản đã ký vào:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an issued document is signed. The signature, its time and the seal go above the signer&apos;s name (Decree 30/2020, Appendix I). Passphrases and PINs are not kept.</source>
        <translation>Chỉ ký số văn bản đã ban hành. Chữ ký, thời gian ký và con dấu đặt phía trên họ tên người ký (Nghị định 30/2020, Phụ lục I). Mật khẩu và mã PIN không được lưu lại.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Choose the issued PDF</source>
        <translation>Chọn tệp PDF đã ban hành</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+15"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Choose the certificate file</source>
        <translation>Chọn tệp chứng thư số</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Certificate files (*.p12 *.pfx)</source>
        <translation>Tệp chứng thư số (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the token&apos;s library</source>
        <translation>Chọn thư viện của thiết bị ký số</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Libraries (*.dll *.so *.dylib)</source>
        <translation>Thư viện (*.dll *.so *.dylib)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the seal image</source>
        <translation>Chọn ảnh con dấu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images (*.png)</source>
        <translation>Ảnh (*.png)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the signed PDF as</source>
        <translation>Lưu văn bản đã ký</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose the PDF file to sign.</source>
        <translation>Hãy chọn tệp PDF cần ký.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the certificate file (.p12, .pfx).</source>
        <translation>Hãy chọn tệp chứng thư số (.p12, .pfx).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the token&apos;s PKCS#11 library.</source>
        <translation>Hãy chọn thư viện PKCS#11 của thiết bị ký số.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose where to save the signed PDF.</source>
        <translation>Hãy chọn nơi lưu văn bản đã ký.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the signed PDF under another name: the issued file is kept as it is.</source>
        <translation>Hãy lưu văn bản đã ký với tên khác: tệp đã ban hành được giữ nguyên.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sync_view/page.py" line="+32"/>
        <source>Synchronisation</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes travel between this unit and its upper office (or the units under it) in bundle files carried on a USB stick or sent as an attachment. Bundles are signed and encrypted.</source>
        <translation>Dữ liệu thay đổi được trao đổi giữa đơn vị với cơ quan cấp trên (hoặc các đơn vị trực thuộc) bằng tệp gói, chép qua USB hoặc gửi đính kèm thư. Gói được ký số và mã hóa.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Send a bundle</source>
        <translation>Gửi gói</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sync_view/__init__.py" line="+32"/>
        <location filename="../../src/tdkt_desktop/gui/sync_view/page.py" line="+1"/>
        <source>Receive bundles</source>
        <translation>Nhận gói</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sync_view/page.py" line="+4"/>
        <location line="+324"/>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <location line="-323"/>
        <location line="+325"/>
        <source>Held bundles</source>
        <translation>Gói tạm giữ</translation>
    </message>
    <message>
        <location line="-324"/>
        <source>Enrolled units</source>
        <translation>Đơn vị đã ghi danh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import history</source>
        <translation>Lịch sử nhận</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This unit:</source>
        <translation>Đơn vị này:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upper office:</source>
        <translation>Cơ quan cấp trên:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key fingerprint of this unit (read it to the other unit by phone):</source>
        <translation>Dấu vân tay khóa của đơn vị này (đọc cho đơn vị bên kia qua điện thoại):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save enrolment file…</source>
        <translation>Xuất tệp ghi danh…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the file the upper office (or a unit under this one) needs to enrol this unit&apos;s key.</source>
        <translation>Lưu tệp mà cơ quan cấp trên (hoặc đơn vị trực thuộc) cần để ghi danh khóa của đơn vị này.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+175"/>
        <source>Enrol a unit from its file…</source>
        <translation>Ghi danh đơn vị từ tệp…</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Send to:</source>
        <translation>Gửi tới:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Write the bundle file…</source>
        <translation>Xuất gói…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Bundles sent</source>
        <translation>Các gói đã gửi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Written</source>
        <translation>Xuất lúc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To unit</source>
        <translation>Gửi tới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>all data</source>
        <translation>toàn bộ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changes</source>
        <translation>phần thay đổi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records</source>
        <translation>Số bản ghi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by the other unit</source>
        <translation>Bên nhận đã nhập</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not yet confirmed</source>
        <translation>chưa xác nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose bundle files…</source>
        <translation>Chọn tệp gói…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a folder (USB stick)…</source>
        <translation>Chọn thư mục (USB)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No bundle chosen yet.</source>
        <translation>Chưa chọn gói nào.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the bundles and show what importing would do, without writing anything</source>
        <translation>Kiểm tra các gói và cho biết kết quả nếu nhập, chưa ghi gì</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge the bundles into the data (a backup copy is made first)</source>
        <translation>Hợp nhất các gói vào dữ liệu (có sao lưu trước)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing is lost on the way. Records the other unit could not apply are listed here with the reason it gave and what to do; records waiting for another record are sent again with every bundle and applied as soon as that record arrives. Records received here and waiting are listed too.</source>
        <translation>Không bản ghi nào bị mất trên đường đi. Bản ghi mà đơn vị bên kia chưa áp dụng được liệt kê ở đây, kèm lý do và việc cần làm; bản ghi đang chờ một bản ghi khác được gửi lại trong mọi gói và được áp dụng ngay khi bản ghi đó tới. Bản ghi nhận được ở đây đang chờ cũng được liệt kê.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>waiting for a record</source>
        <translation>chờ bản ghi liên quan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>queued as a conflict</source>
        <translation>chờ xem xét (xung đột)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where</source>
        <translation>Ở đâu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind of record</source>
        <translation>Loại dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What to do</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every record sent and received has been applied.</source>
        <translation>Mọi bản ghi đã gửi và đã nhận đều đã được áp dụng.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sent to %1</source>
        <translation>Gửi cho %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>Received from %1</source>
        <translation>Nhận từ %1</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>waits for %1 %2</source>
        <translation>chờ %1 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>These bundles are signed with a key this installation does not trust yet (a unit not enrolled, or a new key after a reinstall). Enrol the unit&apos;s key — comparing the fingerprint — and import them again.</source>
        <translation>Các gói này được ký bằng khóa chưa được tin cậy (đơn vị chưa ghi danh, hoặc khóa mới sau khi cài lại). Hãy ghi danh khóa của đơn vị — có đối chiếu dấu vân tay — rồi nhập lại.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From unit</source>
        <translation>Từ đơn vị</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Key fingerprint</source>
        <translation>Dấu vân tay khóa</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Received</source>
        <translation>Nhận lúc</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+37"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import the held bundles again</source>
        <translation>Nhập lại các gói tạm giữ</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>trusted</source>
        <translation>tin cậy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not confirmed</source>
        <translation>chưa xác nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>old key (replaced)</source>
        <translation>khóa cũ (đã thay)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enrolled</source>
        <translation>Ghi danh lúc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>Cập nhật lúc</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Imported</source>
        <translation>Nhập lúc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>Người nhập</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundles</source>
        <translation>Số gói</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reading</source>
        <translation>Đang đọc dữ liệu</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(unit not set)</source>
        <translation>(chưa khai báo đơn vị)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>key not enrolled yet</source>
        <translation>chưa ghi danh khóa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(none: this is the top level)</source>
        <translation>(không có: đây là cấp cao nhất)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Upper office: %1</source>
        <translation>Cấp trên: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unit under this one: %1</source>
        <translation>Đơn vị trực thuộc: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Conflicts (%1)</source>
        <translation>Xung đột (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held bundles (%1)</source>
        <translation>Gói tạm giữ (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>updated</source>
        <translation>cập nhật</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conflicts</source>
        <translation>xung đột</translation>
    </message>
    <message>
        <location line="-197"/>
        <location line="+197"/>
        <source>refused</source>
        <translation>bị từ chối</translation>
    </message>
    <message>
        <location line="-336"/>
        <location line="+323"/>
        <source>Not applied yet</source>
        <translation>Chưa được áp dụng</translation>
    </message>
    <message>
        <location line="-265"/>
        <source>Send all data, not only the changes</source>
        <translation>Gửi toàn bộ dữ liệu, không chỉ phần thay đổi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the receiving unit has reinstalled the program or lost bundles</source>
        <translation>Khi đơn vị nhận vừa cài lại phần mềm hoặc bị mất gói</translation>
    </message>
    <message>
        <location line="+263"/>
        <source>Not applied yet (%1)</source>
        <translation>Chưa được áp dụng (%1)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 bundle(s) refused</source>
        <translation>%1 gói bị từ chối</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+125"/>
        <source>no change</source>
        <translation>không thay đổi</translation>
    </message>
    <message>
        <location line="-103"/>
        <location line="+11"/>
        <source>Save enrolment file</source>
        <translation>Xuất tệp ghi danh</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Enrolment files (*%1);;All files (*)</source>
        <translation>Tệp ghi danh (*%1);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enrolment file saved</source>
        <translation>Đã xuất tệp ghi danh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file was saved to:
%1

Give it to the other unit. When they enrol it, read them this fingerprint by phone:
%2</source>
        <translation>Tệp đã được lưu vào:
%1

Hãy chuyển tệp cho đơn vị bên kia. Khi họ ghi danh, đọc cho họ dấu vân tay này qua điện thoại:
%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+10"/>
        <source>Open an enrolment file</source>
        <translation>Mở tệp ghi danh</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Enrolment files (*%1 *.json);;All files (*)</source>
        <translation>Tệp ghi danh (*%1 *.json);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+10"/>
        <source>Enrol a unit</source>
        <translation>Ghi danh đơn vị</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The bundles held for this key were imported again; see the report.</source>
        <translation>Các gói tạm giữ của khóa này đã được nhập lại; xem báo cáo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no upper office or unit under this one to send to. Check the unit list (Units).</source>
        <translation>Không có cơ quan cấp trên hay đơn vị trực thuộc nào để gửi. Hãy kiểm tra danh mục đơn vị (mục Đơn vị).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bundle is signed by this unit and encrypted so that only %1 can read it.</source>
        <translation>Gói được đơn vị này ký số và mã hóa để chỉ %1 đọc được.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key of %1 is not enrolled yet: ask them for their enrolment file, enrol it (comparing the fingerprint by phone), then write the bundle.</source>
        <translation>Chưa ghi danh khóa của %1: hãy xin tệp ghi danh của họ, ghi danh (đối chiếu dấu vân tay qua điện thoại), rồi xuất gói.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Write the bundle file</source>
        <translation>Xuất gói</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle files (*%1);;All files (*)</source>
        <translation>Tệp gói (*%1);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Writing the bundle</source>
        <translation>Đang xuất gói</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bundle written for %1: %2 record(s) (%3).
File: %4
Carry it to the receiving unit on a USB stick or send it as an attachment.</source>
        <translation>Đã xuất gói gửi %1: %2 bản ghi (%3).
Tệp: %4
Hãy chép vào USB hoặc gửi đính kèm thư cho đơn vị nhận.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose bundle files</source>
        <translation>Chọn tệp gói</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle files (*%1 *.zip);;All files (*)</source>
        <translation>Tệp gói (*%1 *.zip);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the folder with the bundles</source>
        <translation>Chọn thư mục chứa các gói</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Folder %1: %2 bundle file(s).</source>
        <translation>Thư mục %1: %2 tệp gói.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Checking the bundles</source>
        <translation>Đang kiểm tra các gói</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Importing the bundles</source>
        <translation>Đang nhập các gói</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot import</source>
        <translation>Không nhập được</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Importing the held bundles</source>
        <translation>Đang nhập các gói tạm giữ</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Resolving the conflict</source>
        <translation>Đang xử lý xung đột</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/print_view/signing.py" line="+54"/>
        <source>Check a signed document</source>
        <translation>Kiểm tra văn bản đã ký số</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the signed PDF received</source>
        <translation>tệp PDF đã ký số nhận được</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed PDF:</source>
        <translation>Văn bản đã ký:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>optional: the certificate authority to trust (.pem, .cer)</source>
        <translation>không bắt buộc: chứng thư của tổ chức chứng thực tin cậy (.pem, .cer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted authority:</source>
        <translation>Tổ chức chứng thực:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose the signed PDF, then press “Check”: each signature is listed with its signer, the signing time and whether the document changed after it was signed.</source>
        <translation>Chọn văn bản PDF đã ký số rồi bấm “Kiểm tra”: mỗi chữ ký được liệt kê với người ký, thời gian ký và văn bản có bị thay đổi sau khi ký hay không.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the signed PDF</source>
        <translation>Chọn văn bản đã ký số</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the certificate authority</source>
        <translation>Chọn chứng thư của tổ chức chứng thực</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificates (*.pem *.cer *.crt *.der)</source>
        <translation>Chứng thư số (*.pem *.cer *.crt *.der)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the signed PDF to check.</source>
        <translation>Hãy chọn văn bản đã ký số cần kiểm tra.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking the signature</source>
        <translation>Đang kiểm tra chữ ký số</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Valid: signed by %1 at %2; the document has not changed since it was signed.</source>
        <translation>Hợp lệ: ký bởi %1 lúc %2; văn bản không bị thay đổi sau khi ký.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(%1 signatures, all valid)</source>
        <translation>(%1 chữ ký, đều hợp lệ)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not valid: the file has no electronic signature.</source>
        <translation>Không hợp lệ: tệp không có chữ ký số.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not valid: the document was CHANGED after it was signed.</source>
        <translation>Không hợp lệ: văn bản ĐÃ BỊ THAY ĐỔI sau khi ký.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not valid: the signature does not match its certificate or the trusted authority.</source>
        <translation>Không hợp lệ: chữ ký không khớp chứng thư số hoặc không thuộc tổ chức chứng thực tin cậy.</translation>
    </message>
</context>
</TS>
