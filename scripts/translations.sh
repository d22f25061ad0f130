#!/usr/bin/env bash
# Re-extract the page texts (_, _l) and the domain's message templates (N_), update the es/en catalogs and compile
# them, with the flags the committed catalogs were made with (stable diffs). Translate the new entries in
# service/translations/es/…/messages.po, then run this again; tests/web/test_translations.py fails if a text lacks
# Spanish or a .mo is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel=.venv/bin/pybabel
$pybabel extract -F babel.cfg -k _l -k N_ --no-location --sort-output -w 120 --project Tripartito \
  --copyright-holder "Equipo Tripartito" -o service/translations/messages.pot service
$pybabel update -N -w 120 -i service/translations/messages.pot -d service/translations
$pybabel compile -d service/translations
