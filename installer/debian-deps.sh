#!/usr/bin/env bash
# System packages the kiosk needs on Debian/Ubuntu: a CJK TrueType font (so Chinese is not
# empty boxes), Qt's xcb libraries, Xvfb for a virtual screen, poppler for reading PDFs
# and zbar for reading their QR codes in tests.
# Installs only what is missing; needs root (or sudo).
set -euo pipefail

packages=(
  fonts-wqy-microhei
  xvfb xauth
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1
  poppler-utils zbar-tools
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Please install these system packages: ${missing[*]}" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
