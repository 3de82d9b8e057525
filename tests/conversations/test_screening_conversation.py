"""The screening conversation against the real model and action server, in English and French."""

import pytest
from turns import last_turn, outcome_text

from bench.servers import Conversation


def walk(chat, answers):
    """Answer each question in turn; returns everything the assistant said."""
    said = []
    for a in answers:
        said.append(chat.say(a))
    return "\n".join(said)


def test_trafficking_path_in_english(chat):
    intro = chat.say("can i get a permit to stay?")
    assert "one at a time" in intro and "safe right now" in intro
    out = walk(chat, ["yes", "yes", "no I'm from Mexico", "my visa ran out in March", "about 8 months ago", "no",
                      "my boss took my passport and I owe him money", "no", "no", "no", "Calgary"])
    assert "Temporary Resident Permit (TRP) for victims of human trafficking may fit" in out
    assert "Someone took or keeps your identity documents." in out
    assert "office in Calgary" in out and "appointment" in out
    assert "1-833-900-1010" in out and "1-888-242-2100" in out and "911" in out
    assert "you are eligible" not in out.lower()
    assert "last checked on December 2, 2026" in out


def test_family_violence_path_in_french(chat):
    intro = chat.say("est-ce que je pourrais avoir un permis pour rester?")
    assert "une à la fois" in intro and "en sécurité" in intro
    out = walk(chat, ["oui", "oui", "non", "jamais eu de papiers", "non", "rien de tout ça", "non", "oui", "non",
                      "passer"])
    assert "violence familiale" in out
    assert "pourrait" in out
    assert "décembre 2026" in out


def test_vulnerable_worker_and_buttons(chat):
    chat.say("check my options")
    chat.say("Yes, I'm safe")
    chat.say("Yes")
    chat.say("No")
    status_buttons = [b["title"] for b in chat.buttons()]
    assert "Work permit for one employer" in status_buttons
    chat.say("Work permit for one employer")
    out = walk(chat, ["No", "Threats or violence", "No", "Skip"])
    assert "open work permit for vulnerable workers may fit" in out


def test_valid_status_and_skipping(chat):
    chat.say("can i apply for the trp")
    out = walk(chat, ["I'd rather not say", "yes", "no", "valid visitor status", "skip", "skip", "skip", "skip"])
    assert "does not apply for now" in out


def test_citizen_path(chat):
    chat.say("can i get a permit")
    out = walk(chat, ["yes", "yes", "yes", "no thanks"])
    assert "do not need an immigration permit" in out


def test_free_text_i_dont_know(chat):
    chat.say("est-ce que j'ai droit au permis")
    result = ""
    for _ in range(12):
        result = chat.say("je sais pas")
        if "action_screening_result" in last_turn(chat)["actions"]:
            break
        assert last_turn(chat)["intent"] == "dont_know" and last_turn(chat)["active_loop"] == "screening_form"
    assert last_turn(chat)["actions"] == ["screening_form", "action_screening_result"]
    # Not knowing is a fine answer: the result says so, in French, with the hotline.
    assert outcome_text("fr", "not_enough_info") in result and "1-833-900-1010" in result


def test_a_question_in_the_middle_then_the_flow_resumes(chat):
    chat.say("can i get a permit")
    chat.say("yes")
    answer = chat.say("wait, how much does it cost?")
    assert "February 4, 2025" in answer
    assert "in Canada now" in answer, "the same question comes back"
    assert "citizen" in chat.say("yes")


def test_danger_in_the_middle_gives_911_first_then_resumes(chat):
    chat.say("can i get a permit")
    chat.say("yes")
    answer = chat.say("he is coming back, he is going to hurt me")
    assert "911" in answer and answer.index("911") < answer.index("1-833-900-1010")
    assert "in Canada now" in answer
    assert answer.index("1-833-900-1010") < answer.index("only if you want") < answer.index("in Canada now")
    assert "citizen" in chat.say("yes")


def test_an_answer_given_with_danger_is_kept_after_the_911_guidance(chat):
    walk(chat, ["can i get a permit", "yes", "yes", "no", "it expired", "two years ago", "no"])
    answer = chat.say("he beats me and he took my passport")
    assert "911" in answer and answer.index("911") < answer.index("only if you want")
    assert "What is happening to you?" not in answer  # not asked again: the answer was kept
    out = walk(chat, ["no", "no", "no", "skip"])
    assert "Someone took or keeps your identity documents." in out and "You are threatened or hurt." in out


def test_signs_told_before_the_questions_are_asked_plainly_and_kept_only_when_answered(chat):
    # Offering earlier signs back is off (bot/screening/remembered.py): the question is asked as usual,
    # and a bare "yes" there takes no sign the person did not choose.
    chat.say("my boss took my passport and I owe the agency 5000 dollars")
    chat.say("can i get a permit")
    asked = walk(chat, ["yes", "yes", "no", "it expired", "two years ago", "no"])
    assert "What is happening to you?" in asked and "Earlier you mentioned" not in asked
    assert "Yes, that's right" not in [b["title"] for b in chat.buttons()]
    out = walk(chat, ["they took my passport and i owe them money", "no", "no", "no", "skip"])
    assert "Someone took or keeps your identity documents." in out and "You must work to pay off a debt." in out


def test_not_safe_at_the_first_question_gives_911(chat):
    chat.say("can i get a permit")
    answer = chat.say("no")
    assert "911" in answer and "in Canada now" in answer


@pytest.mark.parametrize("text", ["I don't feel safe", "not sure i'm safe", "safe? no", "ça va pas",
                                  "he is going to hurt me"])
def test_an_unsafe_or_unsure_answer_gets_911_once_then_the_next_question(chat, text):
    chat.say("can i get a permit")
    answer = chat.say(text)
    assert answer.count("1-833-900-1010") == 1 and "911" in answer, answer
    assert "in Canada now" in answer or "au Canada" in answer
    go_on = "only if you want" if "in Canada now" in answer else "seulement si vous voulez"
    assert answer.count(go_on) == 1, answer
    assert answer.index("911") < answer.index(go_on) < max(answer.find("in Canada now"), answer.find("au Canada"))


def test_an_expired_visitor_visa_is_expired_status(chat):
    chat.say("can i get a permit")
    walk(chat, ["yes", "yes", "no"])
    chat.say("my visitor visa expired")
    walk(chat, ["a year ago", "no", "none of these"])
    answer = chat.say("no")
    assert "common-law partner" in answer, "asked only when status has ended or never existed"


def test_no_pr_card_is_not_permanent_residence(chat):
    chat.say("can i get a permit")
    walk(chat, ["yes", "yes"])
    assert "immigration status" in chat.say("I don't have a PR card")


def test_stopping_and_restarting(chat):
    chat.say("can i get a permit")
    chat.say("yes")
    stopped = chat.say("stop")
    assert "stopped" in stopped
    assert "February 4, 2025" in chat.say("how much does it cost")
    restarted = chat.say("can i get a permit")
    assert "safe right now" in restarted


def test_unclear_answer_is_asked_again(chat):
    chat.say("can i get a permit")
    chat.say("yes")
    answer = chat.say("banana")
    # A kind word (not understood, or what the assistant can help with), then the same question.
    assert "did not understand" in answer or "only help with" in answer
    assert answer.rstrip().endswith("Are you in Canada now?")


@pytest.mark.parametrize("lang, start", [("en", "can i get a permit"), ("fr", "est-ce que je peux avoir un permis")])
def test_action_server_down_still_gives_emergency_numbers(assistant_without_actions, lang, start):
    answer = Conversation(assistant_without_actions).say(start)
    assert "911" in answer and "1-833-900-1010" in answer


def test_outside_canada_in_french(chat):
    chat.say("je veux savoir si j'ai droit à un permis")
    chat.say("oui")
    result = chat.say("non, je suis pas au canada")
    assert last_turn(chat)["actions"] == ["screening_form", "action_screening_result"]
    assert outcome_text("fr", "outside_canada") in result
    assert outcome_text("fr", "trafficking_trp") not in result
    assert "1-833-900-1010" in result and "911" in result


def test_removal_and_a_refused_claim_put_a_lawyer_first_and_say_the_bar(chat):
    chat.say("can i get a permit")
    out = walk(chat, ["yes", "yes", "no", "I never had papers", "CBSA gave me a removal order",
                      "they took my passport", "my claim was refused 3 months ago", "no", "no", "Toronto"])
    steps = out[out.index("What you can do next:"):]
    assert steps.index("lawyer or a legal clinic") < steps.index("1-833-900-1010")
    assert "contact IRCC yourself" not in steps  # no request to IRCC while the bar lasts
    assert "12 months after a refused claim" in out and "own initiative" in out
    assert "Legal Aid Ontario: 1-800-668-8258" in out
    assert "you are eligible" not in out.lower()


def test_recent_loss_of_status_care_abroad_and_legal_help_in_quebec_in_french(chat):
    chat.say("est-ce que je pourrais avoir un permis pour rester?")
    out = walk(chat, ["oui", "oui", "non", "mon visa est expiré", "il y a deux mois", "non", "rien de tout ça",
                      "non", "non", "j'étais dans une famille d'accueil au Mexique", "Montréal"])
    assert "rétablir" in out and "90 jours" in out  # restoration of status
    assert "protection de l'enfance au Canada" not in out  # care abroad is not care in Canada
    assert "www.csj.qc.ca" in out
    assert "1-833-900-1010" in out and "vous êtes admissible" not in out


def test_saying_arreter_as_the_french_intro_suggests_stops_the_questions(chat):
    intro = chat.say("est-ce que je pourrais avoir un permis pour rester?")
    assert "«\u00a0arrêter\u00a0»" in intro
    chat.say("oui")
    stopped = chat.say("arrêter")
    assert "arrêté les questions" in stopped
