"""Finding the Python that runs unoserver, with fake interpreters (shell scripts that "import" what they are told):
the configured one, then /usr/bin/python3, then the data folder's venv, then the checkout's; else the fix."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from service.conversion.uno_python import (
    APT_COMMAND,
    UnoPythonMissing,
    find_uno_python,
    set_up_uno_venv,
    unoserver_requirement,
)
from tests.fakes import fake_python


@pytest.fixture
def world(tmp_path):
    """A data folder, a system python (no uno yet) and where the checkout's venv would be."""
    return {"data_dir": tmp_path / "data", "system": tmp_path / "usr" / "python3",
            "checkout": tmp_path / "repo" / ".venv-uno" / "bin" / "python"}


def find(world, configured=None):
    return find_uno_python(world["data_dir"], configured, system_python=world["system"],
                           checkout_venv=world["checkout"])


def test_a_fake_interpreter_answers_only_for_the_modules_it_has(tmp_path):
    python = fake_python(tmp_path / "python", "uno")
    assert subprocess.run([python, "-c", "import uno"], check=False).returncode == 0
    assert subprocess.run([python, "-c", "import uno, unoserver.server"], check=False).returncode == 1


def test_the_configured_interpreter_comes_first(world, tmp_path):
    fake_python(world["system"], "uno", "unoserver")
    configured = fake_python(tmp_path / "mine" / "python", "uno", "unoserver")
    assert find(world, str(configured)) == configured


def test_a_configured_interpreter_that_cannot_import_both_is_an_error_not_skipped(world, tmp_path):
    fake_python(world["system"], "uno", "unoserver")
    broken = fake_python(tmp_path / "mine" / "python", "uno")
    with pytest.raises(UnoPythonMissing, match=f"TRIPARTITO_UNO_PYTHON={broken} cannot import"):
        find(world, str(broken))


def test_the_system_python_is_used_when_it_imports_uno_and_unoserver(world):
    fake_python(world["system"], "uno", "unoserver")
    fake_python(world["data_dir"] / "uno-venv" / "bin" / "python", "uno", "unoserver")
    fake_python(world["checkout"], "uno", "unoserver")
    assert find(world) == world["system"]


def test_the_data_folders_venv_comes_before_the_checkouts(world):
    fake_python(world["system"], "uno")
    venv_python = fake_python(world["data_dir"] / "uno-venv" / "bin" / "python", "uno", "unoserver")
    fake_python(world["checkout"], "uno", "unoserver")
    assert find(world) == venv_python


def test_the_checkout_venv_is_the_last_resort(world):
    fake_python(world["system"], "uno")
    fake_python(world["data_dir"] / "uno-venv" / "bin" / "python", "uno")  # broken: no unoserver
    checkout = fake_python(world["checkout"], "uno", "unoserver")
    assert find(world) == checkout


def test_without_a_checkout_and_without_unoserver_the_error_names_the_setup_command(world):
    fake_python(world["system"], "uno")
    with pytest.raises(UnoPythonMissing) as missing:
        find_uno_python(world["data_dir"], system_python=world["system"], checkout_venv=None)
    message = str(missing.value)
    assert "`tripartito converters setup`" in message
    assert f"{world['system']} -m venv --system-site-packages {world['data_dir'] / 'uno-venv'}" in message
    assert unoserver_requirement() in message


def test_without_uno_the_error_names_the_apt_command(world):
    fake_python(world["system"])
    with pytest.raises(UnoPythonMissing, match="cannot import uno") as missing:
        find(world)
    assert APT_COMMAND in str(missing.value)
    assert APT_COMMAND == "sudo apt-get install python3-uno libreoffice-writer-nogui"


class FakeInstaller:
    """Stands in for `python3 -m venv` and pip: records the commands, makes the venv's python work."""

    def __init__(self, venv_python: Path, fail_pip: bool = False) -> None:
        self.venv_python, self.fail_pip, self.commands = venv_python, fail_pip, []

    def __call__(self, argv: list[str]) -> None:
        self.commands.append(argv)
        if "pip" in argv:
            if self.fail_pip:
                raise subprocess.CalledProcessError(1, argv, stderr="No matching distribution found")
            fake_python(self.venv_python, "uno", "unoserver")
        else:
            fake_python(self.venv_python, "uno")


def test_setup_makes_a_venv_with_system_site_packages_and_the_apps_unoserver(world):
    fake_python(world["system"], "uno")
    venv = world["data_dir"] / "uno-venv"
    installer = FakeInstaller(venv / "bin" / "python")
    python = set_up_uno_venv(world["data_dir"], system_python=world["system"], run=installer)
    assert python == venv / "bin" / "python"
    assert installer.commands[0] == [str(world["system"]), "-m", "venv", "--system-site-packages", "--clear",
                                     str(venv)]
    assert installer.commands[1][:4] == [str(python), "-m", "pip", "install"]
    assert installer.commands[1][-1] == unoserver_requirement()
    assert find_uno_python(world["data_dir"], system_python=world["system"], checkout_venv=None) == python


def test_setup_does_nothing_when_the_venv_already_works(world):
    fake_python(world["system"], "uno")
    fake_python(world["data_dir"] / "uno-venv" / "bin" / "python", "uno", "unoserver")
    installer = FakeInstaller(world["data_dir"] / "uno-venv" / "bin" / "python")
    set_up_uno_venv(world["data_dir"], system_python=world["system"], run=installer)
    assert installer.commands == []


def test_setup_without_uno_names_the_apt_command_and_installs_nothing(world):
    fake_python(world["system"])
    installer = FakeInstaller(world["data_dir"] / "uno-venv" / "bin" / "python")
    with pytest.raises(UnoPythonMissing, match="python3-uno"):
        set_up_uno_venv(world["data_dir"], system_python=world["system"], run=installer)
    assert installer.commands == []


def test_a_failed_pip_install_says_which_command_failed_and_why(world):
    fake_python(world["system"], "uno")
    installer = FakeInstaller(world["data_dir"] / "uno-venv" / "bin" / "python", fail_pip=True)
    with pytest.raises(UnoPythonMissing, match=r"pip install .*No matching distribution found"):
        set_up_uno_venv(world["data_dir"], system_python=world["system"], run=installer)


def test_the_checkout_venv_is_the_one_beside_pyproject_toml():
    from service.conversion.uno_python import CHECKOUT_VENV

    root = Path(__file__).resolve().parents[1]
    assert root / ".venv-uno" / "bin" / "python" == CHECKOUT_VENV
