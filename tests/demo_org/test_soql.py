# ruff: noqa: S608 - the f-strings build SOQL for the store under test, not SQL
"""SOQL through OrgStore.query: every supported construct, checked against the data itself."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from navsync_desktop.demo_org.errors import ApiError
from navsync_desktop.demo_org.soql.literals import date_range, decode_string
from navsync_desktop.demo_org.store import LATEST_SOBJECTS_PATH, OrgStore

RECORDS = 400


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> OrgStore:
    store = OrgStore.open(tmp_path_factory.mktemp("soql") / "org.db", records=RECORDS)
    admin = store.user_by_username("integration@northwind-demo.example")["Id"]
    # records with awkward values the seed does not have
    store.create("Contact", {"LastName": "O'Brien \\ Nolan", "Email": None}, user_id=admin)
    store.create("Contact", {"LastName": "Percent 100% Sure_Thing"}, user_id=admin)
    yield store
    store.close()


def records(org: OrgStore, soql: str, **kwargs) -> list[dict]:
    cursor = org.query(soql, **kwargs)
    try:
        return [record for page in cursor.pages(1000) for record in page]
    finally:
        cursor.close()


def ids(org: OrgStore, soql: str) -> set[str]:
    return {record["Id"] for record in records(org, soql)}


@pytest.fixture(scope="module")
def contacts(org: OrgStore) -> list[dict]:
    return records(
        org, "SELECT Id, FirstName, LastName, Email, AccountId, CreatedDate FROM Contact"
    )


@pytest.fixture(scope="module")
def opportunities(org: OrgStore) -> list[dict]:
    soql = "SELECT Id, Amount, StageName, IsWon, CloseDate, Probability FROM Opportunity"
    return records(org, soql)


def query_error(org: OrgStore, soql: str, **kwargs) -> ApiError:
    with pytest.raises(ApiError) as caught:
        org.query(soql, **kwargs)
    assert caught.value.status == 400
    return caught.value


# --- select lists and parent relationships ----------------------------------------------------


def test_field_list_with_parent_paths_gives_nested_records_in_canonical_case(org: OrgStore):
    rows = records(
        org,
        "select id, name, account.name, ACCOUNT.owner.email, owner.Email from contact "
        "where accountid != null limit 5",
    )
    cursor = org.query("select id, account.owner.email from CONTACT")
    assert cursor.sobject == "Contact"
    assert cursor.columns == ["Id", "Account.Owner.Email"]
    assert len(rows) == 5
    first = rows[0]
    assert list(first) == ["attributes", "Id", "Name", "Account", "Owner"]
    sobjects = LATEST_SOBJECTS_PATH
    assert first["attributes"] == {"type": "Contact", "url": f"{sobjects}/Contact/{first['Id']}"}
    (contact,) = records(org, f"SELECT AccountId, OwnerId FROM Contact WHERE Id = '{first['Id']}'")
    account = first["Account"]
    assert account["attributes"] == {
        "type": "Account",
        "url": f"{sobjects}/Account/{contact['AccountId']}",
    }, "parents carry type and url, though their Id was not selected"
    assert set(account) == {"attributes", "Name", "Owner"}
    assert account["Owner"]["Email"].endswith("@northwind-demo.example")
    assert first["Owner"]["attributes"]["url"] == f"{sobjects}/User/{contact['OwnerId']}"


def test_empty_lookup_gives_none_not_a_dict_of_nulls(org: OrgStore):
    rows = records(org, "SELECT Id, Account.Name FROM Contact WHERE AccountId = null")
    assert len(rows) == 2
    assert all(row["Account"] is None for row in rows)


def test_permission_checks_read_through_assignments(org: OrgStore):
    user = org.user_by_username("integration@northwind-demo.example")
    rows = records(
        org,
        "SELECT PermissionSet.PermissionsModifyAllData, PermissionSet.PermissionsViewAllData "
        f"FROM PermissionSetAssignment WHERE AssigneeId = '{user['Id']}'",
    )
    assert any(row["PermissionSet"]["PermissionsModifyAllData"] is True for row in rows)


def test_count_matches_the_rows_it_counts(org: OrgStore, contacts: list[dict]):
    cursor = org.query("SELECT COUNT() FROM Contact WHERE Email != null")
    assert cursor.is_count
    assert cursor.total_size == sum(1 for c in contacts if c["Email"] is not None)
    assert list(cursor.pages(100)) == []
    assert cursor.columns == []


def test_fifteen_char_ids_match_their_eighteen_char_records(org: OrgStore, contacts: list[dict]):
    target = contacts[7]["Id"]
    assert ids(org, f"SELECT Id FROM Contact WHERE Id = '{target[:15]}'") == {target}
    assert ids(org, f"SELECT Id FROM Contact WHERE Id = '{target.lower()}'") == {target}


# --- WHERE --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("operator", "check"),
    [
        ("=", lambda amount: amount == 50_000),
        ("<", lambda amount: amount < 50_000),
        ("<=", lambda amount: amount <= 50_000),
        (">", lambda amount: amount > 50_000),
        (">=", lambda amount: amount >= 50_000),
        ("!=", lambda amount: amount != 50_000),
        ("<>", lambda amount: amount != 50_000),
    ],
)
def test_number_comparisons(org: OrgStore, opportunities: list[dict], operator, check):
    expected = {o["Id"] for o in opportunities if check(o["Amount"])}
    assert ids(org, f"SELECT Id FROM Opportunity WHERE Amount {operator} 50000") == expected


def test_string_equality_is_case_insensitive(org: OrgStore, contacts: list[dict]):
    email = next(c["Email"] for c in contacts if c["Email"])
    expected = {c["Id"] for c in contacts if c["Email"] == email}
    assert ids(org, f"SELECT Id FROM Contact WHERE Email = '{email.upper()}'") == expected


def test_not_equal_includes_null_values_as_in_salesforce(org: OrgStore, contacts: list[dict]):
    email = next(c["Email"] for c in contacts if c["Email"])
    expected = {c["Id"] for c in contacts if c["Email"] != email}
    assert ids(org, f"SELECT Id FROM Contact WHERE Email != '{email}'") == expected
    assert any(c["Email"] is None for c in contacts if c["Id"] in expected)


def test_null_and_boolean_literals(org: OrgStore, contacts: list[dict], opportunities):
    assert ids(org, "SELECT Id FROM Contact WHERE Email = NULL") == {
        c["Id"] for c in contacts if c["Email"] is None
    }
    won = {o["Id"] for o in opportunities if o["IsWon"]}
    assert won and ids(org, "SELECT Id FROM Opportunity WHERE IsWon = TRUE") == won
    assert ids(org, "SELECT Id FROM Opportunity WHERE IsWon = false") == (
        {o["Id"] for o in opportunities} - won
    )


def test_like_with_wildcards_and_escapes(org: OrgStore, contacts: list[dict]):
    expected = {c["Id"] for c in contacts if c["LastName"].lower().startswith("sch")}
    assert ids(org, "SELECT Id FROM Contact WHERE LastName LIKE 'sch%'") == expected
    expected = {c["Id"] for c in contacts if len(c["LastName"]) == 4}
    assert ids(org, "SELECT Id FROM Contact WHERE LastName LIKE '____'") == expected
    assert len(ids(org, "SELECT Id FROM Contact WHERE LastName LIKE '%100\\%%'")) == 1
    assert len(ids(org, "SELECT Id FROM Contact WHERE LastName LIKE '%e\\_T%'")) == 1
    assert ids(org, "SELECT Id FROM Contact WHERE LastName LIKE '%0\\_%'") == set()


def test_in_and_not_in(org: OrgStore, opportunities: list[dict]):
    stages = ("Closed Won", "Prospecting")
    inside = {o["Id"] for o in opportunities if o["StageName"] in stages}
    soql = "SELECT Id FROM Opportunity WHERE StageName {} ('Closed Won', 'prospecting')"
    assert ids(org, soql.format("IN")) == inside
    assert ids(org, soql.format("NOT IN")) == {o["Id"] for o in opportunities} - inside


def test_in_with_null_matches_missing_values(org: OrgStore, contacts: list[dict]):
    email = next(c["Email"] for c in contacts if c["Email"])
    expected = {c["Id"] for c in contacts if c["Email"] in (email, None)}
    assert ids(org, f"SELECT Id FROM Contact WHERE Email IN ('{email}', null)") == expected


def test_and_or_not_and_parentheses(org: OrgStore, opportunities: list[dict]):
    expected = {
        o["Id"]
        for o in opportunities
        if (o["StageName"] == "Closed Won" or o["Amount"] > 200_000) and not o["Amount"] < 20_000
    }
    soql = (
        "SELECT Id FROM Opportunity WHERE (StageName = 'Closed Won' OR Amount > 200000) "
        "AND NOT Amount < 20000"
    )
    assert ids(org, soql) == expected


def test_and_mixed_with_or_without_parentheses_is_malformed(org: OrgStore):
    error = query_error(
        org, "SELECT Id FROM Contact WHERE Email = null AND LastName = 'a' OR Id = null"
    )
    assert error.error_code == "MALFORMED_QUERY"
    assert error.message.endswith("unexpected token: 'OR'")


def test_string_escapes(org: OrgStore):
    rows = records(org, "SELECT LastName FROM Contact WHERE LastName = 'O\\'Brien \\\\ Nolan'")
    assert [row["LastName"] for row in rows] == ["O'Brien \\ Nolan"]


def test_literal_text_never_becomes_sql(org: OrgStore):
    soql = "SELECT Id FROM Contact WHERE LastName = 'x\\' OR 1=1; DROP TABLE Contact; --'"
    assert ids(org, soql) == set()
    assert org.query("SELECT COUNT() FROM Contact").total_size == RECORDS + 2


def test_date_literals_compare_date_fields(org: OrgStore, opportunities: list[dict]):
    pivot = sorted(o["CloseDate"] for o in opportunities)[len(opportunities) // 2]
    expected = {o["Id"] for o in opportunities if o["CloseDate"] >= pivot}
    assert ids(org, f"SELECT Id FROM Opportunity WHERE CloseDate >= {pivot}") == expected
    today = datetime.now(UTC).date().isoformat()
    assert ids(org, "SELECT Id FROM Opportunity WHERE CloseDate < TODAY") == {
        o["Id"] for o in opportunities if o["CloseDate"] < today
    }


def test_datetime_literals_with_zone_offsets(org: OrgStore, contacts: list[dict]):
    created = sorted(c["CreatedDate"] for c in contacts)[len(contacts) // 2]
    moment = datetime.strptime(created, "%Y-%m-%dT%H:%M:%S.%f%z")
    in_berlin = moment.astimezone(datetime.now().astimezone().tzinfo).replace(microsecond=0)
    expected = {c["Id"] for c in contacts if c["CreatedDate"] > created}
    literal = in_berlin.isoformat()  # e.g. 2025-03-01T11:22:33+01:00
    assert ids(org, f"SELECT Id FROM Contact WHERE CreatedDate > {literal}") == expected
    zulu = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert ids(org, f"SELECT Id FROM Contact WHERE CreatedDate > {zulu}") == expected
    with_millis = moment.strftime("%Y-%m-%dT%H:%M:%S.000+0000")
    assert ids(org, f"SELECT Id FROM Contact WHERE CreatedDate > {with_millis}") == expected


def test_relative_date_literals_on_datetime_fields(org: OrgStore, contacts: list[dict]):
    created_today = {c["Id"] for c in contacts if c["LastName"].startswith(("O'Brien", "Percent"))}
    assert ids(org, "SELECT Id FROM Contact WHERE CreatedDate = TODAY") == created_today
    assert ids(org, "SELECT Id FROM Contact WHERE CreatedDate > YESTERDAY") == created_today
    cutoff = (datetime.now(UTC).date() - timedelta(days=100)).isoformat()
    recent = {c["Id"] for c in contacts if c["CreatedDate"][:10] >= cutoff}
    assert ids(org, "SELECT Id FROM Contact WHERE CreatedDate = LAST_N_DAYS:100") == recent
    assert ids(org, "SELECT Id FROM Contact WHERE CreatedDate = NEXT_N_DAYS:3") == set()


def test_date_literal_ranges():
    today = date(2026, 3, 4)  # a Wednesday
    assert date_range("TODAY", today) == (today, date(2026, 3, 5))
    assert date_range("yesterday", today) == (date(2026, 3, 3), today)
    assert date_range("LAST_N_DAYS:7", today) == (date(2026, 2, 25), date(2026, 3, 5))
    assert date_range("NEXT_N_DAYS:2", today) == (date(2026, 3, 5), date(2026, 3, 7))
    assert date_range("THIS_WEEK", today) == (date(2026, 3, 2), date(2026, 3, 9))
    assert date_range("THIS_MONTH", today) == (date(2026, 3, 1), date(2026, 4, 1))
    assert date_range("LAST_MONTH", date(2026, 1, 15)) == (date(2025, 12, 1), date(2026, 1, 1))
    assert date_range("THIS_YEAR", today) == (date(2026, 1, 1), date(2027, 1, 1))


def test_string_literal_decoding():
    assert decode_string(r"'a\'b\\c\nd\tE\"'") == "a'b\\c\nd\tE\""
    assert decode_string(r"'50\%'", like=True) == r"50\%"
    assert decode_string(r"'\u00fc'") == "ü"


# --- ORDER BY, LIMIT, OFFSET --------------------------------------------------------------------


def test_order_by_several_fields_and_directions(org: OrgStore, opportunities: list[dict]):
    rows = records(
        org, "SELECT Id, StageName, Amount FROM Opportunity ORDER BY StageName, Amount DESC"
    )
    keys = [(row["StageName"].lower(), -row["Amount"]) for row in rows]
    assert keys == sorted(keys)
    assert len(rows) == len(opportunities)


def test_nulls_first_and_last(org: OrgStore):
    first = records(org, "SELECT Email FROM Contact ORDER BY Email ASC NULLS FIRST LIMIT 1")
    last = records(org, "SELECT Email FROM Contact ORDER BY Email DESC NULLS FIRST LIMIT 1")
    default_desc = records(org, "SELECT Email FROM Contact ORDER BY Email DESC LIMIT 1")
    nulls_last = records(org, "SELECT Email FROM Contact ORDER BY Email NULLS LAST LIMIT 1")
    assert first[0]["Email"] is None
    assert last[0]["Email"] is None
    assert default_desc[0]["Email"] is not None
    assert nulls_last[0]["Email"] is not None


def test_order_by_parent_field(org: OrgStore):
    rows = records(
        org, "SELECT Account.Name FROM Contact WHERE AccountId != null ORDER BY Account.Name"
    )
    names = [row["Account"]["Name"].lower() for row in rows]
    assert names == sorted(names)


def test_limit_and_offset_page_through_the_ordered_rows(org: OrgStore):
    everything = [r["Id"] for r in records(org, "SELECT Id FROM Contact ORDER BY Id")]
    cursor = org.query("SELECT Id FROM Contact ORDER BY Id LIMIT 10 OFFSET 20")
    assert cursor.total_size == 10
    assert [r["Id"] for page in cursor.pages(3) for r in page] == everything[20:30]
    assert org.query("SELECT COUNT() FROM Contact LIMIT 7").total_size == 7


# --- tooling ------------------------------------------------------------------------------------


def test_tooling_query_lists_installed_packages(org: OrgStore):
    cursor = org.tooling_query(
        "SELECT SubscriberPackage.NamespacePrefix, SubscriberPackage.Name "
        "FROM InstalledSubscriberPackage"
    )
    packages = {
        r["SubscriberPackage"]["NamespacePrefix"] for page in cursor.pages(10) for r in page
    }
    assert "LID" in packages


def test_tooling_objects_are_not_data_objects(org: OrgStore):
    assert (
        query_error(org, "SELECT Id FROM InstalledSubscriberPackage").error_code == "INVALID_TYPE"
    )
    with pytest.raises(ApiError) as caught:
        org.tooling_query("SELECT Id FROM Contact")
    assert caught.value.error_code == "INVALID_TYPE"


# --- errors worded like Salesforce --------------------------------------------------------------


def test_unknown_field_is_invalid_field_with_a_pointer(org: OrgStore):
    error = query_error(org, "SELECT Nme FROM Contact")
    assert error.error_code == "INVALID_FIELD"
    assert error.message == (
        "\nSELECT Nme FROM Contact\n       ^\nERROR at Row:1:Column:8\n"
        "No such column 'Nme' on entity 'Contact'. If you are attempting to use a custom field, "
        "be sure to append the '__c' after the custom field name. Please reference your WSDL or "
        "the describe call for the appropriate names."
    )
    assert error.to_body() == [
        {"message": error.message, "errorCode": "INVALID_FIELD", "fields": []}
    ]


def test_unknown_object_is_invalid_type(org: OrgStore):
    error = query_error(org, "SELECT Id FROM Contct")
    assert error.error_code == "INVALID_TYPE"
    assert "ERROR at Row:1:Column:16\nsObject type 'Contct' is not supported." in error.message


def test_unknown_relationship(org: OrgStore):
    error = query_error(org, "SELECT Acount.Name FROM Contact")
    assert error.error_code == "INVALID_FIELD"
    assert "Didn't understand relationship 'Acount' in field path." in error.message


def test_syntax_errors_are_malformed_with_row_and_column(org: OrgStore):
    error = query_error(org, "SELECT Id FROM Contact\nWHERE Name = 'x' Email = 'y'")
    assert error.error_code == "MALFORMED_QUERY"
    assert error.message == (
        "\nWHERE Name = 'x' Email = 'y'\n                 ^\nERROR at Row:2:Column:18\n"
        "unexpected token: 'Email'"
    )
    error = query_error(org, "SELECT Id FROM Contact WHERE")
    assert error.message.endswith("unexpected token: <EOF>")
    error = query_error(org, "SELECT Id FROM Contact WHERE Name = 'x' LIMIT ten")
    assert error.error_code == "MALFORMED_QUERY"


def test_value_of_the_wrong_type(org: OrgStore):
    error = query_error(org, "SELECT Id FROM Contact WHERE Email = 5")
    assert error.error_code == "INVALID_FIELD"
    assert error.message.endswith(
        "value of filter criterion for field 'Email' must be of type string and should be "
        "enclosed in quotes"
    )
    error = query_error(org, "SELECT Id FROM Opportunity WHERE Amount = '5'")
    assert "must be of type double and should not be enclosed in quotes" in error.message
    error = query_error(org, "SELECT Id FROM Contact WHERE CreatedDate > 2026-01-01")
    assert "must be of type dateTime" in error.message


def test_bad_id_and_duplicate_field(org: OrgStore):
    assert query_error(org, "SELECT Id FROM Contact WHERE Id = 'nope'").error_code == (
        "INVALID_QUERY_FILTER_OPERATOR"
    )
    error = query_error(org, "SELECT Id, Name, id FROM Contact")
    assert error.message.endswith("duplicate field selected: Id")


def test_invalid_escape_is_malformed(org: OrgStore):
    error = query_error(org, "SELECT Id FROM Contact WHERE LastName = 'a\\qb'")
    assert error.error_code == "MALFORMED_QUERY"
    assert "Illegal character sequence '\\q'" in error.message


OUT_OF_RANGE = [
    ("SELECT Id FROM Contact LIMIT 99999999999999999999", "MALFORMED_QUERY", "number too large"),
    ("SELECT Id FROM Contact LIMIT 2147483648", "MALFORMED_QUERY", "number too large"),
    ("SELECT Id FROM Contact ORDER BY Id OFFSET 2001", "NUMBER_OUTSIDE_VALID_RANGE", "2000"),
    ("SELECT Id FROM Contact OFFSET 99999999999999999999", "MALFORMED_QUERY", "number too large"),
    (
        "SELECT Id FROM Contact WHERE CreatedDate = LAST_N_DAYS:999999999",
        "MALFORMED_QUERY",
        "LAST_N_DAYS:999999999",
    ),
    (
        "SELECT Id FROM Opportunity WHERE CloseDate = NEXT_N_MONTHS:999999",
        "MALFORMED_QUERY",
        "NEXT_N_MONTHS:999999",
    ),
    (
        "SELECT Id FROM Opportunity WHERE CloseDate > LAST_N_MONTHS:4000",
        "MALFORMED_QUERY",
        "LAST_N_MONTHS:4000",
    ),
    ("SELECT Id FROM Contact WHERE LastName = '\\uD800'", "MALFORMED_QUERY", "'\\uD800'"),
    ("SELECT Id FROM Contact WHERE LastName = 'a\\uDC00b'", "MALFORMED_QUERY", "'\\uDC00'"),
    ("SELECT Id FROM Contact WHERE LastName = '\\uZZZZ'", "MALFORMED_QUERY", "'\\uZZZZ'"),
    ("SELECT Id FROM Contact WHERE LastName = '\\u12'", "MALFORMED_QUERY", "'\\u12'"),
]


@pytest.mark.parametrize(("soql", "error_code", "phrase"), OUT_OF_RANGE)
def test_values_out_of_salesforces_range_are_refused_like_salesforce(
    org: OrgStore, soql, error_code, phrase
):
    error = query_error(org, soql)
    assert error.error_code == error_code
    assert phrase in error.message
    for python_words in ("invalid literal", "int()", "base 16", "out of range", "Overflow"):
        assert python_words not in error.message


def test_a_surrogate_pair_escape_is_one_character(org: OrgStore):
    assert decode_string("'\\uD83D\\uDE00'") == "\N{GRINNING FACE}"
    assert records(org, "SELECT Id FROM Contact WHERE LastName = '\\uD83D\\uDE00'") == []


def test_a_huge_number_in_a_filter_is_compared_not_a_crash(org: OrgStore):
    soql = "SELECT Id FROM Opportunity WHERE Amount < 99999999999999999999999"
    assert len(records(org, soql)) == len(records(org, "SELECT Id FROM Opportunity"))
