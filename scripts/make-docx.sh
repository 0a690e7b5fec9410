#!/usr/bin/env bash
# Renders the corpus HTML reports to DOCX with LibreOffice, so that the DOCX path
# can be checked against the HTML path on the same reports (test/extract/docx-corpus.test.ts).
# Usage: scripts/make-docx.sh [source-dir (corpus/reports)] [output-dir (corpus/docx)]
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-corpus/reports}
out=${2:-corpus/docx}
command -v soffice >/dev/null || { echo "soffice not found: install the system package libreoffice-writer" >&2; exit 1; }
shopt -s nullglob
sources=("$src"/*.html)
(( ${#sources[@]} )) || { echo "no HTML reports in $src (npm run corpus:build first)" >&2; exit 1; }
# Own profile: a desktop LibreOffice or a parallel run must not hold the lock on it.
profile=$(mktemp -d /tmp/nianbao-make-docx-XXXXXX)
trap 'rm -rf "$profile"' EXIT
mkdir -p "$out"
# "HTML (StarWriter)" opens the page in Writer; the default Writer/Web has no DOCX export.
soffice "-env:UserInstallation=file://$profile" --headless --norestore --nologo \
  --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' --outdir "$out" "${sources[@]}" >/dev/null
echo "wrote ${#sources[@]} DOCX file(s) to $out"
