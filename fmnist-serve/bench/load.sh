#!/usr/bin/env bash
# Load benchmark of `fmnist serve` (a benchmark, not a test): single 28x28 PNG pictures POSTed to
# /v1/predict with 32 connections, against a server on 127.0.0.1, alternating with the same server's
# /healthz so the model's cost shows as a ratio even on a busy machine.
#
# The generator shares the server's cores, so its own cost counts against the server's figure: `wrk`
# (the default) spends about 20 us of CPU per request here, `hey` about 200 us, which at 5,000 requests/s
# would be a whole core. FMNIST_BENCH_TOOL=hey selects hey.
#
# Usage: fmnist-serve/bench/load.sh [MODEL] [ROUNDS] [REQUESTS]
#   MODEL     model file (default: fmnist-pure-mlp.fmnist, from ./fmnist train)
#   ROUNDS    alternating predict/healthz rounds (default: 3)
#   REQUESTS  hey: requests per run (default: 20000), each run also cut off after 120 s; wrk bounds a run
#             by time only, FMNIST_BENCH_SECONDS (default: 10) each, after a warm-up run of
#             FMNIST_BENCH_WARMUP_SECONDS (default: 30)
# Needs: wrk or hey (apt-get install wrk hey), python3 (to write the PNG), curl, and the built ./fmnist
# launcher.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODEL="${1:-$ROOT/fmnist-pure-mlp.fmnist}"
ROUNDS="${2:-3}"
REQUESTS="${3:-20000}"
CONNECTIONS=32
PORT="${FMNIST_BENCH_PORT:-18123}"
BASE="http://127.0.0.1:$PORT"

TOOL="${FMNIST_BENCH_TOOL:-wrk}"
case "$TOOL" in wrk|hey) ;; *) echo "load.sh: FMNIST_BENCH_TOOL must be wrk or hey, not $TOOL" >&2; exit 2 ;; esac
command -v "$TOOL" >/dev/null || { echo "load.sh: $TOOL is needed (apt-get install $TOOL)" >&2; exit 1; }
[[ -f "$MODEL" ]] || { echo "load.sh: no model file $MODEL; run ./fmnist train first" >&2; exit 1; }

WORK="$(mktemp -d)"
SERVER=""
cleanup() {
  if [[ -n "$SERVER" ]] && kill -0 "$SERVER" 2>/dev/null; then kill -TERM "$SERVER"; wait "$SERVER" || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# A 28x28 grey PNG of a light object on black (the dataset's form), so preprocessing does real work.
python3 - "$WORK/picture.png" <<'PY'
import struct, sys, zlib
rows = []
for y in range(28):
    rows.append(bytes(0 if x < 6 or x > 21 or y < 3 or y > 24 else 90 + 6 * abs(x - 14) + 3 * y for x in range(28)))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 28, 28, 8, 0, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"".join(b"\x00" + r for r in rows))) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY

# FMNIST_BENCH_SERVE_OPTS adds options to the server, such as "--batch-delay 0".
"$ROOT/fmnist" serve --model "$MODEL" --backend pure --port "$PORT" ${FMNIST_BENCH_SERVE_OPTS:-} >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER=$!
for _ in $(seq 1 600); do
  curl -sf "$BASE/readyz" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve.err" >&2; exit 1; }
  sleep 0.2
done
curl -sf "$BASE/readyz" >/dev/null || { echo "load.sh: the server did not become ready" >&2; exit 1; }
curl -sf -H 'Content-Type: image/png' --data-binary @"$WORK/picture.png" "$BASE/v1/predict" >/dev/null

# wrk: the request script that posts the picture.
cat >"$WORK/post.lua" <<'LUA'
local f = assert(io.open(os.getenv("FMNIST_BENCH_PICTURE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
wrk.headers["Content-Type"] = "image/png"
f:close()
LUA

# One run, bounded by count (hey) or time (wrk) and by a timeout; prints "req/s p50_ms p99_ms ok failed".
# run predict|healthz
run() {
  local out="$WORK/load.txt" url picture=""
  if [[ "$1" == predict ]]; then url="$BASE/v1/predict"; picture="$WORK/picture.png"; else url="$BASE/healthz"; fi
  if [[ "$TOOL" == wrk ]]; then
    local script=()
    [[ -n "$picture" ]] && script=(-s "$WORK/post.lua")
    FMNIST_BENCH_PICTURE="$picture" timeout 120 wrk -t 1 -c "$CONNECTIONS" -d "${SECONDS_PER_RUN:-${FMNIST_BENCH_SECONDS:-10}}s" \
      --timeout 10s --latency "${script[@]}" "$url" >"$out" 2>&1 || true
  elif [[ -n "$picture" ]]; then
    timeout 150 hey -n "$REQUESTS" -c "$CONNECTIONS" -t 10 -m POST -T image/png -D "$picture" "$url" >"$out" 2>&1 || true
  else
    timeout 150 hey -n "$REQUESTS" -c "$CONNECTIONS" -t 10 "$url" >"$out" 2>&1 || true
  fi
  python3 - "$out" "$TOOL" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
if sys.argv[2] == "wrk":
    m = re.search(r"Requests/sec:\s+([\d.]+)", t)
    done = re.search(r"(\d+) requests in", t)
    if not m or not done:
        print("0 0 0 0 all"); sys.exit()
    def ms(q):
        v = re.search(q + r"%\s+([\d.]+)(us|ms|s)\b", t)
        return float(v.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[v.group(2)]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
    failed = (int(bad.group(1)) if bad else 0) + (sum(int(g) for g in sock.groups()) if sock else 0)
    print(f"{float(m.group(1)):.0f} {ms('50'):.2f} {ms('99'):.2f} {int(done.group(1)) - failed} {failed}")
    sys.exit()
m = re.search(r"Requests/sec:\s+([\d.]+)", t)
if not m:
    print("0 0 0 0 all"); sys.exit()
lat = dict(re.findall(r"(\d+)%+ in ([\d.]+) secs", t))
codes = {int(c): int(n) for c, n in re.findall(r"\[(\d{3})\]\s+(\d+) responses", t)}
errors = 0
if "Error distribution" in t:
    errors = sum(int(n) for n in re.findall(r"^\s+\[(\d+)\]", t.split("Error distribution")[1], re.M))
ok = codes.get(200, 0)
failed = sum(v for k, v in codes.items() if k != 200) + errors
print(f"{float(m.group(1)):.0f} {float(lat['50']) * 1000:.2f} {float(lat['99']) * 1000:.2f} {ok} {failed}")
PY
}

# The pipeline is a lot of code for the JIT: under full load its compiled form takes tens of seconds to settle.
echo "generator: $TOOL; warm-up: $(SECONDS_PER_RUN="${FMNIST_BENCH_WARMUP_SECONDS:-30}" run predict)" >&2
printf "%-6s %-9s %10s %8s %8s %8s %7s\n" round endpoint "req/s" "p50 ms" "p99 ms" ok failed
declare -a P H
for r in $(seq 1 "$ROUNDS"); do
  read -r rps p50 p99 ok failed < <(run predict)
  printf "%-6s %-9s %10s %8s %8s %8s %7s\n" "$r" predict "$rps" "$p50" "$p99" "$ok" "$failed"
  P+=("$rps")
  read -r rps p50 p99 ok failed < <(run healthz)
  printf "%-6s %-9s %10s %8s %8s %8s %7s\n" "$r" healthz "$rps" "$p50" "$p99" "$ok" "$failed"
  H+=("$rps")
done
python3 - "${P[*]}" "${H[*]}" <<'PY'
import statistics, sys
p = [float(x) for x in sys.argv[1].split()]
h = [float(x) for x in sys.argv[2].split()]
ratios = [a / b for a, b in zip(p, h)]
print(f"median predict {statistics.median(p):.0f} req/s, healthz {statistics.median(h):.0f} req/s; "
      f"predict/healthz per round {', '.join(f'{r:.2f}' for r in ratios)} (median {statistics.median(ratios):.2f})")
PY
curl -s "$BASE/metrics" | grep -E '^fmnist_batch_size_(count|sum|max)' >&2 || true
echo "server options: ${FMNIST_BENCH_SERVE_OPTS:-(defaults)}" >&2
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)" >&2
kill -TERM "$SERVER"; code=0; wait "$SERVER" || code=$?; echo "server exit code after SIGTERM: $code" >&2; SERVER=""
