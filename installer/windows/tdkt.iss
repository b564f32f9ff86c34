; TĐKT Desktop — Windows installer (Inno Setup 6.3 or newer).
;
; Per-user installation: no administrator rights, no network. The program goes to
; %LOCALAPPDATA%\Programs\TDKT Desktop; the user's data stays in %LOCALAPPDATA%\TDKT Desktop (database,
; backups\) and is NEVER touched by installing, upgrading or uninstalling.
;
; Build (see build_windows.ps1, which runs all of this):
;   iscc /DAppVersion=0.1.0 [/DAppDir=..\..\dist\tdkt-desktop] [/DVietnameseIsl=C:\...\Vietnamese.isl] tdkt.iss
; Output: dist\tdkt-desktop-<version>-windows-x64-setup.exe
;
; This file is UTF-8 with a byte order mark (Inno Setup reads it as Unicode); keep it so.

#define AppName "TĐKT Desktop"
#define AppFolder "TDKT Desktop"
#define AppExe "tdkt-desktop.exe"
#define CliExe "tdkt.exe"
#define BundleExt ".tdktgoi"
#define BundleProgId "TDKTDesktop.Bundle"
#define KeyExt ".tdktkhoa"
#define KeyProgId "TDKTDesktop.KeyFile"
#define Root AddBackslash(SourcePath) + "..\.."

#ifndef AppDir
  #define AppDir Root + "\dist\tdkt-desktop"
#endif
#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(AppDir + "\" + AppExe)
#endif

; Vietnamese wizard texts: the unofficial Vietnamese.isl of Inno Setup (given with /DVietnameseIsl=…, or found in
; the compiler's Languages\Unofficial or Languages folder); without it, vi-fallback.isl beside this script.
#ifndef VietnameseIsl
  #if FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\Vietnamese.isl")
    #define VietnameseIsl "compiler:Languages\Unofficial\Vietnamese.isl"
  #elif FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
    #define VietnameseIsl "compiler:Languages\Vietnamese.isl"
  #endif
#endif

[Setup]
AppId={{6E0B7C54-3F2A-4D8E-9B61-7A5C2D94E1F3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoDescription={#AppName} — cài đặt
VersionInfoProductName={#AppName}
; Per user, never elevated (no PrivilegesRequiredOverridesAllowed: the "install for all users" choice is not offered).
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppFolder}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
SetupIconFile={#Root}\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
ShowLanguageDialog=no
Compression=lzma2/max
SolidCompression=yes
OutputDir={#Root}\dist
OutputBaseFilename=tdkt-desktop-{#AppVersion}-windows-x64-setup

[Languages]
#ifdef VietnameseIsl
Name: "vi"; MessagesFile: "compiler:Default.isl,{#VietnameseIsl}"
#else
Name: "vi"; MessagesFile: "compiler:Default.isl,vi-fallback.isl"
#endif

[Messages]
; Shown whatever the language file: the data is kept.
vi.WelcomeLabel2=Chương trình sẽ cài [name/ver] cho riêng tài khoản của bạn, không cần quyền quản trị và không cần mạng.%n%nNếu máy đã có phiên bản cũ, phiên bản mới sẽ thay thế chương trình; dữ liệu (cơ sở dữ liệu, bản sao lưu) được giữ nguyên và tự nâng cấp khi mở phần mềm.
vi.ConfirmUninstall=Bạn có chắc muốn gỡ %1 khỏi máy?%n%nDữ liệu của bạn (cơ sở dữ liệu và các bản sao lưu trong thư mục AppData\Local\TDKT Desktop) sẽ KHÔNG bị xoá.
vi.UninstalledAll=Đã gỡ %1 khỏi máy tính.%n%nDữ liệu của bạn vẫn được giữ nguyên trong thư mục AppData\Local\TDKT Desktop; cài lại phần mềm là dùng tiếp được.
vi.UninstalledMost=Đã gỡ %1 khỏi máy tính.%n%nMột số tệp không xoá được, có thể xoá bằng tay. Dữ liệu của bạn trong AppData\Local\TDKT Desktop vẫn được giữ nguyên.

[CustomMessages]
vi.AppComment=Quản lý thi đua, khen thưởng (không cần mạng)
vi.AssocGroup=Tệp gói đồng bộ:
vi.AssocTask=Mở tệp gói đồng bộ (*{#BundleExt}) và tệp ghi danh khóa (*{#KeyExt}) bằng {#AppName}
vi.BundleFileType=Gói đồng bộ TĐKT Desktop
vi.KeyFileType=Tệp ghi danh khóa TĐKT Desktop
vi.UninstallShortcut=Gỡ cài đặt {#AppName}
vi.CommandLineShortcut={#AppName} — dòng lệnh
vi.DataFolderNotAllowed=Thư mục này là nơi lưu DỮ LIỆU của {#AppName}, không dùng để cài chương trình.%n%nHãy chọn thư mục khác (mặc định: AppData\Local\Programs\TDKT Desktop).

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "fileassoc"; Description: "{cm:AssocTask}"; GroupDescription: "{cm:AssocGroup}"

[InstallDelete]
; The previous version's program files only (a one-folder build changes its file list between versions).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#AppDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Comment: "{cm:AppComment}"
Name: "{group}\{cm:UninstallShortcut}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; The bundle file type, for this user only (HKCU\Software\Classes): double-click opens it in the application,
; which is started as  tdkt-desktop.exe "<file>"  and shows the import screen of the Đồng bộ section.
Root: HKCU; Subkey: "Software\Classes\{#BundleExt}"; ValueType: string; ValueName: ""; ValueData: "{#BundleProgId}"; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKCU; Subkey: "Software\Classes\{#BundleExt}\OpenWithProgids"; ValueType: string; ValueName: "{#BundleProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKCU; Subkey: "Software\Classes\{#BundleProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:BundleFileType}"; Flags: uninsdeletekey; Tasks: fileassoc
Root: HKCU; Subkey: "Software\Classes\{#BundleProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: fileassoc
Root: HKCU; Subkey: "Software\Classes\{#BundleProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: fileassoc
; The key enrolment file: double-click opens the application on its enrolment (fingerprint check).
Root: HKCU; Subkey: "Software\Classes\{#KeyExt}"; ValueType: string; ValueName: ""; ValueData: "{#KeyProgId}"; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKCU; Subkey: "Software\Classes\{#KeyExt}\OpenWithProgids"; ValueType: string; ValueName: "{#KeyProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKCU; Subkey: "Software\Classes\{#KeyProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:KeyFileType}"; Flags: uninsdeletekey; Tasks: fileassoc
Root: HKCU; Subkey: "Software\Classes\{#KeyProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: fileassoc
Root: HKCU; Subkey: "Software\Classes\{#KeyProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: fileassoc
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#BundleExt}"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#KeyExt}"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for data: uninstalling removes the installed program files and shortcuts only.
; %LOCALAPPDATA%\TDKT Desktop (database, backups\), %APPDATA% and the error log folder are left untouched.

[Code]
// The program folder must never be the data folder (or inside it): refuse it on the folder page.
function IsDataFolder(Dir: String): Boolean;
var
  D, LocalDir, RoamingDir: String;
begin
  D := Lowercase(AddBackslash(Dir));
  LocalDir := Lowercase(AddBackslash(ExpandConstant('{localappdata}\{#AppFolder}')));
  RoamingDir := Lowercase(AddBackslash(ExpandConstant('{userappdata}\{#AppFolder}')));
  Result := (Pos(LocalDir, D) = 1) or (Pos(RoamingDir, D) = 1);
end;

function NextButtonClick(CurPageID: Integer): Boolean;
begin
  Result := True;
  if (CurPageID = wpSelectDir) and IsDataFolder(WizardDirValue) then
  begin
    MsgBox(CustomMessage('DataFolderNotAllowed'), mbError, MB_OK);
    Result := False;
  end;
end;
