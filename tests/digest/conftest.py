"""A runtime on the test site (digest recipients and partners), SQLite and PostgreSQL."""
import pytest

from bot.runtime import build_runtime
from tests.digest.helpers import SITE


@pytest.fixture
def site_runtime(settings):
    rt = build_runtime(settings, SITE)
    yield rt
    rt.close()
