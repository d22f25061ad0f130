"""Who is asking, and what they may do: pure predicates, no Flask."""

from __future__ import annotations

from dataclasses import dataclass

PARTY_CODES = ("st_crm", "st_rrocm", "ppt")


@dataclass(frozen=True)
class Principal:
    """A party of the team (may write) or a member country (may read what is issued and the feeds)."""

    party: str | None = None
    country: str | None = None

    @property
    def is_party(self) -> bool:
        return self.party is not None

    @property
    def label(self) -> str:
        return self.party or f"country:{self.country}"


def may_write(principal: Principal | None) -> bool:
    return principal is not None and principal.is_party


def may_read_shared(principal: Principal | None) -> bool:
    """Meetings, PPT terms, GRCM meetings, issued documents: shared with every member country (R8)."""
    return principal is not None


def may_read_working_data(principal: Principal | None) -> bool:
    """Drafts and working records (minutes being written, draft recommendations): the team only."""
    return may_write(principal)
