"""The rule layer alone (phrases + lexicon, no classifier) reads danger said in new words, in
English and French as people text it, and stays quiet on the look-alikes. Written for this file,
not taken from any example or test set."""

import pytest

from bot.safety.detector import DangerDetector, default_detector

DANGER = {
    "en": {
        "violence": [
            "he came back with his belt and got me three times",
            "she poured boiling water on my hand on purpose",
            "my sister's boyfriend is teaching her a lesson right now",
        ],
        "sexual": [
            "the driver takes us to motels at night to meet men",
            "my manager says i have to do stuff with his friends to keep my job",
            "he won't stop even after i told him no",
            "six johns a night before they let me eat",
        ],
        "confinement": [
            "nobody leaves the bunkhouse after dark, the boss keeps the car keys",
            "they move us city to city every week, i can't tell you the address",
            "the windows in my room are screwed shut",
        ],
        "threat": [
            "my cousin's creditor knows which school my son goes to",
            "he sent me a photo of my mother's house back home",
            "the agent said he would break my fingers if i talk",
        ],
        "self_harm": [
            "my kids would be better without me",
            "i won't be around much longer, thank you for everything",
            "this is my final message",
        ],
        "medical": [
            "my roommate's lips are turning purple",
            "the new guy fell into the grain silo",
            "his arm got caught in the conveyor and the supervisor says no ambulance",
        ],
    },
    "fr": {
        "violence": [
            "il me pogne par les cheveux pis y me traine",
            "y a defonce la porte de ma chambre",
            "elle a encore sa ceinture dans les mains",
        ],
        "sexual": [
            "le boss veut que je voie ses amis a lhotel a soir",
            "jai dit non mais y a continue quand meme",
            "y mont pris des photos toute nue pis y en veulent dautres",
        ],
        "confinement": [
            "y nous deplacent la nuit dun motel a lautre",
            "personne sort seul, le gars dort devant la sortie",
            "ils ferment le dortoir avec un cadenas le soir",
        ],
        "threat": [
            "il a envoye des gars devant lecole de mon fils au pays",
            "il ma dit que cest ta derniere chance",
            "le proprio dit quil va mettre le feu a la maison",
        ],
        "self_harm": [
            "jai pu aucune raison de rester icitte",
            "je vais aller rejoindre mon grand-pere ce soir",
            "cest mon dernier message a tout le monde",
        ],
        "medical": [
            "mon collegue est tombe dans le silo",
            "je sens pu mes bras depuis tantot",
            "ma fille est devenue bleue",
        ],
    },
}

QUIET = {
    "en": [
        "my feet are cold every morning on the way to the plant",
        "i hurt my back lifting boxes three yrs ago, it healed",
        "if my boss threatens me can he cancel my permit",
        "shoot me a msg when the office opens",
        "i have my own key to the staff house",
    ],
    "fr": [
        "ce formulaire de lIRCC me tue",
        "mon cell est en train de mourir, je reviens",
        "si mon patron me menace est ce que je perds mon permis",
        "mon ancien patron me criait dessus, jai change de place depuis longtemps",
        "jme casse la tete avec ma declaration dimpots",
        "un employeur a tu le droit de garder mon passeport",
    ],
}

CASES = [(lang, kind, text) for lang, kinds in DANGER.items() for kind, texts in kinds.items() for text in texts]


@pytest.fixture(scope="module")
def detector() -> DangerDetector:
    return default_detector()


@pytest.mark.parametrize("lang,kind,text", CASES)
def test_danger_in_new_words_is_caught_by_the_rules_alone(detector, lang, kind, text):
    verdict = detector.verdict(text, danger_probability=0.0, detected_language=None)
    assert verdict.danger, (kind, text)
    # An undecided short message is answered in the language of the rule that matched.
    assert verdict.language in (lang, None), (text, verdict.language)


@pytest.mark.parametrize("lang,text", [(lang, t) for lang, texts in QUIET.items() for t in texts])
def test_look_alikes_stay_quiet(detector, lang, text):
    verdict = detector.verdict(text, danger_probability=0.0, detected_language=lang)
    assert not verdict.danger, (text, verdict.source, verdict.detail)
