"""Local fake provider servers that record what the real SDKs send them."""
from .servers import FakeTelegram, FakeTwilio

__all__ = ["FakeTwilio", "FakeTelegram"]
