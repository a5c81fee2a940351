"""Every table townsquare keeps; importing this package registers them all on Base.metadata."""
from .base import Base, utcnow
from .broadcasts import Broadcast, BroadcastStatus
from .digests import Action, Digest, DigestScope, HiddenQuote
from .meetings import Invitation, Meeting, MeetingStatus, RsvpAnswer
from .messages import Correction, ForgottenMessage, Message, MessageStatus, MessageTheme
from .outbox import OutboxMessage, OutboxStatus
from .residents import Resident, ResidentState
from .site_settings import SiteSetting, SiteSettingChange
from .workers import WorkerBeat
from .users import LoginAttempt, Role, User

__all__ = [
    "Base", "utcnow", "Resident", "ResidentState", "Message", "MessageStatus", "MessageTheme",
    "Correction", "ForgottenMessage", "OutboxMessage", "OutboxStatus", "Meeting", "MeetingStatus",
    "Invitation", "RsvpAnswer", "Broadcast", "BroadcastStatus", "WorkerBeat",
    "User", "Role", "LoginAttempt", "SiteSetting", "SiteSettingChange",
    "Digest", "DigestScope", "HiddenQuote", "Action",
]
