#!/usr/bin/env bash
# Debian packages the test suite and the PDF tools use; installs only what is missing.
# poppler-utils: pdftotext (a leak-gate extractor); qpdf: --qdf raw-byte check;
# fonts-droid-fallback / fonts-wqy-zenhei: CJK TrueType fonts to embed in generated PDFs;
# chromium + chromium-driver: browser tests of the review UI.
# libreoffice-writer-nogui: tests/robustness converts DOCX/ODT to PDF, DOCX and DOC like real producers.
set -euo pipefail
pkgs=(poppler-utils qpdf fonts-droid-fallback fonts-wqy-zenhei chromium chromium-driver libreoffice-writer-nogui)
missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "system-deps: missing ${missing[*]} (run as root or: sudo apt-get install ${missing[*]})" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
