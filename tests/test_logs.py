import logging

from navsync_desktop.logs import mask_secrets, setup_logging

ACCESS = "00D5g000004ZqKl!AQ0AQFjk2.Zq9sXhUuKbI4JpAccessTokenValue"
REFRESH = "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJo7Xm7refresh"


def test_log_file_never_contains_tokens(navsync_home):
    target = setup_logging()
    log = logging.getLogger("navsync_desktop.test")

    log.info("GET /services/data/v61.0/limits headers={'Authorization': 'Bearer %s'}", ACCESS)
    log.info("Authorization: OAuth %s", ACCESS)
    log.info("POST /services/oauth2/token grant_type=refresh_token&refresh_token=%s", REFRESH)
    log.info('token response {"access_token": "%s", "refresh_token": "%s"}', ACCESS, REFRESH)
    log.info("session %s expired", ACCESS)
    try:
        raise RuntimeError(f"refresh failed for refresh_token={REFRESH}")
    except RuntimeError:
        log.exception("refresh failed")
    for handler in logging.getLogger().handlers:
        handler.flush()

    text = target.read_text()
    assert target.parent == navsync_home / "logs"
    assert "limits" in text and "refresh failed" in text, "the messages themselves are kept"
    assert ACCESS not in text and "AccessTokenValue" not in text
    assert REFRESH not in text
    assert text.count("***") >= 6


def test_masking_keeps_ordinary_text():
    line = "synced 2000 Contact rows from https://northwind.my.salesforce.com in 3.2 s"
    assert mask_secrets(line) == line
