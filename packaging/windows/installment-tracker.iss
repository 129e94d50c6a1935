; Inno Setup script: a Windows installer from the PyInstaller one-folder build.
;
;   1. On Windows: uv run python packaging\build_app.py   (makes dist\installment-tracker\)
;   2. iscc packaging\windows\installment-tracker.iss      (Inno Setup 6; makes
;      dist\installer\InstallmentTracker-0.1.0-setup.exe)
;
; Installs per user by default (no administrator rights needed; the user may choose all users),
; adds Start-menu and optional desktop shortcuts, and an uninstaller. The user's ledger in
; %LOCALAPPDATA%\installment-tracker is never touched by install or uninstall.

#define AppName "Installment Tracker"
#define AppNameZh "分期账本"
#define AppVersion "0.1.0"
#define AppExe "installment-tracker.exe"
#define AppId "io.github.installment_tracker.InstallmentTracker"

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Installment Tracker developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist\installer
OutputBaseFilename=InstallmentTracker-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\{#AppId}.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[CustomMessages]
english.ShortcutName={#AppName}
chinesesimplified.ShortcutName={#AppNameZh}

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\installment-tracker\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:ShortcutName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{cm:ShortcutName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:ShortcutName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:ShortcutName}}"; Flags: nowait postinstall skipifsilent
