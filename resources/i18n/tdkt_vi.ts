<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>App</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/app.py" line="+42"/>
        <source>Cannot do this</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Cannot open the data</source>
        <translation>Không mở được dữ liệu</translation>
    </message>
</context>
<context>
    <name>AwardsSection</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/basic_lists.py" line="+54"/>
        <source>Awards</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nominations, the council&apos;s meetings and votes, and the award decisions.</source>
        <translation>Đề nghị khen thưởng, các phiên họp và bỏ phiếu của Hội đồng, và quyết định khen thưởng.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add nomination</source>
        <translation>Thêm đề nghị</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add meeting</source>
        <translation>Thêm phiên họp</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add decision</source>
        <translation>Thêm quyết định</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nominations</source>
        <translation>Đề nghị</translation>
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
    <name>AwardsView</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/awards_view.py" line="+209"/>
        <source>Commendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nominations</source>
        <translation>Đề nghị</translation>
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
    <name>CampaignEditor</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/campaign_editor.py" line="+172"/>
        <source>Campaign</source>
        <translation>Phong trào</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the launch document (Chỉ thị, Kế hoạch) and its targets. “Paste directive…” reads a whole document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paste directive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Launch document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Campaign and timetable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>General</source>
        <translation type="unfinished">Chung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One item per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Content, movements, awards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add target</source>
        <translation>Thêm chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste targets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste the target list (or a whole directive); check the proposal before adding it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A range needs two values (low – high); a count may have an “of which” number. Numbers as you write them: 7,5 or 43.000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Targets</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Targets (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+115"/>
        <source>End: %1 is before the start %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Final review: %1 is before the mid-term review %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Year: %1 is far from the document date %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignsSection</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/basic_lists.py" line="-62"/>
        <source>Emulation campaigns</source>
        <translation>Phong trào thi đua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaigns launched by a directive or plan (CT, KH): their document, window and review dates.</source>
        <translation>Các phong trào được phát động bằng chỉ thị, kế hoạch (CT, KH): văn bản, thời gian thực hiện, sơ kết và tổng kết.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add campaign</source>
        <translation>Thêm phong trào</translation>
    </message>
</context>
<context>
    <name>CampaignsView</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/campaigns_view.py" line="+25"/>
        <source>Emulation campaigns</source>
        <translation>Phong trào thi đua</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a new campaign or paste a directive (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>All years</source>
        <translation>Tất cả các năm</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Delete campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the campaign “%1” and its targets?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Deleted “%1”.</source>
        <translation>Đã xoá “%1”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleting</source>
        <translation>Đang xoá</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restoring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sync_view/conflicts.py" line="+65"/>
        <source>The same record was changed here and at another unit. One version was applied by the fixed rule so that every unit holds the same; the other was kept here. Compare them and choose which one stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kind of record</source>
        <translation>Loại dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Show only the fields that differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version held here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keep the version held here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the received version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No conflict waits for a decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the received version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the version held here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In force now: &lt;b&gt;%1&lt;/b&gt;. Changed fields are highlighted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/inputs.py" line="+85"/>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/awards_view.py" line="-62"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Total money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Awardees of the chosen decision</source>
        <translation type="unfinished"></translation>
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
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location line="+24"/>
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
    <name>EditorDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/common.py" line="+233"/>
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
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close without saving (Esc)</source>
        <translation>Đóng, không lưu (Esc)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Saving</source>
        <translation>Đang lưu</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>You have changes that are not saved. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sync_view/enrol.py" line="+19"/>
        <source>Enrol a unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Upper office of this unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit directly under this unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unit code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Key fingerprint in this file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Telephone a staff member of this unit (or look at the paper copy they signed) and read the five groups together. Confirm only if all 20 characters are the same. A file can be copied or altered on the way; this comparison is what makes the exchange safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This unit is already enrolled with a DIFFERENT key: %1. Replace it only if the unit has reinstalled the program and you have checked the new fingerprint with them directly. After the replacement, bundles signed with the old key are no longer accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I have compared it and replace the old key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This unit is already enrolled with exactly this key. Nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>I have compared it, trust it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Replace the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/background.py" line="+158"/>
        <location line="+40"/>
        <source>Cannot do this</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Working…</source>
        <translation>Đang xử lý…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/main_window.py" line="+44"/>
        <source>TĐKT Desktop — Emulation and commendation work</source>
        <translation>TĐKT Desktop — Thi đua, khen thưởng</translation>
    </message>
    <message>
        <location line="+81"/>
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
        <source>Last backup: %1</source>
        <translation>Sao lưu gần nhất: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No backup yet</source>
        <translation>Chưa sao lưu lần nào</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changes not yet sent up: %1</source>
        <translation>Thay đổi chưa gửi lên cấp trên: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything sent up</source>
        <translation>Đã gửi hết lên cấp trên</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/models.py" line="+142"/>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
</context>
<context>
    <name>NominationEditor</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/nomination_editor.py" line="+113"/>
        <source>Nomination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New nomination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Type a few letters of the name, no tones needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add this nominee to the registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Eligibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Awards already received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title or form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Not in the registry yet: choose from the list or press “New…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Choose a title to see its dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 required documents missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dossier complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Choose a title or form to check the criteria.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose the nominee from the registry to check the criteria.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meets the criteria.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meets the criteria that can be checked; some need a person&apos;s judgement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Does not meet %1 criteria yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Council vote needed: at least %1 % of ALL council members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nominee: “%1” is not in the registry. Choose a name from the list, or press “New…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nominee: not entered. Type a few letters of the name and choose from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title or form: not chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Period: %1 is not in the year %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason: say why the nomination was returned or refused.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NominationsTab</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/awards_view.py" line="-146"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New nomination…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 nominations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All years</source>
        <translation>Tất cả các năm</translation>
    </message>
</context>
<context>
    <name>NumberInput</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/inputs.py" line="+15"/>
        <source>e.g. 7,5</source>
        <translation>ví dụ 7,5</translation>
    </message>
</context>
<context>
    <name>NumbersPage</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/wizard.py" line="+216"/>
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
        <location line="-55"/>
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
        <location line="+53"/>
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
    <name>OverviewSection</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/basic_overview.py" line="+33"/>
        <source>campaigns</source>
        <translation>phong trào thi đua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>targets</source>
        <translation>chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>registrations</source>
        <translation>lượt đăng ký thi đua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nominations</source>
        <translation>đề nghị khen thưởng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>award decisions</source>
        <translation>quyết định khen thưởng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>individuals</source>
        <translation>cá nhân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>collectives</source>
        <translation>tập thể</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>households</source>
        <translation>hộ gia đình</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What is recorded in this unit, and what is due next.</source>
        <translation>Những gì đơn vị đã ghi nhận, và các mốc thời gian sắp tới.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Coming dates</source>
        <translation>Mốc thời gian sắp tới</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Campaign</source>
        <translation>Phong trào</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n nomination(s) still being drafted.</source>
        <translation>
            <numerusform>%n đề nghị khen thưởng đang soạn.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registration deadline</source>
        <translation>Hạn đăng ký thi đua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mid-year review</source>
        <translation>Sơ kết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossiers due</source>
        <translation>Hạn gửi hồ sơ khen thưởng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year-end review</source>
        <translation>Tổng kết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign ends</source>
        <translation>Kết thúc phong trào</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No dates ahead.</source>
        <translation>Không có mốc thời gian nào sắp tới.</translation>
    </message>
</context>
<context>
    <name>PasteTargetsDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/campaign_editor.py" line="-366"/>
        <source>Paste targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paste the list of targets, or the whole directive: the target paragraph is found in it. Check each row below: yellow rows need a look, red rows were not understood. Correct a cell by typing in it; untick a row to leave it out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Paste here (Ctrl+V)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read the targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Leave out row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add the ticked targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No target found yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 targets read, %2 ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target paragraph found in the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 to check (yellow).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 not understood (red).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add %1 targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No row is ticked. Tick the rows to add, or press Cancel.</source>
        <translation type="unfinished"></translation>
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
    <name>PrintingSection</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/basic_printing.py" line="+14"/>
        <source>Submission (Tờ trình) with the attached list</source>
        <translation>Tờ trình đề nghị khen thưởng kèm danh sách</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Awards → Nominations</source>
        <translation>Khen thưởng → Đề nghị</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Achievement report of an individual or a collective</source>
        <translation>Báo cáo thành tích của cá nhân, tập thể</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minutes of the council meeting with the vote</source>
        <translation>Biên bản họp Hội đồng Thi đua – Khen thưởng, kết quả bỏ phiếu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awards → Council meetings</source>
        <translation>Khen thưởng → Hội đồng xét</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Award decision with its list, and certificates</source>
        <translation>Quyết định khen thưởng kèm danh sách, giấy khen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awards → Decisions</source>
        <translation>Khen thưởng → Quyết định</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration for emulation titles</source>
        <translation>Bản đăng ký thi đua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration &amp; participation</source>
        <translation>Đăng ký &amp; tham gia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report on targets, mid-year and year-end reviews</source>
        <translation>Báo cáo kết quả thực hiện chỉ tiêu, sơ kết, tổng kết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets &amp; results</source>
        <translation>Chỉ tiêu &amp; kết quả</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Printing</source>
        <translation>In ấn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents follow the layout of Decree 30/2020 (A4, Times New Roman). Each is printed from the screen that holds its data:</source>
        <translation>Văn bản được trình bày theo Nghị định 30/2020/NĐ-CP (khổ A4, phông Times New Roman). Mỗi văn bản được in từ màn hình chứa dữ liệu của nó:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where to print it</source>
        <translation>In từ đâu</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n document template(s) installed.</source>
        <translation>
            <numerusform>Đã cài %n mẫu văn bản.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/i18n.py" line="+61"/>
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
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location line="-19"/>
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
        <translation>Xoá</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="-33"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
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
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <location line="+30"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
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
        <translation>Xoá</translation>
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
        <translation>Huỷ</translation>
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
        <location filename="../../src/tdkt_desktop/gui/editor.py" line="+68"/>
        <source>This record no longer exists (it may have been deleted).</source>
        <translation>Bản ghi này không còn (có thể đã bị xoá).</translation>
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
        <location line="+27"/>
        <source>Fields marked * are required. Dates as dd/mm/yyyy, decimals with a comma (7,5).</source>
        <translation>Trường có dấu * là bắt buộc. Ngày nhập dạng ngày/tháng/năm, số thập phân dùng dấu phẩy (7,5).</translation>
    </message>
    <message>
        <location line="+42"/>
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
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without saving (Esc)</source>
        <translation>Đóng, không lưu (Esc)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Collective, person or household</source>
        <translation>Tập thể, cá nhân hoặc hộ</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>%1: choose one of the suggestions (type a few letters).</source>
        <translation>%1: hãy chọn một mục trong danh sách gợi ý (gõ vài chữ cái).</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Saving</source>
        <translation>Đang lưu</translation>
    </message>
    <message>
        <location line="+32"/>
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
        <location line="+138"/>
        <source>Delete</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>Delete the selected record (Delete); it can be undone</source>
        <translation>Xoá bản ghi đang chọn (Delete); có thể hoàn tác</translation>
    </message>
    <message numerus="yes">
        <location line="+86"/>
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
        <location line="+46"/>
        <source>Delete %1 “%2”?
You can undo this right after.</source>
        <translation>Xoá %1 “%2”?
Bạn có thể hoàn tác ngay sau đó.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deleted “%1”.</source>
        <translation>Đã xoá “%1”.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deleting</source>
        <translation>Đang xoá</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undoing the delete</source>
        <translation>Đang hoàn tác việc xoá</translation>
    </message>
</context>
<context>
    <name>RefInput</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/inputs.py" line="+121"/>
        <source>Type a few letters, no tones needed</source>
        <translation>Gõ vài chữ cái, không cần dấu</translation>
    </message>
</context>
<context>
    <name>RegistrationsSection</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/registrations.py" line="+32"/>
        <source>Registrations and participation</source>
        <translation>Đăng ký thi đua và tham gia phong trào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the start of the year collectives and individuals register the titles they aim for; each period, units report how many took part in each campaign.</source>
        <translation>Đầu năm, tập thể và cá nhân đăng ký danh hiệu thi đua; mỗi kỳ, đơn vị báo cáo số lượng tham gia từng phong trào.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Register</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <location line="+5"/>
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
    <name>RegistryRecordDialog</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/nomination_editor.py" line="-519"/>
        <source>New in the registry: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sync_view/report.py" line="+45"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Older (skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind of record</source>
        <translation>Loại dữ liệu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reasons and remarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Preview only — nothing has been written. Press “Import” to merge these bundles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was imported: the data has not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 bundle(s) refused (see below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 conflict(s) wait in the “Conflicts” tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bundle(s) held until the sender&apos;s key is enrolled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 record(s) refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valid, ready to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already imported before, nothing changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>held until the sender&apos;s key is enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source> from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Refused %1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>… and %1 more refused record(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the incoming version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the version held here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict on %1 %2: %3 is in force for now, the other waits for your choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Missing changes %1–%2 of unit %3: a bundle has not arrived. Ask that unit to send the missing bundle or a full bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backup made before the import: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/results_view.py" line="+349"/>
        <source>Targets and results</source>
        <translation>Chỉ tiêu và kết quả thực hiện</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the results and participation of this period (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Campaign</source>
        <translation>Phong trào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Participation in the campaign this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Results</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The results you typed are not saved. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 rows with errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This campaign has no targets, or no campaign is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Row %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Nothing to save: no result was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/widgets.py" line="+18"/>
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
        <location filename="../../src/tdkt_desktop/gui/sections/basic_lists.py" line="+58"/>
        <source>Emulation campaigns</source>
        <translation>Phong trào thi đua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets &amp; results</source>
        <translation>Chỉ tiêu &amp; kết quả</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Awards</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nominations, council meetings, decisions</source>
        <translation>Đề nghị, hội đồng xét, quyết định</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/basic_overview.py" line="+3"/>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/basic_printing.py" line="+5"/>
        <source>Printing</source>
        <translation>In ấn</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/basic_sync.py" line="+85"/>
        <location filename="../../src/tdkt_desktop/gui/sections/zc_sync.py" line="+12"/>
        <source>Synchronisation</source>
        <translation>Đồng bộ</translation>
    </message>
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
        <location filename="../../src/tdkt_desktop/gui/sections/settings.py" line="+151"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/units.py" line="+146"/>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/zc_sync.py" line="+1"/>
        <source>Send and receive bundle files, enrol units, resolve conflicts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/awards_view.py" line="+30"/>
        <source>Meetings of the emulation and commendation council, with the votes for each nomination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New meeting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsSection</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/settings.py" line="-98"/>
        <location line="+71"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location line="-65"/>
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
        <location line="+5"/>
        <source>A backup is a full copy of the data. One is made before every upgrade; make one yourself before big changes and keep copies on a USB stick.</source>
        <translation>Bản sao lưu là bản sao đầy đủ của dữ liệu. Phần mềm tự sao lưu trước mỗi lần nâng cấp; hãy tự sao lưu trước những thay đổi lớn và giữ một bản trên USB.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the backup folder</source>
        <translation>Mở thư mục sao lưu</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+7"/>
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
        <location line="+18"/>
        <source>No backup yet.</source>
        <translation>Chưa có bản sao lưu nào.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please type the operator&apos;s name.</source>
        <translation>Hãy nhập tên người sử dụng.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saving settings</source>
        <translation>Đang lưu cài đặt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The backup was saved as:
%1</source>
        <translation>Đã lưu bản sao lưu:
%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backing up</source>
        <translation>Đang sao lưu</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/wizard.py" line="+12"/>
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
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Cannot save the setup</source>
        <translation>Không lưu được thiết lập</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving the setup</source>
        <translation>Đang lưu thiết lập</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Send a bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+283"/>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-282"/>
        <location line="+284"/>
        <source>Held bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-283"/>
        <source>Enrolled units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This unit:</source>
        <translation>Đơn vị này:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upper office:</source>
        <translation>Cơ quan cấp trên:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet sent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key fingerprint of this unit (read it to the other unit by phone):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save enrolment file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the file the upper office (or a unit under this one) needs to enrol this unit&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+137"/>
        <source>Enrol a unit from its file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-120"/>
        <source>Send to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send all data, not only the changes (when the receiving unit has reinstalled the program or lost bundles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Write the bundle file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Bundles sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>all data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by the other unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not yet confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose bundle files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a folder (USB stick)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No bundle chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the bundles and show what importing would do, without writing anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge the bundles into the data (a backup copy is made first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>These bundles are signed with a key this installation does not trust yet (a unit not enrolled, or a new key after a reinstall). Enrol the unit&apos;s key — comparing the fingerprint — and import them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>Key fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import the held bundles again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>old key (replaced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(unit not set)</source>
        <translation>(chưa khai báo đơn vị)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>key not enrolled yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(none: this is the top level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 change(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Upper office: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unit under this one: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Conflicts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held bundles (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 bundle(s) refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+126"/>
        <source>no change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-104"/>
        <location line="+11"/>
        <source>Save enrolment file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Enrolment files (*%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enrolment file saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file was saved to:
%1

Give it to the other unit. When they enrol it, read them this fingerprint by phone:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+10"/>
        <source>Open an enrolment file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Enrolment files (*%1 *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+11"/>
        <source>Enrol a unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The bundles held for this key were imported again; see the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is no upper office or unit under this one to send to. Check the unit list (Units).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bundle is signed by this unit and encrypted so that only %1 can read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key of %1 is not enrolled yet: ask them for their enrolment file, enrol it (comparing the fingerprint by phone), then write the bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Write the bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle files (*%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Writing the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bundle written for %1: %2 record(s) (%3).
File: %4
Carry it to the receiving unit on a USB stick or send it as an attachment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose bundle files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle files (*%1 *.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the folder with the bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Folder %1: %2 bundle file(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Checking the bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Importing the bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Importing the held bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Resolving the conflict</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncSection</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/basic_sync.py" line="-47"/>
        <source>Synchronisation</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes travel to the upper office in a bundle file (USB stick or e-mail attachment); campaigns, targets and decisions come back the same way.</source>
        <translation>Các thay đổi được gửi lên cấp trên trong một tệp đồng bộ (qua USB hoặc đính kèm thư điện tử); phong trào, chỉ tiêu và quyết định được gửi xuống theo cách tương tự.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This unit:</source>
        <translation>Đơn vị này:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upper office:</source>
        <translation>Cơ quan cấp trên:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installation code:</source>
        <translation>Mã bản cài đặt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last bundle sent:</source>
        <translation>Lần gửi gần nhất:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last bundle received:</source>
        <translation>Lần nhận gần nhất:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes not yet sent up</source>
        <translation>Thay đổi chưa gửi lên cấp trên</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kind of record</source>
        <translation>Loại dữ liệu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changes</source>
        <translation>Số thay đổi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>never</source>
        <translation>chưa lần nào</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not set)</source>
        <translation>(chưa khai báo)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Everything has been sent.</source>
        <translation>Đã gửi hết.</translation>
    </message>
</context>
<context>
    <name>TargetsSection</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/basic_lists.py" line="-54"/>
        <source>Targets and results</source>
        <translation>Chỉ tiêu và kết quả thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The targets of each campaign and the results units report every six months and every year.</source>
        <translation>Chỉ tiêu của từng phong trào và kết quả các đơn vị báo cáo 6 tháng, hằng năm.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add target</source>
        <translation>Thêm chỉ tiêu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add result</source>
        <translation>Thêm kết quả</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Targets</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results</source>
        <translation>Kết quả</translation>
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
        <translation>Khôi phục bản ghi vừa xoá (Ctrl+Z)</translation>
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
        <location filename="../../src/tdkt_desktop/gui/wizard.py" line="-273"/>
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
        <location filename="../../src/tdkt_desktop/gui/sections/units.py" line="-119"/>
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
        <location line="+92"/>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <location line="-86"/>
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
        <location line="+83"/>
        <source>This is the unit of this installation; it cannot be deleted.</source>
        <translation>Đây là đơn vị của bản cài đặt này; không thể xoá.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the unit “%1”?
You can undo this right after.</source>
        <translation>Xoá đơn vị “%1”?
Bạn có thể hoàn tác ngay sau đó.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deleted “%1”.</source>
        <translation>Đã xoá “%1”.</translation>
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
<context>
    <name>VoteSessionEditor</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/workflow/vote_editor.py" line="+188"/>
        <source>Council meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New council meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The share is counted on the TOTAL number of council members (NĐ 98/2023, Điều 30), not on those present; members absent give written opinions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add all needing a vote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nomination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Total council members: must be more than 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members present (%1) cannot be more than the total members (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Present (%1) plus written opinions (%2) cannot be more than the total members (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Row %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Row %1 (%2): the votes for are not entered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sync_view/__init__.py" line="+31"/>
        <source>Receive bundles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <location filename="../../src/tdkt_desktop/gui/sections/registrations.py" line="-43"/>
        <source>All years</source>
        <translation>Tất cả các năm</translation>
    </message>
</context>
</TS>
