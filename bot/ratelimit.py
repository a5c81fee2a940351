"""Token buckets per channel (and per Telegram chat), shared by a worker's sending threads.

The caps come from settings and are per sender; when several workers run, each takes an equal
share (the worker tells the limiter how many are alive), so together they stay under the cap.
"""
from __future__ import annotations

import threading
import time


class TokenBucket:
    """`rate` tokens a second, bursting to `burst`; `take` blocks until its tokens are there."""

    def __init__(self, rate: float, burst: float | None = None, clock=time.monotonic, sleep=time.sleep):
        self.rate = rate
        # A fifth of a second's worth: a fresh (or restarted) worker cannot overshoot the cap by much.
        self.burst = burst if burst is not None else max(1.0, rate / 5)
        self._tokens = self.burst
        self._clock, self._sleep = clock, sleep
        self._updated = clock()
        self._lock = threading.Lock()

    def set_rate(self, rate: float) -> None:
        with self._lock:
            self.rate = rate
            self.burst = max(1.0, rate / 5)
            self._tokens = min(self._tokens, self.burst)

    def _wait_needed(self, tokens: float) -> float:
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._updated) * self.rate)
        self._updated = now
        if self._tokens >= tokens:
            self._tokens -= tokens
            return 0.0
        return (tokens - self._tokens) / self.rate

    def take(self, tokens: float = 1.0) -> None:
        """Wait until `tokens` may be spent, then spend them."""
        tokens = min(tokens, self.burst)  # a long SMS still goes out, just slowly after it
        while True:
            with self._lock:
                wait = self._wait_needed(tokens)
            if wait <= 0:
                return
            self._sleep(min(wait, 0.5))

    def pause(self, seconds: float) -> None:
        """The provider said slow down (429, RetryAfter): spend the next `seconds` of tokens."""
        with self._lock:
            self._wait_needed(0)
            self._tokens = min(self._tokens, 0.0) - seconds * self.rate


class RateLimits:
    """The buckets one worker process uses: per channel, and per chat for Telegram."""

    def __init__(self, settings, clock=time.monotonic, sleep=time.sleep):
        self._caps = {"sms": settings.twilio_rate_per_second, "whatsapp": settings.twilio_rate_per_second,
                      "telegram": settings.telegram_rate_per_second}
        self._per_chat = settings.telegram_per_chat_per_second
        self._clock, self._sleep = clock, sleep
        self._buckets: dict[str, TokenBucket] = {}
        self._chats: dict[str, TokenBucket] = {}
        self._share = 1
        self._lock = threading.Lock()

    def _bucket(self, channel: str) -> TokenBucket | None:
        cap = self._caps.get(channel)
        if not cap:
            return None  # console, email: no provider cap
        with self._lock:
            if channel not in self._buckets:
                self._buckets[channel] = TokenBucket(cap / self._share, clock=self._clock, sleep=self._sleep)
            return self._buckets[channel]

    def rate(self, channel: str) -> float | None:
        """This worker's share of the channel's cap per second (None: no cap)."""
        cap = self._caps.get(channel)
        return cap / self._share if cap else None

    def set_share(self, workers: int) -> None:
        """`workers` are sending: each takes 1/workers of every cap."""
        workers = max(1, workers)
        with self._lock:
            if workers == self._share:
                return
            self._share = workers
            for channel, bucket in self._buckets.items():
                bucket.set_rate(self._caps[channel] / workers)

    def acquire(self, channel: str, address: str, segments: int = 1) -> None:
        """Block until this message may go out under every cap that applies."""
        bucket = self._bucket(channel)
        if bucket is not None:
            bucket.take(segments if channel == "sms" else 1)
        if channel == "telegram" and self._per_chat:
            with self._lock:
                chat = self._chats.get(address)
                if chat is None:
                    if len(self._chats) > 10000:  # forget idle chats
                        self._chats.clear()
                    # Telegram allows short bursts in one chat (a reply and a confirmation).
                    chat = self._chats[address] = TokenBucket(self._per_chat, burst=3.0,
                                                              clock=self._clock, sleep=self._sleep)
            chat.take(1)

    def slow_down(self, channel: str, seconds: float) -> None:
        """A 429 or RetryAfter: hold the whole channel back."""
        bucket = self._bucket(channel)
        if bucket is not None:
            bucket.pause(seconds)
