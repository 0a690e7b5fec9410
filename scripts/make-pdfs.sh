#!/usr/bin/env bash
# Renders corpus/reports/*.html to corpus/pdf/ the way agencies make PDFs:
# LibreOffice (Writer import, A4) for most reports, Chromium print-to-PDF for
# every sixth (its Type 3 CJK fonts make files five times larger); one laid out
# by scripts/pdf-fixtures/stsong-report.ts in STSong-Light, not embedded (as old
# Acrobat/iText exports are); plus one scan too coarse to read (rasterised pages,
# no text layer), one scan read by OCR (scanned-300dpi-*, by scripts/make-scan.sh)
# and one truncated download. Needs soffice, chromium, pdftoppm, identify,
# ImageMagick's convert and img2pdf.
# Tests only read the committed PDFs.
set -euo pipefail
cd "$(dirname "$0")/.."
out=corpus/pdf
work=$(mktemp -d)
mkdir -p "$out"
stsong=2022-heping-street
i=0
for html in corpus/reports/*.html; do
  name=$(basename "$html" .html)
  grep -q '<table' "$html" || continue
  [[ $name == "$stsong" ]] && continue
  if (( i % 6 != 1 )); then
    soffice --headless '--infilter=HTML (StarWriter)' --convert-to pdf --outdir "$work" "$html" >/dev/null 2>&1
    cp "$work/$name.pdf" "$out/$name.pdf"
  else
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
      --disable-sync --no-first-run --no-pdf-header-footer --user-data-dir="$(mktemp -d)" \
      --print-to-pdf="$out/$name.pdf" "file://$PWD/$html" >/dev/null 2>&1
  fi
  i=$((i + 1))
done
node --import tsx scripts/pdf-fixtures/stsong-report.ts "corpus/reports/$stsong.html" "$out/$stsong.pdf"
node --import tsx scripts/pdf-fixtures/damage.ts "$out"
scanned=2023-qingshui-town
scripts/make-scan.sh "$out/$scanned.pdf" 300 "$out/scanned-300dpi-$scanned.pdf"
echo "rendered $i reports into $out"
