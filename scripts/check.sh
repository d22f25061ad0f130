#!/usr/bin/env bash
# Set everything up and run the whole test suite (SQLite; then PostgreSQL when TRIPARTITO_TEST_DATABASE_URL is set).
# Idempotent: run it again at any time.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec bash scripts/test.sh "$@"
