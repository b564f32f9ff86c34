<#
.SYNOPSIS
    Builds the TDKT Desktop Windows application and its installer.

.DESCRIPTION
    Run from any folder on a Windows 10/11 x64 machine (no administrator rights needed):

        powershell -ExecutionPolicy Bypass -File installer\windows\build_windows.ps1 [-Smoke] [-NoInstaller]

    Needs:
      * Python 3.11 or newer, 64-bit (python.org installer, "Install for me only" is fine; the "py" launcher
        or -Python C:\path\to\python.exe);
      * Inno Setup 6.3 or newer (per-user install is fine), unless -NoInstaller;
      * access to the package index for the first run (or a pip configured with a local wheelhouse).

    Steps:
      1. build\venv-installer\  - its own virtual environment: the project, its dependencies, PyInstaller;
      2. dist\tdkt-desktop\     - the one-folder application (installer\tdkt.spec): tdkt-desktop.exe (windowed)
                                  and tdkt.exe (console) sharing _internal\;
      3. with -Smoke: installer\smoke_test.py on the built folder (offscreen, throw-away data folder);
      4. dist\tdkt-desktop-<version>-windows-x64-setup.exe - Inno Setup (installer\windows\tdkt.iss).

    Vietnamese installer texts: Inno Setup's unofficial Vietnamese.isl is used when found in the compiler's
    Languages\Unofficial or Languages folder, beside this script, or given with -VietnameseIsl; otherwise
    vi-fallback.isl (the most visible texts in Vietnamese, the rest in English).

.PARAMETER Python
    The Python used to create the build environment (default: "py -3.11", else "python").
.PARAMETER Iscc
    Full path of ISCC.exe when it is not in a usual place.
.PARAMETER VietnameseIsl
    Full path of Vietnamese.isl.
#>
[CmdletBinding()]
param(
    [string]$Python = "",
    [string]$Iscc = "",
    [string]$VietnameseIsl = "",
    [switch]$Smoke,
    [switch]$NoInstaller
)

$ErrorActionPreference = "Stop"
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root
$Venv = Join-Path $Root "build\venv-installer"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
$App = Join-Path $Root "dist\tdkt-desktop"

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    Write-Host ">> $Exe $($Arguments -join ' ')"
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "failed with exit code ${LASTEXITCODE}: $Exe $($Arguments -join ' ')" }
}

$Version = (Select-String -Path "src\tdkt_desktop\__init__.py" -Pattern '^__version__ = "(.+)"').Matches[0].Groups[1].Value
$Started = Get-Date
Write-Host "== TDKT Desktop $Version : Windows build"

# 1. Build environment.
if (-not (Test-Path $VenvPython)) {
    if ($Python) {
        Invoke-Checked $Python @("-m", "venv", $Venv)
    } elseif (Get-Command py -ErrorAction SilentlyContinue) {
        Invoke-Checked "py" @("-3.11", "-m", "venv", $Venv)
    } else {
        Invoke-Checked "python" @("-m", "venv", $Venv)
    }
}
Invoke-Checked $VenvPython @("-c", "import sys, struct; assert sys.version_info >= (3, 11) and struct.calcsize('P') == 8, sys.version")
Invoke-Checked $VenvPython @("-m", "pip", "install", "-q", "--upgrade", "pip")
Invoke-Checked $VenvPython @("-m", "pip", "install", "-q", $Root, "pyinstaller>=6.10,<7")

# 2. The one-folder application.
if (Test-Path $App) { Remove-Item -Recurse -Force $App }
Invoke-Checked $VenvPython @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", (Join-Path $Root "dist"), "--workpath", (Join-Path $Root "build\pyinstaller"), "installer\tdkt.spec")
if (-not (Test-Path (Join-Path $App "tdkt-desktop.exe"))) { throw "build failed: no $App\tdkt-desktop.exe" }
$Size = "{0:N0} MB" -f ((Get-ChildItem $App -Recurse -File | Measure-Object -Property Length -Sum).Sum / 1MB)
Write-Host "== built $App ($Size) in $([int]((Get-Date) - $Started).TotalSeconds) s"

# 3. Smoke test.
if ($Smoke) {
    Invoke-Checked $VenvPython @("installer\smoke_test.py", $App)
}

# 4. The installer.
if (-not $NoInstaller) {
    $candidates = @(
        $Iscc,
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe"),
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe")
    )
    $found = Get-Command iscc -ErrorAction SilentlyContinue
    if ($found) { $candidates += $found.Source }
    $IsccExe = $candidates | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
    if (-not $IsccExe) { throw "Inno Setup 6 (ISCC.exe) not found: install it, or pass -Iscc C:\path\to\ISCC.exe" }
    $InnoDir = Split-Path $IsccExe
    $islCandidates = @(
        $VietnameseIsl,
        (Join-Path $InnoDir "Languages\Unofficial\Vietnamese.isl"),
        (Join-Path $InnoDir "Languages\Vietnamese.isl"),
        (Join-Path $PSScriptRoot "Vietnamese.isl")
    )
    $isl = $islCandidates | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
    $defines = @("/DAppVersion=$Version", "/DAppDir=$App")
    if ($isl) {
        Write-Host "== Vietnamese texts: $isl"
        $defines += "/DVietnameseIsl=$isl"
    } else {
        Write-Host "== Vietnamese.isl not found: using installer\windows\vi-fallback.isl"
    }
    Invoke-Checked $IsccExe ($defines + @("installer\windows\tdkt.iss"))
    $Setup = Join-Path $Root "dist\tdkt-desktop-$Version-windows-x64-setup.exe"
    Write-Host "== installer $Setup ($("{0:N0} MB" -f ((Get-Item $Setup).Length / 1MB)))"
}
Write-Host "== done in $([int]((Get-Date) - $Started).TotalSeconds) s"
