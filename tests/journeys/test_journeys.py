"""What a person does in Tandem, in a real browser: sign in, manage users, sign out."""
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
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
    """Waits until the element shows `text`. While a page is being replaced Chromium may answer
    with a stale-node error of any kind, so each look starts again from the current document."""
    def shown(driver):
        try:
            found = driver.find_element(By.CSS_SELECTOR, selector).text
            return found if text in found else False
        except WebDriverException:
            return False
    return WebDriverWait(browser, timeout).until(shown, f"{selector!r} never showed {text!r}")


def follow(browser, selector, timeout=10):
    """Clicks what leads to another page and waits until that page has fully replaced this one."""
    browser.execute_script("window.tandemOldPage = true")
    browser.find_element(By.CSS_SELECTOR, selector).click()

    def replaced(driver):
        try:
            return driver.execute_script("return !window.tandemOldPage && document.readyState === 'complete'")
        except WebDriverException:
            return False
    WebDriverWait(browser, timeout).until(replaced, f"clicking {selector!r} did not load a new page")


def sign_in(browser, email, password):
    browser.get(BASE_URL + "/login")
    browser.find_element(By.ID, "email").clear()
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "password").send_keys(password)
    follow(browser, "form.form button[type=submit]")


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

    follow(browser, "nav.sidenav a[href='/settings']")
    follow(browser, "a[href='/settings/users']")
    wait_text(browser, "h1", text["users"])
    follow(browser, "a[href='/settings/users/new']")

    email = f"new.pm.{language}.{int(time.time() * 1000)}@lumen.example"
    browser.find_element(By.ID, "displayName").send_keys("Noor Haddad")
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.CSS_SELECTOR, "input[name='roles[]'][value='pm']").click()
    browser.find_element(By.ID, "password").send_keys("a fine password")
    browser.tandem_shot("new-user")
    follow(browser, "form.form button[type=submit]")

    wait_text(browser, ".flash", text["created"])
    rows = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "table.data-table tbody tr")]
    assert any(email in row and text["role"] in row for row in rows), rows
    browser.tandem_shot("users")

    follow(browser, "form[action='/logout'] button")
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


@pytest.mark.parametrize("browser", ["en", "fr"], indirect=True)
def test_pm_checks_the_worked_example_against_capacity(browser):
    language = browser.execute_script("return navigator.language").split("-")[0]
    verdict, delivery = {"en": ("GREEN", "Earliest delivery"), "fr": ("VERT", "Livraison au plus tôt")}[
        "fr" if language == "fr" else "en"]
    sign_in(browser, "paula.project@lumen.example", PASSWORD)
    wait_text(browser, "nav.sidenav", "")
    follow(browser, "nav.sidenav a[href='/capacity']")
    follow(browser, "main a[href='/capacity/check']")
    follow(browser, "form.plan-form a[href='/capacity/check?example=worked']")
    assert '"maxVendorsPerStep": 2' in browser.find_element(By.ID, "plan").get_attribute("value")
    follow(browser, "form.plan-form button[type=submit]")
    wait_text(browser, "#verdict", verdict)
    assert delivery in browser.find_element(By.CSS_SELECTOR, "ul.reasons").text
    rows = [row.text for row in browser.find_elements(By.CSS_SELECTOR, ".plan-table tbody tr")]
    assert any("chloe" in row for row in rows), rows
    browser.tandem_shot("capacity-check")
