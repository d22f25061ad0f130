"""Remote converters must be on a private network or loopback unless the operator explicitly allows otherwise."""

from __future__ import annotations

import pytest

from service import create_app
from service.conversion.addresses import PublicConverterAddress, check_converter_addresses


def names(table: dict[str, list[str]]):
    return lambda host: table.get(host, [])


@pytest.mark.parametrize("host", ["127.0.0.1", "10.231.7.21", "172.16.0.5", "192.168.1.9", "::1", "fd00::21",
                                  "fe80::1%eth0", "169.254.3.4", "::ffff:10.0.0.1"])
def test_private_and_loopback_addresses_are_accepted(host: str) -> None:
    check_converter_addresses([(host, 2003)], allow_public=False)


@pytest.mark.parametrize("host", ["8.8.8.8", "2001:4860::8888", "::ffff:8.8.8.8", "100.64.0.1"])
def test_a_public_address_is_refused_naming_it(host: str) -> None:
    with pytest.raises(PublicConverterAddress, match=r"public address.*TRIPARTITO_ALLOW_PUBLIC_CONVERTERS"):
        check_converter_addresses([("10.0.0.1", 2003), (host, 2003)], allow_public=False)


def test_a_name_counts_by_every_address_it_resolves_to() -> None:
    resolver = names({"lo1.internal": ["10.0.0.21"], "mixed.example": ["10.0.0.22", "203.0.113.99", "93.184.215.14"]})
    check_converter_addresses([("lo1.internal", 2003)], allow_public=False, resolver=resolver)
    with pytest.raises(PublicConverterAddress, match=r"mixed\.example:2003 is a public address \(93\.184\.215\.14\)"):
        check_converter_addresses([("mixed.example", 2003)], allow_public=False, resolver=resolver)


def test_a_name_that_does_not_resolve_is_refused() -> None:
    with pytest.raises(PublicConverterAddress, match="does not resolve"):
        check_converter_addresses([("nowhere.invalid", 2003)], allow_public=False, resolver=names({}))


def test_the_explicit_flag_allows_public_converters() -> None:
    check_converter_addresses([("8.8.8.8", 2003)], allow_public=True, resolver=names({}))


def test_the_service_refuses_to_start_with_a_public_converter(tmp_path) -> None:
    config = {"DATA_DIR": str(tmp_path), "SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    with pytest.raises(PublicConverterAddress, match=r"8\.8\.8\.8:2003"):
        create_app({**config, "CONVERTERS": "10.0.0.21:2003,8.8.8.8:2003"})
    app = create_app({**config, "CONVERTERS": "8.8.8.8:2003", "ALLOW_PUBLIC_CONVERTERS": True})
    assert app.extensions["tripartito"].converter.addresses == [("8.8.8.8", 2003)]


def test_remote_converters_are_in_service_from_the_start(tmp_path) -> None:
    # Without start(), /healthz said "stopped" (503) on every app host until someone issued a document.
    config = {"DATA_DIR": str(tmp_path), "SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    app = create_app({**config, "CONVERTERS": "127.0.0.1:1"})
    assert app.extensions["tripartito"].converter.ping()["state"] != "stopped"
