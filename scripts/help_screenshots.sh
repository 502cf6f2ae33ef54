#!/usr/bin/env bash
# Retake the help pages' screenshots of the twin in the real QGIS under Xvfb, in English and Swedish:
# overview (twin loaded), the twin dock (cropped from it), a road segment's card, its warnings (cropped) and the
# lower part of the card (signs, excavations, traffic by hour) on a taller screen.
#   scripts/help_screenshots.sh        (needs Xvfb, imagemagick and the built plugin: make build)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
img="$top/docs/help/img"
geometry="$top/build/shot_geometry.json"
export SCREENSHOT_SIZE=1200x750 SHOT_GEOMETRY="$geometry"

crop() {  # crop DOCK HEIGHT IN OUT: the top HEIGHT px of the dock's rectangle in IN
  read -r x y w h < <(/usr/bin/python3 -c "import json,sys; print(*json.load(open(sys.argv[1]))[sys.argv[2]])" \
    "$geometry" "$1")
  [ "$2" -gt 0 ] && h=$2
  convert "$3" -crop "${w}x${h}+${x}+${y}" +repage "$4"
}

for lang in en sv; do
  locale=$([ "$lang" = sv ] && echo sv_SE || echo en_GB)
  rm -f "$geometry"
  SCREENSHOT_LOCALE=$locale SCREENSHOT_WAIT=22 "$top/scripts/screenshot.sh" "$img/card_$lang.png" \
    "$top/scripts/help_shot_card.py" >/dev/null
  [ -s "$geometry" ] || { echo "no card geometry for $lang (see build/shot_qgis.log)" >&2; exit 1; }
  crop card 230 "$img/card_$lang.png" "$img/card_warnings_$lang.png"
  SCREENSHOT_SIZE=1200x1000 SHOT_SCROLL_TO=signs SCREENSHOT_LOCALE=$locale SCREENSHOT_WAIT=22 \
    "$top/scripts/screenshot.sh" "$top/build/shot_traffic.png" "$top/scripts/help_shot_card.py" >/dev/null
  crop card 0 "$top/build/shot_traffic.png" "$img/card_traffic_$lang.png"
  SCREENSHOT_LOCALE=$locale SCREENSHOT_WAIT=16 "$top/scripts/screenshot.sh" "$img/overview_$lang.png" >/dev/null
  crop card 0 "$img/overview_$lang.png" "$img/twin_dock_$lang.png"  # the twin dock is the card's tab
  echo "help screenshots ($lang): card, card_warnings, overview, twin_dock"
done
