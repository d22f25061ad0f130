"""Where remote PDF converters may be: the policy for ``TRIPARTITO_CONVERTERS=host:port,…``.

unoserver has no authentication: whoever reaches its port converts documents with our LibreOffice and can
read what others send it. So a converter must sit on a private network (RFC 1918, RFC 4193, link-local) or
loopback; a public address is refused unless ``TRIPARTITO_ALLOW_PUBLIC_CONVERTERS`` says the operator put
something else in front of it (a VPN, a firewall allowing only the app hosts).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence

Resolver = Callable[[str], list[str]]  # host name -> the IP addresses it resolves to


class PublicConverterAddress(ValueError):
    """A converter address that is not private or loopback (or cannot be resolved to check it)."""


def resolve(host: str) -> list[str]:
    """Every address ``host`` resolves to (A and AAAA); [] when it does not resolve."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return []
    return sorted({str(info[4][0]) for info in infos})


def is_private_or_loopback(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # fe80::1%eth0: the zone is not part of the address
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    # is_private also covers documentation and reserved ranges nobody routes; is_global is the safe opposite.
    return ip.is_loopback or ip.is_link_local or (ip.is_private and not ip.is_global)


def check_converter_addresses(addresses: Sequence[tuple[str, int]], *, allow_public: bool,
                              resolver: Resolver = resolve) -> None:
    """Raise PublicConverterAddress naming the first converter that may not be used.

    A host name counts by every address it resolves to (one public address is enough to refuse it),
    and one that does not resolve is refused too: we cannot tell where the documents would go.
    """
    if allow_public:
        return
    for host, port in addresses:
        try:
            found = [host] if _is_ip(host) else resolver(host)
        except OSError:
            found = []
        if not found:
            raise PublicConverterAddress(
                f"TRIPARTITO_CONVERTERS: {host}:{port} does not resolve, so it cannot be checked to be private; "
                "use an IP address or a name that resolves, or set TRIPARTITO_ALLOW_PUBLIC_CONVERTERS=1")
        public = [address for address in found if not is_private_or_loopback(address)]
        if public:
            raise PublicConverterAddress(
                f"TRIPARTITO_CONVERTERS: {host}:{port} is a public address ({', '.join(public)}); unoserver has "
                "no authentication, so converters must listen on a private network or loopback. Set "
                "TRIPARTITO_ALLOW_PUBLIC_CONVERTERS=1 only if something else restricts who reaches it.")


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True
