"""Every ORM model, imported in one place so Alembic and the tests see the whole schema."""

from service.auth.models import ApiToken
from service.grcm.models import GrcmMeeting
from service.meetings.models import Agreement, Meeting, Minutes
from service.ppt.models import PptTerm
from service.reference.models import Country, Network, Party

__all__ = ["Agreement", "ApiToken", "Country", "GrcmMeeting", "Meeting", "Minutes", "Network", "Party", "PptTerm"]
