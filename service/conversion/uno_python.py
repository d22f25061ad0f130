"""Which Python runs the unoserver servers, found without a checkout, and the venv the service makes for it.

LibreOffice's ``uno`` module exists only for the system's ``/usr/bin/python3`` (Debian's python3-uno), so the
servers cannot run in the app's own virtualenv. Looked for in this order:

1. ``TRIPARTITO_UNO_PYTHON`` (config ``UNO_PYTHON``): used as given; if it cannot import both, that is an error;
2. ``/usr/bin/python3`` when it imports ``uno`` and ``unoserver``;
3. ``<DATA_DIR>/uno-venv/bin/python``, made by ``tripartito converters setup`` (and ``tripartito init``);
4. the checkout's ``.venv-uno`` (developers; ``scripts/uno_venv.sh``);
5. otherwise ``UnoPythonMissing``, whose message is the exact command that fixes it.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

SYSTEM_PYTHON = Path("/usr/bin/python3")
_ROOT = Path(__file__).resolve().parents[2]  # service/conversion/uno_python.py -> the checkout
# Only a checkout has a pyproject.toml beside the package (a wheel puts the package in site-packages).
CHECKOUT_VENV: Path | None = _ROOT / ".venv-uno" / "bin" / "python" if (_ROOT / "pyproject.toml").exists() else None
IMPORTS_BOTH = "import uno, unoserver.server"
IMPORTS_UNO = "import uno"
APT_COMMAND = "sudo apt-get install python3-uno libreoffice-writer-nogui"

Probe = Callable[[Path, str], bool]  # (interpreter, python code) -> it ran without error
Run = Callable[[list[str]], None]  # runs a command, raises subprocess.CalledProcessError on failure


class UnoPythonMissing(RuntimeError):
    """No interpreter can run unoserver; the message says which command fixes it."""


def probe(python: Path, code: str) -> bool:
    """Does ``python -c code`` succeed? A missing or broken interpreter simply answers no."""
    if not python.is_file():
        return False
    try:
        return subprocess.run([str(python), "-c", code], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, timeout=60, check=False).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def data_venv(data_dir: Path) -> Path:
    """The virtualenv the service makes for unoserver under the data folder."""
    return data_dir / "uno-venv"


def unoserver_requirement() -> str:
    """The same unoserver as the app's client side (the XML-RPC calls must match)."""
    try:
        return f"unoserver=={metadata.version('unoserver')}"
    except metadata.PackageNotFoundError:
        return "unoserver>=3.7,<4"


def find_uno_python(data_dir: Path, configured: str | None = None, *, system_python: Path = SYSTEM_PYTHON,
                    checkout_venv: Path | None = CHECKOUT_VENV, probe: Probe = probe) -> Path:
    """The interpreter for unoserver, in the order of the module docstring; raises UnoPythonMissing."""
    if configured:
        if probe(Path(configured), IMPORTS_BOTH):
            return Path(configured)
        raise UnoPythonMissing(
            f"TRIPARTITO_UNO_PYTHON={configured} cannot import uno and unoserver. Point it at a Python that can, "
            f"or unset it and run `tripartito converters setup`.")
    candidates = [system_python, data_venv(data_dir) / "bin" / "python", checkout_venv]
    for candidate in candidates:
        if candidate is not None and probe(candidate, IMPORTS_BOTH):
            return candidate
    raise UnoPythonMissing(_what_to_do(data_dir, system_python, probe))


def _what_to_do(data_dir: Path, system_python: Path, probe: Probe) -> str:
    venv = data_venv(data_dir)
    make_venv = (f"{system_python} -m venv --system-site-packages {venv} && "
                 f"{venv}/bin/python -m pip install '{unoserver_requirement()}'")
    if probe(system_python, IMPORTS_UNO):
        return (f"No Python can run the LibreOffice converters: {system_python} has uno but not unoserver. "
                f"Run `tripartito converters setup` (with the same TRIPARTITO_DATA_DIR), which does: {make_venv}")
    return (f"No Python can run the LibreOffice converters: {system_python} cannot import uno. Run "
            f"`{APT_COMMAND}`, then `tripartito converters setup`; or set TRIPARTITO_UNO_PYTHON to a Python that "
            f"imports uno and unoserver.")


def _run(argv: list[str]) -> None:
    subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=True, timeout=600)


def set_up_uno_venv(data_dir: Path, *, system_python: Path = SYSTEM_PYTHON, probe: Probe = probe,
                    run: Run = _run) -> Path:
    """Make ``<DATA_DIR>/uno-venv`` (system site-packages for uno, unoserver from the package index) unless it
    already works; returns its python. Raises UnoPythonMissing naming the fix when it cannot."""
    venv = data_venv(data_dir)
    python = venv / "bin" / "python"
    if probe(python, IMPORTS_BOTH):
        return python
    if not probe(system_python, IMPORTS_UNO):
        raise UnoPythonMissing(f"{system_python} cannot import uno: run `{APT_COMMAND}`, then "
                               "`tripartito converters setup` again.")
    try:
        run([str(system_python), "-m", "venv", "--system-site-packages", "--clear", str(venv)])
        run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             unoserver_requirement()])
    except subprocess.SubprocessError as error:  # failed, or timed out (no route to the package index)
        command = " ".join(getattr(error, "cmd", None) or [])
        detail = str(getattr(error, "stderr", None) or error).strip()[-500:]
        raise UnoPythonMissing(f"Could not make {venv}: `{command}` failed: {detail}") from None
    if not probe(python, IMPORTS_BOTH):
        raise UnoPythonMissing(f"{python} was made but still cannot import uno and unoserver.")
    return python
