"""Conversations against the real model and action server: questions answered in the person's language."""

import pytest
from turns import last_turn

# (question in English, question in French, words the English answer must hold, words the French one must hold)
FAQ = [
    ("how much does it cost", "combien ça coûte", ["no fee", "February 4, 2025"], ["pas de frais", "4 février 2025"]),
    ("do i have to testify against him", "est-ce que je dois témoigner contre lui", ["do not have to testify"],
     ["témoigner"]),
    ("how long is the permit good for", "le permis dure combien de temps", ["12 months"], ["12 mois"]),
    ("can i see a doctor with the permit", "est-ce que j'ai droit aux soins de santé", ["Interim Federal Health"],
     ["PFSI"]),
    ("can i work", "est-ce que je peux travailler", ["work permit"], ["permis de travail"]),
    ("can i go to school", "est-ce que je peux étudier", ["study permit"], ["permis d'études"]),
    ("can i stay in canada for good", "comment avoir la résidence permanente", ["humanitarian"], ["humanitaire"]),
    ("what should i bring to the interview", "qu'est-ce que j'apporte à l'entrevue", ["passport"], ["passeport"]),
    ("do i need a lawyer", "est-ce que j'ai besoin d'un avocat", ["lawyer"], ["avocat"]),
    ("my permit expires next month", "mon permis expire le mois prochain", ["maintained status"],
     ["statut maintenu"]),
    ("what is the phone number for immigration canada", "c'est quoi le numéro de téléphone d'IRCC",
     ["1-888-242-2100", "Monday"], ["1-888-242-2100", "lundi"]),
    ("i want to talk to a real person", "je veux parler à une vraie personne", ["1-833-900-1010"],
     ["1-833-900-1010"]),
    ("what is a TRP", "c'est quoi un permis de séjour temporaire", ["Temporary Resident Permit"],
     ["permis de séjour temporaire"]),
    ("will you report me to the police", "allez-vous me dénoncer à la police", ["does not report"],
     ["ne signale"]),
]


@pytest.mark.parametrize("en, fr, en_words, fr_words", FAQ, ids=[f[0] for f in FAQ])
def test_each_question_is_answered_in_english(chat, en, fr, en_words, fr_words):
    answer = chat.say(en)
    for word in en_words:
        assert word in answer, f"{en!r} -> {answer!r}"


@pytest.mark.parametrize("en, fr, en_words, fr_words", FAQ, ids=[f[1] for f in FAQ])
def test_each_question_is_answered_in_french(chat, en, fr, en_words, fr_words):
    answer = chat.say(fr)
    for word in fr_words:
        assert word in answer, f"{fr!r} -> {answer!r}"
    assert "you" not in answer.lower().split(), f"English words in a French answer: {answer!r}"


def test_first_message_question_gets_its_answer_not_a_menu(chat):
    answer = chat.say("combien ça coûte le permis?")
    assert "4 février 2025" in answer


def test_the_office_question_points_to_the_finder_and_appointments(chat):
    answer = chat.say("where is the immigration office")
    assert "appointment" in answer and "offices.html" in answer


def test_greeting_offers_buttons_in_the_language(chat):
    chat.say("bonjour")
    titles = [b["title"] for b in chat.buttons()]
    assert titles and "Langue" in titles


def test_switching_language_between_messages(chat):
    assert "no fee" in chat.say("how much does it cost")
    assert "pas de frais" in chat.say("pis combien ça coûte en vrai?")
    assert "12 months" in chat.say("how long does the permit last")


def test_an_explicit_language_choice_sticks(chat):
    chat.say('/change_language{"language":"fr"}')
    assert "pas de frais" in chat.say("how much does the permit cost")


def test_asking_for_a_language_by_name(chat):
    assert "français" in chat.say("can you speak french please")
    assert "pas de frais" in chat.say("how much does it cost")


def test_language_menu_when_no_language_is_named(chat):
    chat.say("/change_language")
    assert {"English", "Français"} <= {b["title"] for b in chat.buttons()}


def test_out_of_scope_gets_a_kind_answer_with_a_person_to_call(chat):
    answer = chat.say("what's the weather like tomorrow in vancouver")
    assert "1-833-900-1010" in answer


@pytest.mark.parametrize("text", ["asdkfj qwpoeiru zxmcnv", "🙂🙂🙂", "?", "x" * 5000, "\u0000\u0001 binary \ufffd"])
def test_nonsense_and_odd_input_never_gets_silence(chat, text):
    answer = chat.say(text)
    assert answer.strip(), f"no answer to {text[:30]!r}"
    # Not an answer to a question nobody asked, and not the questionnaire: "not understood" or
    # "what can I help with".
    turn = last_turn(chat)
    assert turn["actions"] and set(turn["actions"]) <= {"utter_default", "utter_out_of_scope",
                                                        "utter_how_can_i_help"}, turn
    assert turn["active_loop"] is None, turn


def test_an_office_near_a_named_city_is_the_one_in_that_city(chat):
    answer = chat.say("where is the nearest immigration office to Edmonton?")
    assert "Edmonton" in answer and "Calgary" not in answer
    assert "1-888-242-2100" in answer and "/en/immigration-refugees-citizenship/" in answer


def test_in_french_gatineau_gets_ottawa_next_door_and_the_french_finder(chat):
    answer = chat.say("où est le bureau d'immigration le plus proche de Gatineau?")
    assert "Ottawa" in answer and "Montréal" not in answer
    assert "/fr/immigration-refugies-citoyennete/" in answer and "/en/" not in answer


@pytest.mark.parametrize("text", [
    "border services sent me a paper, I must be out of Canada before the 3rd, what now?",
    "l'ASFC m'a écrit que je dois partir du pays d'ici la fin du mois, je fais quoi?",
])
def test_a_date_to_leave_canada_gets_legal_help_first_not_the_questions(chat, text):
    chat.say(text)
    turn = last_turn(chat)
    assert turn["intent"] == "ask_lawyer", turn
    assert "utter_lawyer" in turn["actions"] and "screening_form" not in turn["actions"], turn


@pytest.mark.parametrize("text, night_words", [
    ("which number can I ring at 2am when I'm scared", "24/7"),
    ("quel numéro je peux appeler la nuit quand j'ai peur", "24 h sur 24"),
])
def test_asking_for_a_number_gives_the_line_open_at_night_too(chat, text, night_words):
    said = chat.say(text)
    assert "1-888-242-2100" in said and "1-833-900-1010" in said and "911" in said, said
    assert night_words in said[said.index("1-833-900-1010") - 200:], said
