"""Goals in a real browser (issue #16): a manager compares the demo's two incentive plans on last
quarter's data and reads the alignment warning with its evidence (the revenue-only commission
paid Samuel while his deals were delivered later and at a lower margin); then opens Samuel's
scorecard and drills down from a figure to the promises behind it, whose count equals the
figure. English and French; screenshots go to the artifacts."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_journeys import follow, wait_text
from test_pipeline import sign_in_speaking

MANAGER = "manager@lumen.example"
WORDS = {
    "en": {"alignment": "Alignment report", "warning": "Misaligned", "pays": "Revenue commission pays Samuel Sauer",
           "evidence": "On-time rate", "made": "Promises made"},
    "fr": {"alignment": "Rapport d’alignement", "warning": "Désaligné", "pays": "Revenue commission verse",
           "evidence": "Taux de respect des délais", "made": "Engagements pris"},
}


@pytest.mark.parametrize("browser", ["en", "fr"], indirect=True)
def test_a_manager_compares_two_plans_and_drills_into_a_scorecard(browser):
    language = "fr" if "fr" in browser.execute_script("return navigator.language") else "en"
    words = WORDS[language]
    sign_in_speaking(browser, MANAGER, language)

    # The Goals entry of the navigation, then the comparison of plans.
    follow(browser, "header a[href='/scorecards'], nav a[href='/scorecards']")
    assert browser.find_element(By.ID, "scorecards-table")
    browser.tandem_shot("scorecards")
    follow(browser, "a[href='/scorecards/simulate']")
    Select(browser.find_element(By.ID, "plan-a")).select_by_visible_text("Revenue commission")
    Select(browser.find_element(By.ID, "plan-b")).select_by_visible_text("Shared delivery plan")
    Select(browser.find_element(By.ID, "period-choice")).select_by_value("last-quarter")
    follow(browser, "#simulate-run")

    wait_text(browser, "#alignment-title", words["alignment"])
    warnings = browser.find_elements(By.CSS_SELECTOR, ".alignment-warning")
    samuel = [w for w in warnings if "Samuel Sauer" in w.text]
    assert samuel, [w.text for w in warnings]
    warning = samuel[0]
    assert words["warning"] in warning.text
    assert "Revenue commission" in warning.text
    if language == "en":
        assert words["pays"] in warning.text
    evidence = warning.find_elements(By.CSS_SELECTOR, ".evidence li")
    assert any(words["evidence"] in item.text and "→" in item.text for item in evidence)
    # Both plans side by side, with each component's contribution.
    table = browser.find_element(By.ID, "simulation-table")
    headers = table.find_element(By.TAG_NAME, "thead").get_attribute("textContent")
    assert "Revenue commission" in headers and "Shared delivery plan" in headers
    assert table.find_elements(By.CSS_SELECTOR, ".contributions li")
    browser.execute_script("arguments[0].scrollIntoView()", warning)
    browser.tandem_shot("alignment-warning")

    # Samuel's scorecard for the same quarter, and the promises behind a figure.
    warning.find_element(By.CSS_SELECTOR, "a").click()
    wait_text(browser, "#scorecard-name", "Samuel Sauer")
    figure = browser.find_element(By.CSS_SELECTOR, "#figure-promisesMade .figure-link")
    made = figure.text.strip()
    assert int(made.replace("\u202f", "").replace(",", "")) > 0
    browser.tandem_shot("scorecard")
    follow(browser, "#figure-promisesMade .figure-link")
    wait_text(browser, "h1", words["made"])
    assert browser.find_element(By.ID, "records-count").text == made
    rows = browser.find_elements(By.CSS_SELECTOR, "#records-table tbody tr")
    assert len(rows) == int(made)
    browser.tandem_shot("drill-down")
