"""Source classification (analysis.sources): category and origin from names, descriptions and the registry."""

import pytest

from analysis import sources


@pytest.mark.parametrize("name, descriptors, expected", [
    # the employer's base decides, not the country the analyst studies (China Daily, 2014)
    ("Ryan Rutkowski", ["China research analyst at the Washington-based Peterson Institute for International "
                        "Economics"], ("expert", "foreign")),
    ("Zhang Yansheng", ["chief researcher at the Beijing-based China Center for International Economic Exchanges"],
     ("expert", "chinese")),
    # "Mainland China has reported its first Covid-19 death" (Guardian): the state, like "China"
    ("Mainland China", [], ("official", "chinese")),
    ("Chinese mainland", [], ("official", "chinese")),
])
def test_classify_from_descriptions(name, descriptors, expected):
    assert sources.classify(name, descriptors) == expected


@pytest.mark.parametrize("name", ["General Administration of Customs", "GAC", "National People's Congress",
                                  "CPC", "Taiwan Affairs Office", "Ministry of National Defense"])
def test_registry_knows_central_chinese_bodies_named_without_china(name):
    known = sources.lookup(sources.load_registry(), name)
    assert (known.category, known.origin, known.kind) == ("official", "chinese", "org")



@pytest.mark.parametrize("name, descriptors, expected", [
    # Guardian: "Dr Bec Strating, the executive director of La Trobe Asia" -> the title decides
    ("Bec Strating", ["Dr Bec Strating", "the executive director of La Trobe Asia"], "expert"),
    # ... but a government employer still does: "Dr Sonia Angell, director of the California Department of
    # Public Health"
    ("Sonia Angell", ["Dr Sonia Angell", "director of the California Department of Public Health"], "official"),
])
def test_doctor_title_is_expert_unless_an_employer_decides(name, descriptors, expected):
    assert sources.classify(name, descriptors)[0] == expected
