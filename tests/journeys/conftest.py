"""Browser journeys against a running `tandem serve --demo` (scripts/test starts it).

TANDEM_URL names the server; screenshots go to TANDEM_ARTIFACTS (one per failure, plus a few
per journey so a person can look at the pages)."""
import os
import pathlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

BASE_URL = os.environ.get("TANDEM_URL", "http://127.0.0.1:8080")
ARTIFACTS = pathlib.Path(os.environ.get("TANDEM_ARTIFACTS", "test-artifacts"))


def make_driver(language: str) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900", f"--lang={language}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.implicitly_wait(3)
    return driver


@pytest.fixture
def browser(request):
    language = getattr(request, "param", "en")
    driver = make_driver(language)
    driver.tandem_shot = lambda name: (ARTIFACTS.mkdir(parents=True, exist_ok=True),
                                       driver.save_screenshot(str(ARTIFACTS / f"{request.node.name}-{name}.png")))
    yield driver
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        driver.tandem_shot("FAILED")
    driver.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
