# Shared by the bench/ scripts: a JDK 25 and the project's test classpath (compiled once).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

find_java() {
  local candidate
  for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
    if [ -x "$candidate" ] && "$candidate" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
      echo "$candidate"
      return
    fi
  done
  echo "bench: no JDK 25 found (set JAVA_HOME)" >&2
  exit 1
}

# wrk, from the Debian package when the machine lacks it (the HTTP benchmarks' load generator)
need_wrk() {
  if ! command -v wrk >/dev/null 2>&1; then
    echo "==> Installing wrk (Debian package)"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk
  fi
}

JAVA="$(find_java)"
MVN_OFFLINE="${MVN_OFFLINE:-}"
mkdir -p target/bench
echo "==> compiling (./mvnw -q $MVN_OFFLINE test-compile)" >&2
./mvnw -q $MVN_OFFLINE test-compile >&2
if [ ! -s target/bench/classpath.txt ] || [ pom.xml -nt target/bench/classpath.txt ]; then
  ./mvnw -q $MVN_OFFLINE org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench/classpath.txt >&2
fi
CLASSPATH="target/classes:target/test-classes:$(cat target/bench/classpath.txt)"
export CLASSPATH
