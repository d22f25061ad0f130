#!/usr/bin/env bash
# Set everything up, create or migrate the database, load the demo year once, and serve on 127.0.0.1:5000.
# Idempotent: run it again at any time.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
# The session cookie is Secure by default; plain http on 127.0.0.1 needs it relaxed (never behind https).
export TRIPARTITO_INSECURE_COOKIES="${TRIPARTITO_INSECURE_COOKIES:-1}"
.venv/bin/tripartito init
.venv/bin/tripartito demo
exec .venv/bin/tripartito serve "$@"
