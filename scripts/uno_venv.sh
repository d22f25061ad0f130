#!/bin/sh
# Create the virtualenv the unoserver SERVER runs in (idempotent).
# The `uno` module exists only for Debian's /usr/bin/python3, so the venv must be made from that
# interpreter with --system-site-packages; the Flask app talks to it over XML-RPC from .venv.
# Usage: scripts/uno_venv.sh            -> creates <repo>/.venv-uno
#        TRIPARTITO_UNO_PYTHON=/path/to/venv/bin/python scripts/uno_venv.sh  -> creates that venv
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
system_python=${TRIPARTITO_SYSTEM_PYTHON:-/usr/bin/python3}
uno_python=${TRIPARTITO_UNO_PYTHON:-$repo/.venv-uno/bin/python}
venv=$(dirname "$(dirname "$uno_python")")

if ! "$system_python" -c 'import uno' 2>/dev/null; then
    echo "uno_venv: $system_python cannot import uno; install Debian's python3-uno" >&2
    exit 1
fi

# Already usable? Then there is nothing to do (keeps CI and bootstrap fast).
if [ -x "$uno_python" ] && "$uno_python" -c 'import uno, unoserver.server' 2>/dev/null; then
    echo "uno_venv: $venv is ready"
    exit 0
fi

if [ ! -x "$uno_python" ]; then
    "$system_python" -m venv --system-site-packages "$venv"
elif [ ! -f "$venv/pyvenv.cfg" ]; then
    # Never pip-install into a system interpreter: point TRIPARTITO_UNO_PYTHON at a venv's python.
    echo "uno_venv: $uno_python lacks uno or unoserver and is not in a virtualenv" >&2
    exit 1
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check 'unoserver>=3.7,<4'
"$uno_python" -c 'import uno, unoserver.server'
echo "uno_venv: created $venv"
