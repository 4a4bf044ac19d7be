"""The health check (samen/core/views.py)."""


def test_the_health_check_answers_without_signing_in_and_is_not_cached(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_the_health_check_only_answers_a_get(client, db):
    assert client.post("/healthz").status_code == 405
