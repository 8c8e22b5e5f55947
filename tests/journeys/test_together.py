"""Working together in a real browser (issue #15): a sales rep proposes an investment and
co-signs it; the manager sees the decide buttons disabled until a PM co-signs too, then approves
it with a reason. An idea gets votes from the rep and the PM, and the manager moves it to
"under review". The PM writes in a working group's thread. English and French; screenshots go
to test-artifacts/. Each run makes its own proposal, idea and comment, so it passes after other
journeys on the same server."""
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE_URL
from test_journeys import follow, wait_text
from test_pipeline import sign_in_speaking, sign_out

REP = "sofia.sales@lumen.example"
PM = "paula.project@lumen.example"
MANAGER = "manager@lumen.example"
TEXT = {
    "en": {"signed": "Co-signed.", "approved": "Approved", "under_review": "Under review", "votes": "Votes: 2",
           "blocked": "co-signature", "title": "Together"},
    "fr": {"signed": "Cosignée.", "approved": "Approuvée", "under_review": "En examen", "votes": "Votes : 2",
           "blocked": "cosignature", "title": "Ensemble"},
}


def fill(browser, element_id, value):
    field = browser.find_element(By.ID, element_id)
    field.clear()
    field.send_keys(value)


@pytest.mark.parametrize("browser", ["en", "fr"], indirect=True)
def test_co_signed_proposal_and_a_voted_idea(browser):
    language = "fr" if "fr" in browser.execute_script("return navigator.language") else "en"
    text = TEXT[language]
    stamp = f"{language}-{int(time.time())}"

    # The rep proposes an investment from the Together area and co-signs it.
    sign_in_speaking(browser, REP, language)
    browser.get(BASE_URL + "/together")
    assert text["title"] in browser.find_element(By.TAG_NAME, "h1").text
    browser.tandem_shot("hub")
    browser.get(BASE_URL + "/together/proposals/new")
    fill(browser, "p-title", f"QA automation tool {stamp}")
    fill(browser, "p-oneoff", "9000")
    fill(browser, "p-recurring", "1200")
    fill(browser, "p-time-desc", "Fewer manual QA passes" if language == "en" else "Moins de contrôles manuels")
    fill(browser, "p-hours", "2")
    fill(browser, "p-projects", "150")
    fill(browser, "p-hourly", "35")
    follow(browser, "#proposal-submit")
    proposal_url = browser.current_url
    assert "/together/proposals/" in proposal_url
    assert browser.find_element(By.ID, "proposal-payback").text.startswith("11")
    follow(browser, "#proposal-sign")
    wait_text(browser, ".flash", text["signed"])
    sign_out(browser)

    # The manager cannot decide yet: the buttons are disabled until production signs.
    sign_in_speaking(browser, MANAGER, language)
    browser.get(proposal_url)
    assert not browser.find_element(By.ID, "decide-approve").is_enabled()
    assert not browser.find_element(By.ID, "decide-decline").is_enabled()
    assert text["blocked"] in browser.find_element(By.ID, "decide-blocked").text
    browser.tandem_shot("decide-disabled")
    sign_out(browser)

    # The PM co-signs for production.
    sign_in_speaking(browser, PM, language)
    browser.get(proposal_url)
    follow(browser, "#proposal-sign")
    wait_text(browser, ".flash", text["signed"])
    sign_out(browser)

    # Now the manager approves it with a reason.
    sign_in_speaking(browser, MANAGER, language)
    browser.get(proposal_url)
    assert browser.find_element(By.ID, "decide-approve").is_enabled()
    fill(browser, "decide-reason", "Pays back within a year." if language == "en" else "Rentable en moins d’un an.")
    follow(browser, "#decide-approve")
    wait_text(browser, "#proposal-status", text["approved"])
    browser.tandem_shot("approved")
    sign_out(browser)

    # The PM writes in a working group's own thread, mentioning the rep; the comment shows there.
    sign_in_speaking(browser, PM, language)
    browser.get(BASE_URL + "/together/groups")
    browser.get(browser.find_element(By.PARTIAL_LINK_TEXT, "Regulated content").get_attribute("href"))
    assert "/together/groups/" in browser.current_url
    note = f"Reviewer pool {stamp}: @sofia.sales two more RFPs ask for ISO 17100 evidence."
    area = browser.find_element(By.ID, "thread-body")
    area.clear()
    area.send_keys(note)
    follow(browser, "form.thread-composer button[type='submit']")
    assert "/together/groups/" in browser.current_url
    wait_text(browser, "#thread .comment-list", f"Reviewer pool {stamp}")
    assert "Sofia Sales" in browser.find_element(By.CSS_SELECTOR, "#thread .comment-list .mention").text
    browser.tandem_shot("group-thread")
    sign_out(browser)

    # An idea gets a vote from the rep and one from the PM; the manager moves it on.
    sign_in_speaking(browser, REP, language)
    browser.get(BASE_URL + "/together/ideas")
    fill(browser, "idea-title", f"Glossary day {stamp}")
    fill(browser, "idea-body", "Once a quarter with each key client.")
    follow(browser, "#idea-submit")
    idea_url = browser.current_url
    follow(browser, "#idea-vote")
    sign_out(browser)
    sign_in_speaking(browser, PM, language)
    browser.get(idea_url)
    follow(browser, "#idea-vote")
    wait_text(browser, "#idea-votes", text["votes"])
    sign_out(browser)
    sign_in_speaking(browser, MANAGER, language)
    browser.get(idea_url)
    Select(browser.find_element(By.ID, "move-status")).select_by_value("under-review")
    follow(browser, "#move-submit")
    wait_text(browser, "#idea-status", text["under_review"])
    browser.tandem_shot("idea-moved")
    browser.get(BASE_URL + "/together/review")
    browser.tandem_shot("joint-review")
    browser.get(BASE_URL + "/together/shadowing")
    browser.tandem_shot("shadowing-team")
    sign_out(browser)
