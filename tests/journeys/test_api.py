"""API checks against the running server: the document is served, errors keep their shape,
and a token created in the browser works from a script."""
import re

import requests

from conftest import BASE_URL


def test_openapi_document_is_served():
    response = requests.get(BASE_URL + "/api/openapi.yaml", timeout=10)
    assert response.status_code == 200
    assert response.text.startswith("openapi: 3.1.0")


def test_health_and_readiness():
    assert requests.get(BASE_URL + "/health", timeout=10).json() == {"status": "ok"}
    assert requests.get(BASE_URL + "/ready", timeout=10).json()["database"] == "ok"


def test_errors_have_a_stable_code_and_a_localised_message():
    english = requests.get(BASE_URL + "/api/v1/me", timeout=10)
    french = requests.get(BASE_URL + "/api/v1/me", headers={"Accept-Language": "fr"}, timeout=10)
    assert english.status_code == french.status_code == 401
    assert english.json()["error"]["code"] == french.json()["error"]["code"] == "unauthenticated"
    assert english.json()["error"]["message"] != french.json()["error"]["message"]
    assert "field" in english.json()["error"]
    assert english.json()["error"]["fields"] == []
    assert english.headers["Cache-Control"] == "no-store"


def test_a_token_from_the_profile_page_works_for_scripts():
    session = requests.Session()
    login = session.get(BASE_URL + "/login", timeout=10)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', login.text).group(1)
    session.post(BASE_URL + "/login", data={"_csrf": csrf, "email": "manager@lumen.example", "password": "demo-password"}, timeout=10)
    page = session.get(BASE_URL + "/settings/profile/tokens", timeout=10)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
    created = session.post(BASE_URL + "/settings/profile/tokens", data={"_csrf": csrf, "name": "api check"}, timeout=10)
    token = re.search(r"tdm_[A-Za-z0-9]{40}", created.text).group(0)
    headers = {"Authorization": f"Bearer {token}"}
    me = requests.get(BASE_URL + "/api/v1/me", headers=headers, timeout=10)
    assert me.status_code == 200 and me.json()["roles"] == ["manager"]
    users = requests.get(BASE_URL + "/api/v1/users", headers=headers, timeout=10).json()
    assert len(users["items"]) >= 9 and users["nextCursor"] is None
    first = requests.get(BASE_URL + "/api/v1/users?limit=5", headers=headers, timeout=10).json()
    rest = requests.get(BASE_URL + "/api/v1/users", params={"cursor": first["nextCursor"]}, headers=headers, timeout=10).json()
    assert [u["id"] for u in first["items"] + rest["items"]] == [u["id"] for u in users["items"]]
    forbidden = requests.post(BASE_URL + "/api/v1/users", headers=headers, timeout=10,
                              json={"email": "x@lumen.example", "displayName": "X", "roles": ["pm"], "password": "long enough pw"})
    assert forbidden.status_code == 403 and forbidden.json()["error"]["code"] == "forbidden"
