#!/usr/bin/env bash
# Builds Groundwork's native packages with jlink and jpackage; run by `mvn -Pinstaller package -pl installer -am`
# (which first copies the product's jars into target/app-input) or `./groundwork package`.
#
#   installer/package.sh TYPE VERSION     TYPE: app-image, or the platform's package: deb | rpm | dmg | pkg | msi | exe
#
# Steps, each in installer/target:
#   runtime/       a jlink'd Java runtime with only the modules the product uses (MODULES below) and its CDS base archive
#   image/groundwork/   the app image: bin/groundwork, the runtime, the product's jars (never the bench or test jars)
#   image/groundwork/lib/app/groundwork.jsa   an AppCDS archive made by a training run of the packaged app itself
#                                             (lib/train-cds.sh, which the .deb's postinst runs again under /opt)
#   dist/          the package (a .deb here), made from that same app image
# JavaFX stays on the class path like in the source build (STACK.md pitfall 5); its native libraries are unpacked into
# the image so that the first start writes nothing to ~/.openjfx.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
type=${1:?usage: package.sh TYPE VERSION}
# jpackage wants a plain number: 0.1.0-SNAPSHOT packages as 0.1.0.
version=${2:?usage: package.sh TYPE VERSION}; version=${version%%-*}
target="$here/target"
input="$target/app-input"
runtime="$target/runtime"
image="$target/image/groundwork"
say() { echo "package: $*" >&2; }

# jdeps over the product's jars finds these (java.base, java.desktop for ImageIO and javafx.swing, java.sql for SQLite,
# java.logging, java.xml and java.naming for logback, java.management and java.security.jgss for JGit); the others are
# reached by reflection or service loading, which jdeps cannot see: jdk.zipfs (study templates are read from the
# resources jar as a zip file system), jdk.unsupported (sun.misc.Unsafe: JavaFX, Guava, JNA), jdk.unsupported.desktop
# (javafx.swing's SwingFXUtils, used to write PNGs), java.scripting (javafx.fxml), jdk.charsets (files in legacy
# encodings). The CI smoke test (scripts/smoke-package.sh) runs new, run and snapshot in the image, so a module missing
# here fails CI.
MODULES=java.base,java.desktop,java.sql,java.logging,java.xml,java.naming,java.management,java.security.jgss,java.scripting,jdk.zipfs,jdk.unsupported,jdk.unsupported.desktop,jdk.charsets

java_home=${JAVA_HOME:?JAVA_HOME must name the JDK 25 that builds the package}
main_jar=$(cd "$input" && ls groundwork-app-*.jar 2>/dev/null | head -n1)
[ -n "$main_jar" ] || { say "no groundwork-app jar in $input: build with mvn -Pinstaller package -pl installer -am."; exit 1; }

# 1. The runtime, rebuilt only when the JDK or the module list changed (jlink takes ~12 s on 2 cores).
# --add-options: the runtime itself enables native access for the class path (SQLite, JavaFX, JNA), so its CDS base
# archive is dumped with it; given as a launcher option instead, the JVM found the archive's module properties
# mismatched and turned optimized module handling (the archived module graph) off at every start.
RUNTIME_OPTIONS=--enable-native-access=ALL-UNNAMED
stamp="$("$java_home/bin/java" -version 2>&1 | tr '\n' ' ')|$MODULES|$RUNTIME_OPTIONS"
if [ ! -f "$runtime/.stamp" ] || [ "$(cat "$runtime/.stamp")" != "$stamp" ]; then
  say "linking the runtime ($MODULES)"
  rm -rf "$runtime"
  # --generate-cds-archive: the runtime's own CDS base archive, which the app's dynamic archive extends.
  "$java_home/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
    --add-options="$RUNTIME_OPTIONS" --generate-cds-archive --output "$runtime" >/dev/null
  printf '%s' "$stamp" >"$runtime/.stamp"
fi

# 2. JavaFX's native libraries beside the jars: JavaFX loads them from java.library.path before it would unpack them
#    from its jars into ~/.openjfx/cache on the first start.
for jar in "$input"/javafx-*-linux.jar "$input"/javafx-*-mac*.jar "$input"/javafx-*-win*.jar; do
  [ -f "$jar" ] || continue
  (cd "$input" && unzip -qjo "$jar" '*.so' '*.dylib' '*.dll' 2>/dev/null || true)
done

# 3. The app image. $APPDIR is the launcher's lib/app folder wherever the image is installed.
icon="$here/src/icons/groundwork-256.png"
case "$(uname -s)" in
  Darwin) icon="$here/src/icons/groundwork.icns" ;;
  MINGW*|MSYS*|CYGWIN*) icon="$here/src/icons/groundwork.ico" ;;
esac
cds_option='-XX:SharedArchiveFile=$APPDIR/groundwork.jsa'
rm -rf "$target/image"
say "making the app image"
# ExplicitGCInvokesConcurrent: the window's one System.gc() after a study opens is a young pause (StudyAtRest.java).
"$java_home/bin/jpackage" --type app-image --dest "$target/image" --name groundwork --app-version "$version" \
  --vendor Groundwork --description "A desktop workbench for execution-grounded automated AI research" \
  --input "$input" --main-jar "$main_jar" --main-class dev.groundwork.app.Main \
  --runtime-image "$runtime" --icon "$icon" \
  --java-options '-Djava.library.path=$APPDIR' \
  --java-options "$cds_option" --java-options '-Xlog:cds=off' --java-options '-Xlog:cds+dynamic=off' \
  --java-options '-XX:+ExplicitGCInvokesConcurrent'
if [ "$(uname -s)" = Linux ]; then
  # 4. AppCDS: a training run of the packaged app archives the classes it loads (src/linux/train-cds.sh). The script
  #    travels in the image: the Debian package's postinst runs it again where the image is installed, since an
  #    archive only holds for the jar paths it was made with.
  say "training the AppCDS archive"
  install -m 755 "$here/src/linux/train-cds.sh" "$image/lib/train-cds.sh"
  "$image/lib/train-cds.sh" "$image" || { say "the image is broken: its training run failed."; exit 1; }
fi

[ "$type" = app-image ] && { say "app image: $image"; exit 0; }

# 5. The package, made from the app image above (so it holds the same CDS archive).
rm -rf "$target/dist"
say "making the $type package"
platform=()
case "$type" in
  deb|rpm)
    # libgtk-3-0: JavaFX's window toolkit on Linux; python3: the study templates' training code.
    # The Debian package puts the launcher in /opt/groundwork/bin; its postinst links /usr/bin/groundwork to it
    # (src/linux/postinst, prerm: jpackage's own scripts plus that link).
    platform=(--linux-package-name groundwork --linux-package-deps "libgtk-3-0, python3" --linux-shortcut
              --linux-menu-group "Science;Education;" --linux-app-category science
              --linux-deb-maintainer "groundwork@localhost" --resource-dir "$here/src/linux") ;;
  dmg|pkg)
    platform=(--mac-package-name Groundwork --mac-package-identifier dev.groundwork) ;;
  msi|exe)
    # A Start menu entry, a per-user install that asks where, and bin on PATH through the console launcher.
    platform=(--win-menu --win-menu-group Groundwork --win-dir-chooser --win-shortcut --win-console
              --win-upgrade-uuid 2f7f6e4a-8d0c-4a4e-9a36-6d1f5a0c7e11) ;;
esac
"$java_home/bin/jpackage" --type "$type" --dest "$target/dist" --app-image "$image" --name groundwork \
  --app-version "$version" --vendor Groundwork --description "A desktop workbench for execution-grounded automated AI research" \
  --icon "$icon" --about-url https://groundwork.dev "${platform[@]}"
say "package: $(ls "$target/dist"/*)"
