# Sourced by ./groundwork, ./run-tests and .ci/run: sets JAVA_HOME to a JDK 25 or newer, or explains what to install.
# Order: $JAVA_HOME when it is 25+, then the standard JVM folders (Linux, macOS), newest first.

groundwork_java_major() {  # prints the major version of the java binary in $1, or nothing
  local out
  out=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
  printf '%s' "${out%%.*}"
}

groundwork_find_jdk25() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(groundwork_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then return 0; fi
  fi
  for candidate in $(ls -d /usr/lib/jvm/*/ /usr/local/lib/jvm/*/ /opt/java/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ 2>/dev/null | sort -rV); do
    candidate=${candidate%/}
    [ -x "$candidate/bin/javac" ] || continue
    major=$(groundwork_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "Groundwork needs a JDK 25 or newer and found none (looked at \$JAVA_HOME and /usr/lib/jvm). Install one, e.g. 'apt-get install temurin-25-jdk' or from https://adoptium.net, or point JAVA_HOME at it." >&2
  return 1
}

groundwork_find_jdk25 || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
command -v mvn >/dev/null 2>&1 || { echo "Groundwork builds with Apache Maven 3.8 or newer, which is not on PATH; install it (e.g. 'apt-get install maven')." >&2; exit 1; }
