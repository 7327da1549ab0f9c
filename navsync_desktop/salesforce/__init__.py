"""The connection to Salesforce: login hosts, OAuth with PKCE on a loopback listener,
and an API session that refreshes tokens, retries transient failures and maps errors.
No Qt here: the CLI, the GUI's workers and the tests use it alike."""
