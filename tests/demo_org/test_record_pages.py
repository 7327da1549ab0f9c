"""Record pages of the demo org (/lightning/r/<Object>/<Id>/view), read by a browser on the plain
HTTP address: what clients wrote through the REST API shows up as Salesforce's record page would
show it, escaped, in the browser's language, behind the org's own login or a front-door link."""

from __future__ import annotations

import base64
from html.parser import HTMLParser
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests

from navsync_desktop.demo_org.runtime import DemoOrgServer
from navsync_desktop.demo_org.scenarios import DEMO_PASSWORD, INTEGRATION_USERNAME

from .conftest import client, https_session, oauth_tokens

WEB_SCOPE = "api web refresh_token"
GERMAN = {"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"}
ENGLISH = {"Accept-Language": "en-US,en;q=0.9"}


class RecordPage(HTMLParser):
    """What a reader sees on a page: the heading, the details (label -> text), each related
    list (heading -> rows of cell texts, in order), and the links (text -> address)."""

    _CAPTURED = frozenset({"h1", "h2", "dt", "dd", "td", "a"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.headings: list[str] = []
        self.details: dict[str, str] = {}
        self.lists: dict[str, list[list[str]]] = {}
        self.links: dict[str, str] = {}
        self._chars: list[str] = []
        self._open: list[tuple[str, int, str | None]] = []  # tag, where its text starts, href
        self._label = ""
        self._row: list[str] | None = None
        self._section = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self._CAPTURED:
            self._open.append((tag, len(self._chars), dict(attrs).get("href")))
        elif tag == "tr":
            self._row = []

    def handle_endtag(self, tag) -> None:
        if tag == "tr" and self._row:
            self.lists[self._section].append(self._row)
            self._row = None
        if tag not in self._CAPTURED or not self._open:
            return
        _, start, href = self._open.pop()
        text = "".join(self._chars[start:]).strip()
        line = " ".join(text.split())
        if tag == "h1":
            self.title = line
        elif tag == "h2":
            self.headings.append(line)
            self._section = line.split(" (")[0]
            self.lists.setdefault(self._section, [])
        elif tag == "dt":
            self._label = line
        elif tag == "dd":
            self.details[self._label] = text
        elif tag == "td" and self._row is not None:
            self._row.append(text)
        elif tag == "a":
            self.links[line] = href

    def handle_data(self, data) -> None:
        self._chars.append(data)


def plain_browser() -> requests.Session:
    """A browser on the plain-HTTP loopback address: keeps cookies, no proxies."""
    session = requests.Session()
    session.trust_env = False
    return session


def front_door(endpoint, token: str, path: str | None = None) -> str:
    params = {"redirect_uri": path} if path else {}
    answer = https_session(endpoint).get(
        f"{endpoint.instance_url}/services/oauth2/singleaccess",
        params=params,
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["frontdoor_uri"]


def logged_in(endpoint, token: str, headers: dict | None = None) -> requests.Session:
    """A browser that has opened a front-door link."""
    session = plain_browser()
    if headers:
        session.headers.update(headers)
    assert session.get(front_door(endpoint, token)).status_code == 200
    return session


def page_path(sobject: str, record_id: str) -> str:
    return f"/lightning/r/{sobject}/{record_id}/view"


def note_content(html: str) -> str:
    return base64.b64encode(html.encode()).decode()


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """An org in which a client wrote, through the REST API: an account, a contact on it, three
    completed tasks and an open one, and two notes linked to the contact."""
    with DemoOrgServer(tmp_path_factory.mktemp("record-pages"), port=0, records=200) as server:
        endpoint = server.endpoint
        token = oauth_tokens(endpoint, scope=WEB_SCOPE)["access_token"]
        sf = client(endpoint, token)
        account = sf.Account.create({"Name": "Nordlicht Logistik GmbH", "Industry": "Retail"})["id"]
        contact = sf.Contact.create(
            {
                "FirstName": "Jana",
                "LastName": "Albers",
                "AccountId": account,
                "Email": "jana.albers@nordlicht.example",
                "Title": "Head of Procurement",
            }
        )["id"]

        def task(subject: str, day: str, status: str = "Completed", **more) -> str:
            fields = {
                "Subject": subject,
                "ActivityDate": day,
                "Status": status,
                "WhoId": contact,
                "WhatId": account,
                "Description": f"Body of {subject}",
                **more,
            }
            return sf.Task.create(fields)["id"]

        tasks = {
            "older": task("InMail: Pilot for two warehouses", "2026-03-01"),
            "newest": task(
                "Message: Follow-up on the offer",
                "2026-05-10",
                TaskSubtype="LinkedIn",
                LID__Date_Sent__c="2026-05-10T14:30:00Z",
                LID__URL__c="https://www.linkedin.com/sales/inbox/2-abc",
            ),
            "middle": task("Call: Budget questions", "2026-04-15", TaskSubtype="Call"),
            "open": task("Call back next week", "2026-06-01", status="Not Started"),
        }
        notes = {}
        for title, html in (
            ("Budget approved", "<p>Budget approved by the board.</p><p>Pilot starts in Q3.</p>"),
            ("Competitor", "<p>Competitor contract ends in December &amp; renewal open.</p>"),
        ):
            note = sf.ContentNote.create({"Title": title, "Content": note_content(html)})["id"]
            sf.ContentDocumentLink.create(
                {"ContentDocumentId": note, "LinkedEntityId": contact, "ShareType": "V"}
            )
            notes[title] = note
        yield {
            "server": server,
            "endpoint": endpoint,
            "token": token,
            "sf": sf,
            "account": account,
            "contact": contact,
            "tasks": tasks,
            "notes": notes,
        }


def test_a_contact_page_shows_what_the_api_wrote(written):
    endpoint, contact = written["endpoint"], written["contact"]
    browser = logged_in(endpoint, written["token"], ENGLISH)
    answer = browser.get(f"{endpoint.browser_url}{page_path('Contact', contact)}")
    assert answer.status_code == 200
    assert answer.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert "<script" not in answer.text
    assert "src=" not in answer.text and "<link" not in answer.text, "no external resources"
    page = RecordPage(answer.text)

    assert page.title == "Jana Albers"
    assert page.details["Email"] == "jana.albers@nordlicht.example"
    assert page.details["Title"] == "Head of Procurement"
    assert page.details["Account Name"] == "Nordlicht Logistik GmbH"
    assert page.links["Nordlicht Logistik GmbH"] == page_path("Account", written["account"])
    assert page.details["Contact Owner"] == "Integration User"

    activities = page.lists["Past Activities"]
    assert [row[1] for row in activities] == [
        "Message: Follow-up on the offer",
        "Call: Budget questions",
        "InMail: Pilot for two warehouses",
    ], "completed tasks only, newest first"
    assert activities[0] == [
        "5/10/2026",
        "Message: Follow-up on the offer",
        "Integration User",
        "Integration User",
    ]
    assert "Past Activities (3)" in page.headings
    newest = written["tasks"]["newest"]
    assert page.links["Message: Follow-up on the offer"] == page_path("Task", newest)

    notes = page.lists["Notes & Attachments"]
    assert {row[0] for row in notes} == {"Budget approved", "Competitor"}
    budget = next(row for row in notes if row[0] == "Budget approved")
    assert budget[2] == "Budget approved by the board.\nPilot starts in Q3."
    competitor = next(row for row in notes if row[0] == "Competitor")
    assert competitor[2] == "Competitor contract ends in December & renewal open."
    note_link = page.links["Budget approved"]
    assert note_link == page_path("ContentNote", written["notes"]["Budget approved"])


def test_links_between_records_lead_to_their_pages(written):
    endpoint = written["endpoint"]
    browser = logged_in(endpoint, written["token"], ENGLISH)
    contact_page = RecordPage(
        browser.get(f"{endpoint.browser_url}{page_path('Contact', written['contact'])}").text
    )

    task_answer = browser.get(
        urljoin(endpoint.browser_url, contact_page.links["Message: Follow-up on the offer"])
    )
    assert task_answer.status_code == 200
    task = RecordPage(task_answer.text)
    assert task.title == "Message: Follow-up on the offer"
    assert task.details["Comments"] == "Body of Message: Follow-up on the offer"
    assert task.details["Status"] == "Completed"
    assert task.details["Due Date"] == "5/10/2026"
    assert task.details["Date Sent"] == "5/10/2026, 4:30 PM", "in the user's zone, Berlin"
    assert task.details["URL"] == "https://www.linkedin.com/sales/inbox/2-abc"
    assert task.details["Name"] == "Jana Albers"
    assert task.details["Related To"] == "Nordlicht Logistik GmbH"
    assert task.links["Jana Albers"] == page_path("Contact", written["contact"])

    account = RecordPage(
        browser.get(urljoin(endpoint.browser_url, task.links["Nordlicht Logistik GmbH"])).text
    )
    assert account.title == "Nordlicht Logistik GmbH"
    assert account.details["Industry"] == "Retail"
    assert [row[0] for row in account.lists["Contacts"]] == ["Jana Albers"]
    assert len(account.lists["Past Activities"]) == 3, "the tasks name the account as What"

    note = RecordPage(
        browser.get(urljoin(endpoint.browser_url, contact_page.links["Budget approved"])).text
    )
    assert note.title == "Budget approved"
    assert note.details["Text"] == "Budget approved by the board.\nPilot starts in Q3."
    assert note.lists["Related To"] == [["Jana Albers"]]

    owner = browser.get(urljoin(endpoint.browser_url, task.links["Integration User"]))
    assert owner.status_code == 200
    assert RecordPage(owner.text).details["Username"] == INTEGRATION_USERNAME


def test_the_page_is_german_for_a_german_browser(written):
    endpoint = written["endpoint"]
    browser = logged_in(endpoint, written["token"], GERMAN)
    answer = browser.get(f"{endpoint.browser_url}{page_path('Contact', written['contact'])}")
    assert '<html lang="de">' in answer.text
    page = RecordPage(answer.text)
    assert page.details["Accountname"] == "Nordlicht Logistik GmbH"
    assert page.details["Kontaktinhaber"] == "Integration User"
    activities = page.lists["Aktivitätsprotokoll"]
    assert activities[0][0] == "10.05.2026"
    assert "Notizen und Anhänge" in page.lists
    for english in ("Past Activities", "Notes & Attachments", "Account Name", "Log Out"):
        assert english not in answer.text
    assert page.links["Abmelden"] == "/secur/logout.jsp"

    task = RecordPage(
        browser.get(f"{endpoint.browser_url}{page_path('Task', written['tasks']['newest'])}").text
    )
    assert task.details["Fälligkeitsdatum"] == "10.05.2026"
    assert task.details["Kommentare"] == "Body of Message: Follow-up on the offer"
    assert task.details["Date Sent"] == "10.05.2026, 16:30"


def test_markup_in_records_shows_as_text(written):
    endpoint, sf = written["endpoint"], written["sf"]
    markup = "<b>Bold</b><script>alert('x')</script>"
    contact = sf.Contact.create(
        {
            "LastName": markup,
            "Description": '<img src=x onerror="alert(1)">',
            "LinkedIn_Profile_URL__c": "javascript:alert(document.cookie)",
            "Email": "quote@example.com",
        }
    )["id"]
    sf.Task.create(
        {"Subject": "<i>sneaky</i>", "Status": "Completed", "WhoId": contact, "Priority": "High"}
    )
    note = sf.ContentNote.create(
        {"Title": "<u>note</u>", "Content": note_content("<p>&lt;script&gt;x&lt;/script&gt;</p>")}
    )["id"]
    sf.ContentDocumentLink.create({"ContentDocumentId": note, "LinkedEntityId": contact})

    browser = logged_in(endpoint, written["token"], ENGLISH)
    answer = browser.get(f"{endpoint.browser_url}{page_path('Contact', contact)}")
    assert answer.status_code == 200
    for raw in ("<b>", "<script", "<img", "<i>", "<u>"):
        assert raw not in answer.text
    assert 'href="javascript' not in answer.text, "a URL field links only to web addresses"
    page = RecordPage(answer.text)
    assert page.title == markup, "the name is shown as the text it is"
    assert page.details["Description"] == '<img src=x onerror="alert(1)">'
    assert page.details["LinkedIn Profile URL"] == "javascript:alert(document.cookie)"
    assert page.lists["Past Activities"][0][1] == "<i>sneaky</i>"
    assert page.lists["Notes & Attachments"][0][:1] == ["<u>note</u>"]
    assert page.lists["Notes & Attachments"][0][2] == "<script>x</script>"


@pytest.mark.parametrize(
    "path",
    [
        "/lightning/r/Nonsense/003Dm0000000001AAA/view",
        "/lightning/r/Contact/not-an-id/view",
        "/lightning/r/Contact/003Dm9999999999AAA/view",  # no such contact
        "/lightning/r/ValidationRule/03dDm0000000001AAA/view",  # tooling, not a record page
        "/lightning/o/Contact/list",
    ],
)
def test_unknown_objects_and_records_get_a_404_page(written, path):
    endpoint = written["endpoint"]
    browser = logged_in(endpoint, written["token"], ENGLISH)
    answer = browser.get(f"{endpoint.browser_url}{path}")
    assert answer.status_code == 404
    page = RecordPage(answer.text)
    assert page.title == "Record not found"
    assert page.links["Back to the home page"] == "/lightning/page/home"
    german = browser.get(f"{endpoint.browser_url}{path}", headers=GERMAN)
    assert RecordPage(german.text).title == "Datensatz nicht gefunden"


def test_a_record_of_another_object_or_a_deleted_one_is_not_found(written):
    endpoint, sf = written["endpoint"], written["sf"]
    browser = logged_in(endpoint, written["token"], ENGLISH)
    # an account's id under Contact
    wrong = browser.get(f"{endpoint.browser_url}{page_path('Contact', written['account'])}")
    assert wrong.status_code == 404
    gone = sf.Contact.create({"LastName": "Deleted Later"})["id"]
    assert browser.get(f"{endpoint.browser_url}{page_path('Contact', gone)}").status_code == 200
    sf.Contact.delete(gone)
    assert browser.get(f"{endpoint.browser_url}{page_path('Contact', gone)}").status_code == 404


def test_a_browser_without_a_session_logs_in_and_lands_on_the_record(written):
    endpoint, contact = written["endpoint"], written["contact"]
    record = page_path("Contact", contact)
    browser = plain_browser()
    first = browser.get(f"{endpoint.browser_url}{record}?tab=related", allow_redirects=False)
    assert first.status_code == 302
    login_url = urljoin(endpoint.browser_url, first.headers["Location"])
    assert urlsplit(login_url).path == "/"
    assert parse_qs(urlsplit(login_url).query)["startURL"] == [f"{record}?tab=related"]

    form_page = browser.get(login_url)
    assert form_page.status_code == 200
    assert 'name="startURL"' in form_page.text and "<script" not in form_page.text

    wrong = browser.post(
        f"{endpoint.browser_url}/",
        data={"username": INTEGRATION_USERNAME, "password": "wrong", "startURL": record},
        allow_redirects=False,
    )
    assert wrong.status_code == 200 and "sid" not in wrong.cookies
    assert "check your username and password" in wrong.text

    answer = browser.post(
        f"{endpoint.browser_url}/",
        data={
            "username": INTEGRATION_USERNAME,
            "password": DEMO_PASSWORD,
            "startURL": f"{record}?tab=related",
        },
        headers={"Origin": endpoint.browser_url},
        allow_redirects=False,
    )
    assert answer.status_code == 302
    assert answer.headers["Location"] == f"{record}?tab=related"
    cookie = answer.headers["Set-Cookie"]
    assert cookie.startswith("sid=")
    for attribute in ("HttpOnly", "SameSite=Lax", "Path=/"):
        assert attribute in cookie
    assert "Secure" not in cookie, "a Secure cookie would never come back over plain HTTP"
    landed = browser.get(urljoin(endpoint.browser_url, answer.headers["Location"]))
    assert landed.status_code == 200
    assert RecordPage(landed.text).title == "Jana Albers"

    # logged in already: the login sends the browser straight on
    again = browser.get(login_url, allow_redirects=False)
    assert again.headers["Location"] == f"{record}?tab=related"


def test_logout_ends_the_session(written):
    endpoint = written["endpoint"]
    browser = logged_in(endpoint, written["token"], ENGLISH)
    record = f"{endpoint.browser_url}{page_path('Contact', written['contact'])}"
    page = RecordPage(browser.get(record).text)
    out = browser.get(urljoin(endpoint.browser_url, page.links["Log Out"]), allow_redirects=False)
    assert out.status_code == 302 and out.headers["Location"] == "/"
    assert "sid=;" in out.headers["Set-Cookie"] or 'sid="";' in out.headers["Set-Cookie"]
    stale = plain_browser()  # a browser that kept the old cookie gets no more pages with it
    stale.cookies.update({"sid": browser.cookies.get("sid") or "gone"})
    assert browser.get(record, allow_redirects=False).status_code == 302
    assert stale.get(record, allow_redirects=False).status_code == 302


def test_the_login_refuses_inactive_users_and_forms_from_other_sites(written):
    endpoint, sf = written["endpoint"], written["sf"]
    inactive = sf.query("SELECT Username FROM User WHERE IsActive = false LIMIT 1")["records"]
    browser = plain_browser()
    refused = browser.post(
        f"{endpoint.browser_url}/",
        data={"username": inactive[0]["Username"], "password": DEMO_PASSWORD},
        headers=GERMAN,
        allow_redirects=False,
    )
    assert refused.status_code == 200 and "sid" not in refused.cookies
    assert "Dieser Benutzer ist inaktiv" in refused.text

    foreign = browser.post(
        f"{endpoint.browser_url}/",
        data={"username": INTEGRATION_USERNAME, "password": DEMO_PASSWORD},
        headers={"Origin": "https://evil.example", **ENGLISH},
        allow_redirects=False,
    )
    assert foreign.status_code == 403 and "sid" not in foreign.cookies
    assert "another website" in foreign.text


@pytest.mark.parametrize("start", ["https://evil.example/", "//evil.example/x", "/\\evil"])
def test_the_login_lands_only_on_this_org(written, start):
    endpoint = written["endpoint"]
    answer = plain_browser().post(
        f"{endpoint.browser_url}/",
        data={"username": INTEGRATION_USERNAME, "password": DEMO_PASSWORD, "startURL": start},
        allow_redirects=False,
    )
    assert answer.headers["Location"] == "/lightning/page/home"


def test_a_front_door_link_opens_a_record_page(written):
    endpoint, contact = written["endpoint"], written["contact"]
    link = front_door(endpoint, written["token"], page_path("Contact", contact))
    browser = plain_browser()
    door = browser.get(link, allow_redirects=False)
    assert door.status_code == 302
    assert door.headers["Location"] == page_path("Contact", contact)
    landed = browser.get(urljoin(endpoint.browser_url, door.headers["Location"]), headers=GERMAN)
    assert landed.status_code == 200
    assert RecordPage(landed.text).title == "Jana Albers"


def test_the_home_page_links_recent_records_to_their_pages(written):
    endpoint = written["endpoint"]
    browser = logged_in(endpoint, written["token"], ENGLISH)
    home = RecordPage(browser.get(f"{endpoint.browser_url}/lightning/page/home").text)
    assert home.links["Jana Albers"] == page_path("Contact", written["contact"])
    assert home.links["Nordlicht Logistik GmbH"] == page_path("Account", written["account"])
    recent = home.lists["Recently modified records"]
    assert ["Contact", "Jana Albers"] in [row[:2] for row in recent]
    assert browser.get(urljoin(endpoint.browser_url, home.links["Jana Albers"])).ok
    german = RecordPage(
        browser.get(f"{endpoint.browser_url}/lightning/page/home", headers=GERMAN).text
    )
    assert "Zuletzt geänderte Datensätze" in german.lists
    assert german.details["Szenario"].startswith("healthy")


def test_objects_without_a_layout_show_their_describe_fields(written):
    endpoint, sf = written["endpoint"], written["sf"]
    role = sf.query("SELECT Id, Name, DeveloperName FROM UserRole LIMIT 1")["records"][0]
    browser = logged_in(endpoint, written["token"], ENGLISH)
    page = RecordPage(
        browser.get(f"{endpoint.browser_url}{page_path('UserRole', role['Id'])}").text
    )
    assert page.title == role["Name"]
    assert page.details["Developer Name"] == (role["DeveloperName"] or "")


def test_record_pages_are_also_served_on_the_api_address(written):
    """On the HTTPS address (where `sf org open` may point) the pages work too; the session
    cookie is Secure there."""
    endpoint = written["endpoint"]
    link = front_door(endpoint, written["token"], page_path("Contact", written["contact"]))
    secure = https_session(endpoint)
    door = secure.get(
        link.replace(endpoint.browser_url, endpoint.instance_url), allow_redirects=False
    )
    assert "Secure" in door.headers["Set-Cookie"]
    landed = secure.get(urljoin(endpoint.instance_url, door.headers["Location"]))
    assert landed.status_code == 200 and RecordPage(landed.text).title == "Jana Albers"
