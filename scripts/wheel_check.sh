#!/usr/bin/env bash
# CI: the wheel, installed (not editable) into a fresh virtualenv with its own data folder, is a working
# service: `tripartito init`, `tripartito templates check` (12 of 12), `tripartito serve` with real
# LibreOffice, and one minutes PDF issued through the API (201, %PDF). Builds from a copy of the tree, so
# build/ and *.egg-info never appear in the repository; everything lives in one temp folder, removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"  # makes the fresh virtualenv; the build uses the checkout's .venv
unset PYTHONPATH

work=$(mktemp -d -t tripartito-wheel.XXXXXX)
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$server" 2>/dev/null || true
  fi
  # LibreOffice runs in sessions of its own: whatever still names our temp folder is ours, by pid
  for pid in $(pgrep -f -- "$work" || true); do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> [${SECONDS}s] Building the wheel (from a copy of the tree)"
mkdir "$work/src"
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$work/src"
.venv/bin/python -m pip wheel --quiet --disable-pip-version-check --no-deps -w "$work/dist" "$work/src"
wheel=$(ls "$work"/dist/tripartito-*.whl)
echo "    $(basename "$wheel")"

echo "==> [${SECONDS}s] Installing it into a fresh virtualenv"
"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check --no-compile "$wheel"
rm -rf "$work/src"  # nothing may come from the checkout from here on

cd "$work"  # not the repository: its ./instance and .venv-uno must not be found
export TRIPARTITO_DATA_DIR="$work/data"
unset TRIPARTITO_TEMPLATES_DIR TRIPARTITO_UNO_PYTHON TRIPARTITO_DATABASE_URL TRIPARTITO_CONVERTERS
tripartito="$work/venv/bin/tripartito"

echo "==> [${SECONDS}s] tripartito init"
"$tripartito" init
echo "==> [${SECONDS}s] tripartito templates check"
"$tripartito" templates check | tail -n 1 | tee "$work/check.txt"
grep -qx "12 of 12 template(s) pass." "$work/check.txt"
"$tripartito" demo >/dev/null
token=$("$tripartito" token create --party st_crm 2>/dev/null | tail -n 1)

port=$("$work/venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "==> [${SECONDS}s] tripartito serve on 127.0.0.1:$port"
"$tripartito" serve --port "$port" --threads 2 >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 600); do  # up to 2 minutes: a loaded CI machine imports slowly
  curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log"; echo "wheel_check: serve exited" >&2; exit 1; }
  sleep 0.2
done

echo "==> [${SECONDS}s] Issuing the minutes of meeting 1 (English) through the API"
status=$(curl -s -o "$work/issued.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"kind":"minutes","subject_id":1,"language":"en"}' \
  "http://127.0.0.1:$port/api/v1/documents")
if [ "$status" != 201 ]; then
  cat "$work/issued.json" "$work/serve.log"; echo "wheel_check: issuing answered $status, not 201" >&2; exit 1
fi
document=$("$work/venv/bin/python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$work/issued.json")
curl -sf -o "$work/minutes.pdf" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/documents/$document/pdf"
[ "$(head -c 4 "$work/minutes.pdf")" = "%PDF" ] || { echo "wheel_check: not a PDF" >&2; exit 1; }
echo "    201, document $document, $(wc -c <"$work/minutes.pdf") bytes of PDF"

echo "==> [${SECONDS}s] Stopping the server"
kill -TERM "$server"
wait "$server" || true
server=""
sleep 1
left=$(pgrep -f -- "$work" || true)
[ -z "$left" ] || { ps -o pid,args -p "$left" >&2; echo "wheel_check: processes outlived the server" >&2; exit 1; }
echo "wheel_check: OK"
