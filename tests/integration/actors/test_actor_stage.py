"""ActorStage on invented sentences parsed by the real spaCy model: roles, aliases, generic actors, claims."""

from __future__ import annotations

import pytest

from warlog.actors.mentions import learn_aliases
from warlog.actors.registry import load_registry

pytestmark = pytest.mark.slow


def kinds(event):
    return [(c.kind, c.actor) for c in event.claims]


# ---- roles from the dependency parse


def test_active_subject_and_national_target(actors):
    [event] = actors("Kataib Hezbollah fighters fired three rockets at a U.S. base near Baghdad on Monday.", "fired")
    assert event.actor1 == "Kata'ib Hezbollah" and event.inter1 == 3
    assert event.actor2 == "Military Forces of the United States" and event.inter2 == 1
    assert event.sponsors == ["Iran"]
    assert event.attribution_status == "attributed"
    assert event.provenance["actor1"].text == "Kataib Hezbollah"


def test_passive_voice(actors):
    [event] = actors("The convoy was attacked by the Houthis near Marib on Sunday.", "attacked")
    assert event.actor1 == "Houthis (Ansar Allah)"


def test_possessive_weapon(actors):
    [event] = actors("Hezbollah's drones struck an Israeli army post in the Galilee.", "struck")
    assert event.actor1 == "Hezbollah"
    assert event.actor2 == "Military Forces of Israel"


def test_group_modifying_the_attack_noun(actors):
    [event] = actors("An ISIS drone strike hit a market in Mosul, killing two shoppers.", "strike", country="IQ")
    assert event.actor1 == "Islamic State"
    assert event.actor2 == "Civilians (Iraq)" and event.inter2 == 7


def test_national_adjective_makes_state_forces(actors):
    [event] = actors("Turkish warplanes bombed PKK positions in the Qandil mountains.", "bombed")
    assert event.actor1 == "Military Forces of Turkey"
    assert event.actor2 == "Kurdistan Workers' Party" and event.inter2 == 2


def test_state_using_an_instrument(actors):
    [event] = actors("In March, Iran used drones to attack an oil tanker off the coast of Oman.", "attack")
    assert event.actor1 == "Iran" and event.inter1 == 1


def test_interceptor_is_not_the_perpetrator(actors):
    [event] = actors("Saudi air defenses intercepted a Houthi drone over Jizan on Tuesday.", "drone")
    assert event.actor1 == "Houthis (Ansar Allah)"
    assert event.actor2 == "Military Forces of Saudi Arabia"


def test_members_of_a_group(actors):
    [event] = actors(
        "Members of the Jaime Martinez front dropped explosives from a drone on a police station.", "dropped"
    )
    assert event.actor1.startswith("FARC Dissident - Jaime Martinez")


# ---- aliases defined in the article


def test_abbreviation_defined_in_the_article_for_an_unknown_group(actors, parse):
    text = (
        "The Sahel Liberation Front (SLF) attacked an army convoy near Gao on Sunday. "
        "The SLF said it killed ten soldiers."
    )
    [event] = actors(text, "attacked")
    assert event.actor1 == "Sahel Liberation Front"
    assert kinds(event) == [("claimed", "Sahel Liberation Front")]
    assert event.attribution_status == "claimed"
    learned = learn_aliases(parse(text), "doc", load_registry())
    assert [(a.alias, a.name, a.actor_id, a.pattern) for a in learned] == [
        ("SLF", "Sahel Liberation Front", None, "abbreviation")
    ]


def test_abbreviation_of_a_known_group_resolves(parse):
    learned = learn_aliases(parse("The Badr Organization (BO) denied the report."), "doc-7", load_registry())
    assert [(a.alias, a.actor_id, a.doc_id) for a in learned] == [("BO", "badr", "doc-7")]


def test_also_known_as_links_a_new_name_to_a_known_person(actors, parse):
    text = (
        "The attack was ordered by Abu Fadak (a.k.a. Hajji Karim al-Basri), officials said. "
        "Two days later, Hajji Karim al-Basri's men fired rockets at the airport."
    )
    learned = learn_aliases(parse(text), "doc", load_registry())
    assert [(a.alias, a.actor_id, a.pattern) for a in learned] == [("Hajji Karim al-Basri", "abu-fadak", "aka")]
    events = actors(text, "fired")
    # a person stands for the group they command
    assert events[0].actor1 == "Kata'ib Hezbollah"


# ---- generic descriptions


def test_iranian_backed_militias(actors):
    [event] = actors("Iranian-backed militias launched two drones at Ain al-Asad air base.", "launched")
    assert event.actor1 == "Iran-backed militia" and event.inter1 == 3
    assert event.sponsors == ["Iran"]


def test_unknown_gunmen_are_an_unidentified_armed_group_of_the_country(actors):
    [event] = actors(
        "Unknown gunmen opened fire on a bus in Diyala, killing four passengers.", "opened", country="Iraq"
    )
    assert event.actor1 == "Unidentified Armed Group (Iraq)"
    assert event.attribution_status == "unattributed"


# ---- claims


def test_claim_of_responsibility_in_a_later_sentence(actors):
    [event] = actors(
        "A car bomb exploded in Mogadishu on Friday. Al-Shabaab claimed responsibility for the attack.", "exploded"
    )
    assert event.actor1 == "Al-Shabaab"
    assert kinds(event) == [("claimed", "Al-Shabaab")]
    assert event.claims[0].evidence.sentence == "Al-Shabaab claimed responsibility for the attack."
    assert event.attribution_status == "claimed"


def test_named_authority_blames(actors):
    [event] = actors(
        "A drone hit a checkpoint in Kirkuk. Iraqi officials blamed Kataib Hezbollah for the strike.", "hit"
    )
    assert event.actor1 == "Kata'ib Hezbollah"
    assert kinds(event) == [("blamed", "Kata'ib Hezbollah")]
    assert event.claims[0].claimant == "Iraqi officials"
    assert event.attribution_status == "attributed"


def test_unnamed_sources_attribute(actors):
    text = (
        "Assailants launched a drone at Abha airport. No group claimed responsibility, "
        "but sources attributed the attack to the Houthis."
    )
    [event] = actors(text, "launched")
    assert event.actor1 == "Houthis (Ansar Allah)"
    assert kinds(event) == [("blamed", "Houthis (Ansar Allah)")]
    assert event.claims[0].claimant == "sources"
    assert event.attribution_status == "alleged"


def test_traced_to_a_state(actors):
    [event] = actors(
        "Five drones struck an American outpost in eastern Syria. The drones were traced to Iran.", "struck"
    )
    assert ("traced", "Iran") in kinds(event)
    assert event.actor1 == "Iran"
    assert event.actor2 == "Military Forces of the United States"
    assert event.attribution_status == "attributed"


def test_tied_to_a_group(actors):
    [event] = actors("Two rocket attacks on the airport have been tied to Asaib Ahl al-Haq.", "attacks")
    assert kinds(event) == [("tied", "Asa'ib Ahl al-Haq")]
    assert event.attribution_status == "alleged"


def test_own_sentence_beats_an_actor_of_the_sentences_before(actors):
    text = (
        "Iraqi security forces clashed with gunmen in Baghdad on Monday. Armed Iranian proxies have used drones in "
        "attacks on the airport. Two recent rocket attacks on the base have been tied to Asaib Ahl al-Haq."
    )
    _clash, drones, rockets = actors(text, "clashed", "attacks", "attacks")
    assert (drones.actor1, drones.provenance["actor1"].rule) == ("Iran-backed militia", "generic")
    assert (rockets.actor1, rockets.provenance["actor1"].rule) == ("Asa'ib Ahl al-Haq", "claim:tied")
    assert rockets.attribution_status == "alleged"


def test_a_group_calling_itself_by_a_name_claims_under_it(actors):
    [event] = actors("A group calling itself Ashab al-Kahf claimed the rocket attack on the convoy.", "attack")
    assert kinds(event) == [("claimed", "Ashab al-Kahf")]
    assert event.actor1 == "Ashab al-Kahf" and event.attribution_status == "claimed"


def test_a_denial_answers_the_blame_across_another_event(actors):
    text = (
        "Two drones struck the airport on Monday. A third drone was shot down near the perimeter. Officials "
        "blamed Kataib Hezbollah for the strike. A spokesman for Kataib Hezbollah denied that the group was "
        "involved and said it was committed to a truce."
    )
    _struck, downed, truce = actors(text, "struck", "shot", "truce")
    assert kinds(downed) == [("blamed", "Kata'ib Hezbollah"), ("denied", "Kata'ib Hezbollah")]
    assert downed.attribution_status == "disputed"
    assert kinds(truce) == [("denied", "Kata'ib Hezbollah")]


def test_a_dateline_names_no_actor(actors):
    [event] = actors("ERBIL, Iraq - Two drones struck a base hosting coalition troops, officials said.", "struck")
    assert event.actor1 is None and event.claims == []


def test_suspected_perpetrator(actors):
    [event] = actors("Suspected ISWAP fighters attacked a military base in Borno.", "attacked")
    assert event.actor1 == "Islamic State West Africa Province"
    assert kinds(event) == [("suspected", "Islamic State West Africa Province")]
    assert event.attribution_status == "alleged"


def test_denial_against_an_accusation_is_disputed(actors):
    text = (
        "Rockets struck the Green Zone on Sunday. Officials blamed Kataib Hezbollah, "
        "but Kataib Hezbollah denied any involvement."
    )
    [event] = actors(text, "struck")
    assert ("blamed", "Kata'ib Hezbollah") in kinds(event) and ("denied", "Kata'ib Hezbollah") in kinds(event)
    assert event.attribution_status == "disputed"


def test_denial_of_something_else_is_not_a_claim(actors):
    [event] = actors(
        "Israeli jets struck a Hezbollah position. Hezbollah denied that any fighters were killed.", "struck"
    )
    assert kinds(event) == []
    assert event.actor1 == "Military Forces of Israel" and event.actor2 == "Hezbollah"


def test_hedged_accusation(actors):
    [event] = actors("Officials said the bombing was likely carried out by the PKK.", "bombing")
    assert event.actor1 == "Kurdistan Workers' Party"
    assert [(c.kind, c.claimant, c.hedged) for c in event.claims] == [("blamed", "Officials", True)]
    assert event.attribution_status == "alleged"


def test_outlets_report_who_attacked(actors):
    text = (
        "Four drones targeted the American base at Rumeilan. "
        "Pro-Iranian news channels reported that Iranian-backed militias attacked the base."
    )
    [event] = actors(text, "targeted")
    assert [(c.kind, c.actor, c.claimant) for c in event.claims] == [
        ("blamed", "Iran-backed militia", "Pro-Iranian news channels")
    ]
    assert event.actor1 == "Iran-backed militia"
    assert event.attribution_status == "alleged"


# ---- readings found by error analysis (invented sentences with the same constructions)


def test_all_caps_acronym_misread_as_a_verb(actors):
    [event] = actors("IS drones targeted army positions near the airport.", "targeted")
    assert event.actor1 == "Islamic State"


def test_group_opening_a_misparsed_clause(actors):
    [event] = actors(
        "In Lay Kay town, a combined force of the KNLA and allies attacked a police station with drones.", "attacked"
    )
    assert event.actor1.startswith("KNU/KNLA")


def test_thing_hit_belongs_to_the_target(actors):
    [event] = actors("Explosions near the airfield damaged a Russian military aircraft on Sunday.", "damaged")
    assert event.actor1 is None
    assert event.actor2 == "Military Forces of Russia"


def test_base_used_by_forces_is_not_their_attack(actors):
    text = "An unidentified armed group carried out a drone attack on the airbase, used by Russian forces."
    [event] = actors(text, "attack", country="SY")
    assert event.actor1 == "Unidentified Armed Group (Syria)"


def test_local_defense_forces_are_an_unidentified_anti_coup_group(actors):
    [event] = actors("Local people's defense forces carried out a drone attack on a junta column.", "attack")
    assert event.actor1 == "Unidentified Anti-Coup Armed Group"
    assert event.actor2 == "Military Forces of Myanmar"


def test_claiming_that_something_happened_is_not_a_claim_of_responsibility(actors):
    text = "A blast hit a training center in Logar. The Taliban claimed that old explosives detonated by accident."
    [event] = actors(text, "blast")
    assert kinds(event) == []


def test_spokesman_for_a_group_claims_for_it(actors):
    text = "A car bomb hit a checkpoint in Bannu. A spokesman for the TTP claimed responsibility for the attack."
    [event] = actors(text, "bomb")
    assert event.actor1 == "Tehrik-i-Taliban Pakistan"
    assert event.attribution_status == "claimed"


def test_claimed_to_have_launched(actors):
    text = "Drones flew toward the Golan Heights. The Islamic Resistance in Iraq on Monday claimed to have launched four drones."
    [event] = actors(text, "flew")
    assert kinds(event) == [("claimed", "Islamic Resistance in Iraq")]


def test_affiliation_of_the_target_is_not_a_tie(actors):
    text = "A drone strike hit a radio station in Basra. The station is affiliated with the Sadrist Movement."
    [event] = actors(text, "strike")
    assert kinds(event) == [] and event.actor1 is None


def test_model_numbers_and_lone_unit_words_are_not_groups(actors):
    [event] = actors("A Shahed-136 drone of unclear origin attacked a cargo ship in the Gulf of Oman.", "attacked")
    assert event.actor1 is None


def test_the_verb_nearest_the_trigger_names_the_perpetrator(actors):
    text = "Belgium has been on alert since the Islamic State group launched a wave of attacks across Brussels."
    [event] = actors(text, "attacks")
    assert event.actor1 == "Islamic State"


def test_country_that_suffered_attacks_is_their_target(actors):
    [event] = actors("Pakistan has suffered dozens of drone attacks by the TTP this year.", "attacks")
    assert event.actor1 == "Tehrik-i-Taliban Pakistan"


def test_weapons_launched_or_used_by_a_group_are_its_attack(actors):
    [event] = actors("The drones were launched by the Houthis from Saada.", "launched")
    assert event.actor1 == "Houthis (Ansar Allah)"
    [event] = actors("Two drones used by Hamas were shot down over the sea.", "drones")
    assert event.actor1 == "Hamas"


def test_drone_destroyed_by_air_defences_is_not_their_attack(actors):
    [event] = actors("A drone was destroyed by Saudi air defenses over Najran.", "drone")
    assert event.actor1 is None
    assert event.actor2 == "Military Forces of Saudi Arabia"


def test_drone_operated_by_a_group(actors):
    [event] = actors("An armed drone operated by Daesh killed four civilians in Mosul.", "killed", country="IQ")
    assert event.actor1 == "Islamic State"
    assert event.actor2 == "Civilians (Iraq)"


def test_named_group_beats_a_generic_description_in_the_same_force(actors):
    text = "A combined force of the KNLA and unidentified drone teams attacked the hill base with drones."
    [event] = actors(text, "attacked")
    assert event.actor1.startswith("KNU/KNLA")


def test_unit_of_a_known_group_claims_for_the_group(actors):
    text = (
        "Two drones targeted an air base in Diyarbakir. "
        "The Martyr Zagros Air Defense Forces of the PKK claimed responsibility for the attack."
    )
    [event] = actors(text, "targeted")
    assert event.actor1 == "Kurdistan Workers' Party"
    assert event.attribution_status == "claimed"


def test_clashed_with_gives_the_other_side(actors):
    [event] = actors("Iraqi security forces clashed with Iranian-backed groups near the Green Zone.", "clashed")
    assert event.actor1 == "Military Forces of Iraq"
    assert event.actor2 == "Iran-backed militia"


def test_trace_has_no_weapon_for_claimant(actors):
    [event] = actors("A drone traced back to Iran was launched from Syria toward Israel.", "launched")
    assert [(c.kind, c.actor, c.claimant) for c in event.claims] == [("traced", "Iran", None)]
    assert event.actor1 == "Iran"


def test_negated_conclusion_is_no_accusation(actors):
    text = "A drone attack hit the residence. Do not expect the police to conclude that Hezbollah is behind the attack."
    [event] = actors(text, "attack")
    assert kinds(event) == [] and event.actor1 is None


def test_claims_stay_near_their_attack(actors):
    text = (
        "A drone hit a checkpoint near Tikrit on Monday. The army is investigating. Schools stayed open. "
        "Roads were closed. Shops reopened. In an unrelated statement, Hezbollah claimed responsibility for a "
        "rocket strike in the north."
    )
    first, second = actors(text, "hit", "strike")
    assert first.claims == [] and first.actor1 is None
    assert second.actor1 == "Hezbollah"


def test_claim_about_past_attacks_stays_with_them(actors):
    text = "A drone struck an airport in Erbil on Sunday. Two earlier attacks have been tied to Kataib Hezbollah."
    main, past = actors(text, "struck", "attacks", background=("attacks",))
    assert main.claims == []
    assert kinds(past) == [("tied", "Kata'ib Hezbollah")]


def test_stage_leaves_learned_aliases_for_storage(parse):
    import datetime as dt

    from warlog.actors.stage import ActorStage
    from warlog.extraction.base import DocState
    from warlog.records import Article

    text = "The Tigris Hawks Brigade (THB) warned the government. THB later denied any role."
    doc = parse(text)
    state = DocState(article=Article(doc_id="a-1", text=text, published=dt.date(2024, 1, 2)), doc=doc)
    ActorStage().process([state])
    [alias] = state.learned_aliases
    assert (alias.alias, alias.name, alias.actor_id, alias.doc_id) == ("THB", "Tigris Hawks Brigade", None, "a-1")
    assert alias.evidence.sentence == "The Tigris Hawks Brigade (THB) warned the government."
    assert text[alias.start : alias.end].endswith("Tigris Hawks Brigade (THB)")


def test_stage_reads_a_user_registry(tmp_path, parse):
    from warlog.actors.stage import ActorStage

    path = tmp_path / "mine.yaml"
    path.write_text(
        "version: 1\nsources:\n  - {id: notes, title: My notes}\n"
        "actors:\n  - {id: river-wolves, name: River Wolves, type: 3, country: NG, source: notes,"
        " aliases: [Kerkuwa Wolves]}\n",
        encoding="utf-8",
    )
    stage = ActorStage(registry_files=[str(path)])
    assert stage.registry.resolve("Kerkuwa Wolves").name == "River Wolves"
    assert "registry_files" in stage.config


def test_plural_abbreviation_is_learned(parse):
    text = "Joint local People's Defense Forces (PDFs) attacked a junta outpost. The PDFs used drones."
    [alias] = learn_aliases(parse(text), "doc", load_registry())
    assert (alias.alias, alias.actor_id) == ("PDFs", "unidentified-anti-coup")


def test_claim_of_responsibility_survives_a_run_on_sentence(actors):
    text = (
        "Assailants launched a drone at Abha airport. "
        "The Houthis claimed responsibility for the incident stated it was revenge for the coalition's raids."
    )
    [event, _] = actors(text, "launched", "raids", background=("raids",))
    assert event.actor1 == "Houthis (Ansar Allah)"
    assert event.attribution_status == "claimed"


def test_quoted_group_name(actors):
    text = 'Belgium has been on alert since the "Islamic State" militant group launched a series of attacks.'
    [event] = actors(text, "attacks")
    assert event.actor1 == "Islamic State"


def test_accused_names_the_blamed_group(actors):
    text = "Rockets landed near the Qayyarah airfield overnight. Baghdad accused Kataib Hezbollah of the barrage."
    [event] = actors(text, "Rockets")
    assert kinds(event) == [("blamed", "Kata'ib Hezbollah")]
    assert event.actor1 == "Kata'ib Hezbollah"


def test_investigators_linking_the_strike_to_a_group_tie_it(actors):
    text = (
        "A drone hit a fuel depot near Tal Afar on Sunday. Investigators later linked the strike to Asaib Ahl al-Haq."
    )
    [event] = actors(text, "hit")
    assert [(c.kind, c.actor, c.claimant) for c in event.claims] == [("tied", "Asa'ib Ahl al-Haq", "Investigators")]
    assert event.attribution_status == "alleged"


def test_something_linked_to_a_group_is_no_claim(actors):
    [event] = actors("A radio station linked to the Houthis reported that a drone hit a cargo ship.", "hit")
    assert event.claims == []


def test_speaker_is_not_the_perpetrator_of_what_it_reports(actors):
    text = (
        "A Pentagon spokesman said Kataib Hezbollah was behind Thursday's drone attack on a U.S. outpost near Shaddadi."
    )
    [event] = actors(text, "attack")
    assert event.actor1 == "Kata'ib Hezbollah"
    assert event.actor2 == "Military Forces of the United States"
    assert [(c.kind, c.claimant) for c in event.claims] == [("blamed", "Pentagon spokesman")]


def test_responsible_for_the_attack_is_an_accusation(actors):
    text = "An Israeli army spokesman said Hezbollah was responsible for the rocket attack on Kiryat Shmona."
    [event] = actors(text, "attack")
    assert event.actor1 == "Hezbollah"
    assert kinds(event) == [("blamed", "Hezbollah")]


def test_responsible_for_security_is_no_accusation(actors):
    [event] = actors("The army is responsible for security in Hawija, where a bomb exploded on Monday.", "exploded")
    assert event.claims == []


def test_traced_to_weapons_a_state_made_is_a_trace_to_that_state_but_using_them_is_not(actors):
    [event] = actors(
        "Two drones struck a base near Tanf. Debris had been traced to Iranian-made one-way attack drones.", "struck"
    )
    assert ("traced", "Military Forces of Iran") in kinds(event)
    [event] = actors("Rebels launched Iranian-made drones at a base near Tanf.", "launched")
    assert not [claim for claim in event.claims if claim.kind == "traced"]
