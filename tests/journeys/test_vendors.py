"""The vendor database in a browser: a vendor manager imports a CSV file with one bad row (the
error names it and nothing is imported), fixes it and imports, then adds an absence; sales
sees no vendor page. Runs against `tandem serve --demo` (scripts/test starts it)."""
import tempfile
import time

from selenium.webdriver.common.by import By

from conftest import BASE_URL
from test_journeys import follow, sign_in

PASSWORD = "demo-password"


def vendors_csv(names, bad_zone_row=None):
    lines = ["name,time_zone,source,target,service,throughput,rate"]
    for index, name in enumerate(names):
        zone = "Europe/Pariss" if index == bad_zone_row else "Europe/Paris"
        lines.append(f"{name},{zone},en,fr,translation,{300 + index},0.08")
    handle = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
    handle.write("\n".join(lines) + "\n")
    handle.close()
    return handle.name


def upload_and_preview(browser, path):
    browser.get(BASE_URL + "/vendors/import")
    browser.find_element(By.ID, "vendor-import-file").send_keys(path)
    follow(browser, "#vendor-import-upload")
    follow(browser, "#vendor-import-preview-button")


def test_vendor_manager_imports_fixes_and_adds_an_absence(browser):
    stamp = str(int(time.time()))[-6:]
    names = [f"Journey Linguist {stamp}-{n:02d}" for n in range(1, 6)]
    sign_in(browser, "victor.vendor@lumen.example", PASSWORD)

    upload_and_preview(browser, vendors_csv(names, bad_zone_row=2))
    errors = browser.find_element(By.ID, "vendor-import-errors").text
    assert "Row 4, column time_zone" in errors and "Europe/Pariss" in errors
    browser.tandem_shot("import-error")
    browser.get(BASE_URL + "/vendors?q=" + stamp)
    assert names[0] not in browser.page_source  # all or nothing

    upload_and_preview(browser, vendors_csv(names))
    assert names[-1] in browser.find_element(By.ID, "vendor-import-preview").text
    follow(browser, "#vendor-import-confirm")
    assert "5" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    browser.get(BASE_URL + "/vendors?q=" + stamp)
    rows = browser.find_elements(By.CSS_SELECTOR, "#vendor-list tbody tr")
    assert len(rows) == 5

    follow(browser, "#vendor-list tbody a")
    for field, value in (("absence-from", "2027-01-11T09:00"), ("absence-to", "2027-01-12T13:00")):
        browser.execute_script("document.getElementById(arguments[0]).value = arguments[1]", field, value)
    browser.find_element(By.ID, "absence-reason").send_keys("Dentist")
    follow(browser, "#absence-submit")
    assert "Dentist" in browser.find_element(By.ID, "vendor-absences").text
    browser.tandem_shot("vendor-page")


def test_sales_sees_no_vendor_pages(browser):
    sign_in(browser, "sofia.sales@lumen.example", PASSWORD)
    browser.get(BASE_URL + "/vendors")
    assert "vendor-list" not in browser.page_source
    assert "Anke" not in browser.page_source
