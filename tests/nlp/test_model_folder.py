"""Writing a model never leaves a folder another process could load half-written."""
import json

import pytest
import spacy.language

import nlp
import nlp.classifier
import nlp.modeldir
import nlp.training
from nlp.classifier import Classifier
from nlp.dataset import load_all
from tests.fakes.models import write_model

THEMES = ["housing", "health"]
MOULD = "black mould in the bedroom"


@pytest.fixture
def tiny_training(monkeypatch):
    """Training on a few rows for one epoch: seconds, not minutes."""
    rows = load_all()[:120]
    monkeypatch.setattr(nlp.training, "load_all", lambda: [dict(r) for r in rows])


def version_at(folder) -> str:
    return Classifier(folder).model_version


def reading_of(folder) -> tuple:
    """What a process loading `folder` now would make of a message: the model's version and scores."""
    classifier = Classifier(folder)
    return classifier.model_version, classifier.classify(MOULD).scores


def test_while_training_writes_readers_load_the_old_model_then_the_new_one(model_dir, tiny_training, monkeypatch):
    old = reading_of(model_dir)
    seen_while_writing = []
    real_to_disk = spacy.language.Language.to_disk

    def to_disk(self, path, **kwargs):
        real_to_disk(self, path, **kwargs)
        seen_while_writing.append(reading_of(model_dir))  # what another process would load now

    monkeypatch.setattr(spacy.language.Language, "to_disk", to_disk)
    meta = nlp.training.train(output=model_dir, epochs=1, themes=THEMES)
    assert seen_while_writing == [old]  # the old model whole, not the old metadata on new weights
    assert version_at(model_dir) == meta["version"] and Classifier(model_dir).themes == THEMES
    assert [p.name for p in model_dir.parent.iterdir()] == ["model"]  # nothing left beside it


def test_a_training_that_dies_while_writing_leaves_the_old_model(model_dir, tiny_training, monkeypatch):
    real_to_disk = spacy.language.Language.to_disk

    def to_disk(self, path, **kwargs):  # the disk fills up half way through the weights
        real_to_disk(self, path, **kwargs)
        weights = path / "textcat_multilabel" / "model"
        weights.write_bytes(weights.read_bytes()[:1000])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(spacy.language.Language, "to_disk", to_disk)
    with pytest.raises(OSError):
        nlp.training.train(output=model_dir, epochs=1, themes=THEMES)
    assert version_at(model_dir) == "before"
    assert Classifier(model_dir).classify(MOULD).themes
    assert [p.name for p in model_dir.parent.iterdir()] == ["model"]


def test_training_into_a_new_folder_and_without_an_atomic_exchange(tmp_path, monkeypatch):
    write_model(tmp_path / "fresh" / "model", "first")  # no folder there yet: a plain rename
    assert version_at(tmp_path / "fresh" / "model") == "first"
    monkeypatch.setattr(nlp.modeldir, "_exchange", lambda one, two: False)  # e.g. not Linux
    write_model(tmp_path / "fresh" / "model", "second")
    assert version_at(tmp_path / "fresh" / "model") == "second"
    assert [p.name for p in (tmp_path / "fresh").iterdir()] == ["model"]


def test_training_refuses_to_replace_a_folder_that_is_not_a_model(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        nlp.training.train(output=tmp_path, epochs=1)
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_load_returns_the_new_model_once_the_folder_changes(model_dir):
    first = nlp.load(model_path=model_dir)
    assert nlp.load(model_path=model_dir) is first  # unchanged: the same loaded model, no second load
    write_model(model_dir, "new")
    assert nlp.load(model_path=model_dir).model_version == "new"


def test_a_model_replaced_while_it_is_read_is_not_used(model_dir, monkeypatch):
    real_load = nlp.classifier.spacy.load

    def load_then_retrain(path, *args, **kwargs):  # a retrain finishes between two of the reader's files
        pipeline = real_load(path, *args, **kwargs)
        write_model(model_dir, "newer")
        return pipeline

    monkeypatch.setattr(nlp.classifier.spacy, "load", load_then_retrain)
    with pytest.raises(nlp.modeldir.ModelChanged):
        Classifier(model_dir)
    monkeypatch.undo()
    assert json.loads((model_dir / "townsquare.json").read_text())["version"] == "newer"
    assert version_at(model_dir) == "newer"


def test_the_train_command_replaces_its_output_folder(model_dir, tiny_training):
    from click.testing import CliRunner

    from nlp.cli import nlp_group

    result = CliRunner().invoke(nlp_group, ["train", "--epochs", "1", "--theme", "housing", "--output", str(model_dir)])
    assert result.exit_code == 0, result.output
    assert version_at(model_dir) == json.loads(result.stdout[result.stdout.index("{"):])["version"] != "before"
