"""Every table townsquare keeps; importing this package registers them all on Base.metadata."""
from .base import Base, utcnow
from .meetings import Meeting, MeetingStatus
from .messages import Correction, Message, MessageStatus, MessageTheme
from .outbox import OutboxMessage, OutboxStatus
from .residents import Resident, ResidentState

__all__ = [
    "Base", "utcnow", "Resident", "ResidentState", "Message", "MessageStatus", "MessageTheme",
    "Correction", "OutboxMessage", "OutboxStatus", "Meeting", "MeetingStatus",
]
