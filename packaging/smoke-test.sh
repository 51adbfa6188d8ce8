#!/usr/bin/env bash
# Smoke test of the app image that packaging/build.sh made (for CI and by hand):
#   packaging/smoke-test.sh [IMAGE_DIR]      (default target/package/image/cruddur-admin)
# 1. the command line: `bin/cruddur-admin --help` with no display and no Java on PATH prints the
#    usage and exits 0, without touching JavaFX;
# 2. the window: under a fresh Xvfb, `bin/cruddur-admin` opens a top-level window titled
#    "Cruddur Admin" within SMOKE_TIMEOUT seconds (default 60), run by the image's own runtime
#    (its libjvm.so is mapped in the process) and loading JavaFX's natives from the image (nothing
#    unpacked into HOME). A screenshot goes to target/package/smoke/window.png when ImageMagick is
#    installed, else the raw target/package/smoke/window.xwd.
# Both runs get an empty environment (env -i PATH=/usr/bin:/bin HOME=<empty temp dir>).
# Installs with apt what it lacks (Xvfb, xwininfo, the GTK/X/GL libraries), when run as root.
# Exits 0 only if every check passed; prints the time from launch to the window.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
image="${1:-$root/target/package/image/cruddur-admin}"
image="$(cd "$image" && pwd)"
launcher="$image/bin/cruddur-admin"
timeout_s="${SMOKE_TIMEOUT:-60}"
shots="$root/target/package/smoke"
title="Cruddur Admin"

fails=0
pass() { echo "  ok   $*"; }
fail() { echo "  FAIL $*"; fails=$((fails + 1)); }

[ -x "$launcher" ] || { echo "smoke-test: no launcher at $launcher (run packaging/build.sh first)" >&2; exit 1; }
[ -f "$image/lib/runtime/lib/server/libjvm.so" ] || { echo "smoke-test: no runtime in $image/lib/runtime" >&2; exit 1; }

# --- what the test needs on the machine ------------------------------------------------------
need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xwininfo >/dev/null && command -v xprop >/dev/null || need+=(x11-utils)
command -v xwd >/dev/null || need+=(x11-apps)
for pair in libgtk-3.so.0:libgtk-3-0 libXtst.so.6:libxtst6 libGL.so.1:libgl1 libXxf86vm.so.1:libxxf86vm1; do
  ldconfig -p | grep -q "${pair%%:*}" || need+=("${pair#*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "smoke-test: installing ${need[*]}"
  [ "$(id -u)" = 0 ] || { echo "smoke-test: not root; run: sudo apt-get install -y ${need[*]}" >&2; exit 1; }
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

tmp="$(mktemp -d)"
xvfb_pid="" app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/cli-home" "$tmp/gui-home" "$shots"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

echo "smoke-test: $image"

# --- 1. the command line, no display ----------------------------------------------------------
echo "- command line: bin/cruddur-admin --help (no DISPLAY, no JAVA_HOME, PATH=/usr/bin:/bin)"
set +e
timeout 60 env -i PATH=/usr/bin:/bin HOME="$tmp/cli-home" "$launcher" --help >"$tmp/help.out" 2>"$tmp/help.err"
rc=$?
set -e
if [ $rc -eq 0 ]; then pass "exit code 0"; else fail "exit code $rc"; fi
# the first line: nothing of the JVM's before it on stdout (a stale CDS archive's warning went there)
if head -1 "$tmp/help.out" | grep -q '^Usage: cruddur-admin' && grep -q 'schema-load' "$tmp/help.out"; then
  pass "usage printed ($(wc -l <"$tmp/help.out") lines, lists schema-load, nothing before it)"
else
  fail "no usage in the output:"; sed 's/^/       /' "$tmp/help.out" "$tmp/help.err" | head -20
fi
if grep -qi 'javafx' "$tmp/help.out" "$tmp/help.err" || [ -e "$tmp/cli-home/.openjfx" ]; then
  fail "the command line touched JavaFX"; sed 's/^/       /' "$tmp/help.err" | head -10
else
  pass "JavaFX not touched (no JavaFX message, nothing in HOME)"
fi

# --- 2. the window under Xvfb -------------------------------------------------------------------
echo "- window: bin/cruddur-admin under Xvfb, waiting up to ${timeout_s}s for \"$title\""
exec 3>"$tmp/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.05; done
[ -s "$tmp/display" ] || { cat "$tmp/xvfb.log" >&2; echo "smoke-test: Xvfb did not start" >&2; exit 1; }
display=":$(head -1 "$tmp/display")"
export DISPLAY="$display"   # for xwininfo/xprop/xwd only; the app gets it through env -i below

t0=$(now_ms)
env -i PATH=/usr/bin:/bin HOME="$tmp/gui-home" DISPLAY="$display" "$launcher" >"$tmp/app.out" 2>&1 &
app_pid=$!
win="" t1=""
deadline=$(( t0 + timeout_s * 1000 ))
while [ "$(now_ms)" -lt "$deadline" ]; do
  kill -0 "$app_pid" 2>/dev/null || break
  line="$(xwininfo -root -tree 2>/dev/null | grep -F "\"$title\"" | head -1 || true)"
  if [ -n "$line" ]; then
    id="$(awk '{print $1}' <<<"$line")"
    if xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable'; then
      win="$id" t1=$(now_ms); break
    fi
  fi
  sleep 0.05
done

if [ -n "$win" ]; then
  startup_ms=$(( t1 - t0 ))
  # CPU time the process used until then: steadier than the wall clock on a loaded machine
  cpu_ms=$(( $(awk '{print $14 + $15}' /proc/$app_pid/stat) * 1000 / $(getconf CLK_TCK) ))
  pass "window $win \"$title\" mapped $startup_ms ms after launch ($cpu_ms ms of CPU)"
  geometry="$(xwininfo -id "$win" | awk '/Width:/{w=$2} /Height:/{h=$2} END{print w "x" h}')"
  wmclass="$(xprop -id "$win" WM_CLASS 2>/dev/null | sed 's/^WM_CLASS(STRING) = //')"
  echo "       size $geometry, WM_CLASS $wmclass"
  # the menu entry's StartupWMClass must name the window's class, or docks show a second icon
  wmc="$(sed -n 's/^StartupWMClass=//p' "$root/packaging/linux/cruddur-admin.desktop")"
  if grep -qF "\"$wmc\"" <<<"$wmclass"; then pass "WM_CLASS matches the .desktop's StartupWMClass=$wmc"
  else fail "WM_CLASS $wmclass, but packaging/linux/cruddur-admin.desktop says StartupWMClass=$wmc"; fi
  # the process is the image's runtime (the launcher script execs its java) with the image's JVM
  # loaded, not a system java
  exe="$(readlink -f /proc/$app_pid/exe)"
  jvm="$(grep -o '/[^ ]*/libjvm\.so' /proc/$app_pid/maps | sort -u | head -1 || true)"
  if [ "$exe" = "$(readlink -f "$image/lib/runtime/bin/java")" ] && [ "$jvm" = "$image/lib/runtime/lib/server/libjvm.so" ]; then
    pass "runs the image's runtime ($jvm)"
  else
    fail "not the image's runtime: exe $exe, libjvm $jvm"
  fi
  # the launcher sets what the README's command sets in the environment (memory: no GL loaded by
  # GTK just to list visuals, two malloc arenas)
  envs="$(tr '\0' '\n' </proc/$app_pid/environ | grep -E '^(GDK_GL|MALLOC_ARENA_MAX)=' | sort | paste -sd' ' || true)"
  if [ "$envs" = "GDK_GL=disable MALLOC_ARENA_MAX=2" ]; then pass "launcher's environment: $envs"
  else fail "launcher's environment: '$envs', expected GDK_GL=disable MALLOC_ARENA_MAX=2"; fi
  fxlib="$(grep -o '/[^ ]*/libglass\.so' /proc/$app_pid/maps | sort -u | head -1 || true)"
  if [ "$fxlib" = "$image/lib/app/libglass.so" ] && [ ! -e "$tmp/gui-home/.openjfx" ]; then
    pass "JavaFX natives loaded from the image ($fxlib), nothing unpacked into HOME"
  else
    fail "JavaFX natives from ${fxlib:-nowhere}; HOME has: $(ls -A "$tmp/gui-home" | tr '\n' ' ')"
  fi
  sleep 1   # let the first frame paint before the picture
  xwd -root -silent >"$shots/window.xwd"
  if command -v convert >/dev/null && convert -version 2>/dev/null | grep -q ImageMagick \
     && convert "xwd:$shots/window.xwd" "png:$shots/window.png" 2>/dev/null; then
    rm -f "$shots/window.xwd"; echo "       screenshot $shots/window.png"
  else
    echo "       screenshot $shots/window.xwd (no ImageMagick to make a PNG)"
  fi
else
  if kill -0 "$app_pid" 2>/dev/null; then
    fail "no window titled \"$title\" within ${timeout_s}s"
  else
    wait "$app_pid" && rc=0 || rc=$?
    app_pid=""; fail "the app exited ($rc) before a window appeared"
  fi
  echo "       windows seen:"; { xwininfo -root -tree | grep -E '^\s+0x' || true; } | head -20 | sed 's/^/       /'
  echo "       app output:"; tail -40 "$tmp/app.out" | sed 's/^/       /'
fi
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=""

if [ -n "$win" ]; then echo "- app output (the window run):"; head -20 "$tmp/app.out" | sed 's/^/       /'; fi

if [ $fails -eq 0 ]; then
  echo "smoke-test: OK (window after ${startup_ms} ms)"
else
  echo "smoke-test: FAILED ($fails check(s))"; exit 1
fi
