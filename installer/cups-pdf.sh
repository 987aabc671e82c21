#!/usr/bin/env bash
# A virtual printer for the real-printing test: CUPS with cups-pdf, registered as `PDF`.
# Installs the packages only if missing, starts cupsd by hand when it is not running (CI
# containers have no systemd), and registers the printer only if absent, so it can run twice.
# Needs root (or sudo). Jobs land as PDF files in the printing user's ~/PDF/.
set -euo pipefail

packages=(cups cups-client cups-bsd printer-driver-cups-pdf)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "Please install these system packages: ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

running() { lpstat -r 2>/dev/null | grep -q "is running"; }
if ! running; then
  $sudo /usr/sbin/cupsd
  for _ in $(seq 50); do
    running && break
    sleep 0.2
  done
  running || { echo "cupsd did not start" >&2; exit 1; }
fi

if ! lpstat -p PDF >/dev/null 2>&1; then
  $sudo lpadmin -p PDF -v cups-pdf:/ -E -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null
fi
lpstat -p PDF
