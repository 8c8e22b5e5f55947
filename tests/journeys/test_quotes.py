"""A quote in a real browser (issue #13): a sales rep builds a quote for a demo client from an
XLIFF file and a TMX (watching the progress bar), into Finnish, due within the two weeks a
pending roll-out holds every English→Finnish linguist (demo step `demo.v3.crunch`): the verdict
is amber and the margin under the floor, and the gate sends it to PM review on submission; the
PM approves it with a date after the roll-out's holds (now green) and says why;
the rep sees the change, sends the quote, downloads the PDF (its text read back with pdftotext)
and records the acceptance; the project shows its promises and the brief, which the PM
acknowledges. English and French; screenshots go to test-artifacts/."""
import datetime
import pathlib
import subprocess
import tempfile
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BASE_URL
from test_journeys import follow, wait_text
from test_pipeline import sign_in_speaking, sign_out

REP = "sofia.sales@lumen.example"
PM = "paula.project@lumen.example"
FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "Fixtures" / "quotes"
# Demo accounts have fixed IDs (DemoAccounts.accountID): Aurora Health Devices (Finland, English
# documents) and Maison Verte (France, French documents, a Nordic launch) use the default EUR card,
# which prices English→Finnish.
ACCOUNT = {"en": "00000000-0000-0000-0000-00000003000c", "fr": "00000000-0000-0000-0000-000000030008"}
TARGET = "fi"
ACKNOWLEDGED = {"en": "Acknowledged", "fr": "Validé"}
REASON = {"en": "Our Finnish linguists are held by a large roll-out for two weeks: three weeks make the date safe.",
          "fr": "Nos linguistes finnois sont retenus deux semaines par un gros déploiement : trois semaines rendent la date sûre."}


def local_input(moment):
    """The value a datetime-local input takes (the browser's zone is the server's UTC here)."""
    return moment.strftime("%Y-%m-%dT%H:%M")


def set_value(browser, element_id, value):
    browser.execute_script("document.getElementById(arguments[0]).value = arguments[1]", element_id, value)


def status_of(browser):
    return browser.find_element(By.ID, "quote-status").get_attribute("data-status")


def wait_status(browser, status, timeout=30):
    WebDriverWait(browser, timeout).until(lambda b: status_of(b) == status)


def pdf_text(browser, href):
    """Downloads the PDF with the browser's session cookie and extracts its text."""
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    request = urllib.request.Request(href, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.headers.get("Content-Type", "").startswith("application/pdf")
        data = response.read()
    assert data.startswith(b"%PDF")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(data)
        file.flush()
        return subprocess.run(["pdftotext", "-layout", file.name, "-"], capture_output=True, text=True,
                              check=True).stdout


def build_and_submit(browser, language):
    """The rep's part up to the submission; returns the quote's URL and number."""
    sign_in_speaking(browser, REP, language)
    browser.get(f"{BASE_URL}/quotes/new?accountId={ACCOUNT[language]}")
    for element_id, value in (("q-source", "en"), ("q-targets", TARGET)):
        field = browser.find_element(By.ID, element_id)
        field.clear()
        field.send_keys(value)
    # Five days from now: the vendors' free time is enough, but only on time the roll-out's holds
    # (80 % likely, two weeks from the demo's start) are likely to take: amber, not green or red.
    set_value(browser, "q-deadline", local_input(datetime.datetime.utcnow() + datetime.timedelta(days=5)))
    follow(browser, "#create-quote")
    assert status_of(browser) == "draft"
    quote_url = browser.current_url
    number = browser.find_element(By.CSS_SELECTOR, "h1").text.split()[0]

    browser.find_element(By.ID, "upload-files").send_keys(str(FIXTURES / "catalogue-printemps.xlf"))
    browser.find_element(By.ID, "upload-tms").send_keys(str(FIXTURES / "lumiere-en-fr.tmx"))
    browser.find_element(By.ID, "upload-button").click()
    # The progress bar shows while the analysis runs in the background, then the page reloads
    # with the lines.
    WebDriverWait(browser, 30).until(
        lambda b: b.find_elements(By.ID, "analysis-bar") or b.find_elements(By.CSS_SELECTOR, "#lines-table tbody tr"))
    browser.tandem_shot("progress")
    WebDriverWait(browser, 90).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#lines-table tbody tr"))
    verdict = browser.find_element(By.ID, "quote-verdict").get_attribute("class")
    assert "verdict-amber" in verdict.split(), verdict
    assert browser.find_element(By.ID, "quote-total").text.strip()
    assert browser.find_elements(By.ID, "below-floor"), "the margin should be under the floor"
    browser.tandem_shot("analysed")

    follow(browser, "#submit-quote")
    wait_status(browser, "in-review")
    reasons = [li.get_attribute("data-code") or li.text for li in
               browser.find_elements(By.CSS_SELECTOR, "#review-reasons li")]
    assert len(reasons) >= 2, reasons
    sign_out(browser)
    return quote_url, number


@pytest.mark.parametrize("browser", ["en", "fr"], indirect=True)
def test_a_quote_goes_from_files_to_a_project_with_promises(browser):
    language = "fr" if "fr" in browser.execute_script("return navigator.language") else "en"
    quote_url, number = build_and_submit(browser, language)

    # The PM approves with a later date and says why.
    sign_in_speaking(browser, PM, language)
    browser.get(quote_url)
    follow(browser, "#quote-review-link")
    browser.find_element(By.ID, "decision-change").click()
    # Three weeks: after the roll-out's holds end.
    later = datetime.datetime.utcnow() + datetime.timedelta(days=21)
    set_value(browser, "review-deadline", local_input(later.replace(hour=17, minute=0)))
    browser.find_element(By.ID, "review-reason").send_keys(REASON[language])
    browser.tandem_shot("review")
    follow(browser, "#review-submit")
    browser.get(quote_url)
    wait_status(browser, "approved")
    # After the roll-out's two weeks, the same vendors are free: the new date is green.
    assert "verdict-green" in browser.find_element(By.ID, "quote-verdict").get_attribute("class").split()
    sign_out(browser)

    # The rep sees what changed and why, sends the quote and downloads the PDF.
    sign_in_speaking(browser, REP, language)
    browser.get(quote_url)
    wait_text(browser, "#change-note", REASON[language][:30])
    follow(browser, "#send-quote")
    wait_status(browser, "sent")
    text = pdf_text(browser, browser.find_element(By.ID, "quote-pdf").get_attribute("href"))
    assert number in text
    assert ("Quote" if language == "en" else "Devis") in text

    # The client accepts: one project with a promise for Finnish.
    browser.find_element(By.ID, "client-ref").send_keys(f"PO-{number}")
    follow(browser, "#accept-quote")
    browser.get(quote_url)
    wait_status(browser, "accepted")
    follow(browser, "a[href^='/projects/']")
    project_url = browser.current_url
    promises = browser.find_elements(By.CSS_SELECTOR, "#promises-table tbody tr")
    assert len(promises) == 1
    browser.tandem_shot("project")
    sign_out(browser)

    # The PM acknowledges the brief; both sides see the new status.
    sign_in_speaking(browser, PM, language)
    browser.get(project_url)
    pending = browser.find_element(By.ID, "brief-status").text
    follow(browser, "#acknowledge-brief")
    browser.get(project_url)
    status = browser.find_element(By.ID, "brief-status").text
    assert status != pending and ACKNOWLEDGED[language] in status
    browser.tandem_shot("brief-acknowledged")
