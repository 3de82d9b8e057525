"""Typed answers read by the careful patterns of data/screening.yml, in words people really use.

Each case is a kind of misreading once seen: an answer not read (asked again for nothing) or,
worse, read as another answer. Pattern layer only (no classifier), so the reading is certain.
"""

import pytest

from bot.screening.questionnaire import default_questionnaire

Q = default_questionnaire()


def read(qid: str, text: str):
    return Q.read(Q.questions[qid], text).answer


@pytest.mark.parametrize("qid, text", [
    ("citizen_pr", "je veux pas répondre à cette question"),
    ("urgent", "Je ne veux pas répondre"),
    ("refugee_claim", "I don't want to say"),
    ("status_ended", "skip this one"),
    ("status", "j'aime mieux garder ça pour moi"),
    ("partner_abuse", "je préfère ne pas en parler"),
    ("in_canada", "no comment"),
    ("urgent", "pass on that"),
])
def test_rather_not_say_is_skip_at_every_question(qid, text):
    # "ne veux pas répondre": the "ne" belongs to the refusal, it does not cancel it.
    assert read(qid, text) == "skip"


@pytest.mark.parametrize("text", [
    "I'm still in Lagos",
    "je suis au Maroc pour le moment",
    "Qatar",
    "currently in the Philippines, my agency says I leave in May",
])
def test_a_place_abroad_is_not_in_canada(text):
    assert read("in_canada", text) == "no"


def test_a_place_abroad_in_the_past_is_not_where_one_is():
    assert read("in_canada", "I was in Mexico, now I live in Winnipeg") == "yes"


@pytest.mark.parametrize("text, expect", [
    ("international student", "no"),
    ("travailleuse temporaire", "no"),
    ("I got my citizenship in 2019", "yes"),
    ("j'ai obtenu ma résidence permanente", "yes"),
    ("I sent my PR application but I don't know if it got approved", "unsure"),
])
def test_citizen_or_pr_in_plain_words(text, expect):
    assert read("citizen_pr", text) == expect


@pytest.mark.parametrize("text", ["I came with SAWP", "je suis venu avec le PTAS", "farm program permit"])
def test_seasonal_farm_programs_are_one_employer_permits(text):
    assert read("status", text) == "employer_permit"


@pytest.mark.parametrize("text, signs", [
    ("my boss keeps my health card and watches everything I do", {"documents_taken", "not_free"}),
    ("la patronne a mes cartes", {"documents_taken"}),
    ("il m'a giflée hier", {"threats"}),
    ("l'offre disait gardienne d'enfants mais je nettoie des bureaux la nuit", {"deceived"}),
    ("we do 15 hours a day with no days off", {"forced_work"}),
    ("on travaille même malades, sinon pas de paye", {"forced_work"}),
    ("je peux aller nulle part sans lui", {"not_free"}),
    ("the manager follows us everywhere", {"not_free"}),
    ("il a confisqué nos passeports à l'arrivée", {"documents_taken"}),
    ("on lui doit encore le billet d'avion", {"debt"}),
    # Veiled threats.
    ("they keep saying they know where my family lives back home", {"threats"}),
    ("si je pars il va appeler la police", {"threats"}),
])
def test_signs_in_everyday_words(text, signs):
    assert signs <= set(read("situation", text))


def test_no_one_forcing_is_none_but_not_paid_is_not():
    assert read("situation", "no, nobody makes me do anything") == ["none"]
    assert read("situation", "no, they don't pay me") == ["forced_work"]


@pytest.mark.parametrize("text, expect", [
    ("separated since 2020", "no"),
    ("mon mari m'a parrainée, il est correct avec moi", "no"),
    ("she hurts me but I'm not sure if my status depends on her", "unsure"),
    ("my husband sponsored me and he hurts me, I don't know if I can leave", "yes"),
    ("ma conjointe m'a parrainée et elle me fait mal", "yes"),
])
def test_partner_abuse_and_dependence(text, expect):
    assert read("partner_abuse", text) == expect


def test_divorced_with_abuse_is_not_read_as_no():
    assert read("partner_abuse", "divorced now, but my ex sponsored me and beat me") == "yes"


@pytest.mark.parametrize("qid, text, expect", [
    ("state_care", "not me", "no"),
    ("state_care", "I cannot remember", "unsure"),
    ("urgent", "no letter, no date, nothing", "no"),
    ("status_ended", "fini le 10 du mois dernier", "recent"),
    ("status_ended", "my boss sent a new permit application before the old one ran out", "renewal_applied"),
    ("safe_now", "oui je suis en securiter", "yes"),
    ("safe_now", "pas en securiter", "no"),
    ("situation", "peut-être que oui, peut-être que non", ["unsure"]),
])
def test_more_everyday_answers(qid, text, expect):
    assert read(qid, text) == expect


@pytest.mark.parametrize("text", [
    "not sure, some village near the orchards",
    "je ne connais pas le nom de la ville",
])
def test_not_knowing_the_town_is_unsure(text):
    assert read("location", text) == "unsure"


def test_a_refusal_with_a_question_is_never_an_answer():
    # Asking stays asking, even with refusal words in it.
    assert read("urgent", "why would I not want to answer that?") is None


@pytest.mark.parametrize("text, town", [
    ("on a farm close to St-Rémi", "Saint-Rémi"),
    ("je travaille à Mont Tremblant dans un hôtel", "Mont-Tremblant"),
    ("orchard near Osoyoos", "Osoyoos"),
])
def test_small_farm_and_resort_towns_are_places(text, town):
    from bot.places.matcher import default_matcher

    entities = [{"entity": "place", "value": m.value, "start": m.start, "end": m.end}
                for m in default_matcher().find(text)]
    assert Q.read(Q.questions["location"], text, None, entities).answer == f"place:{town}"


@pytest.mark.parametrize("text, sign", [
    ("they promised 20 dollars an hour, now I get almost nothing", "deceived"),
    ("the boss says he will send me back home if I talk", "threats"),
])
def test_getting_nothing_is_not_none(text, sign):
    signs = read("situation", text)
    assert sign in signs and "none" not in signs


def test_having_to_leave_is_not_a_debt():
    assert read("situation", "je dois partir bientôt, on continue après") is None
    assert read("situation", "je dois encore 5000 au recruteur") == ["debt"]


@pytest.mark.parametrize("qid, text, expect", [
    ("refugee_claim", "denied about half a year ago", "refused_recent"),
    ("status", "j'avais un visa de visiteur mais j'ai dépassé la date", "expired"),
    ("status_ended", "j'ai appliqué pour renouveler deux semaines avant la fin", "renewal_applied"),
    ("location", "je sais pas où on est, on change de motel souvent", "unsure"),
])
def test_the_other_answer_is_not_taken(qid, text, expect):
    assert read(qid, text) == expect


def test_a_work_permit_called_valid_still_asks_one_employer_or_open():
    reading = Q.read(Q.questions["status"], "my work permit is valid till 2027")
    assert reading.kind == "clarify" and reading.answer is None
    assert read("status", "valid open work permit") == "valid"


def test_a_town_is_kept_over_its_province():
    from bot.places.matcher import default_matcher

    text = "in Nova Scotia, Truro area, I mean Halifax"
    entities = [{"entity": "place", "value": m.value, "start": m.start, "end": m.end}
                for m in default_matcher().find(text)]
    assert Q.read(Q.questions["location"], text, None, entities).answer == "place:Halifax"


def test_a_guess_never_says_a_partner_abuses_and_sponsored():
    always_yes = lambda q, t: ("yes", 0.99)  # noqa: E731
    assert Q.read(Q.questions["partner_abuse"], "well he did bring me over", classify=always_yes).answer is None


@pytest.mark.parametrize("text, expect", [
    ("yeah, my common-law partner, he is my sponsor", "yes"),
    ("yes he sponsored me but he never hurt me", "no"),
    ("il m'a parrainée mais il ne m'a jamais frappée", "no"),
])
def test_sponsorship_without_abuse_is_not_yes(text, expect):
    assert read("partner_abuse", text) == expect


@pytest.mark.parametrize("qid, text, expected", [
    # Asking to skip is the skip answer, even with a question mark.
    ("citizen_pr", "can we skip this one?", "skip"),
    ("urgent", "on peut sauter celle-là?", "skip"),
    ("status", "I'm not comfortable sharing that yet", "skip"),
    ("state_care", "j'aimerais mieux ne pas y répondre", "skip"),
    # Texted yes and no, and the shared words at questions that lacked them.
    ("refugee_claim", "nan", "no"),
    ("safe_now", "ui", "yes"),
    ("state_care", "pas du tout", "no"),
    ("urgent", "nope", "no"),
    ("status_ended", "chépa", "unsure"),
    ("partner_abuse", "yes, to both", "yes"),
    # An answer that opens with a plain no is no, whatever place the story names after it.
    ("in_canada", "No. I'm home in Lagos now, I only worked in Canada for a season", "no"),
    # ...unless a "but" turns it.
    ("state_care", "no, not a foster family, but I was in a group home at 15", "yes"),
    # A refusal told as "they said no", with when.
    ("refugee_claim", "they said no to my claim about 4 months ago", "refused_recent"),
    ("refugee_claim", "ils ont dit non à ma demande il y a 2 mois", "refused_recent"),
    ("refugee_claim", "still no decision on it", "pending"),
    # A renewal sent before the end keeps status while IRCC decides.
    ("status_ended", "I sent the extension request two weeks before my visa ran out", "renewal_applied"),
    ("status_ended", "ça a fini il y a dix jours", "recent"),
    # Being told one would become PR is not being one: not sure is the honest reading.
    ("citizen_pr", "the agency said i will get PR after two years, i don't know if it happened", "unsure"),
    # A renewal sent in before the end, told without "applied".
    ("status_ended", "my extension went in two weeks before it ran out, still nothing back", "renewal_applied"),
    # Status of one's own, not through the partner: the partner route does not fit.
    ("partner_abuse", "he is violent but I am here on my own study permit", "no"),
    # A bare hedge is not a yes (least of all to "are you safe").
    ("safe_now", "i suppose", "unsure"),
    ("status", "only with that one greenhouse", "employer_permit"),
    # Abuse with a status of one's own, or with a doubt about the dependence, is never yes.
    ("partner_abuse", "my husband is abusive but I came on my own work permit, not through him", "no"),
    ("partner_abuse", "he hits me. is my visa tied to him? i don't know", "unsure"),
    ("partner_abuse", "il m'a parrainée mais je sais pas si ce qu'il fait c'est de la violence", "unsure"),
    # A claim whose fate is not known is not known to be pending.
    ("refugee_claim", "I made a claim in 2022 but I don't know what happened with it", "unsure"),
    # A permit with one company's name on it is for one employer.
    ("status", "permis de travail avec le nom de la ferme dessus", "employer_permit"),
    ("status", "work permit, I can't work for any other company", "employer_permit"),
    # Guessing among kinds of papers is not holding a valid one.
    ("status", "maybe visitor? i don't understand these papers", None),
    # Never having dealt with child protection is no, whatever the agency's name.
    ("state_care", "jamais eu affaire avec la protection de la jeunesse", "no"),
    ("state_care", "never been near children's aid or foster care", "no"),
    # A visit that is over, told in French ("c'est dépassé"), has ended.
    ("status", "visa de touriste, mais c'est dépassé depuis l'été", "expired"),
    # An application sent some time before the end, in the person's words, is a renewal.
    ("status_ended", "I sent the papers for a new work permit two weeks before it finished", "renewal_applied"),
    ("status_ended", "j'ai envoyé ma demande un mois avant la fin", "renewal_applied"),
    # Not eating since yesterday says nothing of when status ended.
    ("status_ended", "j'ai rien mangé depuis hier", None),
    # "Kind of?" to "are you safe" is not a yes.
    ("safe_now", "kind of? depends what you call safe", "unsure"),
    # A PR someone believes was applied for, or a Canada one believes one is in, is not known.
    ("citizen_pr", "i believe the company applied for my permanent residence, nobody told me", "unsure"),
    ("in_canada", "je pense qu'on est encore au Canada, on a roulé toute la nuit", "unsure"),
    ("in_canada", "we drove over a big river last night, are we in the US or Canada now", "unsure"),
    # Signs told as what happens: a threat to report, work under a threat, a try to leave, papers
    # taken in French, a job promised by name.
    ("situation", "if I quit he says he will tell immigration I stole from him", ["threats"]),
    ("situation", "si je refuse de travailler le dimanche il me renvoie", ["forced_work"]),
    ("situation", "they caught me when I tried to leave the farm", ["not_free"]),
    ("situation", "le patron a pris nos cartes d'identité", ["documents_taken"]),
    ("situation", "they told me it was a restaurant job", ["deceived"]),
    # Unpaid hours, opened with "nothing like that", and a debt not yet paid, are not forced work.
    ("situation", "nothing like that, they just owe me two weeks of pay", ["none"]),
    ("situation", "je peux pas partir tant que j'ai pas payé le billet", ["not_free", "debt"]),
    # The one employer said after the permit, not before it.
    ("status", "my permit is for the greenhouse only", "employer_permit"),
    # A permit named with "échu" has ended, whatever kind it is.
    ("status", "c'était un permis d'études, il est échu depuis janvier", "expired"),
    # "C quoi...?" asks; "I don't know if it was..." doubts what the answer names.
    ("state_care", "c quoi un foyer de groupe", None),
    ("state_care", "j'allais dans un centre jeunesse, je sais pas si c'était la protection de la jeunesse", "unsure"),
    ("citizen_pr", "I have a card with my picture but I don't know if it's permanent resident", "unsure"),
    # Declining in one's own words.
    ("in_canada", "ça, je vais pas y répondre", "skip"),
    ("location", "c'est trop risqué de le dire ici", "skip"),
    # A threat after "no money," is still a threat: the comma ends the negation.
    ("situation", "we work for no money, if we refuse the boss says we sleep on the street",
     ["forced_work", "threats"]),
    # A debt in numbers, and a job that turned out otherwise.
    ("situation", "the agent says I still pay him, 3000 left", ["debt"]),
    ("situation", "they said cook job, it's actually cleaning rooms at night", ["deceived"]),
    # Rent one pays oneself is no debt; a job said to be hard is no lie.
    ("situation", "I still pay the rent myself", None),
    ("situation", "they said the job is really hard", None),
])
def test_everyday_answers_are_read(qid, text, expected):
    got = read(qid, text)
    assert (sorted(got) if isinstance(got, list) else got) == (
        sorted(expected) if isinstance(expected, list) else expected)


@pytest.mark.parametrize("text, places, expected", [
    # Doubt between two places, or only a distance from one: not a place one is in.
    ("Manitoba or Saskatchewan, I'm not sure which", ["Manitoba", "Saskatchewan"], "unsure"),
    ("no idea, we drove 3 hours from Calgary", ["Calgary"], "unsure"),
    # Not knowing something else does not undo the place.
    ("I don't know the postal code but I'm in Laval", ["Laval"], "place:Laval"),
    # Between two places is neither; between two hours is only when one works there.
    ("quelque part entre Québec et Montréal je pense", ["Québec", "Montréal"], "unsure"),
    ("je travaille entre 8h et 17h à Laval", ["Laval"], "place:Laval"),
])
def test_a_place_named_with_doubt_is_not_where_one_is(text, places, expected):
    entities = [{"entity": "place", "value": p} for p in places]
    assert Q.read(Q.questions["location"], text, None, entities).answer == expected


def test_a_renewal_sent_after_the_end_is_not_a_renewal_before_it():
    assert read("status_ended", "i sent the renewal after it had expired, maybe a week after") != "renewal_applied"


def test_ni_cancels_what_it_denies():
    assert "forced_work" not in (read("situation", "ni forcée ni obligée, je travaille là par choix") or [])
