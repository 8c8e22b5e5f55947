"""Client-fit guidance and the parity dashboard in a real browser (issue #16): a sales rep opens
the fit guidance of a demo account that fits poorly and reads why (no approved vendor for one of
its pairs), then the "where to sell" page from the pipeline; a manager opens the parity dashboard
from the home page, picks a year, and reads its charts and their tables. English and French;
screenshots go to test-artifacts/."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE_URL
from test_journeys import follow, wait_text
from test_pipeline import sign_in_speaking, sign_out

REP = "sofia.sales@lumen.example"
MANAGER = "manager@lumen.example"
# Province of Québec Tourism Office (DemoAccounts.accountID(39)): fr-CA→en and fr-CA→es, and no
# demo vendor is approved for fr-CA→es.
ACCOUNT = "00000000-0000-0000-0000-000000030027"
TEXT = {
    "en": {"fit": "Client fit", "poor": "Poor fit", "where": "Where to sell", "parity": "Parity dashboard",
           "reason": "No approved vendor for fr-CA→es: production cannot take this work yet.",
           "promises": "Promises made and kept", "table": "Show the figures as a table", "year": "Last 12 months",
           "leaked": "Margin leaked from quote to delivery"},
    "fr": {"fit": "Adéquation client", "poor": "Faible adéquation", "where": "Où vendre",
           "parity": "Tableau de bord de la parité",
           "reason": "Aucun prestataire agréé pour fr-CA→es : la production ne peut pas encore prendre ce travail.",
           "promises": "Engagements pris et tenus", "table": "Afficher les chiffres sous forme de tableau",
           "year": "12 derniers mois", "leaked": "Marge perdue du devis à la livraison"},
}


@pytest.mark.parametrize("browser", ["en", "fr"], indirect=True)
def test_a_rep_reads_why_an_account_fits_poorly_and_where_to_sell(browser):
    language = browser.execute_script("return navigator.language").split("-")[0]
    text = TEXT[language]
    sign_in_speaking(browser, REP, language)
    browser.get(f"{BASE_URL}/accounts/{ACCOUNT}")
    wait_text(browser, "#fit-title", text["fit"])
    score = int(browser.find_element(By.CSS_SELECTOR, "#fit-score .fit-number").text)
    assert score < 40, score
    assert text["poor"] in browser.find_element(By.ID, "fit-score").text
    first = browser.find_elements(By.CSS_SELECTOR, "#fit-reasons li")[0]
    assert "fit-concern" in first.get_attribute("class")
    assert text["reason"] in first.text
    browser.execute_script("document.getElementById('fit').scrollIntoView()")
    browser.tandem_shot("account-fit")

    browser.get(f"{BASE_URL}/opportunities")
    follow(browser, "#where-to-sell-link")
    wait_text(browser, "h1", text["where"])
    rows = browser.find_elements(By.CSS_SELECTOR, "#where-to-sell-table tbody tr")
    assert len(rows) > 5
    scores = [int(r.find_element(By.CSS_SELECTOR, "td .badge").text) for r in rows]
    assert scores == sorted(scores, reverse=True)
    svg = browser.find_element(By.CSS_SELECTOR, "#where-to-sell-chart svg")
    assert svg.get_attribute("role") == "img"
    assert browser.find_element(By.ID, "how").is_displayed()
    browser.tandem_shot("where-to-sell")
    sign_out(browser)


@pytest.mark.parametrize("browser", ["en", "fr"], indirect=True)
def test_a_manager_reads_the_parity_dashboard(browser):
    language = browser.execute_script("return navigator.language").split("-")[0]
    text = TEXT[language]
    sign_in_speaking(browser, MANAGER, language)
    browser.get(BASE_URL + "/")
    follow(browser, "#parity-link a")
    wait_text(browser, "h1", text["parity"])
    Select(browser.find_element(By.ID, "parity-months")).select_by_visible_text(text["year"])
    follow(browser, "#parity-period button[type=submit]")
    assert "months=12" in browser.current_url
    charts = browser.find_elements(By.CSS_SELECTOR, ".parity-chart figure.chart")
    assert len(charts) == 6
    assert text["promises"] in charts[0].find_element(By.CSS_SELECTOR, "figcaption").text
    # The table behind the first chart: twelve months, and promises were made in them.
    charts[0].find_element(By.CSS_SELECTOR, "details summary").click()
    wait_text(browser, "#parity-promises-table", text["promises"])
    rows = browser.find_elements(By.CSS_SELECTOR, "#parity-promises-table tbody tr")
    assert len(rows) == 12
    made = [int(r.find_elements(By.TAG_NAME, "td")[0].text.replace(",", "").replace("\u202f", "").replace("\u00a0", ""))
            for r in rows]
    assert sum(made) > 100
    # Review decisions over the year: the stacked bars have a title per month and decision.
    assert len(browser.find_elements(By.CSS_SELECTOR, "#parity-reviews svg rect")) > 12
    # The margin leaked in money, a line over the twelve months, with its table.
    leaked = browser.find_element(By.ID, "parity-leaked")
    assert text["leaked"] in leaked.find_element(By.CSS_SELECTOR, "figcaption").text
    assert len(leaked.find_elements(By.CSS_SELECTOR, "tbody tr")) == 12
    browser.tandem_shot("parity")

    browser.get(BASE_URL + "/where-to-sell")
    wait_text(browser, "h1", text["where"])
    browser.tandem_shot("manager-where-to-sell")
    sign_out(browser)
