"""Danger told in roundabout words is caught by the rules alone; look-alike idioms stay quiet.

Written in new words for each kind the rules were widened for (overdose told as "all of them",
swallowed batteries, insulin withheld, "entertaining" men, locked from the outside, "home in a
box"), in both languages.
"""

import pytest

from bot.safety.detector import default_detector
from bot.safety.lexicon import default_lexicon


def caught(text: str) -> bool:
    return default_detector().verdict(text).danger


@pytest.mark.parametrize("text", [
    "i swallowed the whole pack of advil before my shift",
    "my little girl ate a coin battery from the remote",
    "the foreman hides my inhaler until the rows are done",
    "they make the new girls entertain the clients whatever they want",
    "every night the boss locks the trailer from the outside",
    "he said complainers go back home in a box",
    "he's texting that he'll finish what he started",
    "he zapped me with the cattle prod again",
    "my heart is racing and i feel confused, no insulin since sunday",
    "i wrote letters for my family, they're in my bag",
    "j'ai avalé toute la boîte de pilules",
    "mon bébé a avalé une pile",
    "le contremaître garde mon insuline pis je tremble",
    "il m'écrit qu'il va finir ce qu'il a commencé",
    "y dit que ma famille va recevoir mon corps dans une boîte",
    # Asking how to die, goodbyes already sent, a former partner at the new address.
    "what is the quickest way to die, i'm serious",
    "i posted my goodbyes on instagram an hour ago",
    "my ex found our new apartment last night and he's parked outside with a bat",
    "c'est quoi le moyen le plus rapide de mourir",
    "j'ai envoyé mes adieux à ma soeur ce matin",
    # Indirect self-harm, and a general question the person says is their own.
    "i've been saving up my insulin for weeks, now i know how much it takes",
    "it won't matter after tonight anyway, thanks for trying",
    "if i jump off the overpass will it look like an accident",
    "j'ai envoyé un message à toute ma famille pour dire adieu",
    "je vais boire la javel sous l'évier",
    "qu'est-ce qu'on fait si on nous enferme? c'est pas théorique, je demande pour moi",
    # Plans told sideways: no burden soon, nothing will matter, how it would feel, things given away.
    "soon i won't be a burden for anyone, don't bother replying",
    "by tomorrow morning none of it will matter",
    "does it hurt to drown, like really",
    "je serai plus un fardeau pour ma famille après cette nuit",
    "j'ai donné mes vêtements et mon téléphone à ma voisine, j'en ai plus besoin",
    "je bois pas et je mange rien depuis lundi, je vais aller jusqu'au bout",
    # Coercion and threats without a crime word; an injury with a machine.
    "the owner says tonight i have to do private shows for his friends",
    "il faut que je fasse plaisir au patron après la fermeture",
    "he said he'll pour gasoline on me if I talk",
    "ils savent où habite ma mère à Douala, ils me l'ont écrit",
    "mon collègue s'est fait écraser la jambe par le chariot élévateur",
    # Spoken while it happens: not a general question.
    "qu'est-ce que je fais si y'est en train de me fesser là",
    "il m'a frappée la semaine passée et là il me court après dans la cour",
    # Coercion with a pleasant word, a self told in the past, heat, disfigurement.
    "the landlord says i have to come upstairs tonight and be nice to his brother",
    "tell them my name was Rosa, that's all",
    "two guys on the crew stopped sweating and one is confused, it's 40 degrees",
    "il a dit qu'il allait me défigurer si je parle",
    # Dosage asked for an overdose, a plan not to be here, a goodbye at the water's edge.
    "how many sleeping pills would be lethal",
    "i don't plan to be around after the weekend",
    "by tomorrow there will be nothing left for them to send back",
    "chu sur le pont de Trois-Rivières, dites à ma mère que c'était pas sa faute",
    "j'ai versé de la javel dans une tasse devant moi",
    # Drugged, meningitis and purpura signs.
    "ils m'ont fait avaler une pilule et là tout tourne",
    "high fever and my neck is so stiff i can't bend it, the light hurts",
    "ma fille a des taches mauves sur les jambes et de la fièvre",
    # Haitian Creole: locked in, cannot go out.
    "yo fèmen nou, nou pa ka soti",
    # Goodbyes and plans told sideways; a stroke; a beating in Quebec slang.
    "i won't be texting again after this, thank you for everything",
    "it would be easier for everybody if i wasn't around, and i can fix that",
    "j'aimerais ça que demain arrive jamais",
    "c'est la dernière fois que je vous écris, merci",
    "ce soir je vais rejoindre mon mari au ciel",
    "worst headache i've ever had and my face is drooping on the left",
    "je me fais tabasser par le gérant dans la cuisine",
    # Death threats from a former boss waiting downstairs now; a guard at the door; burns.
    "mon ancien patron m'envoie des menaces de mort, il attend devant chez moi",
    "ils nous gardent dans un appartement avec deux gardiens",
    "if i swallow all my insulin tonight will it be painless",
    "il m'a lancé de l'essence et il a allumé, ma peau est toute noire",
    # Self-harm said sideways: what happens after, a calm decision, a goodbye, the highest bridge.
    "once i'm gone who gets the money in my account, my son is only 4",
    "I made a decision and now I feel calm",
    "the pain is going to be over soon, i have everything ready",
    "is it a sin to give up when you're this tired",
    "i won't be at work tomorrow or ever again",
    "please make sure my daughter will be ok after friday",
    "does the life insurance still pay out if it was on purpose",
    "quand je serai morte, qui va s'occuper de mes papiers",
    "bonsoir tout le monde, au revoir pour la dernière fois",
    "c'est sûrement la dernière conversation que j'aurai",
    "le plus haut pont de la ville c'est lequel",
    "je vous oublierai jamais, là où je vais",
    "je sais pas si je vais être encore là demain soir",
    "l'assurance de la job paye même si c'est fait exprès?",
    "bon c'est fini, j'ai avalé toutes les pilules de ma mère",
    "been thinking about stepping in front of a bus on my way home",
    "le boss a mis un cadenas sur la roulotte avec nous dedans",
    "picked up so many sleeping pills at the pharmacy today, don't ask why",
    "haven't eaten in a week, just hoping it ends by itself",
    "can you tell me how to close my bank account, i won't need it after sunday",
    "he makes me be a good girlfriend to his clients at the motel",
    # A question, but about one's own death: not set aside as a general question.
    "what happens to my bank account when i'm gone, can my son get the money",
    "is it quick if i skip my insulin on purpose for good",
    "can you die from 30 tylenol",
    "personne va me regretter, bonne nuit",
    # The rule's own subject opens its clause: the negation before it is about something else.
    "whatever, doesn't matter i won't be here by morning",
])
def test_roundabout_danger_is_caught(text):
    assert caught(text)


@pytest.mark.parametrize("text", [
    "this visa process will be the death of me",
    "my boss will have my head if i'm late again",
    "we got absolutely hammered at the restaurant tonight, 400 people",
    "i'm going to strangle my printer, it jams every page",
    "i nearly had a heart attack when i saw the rent",
    "what a killer workout, my legs are dead",
    "he is a slave driver but fair, can i change employer?",
    "he keeps texting me about the rent, it's annoying",
    "je suis coincé entre les deux offres d'emploi, laquelle est mieux pour mon permis?",
    "mon proprio me saigne à blanc avec les frais d'électricité",
    "j'ai pris une gifle en lisant le prix de l'épicerie ici",
    # A threat to report someone is coercion, not danger now (the situation question reads it).
    "if I complain the boss says he'll call the cops on me",
    # Papers kept are a sign for the questions, not danger now; a finished past with "can I still".
    "le patron garde mon passeport depuis l'été, est-ce légal?",
    "they locked us in the bunkhouse two summers ago, I'm fine now, can I still apply?",
    "il menace d'appeler la police si je demande ma paye",
    "the pain in my knee will stop soon, the doctor says",
    "quand je serai parti à Montréal, qui va arroser mes plantes?",
    "c'est fini avec lui depuis 2019, je vais bien maintenant",
    "what happens to my permit when I'm gone to Alberta for the summer job?",
    "les délais de traitement, c'est à se pendre, six mois sans nouvelles",
])
def test_idioms_stay_quiet(text):
    assert not caught(text)


def test_someone_who_helped_is_not_a_cry_for_help():
    assert not caught("the man who helped me find this job keeps my passport, is that legal?")
    assert caught("please help me, he is at the door")


def test_not_wanting_to_live_like_this_is_a_warning_sign_but_not_living_here():
    assert caught("jveux pu vivre comme ça")
    assert not caught("je veux pas vivre ici, c'est trop cher")


@pytest.mark.parametrize("text", [
    "no one is slapping me or keeping me inside, i only want to know the fees",
    "personne ne me bat ni me garde enfermée, c'est pour une question de permis",
])
def test_a_negation_covers_every_danger_it_lists(text):
    assert not default_detector().lexicon.match(text)


@pytest.mark.parametrize("text", [
    "the boss is not paying us or he locks us in the barn",
    "il nous paie pas ou il nous enferme dans la grange",
])
def test_a_new_statement_after_or_is_read_on_its_own(text):
    assert default_detector().lexicon.match(text)


def test_a_general_question_about_locking_stays_quiet():
    assert not caught("what should i do if my employer locks the gate at night?")


@pytest.mark.parametrize("text", [
    "how many advil is enough for a migraine?",
    "mon patron répond plus à mes textos depuis une semaine",
    "c'est dur mais je tiens le coup pour ma fille",
    "quand j'étais ado j'ai été battue, aujourd'hui je vais bien",
    "avant j'étais enfermée chez eux, maintenant je vis seule à Laval",
    "do i need to bring my blood pressure tablets in the original box when i fly in?",
    "est-ce que je peux emporter mes médicaments dans ma valise?",
])
def test_dosage_for_pain_silence_and_holding_on_stay_quiet(text):
    assert not default_detector().lexicon.match(text)


@pytest.mark.parametrize("text", [
    "it's not like they beat us or anything, they just yell",
    "I never said he hurt me, the worker misunderstood",
])
def test_a_negation_still_reaches_into_what_is_said_or_thought(text):
    assert not caught(text)


@pytest.mark.parametrize("text", ["haha non sérieux avalé toutes les pilules",
                                  "lol non sérieux pris toutes mes pilules"])
def test_a_no_that_takes_back_a_joke_negates_nothing_after_it(text):
    # Self-harm rules are never set aside by the model: a model sure of "no danger" cannot hide it.
    assert default_detector().verdict(text, model_probability=0.0).danger


@pytest.mark.parametrize("text, category", [
    ("je saute mon insuline exprès depuis trois jours", "self_harm"),
    ("c'est mortel 25 comprimés de tylenol?", "self_harm"),
    ("le boss veut pas appeler l'ambulance pour le gars de la ligne 3", "medical"),
    ("son doigt est resté pris dans la scie à l'usine", "medical"),
])
def test_the_rule_of_its_kind_reads_it(text, category):
    # Caught for what it is: a self-harm rule is never set aside by the model, a mere means would be.
    assert category in {m.category for m in default_lexicon().find(text)}
