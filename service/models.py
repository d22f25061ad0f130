"""Every ORM model, imported in one place so Alembic and the tests see the whole schema.

One import line per area; nothing else belongs here.
"""
# ruff: noqa: F401

from service.accounts.models import SignInFailure, SignInSession, UserAccount
from service.audit.models import AuditEntry
from service.auth.models import ApiToken
from service.content_translations.models import ContentTranslation
from service.documents.models import Distribution, DocumentReference, IssuedDocument, StoredFile, Upload
from service.feeds.models import FeedToken
from service.form_submissions.models import FormSubmission
from service.grcm.models import GrcmMeeting
from service.meetings.models import Agreement, Meeting, Minutes
from service.monitoring.models import Instrument, MonitoringEntry
from service.monitoring.tools.models import MonitoringQuestion, MonitoringReminder, MonitoringResponse, MonitoringTool
from service.participation.models import CrmEvent
from service.planning.models import WorkPlan, WorkPlanActivity, WorkPlanResource
from service.ppt.feedback_models import PptFeedback
from service.ppt.models import PptTerm
from service.recommendations.models import FollowUp, Recommendation, RecommendationHistory
from service.reference.models import Country, Network, Party
