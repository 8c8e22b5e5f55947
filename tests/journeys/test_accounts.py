"""The accounts side of issue #11 in a real browser: a sales rep creates an account past the
near-duplicate warning and fills the client brief; a PM adds production notes; the history
shows both versions. English and French."""
import time

import pytest
from selenium.webdriver.common.by import By

from conftest import BASE_URL
from test_journeys import follow, sign_in, wait_text

PASSWORD = "demo-password"
TEXT = {
    "en": {"warning": "This account may already exist.", "complete": "Complete", "history": "Brief history",
           "saved": "Brief saved"},
    "fr": {"warning": "Ce compte existe peut-être déjà.", "complete": "Complet", "history": "Historique du brief",
           "saved": "Brief enregistré"},
}


def fill(browser, name, text):
    field = browser.find_element(By.NAME, name)
    field.clear()
    field.send_keys(text)


@pytest.mark.parametrize("browser", ["en", "fr"], indirect=True)
def test_a_rep_creates_an_account_and_its_brief_and_a_pm_adds_production_notes(browser):
    language = browser.execute_script("return navigator.language").split("-")[0]
    words = TEXT[language]
    name = f"Brightpath Labs {language.upper()} {int(time.time())}"
    sign_in(browser, "sofia.sales@lumen.example", PASSWORD)

    # The same website as the demo's Brightpath Software: the form warns before saving.
    browser.get(BASE_URL + "/accounts/new")
    fill(browser, "name", name)
    fill(browser, "website", "https://brightpath.example/labs")
    follow(browser, "form.account-form button[type=submit]")
    wait_text(browser, ".duplicate-warning", words["warning"])
    assert "Brightpath Software" in browser.find_element(By.CSS_SELECTOR, ".duplicate-warning").text
    browser.tandem_shot("duplicate-warning")
    follow(browser, "button[name=confirmDuplicate]")
    wait_text(browser, "h1", name)
    account_url = browser.current_url

    # The brief: the four parts that make it complete.
    follow(browser, ".brief-summary a.button")
    fill(browser, "problems", "Release notes arrive after the build freeze.")
    fill(browser, "objectives", "Ship every release in five languages at once.")
    fill(browser, "buyingCriteria", "Speed = 50\nQuality = 30\nPrice = 20")
    fill(browser, "qualityExpectations", "ISO 17100, terminology sign-off by the product team.")
    follow(browser, "form.brief-form button[type=submit]")
    wait_text(browser, ".flash", words["saved"])
    wait_text(browser, ".brief-summary h2", words["complete"])
    browser.tandem_shot("brief-complete")

    # The PM adds production notes; the statements stay read-only for them.
    browser.delete_all_cookies()
    sign_in(browser, "paula.project@lumen.example", PASSWORD)
    browser.get(account_url.rstrip("/") + "/brief")
    assert browser.find_element(By.NAME, "problems").get_attribute("readonly") is not None
    fill(browser, "productionNotes", "Two linguists per language; reuse the Brightpath TM.")
    follow(browser, "form.brief-form button[type=submit]")
    wait_text(browser, ".flash", words["saved"])
    browser.get(account_url.rstrip("/") + "/brief/history")
    wait_text(browser, "h1", words["history"])
    rows = browser.find_elements(By.CSS_SELECTOR, "table.data-table tbody tr")
    assert len(rows) == 2
    assert "Paula Project" in rows[0].text
    assert "Two linguists per language" in browser.find_element(By.CSS_SELECTOR, "pre.diff").text
    browser.tandem_shot("brief-history")
