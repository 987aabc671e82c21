#!/usr/bin/env bash
# Builds the kiosk bundle on Linux: dist/redpost/ (one folder; run dist/redpost/redpost), and
# the package for kiosk PCs, dist/redpost-VERSION-linux-x86_64.tar.gz (the bundle with
# installer/linux/: install.sh, uninstall.sh and the menu entry).
# Needs the system packages of installer/debian-deps.sh (the WenQuanYi font is copied into
# the bundle from fonts-wqy-microhei); installs PyInstaller into .venv (the "build" extra)
# and compiles the translations first. Prints the bundle's size and the time taken.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

bash installer/debian-deps.sh
make --no-print-directory .venv/bin/.installed translations
mkdir -p build
.venv/bin/pip install --quiet -e ".[build]" >build/pip.log 2>&1 || { cat build/pip.log >&2; exit 1; }
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/redpost.spec

version=$(.venv/bin/python -c "import station; print(station.__version__)")
package="redpost-$version-linux-$(uname -m)"
rm -rf "build/$package"
mkdir -p "build/$package"
cp -a dist/redpost "build/$package/redpost"
cp installer/linux/install.sh installer/linux/uninstall.sh installer/linux/redpost.desktop \
  "build/$package/"
tar -C build -czf "dist/$package.tar.gz" "$package"
rm -rf "build/$package"

echo "dist/redpost: $(du -sh dist/redpost | cut -f1); dist/$package.tar.gz: \
$(du -sh "dist/$package.tar.gz" | cut -f1); built in $((SECONDS - started)) s"
