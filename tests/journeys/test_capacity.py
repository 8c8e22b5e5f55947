"""Capacity from the database, in a real browser (issue #12): a vendor manager imports vendors
from CSV (a bad row first: nothing is imported), adds an absence; a PM's deadline check turns
red because of it and green with a later deadline; sales sees the verdict without vendors.
Screenshots of the heatmap and the check go to TANDEM_ARTIFACTS."""
import datetime as dt
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE_URL
from test_journeys import follow, sign_in, wait_text

PASSWORD = "demo-password"
VENDOR_MANAGER = "victor.vendor@lumen.example"
PM = "paula.project@lumen.example"
SALES = "sofia.sales@lumen.example"
HEADER = "name,kind,email,time_zone,status,working_hours,currency,source,target,service,throughput,throughput_unit,approved,rate_unit,rate"


def csv_for(tag, bad_zone=False):
    """One translator and 19 revisers for en → mt (Maltese: no demo vendor offers it), all in
    UTC, Monday to Friday 09:00–17:00. With `bad_zone`, the fifth vendor's time zone is wrong."""
    rows = [HEADER, f"Mira Translator {tag},freelance,mira.{tag}@example.com,UTC,approved,mon-fri 09:00-17:00,EUR,en,mt,translation,500,words,yes,word,0.09"]
    for n in range(1, 20):
        zone = "Europe/Vallettta" if bad_zone and n == 4 else "UTC"
        rows.append(f"Reviser {n:02d} {tag},freelance,rev{n}.{tag}@example.com,{zone},approved,mon-fri 09:00-17:00,EUR,en,mt,revision,1000,words,yes,word,0.03")
    return "\n".join(rows) + "\n"


def import_csv(browser, text):
    browser.get(BASE_URL + "/vendors/import")
    browser.find_element(By.ID, "vendor-import-text").send_keys(text)
    follow(browser, "#vendor-import-upload")
    follow(browser, "#vendor-import-preview-button")


def next_monday():
    today = dt.date.today()
    return today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)


def check(browser, monday, deadline_day):
    browser.get(BASE_URL + "/capacity/deadline-check")
    for field, value in (("source", "en"), ("targets", "mt"), ("words", "4000"), ("maxVendorsPerStep", "1")):
        element = browser.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)
    Select(browser.find_element(By.ID, "workflow")).select_by_value("translation+revision")
    # datetime-local inputs: set through script, the way every Chromium locale accepts.
    browser.execute_script("document.getElementById('start').value = arguments[0]", f"{monday.isoformat()}T00:00")
    browser.execute_script("document.getElementById('deadline').value = arguments[0]", f"{deadline_day.isoformat()}T23:00")
    follow(browser, "#check-deadline")
    return browser.find_element(By.ID, "verdict").get_attribute("data-verdict")


def test_a_deadline_check_follows_an_import_and_an_absence(browser):
    tag = str(int(time.time()))[-6:]
    monday = next_monday()

    sign_in(browser, VENDOR_MANAGER, PASSWORD)
    import_csv(browser, csv_for(tag, bad_zone=True))
    errors = browser.find_element(By.ID, "vendor-import-errors").text
    assert "Europe/Vallettta" in errors or "time_zone" in errors, errors
    assert "Row 6" in errors  # the row is named (the header is row 1)
    assert not browser.find_elements(By.ID, "vendor-import-confirm")
    browser.get(BASE_URL + f"/vendors?q=Mira+Translator+{tag}")
    assert f"Mira Translator {tag}" not in browser.find_element(By.TAG_NAME, "main").text

    import_csv(browser, csv_for(tag))
    follow(browser, "#vendor-import-confirm")
    browser.get(BASE_URL + f"/vendors?q={tag}")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert f"Mira Translator {tag}" in main and f"Reviser 19 {tag}" in main

    browser.find_element(By.PARTIAL_LINK_TEXT, f"Mira Translator {tag}").click()
    wait_text(browser, "h1", f"Mira Translator {tag}")
    browser.execute_script("document.getElementById('absence-from').value = arguments[0]", f"{monday.isoformat()}T00:00")
    wednesday = monday + dt.timedelta(days=2)
    browser.execute_script("document.getElementById('absence-to').value = arguments[0]", f"{wednesday.isoformat()}T00:00")
    follow(browser, "#absence-submit")
    assert monday.strftime("%Y") in browser.find_element(By.ID, "vendor-absences").text
    follow(browser, "form[action='/logout'] button")

    sign_in(browser, PM, PASSWORD)
    tuesday = monday + dt.timedelta(days=1)
    assert check(browser, monday, tuesday) == "red"
    reasons = browser.find_element(By.ID, "reasons").text
    assert f"Mira Translator {tag}" in reasons and "absent" in reasons, reasons
    browser.tandem_shot("check-red")
    friday = monday + dt.timedelta(days=4)
    assert check(browser, monday, friday) == "green"
    assert f"Mira Translator {tag}" in browser.find_element(By.ID, "assignments").text
    browser.tandem_shot("check-green")
    browser.get(BASE_URL + "/capacity")
    assert browser.find_element(By.CSS_SELECTOR, "#heatmap svg")
    assert "en → mt" in browser.find_element(By.ID, "heatmap").get_attribute("innerHTML")
    browser.tandem_shot("heatmap")
    follow(browser, "form[action='/logout'] button")

    sign_in(browser, SALES, PASSWORD)
    assert check(browser, monday, tuesday) == "red"
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Mira" not in page and "Reviser" not in page
    assert "absent" in browser.find_element(By.ID, "reasons").text
    assert not browser.find_elements(By.ID, "assignments")
    browser.tandem_shot("check-sales")
