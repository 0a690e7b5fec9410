#!/usr/bin/env bash
# Re-renders one LibreOffice corpus PDF with the font programs other producers
# embed, for test/extract/pdf-text-worker.test.ts: Ghostscript's pdfwrite (as
# Acrobat Distiller and many print-to-PDF drivers do) turns its Type1 CJK
# subsets into CFF (Type1C); cairo (pdftocairo, as cairo/pango exporters do)
# then writes the CJK ones as CID-keyed CFF (CIDFontType0C). Needs gs and
# pdftocairo. Tests only read the committed PDFs.
set -euo pipefail
cd "$(dirname "$0")/.."
out=test/fixtures/pdf
source=corpus/pdf/2023-anping-county-stats.pdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile="$out/fonts-type1c.pdf" "$source"
pdftocairo -pdf "$out/fonts-type1c.pdf" "$out/fonts-cid-cff.pdf"
pdffonts "$out/fonts-type1c.pdf" | grep -q 'Type 1C'
pdffonts "$out/fonts-cid-cff.pdf" | grep -q 'CID Type 0C'
echo "wrote $out/fonts-type1c.pdf and $out/fonts-cid-cff.pdf"
