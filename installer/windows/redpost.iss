; Inno Setup script: the Windows installer of Red Post Station (红驿站).
; Build dist\redpost\ with PyInstaller first, then compile this file (see BUILD.md):
;   iscc /DAppVersion=0.1.0 installer\windows\redpost.iss
; It installs the program in Program Files, offers start-menu, desktop and kiosk-autostart
; shortcuts, and leaves the data (%LOCALAPPDATA%\redpost, made by the program itself) alone:
; installing a newer version over an older one keeps it, and uninstalling keeps it unless the
; person ticks the box that deletes it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Red Post Station"
#define Bundle "..\..\dist\redpost"

[Setup]
; The same AppId in every version: a newer installer upgrades the installed one in place.
AppId={{6C3E2B57-8D0A-4E55-9B61-2F7A4C1D9E83}
AppName={#AppName}
AppVerName={#AppName} {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Red Post Station
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=redpost-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
UninstallDisplayIcon={app}\redpostw.exe
ShowLanguageDialog=auto

[Languages]
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
zh_CN.StartMenu=在开始菜单中创建快捷方式
en.StartMenu=Create start-menu shortcuts
zh_CN.Kiosk=开机登录后自动全屏启动（自助终端模式）
en.Kiosk=Start full screen (kiosk mode) when anyone logs in
zh_CN.KioskName=红驿站（自助终端）
en.KioskName=Red Post Station (kiosk)
zh_CN.DeleteDataTitle=卸载红驿站
en.DeleteDataTitle=Uninstall Red Post Station
zh_CN.DeleteDataText=红驿站的数据（记录、备份和日志）保存在 %1，卸载程序默认保留这些数据。
en.DeleteDataText=Red Post Station's data (records, backups and logs) is in %1. Uninstalling keeps it.
zh_CN.DeleteDataBox=同时删除这些数据（无法恢复）
en.DeleteDataBox=Also delete this data (it cannot be undone)

[Tasks]
Name: "startmenu"; Description: "{cm:StartMenu}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "kiosk"; Description: "{cm:Kiosk}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the program's files: nothing of the older version lingers beside them.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\redpostw.exe"; Tasks: startmenu
Name: "{group}\{cm:KioskName}"; Filename: "{app}\redpostw.exe"; Parameters: "--kiosk"; Tasks: startmenu
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"; Tasks: startmenu
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\redpostw.exe"; Tasks: desktopicon
Name: "{commonstartup}\{cm:KioskName}"; Filename: "{app}\redpostw.exe"; Parameters: "--kiosk"; Tasks: kiosk

[Run]
Filename: "{app}\redpostw.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
var
  DeleteData: Boolean;

function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\redpost');
end;

{ Asked before anything is removed: a form with one box, unticked, that deletes the data. }
procedure AskAboutData();
var
  Form: TSetupForm;
  Text: TNewStaticText;
  Box: TNewCheckBox;
  OK: TNewButton;
begin
  Form := CreateCustomForm();
  try
    Form.ClientWidth := ScaleX(440);
    Form.ClientHeight := ScaleY(150);
    Form.Caption := CustomMessage('DeleteDataTitle');

    Text := TNewStaticText.Create(Form);
    Text.Parent := Form;
    Text.Left := ScaleX(16);
    Text.Top := ScaleY(16);
    Text.Width := Form.ClientWidth - ScaleX(32);
    Text.WordWrap := True;
    Text.Caption := FmtMessage(CustomMessage('DeleteDataText'), [DataFolder()]);

    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(16);
    Box.Top := ScaleY(72);
    Box.Width := Form.ClientWidth - ScaleX(32);
    Box.Height := ScaleY(20);
    Box.Caption := CustomMessage('DeleteDataBox');
    Box.Checked := False;

    OK := TNewButton.Create(Form);
    OK.Parent := Form;
    OK.Width := ScaleX(90);
    OK.Height := ScaleY(26);
    OK.Left := Form.ClientWidth - OK.Width - ScaleX(16);
    OK.Top := Form.ClientHeight - OK.Height - ScaleY(12);
    OK.Caption := SetupMessage(msgButtonOK);
    OK.ModalResult := mrOk;
    OK.Default := True;

    Form.ActiveControl := OK;
    Form.ShowModal();
    DeleteData := Box.Checked;
  finally
    Form.Free();
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usUninstall) and not UninstallSilent() and DirExists(DataFolder()) then
    AskAboutData();
  if (CurUninstallStep = usPostUninstall) and DeleteData then
  begin
    DelTree(DataFolder(), True, True, True);
    { The key that unseals central's password when no keyring is used. }
    DelTree(ExpandConstant('{userappdata}\redpost'), True, True, True);
  end;
end;
