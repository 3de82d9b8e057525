"""The danger detector (phrases, lexicon on spaCy lemmas, classifier score) reads danger told in
ordinary words, in English and French, answers in the message's language, and leaves idioms,
negations, general questions and a finished past alone. Examples written for this file."""

import pytest

from bot.safety.detector import DangerDetector, default_detector
from bot.safety.lexicon import DangerLexicon, default_lexicon

DANGER_EN = [
    # violence in the present, by a partner, a boss, a crew leader
    "my partner slaps me whenever he drinks",
    "the foreman shoves us into the walls when we are slow",
    "my husband strangles me at night",
    "the crew boss whipped my back with a cable this morning",
    "he keeps punching my little girl",
    # sexual coercion without "rape"
    "the owner makes me sleep with customers to pay off the travel debt",
    "they say my debt goes down every time i go with a client",
    "he forces me to dance naked for his friends",
    # confinement
    "they bolt the door from outside every night",
    "i'm not allowed to go anywhere without the manager",
    "we are stuck in the basement, they took the key",
    # threats to family back home, intimate images
    "he says he will hurt my parents in manila if i run",
    "he has videos of me naked and says he'll send them to my husband",
    # self-harm said indirectly
    "i don't want to be alive anymore",
    "everyone would be better off without me",
    "i'm going to jump off the overpass tonight",
    # medical
    "my friend swallowed rat poison",
    "the gash on my leg keeps bleeding and bleeding",
    "i'm six months pregnant and he kicked my belly, there's blood",
]
DANGER_FR = [
    "mon conjoint me gifle quand il a bu",
    "le contremaître nous pousse contre le mur",
    "il m'étrangle la nuit",
    "le chef d'équipe fouette mon frère avec une ceinture",
    "le patron m'oblige à coucher avec des clients pour payer le billet d'avion",
    "ma dette baisse chaque fois que je vois un client",
    "ils verrouillent la porte de l'extérieur chaque soir",
    "j'ai pas le droit d'aller nulle part sans le gérant",
    "il dit qu'il va faire du mal à mes parents aux Philippines si je pars",
    "il a des vidéos de moi nue et menace de les envoyer à mon mari",
    "je veux plus être en vie",
    "tout le monde serait mieux sans moi",
    "mon amie a avalé de la mort-aux-rats",
    "ma coupure à la jambe arrête pas de saigner",
    "je suis enceinte de six mois et il m'a donné des coups de pied au ventre",
]
# Short French messages: too short for the statistical language detector.
SHORT_FR = ["il me frappe", "on m'enferme", "il me bat", "j'ai peur il me cogne", "il m'étrangle"]
NEAR_MISS = [
    "these forms are killing me",
    "i laughed so hard i nearly died",
    "my boss was so late i could have killed him lol",
    "nobody is hurting me, i just have a question",
    "he doesn't hit me anymore, we split up last year",
    "what should i do if my employer threatens me",
    "is it illegal for a landlord to lock the door at night",
    "my ex used to beat me when i was in mexico years ago, i'm safe now",
    "ce formulaire me tue",
    "je suis morte de rire",
    "personne me fait de mal, j'ai juste une question",
    "que faire si mon employeur me menace",
    "mon ex me battait il y a quatre ans, c'est fini",
    "je suis pas en danger",
    "je me suis coupé le doigt en cuisinant",
]


@pytest.fixture(scope="module")
def detector() -> DangerDetector:
    return default_detector()


@pytest.mark.parametrize("text", DANGER_EN)
def test_english_danger_in_ordinary_words(detector, text):
    verdict = detector.verdict(text, 0.0, "en")
    assert verdict.danger, text


@pytest.mark.parametrize("text", DANGER_FR)
def test_french_danger_in_ordinary_words(detector, text):
    verdict = detector.verdict(text, 0.0, "fr")
    assert verdict.danger, text


@pytest.mark.parametrize("text", SHORT_FR)
def test_short_french_danger_is_answered_in_french(detector, text):
    # The language detector is unsure of three words; the lexicon that matched decides.
    verdict = detector.verdict(text, 0.0, None)
    assert verdict.danger and verdict.language == "fr", verdict


def test_the_detected_language_wins_when_there_is_one(detector):
    assert detector.verdict("he is hitting me", 0.0, "en").language == "en"
    assert detector.verdict("il me frappe encore ce soir", 0.0, "fr").language == "fr"


@pytest.mark.parametrize("text", NEAR_MISS)
def test_idioms_negations_questions_and_past_are_not_alarms(detector, text):
    assert not detector.verdict(text, 0.0, None).danger, detector.verdict(text, 0.0, None)


def test_the_classifier_score_alone_is_enough(detector):
    text = "something is very wrong here"
    assert not detector.verdict(text, 0.0, "en").danger
    assert detector.verdict(text, 0.9, "en").source == "classifier"


def test_the_classifier_alone_does_not_override_a_negation(detector):
    assert not detector.verdict("they don't lock us in", 0.9, "en").danger


def test_button_payloads_are_never_danger(detector):
    assert not detector.verdict("/in_danger", 1.0, "en").danger


def test_negation_inside_a_rule_is_part_of_the_danger():
    lexicon = default_lexicon()
    assert lexicon.match("he won't let me leave the house") is not None
    assert lexicon.match("il me laisse jamais sortir") is not None
    assert lexicon.match("il me frappe pas") is None
    assert lexicon.match("il me frappe pas mal fort") is not None


def test_a_lexicon_file_can_be_read(tmp_path):
    path = tmp_path / "lexicon.yml"
    path.write_text(
        "version: 1\nlanguages:\n  en:\n    groups: {WHO: 'he|she'}\n"
        "    entries: {violence: ['$WHO ~2 slap*']}\n    negation: 'not never'\n",
        encoding="utf-8",
    )
    lexicon = DangerLexicon.from_file(path)
    assert lexicon.match("she slapped me").category == "violence"
    assert lexicon.match("she never slapped me") is None


@pytest.mark.parametrize("text", [
    "he would kill me if i told anyone",
    "my boss will kill me if i leave",
    "can someone help me he is hitting me",
    "can the police come now he is here",
    "if someone comes, he said he will kill me",
    "mon boss va me tuer si je pars",
    "est-ce que la police peut venir vite il est là",
    "mon patron a un couteau",
])
def test_a_question_or_a_condition_does_not_hide_danger(detector, text):
    assert detector.verdict(text, 0.0, None).danger, text


@pytest.mark.parametrize("text", [
    "mon patron me crie dessus mais il me frappe pas",
    "ils retiennent une partie de mon salaire",
    "mon coloc me tape sur les nerfs",
    "what's the number of the emergency line",
    "ma grand-mère est morte au pays pis je peux pas aller aux funérailles",
])
def test_complaints_and_questions_that_are_not_danger(detector, text):
    assert not detector.verdict(text, 0.0, None).danger, detector.verdict(text, 0.0, None)


@pytest.mark.parametrize("text", [
    "nobody will miss me",
    "personne va s'ennuyer de moi",
    "my baby is struggling to breathe",
    "mon bébé a de la misère à respirer",
    "il m'a obligée à avorter",
    "ils vont s'en prendre à ma famille",
])
def test_danger_said_without_the_obvious_words(detector, text):
    assert detector.verdict(text, 0.0, None).danger, text


@pytest.mark.parametrize("text", [
    "jpeux pas sortir", "il mtue", "il ma frapper", "chu pognée icitte", "j'ai des idées noires",
    "i have dark thoughts", "he squeezes my neck", "they force me to beg",
])
def test_danger_typed_quickly(detector, text):
    verdict = detector.verdict(text, 0.0, None)
    assert verdict.danger, text
