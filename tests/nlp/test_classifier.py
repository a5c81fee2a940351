"""The shipped classifier: themes, urgency (and its look-alikes), places, language, corrections."""
import json
import time

import pytest
from click.testing import CliRunner

import nlp
from nlp.cli import nlp_group


@pytest.fixture(scope="module")
def classifier():
    return nlp.load(places=["Albion Road", "Marsh Lane", "Kingsmead Estate", "Well Street", "Tower Court"])


def test_loads_quickly_and_reports_its_version(tmp_path):
    started = time.perf_counter()
    fresh = nlp.Classifier(places=())
    assert time.perf_counter() - started < 1.0
    assert fresh.model_version and fresh.themes == nlp.DEFAULT_THEMES


@pytest.mark.parametrize("text, theme", [
    ("black mould all over the bathroom and the landlord wont fix it", "housing"),
    ("cars speeding past the school every morning, we need a crossing", "road_safety"),
    ("cant get a GP appointment for three weeks", "health"),
    ("lads on mopeds doing wheelies and shouting at people all night", "antisocial_behaviour"),
    ("fly tipping behind the garages again, mattresses and bags", "environment"),
    ("my car was broken into and the radio stolen", "crime"),
    ("please dont close the youth club, the kids have nowhere else", "community_facilities"),
    ("the 242 bus never turns up on time", "transport"),
])
def test_clear_messages_get_their_theme(classifier, text, theme):
    assert theme in classifier.classify(text).themes


def test_several_themes_at_once(classifier):
    themes = classifier.classify("damp and mould in the flat is giving my kids asthma").themes
    assert {"housing", "health"} <= set(themes)


@pytest.mark.parametrize("text", ["thanks", "ok", "STOP", "yes", "👍"])
def test_small_talk_and_commands_carry_no_theme(classifier, text):
    assert classifier.classify(text).themes == []


@pytest.mark.parametrize("text, reason", [
    ("i dont see the point anymore", "self_harm"),
    ("everyone would be better off without me", "self_harm"),
    ("the old lady at 12 hasnt opened her curtains in days", "vulnerable_adult"),
    ("he hit me again last night and im scared to go home", "domestic_abuse"),
    ("strong smell of gas in the stairwell", "fire_gas"),
    ("man collapsed at the bus stop and isnt moving", "medical"),
    ("two small kids alone in the flat since yesterday", "child_at_risk"),
    ("honestly life aint worth living anymore", "self_harm"),
    ("my brother has been saving up his tablets, i found them in a sock", "self_harm"),
    ("my grandad hasnt picked up his phone for two days and he lives alone", "vulnerable_adult"),
    ("the wiring behind the fridge is melting and the kitchen is filling with smoke", "fire_gas"),
    ("the co alarm is beeping and we all have headaches", "fire_gas"),
    ("someone is yelling for help in the underpass", "danger_now"),
    ("my little boy is floppy and wont wake up properly", "medical"),
])
def test_urgent_messages_are_caught_with_a_reason(classifier, text, reason):
    result = classifier.classify(text)
    assert result.urgent and result.urgent_reason == reason


@pytest.mark.parametrize("text", [
    "the speeding is killing this street", "this damp is killing me", "im dying for a new bus route",
    "the fire station open day was great", "gas bill is through the roof", "i could murder a cuppa",
    "kill the lights at the park at night please",
    "i cant see the point of the new bike lane", "calling for help with the damp for months",
    "heard thuds all night from upstairs, they must be moving furniture",
    "sparks from the angle grinder at the building site at 7am", "the smoke alarm in the hall needs a new battery",
    "life isnt worth much round here with these prices", "nobody has seen the caretaker for weeks",
    "thats odd, the bins werent collected again",
])
def test_look_alikes_are_not_urgent(classifier, text):
    assert not classifier.classify(text).urgent


def test_places_tolerate_abbreviations_and_case(classifier):
    assert classifier.classify("potholes all down albion rd").places == ["Albion Road"]
    assert classifier.classify("MARSH LN and Well St are filthy").places == ["Marsh Lane", "Well Street"]
    assert classifier.classify("the kingsmead estate lifts").places == ["Kingsmead Estate"]


@pytest.mark.parametrize("text, lang", [
    ("W mieszkaniu jest wilgoć i pleśń, dzieci kaszlą", "pl"), ("Sokakta çok fazla çöp var", "tr"),
    ("পার্কে রাতে মাদক বিক্রি হচ্ছে", "bn"), ("La calle está muy sucia y hay ratas", "es"),
    ("the bins are overflowing again", "en"),
])
def test_language_is_detected_and_non_english_flagged(classifier, text, lang):
    result = classifier.classify(text)
    assert result.lang == lang
    if lang != "en":
        assert result.needs_review


def test_non_english_is_flagged_for_review(classifier):
    assert classifier.classify("Ulica jest brudna, śmieci wszędzie").needs_review


def test_redacted_text_comes_with_the_result(classifier):
    assert classifier.classify("call me 07700 900123 about the rats").redacted == "call me [phone] about the rats"


def test_batch_and_single_agree(classifier):
    texts = ["rats by the bins", "speeding on marsh lane", "thanks"]
    assert [c.themes for c in classifier.classify_many(texts)] == [classifier.classify(t).themes for t in texts]


def test_correction_becomes_a_redacted_training_example():
    example = nlp.correction_example("my neighbour Dave at 12 Albion Road deals drugs", ["crime", "crime"], urgent=False)
    assert example["themes"] == ["crime"] and example["urgent"] is False
    assert "Dave" not in example["text"] and "12 Albion Road" not in example["text"]


def test_cli_classify_reads_and_writes_json_lines():
    runner = CliRunner()
    result = runner.invoke(nlp_group, ["classify"], input='{"text": "bins not collected"}\n\n{"text": "ok"}\n')
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 2 and "environment" in lines[0]["themes"] and lines[1]["themes"] == []
    assert set(lines[0]) >= {"themes", "scores", "urgent", "lang", "redacted", "places", "model_version"}
    bad = runner.invoke(nlp_group, ["classify"], input="not json\n")
    assert bad.exit_code != 0 and "line 1" in bad.output


def test_cli_evaluate_json_on_a_small_file(tmp_path):
    data = tmp_path / "few.jsonl"
    data.write_text('{"text": "rats everywhere by the bins", "themes": ["environment"], "urgent": false}\n'
                    '{"text": "i want to end it all", "themes": ["health"], "urgent": true}\n')
    result = CliRunner().invoke(nlp_group, ["evaluate", str(data), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["examples"] == 2 and report["urgent"]["recall"] == 1.0
    assert report["per_label"]["environment"]["recall"] == 1.0


def test_fixmystreet_categories_map_to_themes():
    from nlp.fixmystreet import theme_for
    assert theme_for("Fly Tipping") == "environment"
    assert theme_for("Potholes") == "road_safety"
    assert theme_for("Street lighting") == "road_safety"
    assert theme_for("Car parking") == "transport"
    assert theme_for("Other") is None


@pytest.mark.parametrize("text, reason", [
    ("teenagers have got a lad pinned to the railings by the shops, happening right now", "danger_now"),
    ("there is somebody in our kitchen, we can hear them, we're hiding upstairs", "danger_now"),
    ("bus mounted the kerb and there's a woman under the bus", "danger_now"),
    ("the carbon monoxide alarm keeps going off and my husband is drowsy", "fire_gas"),
    ("the cables on the lamp post are sparking by the school gate", "fire_gas"),
    ("my dad's chest is tight and his left arm has gone numb", "medical"),
    ("i've got all my pills out on the table, i want it all to stop", "self_harm"),
    ("his carer never showed up today and he can't get to the toilet alone", "vulnerable_adult"),
    ("our boiler packed up on friday and the twins are 10 days old", "vulnerable_adult"),
    ("a toddler is on the balcony of the 8th floor by herself, screaming", "child_at_risk"),
    ("my son is 15 and keeps self harming, he showed me his arms tonight", "self_harm"),
    ("my sister says the kids would be better off without her and she's not answering", "self_harm"),
    ("his last text was thanks for everything mate, now nothing", "self_harm"),
    ("the money, the kids, the flat, i cant do this much longer", "self_harm"),
    ("the lad from no 4 is 14 and he's running county lines, gone missing again", "child_at_risk"),
    ("they're cuckooing the man downstairs, he has learning difficulties", "child_at_risk"),
    ("my nan is 88 and the boiler has been off since monday", "vulnerable_adult"),
    ("someones in my garden right now with a torch", "danger_now"),
    ("bloke outside the chicken shop has got a machete in his jacket", "danger_now"),
    ("kids throwing bricks at an old man at the bus stop", "danger_now"),
    ("a group have a girl cornered behind the garages", "danger_now"),
    ("water pouring out of the ceiling light in the hall", "fire_gas"),
])
def test_urgency_cues_read_danger_however_it_is_worded(text, reason):
    from nlp.urgency import cue

    assert cue(text) == reason


@pytest.mark.parametrize("text", [
    "just now saw the new bins, lovely",
    "my chest was tight last winter from the damp", "the heating broke last year, sorted now",
    "someone in the council should look at the library hours",
    "the ceiling has been sagging for months with the damp", "the self harm awareness talk at the library was good",
    "we'd be better off without the one way system", "ive reported the county lines poster is torn",
    "the fire!! at the fireworks display was amazing", "we ran out of gas!! cant cook til the top up",
    "my son didnt get home till 2am again, teenagers eh", "my son hasnt come home from uni this weekend, missing him",
    "my cat is missing since tuesday, ginger tom",
])
def test_urgency_cues_leave_calm_mentions_alone(text):
    from nlp.urgency import cue

    assert cue(text) is None


@pytest.mark.parametrize("text", [
    "my mums face has gone droopy on one side and her speech is all slurred",
    "someone hit the gas main digging outside, loud hissing and a rotten egg smell",
    "gang with machetes heading down Well St towards the school",
    "heard shots and screaming outside the chicken shop",
    "the 80 year old next door has no electric since sat, meter run out, shes freezing",
    "his carers never came this week and he cant get to the toilet on his own",
    "shes taken my phone and my keys and says if i tell anyone she'll take the kids",
    "Dear Sir, I have put my affairs in order and I am writing to say goodbye",
    "a man in a van tried to pull a girl into his car outside the school gates",
    "FIRE!!! tower court 3rd floor",
    "my 8 yr old hasnt come back from the shop, its been an hour",
    "cant find my little girl at the market, blue coat",
    "my toddler is missing at the park please help",
    "my dad fell in the kitchen and cant get up",
])
def test_warning_signs_are_urgent(classifier, text):
    assert classifier.classify(text).urgent, text


@pytest.mark.parametrize("text", [
    "saying goodbye to our lollipop lady today, she retires after 30 years",
    "my face dropped when i saw the gas bill",
    "is there somewhere safe for the kids to play round here",
    "the drains smell of rotten eggs again by the bins",
    "someone took my phone on the 242 last week, police gave me a crime number",
])
def test_warning_sign_look_alikes_are_calm(classifier, text):
    assert not classifier.classify(text).urgent, text


def test_a_few_words_are_never_urgent_on_the_model_score_alone():
    """ "maybe" or "fair enough" must not page a CD worker, however the model scores it."""
    hair_trigger = nlp.Classifier()
    hair_trigger.thresholds.urgent_model = 0.0  # every model score counts as urgent
    for short in ["maybe", "fair enough", "I'll be there", "ok thanks"]:
        assert not hair_trigger.classify(short).urgent, short
    assert hair_trigger.classify("the lights in the park have been out for a week").urgent
    assert hair_trigger.classify("he's hitting me").urgent  # a cue needs no length
