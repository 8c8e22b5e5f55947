"""What a person does in Tandem, in a real browser: sign in, manage users, sign out."""
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE_URL

ADMIN = "admin@lumen.example"
PASSWORD = "demo-password"

TEXT = {
    "en": {"title": "Sign in to Tandem", "welcome": "Welcome, Alex Admin", "created": "can now sign in.",
           "signed_out": "You are signed out.", "users": "Users", "credentials": "is not correct", "role": "Project manager"},
    "fr": {"title": "Connexion à Tandem", "welcome": "Bienvenue, Alex Admin", "created": "peut maintenant se connecter.",
           "signed_out": "Vous êtes déconnecté.", "users": "Utilisateurs", "credentials": "est incorrect", "role": "Chef de projet"},
}


def sign_in(browser, email, password):
    browser.get(BASE_URL + "/login")
    browser.find_element(By.ID, "email").clear()
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()


@pytest.mark.parametrize("browser", ["en", "fr"], indirect=True)
def test_admin_creates_a_user_and_signs_out(browser):
    language = browser.capabilities and browser.execute_script("return navigator.language").split("-")[0]
    text = TEXT["fr" if language == "fr" else "en"]

    browser.get(BASE_URL + "/")
    assert browser.current_url.startswith(BASE_URL + "/login")
    assert text["title"] in browser.find_element(By.TAG_NAME, "h1").text
    browser.tandem_shot("login")

    sign_in(browser, ADMIN, "not the password")
    assert text["credentials"] in browser.find_element(By.ID, "login-error").text
    assert browser.find_element(By.ID, "email").get_attribute("value") == ADMIN

    sign_in(browser, ADMIN, PASSWORD)
    assert text["welcome"] in browser.find_element(By.TAG_NAME, "h1").text
    browser.tandem_shot("dashboard")

    browser.find_element(By.CSS_SELECTOR, "nav.sidenav a[href='/settings']").click()
    browser.find_element(By.CSS_SELECTOR, "a[href='/settings/users']").click()
    assert text["users"] in browser.find_element(By.TAG_NAME, "h1").text
    browser.find_element(By.CSS_SELECTOR, "a[href='/settings/users/new']").click()

    email = f"new.pm.{language}.{int(time.time() * 1000)}@lumen.example"
    browser.find_element(By.ID, "displayName").send_keys("Noor Haddad")
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.CSS_SELECTOR, "input[name='roles[]'][value='pm']").click()
    browser.find_element(By.ID, "password").send_keys("a fine password")
    browser.tandem_shot("new-user")
    browser.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()

    assert text["created"] in browser.find_element(By.CSS_SELECTOR, ".flash").text
    rows = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "table.data-table tbody tr")]
    assert any(email in row and text["role"] in row for row in rows), rows
    browser.tandem_shot("users")

    browser.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
    assert browser.current_url.startswith(BASE_URL + "/login")
    assert text["signed_out"] in browser.find_element(By.CSS_SELECTOR, ".flash").text

    sign_in(browser, email, "a fine password")
    assert "Noor Haddad" in browser.find_element(By.TAG_NAME, "h1").text


@pytest.mark.parametrize("browser", ["en"], indirect=True)
def test_language_switcher_changes_the_interface(browser):
    sign_in(browser, "sofia.sales@lumen.example", PASSWORD)
    Select(browser.find_element(By.ID, "lang-select")).select_by_value("fr")
    time.sleep(0.5)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    assert "Bienvenue" in browser.find_element(By.TAG_NAME, "h1").text
    browser.tandem_shot("dashboard-fr")
    Select(browser.find_element(By.ID, "lang-select")).select_by_value("en")
    time.sleep(0.5)
    assert "Welcome" in browser.find_element(By.TAG_NAME, "h1").text
