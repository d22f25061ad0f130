#!/usr/bin/env bash
# The whole test suite on SQLite (LibreOffice and browser tests included), the installed wheel
# (scripts/wheel_check.sh; TRIPARTITO_SKIP_WHEEL_CHECK=1 skips it), then, when
# TRIPARTITO_TEST_DATABASE_URL names a PostgreSQL database, every database test again on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_CHROMIUM_EXECUTABLE="${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-/usr/bin/chromium}"

.venv/bin/ruff check .
echo "==> Test suite on SQLite"
env -u TRIPARTITO_TEST_DATABASE_URL .venv/bin/pytest -q "$@"

if [ -z "${TRIPARTITO_SKIP_WHEEL_CHECK:-}" ]; then
  echo "==> The wheel in a fresh virtualenv: init, templates check, serve, one PDF"
  bash scripts/wheel_check.sh
fi

if [ -n "${TRIPARTITO_TEST_DATABASE_URL:-}" ]; then
  echo "==> Database tests again on PostgreSQL"
  .venv/bin/pytest -q -m "not libreoffice and not browser" "$@"
  # Two app hosts and two converter hosts in network namespaces on one PostgreSQL database (needs root;
  # makes and drops its own database beside the one named above). Skipped in the SQLite run above.
  echo "==> Cluster test (scripts/cluster.py)"
  .venv/bin/pytest -q -m cluster tests/cluster
fi
