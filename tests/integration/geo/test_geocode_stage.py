"""GeocodeStage on invented sentences about Iraq, Syria, Yemen, Israel/Gaza, Lebanon and the Gulf."""

import pytest

from warlog.geo.distance import haversine_km

pytestmark = pytest.mark.slow


def near(event, lat: float, lon: float, km: float = 25) -> bool:
    return event.latitude is not None and haversine_km(event.latitude, event.longitude, lat, lon) <= km


def test_base_in_iraq(geocode) -> None:
    event = geocode("Two drones attacked Ain al-Asad air base in western Iraq on Monday, officials said.", "attacked")
    assert (event.country, event.admin1, event.location) == ("Iraq", "Anbar", "Ain al-Asad Air Base")
    assert near(event, 33.79, 42.44) and event.geo_precision == 1
    assert event.provenance["location"].text == "Ain al-Asad air base"


def test_launched_from_is_origin_not_location(geocode) -> None:
    event = geocode("A drone launched from Iraq struck the al-Tanf garrison in Syria overnight.", "struck")
    assert event.country == "Syria" and event.admin1 == "Homs"
    assert event.origin == "Iraq"
    assert near(event, 33.49, 38.63)


def test_town_province_country_chain(geocode) -> None:
    text = "Gunmen attacked a police checkpoint in Tikrit, Salahuddin province, Iraq, killing two."
    event = geocode(text, "attacked")
    assert (event.country, event.admin1, event.location) == ("Iraq", "Salah al-Din", "Tikrit")
    assert near(event, 34.60, 43.68) and event.geo_precision == 1


def test_a_place_whose_name_ends_in_a_generic_word_is_read_whole(geocode) -> None:
    text = "A drone was shot down near Erbil, according to the Kurdistan Region's counter-terrorism service."
    event = geocode(text.replace("near Erbil, ", ""), "shot")
    assert (event.country, event.location) == ("Iraq", "Kurdistan Region")
    province = geocode("Gunmen attacked a checkpoint in Anbar province on Monday.", "attacked")
    assert (province.country, province.admin1) == ("Iraq", "Anbar")


def test_yemen_port_spelling_variant(geocode) -> None:
    event = geocode("Coalition jets bombed the port of Al Hudaydah in Yemen on Friday.", "bombed")
    assert event.country == "Yemen" and near(event, 14.80, 42.95)


def test_sea_area_takes_the_article_country(geocode) -> None:
    event = geocode("Yemen's Houthis said they fired a missile at a tanker in the Red Sea.", "fired")
    assert event.location == "Red Sea" and event.country == "Yemen"
    assert event.geo_precision == 3 and event.admin1 is None


def test_strait_of_hormuz(geocode) -> None:
    event = geocode("A drone hit a merchant ship in the Strait of Hormuz, Iran said.", "hit")
    assert event.location == "Strait of Hormuz" and near(event, 26.57, 56.25, km=60)


def test_gaza_town(geocode) -> None:
    event = geocode("An Israeli airstrike hit a house in Khan Younis in the southern Gaza Strip.", "hit")
    assert event.country == "Palestine" and event.admin1 == "Gaza Strip"
    assert near(event, 31.34, 34.30)


def test_lebanon_near_town_is_precision_two(geocode) -> None:
    event = geocode("A drone strike hit a car near Nabatieh in south Lebanon, killing one man.", "hit")
    assert event.country == "Lebanon" and event.geo_precision == 2
    assert near(event, 33.38, 35.48)


def test_gulf_base(geocode) -> None:
    event = geocode("Iranian missiles targeted Al Udeid air base in Qatar, the ministry said.", "targeted")
    assert event.country == "Qatar" and near(event, 25.12, 51.32)


def test_country_only_is_centroid_with_precision_three(geocode) -> None:
    event = geocode("Officials said several rockets exploded in Syria last week.", "exploded")
    assert event.country == "Syria" and event.location == "Syria" and event.geo_precision == 3
    assert near(event, 35.0, 38.5, km=250)


def test_person_named_like_a_village_is_not_the_location(geocode) -> None:
    event = geocode("Commander Abu Saleh said the attack on the base in Kirkuk failed.", "attack")
    assert event.location == "Kirkuk" and event.country == "Iraq"


def test_location_is_the_trigger_place_not_the_first_place(geocode) -> None:
    text = "Baghdad condemned the incident. On Tuesday a drone attacked a base in Erbil."
    event = geocode(text, "attacked")
    assert event.location == "Erbil" and event.admin1 == "Erbil"


def test_no_place_leaves_fields_empty(geocode) -> None:
    event = geocode("Someone attacked a checkpoint at night.", "attacked")
    assert event.country is None and event.latitude is None and event.geo_precision is None


def test_pro_country_modifier_is_not_the_location(geocode) -> None:
    text = "A drone struck a pro-Iran militia position in Al Mayadin in the countryside of Deir ez-Zor."
    event = geocode(text, "struck")
    assert event.country == "Syria" and event.admin1 == "Deir-ez-Zor"
    assert near(event, 35.02, 40.45)


def test_parenthesised_place_list_skips_an_unknown_village(geocode) -> None:
    text = "On 3 May 2024, in Umm Shuwaykh village (Tal Afar district, Ninewa), militants attacked a checkpoint."
    event = geocode(text, "attacked")
    assert (event.country, event.admin1) == ("Iraq", "Ninewa")
    assert near(event, 36.38, 42.45)


def test_facility_named_after_its_town(geocode) -> None:
    event = geocode("Gunmen attacked the Tikrit Bridge checkpoint in Iraq at dawn.", "attacked")
    assert event.country == "Iraq" and near(event, 34.60, 43.68)


def test_group_name_does_not_give_the_location(geocode) -> None:
    event = geocode("The Islamic State of Iraq and the Levant claimed a bombing in Raqqa on Sunday.", "bombing")
    assert event.country == "Syria" and near(event, 35.95, 39.01)


def test_division_as_written_wins_over_the_gazetteer(geocode) -> None:
    text = "A bomb exploded near a convoy in Mir Ali town, Federally Administered Tribal Areas, Pakistan."
    event = geocode(text, "exploded")
    assert event.country == "Pakistan" and event.admin1 == "Federally Administered Tribal Areas"
    assert event.provenance["admin1"].rule == "division as written"
    assert near(event, 32.97, 70.27)
