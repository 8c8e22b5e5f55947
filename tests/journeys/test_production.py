"""Production in a real browser (issue #14): a quote is accepted over the API (a fresh project
each run), then a PM opens the project, accepts the proposed assignments, sends the first
offers and records the vendors' acceptance, sees the bookings on the capacity heatmap (its
booked minutes for the pair rise), moves a job to delivered with actual words and sees the
purchase order's new version. English and French; screenshots go to test-artifacts/."""
import datetime
import pathlib
import re
import time

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BASE_URL
from test_journeys import follow, wait_text
from test_pipeline import sign_in_speaking, sign_out

MANAGER = "manager@lumen.example"
PM = "paula.project@lumen.example"
FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "Fixtures" / "quotes"
ACCOUNT = {"en": "00000000-0000-0000-0000-000000030003", "fr": "00000000-0000-0000-0000-000000030004"}
TEXT = {
    "en": {"assigned": "Every proposal is assigned", "version2": "Version 2", "production": "Production"},
    "fr": {"assigned": "Toutes les propositions sont affectées", "version2": "Version 2", "production": "Production"},
}


def token(email):
    session = requests.Session()
    login = session.get(BASE_URL + "/login", timeout=10)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', login.text).group(1)
    session.post(BASE_URL + "/login", data={"_csrf": csrf, "email": email, "password": "demo-password"}, timeout=10)
    page = session.get(BASE_URL + "/settings/profile/tokens", timeout=10)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
    created = session.post(BASE_URL + "/settings/profile/tokens", data={"_csrf": csrf, "name": "production journey"},
                           timeout=10)
    return re.search(r"tdm_[A-Za-z0-9]{40}", created.text).group(0)


def accepted_project(headers, language):
    """A quote for English → French, analysed, approved, sent and accepted; its project's id."""
    deadline = (datetime.datetime.utcnow() + datetime.timedelta(days=14)).strftime("%Y-%m-%dT17:00:00Z")
    created = requests.post(BASE_URL + "/api/v1/quotes", headers=headers, timeout=30, json={
        "accountId": ACCOUNT[language], "deadline": deadline, "services": ["translation"],
        "sourceLanguage": "en", "targetLanguages": ["fr"], "name": f"Production journey {language}"})
    assert created.status_code == 201, created.text
    quote = created.json()["id"]
    with open(FIXTURES / "catalogue-printemps.xlf", "rb") as document:
        uploaded = requests.post(f"{BASE_URL}/api/v1/quotes/{quote}/files", headers=headers, timeout=60,
                                 files={"file": ("catalogue-printemps.xlf", document, "application/xml")})
    assert uploaded.status_code == 202, uploaded.text
    analysis = uploaded.json()["analysisId"]
    status = None
    for _ in range(120):
        status = requests.get(f"{BASE_URL}/api/v1/analyses/{analysis}", headers=headers, timeout=10).json()["status"]
        if status in ("done", "failed"):
            break
        time.sleep(0.5)
    assert status == "done", f"the analysis ended {status!r}, not done"
    submitted = requests.post(f"{BASE_URL}/api/v1/quotes/{quote}/submit", headers=headers, timeout=30).json()
    if submitted["status"] == "in-review":
        requests.post(f"{BASE_URL}/api/v1/quotes/{quote}/review", headers=headers, timeout=30,
                      json={"decision": "approve", "reason": "Checked."}).raise_for_status()
    requests.post(f"{BASE_URL}/api/v1/quotes/{quote}/send", headers=headers, timeout=30).raise_for_status()
    accepted = requests.post(f"{BASE_URL}/api/v1/quotes/{quote}/accept", headers=headers, timeout=30,
                             json={"clientReference": f"PO-JOURNEY-{language}"})
    assert accepted.status_code in (200, 201), accepted.text
    return accepted.json()["projectId"]


def booked_minutes(headers):
    """Booked minutes over the heatmap's weeks for English → French."""
    heatmap = requests.get(BASE_URL + "/api/v1/capacity/heatmap?weeks=6", headers=headers, timeout=30).json()
    return sum(week["bookedMinutes"] for row in heatmap["rows"]
               if row["source"].startswith("en") and row["target"].startswith("fr") for week in row["weeks"])


def click_move(browser, job_id, move):
    follow(browser, f"#job-{job_id} button[data-move='{move}']")


@pytest.mark.parametrize("browser", ["en", "fr"], indirect=True)
def test_a_pm_assigns_books_delivers_and_sees_the_purchase_order_version(browser):
    language = "fr" if "fr" in browser.execute_script("return navigator.language") else "en"
    headers = {"Authorization": f"Bearer {token(MANAGER)}"}
    project = accepted_project(headers, language)
    before = booked_minutes(headers)
    project_url = f"{BASE_URL}/projects/{project}"

    sign_in_speaking(browser, PM, language)
    browser.get(project_url)
    assert browser.find_element(By.CSS_SELECTOR, "#production svg.project-timeline")
    assert browser.find_elements(By.CSS_SELECTOR, "#production form.proposal")
    browser.tandem_shot("proposals")
    follow(browser, "#assign-proposals")
    wait_text(browser, ".flash", TEXT[language]["assigned"])

    jobs = requests.get(f"{BASE_URL}/api/v1/projects/{project}", headers=headers, timeout=30).json()["jobs"]
    translation = next(j for j in jobs if j["step"] == "translation")
    assert translation["assignments"], jobs
    click_move(browser, translation["id"], "offered")
    click_move(browser, translation["id"], "accepted")
    assert browser.find_elements(By.CSS_SELECTOR, f"#job-{translation['id']} .booked")
    browser.tandem_shot("accepted")

    # The heatmap counts the new bookings at once.
    assert booked_minutes(headers) > before
    browser.get(BASE_URL + "/capacity")
    browser.tandem_shot("heatmap")

    # Started, then delivered with more words than offered: the purchase order gets version 2.
    browser.get(project_url)
    click_move(browser, translation["id"], "in-progress")
    field = browser.find_element(By.ID, f"actual-{translation['id']}")
    field.send_keys(str(translation["words"] + 250))
    click_move(browser, translation["id"], "delivered")
    rows = browser.find_elements(By.CSS_SELECTOR, "#purchase-orders tbody tr")
    versions = [r.find_elements(By.TAG_NAME, "td")[1].text for r in rows]
    assert "2" in versions, versions
    browser.tandem_shot("delivered")
    newest = [r for r in rows if r.find_elements(By.TAG_NAME, "td")[1].text == "2"][0]
    newest.find_element(By.TAG_NAME, "a").click()
    wait_text(browser, "#po-version", TEXT[language]["version2"])
    assert browser.find_elements(By.CSS_SELECTOR, "#po-versions tr")
    browser.tandem_shot("purchase-order")
    browser.get(BASE_URL + "/today")
    assert browser.find_element(By.ID, "today-due")
    browser.tandem_shot("today")
    sign_out(browser)
