"""`tripartito feed create|list|revoke`: the secret is printed once, as the last line, and opens the feed."""

from __future__ import annotations

from tests.feeds.conftest import create_meeting


def test_feed_create_prints_a_working_secret_as_its_last_line(app, client, auth):
    create_meeting(client, auth)
    result = app.test_cli_runner().invoke(args=["feed", "create", "--country", "bz", "--label", "Belize"])
    assert result.exit_code == 0, result.output
    secret = result.stdout.strip().splitlines()[-1]
    assert result.stdout.strip() == secret  # the explanation and links go to stderr
    assert "webcal://" in result.stderr
    assert "calendar.google.com" in result.stderr
    response = client.get(f"/calendars/{secret}/tripartito.ics")
    assert response.status_code == 200
    assert b"BEGIN:VEVENT" in response.data


def test_feed_list_shows_holders_without_secrets_and_revoke_closes_the_feed(app, client):
    runner = app.test_cli_runner()
    secret = runner.invoke(args=["feed", "create", "--party", "ppt"]).stdout.strip().splitlines()[-1]
    listed = runner.invoke(args=["feed", "list"])
    assert "ppt\tactive" in listed.output
    assert secret not in listed.output
    token_id = listed.output.split("\t")[0]
    assert runner.invoke(args=["feed", "revoke", token_id]).exit_code == 0
    assert "revoked" in runner.invoke(args=["feed", "list"]).output
    assert client.get(f"/calendars/{secret}/tripartito.ics").status_code == 404


def test_feed_create_refuses_an_observer_country_and_an_unknown_id(app):
    runner = app.test_cli_runner()
    refused = runner.invoke(args=["feed", "create", "--country", "AR"])
    assert refused.exit_code != 0
    assert "member country" in refused.output
    assert runner.invoke(args=["feed", "revoke", "999"]).exit_code != 0
