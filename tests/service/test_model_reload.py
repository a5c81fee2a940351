"""A model retrained by one process is used by the others (worker, other web processes) without a restart."""
import json
import logging
import shutil
import time

import pytest
from sqlalchemy import select

import nlp.modeldir
import nlp.training
from bot import retraining
from bot.runtime import build_runtime
from bot.users import Viewer
from storage.models import Message
from tests.conftest import Resident
from tests.fakes.models import write_model
from webhooks import create_app

ROAD = "cars speeding on my road every night, someone will get killed"
BINS = "The bins on Marsh Lane havent been collected for 3 weeks, rats everywhere"


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def settings(settings, model_dir):
    return settings.with_overrides(model_dir=str(model_dir), model_check_seconds=10.0)


@pytest.fixture
def clock(runtime):
    clock = Clock()
    runtime.models.clock = clock
    return clock


@pytest.fixture
def other_process(settings, clock):
    """A second runtime on the same database and model folder: the worker, or another web process."""
    rt = build_runtime(settings, migrate=False)
    rt.models.clock = clock
    yield rt
    rt.close()


def latest_message(runtime) -> Message:
    with runtime.uow() as uow:
        return uow.session.scalars(select(Message).order_by(Message.id.desc())).first()


def retrain_in(runtime, monkeypatch, version: str, theme_cut: float) -> None:
    """A CD worker retrains from the dashboard in `runtime`'s process (training itself faked: it takes minutes)."""
    monkeypatch.setattr(nlp.training, "train", lambda output, epochs, extra: (
        write_model(output, version, theme_cut), {"version": version})[1])
    cd = Viewer(id=1, email="cd@example.org", role="cd_worker", organisation=None, themes=runtime.site.themes)
    assert retraining.start_retrain(runtime, cd, epochs=1)
    for _ in range(200):
        if retraining.status(runtime).state != "running":
            break
        time.sleep(0.05)
    assert retraining.status(runtime).state == "done", retraining.status(runtime)


def test_another_web_process_and_the_worker_use_a_retrained_model_without_restart(
        runtime, other_process, clock, worker, fake_twilio, monkeypatch):
    other_web = Resident(create_app({"TESTING": True}, runtime=other_process).test_client(), "+447700900401")
    for body in ("hello", "YES", "1"):
        other_web.text(body)
    other_web.text(BINS)
    worker.drain()
    assert latest_message(runtime).model_version == "before"
    assert "environment" in fake_twilio.bodies_to("+447700900401")[-1]

    # Retrained in the first web process, into the folder every process follows; no theme passes its cut now.
    retrain_in(runtime, monkeypatch, "retrained", theme_cut=1.01)
    assert runtime.classifier.classify(BINS).model_version == "retrained"  # the process that trained it: at once

    clock.now += 10  # the other processes' next check
    other_web.text(BINS)
    worker.drain()
    message = latest_message(runtime)
    assert message.model_version == "retrained" and message.themes == []
    assert "environment" not in fake_twilio.bodies_to("+447700900401")[-1]
    assert other_process.classifier.classify(ROAD).model_version == "retrained"


def test_the_disk_is_looked_at_once_per_interval_not_per_message(runtime, clock, model_dir, monkeypatch):
    looks = []
    real_stamp = nlp.modeldir.stamp
    monkeypatch.setattr(nlp.modeldir, "stamp", lambda folder: looks.append(folder) or real_stamp(folder))
    assert runtime.classifier.classify(ROAD).model_version == "before"
    looks.clear()
    write_model(model_dir, "after")

    for _ in range(38):
        clock.now += 0.25  # 9.5 s of messages: the new model is not looked for yet
        assert runtime.classifier.classify(ROAD).model_version == "before"
    assert looks == []

    clock.now += 0.5
    versions = {runtime.classifier.classify(ROAD).model_version for _ in range(50)}
    assert versions == {"after"} and len([f for f in looks if f == model_dir]) == 1


def test_a_half_written_model_folder_does_not_stop_classification(runtime, clock, model_dir, caplog):
    before = runtime.classifier.classify(ROAD)
    # Written in place, not published: new metadata beside weights cut short, as a copy that died would leave.
    meta = json.loads((model_dir / "townsquare.json").read_text())
    (model_dir / "townsquare.json").write_text(json.dumps({**meta, "version": "half-written"}))
    weights = model_dir / "textcat_multilabel" / "model"
    weights.write_bytes(weights.read_bytes()[:1000])

    clock.now += 10
    with caplog.at_level(logging.WARNING, logger="bot.model_watch"):
        after = runtime.classifier.classify(ROAD)
    assert after.model_version == "before" and after.themes == before.themes
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "speeding" not in warnings[0].getMessage()
    assert warnings[0].model_path == str(model_dir)

    clock.now += 10  # the same broken folder is not loaded again at every check
    with caplog.at_level(logging.WARNING, logger="bot.model_watch"):
        assert runtime.classifier.classify(ROAD).model_version == "before"
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1

    write_model(model_dir, "fixed")  # a proper retrain replaces it: used at the next check
    clock.now += 10
    assert runtime.classifier.classify(ROAD).model_version == "fixed"


def test_a_model_folder_that_vanishes_keeps_the_old_model(runtime, clock, model_dir):
    assert runtime.classifier.classify(ROAD).model_version == "before"
    shutil.rmtree(model_dir)
    clock.now += 10
    assert runtime.classifier.classify(ROAD).model_version == "before"
    write_model(model_dir, "back")
    clock.now += 10
    assert runtime.classifier.classify(ROAD).model_version == "back"


def test_the_check_can_be_turned_off(settings, runtime, model_dir):
    runtime.models.check_seconds = 0
    assert runtime.classifier.classify(ROAD).model_version == "before"
    write_model(model_dir, "after")
    assert runtime.classifier.classify(ROAD).model_version == "before"
