"""Notes: a tiny web API that keeps notes in PostgreSQL and counts visits in Redis.

Configuration comes from the environment, the twelve-factor way:
  DATABASE_URL  e.g. postgresql://postgres:example@db:5432/postgres
  REDIS_URL     e.g. redis://cache:6379/0
"""
import os

import psycopg2
import redis
from flask import Flask, jsonify, request

SCHEMA = """
CREATE TABLE IF NOT EXISTS notes (
    id      SERIAL PRIMARY KEY,
    title   TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body    TEXT NOT NULL DEFAULT ''
)
"""


def create_app(database_url=None, redis_url=None):
    app = Flask(__name__)
    database_url = database_url or os.environ["DATABASE_URL"]
    cache = redis.Redis.from_url(redis_url or os.environ["REDIS_URL"])

    def db():
        return psycopg2.connect(database_url)

    with db() as conn, conn.cursor() as cur:
        cur.execute(SCHEMA)

    @app.get("/health")
    def health():
        with db() as conn, conn.cursor() as cur:
            cur.execute("SELECT version()")
            postgres = cur.fetchone()[0].split(",")[0]
        return jsonify(status="ok", postgres=postgres, redis=cache.info("server")["redis_version"])

    @app.get("/notes")
    def list_notes():
        cache.incr("visits")
        with db() as conn, conn.cursor() as cur:
            cur.execute("SELECT id, title, body FROM notes ORDER BY id")
            notes = [{"id": i, "title": t, "body": b} for i, t, b in cur.fetchall()]
        return jsonify(notes=notes, visits=int(cache.get("visits")))

    @app.post("/notes")
    def add_note():
        data = request.get_json(silent=True) or {}
        title = str(data.get("title", "")).strip()
        if not title or len(title) > 200:
            return jsonify(error="title must be 1 to 200 characters"), 400
        with db() as conn, conn.cursor() as cur:
            cur.execute("INSERT INTO notes (title, body) VALUES (%s, %s) RETURNING id",
                        (title, str(data.get("body", ""))))
            note_id = cur.fetchone()[0]
        return jsonify(id=note_id, title=title), 201

    @app.delete("/notes/<int:note_id>")
    def delete_note(note_id):
        with db() as conn, conn.cursor() as cur:
            cur.execute("DELETE FROM notes WHERE id = %s", (note_id,))
            if cur.rowcount == 0:
                return jsonify(error=f"no note {note_id}"), 404
        return "", 204

    return app


if __name__ == "__main__":
    create_app().run(host="0.0.0.0", port=int(os.environ.get("PORT", "8000")))
