"""Conversation where the work is (issue #15), in two real browsers: a PM mentions a sales rep
in a quote's thread; the rep's open page (another browser session) shows the unread count rise
without a reload; the rep opens the notification and replies; the PM gets a `reply`. English
and French; screenshots go to the artifacts folder."""
import re
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BASE_URL, make_driver
from test_journeys import follow, wait_text
from test_pipeline import sign_in_speaking

REP = "sofia.sales@lumen.example"
PM = "paula.project@lumen.example"
REPLIED = {"en": "replied on", "fr": "a répondu sur"}


def unread(browser):
    """The bell's count as the live script last set it (None before the stream's first event)."""
    value = browser.find_element(By.CSS_SELECTOR, ".inbox-link").get_attribute("data-unread")
    return None if value is None else int(value)


def first_quote(browser):
    browser.get(BASE_URL + "/quotes")
    for link in browser.find_elements(By.CSS_SELECTOR, "main a[href^='/quotes/']"):
        href = link.get_attribute("href")
        if re.search(r"/quotes/[0-9a-f-]{36}$", href):
            return href
    raise AssertionError("no quote in the list")


def post_comment(browser, text):
    area = browser.find_element(By.ID, "thread-body")
    area.clear()
    area.send_keys(text)
    follow(browser, "form.thread-composer button[type='submit']")


@pytest.mark.parametrize("browser", ["en", "fr"], indirect=True)
def test_a_mention_reaches_the_open_page_and_the_reply_comes_back(browser):
    language = browser.execute_script("return navigator.language").split("-")[0]
    marker = f"{language}-{int(time.time())}"
    rep = make_driver(language)
    try:
        # The rep is somewhere else, on the dashboard, with the page left open.
        sign_in_speaking(rep, REP, language)
        rep.get(BASE_URL + "/")
        WebDriverWait(rep, 20).until(lambda b: unread(b) is not None)
        before = unread(rep)

        # The PM writes on a quote's thread and mentions the rep, completing the name after @.
        sign_in_speaking(browser, PM, language)
        quote = first_quote(browser)
        browser.get(quote + "#thread")
        area = browser.find_element(By.ID, "thread-body")
        area.send_keys("@sofia.s")
        WebDriverWait(browser, 10).until(
            lambda b: b.find_elements(By.CSS_SELECTOR, ".mention-list li[data-handle='sofia.sales']"))
        browser.tandem_shot("completion")
        area.clear()
        post_comment(browser, f"@sofia.sales can the client accept a split delivery? ({marker})")
        wait_text(browser, "#thread .comment-list", marker)
        assert browser.find_element(By.CSS_SELECTOR, "#thread .comment .mention").text.startswith("@")
        browser.tandem_shot("pm-posted")

        # The rep's open page shows the count rise, without a reload.
        rep.execute_script("window.tandemSamePage = true")
        WebDriverWait(rep, 30).until(lambda b: (unread(b) or 0) >= before + 1)
        assert rep.execute_script("return window.tandemSamePage === true")
        WebDriverWait(rep, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".live-toast"))
        rep.tandem_shot = browser.tandem_shot
        rep.save_screenshot(str(_artifact(browser, "rep-live-count")))

        # The rep opens the notification (the newest) and replies in the thread.
        rep.get(BASE_URL + "/notifications?unread=true")
        mine = [li for li in rep.find_elements(By.CSS_SELECTOR, ".notification-list li") if marker in li.text]
        assert mine, "the mention is in the rep's inbox"
        rep.execute_script("window.tandemOldPage = true")
        mine[0].find_element(By.CSS_SELECTOR, "button.notification-open").click()
        WebDriverWait(rep, 10).until(lambda b: b.execute_script(
            "return !window.tandemOldPage && document.readyState === 'complete'"))
        assert rep.current_url.split("#")[0] == quote
        post_comment(rep, f"Yes, they accept a split delivery. ({marker} reply)")
        wait_text(rep, "#thread .comment-list", f"{marker} reply")
        rep.save_screenshot(str(_artifact(browser, "rep-replied")))

        # The PM gets a reply.
        browser.get(BASE_URL + "/notifications?unread=true")
        wait_text(browser, ".notification-list", f"{marker} reply")
        item = [li for li in browser.find_elements(By.CSS_SELECTOR, ".notification-list li") if f"{marker} reply" in li.text]
        assert item and REPLIED[language] in item[0].text
        browser.tandem_shot("pm-reply")

        # The timeline mixes the quote's events and the conversation.
        browser.get(quote)
        follow(browser, "#thread .thread-tools a")
        wait_text(browser, ".timeline-list", marker)
        browser.tandem_shot("timeline")
    finally:
        rep.quit()


def _artifact(browser, name):
    from conftest import ARTIFACTS
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    language = browser.execute_script("return navigator.language").split("-")[0]
    return ARTIFACTS / f"test_threads-{language}-{name}.png"
