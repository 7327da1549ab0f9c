"""What a record page shows of each object: the fields of its page layout and its related lists,
labelled as Salesforce's own record pages label them, in English and in German.

Objects without a layout here get every field of their describe, labelled as there. Fields a
scenario's org lacks (the LinkedIn package's, for instance) are left out when the page is read.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    """One text in the languages the pages speak."""

    en: str
    de: str

    def __call__(self, language: str) -> str:
        return self.de if language == "de" else self.en


@dataclass(frozen=True)
class LayoutField:
    label: Words
    names: tuple[str, ...]  # several fields (an address) are shown as one value, joined


def _field(en: str, de: str, *names: str) -> LayoutField:
    return LayoutField(Words(en, de), names)


@dataclass(frozen=True)
class ChildList:
    """A related list of the records of ``sobject`` whose ``lookup`` points at the record."""

    sobject: str
    lookup: str
    label: Words
    columns: tuple[str, ...]  # the child's fields, labelled as on the child's own layout
    order_by: str


@dataclass(frozen=True)
class Layout:
    label: Words
    title: str  # the field that names a record
    fields: tuple[LayoutField, ...]
    children: tuple[ChildList, ...] = ()


_CREATED_BY = _field("Created By", "Erstellt von", "CreatedById")
_LAST_MODIFIED_BY = _field("Last Modified By", "Zuletzt geändert von", "LastModifiedById")
_DESCRIPTION = _field("Description", "Beschreibung", "Description")
_LINKEDIN_PROFILE = _field("LinkedIn Profile URL", "LinkedIn-Profil-URL", "LinkedIn_Profile_URL__c")

LAYOUTS: dict[str, Layout] = {
    "Contact": Layout(
        Words("Contact", "Kontakt"),
        "Name",
        (
            _field("Name", "Name", "Name"),
            _field("Account Name", "Accountname", "AccountId"),
            _field("Title", "Titel", "Title"),
            _field("Department", "Abteilung", "Department"),
            _field("Email", "E-Mail", "Email"),
            _field("Phone", "Telefon", "Phone"),
            _field("Mobile", "Mobiltelefon", "MobilePhone"),
            _field("Mailing Address", "Postanschrift", "MailingCity", "MailingCountry"),
            _field("Lead Source", "Lead-Quelle", "LeadSource"),
            _LINKEDIN_PROFILE,
            _field("Contact Owner", "Kontaktinhaber", "OwnerId"),
            _DESCRIPTION,
            _CREATED_BY,
            _LAST_MODIFIED_BY,
        ),
    ),
    "Lead": Layout(
        Words("Lead", "Lead"),
        "Name",
        (
            _field("Name", "Name", "Name"),
            _field("Company", "Firma", "Company"),
            _field("Title", "Titel", "Title"),
            _field("Email", "E-Mail", "Email"),
            _field("Phone", "Telefon", "Phone"),
            _field("Lead Status", "Lead-Status", "Status"),
            _field("Lead Source", "Lead-Quelle", "LeadSource"),
            _field("Industry", "Branche", "Industry"),
            _field("Address", "Adresse", "City", "Country"),
            _LINKEDIN_PROFILE,
            _field("Lead Owner", "Lead-Inhaber", "OwnerId"),
            _CREATED_BY,
            _LAST_MODIFIED_BY,
        ),
    ),
    "Account": Layout(
        Words("Account", "Account"),
        "Name",
        (
            _field("Account Name", "Accountname", "Name"),
            _field("Type", "Typ", "Type"),
            _field("Industry", "Branche", "Industry"),
            _field("Website", "Website", "Website"),
            _field("Phone", "Telefon", "Phone"),
            _field("Billing Address", "Rechnungsanschrift", "BillingCity", "BillingCountry"),
            _field("Employees", "Mitarbeiter", "NumberOfEmployees"),
            _field("Annual Revenue", "Jahresumsatz", "AnnualRevenue"),
            _field("Parent Account", "Übergeordneter Account", "ParentId"),
            _field("Account Owner", "Accountinhaber", "OwnerId"),
            _DESCRIPTION,
            _CREATED_BY,
            _LAST_MODIFIED_BY,
        ),
        children=(
            ChildList(
                "Contact",
                "AccountId",
                Words("Contacts", "Kontakte"),
                ("Name", "Title", "Email", "Phone"),
                "Name",
            ),
            ChildList(
                "Opportunity",
                "AccountId",
                Words("Opportunities", "Opportunities"),
                ("Name", "StageName", "Amount", "CloseDate"),
                "CloseDate DESC",
            ),
        ),
    ),
    "Opportunity": Layout(
        Words("Opportunity", "Opportunity"),
        "Name",
        (
            _field("Opportunity Name", "Opportunity-Name", "Name"),
            _field("Account Name", "Accountname", "AccountId"),
            _field("Stage", "Phase", "StageName"),
            _field("Amount", "Betrag", "Amount"),
            _field("Close Date", "Schlusstermin", "CloseDate"),
            _field("Probability (%)", "Wahrscheinlichkeit (%)", "Probability"),
            _field("Forecast Category", "Prognosekategorie", "ForecastCategoryName"),
            _field("Type", "Typ", "Type"),
            _field("Lead Source", "Lead-Quelle", "LeadSource"),
            _field("Next Step", "Nächster Schritt", "NextStep"),
            _field("Opportunity Owner", "Opportunity-Inhaber", "OwnerId"),
            _DESCRIPTION,
            _CREATED_BY,
            _LAST_MODIFIED_BY,
        ),
    ),
    "Task": Layout(
        Words("Task", "Aufgabe"),
        "Subject",
        (
            _field("Subject", "Betreff", "Subject"),
            _field("Name", "Name", "WhoId"),
            _field("Related To", "Bezug", "WhatId"),
            _field("Due Date", "Fälligkeitsdatum", "ActivityDate"),
            _field("Status", "Status", "Status"),
            _field("Priority", "Priorität", "Priority"),
            _field("Type", "Typ", "Type"),
            _field("Task Subtype", "Aufgabenuntertyp", "TaskSubtype"),
            _field("Assigned To", "Zugewiesen an", "OwnerId"),
            _field("Comments", "Kommentare", "Description"),
            # the LinkedIn package's activity fields, labelled as the package labels them
            _field("Date Sent", "Date Sent", "LID__Date_Sent__c"),
            _field("URL", "URL", "LID__URL__c"),
            _CREATED_BY,
            _field("Created Date", "Erstelldatum", "CreatedDate"),
            _LAST_MODIFIED_BY,
        ),
    ),
    "ContentNote": Layout(
        Words("Note", "Notiz"),
        "Title",
        (
            _field("Title", "Titel", "Title"),
            _field("Owner", "Inhaber", "OwnerId"),
            _field("Text", "Text", "Content"),
            _CREATED_BY,
            _field("Created Date", "Erstelldatum", "CreatedDate"),
            _field("Last Modified Date", "Datum der letzten Änderung", "LastModifiedDate"),
        ),
    ),
    "User": Layout(
        Words("User", "Benutzer"),
        "Name",
        (
            _field("Name", "Name", "Name"),
            _field("Username", "Benutzername", "Username"),
            _field("Email", "E-Mail", "Email"),
            _field("Title", "Titel", "Title"),
            _field("Department", "Abteilung", "Department"),
            _field("Active", "Aktiv", "IsActive"),
            _field("Manager", "Manager", "ManagerId"),
        ),
    ),
}

# The related lists every record of an object with activities or notes has.
PAST_ACTIVITIES = Words("Past Activities", "Aktivitätsprotokoll")
NOTES_AND_ATTACHMENTS = Words("Notes & Attachments", "Notizen und Anhänge")
ACTIVITY_COLUMNS = (
    Words("Date", "Datum"),
    Words("Subject", "Betreff"),
    Words("Assigned To", "Zugewiesen an"),
    Words("Created By", "Erstellt von"),
)
NOTE_COLUMNS = (
    Words("Title", "Titel"),
    Words("Last Modified", "Zuletzt geändert"),
    Words("Text", "Text"),
)


def column_label(sobject: str, field: str, fallback: str) -> Words:
    """How the layout of ``sobject`` labels ``field`` (its describe label when it has none)."""
    layout = LAYOUTS.get(sobject)
    for shown in layout.fields if layout else ():
        if shown.names == (field,):
            return shown.label
    return Words(fallback, fallback)
