<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Keyring</name>
    <message>
        <source>{finding} {fix}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keyring entry for Salesforce org {org_id} is unreadable; reconnect.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Install and unlock a Secret Service (GNOME Keyring or KWallet) on Linux, or use the system keychain on Windows and macOS; PYTHON_KEYRING_BACKEND selects another backend.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No usable keyring backend was found.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only an unencrypted file keyring ({backend}) is available.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keyring {backend} is locked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock your keyring (log in to the desktop session) and retry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keyring {backend} is unavailable ({reason}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keyring {backend} did not return what was stored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keyring {backend} stores and returns secrets.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>NavSync Desktop — CRM setup</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected to Salesforce</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reconnect required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last synced —</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last synced {when}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Another NavSync Desktop is already using {path}. Close it (or wait for its command to finish) and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The local store {path} is damaged and was moved aside to {kept_at}. A new, empty store is created on the next start; reconnect to Salesforce and sync to fill it again. Keep the damaged file for support.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{path} was written by a newer NavSync Desktop (schema {version}; this version knows {latest}). Update NavSync Desktop to use it.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Set up CRM sync with Salesforce</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time needed: less than 30 minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the prerequisites on this computer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connect Sales Navigator to your Salesforce org</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check that the org is ready for CRM sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose the CRM settings for your company</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enable activity write-back and test it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This wizard connects Sales Navigator with Salesforce: CRM data is synced to this computer, and your seat holders' InMails, messages, notes and calls are written back to Salesforce as activities.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>