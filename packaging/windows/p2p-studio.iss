; Inno Setup 6 script for P2P Studio (Windows x64). Compiled by build.ps1, which passes:
;   /DAppVersion=X.Y.Z  /DSourceDir=<PyInstaller folder>  /DOutputDir=<where Setup goes>
;   /DTorchVariant=cpu|cuNNN  /DRepoRoot=<repository root>
; Not buildable on the Linux CI machines (needs ISCC.exe on Windows); kept in step with the
; Linux .deb: same folder, same launchers, same icon and notices.

#ifndef AppVersion
  #error Pass /DAppVersion=... (build.ps1 reads it from p2p_studio.__version__)
#endif
#ifndef TorchVariant
  #define TorchVariant "cpu"
#endif

[Setup]
AppId={{6B0F3C2E-2D6A-4E1B-9B3C-5D2C1F7A9E41}
AppName=P2P Studio
AppVersion={#AppVersion}
AppVerName=P2P Studio {#AppVersion}
AppPublisher=P2P Studio team
AppPublisherURL=https://github.com/p2p-studio/p2p-studio
DefaultDirName={autopf}\P2P Studio
DefaultGroupName=P2P Studio
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\p2p-studio-gui.exe
UninstallDisplayName=P2P Studio {#AppVersion}
LicenseFile={#RepoRoot}\LICENSE
SetupIconFile={#RepoRoot}\resources\icons\p2p-studio.ico
OutputDir={#OutputDir}
OutputBaseFilename=P2P-Studio-{#AppVersion}-windows-x64-{#TorchVariant}-setup
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern
Compression=lzma2/max
SolidCompression=no
; torch's DLLs make the CPU build ~1 GB and a CUDA build several GB; Inno Setup needs disk
; spanning above 4.2 GB compressed, and slices keep every file (and download) under 2 GB.
DiskSpanning=yes
DiskSliceSize=2000000000
ChangesAssociations=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#RepoRoot}\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion

[Icons]
Name: "{group}\P2P Studio"; Filename: "{app}\p2p-studio-gui.exe"; Comment: "Edit photos by editing their caption"
Name: "{group}\P2P Studio self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\p2p-studio.exe"" --self-test"
Name: "{group}\Third-party notices"; Filename: "{app}\THIRD-PARTY-NOTICES.txt"
Name: "{group}\{cm:UninstallProgram,P2P Studio}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\P2P Studio"; Filename: "{app}\p2p-studio-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\p2p-studio-gui.exe"; Description: "{cm:LaunchProgram,P2P Studio}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put there; the user's data folder (%LOCALAPPDATA%\P2P Studio) stays.
Type: filesandordirs; Name: "{app}\_internal"
