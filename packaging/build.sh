#!/usr/bin/env bash
# Builds the Linux desktop package of Cruddur Admin with its own Java runtime:
#   packaging/build.sh [--app-image] [--deb] [--no-maven]
#     --app-image  target/package/image/cruddur-admin/   (bin/cruddur-admin, lib/runtime, lib/app)
#     --deb        target/package/cruddur-admin_0.1.0-1_amd64.deb (installs to /opt/cruddur-admin)
#     --no-maven   use target/cruddur-admin.jar and target/lib/ as they are (no `mvn package`)
#     --cds-only   only make the CDS archive again for the app image already built (a new training run)
# With neither --app-image nor --deb it builds the app image. --deb builds the app image first and
# packages that same image, so what the smoke test runs is what the .deb installs.
# Needs JDK 17's jlink and jpackage (JAVA_HOME, else PATH); --deb also needs dpkg-deb and fakeroot.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

want_image=false want_deb=false run_maven=true cds_only=false
for a in "$@"; do
  case "$a" in
    --app-image) want_image=true ;;
    --deb) want_deb=true ;;
    --no-maven) run_maven=false ;;
    --cds-only) cds_only=true run_maven=false ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown option $a (try --help)" >&2; exit 2 ;;
  esac
done
$want_image || $want_deb || want_image=true

APP_NAME=cruddur-admin
APP_VERSION=0.1.0
VENDOR="Cruddur"
DESCRIPTION="Desktop admin client for Cruddur's direct messages in DynamoDB and its Momento cache"
MAIN_JAR=cruddur-admin.jar
MAIN_CLASS=dev.cruddur.admin.Launcher

# The runtime's modules. `jdeps --multi-release 17 --ignore-missing-deps --print-module-deps` over
# the jar and target/lib gives every module below but jdk.crypto.ec (see packaging/README.md for
# which jar needs which). jdk.crypto.ec is found by no static analysis: it is the SunEC provider,
# loaded as a service, without which TLS to AWS (ECDHE key exchange, EC certificates) fails.
# java.xml (STS's query protocol) and java.datatransfer come in as java.sql's and java.desktop's
# transitive requirements.
MODULES=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.security.jgss,java.sql,jdk.crypto.ec,jdk.jfr,jdk.net,jdk.unsupported,jdk.unsupported.desktop

# Debian packages the JavaFX natives link against (libglass/libglassgtk3, libprism_es2,
# libjavafx_font_*: `readelf -d` on the .so files in javafx-graphics-*-linux.jar). jpackage adds on
# its own those of the runtime's libraries (libawt_xawt, libfontmanager, ...), found with ldd and
# `dpkg -S` on the build machine (libasound2 among them: java.desktop's libjsound links it;
# JavaFX itself would need it only for javafx-media, which the app does not use).
DEB_DEPS="libgtk-3-0, libglib2.0-0, libpango-1.0-0, libpangoft2-1.0-0, libcairo2, libgdk-pixbuf-2.0-0, libx11-6, libxtst6, libxxf86vm1, libgl1, libfontconfig1, libfreetype6"

# Launched from /opt with HOME unwritable or from a menu without LANG: UTF-8 for message text, and
# no JavaFX native-library cache in HOME (the natives are unpacked next to the jars below and
# loaded from there). No -Dprism.order: JavaFX's own order on Linux is OpenGL (es2) then software,
# and the app goes straight to software where there is no GPU device (DesktopApp.softwarePipeline-
# WithoutGpu), which an explicit order would override.
# Memory (README, "Memory"; WindowSoak, 30 minutes of use under Xvfb): C1 only, the serial
# collector and a heap of at most 256 MB that grows to what the window holds (-Xms32m) instead of
# starting at 1/64 of the machine's memory; a 16 MB young generation; after a full collection the
# old generation keeps 10-25 % free. TrimNativeHeapInterval gives glibc's freed malloc memory back
# every 10 s (the launcher's .cfg cannot set MALLOC_ARENA_MAX, which the README's command adds);
# CompileThresholdScaling=4 compiles only methods used 4x as often (C1's code cache 22 -> 15 MB
# at minute 8); prism.disableRegionCaching drops Prism's 8 MB region-image texture from the heap.
JAVA_OPTIONS=(-Dfile.encoding=UTF-8 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m
              -Xms32m -Xmn16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=25
              -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=10000
              -XX:CompileThresholdScaling=4 -Dprism.disableRegionCaching=true)
# Class-data sharing: the app's classes as they were after a training run (below), mapped from
# lib/app/cruddur-admin.jsa instead of being read from the jars, verified and parsed at every
# start. The launcher expands $APPDIR; a missing or stale archive is ignored by the JVM (it then
# starts as before), so the image works without one.
CDS_ARCHIVE=cruddur-admin.jsa
# JDK 17 uses an app archive only where its jars were when it was made (the class path is compared
# as text), so the image's archive serves the image where it was built. The .deb's postinst makes
# the archive again where the package installs it, from the class list of the same training run
# (-Xshare:dump, no display needed).
CDS_CLASS_LIST=cruddur-admin.classlist
# A stale archive (a jar replaced or touched, the image copied elsewhere) is not used, but JDK 17
# then prints "[warning][cds,dynamic] Unable to use shared archive..." on stdout at every start,
# into the output of every command (`export > file`): these two keep it quiet; the app starts
# without the archive as it would without one. Must stay before the archive's option (the last).
JAVA_OPTIONS+=(-Xlog:cds=off -Xlog:cds+dynamic=off)
# shellcheck disable=SC2016 # $APPDIR is the launcher's, not ours
JAVA_OPTIONS+=('-XX:SharedArchiveFile=$APPDIR/'"$CDS_ARCHIVE")

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jpackage" ]; then
  JLINK="$JAVA_HOME/bin/jlink" JPACKAGE="$JAVA_HOME/bin/jpackage"
else
  JLINK="$(command -v jlink)" JPACKAGE="$(command -v jpackage)"
fi
jdk_major="$("$JLINK" --version | cut -d. -f1)"
[ "$jdk_major" -ge 17 ] || { echo "build.sh: jlink/jpackage 17+ needed, found $jdk_major" >&2; exit 1; }

if $run_maven; then
  echo "== mvn package"
  mvn -B -q package -DskipTests
fi
if [ ! -f target/$MAIN_JAR ] || [ ! -d target/lib ]; then
  echo "build.sh: target/$MAIN_JAR or target/lib missing (run without --no-maven)" >&2; exit 1
fi

# The image's launcher: a shell script in place of jpackage's native bin/cruddur-admin. The native
# one asks the package managers which package owns it before it starts Java, at every start and
# twice (`rpm -qf`, then `dpkg -S`, each reading every package's file list: 0.5 s apiece with the
# ~800 packages of this machine, more on a desktop; and `dpkg -L` once installed), and it cannot set
# the environment. This one starts the image's own runtime with the .cfg's options and class path
# in the .cfg's order (which the CDS archive must see unchanged), as the native one did
# (LD_LIBRARY_PATH with lib/app first, jpackage.app-path), and sets, unless already set,
# GDK_GL=disable and MALLOC_ARENA_MAX=2 as the README's command does (see "Memory"). The .cfg stays:
# the training run and the .deb's postinst read the class path from it.
write_launcher() {
  local img="$1" cfg launcher opt cp_rel
  cfg="$img/lib/app/$APP_NAME.cfg"
  launcher="$img/bin/$APP_NAME"
  [ -f "$cfg" ] || { echo "build.sh: no $cfg to write the launcher from" >&2; exit 1; }
  cp_rel="$(sed -n 's/^app.classpath=\$APPDIR\//$APPDIR\//p' "$cfg" | paste -sd:)"
  {
    echo '#!/bin/sh'
    echo "# $APP_NAME: written by packaging/build.sh (see write_launcher there); starts the image's runtime."
    echo 'APPDIR="$(cd "$(dirname "$(readlink -f "$0")")/../lib/app" && pwd -P)" || exit 1'
    echo 'export GDK_GL="${GDK_GL-disable}" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX-2}"'
    echo 'export LD_LIBRARY_PATH="$APPDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"'
    printf 'exec "$APPDIR/../runtime/bin/java" -Djpackage.app-version=%s' "$APP_VERSION"
    for opt in "${JAVA_OPTIONS[@]}"; do printf ' "%s"' "$opt"; done
    printf ' "-Djpackage.app-path=$APPDIR/../../bin/%s" -cp "%s" %s "$@"\n' "$APP_NAME" "$cp_rel" "$MAIN_CLASS"
  } >"$launcher.new"
  chmod 755 "$launcher.new"
  mv -f "$launcher.new" "$launcher"
}

out=target/package
common=(--name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$VENDOR" --description "$DESCRIPTION"
        --icon "$here/icon/$APP_NAME.png" --resource-dir "$out/resources")

if ! $cds_only; then
  rm -rf "$out/input" "$out/runtime" "$out/image" "$out/resources"
  mkdir -p "$out/input" "$out/resources" "$out/image"

  echo "== input: the jar, every runtime jar, the JavaFX natives"
  cp target/$MAIN_JAR target/lib/*.jar "$out/input/"
  # JavaFX's NativeLibLoader loads libglass.so & co. from the directory of javafx-graphics' jar first;
  # only when they are missing there does it unpack them into ~/.openjfx/cache on every new HOME.
  JAR="$(dirname "$JLINK")/jar"
  for j in target/lib/javafx-*-linux.jar; do
    if "$JAR" tf "$j" | grep -q '^[^/]*\.so$'; then
      rm -rf "$out/fx" && mkdir -p "$out/fx"
      (cd "$out/fx" && "$JAR" xf "$root/$j") && cp "$out/fx"/*.so "$out/input/" && rm -rf "$out/fx"
    fi
  done
  [ -f "$out/input/libglass.so" ] || { echo "build.sh: no JavaFX natives in target/lib/javafx-graphics-*-linux.jar" >&2; exit 1; }

  echo "== jlink runtime: $MODULES"
  # --generate-cds-archive: the runtime's own classes.jsa (the JDK's default CDS archive, which a
  # jlink'd runtime lacks otherwise); the app's archive is a dynamic one on top of it.
  "$JLINK" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --generate-cds-archive --output "$out/runtime"

  # jpackage takes "<launcher>.desktop" and "<launcher>.png" from --resource-dir; the desktop file's
  # APPLICATION_* words are jpackage's own placeholders, filled in with the installed paths.
  cp "$here/linux/$APP_NAME.desktop" "$out/resources/$APP_NAME.desktop"
  cp "$here/icon/$APP_NAME.png" "$out/resources/$APP_NAME.png"
  # the .deb's maintainer scripts: jpackage's, but installing the menu entry even without XDG menus
  cp "$here/linux/postinst" "$here/linux/prerm" "$out/resources/"

  echo "== jpackage app image"
  "$JPACKAGE" --type app-image "${common[@]}" \
    --input "$out/input" --main-jar "$MAIN_JAR" --main-class "$MAIN_CLASS" \
    --runtime-image "$out/runtime" --java-options "${JAVA_OPTIONS[*]}" \
    --dest "$out/image"
  write_launcher "$out/image/$APP_NAME"
fi
image="$out/image/$APP_NAME"
[ -x "$image/bin/$APP_NAME" ] || { echo "build.sh: no app image at $image (build it without --cds-only)" >&2; exit 1; }

# The CDS training run: the image's own runtime, the launcher's class path in the launcher's
# order and its options, the window opened under Xvfb on a fresh embedded data directory, each
# pane shown once (-Dcruddur.training), then quit; -XX:ArchiveClassesAtExit writes every class
# loaded that the base archive lacks. A first run loads the demo data, so the archived run is an
# ordinary start. Without Xvfb (or a DISPLAY) the image is built without the archive.
echo "== CDS archive: training run of the window"
train_cds() {
  local appdir java cp tmp display xvfb_pid="" rc=0
  appdir="$(cd "$image/lib/app" && pwd -P)"   # as the launcher computes it
  java="$(cd "$image/lib/runtime/bin" && pwd)/java"
  cp="$(sed -n 's/^app.classpath=\$APPDIR/'"${appdir//\//\\/}"'/p' "$appdir/$APP_NAME.cfg" | paste -sd:)"
  tmp="$(mktemp -d)"
  if [ -n "${DISPLAY:-}" ]; then
    display="$DISPLAY"
  elif command -v Xvfb >/dev/null; then
    exec 4>"$tmp/display"
    Xvfb -displayfd 4 -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
    xvfb_pid=$!
    exec 4>&-
    for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.05; done
    display=":$(head -1 "$tmp/display")"
  else
    echo "build.sh: no DISPLAY and no Xvfb (apt-get install xvfb): the image has no CDS archive and starts slower" >&2
    rm -rf "$tmp"; return 0
  fi
  local opts=("${JAVA_OPTIONS[@]:0:${#JAVA_OPTIONS[@]}-1}" -Dcruddur.training=true -cp "$cp")
  for run in seed archive; do
    local extra=()
    [ "$run" = archive ] && extra=(-XX:ArchiveClassesAtExit="$appdir/$CDS_ARCHIVE" -Xlog:cds=off -Xlog:cds+dynamic=off
                                   -XX:DumpLoadedClassList="$appdir/$CDS_CLASS_LIST")
    timeout "${CDS_TRAINING_TIMEOUT:-600}" env -i PATH=/usr/bin:/bin HOME="$tmp/home" DISPLAY="$display" XDG_CONFIG_HOME="$tmp/config" \
      XDG_DATA_HOME="$tmp/data" "$java" "${extra[@]}" "${opts[@]}" "$MAIN_CLASS" >"$tmp/$run.log" 2>&1 || rc=$?
    if [ $rc -ne 0 ]; then
      echo "build.sh: the CDS training run ($run) failed ($rc); the image has no archive:" >&2
      tail -20 "$tmp/$run.log" >&2
      cp "$tmp/$run.log" "$out/cds-training-$run.log" 2>/dev/null || true
      rm -f "$appdir/$CDS_ARCHIVE" "$appdir/$CDS_CLASS_LIST"; break
    fi
  done
  [ -n "$xvfb_pid" ] && { kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null || true; }
  rm -rf "$tmp"
  [ -f "$appdir/$CDS_ARCHIVE" ] && echo "CDS archive: $appdir/$CDS_ARCHIVE ($(du -h "$appdir/$CDS_ARCHIVE" | cut -f1))"
  return 0
}
train_cds
echo "app image: $image ($(du -sh "$image" | cut -f1))"

if $want_deb; then
  if ! command -v dpkg-deb >/dev/null || ! command -v fakeroot >/dev/null; then
    echo "build.sh: --deb needs dpkg-deb and fakeroot (apt-get install fakeroot)" >&2; exit 1
  fi
  echo "== jpackage deb"
  rm -f "$out/${APP_NAME}_${APP_VERSION}"*.deb
  maint=()
  [ -n "${DEB_MAINTAINER:-}" ] && maint=(--linux-deb-maintainer "$DEB_MAINTAINER")
  "$JPACKAGE" --type deb "${common[@]}" --app-image "$image" \
    --linux-package-name "$APP_NAME" --linux-package-deps "$DEB_DEPS" "${maint[@]}" \
    --linux-shortcut --linux-menu-group "Development;Database;" --linux-app-category database \
    --dest "$out"
  deb="$(ls "$out/${APP_NAME}_${APP_VERSION}"*.deb)"
  echo "deb: $deb ($(du -h "$deb" | cut -f1))"
fi
