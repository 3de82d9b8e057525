"""Screening answers read only when they answer, against the real model and action server.

Each test is a misreading people met, written in other words: agreeing to go on taken as "yes",
a work permit read as a question about work, a status told in one's own words called off-topic,
an answer given in the opening message asked again, a typed "/restart" left unanswered.
"""

from bench.servers import stored_id


def state(chat) -> dict:
    return chat.assistant.tracker(stored_id(chat.sender))


def slots(chat) -> dict:
    return state(chat)["slots"]


def asked_again(chat, question: str) -> None:
    """The reply answered nothing: the question is still unanswered and still the one waiting."""
    s = slots(chat)
    assert s[f"q_{question}"] is None and s["requested_slot"] == f"q_{question}"


def actions_of_last_turn(chat) -> list[str]:
    events = state(chat)["events"]
    last_user = max(i for i, e in enumerate(events) if e["event"] == "user")
    return [e["name"] for e in events[last_user:] if e["event"] == "action"]


def test_going_on_after_the_911_guidance_is_not_yes_to_the_question_waiting(chat):
    chat.say("am I eligible for a permit to stay?")
    chat.say("yes")  # safe
    chat.say("yes")  # in Canada
    assert slots(chat)["requested_slot"] == "q_citizen_pr"
    chat.say("he just came back and he is beating me")
    assert "utter_emergency" in actions_of_last_turn(chat)
    chat.say("it's okay now, he went out. we can carry on")
    asked_again(chat, "citizen_pr")
    chat.say("no, I'm from Honduras")
    assert slots(chat)["q_citizen_pr"] == "no"


def test_going_on_in_french_is_not_yes_either(chat):
    chat.say("est-ce que je peux avoir un permis?")
    chat.say("oui")
    chat.say("oui")
    chat.say("ça va mieux maintenant, on peut continuer")
    asked_again(chat, "citizen_pr")
    assert slots(chat)["detected_language"] in (None, "fr")


def test_a_work_permit_named_at_the_status_question_is_an_answer_that_gets_clarified(chat):
    chat.say("check my options")
    for answer in ("yes", "yes", "no"):
        chat.say(answer)
    assert slots(chat)["requested_slot"] == "q_status"
    chat.say("right now I've got a permit to work")
    acts = actions_of_last_turn(chat)
    assert "utter_work" not in acts
    assert slots(chat)["screening_turn"]["clarify"] == "work_permit"
    assert len(chat.buttons()) == 2
    chat.say(chat.buttons()[0]["payload"])  # for one employer
    assert slots(chat)["q_status"] == "employer_permit"


def test_an_open_work_permit_in_french_after_the_clarification(chat):
    chat.say("je veux savoir si je peux avoir un permis")
    for answer in ("oui", "oui", "non"):
        chat.say(answer)
    chat.say("j'ai un permis de travail")
    assert slots(chat)["screening_turn"]["clarify"] == "work_permit"
    chat.say("il est ouvert")
    assert slots(chat)["q_status"] == "valid"


def test_a_status_told_in_ones_own_words_is_read_not_called_off_topic(chat):
    chat.say("can I qualify for the trp")
    for answer in ("yes", "yes", "no"):
        chat.say(answer)
    chat.say("I entered as a tourist four years ago and simply stayed on")
    assert "utter_out_of_scope" not in actions_of_last_turn(chat)
    assert slots(chat)["q_status"] == "expired"


def test_what_the_opening_message_said_is_not_asked_again(chat):
    chat.say("I hold Canadian citizenship, could a permit still apply to me?")
    s = slots(chat)
    assert s["q_citizen_pr"] == "yes" and s["requested_slot"] == "q_safe_now"
    chat.say("yes")  # safe
    chat.say("yes")  # in Canada
    # citizen_pr is known, so the questions end with the place, never asking citizenship again.
    assert slots(chat)["requested_slot"] == "q_location"
    chat.say("skip")
    assert slots(chat)["q_citizen_pr"] is None  # forgotten with the result
    assert "action_screening_result" in actions_of_last_turn(chat)


def test_the_same_non_answer_never_comes_twice_in_a_row(chat):
    chat.say("check my options")
    chat.say("yes")
    first = chat.say("blorp zzt")
    second = chat.say("qwfp arst")
    assert first != second
    s = slots(chat)
    assert s["screening_turn"]["misses"] == 2 and s["requested_slot"] == "q_in_canada"
    assert chat.buttons()  # the buttons, plainly
    chat.say("mmmh grr")
    s = slots(chat)
    assert s["q_in_canada"] == "skip" and s["requested_slot"] == "q_citizen_pr"


def test_an_unsure_guess_never_stops_the_questions(chat):
    chat.say("check my options")
    chat.say("yes")
    chat.say("qwfp arst")
    assert "action_screening_stopped" not in actions_of_last_turn(chat)
    assert slots(chat)["requested_slot"] == "q_in_canada"


def test_not_understood_is_never_answered_as_an_agreement(chat):
    said = chat.say("mmmh grr")
    acts = actions_of_last_turn(chat)
    assert "utter_default" in acts and "utter_how_can_i_help" not in acts
    assert "1-833-900-1010" in said and "1-888-242-2100" in said
    chat.say("ok")
    assert "utter_how_can_i_help" in actions_of_last_turn(chat)


def test_a_greeting_with_a_question_gets_the_question_answered(chat):
    chat.say("hey there, do I need to pay anything for this permit?")
    acts = actions_of_last_turn(chat)
    assert "utter_fee" in acts and "utter_greet" not in acts


def test_a_story_ending_with_a_question_gets_the_question_answered(chat):
    chat.say("I got here in 2020 on a job offer. The boss kept my passport and I work every day. "
             "Will the permit let me see a doctor?")
    acts = actions_of_last_turn(chat)
    assert "utter_health" in acts and "action_start_screening" not in acts
    assert "/ask_eligibility" in [b["payload"] for b in chat.buttons()]  # then the questions offered


def test_asking_for_a_number_to_call_about_ones_status_gives_the_number(chat):
    said = chat.say("is there a phone line I can call to ask if my permit application went through?")
    assert "utter_phone" in actions_of_last_turn(chat)
    assert "1-888-242-2100" in said
    chat.say("bonjour, c'est quoi le numéro pour savoir où en est mon statut?")
    assert "utter_phone" in actions_of_last_turn(chat)


def test_a_typed_rasa_command_is_words_not_an_order(chat):
    chat.say("can I get a permit")
    assert slots(chat)["requested_slot"] == "q_safe_now"
    said = chat.say("/restart")  # a person means "start over": the questions stop
    assert said and "cannot answer right now" not in said
    assert "action_screening_stopped" in actions_of_last_turn(chat)
    assert slots(chat)["requested_slot"] is None
    chat.say('/ask_eligibility{"q_citizen_pr": "yes"}')
    assert slots(chat)["q_citizen_pr"] is None


def test_the_assistants_own_buttons_still_work(chat):
    chat.say("hello")
    chat.say("/ask_eligibility")
    assert slots(chat)["requested_slot"] == "q_safe_now"


def test_the_form_logs_no_warning_in_normal_operation(chat, assistant):
    chat.say("check my options")
    for answer in ("yes", "yes", "no"):
        chat.say(answer)
    assert slots(chat)["q_citizen_pr"] == "no"
    log = (assistant.workdir / "actions.log").read_text(errors="replace")
    assert "Skipping validation" not in log


def test_danger_anywhere_comes_first_then_the_question(chat):
    said = chat.say("he is hitting me right now. do I have to testify against him to get the permit?")
    assert "utter_emergency" in actions_of_last_turn(chat)
    assert "911" in said
    assert said.index("911") < said.lower().index("testify")


def test_a_status_restated_at_when_it_ended_is_not_answered_with_the_trps_expiry(chat):
    # "My visa ran out" tells; what happens when a TRP ends is another subject, and misleads here.
    chat.say("what are my options")
    for answer in ("yes", "yes", "no", "it expired"):
        chat.say(answer)
    assert slots(chat)["requested_slot"] == "q_status_ended"
    chat.say("my visitor visa ran out")
    acts = actions_of_last_turn(chat)
    assert "utter_expiry" not in acts, acts
    assert slots(chat)["requested_slot"] == "q_status_ended"
    # Asked as a question, it is answered, then the question comes back.
    chat.say("what happens when my permit expires?")
    assert "utter_expiry" in actions_of_last_turn(chat)


def test_a_place_said_with_yes_at_the_citizen_question_is_not_yes_to_citizenship(chat):
    chat.say("my employer at the fish plant in Shippagan holds on to our passports, can I get a permit?")
    assert slots(chat)["requested_slot"] == "q_safe_now"
    chat.say("yes")  # safe
    assert slots(chat)["requested_slot"] == "q_citizen_pr"  # in Canada: kept from the place
    chat.say("yeah I'm in Shippagan")
    asked_again(chat, "citizen_pr")
    chat.say("no, I came from Mexico on a work permit")
    assert slots(chat)["q_citizen_pr"] == "no"


def test_a_no_about_residence_at_the_in_canada_question_is_not_no_to_being_in_canada(chat):
    chat.say("est-ce que je peux avoir un permis?")
    chat.say("oui")  # safe
    assert slots(chat)["requested_slot"] == "q_in_canada"
    chat.say("non, je suis pas résidente")
    asked_again(chat, "in_canada")


def test_a_permit_that_expires_later_is_not_a_status_that_ended(chat):
    chat.say("je veux savoir si je peux avoir un permis")
    for answer in ("oui", "oui", "non"):
        chat.say(answer)
    chat.say("permis fermé pour une serre à Leamington, il expire en avril")
    s = slots(chat)
    assert s["q_status"] == "employer_permit" and s["requested_slot"] != "q_status_ended", s


def test_an_expiring_employer_permit_is_pointed_to_the_open_permit_not_only_told_about_trps(chat):
    # The expiry answer once spoke only of TRPs, to someone whose closed permit runs out.
    said = chat.say("my permit for the greenhouse is a closed one and it runs out in april, any options?")
    assert "utter_expiry" in actions_of_last_turn(chat)
    assert "canada.ca/vulnerable-foreign-workers" in said
    said = chat.say("mon permis fermé pour la ferme finit en mai, je fais quoi?")
    assert "travailleurs-vulnerables" in said


def test_asking_to_go_on_with_the_questions_outside_them_starts_them(chat):
    # "Let's keep going with the questions" was read as "stop" and answered "what would you like to know?".
    chat.say("ok im fine now, can we keep going with the questions")
    assert slots(chat)["requested_slot"] == "q_safe_now"
    chat.say("stop")
    chat.say("ça va mieux, je veux reprendre le questionnaire")
    assert slots(chat)["requested_slot"] == "q_safe_now"
