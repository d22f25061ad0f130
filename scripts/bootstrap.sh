#!/usr/bin/env bash
# Set up everything Tripartito needs on Debian/Ubuntu: system packages (LibreOffice, fonts, qpdf, poppler,
# Chromium, Node.js), the Python virtualenv, the unoserver virtualenv and the npm test tools. Idempotent:
# each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

APT_PACKAGES=(
  libreoffice-writer-nogui python3-uno python3-venv python3-pip
  fonts-liberation2 fonts-crosextra-carlito fonts-noto-core fonts-noto-color-emoji
  qpdf poppler-utils chromium
  ghostscript
  softhsm2  # the PKCS#11 sealing path is tested against a real (software) token
)
command -v node >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "==> Creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "==> Installing Python packages"
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e '.[dev]'
  rm -f .venv/.installed-* && touch "$stamp"
fi

bash scripts/uno_venv.sh

if [ -f package-lock.json ] && { [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; }; then
  echo "==> Installing npm test tools"
  npm ci --silent --no-audit --no-fund
  touch node_modules
fi
