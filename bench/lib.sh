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
if [ "${OFFLINE:-0}" = "1" ]; then MVN_OFFLINE="-o"; fi
mkdir -p target/bench
echo "==> compiling (./mvnw -q $MVN_OFFLINE test-compile)" >&2
./mvnw -q $MVN_OFFLINE test-compile >&2
if [ ! -s target/bench/classpath.txt ] || [ pom.xml -nt target/bench/classpath.txt ]; then
  ./mvnw -q $MVN_OFFLINE org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench/classpath.txt >&2
fi
CLASSPATH="target/classes:target/test-classes:$(cat target/bench/classpath.txt)"
export CLASSPATH

# PROFILE=1: after its measured rounds, a benchmark runs its measured path once more with
# async-profiler (tools.profiler:async-profiler, from Maven Central) attached to the application, and
# writes a CPU flame graph (bench/results/<name>-profile.html, every thread, virtual ones too) and the
# folded stacks (<name>-profile.collapsed, for grep and scripts). Outside the measured rounds, so the
# figures are not taken with a profiler on.
ASYNC_PROFILER_VERSION=4.2
need_async_profiler() {
  local lib=target/bench/async-profiler-$ASYNC_PROFILER_VERSION/libasyncProfiler.so
  if [ ! -s "$lib" ]; then
    local jar="$HOME/.m2/repository/tools/profiler/async-profiler/$ASYNC_PROFILER_VERSION/async-profiler-$ASYNC_PROFILER_VERSION.jar"
    if [ ! -s "$jar" ]; then
      ./mvnw -q $MVN_OFFLINE org.apache.maven.plugins:maven-dependency-plugin:3.9.0:get \
        -Dartifact="tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION" >&2
    fi
    mkdir -p "$(dirname "$lib")"
    (cd "$(dirname "$lib")" && "$(dirname "$JAVA")/jar" xf "$jar" linux-x64/libasyncProfiler.so \
      && mv linux-x64/libasyncProfiler.so . && rmdir linux-x64)
  fi
  echo "$PWD/$lib"
}

# profiled <pid> <name> <command...>: runs the command with the profiler on in the application <pid>
profiled() {
  local pid="$1" name="$2"
  shift 2
  local lib jcmd out="$PWD/bench/results/$name-profile"
  lib="$(need_async_profiler)"
  jcmd="$(dirname "$JAVA")/jcmd"
  # the agent's options as one quoted argument: jcmd would split "key=value" pairs otherwise
  "$jcmd" "$pid" JVMTI.agent_load "$lib" '"start,event=cpu,interval=1ms"' > /dev/null
  "$@"
  # the same samples twice: folded while running, then the flame graph as it stops
  "$jcmd" "$pid" JVMTI.agent_load "$lib" "\"dump,file=$out.collapsed,collapsed\"" > /dev/null
  "$jcmd" "$pid" JVMTI.agent_load "$lib" "\"stop,file=$out.html\"" > /dev/null
  echo "==> Profile: $out.html (flame graph), $out.collapsed (folded stacks)"
}

# ---------------------------------------------------------------- wrk's reports and the database
# Shared by the HTTP benchmarks. Each names its result files $RESULTS/$BENCH-<kind>-<round>.txt
# (one run each) and $RESULTS/$BENCH-<kind>.txt (all rounds appended).
total() { awk '/requests in/ {s += $1} END {print s + 0}' "$1"; }  # requests of every run in a file
rate() { awk '/^Requests\/sec/ {s += $2; n++} END {printf "%.0f", n ? s / n : 0}' "$1"; }  # mean req/s
errors() { awk '/Non-2xx/ {s += $5} END {print s + 0}' "$1"; }  # non-2xx/3xx answers
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0; else printf "%.2f", v * 1000 }'; }
pct() { # kind, percentile (e.g. 99%): the median over the rounds, in ms
  for f in "$RESULTS/$BENCH-$1"-[0-9]*.txt; do ms "$(awk -v p="$2" '$1 == p {print $2}' "$f")"; echo; done \
    | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}
# blocks <header>: "hit read", the blocks of the application's tables and indexes PostgreSQL found
# in its buffers and those it had to read (from the disk or the OS's cache) since it started
# (GET $BASE/api/bench/blocks of every benchmark application, ScanHttpBench.BenchEndpoints)
blocks() { curl -s -H "$1" "$BASE/api/bench/blocks"; }
# cold <before> <after>: the share of the blocks touched in between that were not in the buffers
cold() { echo "$1 $2" | sed 's/[^0-9 ]/ /g' | awk '{ printf "%.1f %% of %d blocks", ($4 - $2) * 100 / (($3 + $4) - ($1 + $2) + 0.0001), ($3 + $4) - ($1 + $2) }'; }
