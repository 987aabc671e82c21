#!/usr/bin/env bash
# Smoke test of a built bundle (default dist/redpost, see installer/build.sh), run from the
# bundle alone: check ReportLab's C accelerators are in it, set up a station, fill 3 days of
# demo data, count it, and open the window offscreen (--smoke-test visits every desk and exits
# 0; it must do so within 20 s). Then the window again on a real X server (Xvfb, the xcb
# plugin) and with no font on the system at all, where the bundle's own Chinese font must
# stand in (else a warning box would hold the window open past the time limit). Prints each
# step's time.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=${1:-dist/redpost}
redpost="$bundle/redpost"
[ -x "$redpost" ] || { echo "no bundle at $bundle: run installer/build.sh" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
data="$scratch/data"
pin=4321

step() {  # step NAME COMMAND...: run it, print its time, stop the smoke on failure
  local name=$1 started=$SECONDS
  shift
  if ! "$@"; then
    echo "smoke: $name FAILED; the log:" >&2
    cat "$data/logs/redpost.log" >&2 2>/dev/null || true
    exit 1
  fi
  echo "smoke: $name ok ($((SECONDS - started)) s)"
}

init() {
  echo "$pin" | "$redpost" --data-dir "$data" init --station SM01 --name 冒烟测试红驿站 \
    --lead-name 测试站长 --post 大门 --post 游客中心 --pin-stdin
}
demo() { echo "$pin" | "$redpost" --data-dir "$data" --pin-stdin demo --days 3; }
stats() {
  "$redpost" --data-dir "$data" stats --json >"$scratch/stats.json"
  python3 - "$scratch/stats.json" <<'PY'
import json, sys
counts = json.load(open(sys.argv[1]))
assert counts["volunteers"] > 0 and counts["inquiries"] > 0 and counts["found_items"] > 0, counts
print(counts)
PY
}
window() {  # window PLATFORM [ENV=VALUE...]: the GUI's smoke test, 20 s at most
  local platform=$1
  shift
  env QT_QPA_PLATFORM="$platform" "$@" timeout 20 "$redpost" --data-dir "$data" --smoke-test
}
accelerated() { compgen -G "$bundle/_internal/_rl_accel*" >/dev/null; }
no_fonts() {
  printf '<?xml version="1.0"?>\n<fontconfig><cachedir>%s</cachedir></fontconfig>\n' \
    "$scratch/fc-cache" >"$scratch/fonts.conf"
  window offscreen FONTCONFIG_FILE="$scratch/fonts.conf"
  ! grep -q "no font with Chinese" "$data/logs/redpost.log"
}

step "ReportLab's C accelerators bundled" accelerated
step "init" init
step "demo --days 3" demo
step "stats --json" stats
step "window (offscreen)" window offscreen
if command -v xvfb-run >/dev/null; then
  step "window (xcb on Xvfb)" xvfb-run -a -s "-screen 0 1280x800x24" "$redpost" \
    --data-dir "$data" --smoke-test
fi
step "window with no system font" no_fonts
