# What the benchmarks' shell scripts share; each sources it from the
# project's root, after `set -euo pipefail`.

# The site's binary: BENCH_BIN when given (to compare two builds in one
# sitting), else this checkout's release build, built if need be.
site_binary() {
    if [ -n "${BENCH_BIN:-}" ]; then
        echo "$BENCH_BIN"
    else
        cargo build --release --locked --quiet
        echo "${CARGO_TARGET_DIR:-$PWD/target}/release/oneinfive"
    fi
}

# A TCP port free on 127.0.0.1 now.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# A figure of a process's /proc status in KiB: status_kib PID VmHWM.
status_kib() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }

# $1 extra signatories, spread over member states, as the import CSV.
extra_csv() {
    python3 - "$1" <<'PY'
import sys
n = int(sys.argv[1])
countries = ["FR","DE","IT","ES","PT","PL","NL","BE","AT","CH","SE","FI","NO","DK","IE","GR","RO","BG","HR","SI","CZ","SK"]
print("name,kind,country,joined_on")
for i in range(n):
    print(f"Bench place {i:06d},{'region' if i % 9 == 0 else 'city'},{countries[i % len(countries)]},2020-{1 + i % 12:02d}-{1 + i % 28:02d}")
PY
}
