"""What a person does in Tandem, in a real browser: sign in, manage users, sign out."""
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import BASE_URL

ADMIN = "admin@lumen.example"
PASSWORD = "demo-password"

TEXT = {
    "en": {"title": "Sign in to Tandem", "welcome": "Welcome, Alex Admin", "created": "can now sign in.",
           "signed_out": "You are signed out.", "users": "Users", "credentials": "is not correct", "role": "Project manager"},
    "fr": {"title": "Connexion à Tandem", "welcome": "Bienvenue, Alex Admin", "created": "peut maintenant se connecter.",
           "signed_out": "Vous êtes déconnecté.", "users": "Utilisateurs", "credentials": "est incorrect", "role": "Chef de projet"},
}


def wait_text(browser, selector, text, timeout=10):
    """Waits until the element shows `text` (pages change after a click; never read a stale one)."""
    WebDriverWait(browser, timeout).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, selector), text))
    return browser.find_element(By.CSS_SELECTOR, selector).text


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
    wait_text(browser, "#login-error", text["credentials"])
    assert browser.find_element(By.ID, "email").get_attribute("value") == ADMIN

    sign_in(browser, ADMIN, PASSWORD)
    wait_text(browser, "h1", text["welcome"])
    browser.tandem_shot("dashboard")

    browser.find_element(By.CSS_SELECTOR, "nav.sidenav a[href='/settings']").click()
    browser.find_element(By.CSS_SELECTOR, "a[href='/settings/users']").click()
    wait_text(browser, "h1", text["users"])
    browser.find_element(By.CSS_SELECTOR, "a[href='/settings/users/new']").click()

    email = f"new.pm.{language}.{int(time.time() * 1000)}@lumen.example"
    browser.find_element(By.ID, "displayName").send_keys("Noor Haddad")
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.CSS_SELECTOR, "input[name='roles[]'][value='pm']").click()
    browser.find_element(By.ID, "password").send_keys("a fine password")
    browser.tandem_shot("new-user")
    browser.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()

    wait_text(browser, ".flash", text["created"])
    rows = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "table.data-table tbody tr")]
    assert any(email in row and text["role"] in row for row in rows), rows
    browser.tandem_shot("users")

    browser.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
    wait_text(browser, ".flash", text["signed_out"])
    assert browser.current_url.startswith(BASE_URL + "/login")

    sign_in(browser, email, "a fine password")
    wait_text(browser, "h1", "Noor Haddad")


@pytest.mark.parametrize("browser", ["en"], indirect=True)
def test_language_switcher_changes_the_interface(browser):
    sign_in(browser, "sofia.sales@lumen.example", PASSWORD)
    wait_text(browser, "h1", "Welcome")
    Select(browser.find_element(By.ID, "lang-select")).select_by_value("fr")
    wait_text(browser, "h1", "Bienvenue")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    browser.tandem_shot("dashboard-fr")
    Select(browser.find_element(By.ID, "lang-select")).select_by_value("en")
    wait_text(browser, "h1", "Welcome")
