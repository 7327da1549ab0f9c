"""The words of the demo org's browser pages in the browser's language (English or German), as
Salesforce's own pages follow the browser. German words are German Salesforce's."""

from __future__ import annotations

from werkzeug.wrappers import Request

LANGUAGES = ("en", "de")

LOGIN_TEXT = {
    "en": {
        "title": "Log in to the NavSync demo org",
        "heading": "NavSync demo org",
        "scenario": "Scenario",
        "username": "Username",
        "password": "Password",
        "password_hint": "Every demo user has the password",
        "asks": "asks to access your data",
        "log_in": "Log In",
        "allow": "Allow",
        "deny": "Deny",
        "demo_users": "Demo users",
        "name": "Name",
        "job_title": "Title",
        "bad_login": (
            "Please check your username and password. "
            "If you still can't log in, contact your Salesforce administrator."
        ),
        "inactive": "This user is inactive. Ask your Salesforce administrator to activate it.",
    },
    "de": {
        "title": "Bei der NavSync-Demo-Org anmelden",
        "heading": "NavSync-Demo-Org",
        "scenario": "Szenario",
        "username": "Benutzername",
        "password": "Kennwort",
        "password_hint": "Alle Demo-Benutzer haben das Kennwort",
        "asks": "möchte auf Ihre Daten zugreifen",
        "log_in": "Anmelden",
        "allow": "Zulassen",
        "deny": "Verweigern",
        "demo_users": "Demo-Benutzer",
        "name": "Name",
        "job_title": "Titel",
        "bad_login": (
            "Überprüfen Sie Ihren Benutzernamen und Ihr Kennwort. Wenn Sie sich weiterhin "
            "nicht anmelden können, wenden Sie sich an Ihren Salesforce-Administrator."
        ),
        "inactive": (
            "Dieser Benutzer ist inaktiv. Bitten Sie Ihren Salesforce-Administrator, ihn zu "
            "aktivieren."
        ),
    },
}

# The pages behind the login: the header, the home page, record pages and what goes wrong.
PAGE_TEXT = {
    "en": {
        "org": "NavSync demo org",
        "home": "Home",
        "log_out": "Log Out",
        "welcome": "Welcome",
        "logged_in_as": "Logged in as",
        "organization": "Organization",
        "scenario": "Scenario",
        "recent": "Recently modified records",
        "type": "Type",
        "name": "Name",
        "last_modified": "Last Modified",
        "details": "Details",
        "no_records": "No records to display.",
        "more": "The first {shown} of {total} are shown.",
        "not_found": "Record not found",
        "not_found_text": "The record you are looking for doesn't exist or has been deleted.",
        "back_home": "Back to the home page",
        "link_used": "This link no longer works",
        "link_used_text": (
            "A front-door link works once and only for {minutes} minutes. "
            "Ask for a new one, for example with sf org open."
        ),
        "foreign_form": "The login form was sent from another website and was refused.",
    },
    "de": {
        "org": "NavSync-Demo-Org",
        "home": "Startseite",
        "log_out": "Abmelden",
        "welcome": "Willkommen",
        "logged_in_as": "Angemeldet als",
        "organization": "Organisation",
        "scenario": "Szenario",
        "recent": "Zuletzt geänderte Datensätze",
        "type": "Typ",
        "name": "Name",
        "last_modified": "Zuletzt geändert",
        "details": "Details",
        "no_records": "Keine Datensätze vorhanden.",
        "more": "Angezeigt werden die ersten {shown} von {total}.",
        "not_found": "Datensatz nicht gefunden",
        "not_found_text": ("Der gesuchte Datensatz ist nicht vorhanden oder wurde gelöscht."),
        "back_home": "Zurück zur Startseite",
        "link_used": "Dieser Link funktioniert nicht mehr",
        "link_used_text": (
            "Ein Front-Door-Link funktioniert nur einmal und nur {minutes} Minuten lang. "
            "Fordern Sie einen neuen an, zum Beispiel mit sf org open."
        ),
        "foreign_form": (
            "Das Anmeldeformular wurde von einer anderen Website gesendet und abgelehnt."
        ),
    },
}

# The scenarios' one-line summaries, for the German login page (the English ones are in
# scenarios.py).
SCENARIO_SUMMARIES_DE = {
    "healthy": (
        "Enterprise Edition, Integrationsbenutzer mit „Alle Daten anzeigen“ und „Alle Daten "
        "ändern“, Paket installiert"
    ),
    "professional-no-api": (
        "Professional Edition ohne API-Zugang: Jeder API-Aufruf antwortet API_DISABLED_FOR_ORG"
    ),
    "unsupported-edition": "Group Edition, von der Integration nicht unterstützt",
    "sandbox": "Eine Sandbox-Org; Sandbox-Installationen werden nicht unterstützt",
    "view-only-admin": ("Der Benutzer hat „Alle Daten anzeigen“, aber nicht „Alle Daten ändern“"),
    "personal-admin": (
        "Der Benutzer ist ein persönlicher Systemadministrator, kein Integrationsbenutzer"
    ),
    "package-missing": (
        "Das Paket „Sales Navigator for Salesforce“ (Namespace LID) ist nicht installiert"
    ),
    "person-accounts": "Personenaccounts sind aktiviert; einige Accounts sind Personenaccounts",
    "email-validation-rule": (
        "Eine Validierungsregel für Kontakte verlangt bei jedem Anlegen und Ändern eine "
        "E-Mail-Adresse"
    ),
    "api-limit-low": "Heute sind nur noch wenige tägliche API-Anforderungen übrig",
    "large-org": "120.000 Kontakte: groß genug für Bulk API 2.0",
    "flaky": (
        "Ein Teil der API-Anforderungen scheitert absichtlich (5xx, Verbindungsabbrüche, "
        "Verzögerungen, Limits, abgelaufene Sitzungen)"
    ),
}


def page_language(request: Request) -> str:
    """The browser's preferred language among those the pages speak (English by default)."""
    return request.accept_languages.best_match(LANGUAGES, default="en")


def scenario_summary(name: str, english: str, language: str) -> str:
    return SCENARIO_SUMMARIES_DE.get(name, english) if language == "de" else english
