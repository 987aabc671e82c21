#!/usr/bin/env bash
# Installs (or upgrades) Red Post Station from this unpacked package, offline:
#   sudo ./install.sh [--kiosk-user USER]
# The program goes to /opt/redpost (with uninstall.sh), the `redpost` command to
# /usr/local/bin, a menu entry to /usr/share/applications. --kiosk-user USER also starts the kiosk full screen (--kiosk) when
# USER logs in to the desktop. An upgrade replaces only the program: each user's data
# (~/.local/share/redpost) stays, and the first start migrates it after taking a backup.
# REDPOST_ROOT installs under another root (a test, or a disk image being prepared).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=${REDPOST_ROOT:-}
kiosk_user=""
while [ $# -gt 0 ]; do
  case $1 in
    --kiosk-user) kiosk_user=${2:?--kiosk-user needs a user name}; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | cut -c3-; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -x "$here/redpost/redpost" ] || { echo "no program in $here/redpost" >&2; exit 1; }
if [ -z "$root" ] && [ "$(id -u)" -ne 0 ]; then
  echo "please run as root: sudo $0 $*" >&2
  exit 1
fi

target="$root/opt/redpost"
mkdir -p "$root/opt" "$root/usr/local/bin" "$root/usr/share/applications"
# Copy beside the old version first, then swap, so a failed copy leaves the old one working.
rm -rf "$target.new"
cp -a "$here/redpost" "$target.new"
rm -rf "$target.old"
[ -e "$target" ] && mv "$target" "$target.old"
mv "$target.new" "$target"
rm -rf "$target.old"
install -m 755 "$here/uninstall.sh" "$target/uninstall.sh"
ln -sfn /opt/redpost/redpost "$root/usr/local/bin/redpost"
install -m 644 "$here/redpost.desktop" "$root/usr/share/applications/redpost.desktop"

if [ -n "$kiosk_user" ]; then
  home=$(getent passwd "$kiosk_user" | cut -d: -f6) || true
  [ -n "$home" ] || { echo "no such user: $kiosk_user" >&2; exit 1; }
  autostart="$root$home/.config/autostart"
  mkdir -p "$autostart"
  sed -e 's|^Exec=.*|Exec=/opt/redpost/redpost --kiosk|' \
    -e 's|^Name=.*|Name=Red Post Station (kiosk)|' \
    "$here/redpost.desktop" >"$autostart/redpost-kiosk.desktop"
  if [ -z "$root" ]; then
    chown -R "$kiosk_user:" "$home/.config"
  fi
  echo "The kiosk starts full screen when $kiosk_user logs in."
fi
echo "Red Post Station is installed in /opt/redpost."
echo "First start: run 'redpost' as the kiosk's user (a set-up wizard opens), or"
echo "  redpost init --station CODE --name NAME --lead-name NAME"
