"""The classifier a process uses, swapped for a retrained one when its model folder changes on disk."""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Callable, Iterable

from .interval_check import IntervalCheck

logger = logging.getLogger(__name__)
# A folder that failed to load and has not changed since is tried again after this long at most.
MAX_RETRY_SECONDS = 300.0


class LiveClassifier:
    """One model folder's classifier; current() notices a retrained model there, looking at most every
    `check_seconds` (0: never), so a worker or a second web process needs no restart to use it."""

    def __init__(self, path: Path | str | None = None, places: Iterable[str] = (), check_seconds: float = 10.0,
                 clock: Callable[[], float] = time.monotonic):
        self._path = Path(path) if path else None  # None: the shipped model (nlp is imported on first use)
        self.places = tuple(sorted(places))
        self.check_seconds = check_seconds
        self.clock = clock
        self._classifier = None
        self._checks = IntervalCheck()
        self._failed_stamp: tuple | None = None  # the folder as it was when it last failed to load
        self._failures = 0
        self._retry_at = 0.0
        self._lock = threading.Lock()   # only the bookkeeping above: never held while loading
        self._first = threading.Lock()  # the first load, which callers wait for: they have no other model

    @property
    def path(self) -> Path:
        """The model folder followed."""
        if self._path is None:
            from nlp.classifier import MODEL_DIR
            self._path = MODEL_DIR
        return self._path

    def current(self):
        """The classifier to use now; when a check is due and the folder changed, this caller loads the
        new model while other threads go on with the old one. Not for use inside a transaction."""
        classifier = self._classifier
        if classifier is None:
            return self.loaded()
        # One caller per interval looks at the folder; the rest keep the model they have.
        if self.check_seconds <= 0 or not self._checks.due(self.check_seconds, self.clock):
            return classifier  # nearly every call: no lock, no stat
        return self._check(classifier)

    def loaded(self):
        """The classifier in use, without looking for a newer one (loaded if there is none yet)."""
        if self._classifier is None:
            import nlp
            with self._first:
                if self._classifier is None:
                    self._classifier = nlp.load(self.places, self.path)
                    self._checks.checked(self.check_seconds, self.clock)
        return self._classifier

    def use(self, path: Path | str):
        """Load the model in `path` now and follow that folder (this process has just trained it)."""
        import nlp
        classifier = nlp.load(self.places, path)
        with self._lock:
            self._path, self._classifier = Path(path), classifier
            self._failed_stamp, self._failures = None, 0
        return classifier

    def _check(self, classifier):
        from nlp.modeldir import stamp

        now = self.clock()
        seen = stamp(self.path)
        if seen == classifier.stamp:
            return classifier
        if seen == self._failed_stamp and now < self._retry_at:
            return classifier  # still the folder that failed: back off rather than load it every time
        return self._reload(classifier, seen)

    def _reload(self, old, seen):
        import nlp
        from nlp.modeldir import ModelChanged

        log = {"model_path": str(self.path), "model_version": old.model_version}
        try:
            new = nlp.load(self.places, self.path)
        except ModelChanged:  # a retrain finished while we read it: the next check loads the new one
            logger.info("the model changed while it was loading; trying again at the next check", extra=log)
            return old
        except Exception as exc:  # a half-written or corrupt folder must not stop classification
            with self._lock:
                self._failures += 1
                self._failed_stamp = seen
                self._retry_at = self.clock() + min(self.check_seconds * 2 ** self._failures, MAX_RETRY_SECONDS)
            logger.warning("could not load the model on disk; still using the previous one (%s)",
                           type(exc).__name__, extra={**log, "failures": self._failures,
                                                      "error": f"{type(exc).__name__}: {exc}"[:300]})
            return old
        with self._lock:
            self._classifier = new
            self._failed_stamp, self._failures = None, 0
        logger.info("now classifying with the model on disk",
                    extra={**log, "model_version": new.model_version, "previous_version": old.model_version})
        return new
