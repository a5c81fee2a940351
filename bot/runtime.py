"""The running system's parts, built once from settings: database, cipher, site, classifier, channels."""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from storage.crypto import AddressCipher
from storage.db import make_engine, make_session_factory, read_only
from storage.migrate import upgrade_engine
from storage.uow import UnitOfWork

from .config import Settings, load_settings
from .model_watch import LiveClassifier
from .site import Site, load_site
from .site_overrides import LiveSite

logger = logging.getLogger(__name__)


@dataclass
class Runtime:
    """Shared by the web app, the worker and the CLI of one process."""

    settings: Settings
    sites: LiveSite  # the site file with the dashboard's overrides on top
    engine: object
    session_factory: object
    cipher: AddressCipher
    channels: dict = field(default_factory=dict)
    models: LiveClassifier | None = None  # the classifier, following its model folder on disk
    _write_lock: object = None  # set for SQLite: one writer per process, taken in turn
    _read_factory: object = None

    def __post_init__(self):
        self.sites.reader = self.reader
        if self._in_memory():  # one shared connection: a check inside a transaction would end it
            self.sites.check_seconds = None
        if self.models is None:
            self.models = LiveClassifier(self.settings.model_dir or None, self.sites.base.places,
                                         self.settings.model_check_seconds)

    @property
    def site(self) -> Site:
        """The site in use: the site file, with what CD workers changed on the dashboard (any process's
        change is seen within settings.site_check_seconds)."""
        return self.sites.current()

    @site.setter
    def site(self, value: Site) -> None:
        self.sites.base = value  # a new site file's site; the dashboard's overrides stay on top

    def _in_memory(self) -> bool:
        return self.engine.url.database in (None, "", ":memory:")

    def uow(self) -> UnitOfWork:
        """A new unit of work (rolls back unless committed)."""
        return UnitOfWork(self.session_factory, self._write_lock)

    def reader(self) -> UnitOfWork:
        """A unit of work that only reads: on SQLite it waits for no writer."""
        if self._in_memory():
            return self.uow()  # one shared in-memory connection: take turns with the writers
        if self._read_factory is None:
            self._read_factory = make_session_factory(read_only(self.engine))
        return UnitOfWork(self._read_factory, None)

    @property
    def classifier(self):
        """The nlp classifier with this site's gazetteer; a model retrained by any process is used
        within settings.model_check_seconds. May load that model: call it outside a transaction."""
        return self.models.current()

    def channel(self, name: str):
        return self.channels.get(name)

    def close(self) -> None:
        """Close channels' connections and the database pool (tests, shutdown)."""
        for channel in self.channels.values():
            if hasattr(channel, "close"):
                channel.close()
        self.engine.dispose()


def build_runtime(settings: Settings | None = None, site: Site | None = None, *,
                  migrate: bool = True, channels: dict | None = None) -> Runtime:
    """Wire everything from settings; applies migrations unless told not to."""
    from .channels import build_channels

    settings = settings or load_settings()
    site = site or load_site(settings.site_file)
    engine = make_engine(settings.database_url)
    if migrate:
        upgrade_engine(engine)
    cipher = AddressCipher(settings.address_key or settings.secret_key)
    if channels is None:
        channels = build_channels(settings, site.whatsapp_template_sid)
    runtime = Runtime(settings=settings, sites=LiveSite(site, None, settings.site_check_seconds), engine=engine,
                      session_factory=make_session_factory(engine), cipher=cipher, channels=channels,
                      _write_lock=threading.RLock() if engine.dialect.name == "sqlite" else None)
    runtime.sites.refresh()  # the dashboard's overrides from the start
    return runtime
