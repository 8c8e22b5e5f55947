"""Pricing in a real browser and over the API (issue #13): a manager opens Settings → Rate cards,
reads a client's card, edits it (which saves the next version, the old one still readable) and
sees an error next to the field they got wrong; the rate-card contract of the API
(`POST /api/v1/rate-cards` → 201 `{"id", "version"}`, 422 naming `prices[0].price`)."""
import re

import pytest
import requests
from selenium.webdriver.common.by import By

from conftest import BASE_URL
from test_journeys import follow, wait_text
from test_pipeline import sign_in_speaking

MANAGER = "manager@lumen.example"
TEXT = {
    "en": {"saved": "saved.", "not_saved": "The rate card was not saved", "older": "older version"},
    "fr": {"saved": "enregistrée.", "not_saved": "La grille n’a pas été enregistrée", "older": "ancienne version"},
}


def version_of(browser):
    return int(re.search(r"\d+", browser.find_element(By.CSS_SELECTOR, "h1 .badge").text).group(0))


@pytest.mark.parametrize("browser", ["en", "fr"], indirect=True)
def test_manager_edits_a_rate_card_into_a_new_version(browser):
    language = "fr" if browser.execute_script("return navigator.language").startswith("fr") else "en"
    text = TEXT[language]
    sign_in_speaking(browser, MANAGER, language)
    browser.get(BASE_URL + "/settings/rate-cards")
    follow(browser, "#rate-cards a[href*='/settings/rate-cards/']")
    card_url = browser.current_url
    before = version_of(browser)
    browser.tandem_shot("card")

    follow(browser, "a[href$='/edit']")
    price = browser.find_element(By.NAME, "price_0_price")
    typed = price.get_attribute("value")
    price.clear()
    price.send_keys("douze")
    follow(browser, "form.pricing-form button.primary")
    wait_text(browser, ".flash-error", text["not_saved"])
    assert browser.find_element(By.NAME, "price_0_price").get_attribute("aria-invalid") == "true"
    assert browser.find_elements(By.CSS_SELECTOR, "#price-rows .field-error")
    browser.tandem_shot("errors")

    price = browser.find_element(By.NAME, "price_0_price")
    price.clear()
    price.send_keys(typed)
    minimum = browser.find_element(By.NAME, "minimum")
    minimum.clear()
    minimum.send_keys("55")
    follow(browser, "form.pricing-form button.primary")
    wait_text(browser, ".flash", text["saved"])
    assert version_of(browser) == before + 1
    assert len(browser.find_elements(By.CSS_SELECTOR, "#rate-card-versions li")) == before + 1

    browser.get(f"{card_url}?version={before}")
    wait_text(browser, "main", text["older"])
    assert version_of(browser) == before


def manager_token():
    session = requests.Session()
    login = session.get(BASE_URL + "/login", timeout=10)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', login.text).group(1)
    session.post(BASE_URL + "/login", data={"_csrf": csrf, "email": MANAGER, "password": "demo-password"}, timeout=10)
    page = session.get(BASE_URL + "/settings/profile/tokens", timeout=10)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
    created = session.post(BASE_URL + "/settings/profile/tokens", data={"_csrf": csrf, "name": "pricing check"}, timeout=10)
    return re.search(r"tdm_[A-Za-z0-9]{40}", created.text).group(0)


def test_the_rate_card_contract():
    headers = {"Authorization": f"Bearer {manager_token()}"}
    with_cards = {card["accountId"] for card in requests.get(
        BASE_URL + "/api/v1/rate-cards?limit=200", headers=headers, timeout=10).json()["items"]}
    accounts = requests.get(BASE_URL + "/api/v1/accounts?limit=200", headers=headers, timeout=10).json()["items"]
    account = next(a["id"] for a in accounts if a["id"] not in with_cards)
    body = {"name": "Journey card", "accountId": account, "currency": "EUR", "grid": {"repetition": "10"},
            "prices": [{"source": "en", "target": "fr", "service": "translation", "unit": "word", "price": "0.12"}],
            "minimumCharge": "0.00"}
    created = requests.post(BASE_URL + "/api/v1/rate-cards", json=body, headers=headers, timeout=10)
    assert created.status_code == 201, created.text
    assert set(created.json()) == {"id", "version"} and created.json()["version"] == 1
    body["prices"][0]["price"] = "twelve cents"
    body["accountId"] = None
    refused = requests.post(BASE_URL + "/api/v1/rate-cards", json=body, headers=headers, timeout=10)
    assert refused.status_code == 422 and refused.json()["error"]["field"] == "prices[0].price"
