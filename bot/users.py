"""Dashboard users: creating them, signing in (argon2, rate-limited), and what each role may see."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select

from storage.models import LoginAttempt, Role, User, utcnow

logger = logging.getLogger(__name__)

MIN_PASSWORD_LENGTH = 10
LOCKOUT_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_CLIENT = 20
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a real password, for equal timing")


class RateLimited(Exception):
    """Too many failed sign-ins for this email or client lately."""


@dataclass(frozen=True)
class Viewer:
    """Who is looking at the dashboard, and what they may see."""

    id: int
    email: str
    role: str
    organisation: str | None
    themes: tuple[str, ...]
    session_version: int = 0

    @property
    def is_partner(self) -> bool:
        return self.role == Role.PARTNER

    @property
    def sees_residents(self) -> bool:
        """CD workers and admins see raw messages and residents; partners never do."""
        return self.role in (Role.CD_WORKER, Role.ADMIN)

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN


def normalise_email(email: str) -> str:
    """Emails are compared and stored trimmed and lower-cased."""
    return (email or "").strip().lower()


def viewer_for(user: User, site) -> Viewer:
    """The Viewer of a user: a partner sees only the themes its organisation owns on this site."""
    if user.role == Role.PARTNER:
        partner = next((p for p in site.partners if p.name == user.organisation), None)
        themes = tuple(t for t in (partner.themes if partner else ()) if t in site.themes)
    else:
        themes = tuple(site.themes)
    return Viewer(id=user.id, email=user.email, role=user.role, organisation=user.organisation,
                  themes=themes, session_version=user.session_version)


def create_user(runtime, email: str, password: str, role: str, organisation: str | None = None) -> User:
    """Add a dashboard user; ValueError says what is wrong with the request."""
    email = normalise_email(email)
    if "@" not in email or len(email) > 254:
        raise ValueError("an email address is required")
    if role not in Role.ALL:
        raise ValueError(f"role must be one of {', '.join(Role.ALL)}")
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValueError(f"the password must be at least {MIN_PASSWORD_LENGTH} characters")
    partners = [p.name for p in runtime.site.partners]
    if role == Role.PARTNER and organisation not in partners:
        raise ValueError(f"a partner needs an organisation, one of: {', '.join(partners) or '(none in the site file)'}")
    if role != Role.PARTNER:
        organisation = None
    with runtime.uow() as uow:
        if uow.session.scalar(select(User.id).where(User.email == email)) is not None:
            raise ValueError(f"a user with the email {email} already exists")
        user = User(email=email, password_hash=_hasher.hash(password), role=role, organisation=organisation)
        uow.session.add(user)
        uow.commit()
    logger.info("dashboard user created", extra={"user_id": user.id, "role": role})
    return user


def list_users(runtime) -> list[User]:
    """Every dashboard user, by email."""
    with runtime.uow() as uow:
        return list(uow.session.scalars(select(User).order_by(User.email)))


def get_user(runtime, user_id: int) -> User | None:
    """An active user by id (None when unknown or deactivated)."""
    with runtime.uow() as uow:
        user = uow.session.get(User, user_id)
        return user if user is not None and user.active else None


def _failures(session, column, value: str, since) -> int:
    return session.scalar(select(func.count(LoginAttempt.id)).where(
        column == value, LoginAttempt.succeeded.is_(False), LoginAttempt.attempted_at >= since)) or 0


def authenticate(runtime, email: str, password: str, client: str = "") -> User | None:
    """The user whose email and password these are, or None; RateLimited after too many failures."""
    email = normalise_email(email)[:254]
    client = (client or "")[:64]
    now = utcnow()
    since = now - LOCKOUT_WINDOW
    with runtime.uow() as uow:
        session = uow.session
        if (_failures(session, LoginAttempt.email, email, since) >= MAX_FAILURES_PER_EMAIL
                or (client and _failures(session, LoginAttempt.client, client, since) >= MAX_FAILURES_PER_CLIENT)):
            logger.warning("sign-in refused: too many failures", extra={"client": client})
            raise RateLimited()
        user = session.scalar(select(User).where(User.email == email))
        ok = False
        try:
            ok = _hasher.verify(user.password_hash if user else _DUMMY_HASH, password or "")
        except (VerificationError, InvalidHashError):
            ok = False
        ok = ok and user is not None and user.active
        session.add(LoginAttempt(email=email, client=client, succeeded=ok, attempted_at=now))
        session.execute(delete(LoginAttempt).where(LoginAttempt.attempted_at < now - timedelta(days=1)))
        if ok:
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            user.last_login_at = now
        uow.commit()
    if ok:
        logger.info("dashboard sign-in", extra={"user_id": user.id})
        return user
    logger.info("dashboard sign-in failed", extra={"client": client})
    return None


def set_active(runtime, viewer: Viewer, user_id: int, active: bool) -> User:
    """An admin turns a user's access off (they are signed out at once) or back on."""
    if not viewer.is_admin:
        raise PermissionError("only admins manage users")
    if user_id == viewer.id and not active:
        raise ValueError("you cannot turn off your own access")
    with runtime.uow() as uow:
        user = uow.session.get(User, user_id)
        if user is None:
            raise LookupError(user_id)
        if user.active and not active:
            user.session_version += 1  # their open sessions end now, and stay ended
        user.active = active
        uow.commit()
    logger.info("dashboard user access changed", extra={"user_id": user_id, "active": active, "by": viewer.id})
    return user
