"""Typed answers that correct themselves, make a place precise, or say the answer in words that
belong to another option: read as the person meant, by the careful patterns alone."""

from __future__ import annotations

import pytest

from bench.answers_eval import places
from bot.screening.questionnaire import default_questionnaire

Q = default_questionnaire()


@pytest.mark.parametrize("text, expect", [
    # The place after a correction is the one meant.
    ("Hamilton, no sorry, Burlington, we moved", "place:Burlington"),
    ("à Gatineau... non attends, à Ottawa", "place:Ottawa"),
    # The place made precise is the one meant.
    ("au Saguenay... ben à Jonquière plus précisément", "place:Jonquière"),
    # Not knowing the street is not doubting the place.
    ("a farm outside of Kelowna, I don't know the exact address", "place:Kelowna"),
    # Towns where many temporary workers live, below the gazetteer's population floor.
    ("Gander NL", "place:Gander"),
    ("Hawkesbury en Ontario", "place:Hawkesbury"),
    ("en Alberta, près de Brooks, l'usine de viande", "place:Brooks"),
    ("Guelph. sorry no, we moved, now in Kitchener", "place:Kitchener"),
    ("out by High River, Alberta, at the packing plant", "place:High River"),
    ("à Neepawa au Manitoba, pour l'usine de porc", "place:Neepawa"),
    # Words set aside before the answer leave the place's position as written.
    ("euh pas à Montréal, à Laval", "place:Laval"),
    ("honestly Guelph, no sorry, Kitchener now", "place:Kitchener"),
    # Misspellings too far from the name for the near-miss matcher.
    ("I'm in Ottowa, near the market", "place:Ottawa"),
    ("à gatineo", "place:Gatineau"),
    # Two places offered as a choice: not sure where.
    ("Quelque part en Ontario ou au Québec je crois, près de la frontière.", "unsure"),
])
def test_the_place_meant(text, expect):
    assert Q.understand(Q.questions["location"], text, entities=places(text)) == expect


@pytest.mark.parametrize("question, text, expect", [
    # A correction: what follows it is the answer.
    ("status", "permis de travail ouvert... non attends, c'est fermé, y'a le nom de la compagnie écrit dessus",
     "employer_permit"),
    ("status", "open work permit, no wait, sorry I mean it's only for one employer", "employer_permit"),
    # Abbreviations of open permits are valid status; expired ones are expired.
    ("status", "PGWP, good till 2026", "valid"),
    ("status", "J'ai un PTO pour conjoint, encore bon pour un an", "valid"),
    ("status", "my pgwp expired last month", "expired"),
    ("status", "c'était un permis fermé avec la ferme mais il est échu depuis l'été", "expired"),
    # "A permit to work" says nothing of one employer or open: asked, never taken as valid.
    ("status", "i have a permit to work, it's valid", None),
    # Dependence said before abuse, or "yes to both", is the family-violence answer.
    ("partner_abuse", "Oui, mon statut dépend de lui et il me maltraite.", "yes"),
    ("partner_abuse", "ya, my status depends on him and he is violent", "yes"),
    ("partner_abuse", "oui aux deux questions", "yes"),
    ("partner_abuse", "oui mon mari c'est mon répondant et il m'a poussée dans l'escalier", "yes"),
    ("partner_abuse", "he brought me here as his wife and now he keeps me locked in the house. yes", "yes"),
    # A sponsor who is the boss is not a spouse.
    ("partner_abuse", "mon répondant c'est mon patron, il me menace", None),
    ("partner_abuse", "non merci, pas cette question", "skip"),
    # PR held, or only applied for.
    ("citizen_pr", "I have PR. Not citizen yet.", "yes"),
    ("citizen_pr", "I have PR applied but waiting", None),
    ("citizen_pr", "I applied for PR last year", "no"),
    # "No, I'm not in danger" is safe; a hedge that asks back is not.
    ("safe_now", "No, I'm not in danger at the moment.", "yes"),
    ("safe_now", "wi sa va", "yes"),
    ("safe_now", "no, not in danger? he is coming back", "no"),
    # Renewal asked for after the end is not a renewal in time.
    ("status_ended", "I did apply to renew but it was already expired by then. That was about eight months ago",
     "earlier"),
    ("status_ended", "ça fait plus d'un an, j'ai demandé le renouvellement après mais ils ont refusé", "earlier"),
    ("status_ended", "Avant qu'il expire, oui. Ma travailleuse sociale m'a aidée à remplir le formulaire.",
     "renewal_applied"),
    ("status_ended", "à l'automne 2022, j'ai jamais rien renouvelé", "earlier"),
    ("status_ended", "ça fait un an et quelques mois", "earlier"),
    # Border officers who stopped someone is urgent; "CBSA doesn't know I exist" is not.
    ("urgent", "les douaniers m'ont arrêtée à l'aéroport et m'ont donné un papier à signer", "yes"),
    ("urgent", "not urgent no. CBSA doesn't even know I exist", "no"),
    ("urgent", "aucunement", "no"),
    # Situations told in everyday words.
    ("situation", "I'm not allowed to talk to anybody outside, they check my phone", ["not_free"]),
    ("situation", "jai pas mon passport, c le patron ki la", ["documents_taken"]),
    ("situation", "Mon passeport, c'est l'agence qui l'a. Pis ils me chargent le loyer, j'arrive jamais à rembourser",
     ["documents_taken", "debt"]),
    ("situation", "il a cassé mon téléphone, il dit que la police va m'arrêter si je sors de la ferme",
     ["not_free", "threats"]),
    ("citizen_pr", "Can I not answer this? I'm scared about it", "skip"),
    ("status", "je préfère garder ça privé pour l'instant", "skip"),
    ("refugee_claim", "can we not do this one", "skip"),
    ("state_care", "Ça c'est trop personnel.", "skip"),
    # "I don't know if it counts" / "I don't know if he applied" are unsure, never yes.
    ("state_care", "J'ai été dans un centre jeunesse, je sais pas si ça compte.", "unsure"),
    ("status_ended", "Je ne sais pas si mon employeur a demandé le renouvellement ou pas.", "unsure"),
    ("status_ended", "Pas sûre. Quelque part entre deux et six mois je pense.", "unsure"),
    ("status_ended", "the winter before last", "earlier"),
    # Asking what a word means is not yes.
    ("state_care", "c koi une famille d'accueil", None),
    ("situation", "im not allowed a phone and they drive us everywhere", ["not_free"]),
    ("situation", "No, none of those. I'm worried about my roommate, not me", ["none"]),
    ("situation", "je dois faire ce que les clients veulent, sinon elle dit que je vais dormir dehors",
     ["forced_work", "threats"]),
    ("partner_abuse", "Oui. Mon permis ouvert dépend de son permis à lui, et il est violent.", "yes"),
    ("partner_abuse", "Mon copain est violent mais mes papiers c'est pas lui, c'est mon permis d'études.", "no"),
    ("urgent", "no wait, yes, border services phoned me yesterday and want me to come in", "yes"),
    ("urgent", "idk, i got a letter but dont know if it is a deportation order", "unsure"),
    ("citizen_pr", "my dad says we got citizenship when I was small but I never saw a paper. not sure", "unsure"),
    ("status_ended", "maybe this spring, maybe last fall, my boss has the papers", "unsure"),
    ("safe_now", "for now yes but tonight who knows", "unsure"),
    ("safe_now", "honestly no, they are in the next room", "no"),
    ("in_canada", "au Mali pour le moment", "no"),
    ("in_canada", "présentement aux États-Unis, à Buffalo", "no"),
    ("partner_abuse", "he takes my whole paycheque and screams, is that abuse? he sponsored me", None),
    ("partner_abuse", "oui, mon mari c'est mon garant et il me bat", "yes"),
    ("status", "permis lié à l'employeur, une ferme de bleuets", "employer_permit"),
    ("safe_now", "wi, mwen byen kounye a", "yes"),
    ("situation", "le patron me crie dessus quand je veux sortir de la ferme", ["not_free"]),
    ("situation", "they promised 20 an hour, the contract said so, it's half of what they said", ["deceived"]),
    ("refugee_claim", "pas encore", "no"),
    ("location", "je donnerai pas mon adresse, désolé", "skip"),
    # A permit that expires later is still held; one that expired is not.
    ("status", "permis fermé pour la ferme, il expire en avril", "employer_permit"),
    ("status", "study permit, it expires in august", "valid"),
    ("status", "my closed permit expired in april", "expired"),
    ("status", "mon permis a expiré en avril", "expired"),
])
def test_the_answer_meant(question, text, expect):
    got = Q.understand(Q.questions[question], text)
    if isinstance(expect, list):
        assert sorted(got or []) == sorted(expect), got
    else:
        assert got == expect
