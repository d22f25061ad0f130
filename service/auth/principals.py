"""Who is asking, and what they may do: pure predicates, no Flask.

One `Principal` names the actor of every operation: a party or member country (from an API token or a signed-in
account), or the system itself (the command line, the demo loader). Strings for actors exist only at the edges
(columns such as `recorded_by`, messages), derived from it through `label`.
"""

from __future__ import annotations

from dataclasses import dataclass

PARTY_CODES = ("st_crm", "st_rrocm", "ppt")


@dataclass(frozen=True)
class Principal:
    """A party of the team (may write), a member country (may read what is issued and the feeds), or the system.

    `user_id`/`user_email` name the signed-in account and `token_id` the API token it came through, when known;
    `system` names a component acting without a person ("cli", "demo"), possibly on behalf of a party.
    `ppt_country` is the member country a PPT token or account belongs to: it acts on its own country's terms.
    """

    party: str | None = None
    country: str | None = None
    user_id: int | None = None
    user_email: str | None = None
    token_id: int | None = None
    system: str | None = None
    ppt_country: str | None = None

    @classmethod
    def system_actor(cls, name: str, *, party: str | None = None) -> Principal:
        """The system acting by itself (`tripartito` commands: "cli") or, like the demo, on behalf of a party."""
        return cls(party=party, system=name)

    @property
    def is_party(self) -> bool:
        return self.party is not None

    @property
    def label(self) -> str:
        if self.party:
            return self.party
        if self.country:
            return f"country:{self.country}"
        return f"system:{self.system or 'unknown'}"


# `tripartito` commands act as the system: whoever runs them has the server's own access, not a party's token.
COMMAND_LINE = Principal.system_actor("cli")
# Only for callers another area has not moved to an explicit actor yet (tests of documents create accounts):
# the audit log then says so, instead of naming someone who did not act.


def may_write(principal: Principal | None) -> bool:
    return principal is not None and principal.is_party


def may_read_shared(principal: Principal | None) -> bool:
    """Meetings, PPT terms, GRCM meetings, issued documents: shared with every member country (R8)."""
    return principal is not None


def may_read_working_data(principal: Principal | None) -> bool:
    """Drafts and working records (minutes being written, draft recommendations): the team only."""
    return may_write(principal)


def may_read_audit(principal: Principal | None) -> bool:
    """The audit log says who did what: the three parties only, like the working data."""
    return may_write(principal)
