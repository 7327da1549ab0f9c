"""The demo org's sObjects and fields: the metadata behind describe, validation, SOQL and storage.

The schema depends on the scenario: the LinkedIn package's fields (namespace `LID`) exist only
when the package is installed, `IsPersonAccount` only when person accounts are enabled.
`LinkedIn_Profile_URL__c` on Contact and Lead is an org-owned custom field (not the package's):
it holds the member's public profile URL, which the program matches on before email.
"""

from __future__ import annotations

from dataclasses import dataclass

from .scenarios import Scenario

STRING_TYPES = frozenset(
    {
        "id",
        "reference",
        "string",
        "email",
        "phone",
        "url",
        "textarea",
        "picklist",
        "combobox",
        "base64",
    }
)
NUMBER_TYPES = frozenset({"int", "double", "currency", "percent"})
_SOAP_TYPES = {
    "id": "tns:ID",
    "reference": "tns:ID",
    "boolean": "xsd:boolean",
    "int": "xsd:int",
    "double": "xsd:double",
    "currency": "xsd:double",
    "percent": "xsd:double",
    "date": "xsd:date",
    "datetime": "xsd:dateTime",
    "base64": "xsd:base64Binary",
}


@dataclass(frozen=True)
class FieldDef:
    name: str
    type: str
    label: str
    length: int = 0
    nillable: bool = True
    createable: bool = True
    updateable: bool = True
    reference_to: tuple[str, ...] = ()
    relationship_name: str | None = None
    picklist: tuple[str, ...] = ()
    restricted: bool = False
    default: object = None
    external_id: bool = False
    name_field: bool = False

    @property
    def custom(self) -> bool:
        return self.name.endswith("__c")

    @property
    def polymorphic(self) -> bool:
        return len(self.reference_to) > 1

    @property
    def required_on_create(self) -> bool:
        return not self.nillable and self.createable and self.default is None

    @property
    def sql_type(self) -> str:
        if self.type in ("boolean", "int"):
            return "INTEGER"
        if self.type in NUMBER_TYPES:
            return "REAL"
        # Salesforce compares and sorts text case-insensitively; ids stay binary (they are
        # normalised before comparison) so that sequential ids insert in index order
        text_like = self.type in STRING_TYPES and self.type not in ("id", "reference")
        return "TEXT COLLATE NOCASE" if text_like else "TEXT"

    def describe(self) -> dict:
        is_text = self.type in STRING_TYPES and self.type not in ("id", "reference")
        return {
            "name": self.name,
            "label": self.label,
            "type": self.type,
            "soapType": _SOAP_TYPES.get(self.type, "xsd:string"),
            "length": self.length,
            "byteLength": self.length * 3,
            "precision": 18 if self.type == "currency" else 0,
            "scale": 2 if self.type == "currency" else 0,
            "digits": 9 if self.type == "int" else 0,
            "nillable": self.nillable,
            "createable": self.createable,
            "updateable": self.updateable,
            "custom": self.custom,
            "externalId": self.external_id,
            "idLookup": self.type == "id" or self.external_id or self.type == "email",
            "nameField": self.name_field,
            "unique": self.type == "id",
            "calculated": False,
            "autoNumber": False,
            "defaultedOnCreate": self.default is not None or not self.createable,
            "defaultValue": self.default if self.type == "boolean" else None,
            "filterable": self.type != "textarea",
            "sortable": self.type != "textarea",
            "groupable": is_text or self.type in ("boolean", "date"),
            "caseSensitive": False,
            "htmlFormatted": False,
            "referenceTo": list(self.reference_to),
            "relationshipName": self.relationship_name,
            "polymorphicForeignKey": self.polymorphic,
            "cascadeDelete": False,
            "restrictedPicklist": self.restricted,
            "picklistValues": [
                {"value": v, "label": v, "active": True, "defaultValue": v == self.default}
                for v in self.picklist
            ],
            "inlineHelpText": None,
        }


@dataclass(frozen=True)
class SObjectDef:
    name: str
    label: str
    label_plural: str
    key_prefix: str
    fields: dict[str, FieldDef]
    writable: bool = True
    tooling: bool = False

    def __post_init__(self) -> None:
        by_lower = {name.lower(): f for name, f in self.fields.items()}
        object.__setattr__(self, "_by_lower", by_lower)

    def field(self, name: str) -> FieldDef | None:
        """Case-insensitive field lookup."""
        return self._by_lower.get(name.lower())

    def relationship(self, name: str) -> FieldDef | None:
        """The single-target lookup field whose relationship is called `name` (any case)."""
        lowered = name.lower()
        for f in self.fields.values():
            if f.relationship_name and f.relationship_name.lower() == lowered:
                return f
        return None

    def summary(self) -> dict:
        return {
            "name": self.name,
            "label": self.label,
            "labelPlural": self.label_plural,
            "keyPrefix": self.key_prefix,
            "custom": False,
            "customSetting": False,
            "queryable": True,
            "retrieveable": True,
            "searchable": self.writable,
            "createable": self.writable,
            "updateable": self.writable,
            "deletable": self.writable,
            "undeletable": self.writable,
            "mergeable": False,
            "replicateable": True,
            "triggerable": self.writable,
            "layoutable": self.writable,
            "feedEnabled": False,
            "mruEnabled": self.writable,
            "activateable": False,
            "deprecatedAndHidden": False,
            "hasSubtypes": False,
            "isSubtype": False,
            "isInterface": False,
            "associateEntityType": None,
            "associateParentEntity": None,
        }


# --- field constructors: one line per field in the object definitions below ---------------


def _label(name: str) -> str:
    base = name.removesuffix("__c").removesuffix("Id").split("__")[-1].replace("_", " ")
    return "".join(
        " " + c if c.isupper() and i and base[i - 1].islower() else c for i, c in enumerate(base)
    )


def text(name: str, length: int = 255, type_: str = "string", **kw) -> FieldDef:
    return FieldDef(name, type_, kw.pop("label", _label(name)), length=length, **kw)


def required(name: str, length: int = 255, **kw) -> FieldDef:
    return text(name, length, nillable=False, **kw)


def readonly(name: str, type_: str, length: int = 0, **kw) -> FieldDef:
    label = kw.pop("label", _label(name))
    return FieldDef(name, type_, label, length, createable=False, updateable=False, **kw)


def flag(name: str, default: bool = False, **kw) -> FieldDef:
    label = kw.pop("label", _label(name))
    return FieldDef(name, "boolean", label, nillable=False, default=default, **kw)


def number(name: str, type_: str = "double", **kw) -> FieldDef:
    return FieldDef(name, type_, kw.pop("label", _label(name)), **kw)


def when(name: str, type_: str = "date", **kw) -> FieldDef:
    return FieldDef(name, type_, kw.pop("label", _label(name)), **kw)


def lookup(name: str, to: str | tuple[str, ...], relationship: str | None = None, **kw) -> FieldDef:
    targets = (to,) if isinstance(to, str) else to
    rel = name.removesuffix("Id") if relationship is None else relationship or None
    label = kw.pop("label", _label(name) + " ID")
    return FieldDef(name, "reference", label, 18, reference_to=targets, relationship_name=rel, **kw)


def picklist(name: str, values: tuple[str, ...], **kw) -> FieldDef:
    return FieldDef(name, "picklist", kw.pop("label", _label(name)), 255, picklist=values, **kw)


def _system_fields(prefix_label: str) -> list[FieldDef]:
    return [
        readonly("Id", "id", 18, label=f"{prefix_label} ID", nillable=False),
        readonly("IsDeleted", "boolean", label="Deleted", nillable=False, default=False),
        readonly("CreatedDate", "datetime", nillable=False),
        readonly(
            "CreatedById",
            "reference",
            18,
            reference_to=("User",),
            relationship_name="CreatedBy",
            nillable=False,
        ),
        readonly("LastModifiedDate", "datetime", nillable=False),
        readonly(
            "LastModifiedById",
            "reference",
            18,
            reference_to=("User",),
            relationship_name="LastModifiedBy",
            nillable=False,
        ),
        readonly("SystemModstamp", "datetime", label="System Modstamp", nillable=False),
    ]


def _sobject(
    name: str,
    label: str,
    plural: str,
    prefix: str,
    fields: list[FieldDef],
    *,
    writable: bool = True,
    tooling: bool = False,
) -> SObjectDef:
    all_fields = _system_fields(label) + fields
    return SObjectDef(
        name,
        label,
        plural,
        prefix,
        {f.name: f for f in all_fields},
        writable=writable,
        tooling=tooling,
    )


# --- picklist values -------------------------------------------------------------------------

STAGES = (
    # (name, probability, forecast category, closed, won)
    ("Prospecting", 10, "Pipeline", False, False),
    ("Qualification", 10, "Pipeline", False, False),
    ("Needs Analysis", 20, "Pipeline", False, False),
    ("Value Proposition", 50, "Pipeline", False, False),
    ("Id. Decision Makers", 60, "Pipeline", False, False),
    ("Perception Analysis", 70, "Pipeline", False, False),
    ("Proposal/Price Quote", 75, "Pipeline", False, False),
    ("Negotiation/Review", 90, "Pipeline", False, False),
    ("Closed Won", 100, "Closed", True, True),
    ("Closed Lost", 0, "Omitted", True, False),
)
STAGE_NAMES = tuple(stage[0] for stage in STAGES)
INDUSTRIES = (
    "Manufacturing",
    "Technology",
    "Transportation",
    "Retail",
    "Energy",
    "Finance",
    "Healthcare",
    "Chemicals",
    "Consulting",
    "Construction",
    "Media",
    "Other",
)
LEAD_SOURCES = ("Web", "Phone Inquiry", "Partner Referral", "Trade Show", "LinkedIn", "Other")
LEAD_STATUSES = (
    "Open - Not Contacted",
    "Working - Contacted",
    "Closed - Converted",
    "Closed - Not Converted",
)
TASK_STATUSES = (
    # (name, closed): Salesforce's default Task Status picklist; only Completed closes a task
    ("Not Started", False),
    ("In Progress", False),
    ("Completed", True),
    ("Waiting on someone else", False),
    ("Deferred", False),
)
TASK_STATUS_NAMES = tuple(status[0] for status in TASK_STATUSES)
TASK_SUBTYPES = ("Task", "Email", "ListEmail", "Cadence", "Call", "LinkedIn")
CONTACT_ROLES = (
    "Business User",
    "Decision Maker",
    "Economic Buyer",
    "Economic Decision Maker",
    "Evaluator",
    "Executive Sponsor",
    "Influencer",
    "Technical Buyer",
    "Other",
)


def _linkedin_person_fields(scenario: Scenario) -> list[FieldDef]:
    fields = [text("LinkedIn_Profile_URL__c", type_="url", label="LinkedIn Profile URL")]
    if scenario.package_installed:
        fields.append(text("LID__LinkedIn_Member_Token__c", label="LinkedIn Member Token"))
    return fields


def _organization() -> SObjectDef:
    return _sobject(
        "Organization",
        "Organization",
        "Organizations",
        "00D",
        [
            readonly("Name", "string", 80, name_field=True),
            readonly(
                "OrganizationType",
                "picklist",
                40,
                label="Edition",
                picklist=(
                    "Team Edition",
                    "Professional Edition",
                    "Enterprise Edition",
                    "Developer Edition",
                    "Unlimited Edition",
                    "Performance Edition",
                ),
            ),
            readonly("IsSandbox", "boolean", nillable=False, default=False),
            readonly("InstanceName", "string", 5),
            readonly("NamespacePrefix", "string", 15),
            readonly("Street", "textarea", 255),
            readonly("City", "string", 40),
            readonly("PostalCode", "string", 20, label="Zip/Postal Code"),
            readonly("Country", "string", 80),
            readonly("Phone", "phone", 40),
            readonly("LanguageLocaleKey", "picklist", 40, label="Language"),
            readonly("TimeZoneSidKey", "picklist", 40, label="Time Zone"),
            readonly("DefaultLocaleSidKey", "picklist", 40, label="Locale"),
            readonly("DefaultCurrencyIsoCode", "picklist", 3, label="Currency"),
            readonly("TrialExpirationDate", "datetime"),
        ],
        writable=False,
    )


def _user_role() -> SObjectDef:
    return _sobject(
        "UserRole",
        "Role",
        "Roles",
        "00E",
        [
            required("Name", 80, name_field=True),
            text("DeveloperName", 80),
            lookup("ParentRoleId", "UserRole", relationship="", label="Parent Role ID"),
            text("RollupDescription", 80),
        ],
        writable=False,
    )


def _permission_fields() -> list[FieldDef]:
    return [
        flag("PermissionsApiEnabled", label="API Enabled"),
        flag("PermissionsViewAllData", label="View All Data"),
        flag("PermissionsModifyAllData", label="Modify All Data"),
    ]


def _profile() -> SObjectDef:
    return _sobject(
        "Profile",
        "Profile",
        "Profiles",
        "00e",
        [
            required("Name", 255, name_field=True),
            picklist("UserType", ("Standard", "PowerPartner", "CsnOnly", "Guest")),
            text("Description", 255),
            *_permission_fields(),
        ],
        writable=False,
    )


def _permission_set() -> SObjectDef:
    return _sobject(
        "PermissionSet",
        "Permission Set",
        "Permission Sets",
        "0PS",
        [
            required("Name", 80),
            required("Label", 80, name_field=True),
            flag("IsOwnedByProfile", label="Is Owned By Profile"),
            lookup("ProfileId", "Profile"),
            *_permission_fields(),
        ],
        writable=False,
    )


def _permission_set_assignment() -> SObjectDef:
    return _sobject(
        "PermissionSetAssignment",
        "Permission Set Assignment",
        "Permission Set Assignments",
        "0Pa",
        [
            lookup("AssigneeId", "User", nillable=False),
            lookup("PermissionSetId", "PermissionSet", nillable=False),
        ],
        writable=False,
    )


def _user() -> SObjectDef:
    return _sobject(
        "User",
        "User",
        "Users",
        "005",
        [
            required("Username", 80, external_id=True),
            text("FirstName", 40),
            required("LastName", 80),
            readonly("Name", "string", 121, label="Full Name", name_field=True),
            required("Email", 128, type_="email"),
            required("Alias", 8),
            flag("IsActive", default=True, label="Active"),
            lookup("ProfileId", "Profile", nillable=False),
            lookup("UserRoleId", "UserRole", relationship="UserRole", label="Role ID"),
            lookup("ManagerId", "User", relationship="Manager"),
            text("Title", 80),
            text("Department", 80),
            text("CompanyName", 80),
            readonly("UserType", "picklist", 40, picklist=("Standard",)),
            text("TimeZoneSidKey", 40, type_="picklist", label="Time Zone"),
            text("LocaleSidKey", 40, type_="picklist", label="Locale"),
            text("LanguageLocaleKey", 40, type_="picklist", label="Language"),
            text("EmailEncodingKey", 40, type_="picklist", label="Email Encoding"),
            readonly("LastLoginDate", "datetime"),
        ],
        writable=False,
    )


def _account(scenario: Scenario) -> SObjectDef:
    fields = [
        required("Name", 255, label="Account Name", name_field=True),
        picklist(
            "Type",
            ("Prospect", "Customer - Direct", "Customer - Channel", "Partner", "Other"),
            label="Account Type",
        ),
        picklist("Industry", INDUSTRIES),
        text("Website", type_="url"),
        text("Phone", 40, type_="phone", label="Account Phone"),
        text("BillingStreet", 255, type_="textarea"),
        text("BillingCity", 40),
        text("BillingPostalCode", 20, label="Billing Zip/Postal Code"),
        text("BillingCountry", 80),
        number("NumberOfEmployees", "int", label="Employees"),
        number("AnnualRevenue", "currency"),
        text("Description", 32000, type_="textarea", label="Account Description"),
        lookup("ParentId", "Account", relationship="Parent", label="Parent Account ID"),
        lookup("OwnerId", "User", relationship="Owner", label="Owner ID"),
    ]
    if scenario.person_accounts:
        fields.append(readonly("IsPersonAccount", "boolean", nillable=False, default=False))
        fields.append(text("PersonEmail", 80, type_="email", label="Email"))
    if scenario.package_installed:
        fields.append(text("LID__LinkedIn_Company_Id__c", 50, label="LinkedIn Company Id"))
    return _sobject("Account", "Account", "Accounts", "001", fields)


def _contact(scenario: Scenario) -> SObjectDef:
    fields = [
        picklist("Salutation", ("Mr.", "Ms.", "Mrs.", "Dr.", "Prof.")),
        text("FirstName", 40),
        required("LastName", 80),
        readonly("Name", "string", 121, label="Full Name", name_field=True),
        lookup("AccountId", "Account"),
        text("Email", 80, type_="email"),
        text("Phone", 40, type_="phone", label="Business Phone"),
        text("MobilePhone", 40, type_="phone"),
        text("Title", 128),
        text("Department", 80),
        text("MailingCity", 40),
        text("MailingCountry", 80),
        picklist("LeadSource", LEAD_SOURCES),
        text("Description", 32000, type_="textarea", label="Contact Description"),
        lookup("OwnerId", "User", relationship="Owner", label="Owner ID"),
        *_linkedin_person_fields(scenario),
    ]
    if scenario.person_accounts:
        fields.append(readonly("IsPersonAccount", "boolean", nillable=False, default=False))
    return _sobject("Contact", "Contact", "Contacts", "003", fields)


def _lead(scenario: Scenario) -> SObjectDef:
    return _sobject(
        "Lead",
        "Lead",
        "Leads",
        "00Q",
        [
            text("FirstName", 40),
            required("LastName", 80),
            readonly("Name", "string", 121, label="Full Name", name_field=True),
            required("Company", 255),
            text("Email", 80, type_="email"),
            text("Phone", 40, type_="phone"),
            text("Title", 128),
            picklist(
                "Status",
                LEAD_STATUSES,
                nillable=False,
                restricted=True,
                default=LEAD_STATUSES[0],
                label="Lead Status",
            ),
            picklist("LeadSource", LEAD_SOURCES),
            picklist("Industry", INDUSTRIES),
            text("City", 40),
            text("Country", 80),
            readonly("IsConverted", "boolean", nillable=False, default=False, label="Converted"),
            lookup("OwnerId", "User", relationship="Owner", label="Owner ID"),
            *_linkedin_person_fields(scenario),
        ],
    )


def _opportunity() -> SObjectDef:
    return _sobject(
        "Opportunity",
        "Opportunity",
        "Opportunities",
        "006",
        [
            required("Name", 120, label="Opportunity Name", name_field=True),
            lookup("AccountId", "Account"),
            picklist("StageName", STAGE_NAMES, nillable=False, restricted=True, label="Stage"),
            number("Amount", "currency"),
            number("Probability", "percent", label="Probability (%)"),
            readonly("ExpectedRevenue", "currency", label="Expected Amount"),
            number("Contract_Value_Net__c", "currency", label="Contract Value (net)"),
            when("CloseDate", nillable=False),
            picklist(
                "Type", ("New Business", "Existing Business", "Renewal"), label="Opportunity Type"
            ),
            picklist("LeadSource", LEAD_SOURCES),
            text("NextStep", 255),
            text("Description", 32000, type_="textarea"),
            readonly("IsClosed", "boolean", nillable=False, default=False, label="Closed"),
            readonly("IsWon", "boolean", nillable=False, default=False, label="Won"),
            readonly(
                "ForecastCategoryName",
                "picklist",
                40,
                label="Forecast Category",
                picklist=("Pipeline", "Best Case", "Commit", "Closed", "Omitted"),
            ),
            lookup("OwnerId", "User", relationship="Owner", label="Owner ID"),
        ],
    )


def _picklist_values(name: str, label: str, fields: list[FieldDef]) -> SObjectDef:
    """A picklist's values as a read-only object, as Salesforce offers OpportunityStage and
    TaskStatus. All such objects share the key prefix 01J; the seed numbers their rows apart."""
    common = [
        readonly("MasterLabel", "string", 255, label="Master Label", name_field=True),
        readonly("ApiName", "string", 255),
        readonly("IsClosed", "boolean", nillable=False, default=False),
        readonly("SortOrder", "int"),
    ]
    return _sobject(name, label, f"{label}s", "01J", common + fields, writable=False)


def _opportunity_stage() -> SObjectDef:
    return _picklist_values(
        "OpportunityStage",
        "Opportunity Stage",
        [
            readonly("IsActive", "boolean", nillable=False, default=True),
            readonly("IsWon", "boolean", nillable=False, default=False),
            readonly("DefaultProbability", "percent"),
            readonly("ForecastCategoryName", "picklist", 40, label="Forecast Category"),
            readonly("Description", "string", 255),
        ],
    )


def _task_status() -> SObjectDef:
    return _picklist_values(
        "TaskStatus",
        "Task Status Value",
        [readonly("IsDefault", "boolean", nillable=False, default=False)],
    )


def _opportunity_contact_role() -> SObjectDef:
    return _sobject(
        "OpportunityContactRole",
        "Contact Role",
        "Contact Roles",
        "00K",
        [
            lookup("OpportunityId", "Opportunity", nillable=False),
            lookup("ContactId", "Contact", nillable=False),
            picklist("Role", CONTACT_ROLES),
            flag("IsPrimary", label="Primary"),
        ],
    )


def _task(scenario: Scenario) -> SObjectDef:
    fields = [
        text("Subject", 255, type_="combobox", picklist=("Call", "Email", "Send Letter", "Other")),
        picklist(
            "Status", TASK_STATUS_NAMES, nillable=False, restricted=True, default="Not Started"
        ),
        picklist(
            "Priority", ("High", "Normal", "Low"), nillable=False, restricted=True, default="Normal"
        ),
        when("ActivityDate", label="Due Date Only"),
        text("Description", 32000, type_="textarea", label="Comments"),
        lookup("WhoId", ("Contact", "Lead"), relationship="Who", label="Name ID"),
        lookup("WhatId", ("Account", "Opportunity"), relationship="What", label="Related To ID"),
        lookup("OwnerId", "User", relationship="Owner", label="Assigned To ID"),
        picklist("TaskSubtype", TASK_SUBTYPES, restricted=True, updateable=False),
        picklist("Type", ("Call", "Email", "Meeting", "Other")),
        readonly("IsClosed", "boolean", nillable=False, default=False, label="Closed"),
    ]
    if scenario.package_installed:
        fields.append(when("LID__Date_Sent__c", "datetime", label="Date Sent"))
        fields.append(text("LID__URL__c", type_="url", label="URL"))
    return _sobject("Task", "Task", "Tasks", "00T", fields)


def _content_note() -> SObjectDef:
    return _sobject(
        "ContentNote",
        "Note",
        "Notes",
        "069",
        [
            required("Title", 255, name_field=True),
            text("Content", 131072, type_="base64"),
            readonly("TextPreview", "string", 255),
            readonly("FileType", "string", 20),
            lookup("OwnerId", "User", relationship="Owner", label="Owner ID"),
        ],
    )


def _content_document() -> SObjectDef:
    # Only notes are stored: ContentDocument is a read-only view of the ContentNote table.
    return _sobject(
        "ContentDocument",
        "Content Document",
        "Content Documents",
        "069",
        [
            readonly("Title", "string", 255, name_field=True),
            readonly("FileType", "string", 20),
            readonly("OwnerId", "reference", 18, reference_to=("User",), relationship_name="Owner"),
        ],
        writable=False,
    )


def _content_document_link() -> SObjectDef:
    return _sobject(
        "ContentDocumentLink",
        "Content Document Link",
        "Content Document Links",
        "06A",
        [
            lookup("ContentDocumentId", "ContentDocument", nillable=False, updateable=False),
            lookup(
                "LinkedEntityId",
                ("Contact", "Lead", "Account", "Opportunity", "User"),
                relationship="LinkedEntity",
                nillable=False,
                updateable=False,
            ),
            picklist(
                "ShareType", ("V", "C", "I"), restricted=True, default="V", label="Share Type"
            ),
            picklist(
                "Visibility",
                ("AllUsers", "InternalUsers", "SharedUsers"),
                restricted=True,
                default="AllUsers",
            ),
        ],
    )


def _tooling_objects() -> list[SObjectDef]:
    return [
        _sobject(
            "SubscriberPackage",
            "Subscriber Package",
            "Subscriber Packages",
            "033",
            [
                readonly("Name", "string", 255, name_field=True),
                readonly("NamespacePrefix", "string", 15),
                readonly("Description", "string", 255),
            ],
            writable=False,
            tooling=True,
        ),
        _sobject(
            "SubscriberPackageVersion",
            "Subscriber Package Version",
            "Subscriber Package Versions",
            "04t",
            [
                readonly("Name", "string", 255, name_field=True),
                readonly(
                    "SubscriberPackageId",
                    "reference",
                    18,
                    reference_to=("SubscriberPackage",),
                    relationship_name="SubscriberPackage",
                ),
                readonly("MajorVersion", "int"),
                readonly("MinorVersion", "int"),
                readonly("PatchVersion", "int"),
                readonly("BuildNumber", "int"),
            ],
            writable=False,
            tooling=True,
        ),
        _sobject(
            "ValidationRule",
            "Validation Rule",
            "Validation Rules",
            "03d",
            [
                readonly("ValidationName", "string", 40, name_field=True, label="Rule Name"),
                # for standard objects the tooling API's EntityDefinitionId is the object's name
                readonly("EntityDefinitionId", "string", 18, label="Object"),
                readonly("Active", "boolean", nillable=False, default=False),
                readonly("ErrorMessage", "string", 255),
                readonly("ErrorDisplayField", "string", 255),
            ],
            writable=False,
            tooling=True,
        ),
        _sobject(
            # Sandboxes copied from this org; the CLI looks here after a login. Production
            # scenarios have none.
            "SandboxProcess",
            "Sandbox Process",
            "Sandbox Processes",
            "0GR",
            [
                readonly("SandboxName", "string", 10, name_field=True),
                readonly("SandboxInfoId", "reference", 18, reference_to=("SandboxInfo",)),
                readonly("SandboxOrganization", "string", 18),
                readonly("SourceId", "reference", 18, reference_to=("SandboxInfo",)),
                readonly(
                    "Status",
                    "picklist",
                    40,
                    picklist=("Pending", "Processing", "Completed", "Activating", "Deleted"),
                ),
                readonly("LicenseType", "picklist", 40),
                readonly("CopyProgress", "int"),
                readonly("Description", "string", 255),
                readonly("Features", "string", 255),
                readonly("StartDate", "datetime"),
                readonly("EndDate", "datetime"),
            ],
            writable=False,
            tooling=True,
        ),
        _sobject(
            "InstalledSubscriberPackage",
            "Installed Package",
            "Installed Packages",
            "0A3",
            [
                readonly(
                    "SubscriberPackageId",
                    "reference",
                    18,
                    reference_to=("SubscriberPackage",),
                    relationship_name="SubscriberPackage",
                ),
                readonly(
                    "SubscriberPackageVersionId",
                    "reference",
                    18,
                    reference_to=("SubscriberPackageVersion",),
                    relationship_name="SubscriberPackageVersion",
                ),
            ],
            writable=False,
            tooling=True,
        ),
    ]


def build_schema(scenario: Scenario) -> dict[str, SObjectDef]:
    """All sObjects of an org seeded with `scenario`, data objects first, tooling objects last."""
    objects = [
        _organization(),
        _user_role(),
        _profile(),
        _permission_set(),
        _permission_set_assignment(),
        _user(),
        _account(scenario),
        _contact(scenario),
        _lead(scenario),
        _opportunity(),
        _opportunity_stage(),
        _task_status(),
        _opportunity_contact_role(),
        _task(scenario),
        _content_note(),
        _content_document(),
        _content_document_link(),
        *_tooling_objects(),
    ]
    return {obj.name: obj for obj in objects}
