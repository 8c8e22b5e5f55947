"""The pipeline in a real browser (issue #11): a sales rep creates an account (and sees the
duplicate warning on a near name), fills the brief, creates an opportunity, drags it to Solution
design (refused until a PM partner is chosen), chooses one; the PM sees it on their dashboard and
writes solution notes; the rep reads them. Screenshots of the board and the brief go to
test-artifacts/."""
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import BASE_URL
from test_journeys import follow, sign_in, wait_text

PASSWORD = "demo-password"
REP = "sofia.sales@lumen.example"
PM = "paula.project@lumen.example"

TEXT = {
    "en": {"refused": "Choose a PM partner before moving the deal to Solution design",
           "partnered": "Opportunities where I am PM partner", "notes_saved": "Solution notes saved.",
           "duplicate": "This account may already exist."},
    "fr": {"refused": "Choisissez un chef de projet partenaire avant de passer l’affaire à l’étape Solution design",
           "partnered": "Opportunités dont je suis le chef de projet partenaire",
           "notes_saved": "Notes de solution enregistrées.", "duplicate": "Ce compte existe peut-être déjà."},
}

# Drag and drop as the browser does it: Selenium's own drag does not fire HTML5 drag events in
# Chromium, so the journey dispatches them on the card and the column (app.js handles them).
DRAG = """
const card = document.getElementById(arguments[0]);
const column = document.querySelector('.board-column[data-stage="' + arguments[1] + '"]');
const data = new DataTransfer();
card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
column.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
column.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
card.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));
"""


def language_of(browser):
    return "fr" if browser.execute_script("return navigator.language").startswith("fr") else "en"


def sign_in_speaking(browser, email, language):
    """Signs in and makes sure the interface is in the browser's language: another journey may
    have saved a different language in this demo user's profile (the switcher remembers it)."""
    sign_in(browser, email, PASSWORD)
    if browser.find_element(By.TAG_NAME, "html").get_attribute("lang") != language:
        Select(browser.find_element(By.ID, "lang-select")).select_by_value(language)
        WebDriverWait(browser, 10).until(
            lambda b: b.find_element(By.TAG_NAME, "html").get_attribute("lang") == language)


def sign_out(browser):
    follow(browser, "form[action='/logout'] button")


def solution_design_stage(browser):
    for column in browser.find_elements(By.CSS_SELECTOR, ".board-column.solution-design"):
        return column.get_attribute("data-stage")
    raise AssertionError("no Solution design column on the board")


def create_account(browser, text):
    """Creates an account whose name is close to a demo account's ("Brightpath Software"): the
    duplicate warning shows, the rep creates it anyway. Returns the new account's ID."""
    browser.get(BASE_URL + "/accounts/new")
    browser.find_element(By.ID, "name").send_keys("Brightpath Software Inc.")
    follow(browser, "form.account-form button[type=submit]")
    wait_text(browser, ".duplicate-warning", text["duplicate"])
    assert "Brightpath Software" in browser.find_element(By.CSS_SELECTOR, ".duplicate-warning").text
    follow(browser, "form.account-form button[name=confirmDuplicate]")
    return browser.current_url.rstrip("/").split("/")[-1]


def fill_brief(browser, account_id, stamp):
    browser.get(f"{BASE_URL}/accounts/{account_id}/brief")
    parts = {
        "problems": f"Release notes arrive late and in three styles ({stamp})",
        "objectives": "Ship the catalogue in French and German with the product launch",
        "buyingCriteria": "Quality = 50\nTurnaround = 30\nPrice = 20",
        "qualityExpectations": "ISO 17100, a second linguist, terminology sign-off by the client",
    }
    for name, value in parts.items():
        field = browser.find_element(By.ID, name)
        field.clear()
        field.send_keys(value)
    browser.tandem_shot("brief")
    follow(browser, "form.brief-form button[type=submit]")


@pytest.mark.parametrize("browser", ["en", "fr"], indirect=True)
def test_rep_and_pm_design_a_deal_together(browser):
    language = language_of(browser)
    text = TEXT[language]
    stamp = f"{language}{int(time.time() * 1000) % 10_000_000}"

    sign_in_speaking(browser, REP, language)
    account_id = create_account(browser, text)
    fill_brief(browser, account_id, stamp)

    # A new opportunity on that account.
    browser.get(f"{BASE_URL}/opportunities/new?accountId={account_id}")
    name = f"Product catalogue {stamp}"
    browser.find_element(By.ID, "name").send_keys(name)
    browser.find_element(By.ID, "targetLanguages").send_keys("fr, de")
    browser.find_element(By.CSS_SELECTOR, "input[name='services[]'][value='translation']").click()
    browser.find_element(By.ID, "amount").send_keys("18000.00")
    browser.execute_script("document.getElementById('closeDate').value = '2027-02-15'")
    follow(browser, "form.form button[type=submit]")
    opportunity_url = browser.current_url
    opportunity_id = opportunity_url.rstrip("/").split("/")[-1]
    wait_text(browser, "h1", name)

    # Dragged to Solution design without a PM partner: refused, said clearly, the card stays.
    browser.get(f"{BASE_URL}/opportunities?ownerId=")
    card_id = f"deal-{opportunity_id}"
    design = solution_design_stage(browser)
    browser.execute_script(DRAG, card_id, design)
    wait_text(browser, "#board-message", text["refused"])
    card = browser.find_element(By.ID, card_id)
    assert card.find_element(By.XPATH, "ancestor::section").get_attribute("data-stage") != design
    browser.tandem_shot("board-refused")

    # The rep chooses a PM partner, then the move goes through.
    browser.get(f"{opportunity_url}/edit")
    Select(browser.find_element(By.ID, "partnerPmId")).select_by_visible_text("Paula Project")
    follow(browser, "form.form button[type=submit]")
    browser.get(f"{BASE_URL}/opportunities")
    browser.execute_script("window.tandemOldPage = true")
    browser.execute_script(DRAG, card_id, design)
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return !window.tandemOldPage"))
    card = browser.find_element(By.ID, card_id)
    assert card.find_element(By.XPATH, "ancestor::section").get_attribute("data-stage") == design
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", card)
    browser.tandem_shot("board")
    sign_out(browser)

    # The PM finds it on their dashboard and writes the solution notes.
    sign_in_speaking(browser, PM, language)
    wait_text(browser, "#my-work-partnered", text["partnered"])
    wait_text(browser, "#my-work-partnered", name)
    follow(browser, f"#my-work-partnered a[href='/opportunities/{opportunity_id}']")
    notes = f"Two linguists per language, client TM, terminology sign-off ({stamp})"
    browser.find_element(By.ID, "solutionNotes").send_keys(notes)
    follow(browser, "#solution-design form button[type=submit]")
    wait_text(browser, ".flash", text["notes_saved"])
    sign_out(browser)

    # The rep reads them.
    sign_in_speaking(browser, REP, language)
    browser.get(opportunity_url)
    wait_text(browser, "#solution-notes-text", notes)
    browser.tandem_shot("opportunity")
