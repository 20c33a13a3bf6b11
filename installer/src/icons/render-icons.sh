#!/usr/bin/env bash
# Renders the icon's PNGs (256, 128 and 48 px: the desktop entry's sizes) from groundwork.svg with ImageMagick.
# The PNGs are committed, so a build needs no ImageMagick; run this after editing the SVG.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for size in 256 128 48; do
  convert -background none -density 384 groundwork.svg -resize "${size}x${size}" -depth 8 "groundwork-$size.png"
done
