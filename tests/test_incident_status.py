"""The status rule (mapper/incident_status.py) on sentences written for these tests."""

from __future__ import annotations

import pytest

from mapper.incident_status import sentence_status
from mapper.incident_text import split_sentences
from mapper.lexicon import load_lexicon
from mapper.model import Status

C, L, D = Status.CONFIRMED, Status.CLAIMED, Status.DENIED


def status_of(text: str, i: int = -1) -> Status:
    sents = split_sentences(text)
    return sentence_status(load_lexicon(), text, sents, i % len(sents))[0]


@pytest.mark.parametrize(("text", "want"), [
    # authorities reporting what they found or what happened
    ("Police said fragments of a drone were found near the village of Taskala.", C),
    ("Debris fell on a garage in Lipetsk overnight, the regional governor said.", C),
    ("According to the emergency services, a drone hit a fuel tank near Tuapse.", C),
    ("The city's mayor told reporters that two drones struck a market in Sumy.", C),
    ("A drone fell on a roof in Saransk; nobody was hurt, the regional head said.", C),
    ("A drone fell on a warehouse in Sterlitamak, Bashkortostan's head Radiy Khabirov said.", C),
    ("A drone hit a refinery in Ufa, Bashkortostan head Radiy Khabirov said.", C),
    ("Drones hit a refinery in Ufa, SBU head Vasyl Maliuk said.", L),
    ("Drones hit a plant near Kazan, the press service of the republic's head said.", C),
    ("Kazakhstan's defence ministry said a drone had crashed in the steppe near Atyrau.", C),
    ("Officials said 300 migrants were evacuated from the border town.", C),
    ("Kyrgyz officials said 40 workers had returned from Russia.", C),
    ("A charter flight landed in Dushanbe, the Ministry of Labour, Migration and Employment said.", C),
    ("Drones hit Sumy overnight, the regional military administration said.", C),
    ("Kazakhstan said 97 of its nationals had left Iran via Azerbaijan.", C),
    # stated as fact, or confirmed in so many words
    ("A drone crashed into a field near Oral on Monday.", C),
    ("Russia's defence ministry confirmed the attack on the air base.", C),
    ("A drone hit a shed in Kharkiv on Monday, and no casualties were reported.", C),
    ("Drones attacked the refinery in Ryazan, as was reported earlier by the governor.", C),
    # a party to the conflict claims a strike or an interception
    ("Russia's Defence Ministry said air defences downed 40 drones over the Kursk region.", L),
    ("Ukraine's General Staff said its forces hit a refinery in the Ryazan region.", L),
    ("The SBU said its drones struck an ammunition depot near Bryansk.", L),
    ("The air force in Kyiv said 20 of 25 drones were intercepted.", L),
    ("A senior Russian official said 5,000 migrants had signed military contracts.", L),
    ("The defence ministry said it shot down eight drones overnight.", L),
    # unverified sources, hedges and anyone else
    ("Telegram channels reported that a drone hit an oil depot in Engels.", L),
    ("A drone was spotted over the refinery, local residents said.", L),
    ("A drone reportedly fell near Aktobe on Friday.", L),
    ("The ministry asked Moscow to explain reports that 40 citizens had been recruited.", L),
    ("Russia said 40 of its drones had hit targets near Kharkiv.", L),
    ("Ivan Sokolov, a local blogger, wrote that drones circled over the town.", L),
    ("A drone hit a depot near Kursk, as reported by Telegram channels.", L),
    # denials
    ("Kazakhstan's foreign ministry denied that a drone had fallen near Uralsk.", D),
    ("A spokesman said he could not confirm that debris was found near Aktau.", D),
])
def test_status_rule(text: str, want: Status) -> None:
    assert status_of(text) is want


def test_a_speaker_named_in_the_sentence_before_carries_over() -> None:
    party = ("Russia's Defence Ministry said 12 drones were downed over the Belgorod region. "
             "The ministry added that debris hit a barn.")
    police = "Police in Uralsk said they had found a damaged drone. They said the wreckage was taken away."
    assert status_of(party) is L and status_of(police) is C


def test_the_speaker_of_a_quote_is_its_subject_not_a_place_it_names() -> None:
    # "police" is the victim here, "residents" the speakers: an unverified source
    assert status_of("Residents said a drone hit a police station in Kursk.") is L
    # the governor speaks about Ukrainian drones: the qualifier belongs to the drones, not to him
    assert status_of("Ukrainian drones struck a depot in Saratov, the regional governor said.") is C


def test_a_body_quoted_as_the_agency_is_the_one_named_in_full_before() -> None:
    # "the agency said", "the ministry reported": the body named in full earlier, however many sentences back
    assert status_of("Figures came from the Agency for Labour Migration on Monday. Departures grew. Arrivals fell. "
                     "Abroad, 6,400 workers went to South Korea, the agency said.") is C
    assert status_of("The Defence Ministry said 40 drones were destroyed over Kursk. Residents filmed smoke. Governor "
                     "Ivan Petrov said a drone hit a depot in Oryol. On Friday the ministry reported 112 drones "
                     "destroyed over Bryansk.") is L


def test_a_person_quoted_by_surname_has_the_title_of_the_first_mention() -> None:
    assert status_of("Regional governor Oleh Syniehubov said on Saturday that shelling went on. Residents hid. "
                     "Syniehubov said 312 people had been evacuated from Kupiansk.") is C


def test_a_neutral_states_energy_ministry_confirms_and_a_body_named_before_ends_with_its_clause() -> None:
    assert status_of("Naval drones damaged a mooring point near Novorossiysk, Kazakhstan's energy ministry said.") \
        is Status.CONFIRMED
    # "According to the Interior Ministry, 9,000 Russian citizens ...": "Russian" names the citizens, not the body
    text = ("Georgia's border police counted arrivals. According to the Interior Ministry, 9,000 Russian citizens "
            "entered in May. A further 4,000 arrived in June, the ministry said.")
    assert status_of(text) is Status.CONFIRMED


def test_an_object_an_official_body_took_away_is_confirmed_whoever_reported_it() -> None:
    # herders or residents report a find; the body that collected or examined it has seen it
    assert status_of("In April herders near Taskala reported drone wreckage that was later removed by police.") is C
    assert status_of("Residents said a drone part lay in a yard; it was taken away by the military.") is C
    # a handling told by an unverified source, or no handler at all, leaves the residents' word a claim
    assert status_of("Residents said drone parts lay in a field near Chingirlau.") is L
    assert status_of("Residents reported drone parts that were later picked up by local bloggers.") is L
