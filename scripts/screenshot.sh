#!/usr/bin/env bash
# Take a screenshot of the real QGIS with the plugin and the demo twin loaded, under Xvfb.
#   scripts/screenshot.sh OUT.png [EXTRA_CODE.py]
# EXTRA_CODE.py (optional) runs inside QGIS after the twin is loaded (e.g. to click with the Twin info tool).
# SCREENSHOT_LOCALE=sv_SE: QGIS in Swedish.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:?usage: screenshot.sh OUT.png [EXTRA_CODE.py]}")
extra=${2:+$(realpath "$2")}
display=${SCREENSHOT_DISPLAY:-:91}
wait_s=${SCREENSHOT_WAIT:-12}
profiles="$top/build/profiles-shot"

rm -rf "$profiles" && mkdir -p "$profiles/profiles/shot/QGIS"
/usr/bin/python3 "$top/scripts/enable_plugin.py" "$profiles/profiles/shot/QGIS/QGIS3.ini" digiresan_plugin
if [ -n "${SCREENSHOT_LOCALE:-}" ]; then  # e.g. sv_SE: QGIS (and the plugin) in Swedish
  printf '\n[locale]\noverrideFlag=true\nuserLocale=%s\nglobalLocale=%s\n' "$SCREENSHOT_LOCALE" "$SCREENSHOT_LOCALE" \
    >> "$profiles/profiles/shot/QGIS/QGIS3.ini"
fi
code="$top/build/shot_startup.py"
{
  cat "$top/scripts/run_startup.py"
  if [ -n "$extra" ]; then echo; echo "exec(open(r'$extra', encoding='utf-8').read())"; fi
} > "$code"

Xvfb "$display" -screen 0 "${SCREENSHOT_SIZE:-1600x1000}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $qgis $xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$display QGIS_PLUGINPATH="$top/build" qgis --profiles-path "$profiles" --profile shot \
  --nologo --noversioncheck --code "$code" >"$top/build/shot_qgis.log" 2>&1 &
qgis=$!
sleep "$wait_s"
DISPLAY=$display import -window root "$out"
echo "$out"
