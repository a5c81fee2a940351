"""Local fake provider servers that record what the real SDKs send them."""
from .servers import FakeTelegram, FakeTwilio
from .smtp import FakeSMTP

__all__ = ["FakeTwilio", "FakeTelegram", "FakeSMTP"]
