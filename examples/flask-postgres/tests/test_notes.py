"""Tests against a real PostgreSQL and a real Redis, started as service containers by docker-ci."""
import os

import psycopg2
import pytest

from app import create_app


@pytest.fixture()
def client():
    with psycopg2.connect(os.environ["DATABASE_URL"]) as conn, conn.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS notes")
    app = create_app()
    app.config.update(TESTING=True)
    return app.test_client()


def test_health_reports_both_backing_services(client):
    body = client.get("/health").get_json()
    assert body["status"] == "ok"
    assert body["postgres"].startswith("PostgreSQL")
    assert body["redis"]


def test_a_new_note_is_listed(client):
    created = client.post("/notes", json={"title": "buy milk", "body": "2 litres"})
    assert created.status_code == 201

    notes = client.get("/notes").get_json()["notes"]
    assert [n["title"] for n in notes] == ["buy milk"]


def test_notes_survive_in_the_database_not_in_the_app(client):
    client.post("/notes", json={"title": "persisted"})
    with psycopg2.connect(os.environ["DATABASE_URL"]) as conn, conn.cursor() as cur:
        cur.execute("SELECT title FROM notes")
        assert cur.fetchall() == [("persisted",)]


def test_visits_are_counted_in_redis(client):
    first = client.get("/notes").get_json()["visits"]
    second = client.get("/notes").get_json()["visits"]
    assert second == first + 1


def test_a_note_needs_a_title(client):
    response = client.post("/notes", json={"title": "   "})
    assert response.status_code == 400
    assert "title" in response.get_json()["error"]


def test_deleting_a_missing_note_is_404(client):
    assert client.delete("/notes/4242").status_code == 404
