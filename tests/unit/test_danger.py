"""The danger safety net catches cries for help in both languages, and leaves ordinary questions alone."""

import pytest

from bot.safety.danger import DangerNet, default_net

DANGER = [
    "he is going to kill me",
    "HELP!!!",
    "they locked me in the basement",
    "my boss has a knife",
    "someone is following me right now",
    "i want to die",
    "he's at the door",
    "il va me tuer",
    "ils m'ont enfermée dans la chambre",
    "je suis en danger",
    "au secours",
    "aidez-moi vite",
    "quelqu'un me suit",
    "je veux mourir",
    "chu enfermee",
    "Il Est Devant Ma Porte",
    "please call the police",
    "appelez la police",
    "c'est une urgence",
    "à l'aide!!",
    "i need the police now",
    "bachao",
    "dopomozhit bud laska",
    "допоможіть",
    "помогите",
    "tulungan niyo po ako",
    "he hit me again",
    "aide-moi stp",
    "aide moi svp il arrive",
    "aidez-moi s'il vous plait a sortir d'ici",
    "he is killing me",
    "he's here",
    "they locked me up",
    "help me now",
    "we need an ambulance",
    "il me fait mal",
    "je suis blessée",
    "je me suis cachée dans la salle de bain",
    "he is here with me and i am scared",
    "my sister is being beaten right now",
    "he'll kill me",
    "my friend is not breathing",
    "i think she took an overdose",
    "i want to end it tonight",
    "they locked me from the outside",
    "ma soeur se fait battre",
    "au secour",
    "j'ai plus envie de vivre",
    "il respire plus",
    "i swallowed a whole bottle of pills",
    "j'ai avalé toute la boîte de médicaments",
    "i think my arm is broken, he twisted it",
    "i just escaped and i'm on the highway",
    "je veux plus vivre",
    "à l'aide svp",
]
SAFE = [
    "how much does the permit cost",
    "help me understand the permit",
    "my boss took my passport last year",
    "can i work with a trp",
    "est-ce que je peux travailler",
    "combien de temps dure le permis",
    "je veux parler à quelqu'un",
    "/in_danger",
    "c'est quoi la ligne d'urgence contre la traite",
    "j'ai droit a l'aide juridique?",
    "vous allez pas appeler la police hein",
    "i need a police report for my application",
    "can i go to the emergency room without insurance",
    "no he never hit me",
    "will you call the police on me",
    "aide-moi stp pour mon exposé",
    "aidez-moi svp avec le formulaire",
    "my tooth is killing me, can i see a dentist",
    "thanks for the help, now i can sleep",
    "yes, she's here in canada with me",
    "yes my boss keeps my passport locked up",
    "do i need the police involved at all",
    "i need a police case number?",
    "la ligne canadienne d'urgence contre la traite, c'est quoi le numéro?",
    "il y a l'aide gratuite pour un avocat?",
    "mon dos me fait mal à cause du travail",
    "je me suis blessé à la main le mois passé",
    "je veux plus vivre avec la peur d'être déportée",
    "i'm not in danger right now",
    "there's no emergency, i just want to know my rights",
    "the wait is killing me, how long does it take",
    "my boss used to hit me, does that count for the permit",
    "i passed out from the heat at the farm last summer",
    "can you call the police for me later, i'm not ready now",
    "i need help now with the application, the deadline is tomorrow",
    "je suis pas en danger, j'ai juste des questions",
    "cette job me tue",
    "personne me suit",
    "i took pills for my headache, is that covered",
    "j'ai avalé mes médicaments ce matin comme d'habitude",
    "i broke my arm when i was a kid",
]


@pytest.mark.parametrize("text", DANGER)
def test_danger_phrases_are_caught(text):
    assert default_net().match(text) is not None


@pytest.mark.parametrize("text", SAFE)
def test_ordinary_questions_are_not_alarms(text):
    assert default_net().match(text) is None


def test_a_pattern_file_can_add_a_language():
    net = DangerNet({"es": [r"\bme va a matar\b"]})
    assert net.match("Me va a matar").language == "es"
    assert net.match("me va a ayudar") is None


@pytest.mark.parametrize("text", [
    "buenas noches, trabajo en una granja y el patron no me deja salir",
    "el dueño nos tiene encerradas en la casa",
    "mi esposo me pega cuando toma",
])
def test_spanish_confinement_and_violence_are_read(text):
    found = default_net().match(text)
    assert found is not None and found.language == "es"


def test_spanish_questions_about_leaving_are_not_alarms():
    assert default_net().match("puedo salir de Canadá y volver con el permiso?") is None
