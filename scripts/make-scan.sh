#!/usr/bin/env bash
# Makes a scan the way agencies do: a born-digital report rasterised, optionally
# sealed in red over a table corner, rotated and speckled, wrapped as an
# image-only PDF (no text layer), the same bytes every time (no timestamps).
# Usage: scripts/make-scan.sh SOURCE.pdf DPI OUT.pdf [seal] [rotate] [noise]
# Needs poppler-utils (pdftoppm), ImageMagick (convert) and img2pdf.
# The committed fixtures:
#   scripts/make-scan.sh corpus/pdf/2023-fengyang-county-health.pdf 150 test/fixtures/scan/fengyang-150.pdf noise
#   scripts/make-scan.sh corpus/pdf/2021-changle-county-transport.pdf 200 test/fixtures/scan/changle-200-seal.pdf seal rotate
set -euo pipefail
source=$1 dpi=$2 out=$3
shift 3
seal=0 rotate=0 noise=0
for opt in "$@"; do declare "$opt=1"; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pdftoppm -r "$dpi" -png "$source" "$work/page"
pages=("$work"/page-*.png)
for i in "${!pages[@]}"; do
  page=${pages[$i]}
  # scanners for the record print bilevel: grey rules come out black, specks stay
  args=(-colorspace Gray -threshold 60%)
  if [[ $rotate == 1 ]]; then args+=(-background white -rotate 0.3 +repage); fi
  if [[ $noise == 1 ]]; then args+=(-attenuate 0.1 +noise Impulse); fi
  args+=(-threshold 50%)
  # the seal sits over the top-right corner of the table on page 2, as stamps land on 表三; red ink over
  # black text leaves the text black (multiply)
  if [[ $seal == 1 && $i == 1 ]]; then
    read -r w h < <(identify -format '%w %h\n' "$page")
    cx=$((dpi * 75 / 10)) cy=$((dpi * 42 / 10)) r=$((dpi * 8 / 10))
    convert -size "${w}x$h" xc:white -fill none -stroke 'rgb(225,40,40)' -strokewidth $((dpi / 30)) \
      -draw "circle $cx,$cy $((cx + r)),$cy" -draw "circle $cx,$cy $((cx + r * 8 / 10)),$cy" \
      -fill 'rgb(225,40,40)' -stroke none \
      -draw "polygon $cx,$((cy - r / 3)) $((cx + r / 10)),$((cy - r / 10)) $((cx + r / 3)),$((cy - r / 10)) $((cx + r / 6)),$((cy + r / 20)) $((cx + r / 4)),$((cy + r / 4)) $cx,$((cy + r / 8)) $((cx - r / 4)),$((cy + r / 4)) $((cx - r / 6)),$((cy + r / 20)) $((cx - r / 3)),$((cy - r / 10)) $((cx - r / 10)),$((cy - r / 10))" \
      "$work/seal.png"
    convert "$page" "${args[@]}" -colorspace sRGB "$work/seal.png" -compose Multiply -composite -colors 4 "PNG8:$work/scan-$i.png"
  else
    convert "$page" "${args[@]}" -type bilevel -compress Group4 "$work/scan-$i.tif"
  fi
done
img2pdf --nodate --engine internal --pagesize A4 -o "$out" $(ls "$work"/scan-* | sort -V)
