"""Meetings and broadcasts tests: the real app and worker, with quiet hours off unless a test sets them
(so the suite gives the same answers at any hour), and helpers that sign residents up."""
from __future__ import annotations

import dataclasses
import itertools
from datetime import time, timedelta

import pytest
from sqlalchemy import select

from bot.runtime import build_runtime
from bot.site import DEFAULT_SITE
from storage.models import Resident, utcnow
from tests.conftest import post_telegram
from tests.fakes.updates import callback_update, text_update

NO_QUIET_HOURS = dataclasses.replace(DEFAULT_SITE, quiet_hours=(time(0, 0), time(0, 0)))
_updates = itertools.count(1000)


@pytest.fixture
def site():
    return NO_QUIET_HOURS


@pytest.fixture
def runtime(settings, site):
    rt = build_runtime(settings, site)
    yield rt
    rt.close()


class People:
    """Residents signing up over SMS and Telegram, as they would."""

    def __init__(self, phone, client, worker, runtime):
        self.phone, self.client, self.worker, self.runtime = phone, client, worker, runtime

    def sms(self, number: str, area: str = "1", whatsapp: bool = False):
        resident = self.phone(number, whatsapp)
        for body in ("hello", "YES", area):
            resident.text(body)
        self.worker.drain()
        return resident

    def telegram(self, chat: int, area: str = "1") -> int:
        for body in ("/start", "YES", area):
            self.tap_text(chat, body)
        self.worker.drain()
        return chat

    def tap_text(self, chat: int, body: str):
        return post_telegram(self.client, text_update(next(_updates), chat, body))

    def press(self, chat: int, data: str):
        return post_telegram(self.client, callback_update(next(_updates), chat, data))

    def resident_id(self, channel: str, address: str) -> int:
        key = self.runtime.cipher.lookup_hash(channel, address)
        with self.runtime.uow() as uow:
            return uow.session.scalar(select(Resident.id).where(Resident.address_hash == key))


@pytest.fixture
def people(phone, client, worker, runtime):
    return People(phone, client, worker, runtime)


def at(moment):
    """A worker clock frozen at `moment`."""
    return lambda: moment


def in_days(days: float):
    return (utcnow() + timedelta(days=days)).replace(second=0, microsecond=0)
