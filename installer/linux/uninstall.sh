#!/usr/bin/env bash
# Removes Red Post Station's program, command, menu entry and kiosk autostart:
#   sudo ./uninstall.sh [--kiosk-user USER] [--delete-data]
# The data stays in each user's ~/.local/share/redpost (records, backups, logs) unless
# --delete-data is given, which deletes it, and the sealed central password key in
# ~/.config/redpost, of --kiosk-user USER. REDPOST_ROOT: as for install.sh.
set -euo pipefail
root=${REDPOST_ROOT:-}
kiosk_user=""
delete_data=false
while [ $# -gt 0 ]; do
  case $1 in
    --kiosk-user) kiosk_user=${2:?--kiosk-user needs a user name}; shift 2 ;;
    --delete-data) delete_data=true; shift ;;
    -h|--help) sed -n '2,6p' "$0" | cut -c3-; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
if $delete_data && [ -z "$kiosk_user" ]; then
  echo "--delete-data needs --kiosk-user USER (whose data to delete)" >&2
  exit 2
fi
if [ -z "$root" ] && [ "$(id -u)" -ne 0 ]; then
  echo "please run as root: sudo $0 $*" >&2
  exit 1
fi
rm -rf "$root/opt/redpost"
rm -f "$root/usr/local/bin/redpost" "$root/usr/share/applications/redpost.desktop"
if [ -n "$kiosk_user" ]; then
  home=$(getent passwd "$kiosk_user" | cut -d: -f6) || true
  [ -n "$home" ] || { echo "no such user: $kiosk_user" >&2; exit 1; }
  rm -f "$root$home/.config/autostart/redpost-kiosk.desktop"
  if $delete_data; then
    rm -rf "$root$home/.local/share/redpost" "$root$home/.config/redpost"
    echo "Deleted the data of $kiosk_user."
  else
    echo "The data of $kiosk_user stays in $home/.local/share/redpost."
  fi
fi
echo "Red Post Station is uninstalled."
