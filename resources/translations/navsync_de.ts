<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Activities</name>
    <message>
        <source>No seat holder has the email {email}</source>
        <translation>Kein Lizenznehmer hat die E-Mail-Adresse {email}</translation>
    </message>
    <message>
        <source>Unknown state {state} (one of: {states})</source>
        <translation>Unbekannter Status {state} (möglich: {states})</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>Die Notiz ist leer.</translation>
    </message>
    <message>
        <source>A call&apos;s duration cannot be negative.</source>
        <translation>Die Dauer eines Anrufs kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>Unknown call outcome {outcome} (one of: {outcomes})</source>
        <translation>Unbekanntes Anrufergebnis {outcome} (möglich: {outcomes})</translation>
    </message>
    <message>
        <source>Say whom it is about: a LinkedIn profile URL, a name or a company.</source>
        <translation>Geben Sie an, um wen es geht: eine LinkedIn-Profil-URL, einen Namen oder ein Unternehmen.</translation>
    </message>
    <message>
        <source>{queued} queued for the CRM, {unresolved} unresolved, {refused} not copied.</source>
        <translation>{queued} zur Übertragung ins CRM vorgemerkt, {unresolved} nicht zugeordnet, {refused} nicht übertragen.</translation>
    </message>
    <message>
        <source>No activity has the id {ids}</source>
        <translation>Keine Aktivität hat die ID {ids}</translation>
    </message>
</context>
<context>
    <name>ActivitiesTab</name>
    <message>
        <source>Seat holder</source>
        <translation>Lizenznehmer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Not copied</source>
        <translation>Nicht kopiert</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Vorgemerkt</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Übertragen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Seat hol&amp;der:</source>
        <translation>Li&amp;zenznehmer:</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Al&amp;ways copy this seat holder&apos;s activities</source>
        <translation>Aktivitäten dieses Lizenznehmers &amp;immer kopieren</translation>
    </message>
    <message>
        <source>On: imported and logged activities go to the CRM at once. Off: they wait for Copy to CRM.</source>
        <translation>Ein: Importierte und erfasste Aktivitäten werden sofort ins CRM übertragen. Aus: Sie warten auf „Copy to CRM“.</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktivitäten</translation>
    </message>
    <message>
        <source>Copy to C&amp;RM</source>
        <translation>Copy to C&amp;RM</translation>
    </message>
    <message>
        <source>Cop&amp;y all</source>
        <translation>Alle k&amp;opieren</translation>
    </message>
    <message>
        <source>&amp;View in CRM</source>
        <translation>Vie&amp;w in CRM</translation>
    </message>
    <message>
        <source>Lo&amp;g note…</source>
        <translation>No&amp;tiz erfassen …</translation>
    </message>
    <message>
        <source>Log &amp;call…</source>
        <translation>Anruf er&amp;fassen …</translation>
    </message>
    <message>
        <source>Stop write-&amp;back</source>
        <translation>Rückübertragun&amp;g anhalten</translation>
    </message>
    <message>
        <source>Stops after the batch being sent; the rest stays queued.</source>
        <translation>Hält nach dem gerade gesendeten Stapel an; der Rest bleibt vorgemerkt.</translation>
    </message>
    <message>
        <source>All seat holders</source>
        <translation>Alle Lizenznehmer</translation>
    </message>
    <message>
        <source>Activities: {count}</source>
        <translation>Aktivitäten: {count}</translation>
    </message>
    <message>
        <source>Match the selected activities and write them to Salesforce</source>
        <translation>Die ausgewählten Aktivitäten zuordnen und in Salesforce speichern</translation>
    </message>
    <message>
        <source>Match every activity not copied yet and write them to Salesforce</source>
        <translation>Alle noch nicht kopierten Aktivitäten zuordnen und in Salesforce speichern</translation>
    </message>
    <message>
        <source>Opens the Salesforce record in the browser</source>
        <translation>Öffnet den Salesforce-Eintrag im Browser</translation>
    </message>
    <message>
        <source>Select one sent activity</source>
        <translation>Wählen Sie eine übertragene Aktivität aus</translation>
    </message>
    <message>
        <source>Write-back: {sent} sent, {failed} failed; {unresolved} unresolved, {queued} still queued.</source>
        <translation>Rückübertragung: {sent} übertragen, {failed} fehlgeschlagen; {unresolved} nicht zugeordnet, {queued} noch vorgemerkt.</translation>
    </message>
    <message>
        <source>{kind} logged ({state}).</source>
        <translation>{kind} erfasst ({state}).</translation>
    </message>
    <message>
        <source>{email}: activities go to the CRM at once.</source>
        <translation>{email}: Aktivitäten werden sofort ins CRM übertragen.</translation>
    </message>
    <message>
        <source>{email}: activities wait for Copy to CRM.</source>
        <translation>{email}: Aktivitäten warten auf „Copy to CRM“.</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>Seat holder</source>
        <translation>Lizenznehmer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>LinkedIn profile URL</source>
        <translation>LinkedIn-Profil-URL</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Salesforce record / message</source>
        <translation>Salesforce-Eintrag / Meldung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>InMail</source>
        <translation>InMail</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Not copied</source>
        <translation>Nicht kopiert</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Vorgemerkt</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Übertragen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Sponsored InMail: marketing, not sales activity</source>
        <translation>Gesponserte InMail: Marketing, keine Vertriebsaktivität</translation>
    </message>
    <message>
        <source>Note {id}</source>
        <translation>Notiz {id}</translation>
    </message>
    <message>
        <source>Task {id}</source>
        <translation>Aufgabe {id}</translation>
    </message>
</context>
<context>
    <name>AddSeatDialog</name>
    <message>
        <source>Add a seat holder</source>
        <translation>Lizenznehmer hinzufügen</translation>
    </message>
    <message>
        <source>S&amp;ync this seat holder with the CRM</source>
        <translation>Diesen Lizenznehmer mit dem CRM s&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Seat &amp;type:</source>
        <translation>Lizenz&amp;typ:</translation>
    </message>
    <message>
        <source>&amp;LinkedIn profile URL:</source>
        <translation>&amp;LinkedIn-Profil-URL:</translation>
    </message>
</context>
<context>
    <name>Arguments</name>
    <message>
        <source>{value} is not a whole number</source>
        <translation>{value} ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>{value} is not a port number (1-65535)</source>
        <translation>{value} ist keine Portnummer (1–65535)</translation>
    </message>
    <message>
        <source>{value} is not a number of at least 1</source>
        <translation>{value} ist keine Zahl von mindestens 1</translation>
    </message>
    <message>
        <source>{value} is not a number of seconds above 0</source>
        <translation>{value} ist keine Sekundenzahl über 0</translation>
    </message>
</context>
<context>
    <name>CheckList</name>
    <message>
        <source>Results of the checks</source>
        <translation>Ergebnisse der Prüfungen</translation>
    </message>
    <message>
        <source>What to do: {fix}</source>
        <translation>Was zu tun ist: {fix}</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Nicht bestanden</translation>
    </message>
</context>
<context>
    <name>ClientAppHelp</name>
    <message>
        <source>In Salesforce: your External Client App</source>
        <translation>In Salesforce: Ihre externe Client-App</translation>
    </message>
    <message>
        <source>In Setup, open External Client App Manager, create an app (or open yours), select Enable OAuth and enter:</source>
        <translation>Öffnen Sie im Setup den „Manager für externe Client-Apps“, legen Sie eine App an (oder öffnen Sie Ihre), wählen Sie „OAuth aktivieren“ und geben Sie ein:</translation>
    </message>
    <message>
        <source>Callback URL</source>
        <translation>Rückruf-URL</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the callback URL</source>
        <translation>Rückruf-URL kopieren</translation>
    </message>
    <message>
        <source>Manage user data via APIs (api)</source>
        <translation>Benutzerdaten über APIs verwalten (api)</translation>
    </message>
    <message>
        <source>Perform requests at any time (refresh_token, offline_access)</source>
        <translation>Anforderungen jederzeit durchführen (refresh_token, offline_access)</translation>
    </message>
    <message>
        <source>Access the identity URL service (id, profile, email, address, phone)</source>
        <translation>Auf den Identitäts-URL-Service zugreifen (id, profile, email, address, phone)</translation>
    </message>
    <message>
        <source>Require Proof Key for Code Exchange (PKCE): on. Require secret for Web Server Flow and for Refresh Token Flow: off (NavSync Desktop keeps no client secret).</source>
        <translation>„Proof Key for Code Exchange (PKCE) erforderlich“: ein. „Geheimnis für Webserver-Fluss erforderlich“ und „Geheimnis für Aktualisierungstoken-Fluss erforderlich“: aus (NavSync Desktop speichert kein Client-Geheimnis).</translation>
    </message>
    <message>
        <source>Then copy the app&apos;s Consumer Key (OAuth Settings, Consumer Key and Secret) into Client ID above.</source>
        <translation>Kopieren Sie dann den Verbraucherschlüssel der App (OAuth-Einstellungen, „Verbraucherschlüssel und -geheimnis“) oben in das Feld Client-ID.</translation>
    </message>
    <message>
        <source>Callback URL:</source>
        <translation>Rückruf-URL:</translation>
    </message>
    <message>
        <source>OAuth scopes:</source>
        <translation>OAuth-Bereiche:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sicherheit:</translation>
    </message>
</context>
<context>
    <name>ConnectPage</name>
    <message>
        <source>Connect to CRM</source>
        <translation>Mit CRM verbinden</translation>
    </message>
    <message>
        <source>Sign in to Salesforce in your browser to connect Sales Navigator.</source>
        <translation>Melden Sie sich im Browser bei Salesforce an, um Sales Navigator zu verbinden.</translation>
    </message>
    <message>
        <source>Production login, or your My Domain URL (https://name.my.salesforce.com)</source>
        <translation>Produktions-Login oder Ihre My-Domain-URL (https://name.my.salesforce.com)</translation>
    </message>
    <message>
        <source>Consumer Key of your External Client App</source>
        <translation>Verbraucherschlüssel Ihrer externen Client-App</translation>
    </message>
    <message>
        <source>&amp;Login URL:</source>
        <translation>&amp;Login-URL:</translation>
    </message>
    <message>
        <source>C&amp;lient ID:</source>
        <translation>C&amp;lient-ID:</translation>
    </message>
    <message>
        <source>Redirect &amp;port:</source>
        <translation>Weiterleitungs-&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Connect to CRM</source>
        <translation>Mit &amp;CRM verbinden</translation>
    </message>
    <message>
        <source>Cancel &amp;login</source>
        <translation>Anmeldung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Waiting for the login</source>
        <translation>Warten auf die Anmeldung</translation>
    </message>
    <message>
        <source>Waiting for the Salesforce login in your browser…</source>
        <translation>Warten auf die Salesforce-Anmeldung im Browser …</translation>
    </message>
    <message>
        <source>You connect to the demo org that runs on this computer. Its login page opens in your browser with the scenario&apos;s user and the password filled in: choose Allow.</source>
        <translation>Sie verbinden sich mit der Demo-Org, die auf diesem Computer läuft. Ihre Anmeldeseite öffnet sich im Browser, Benutzer und Kennwort des Szenarios sind schon eingetragen: Wählen Sie „Zulassen“.</translation>
    </message>
    <message>
        <source>The port on 127.0.0.1 where NavSync Desktop starts the demo org. Change it when another program uses it.</source>
        <translation>Der Port auf 127.0.0.1, auf dem NavSync Desktop die Demo-Org startet. Ändern Sie ihn, wenn ein anderes Programm ihn belegt.</translation>
    </message>
    <message>
        <source>&amp;Demo org port:</source>
        <translation>&amp;Demo-Org-Port:</translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation>&amp;Erneut verbinden…</translation>
    </message>
    <message>
        <source>Sign in again as the same user, e.g. after Salesforce refused the connection</source>
        <translation>Erneut als derselbe Benutzer anmelden, z. B. nachdem Salesforce die Verbindung abgelehnt hat</translation>
    </message>
    <message>
        <source>Connect as &amp;another user…</source>
        <translation>Als &amp;anderer Benutzer verbinden…</translation>
    </message>
    <message>
        <source>Sign in as another user, e.g. the integration user; settings are kept</source>
        <translation>Als anderer Benutzer anmelden, z. B. als Integrationsbenutzer; die Einstellungen bleiben erhalten</translation>
    </message>
    <message>
        <source>&amp;Disconnect…</source>
        <translation>Verbindung &amp;trennen…</translation>
    </message>
    <message>
        <source>Login link</source>
        <translation>Anmeldelink</translation>
    </message>
    <message>
        <source>Cop&amp;y link</source>
        <translation>Link &amp;kopieren</translation>
    </message>
    <message>
        <source>If no browser window opens, copy this link into your browser. Use a private window in Firefox or an Incognito window in Chrome: CRM cookies can get in the way. If that fails too, contact support: {url}</source>
        <translation>Wenn sich kein Browserfenster öffnet, kopieren Sie diesen Link in Ihren Browser. Verwenden Sie ein privates Fenster in Firefox oder Chrome Incognito, da Konflikte mit CRM-Cookies unter Umständen zu Problemen führen können. Wenden Sie sich an den Support, wenn auch diese Vorgehensweise zu einer Fehlermeldung führt: {url}</translation>
    </message>
    <message>
        <source>Connected to {org} as {user}.</source>
        <translation>Mit {org} verbunden als {user}.</translation>
    </message>
    <message>
        <source>Salesforce no longer accepts the connection to {org} as {user}: reconnect.</source>
        <translation>Salesforce akzeptiert die Verbindung zu {org} als {user} nicht mehr: Verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>Enter the Consumer Key of your External Client App as Client ID (see “In Salesforce” below).</source>
        <translation>Geben Sie den Verbraucherschlüssel Ihrer externen Client-App als Client-ID ein (siehe „In Salesforce“ unten).</translation>
    </message>
    <message>
        <source>{problem} You are still connected to {org} as {user}.</source>
        <translation>{problem} Sie sind weiterhin mit {org} als {user} verbunden.</translation>
    </message>
    <message>
        <source>Replace the local data?</source>
        <translation>Lokale Daten ersetzen?</translation>
    </message>
    <message>
        <source>You logged in to {new_org}, but the data on this computer belongs to {old_org}. Replace it with the data of {new_org}? You log in once more to confirm.</source>
        <translation>Sie haben sich bei {new_org} angemeldet, aber die Daten auf diesem Computer gehören zu {old_org}. Sollen sie durch die Daten von {new_org} ersetzt werden? Zur Bestätigung melden Sie sich noch einmal an.</translation>
    </message>
    <message>
        <source>Nothing changed: the data of {old_org} is kept.</source>
        <translation>Nichts wurde geändert: Die Daten von {old_org} bleiben erhalten.</translation>
    </message>
    <message>
        <source>Disconnect from Salesforce?</source>
        <translation>Verbindung zu Salesforce trennen?</translation>
    </message>
    <message>
        <source>Disconnect from {org}? NavSync Desktop revokes its access at Salesforce and forgets it here. Sync and write-back stop until you connect again.</source>
        <translation>Verbindung zu {org} trennen? NavSync Desktop widerruft seinen Zugriff bei Salesforce und vergisst ihn hier. Synchronisierung und Rückübertragung ruhen, bis Sie sich wieder verbinden.</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Verbindung trennen</translation>
    </message>
    <message>
        <source>Also delete the local data of {org}</source>
        <translation>Auch die lokalen Daten von {org} löschen</translation>
    </message>
    <message>
        <source>Disconnected from {org}; Salesforce revoked the access.</source>
        <translation>Die Verbindung zu {org} ist getrennt; Salesforce hat den Zugriff widerrufen.</translation>
    </message>
    <message>
        <source>Disconnected from {org}. Salesforce did not confirm revoking the access; an admin can revoke it in Setup (Connected Apps OAuth Usage).</source>
        <translation>Die Verbindung zu {org} ist getrennt. Salesforce hat den Widerruf des Zugriffs nicht bestätigt; ein Administrator kann ihn im Setup widerrufen (OAuth-Nutzung verbundener Apps).</translation>
    </message>
    <message>
        <source>Local data deleted.</source>
        <translation>Lokale Daten gelöscht.</translation>
    </message>
    <message>
        <source>Local data kept.</source>
        <translation>Lokale Daten bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>Disconnected here and the token was revoked at Salesforce, but the keyring entry of org {org_id} could not be removed: {reason}</source>
        <translation>Die Verbindung wurde hier getrennt und das Token bei Salesforce widerrufen, aber der Schlüsselbund-Eintrag der Org {org_id} konnte nicht entfernt werden: {reason}</translation>
    </message>
    <message>
        <source>Disconnected here, but the keyring could not be used, so the token of org {org_id} was neither revoked nor removed (an admin can revoke it in Setup, Connected Apps OAuth Usage): {reason}</source>
        <translation>Die Verbindung wurde hier getrennt, aber der Schlüsselbund war nicht nutzbar; das Token der Org {org_id} wurde daher weder widerrufen noch entfernt (ein Administrator kann es im Setup unter „Verwendung von OAuth für verbundene Apps“ widerrufen): {reason}</translation>
    </message>
    <message>
        <source>You logged in to {new_org} ({new_id}), but the local data belongs to {old_org} ({old_id}). Connect again and confirm that the local data is replaced, or log in to {old_org}.</source>
        <translation>Sie haben sich bei {new_org} ({new_id}) angemeldet, aber die lokalen Daten gehören zu {old_org} ({old_id}). Verbinden Sie sich erneut und bestätigen Sie, dass die lokalen Daten ersetzt werden, oder melden Sie sich bei {old_org} an.</translation>
    </message>
    <message>
        <source>You logged in to {new_org} ({new_id}), but the local data belongs to {old_org} ({old_id}). Connect again with --replace-data to replace the local data, or log in to {old_org}.</source>
        <translation>Sie haben sich bei {new_org} ({new_id}) angemeldet, aber die lokalen Daten gehören zu {old_org} ({old_id}). Verbinden Sie sich erneut mit --replace-data, um die lokalen Daten zu ersetzen, oder melden Sie sich bei {old_org} an.</translation>
    </message>
    <message>
        <source>Enter the Consumer Key of your org&apos;s External Client App as Client ID.</source>
        <translation>Geben Sie den Verbraucherschlüssel der externen Client-App Ihrer Org als Client-ID ein.</translation>
    </message>
    <message>
        <source>Give the Consumer Key of your org&apos;s External Client App with --client-id (docs/connect-a-salesforce-org.md says how to create the app).</source>
        <translation>Geben Sie den Verbraucherschlüssel der externen Client-App Ihrer Org mit --client-id an (wie Sie die App anlegen, steht in docs/connect-a-salesforce-org.md).</translation>
    </message>
    <message>
        <source>Salesforce gave no refresh token. Add the scope “Perform requests at any time (refresh_token, offline_access)” to the connected app.</source>
        <translation>Salesforce hat kein Refresh-Token ausgegeben. Fügen Sie der verbundenen App den Bereich „Perform requests at any time (refresh_token, offline_access)“ hinzu.</translation>
    </message>
    <message>
        <source>The keyring holds no credentials for org {org_id}; connect to Salesforce again.</source>
        <translation>Der Schlüsselbund enthält keine Anmeldedaten für die Org {org_id}; verbinden Sie sich erneut mit Salesforce.</translation>
    </message>
    <message>
        <source>This connection is to the demo org, which is not available here. Start NavSync Desktop with --demo.</source>
        <translation>Diese Verbindung führt zur Demo-Org, die hier nicht verfügbar ist. Starten Sie NavSync Desktop mit --demo.</translation>
    </message>
    <message>
        <source>The demo org cannot start: another program uses port {port} on 127.0.0.1. Choose another demo org port on the Connect to CRM page.</source>
        <translation>Die Demo-Org kann nicht starten: Ein anderes Programm belegt Port {port} auf 127.0.0.1. Wählen Sie auf der Seite „Mit CRM verbinden“ einen anderen Demo-Org-Port.</translation>
    </message>
    <message>
        <source>The demo org cannot start: another program uses port {port} on 127.0.0.1. Choose another port with --demo-port.</source>
        <translation>Die Demo-Org kann nicht starten: Ein anderes Programm belegt Port {port} auf 127.0.0.1. Wählen Sie mit --demo-port einen anderen Port.</translation>
    </message>
    <message>
        <source>The demo org is being started by another NavSync Desktop and does not answer yet. Wait a moment and try again.</source>
        <translation>Ein anderes NavSync Desktop startet gerade die Demo-Org, sie antwortet noch nicht. Warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The demo org could not be started: {reason}</source>
        <translation>Die Demo-Org konnte nicht gestartet werden: {reason}</translation>
    </message>
    <message>
        <source>Salesforce no longer accepts the connection; reconnect by {date} (local data is kept).</source>
        <translation>Salesforce akzeptiert die Verbindung nicht mehr; verbinden Sie sich bis {date} erneut (die lokalen Daten bleiben erhalten).</translation>
    </message>
    <message>
        <source>Not connected to Salesforce; connect first.</source>
        <translation>Nicht mit Salesforce verbunden; verbinden Sie sich zuerst.</translation>
    </message>
    <message>
        <source>Not connected to Salesforce; connect first: navsync-desktop connect (or connect --demo).</source>
        <translation>Nicht mit Salesforce verbunden; verbinden Sie sich zuerst: navsync-desktop connect (oder connect --demo).</translation>
    </message>
    <message>
        <source>NavSync Desktop is already connecting or syncing; wait until it has finished and try again.</source>
        <translation>NavSync Desktop stellt bereits eine Verbindung her oder synchronisiert; warten Sie, bis der Vorgang abgeschlossen ist, und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>CrmAnswersView</name>
    <message>
        <source>Auto sync all seat holders with CRM?</source>
        <translation>Alle Lizenznehmer automatisch mit CRM synchronisieren?</translation>
    </message>
    <message>
        <source>Stage at which an opportunity enters the pipeline:</source>
        <translation>Phase, ab der eine Opportunity zur Pipeline gehört:</translation>
    </message>
    <message>
        <source>Value of a won opportunity:</source>
        <translation>Wert einer gewonnenen Opportunity:</translation>
    </message>
    <message>
        <source>Yes: every seat holder is synced</source>
        <translation>Ja: Alle Lizenznehmer werden synchronisiert</translation>
    </message>
    <message>
        <source>No: each seat holder&apos;s own switch on the Seats tab decides</source>
        <translation>Nein: Der Schalter jedes Lizenznehmers auf der Registerkarte „Lizenznehmer“ entscheidet</translation>
    </message>
    <message>
        <source>Not Sure: every open opportunity counts</source>
        <translation>Nicht sicher: Alle offenen Opportunities zählen</translation>
    </message>
    <message>
        <source>Not Sure: the standard field Amount is used</source>
        <translation>Nicht sicher: Das Standardfeld „Betrag“ (Amount) wird verwendet</translation>
    </message>
</context>
<context>
    <name>CrmObjects</name>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Opportunities</translation>
    </message>
    <message>
        <source>Opportunity Contact Roles</source>
        <translation>Opportunity-Kontaktrollen</translation>
    </message>
    <message>
        <source>Opportunity Stages</source>
        <translation>Opportunity-Phasen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Note link</source>
        <translation>Notizverknüpfung</translation>
    </message>
</context>
<context>
    <name>CrmSettingsDialog</name>
    <message>
        <source>Change the CRM settings</source>
        <translation>CRM-Einstellungen ändern</translation>
    </message>
</context>
<context>
    <name>CrmSettingsForm</name>
    <message>
        <source>&amp;Yes (recommended)</source>
        <translation>&amp;Ja (empfohlen)</translation>
    </message>
    <message>
        <source>N&amp;o</source>
        <translation>N&amp;ein</translation>
    </message>
    <message>
        <source>Auto sync all seat holders with CRM (Salesforce)?</source>
        <translation>Alle Lizenznehmer automatisch mit CRM (Salesforce) synchronisieren?</translation>
    </message>
    <message>
        <source>This setting is optional, but we recommend Yes so that your team gets the most out of it. If you choose No, or want to adjust the sync for single seat holders, use the Seats tab of the main window (seat management).</source>
        <translation>Diese Einstellung ist zwar optional, aber wir empfehlen, hier „Ja“ zu verwenden, damit Ihr Team optimal davon profitiert. Wenn Sie „Nein“ auswählen oder einzelne Synchronisierungsanpassungen vornehmen möchten, verwenden Sie die Registerkarte „Lizenznehmer“ im Hauptfenster (Lizenzverwaltung).</translation>
    </message>
    <message>
        <source>Pipeline stage</source>
        <translation>Pipeline-Phase</translation>
    </message>
    <message>
        <source>At which &amp;stage does your sales team consider an opportunity to enter your pipeline?</source>
        <translation>Zu welchem Zeitpunkt erwägt Ihr &amp;Vertriebsteam die Möglichkeit, auf Ihre Pipeline zuzugreifen?</translation>
    </message>
    <message>
        <source>The stages offered here depend on your CRM settings. Choosing Not Sure does not affect how it works: all open opportunities are still used.</source>
        <translation>Die hier verfügbaren Phasen sind abhängig von Ihren CRM-Einstellungen. Die Auswahl von „Nicht sicher“ beeinträchtigt nicht die Funktionsweise. Es werden trotzdem alle offenen Geschäftschancen aufgerufen.</translation>
    </message>
    <message>
        <source>Field for the value of a won opportunity</source>
        <translation>Feld für den Wert einer gewonnenen Opportunity</translation>
    </message>
    <message>
        <source>Where do you store the &amp;value for a won opportunity?</source>
        <translation>Wo &amp;speichern Sie den Wert einer gewonnenen Vertriebschance?</translation>
    </message>
    <message>
        <source>The fields offered here depend on your CRM settings. Choosing Not Sure does not affect how it works: the standard field Amount is used.</source>
        <translation>Die hier verfügbaren Felder sind abhängig von Ihren CRM-Einstellungen. Die Auswahl von „Nicht sicher“ beeinträchtigt die Funktionsweise nicht: Dann wird das Standardfeld „Betrag“ (Amount) verwendet.</translation>
    </message>
    <message>
        <source>For the owner of an opportunity, NavSync Desktop saves the CRM accounts and contacts of every open opportunity that has reached the stage chosen above, or gone past it (the lists “My CRM Accounts” and “My CRM Leads and Contacts”). The admin sets this stage for all Sales Navigator seat holders.</source>
        <translation>Für den Verantwortlichen einer Geschäftschance werden CRM-Accounts und -Kontakte für alle offenen Opportunities gespeichert, die die oben festgelegte Phase erreicht haben oder darüber hinausgehen (die Listen „My CRM Accounts“ und „My CRM Leads and Contacts“). Diese Phase wird vom Administrator für alle Sales Navigator-Lizenznehmer festgelegt.</translation>
    </message>
    <message>
        <source>Reading the choices your org offers…</source>
        <translation>Die Auswahlmöglichkeiten Ihrer Org werden gelesen …</translation>
    </message>
    <message>
        <source>&amp;Read the choices again</source>
        <translation>Auswahlmöglichkeiten e&amp;rneut lesen</translation>
    </message>
    <message>
        <source>Not Sure</source>
        <translation>Nicht sicher</translation>
    </message>
</context>
<context>
    <name>CrmSettingsPage</name>
    <message>
        <source>CRM settings</source>
        <translation>CRM-Einstellungen</translation>
    </message>
    <message>
        <source>Set how Sales Navigator works with your CRM data. You can change it later.</source>
        <translation>Legen Sie fest, wie Sales Navigator mit Ihren CRM-Daten arbeitet. Sie können es später ändern.</translation>
    </message>
    <message>
        <source>Initial CRM sync</source>
        <translation>Erste CRM-Synchronisierung</translation>
    </message>
</context>
<context>
    <name>CrmSettingsTab</name>
    <message>
        <source>CRM settings</source>
        <translation>CRM-Einstellungen</translation>
    </message>
    <message>
        <source>Chan&amp;ge…</source>
        <translation>Än&amp;dern …</translation>
    </message>
    <message>
        <source>Activity write-back</source>
        <translation>Rückübertragung von Aktivitäten</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source> h</source>
        <translation> Std.</translation>
    </message>
    <message>
        <source>How long after the end of the last successful sync the next one starts (1 to 720 hours; 24: daily). Sync now syncs at once.</source>
        <translation>Wie lange nach dem Ende der letzten erfolgreichen Synchronisierung die nächste beginnt (1 bis 720 Stunden; 24: täglich). „Jetzt synchronisieren“ synchronisiert sofort.</translation>
    </message>
    <message>
        <source>Sync e&amp;very:</source>
        <translation>Synchronisieren &amp;alle:</translation>
    </message>
    <message>
        <source>The CRM settings were saved.</source>
        <translation>Die CRM-Einstellungen wurden gespeichert.</translation>
    </message>
</context>
<context>
    <name>DemoReset</name>
    <message>
        <source>The demo is reset: the demo org is seeded anew, the local data is cleared and the demo login is removed from the keyring.</source>
        <translation>Die Demo ist zurückgesetzt: Die Demo-Org ist neu befüllt, die lokalen Daten sind gelöscht und die Demo-Anmeldung ist aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>The local data is cleared and the demo login is removed from the keyring. The demo org at {url} (process {pid}) was not seeded anew: stop it and start it again with navsync-desktop demo-org serve --reset.</source>
        <translation>Die lokalen Daten sind gelöscht und die Demo-Anmeldung ist aus dem Schlüsselbund entfernt. Die Demo-Org unter {url} (Prozess {pid}) wurde nicht neu befüllt: Beenden Sie sie und starten Sie sie mit navsync-desktop demo-org serve --reset neu.</translation>
    </message>
    <message>
        <source>Demo reset refused: the local data belongs to the Salesforce org {org_id}, not to the demo org. Nothing was changed.</source>
        <translation>Zurücksetzen der Demo abgelehnt: Die lokalen Daten gehören zur Salesforce-Org {org_id}, nicht zur Demo-Org. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Wait until the connection or sync in progress has finished.</source>
        <translation>Warten Sie, bis die laufende Verbindung oder Synchronisierung abgeschlossen ist.</translation>
    </message>
    <message>
        <source>The demo org is not available here. Nothing changed.</source>
        <translation>Die Demo-Org ist hier nicht verfügbar. Nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Protokollordner</translation>
    </message>
    <message>
        <source>The log goes to stderr only.</source>
        <translation>Das Protokoll wird nur auf stderr ausgegeben.</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Python {version} on {system}</source>
        <translation>Python {version} auf {system}</translation>
    </message>
    <message>
        <source>Install Python 3.11 or newer.</source>
        <translation>Installieren Sie Python 3.11 oder neuer.</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>PySide6 {version}, platform plugin “{plugin}” starts</source>
        <translation>PySide6 {version}, Plattform-Plugin „{plugin}“ startet</translation>
    </message>
    <message>
        <source>PySide6 {version}: the Qt platform plugin {plugin} does not start ({detail})</source>
        <translation>PySide6 {version}: Das Qt-Plattform-Plugin {plugin} startet nicht ({detail})</translation>
    </message>
    <message>
        <source>Run it on a desktop session (DISPLAY or WAYLAND_DISPLAY set), or set QT_QPA_PLATFORM=offscreen for headless commands.</source>
        <translation>Starten Sie das Programm in einer Desktop-Sitzung (DISPLAY oder WAYLAND_DISPLAY gesetzt) oder setzen Sie QT_QPA_PLATFORM=offscreen für Befehle ohne Bildschirm.</translation>
    </message>
    <message>
        <source>Desktop libraries</source>
        <translation>Desktop-Bibliotheken</translation>
    </message>
    <message>
        <source>Could not tell which libraries the X11 plugin needs (no ldd).</source>
        <translation>Es ließ sich nicht feststellen, welche Bibliotheken das X11-Plug-in braucht (ldd fehlt).</translation>
    </message>
    <message>
        <source>The X11 window system plugin finds every library.</source>
        <translation>Das X11-Plug-in des Fenstersystems findet alle Bibliotheken.</translation>
    </message>
    <message>
        <source>On Debian or Ubuntu: sudo apt-get install {packages}</source>
        <translation>Unter Debian oder Ubuntu: sudo apt-get install {packages}</translation>
    </message>
    <message>
        <source>Install the packages that provide {libraries}.</source>
        <translation>Installieren Sie die Pakete, die {libraries} mitbringen.</translation>
    </message>
    <message>
        <source>{first} Also: {second}</source>
        <translation>{first} Außerdem: {second}</translation>
    </message>
    <message>
        <source>The window cannot open on an X11 desktop: the X11 plugin misses {libraries}.</source>
        <translation>Auf einem X11-Desktop kann sich das Fenster nicht öffnen: Dem X11-Plug-in fehlen {libraries}.</translation>
    </message>
    <message>
        <source>{problem} {consequence}</source>
        <translation>{problem} {consequence}</translation>
    </message>
    <message>
        <source>Not checked: the data folder cannot be used.</source>
        <translation>Nicht geprüft: Der Datenordner ist nicht nutzbar.</translation>
    </message>
    <message>
        <source>Fix the data folder first (see above).</source>
        <translation>Beheben Sie zuerst das Problem mit dem Datenordner (siehe oben).</translation>
    </message>
    <message>
        <source>Start NavSync Desktop: it moves a damaged file aside (keeping it for support) and starts with a new store. A busy store needs only a moment.</source>
        <translation>Starten Sie NavSync Desktop: Es legt eine beschädigte Datei beiseite (sie bleibt für den Support erhalten) und beginnt mit einem neuen Datenspeicher. Ein belegter Datenspeicher ist nach einem Moment wieder frei.</translation>
    </message>
    <message>
        <source>Give your user write access to the folder, or set NAVSYNC_HOME to another folder.</source>
        <translation>Geben Sie Ihrem Benutzer Schreibrechte für den Ordner oder setzen Sie NAVSYNC_HOME auf einen anderen Ordner.</translation>
    </message>
    <message>
        <source>{folder} is writable</source>
        <translation>{folder} ist beschreibbar</translation>
    </message>
    <message>
        <source>Local store</source>
        <translation>Lokaler Datenspeicher</translation>
    </message>
    <message>
        <source>No store yet at {path}; it is created on first use</source>
        <translation>Noch kein Datenspeicher unter {path}; er wird bei der ersten Verwendung angelegt</translation>
    </message>
    <message>
        <source>{path} fails the integrity check: {verdict}</source>
        <translation>{path} besteht die Integritätsprüfung nicht: {verdict}</translation>
    </message>
    <message>
        <source>Start NavSync Desktop again; it moves the damaged file aside and starts afresh.</source>
        <translation>Starten Sie NavSync Desktop erneut; es legt die beschädigte Datei beiseite und beginnt neu.</translation>
    </message>
    <message>
        <source>{path} is intact (schema {version})</source>
        <translation>{path} ist intakt (Schema {version})</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <source>Finish</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>NavSync Desktop is set up. Here is what you chose.</source>
        <translation>NavSync Desktop ist eingerichtet. Das haben Sie gewählt.</translation>
    </message>
    <message>
        <source>Salesforce</source>
        <translation>Salesforce</translation>
    </message>
    <message>
        <source>Org:</source>
        <translation>Org:</translation>
    </message>
    <message>
        <source>Connected as:</source>
        <translation>Verbunden als:</translation>
    </message>
    <message>
        <source>CRM sync:</source>
        <translation>CRM-Synchronisierung:</translation>
    </message>
    <message>
        <source>CRM settings</source>
        <translation>CRM-Einstellungen</translation>
    </message>
    <message>
        <source>Activity write-back</source>
        <translation>Rückübertragung von Aktivitäten</translation>
    </message>
    <message>
        <source>Write-back:</source>
        <translation>Rückübertragung:</translation>
    </message>
    <message>
        <source>Test Write-Back:</source>
        <translation>Test Write-Back:</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Wie es weitergeht</translation>
    </message>
    <message>
        <source>{finish} opens the main window. Its header always shows whether NavSync Desktop is connected to Salesforce and when it last synced. The CRM data is synced {interval}, and Sync now syncs at once. Manage the seat holders on the Seats tab, and change these answers and the activity write-back on the CRM settings tab.</source>
        <translation>„{finish}“ öffnet das Hauptfenster. Seine Kopfzeile zeigt immer, ob NavSync Desktop mit Salesforce verbunden ist und wann zuletzt synchronisiert wurde. Die CRM-Daten werden {interval} synchronisiert, „Jetzt synchronisieren“ synchronisiert sofort. Die Lizenznehmer verwalten Sie auf der Registerkarte „Lizenznehmer“, diese Antworten und die Rückübertragung von Aktivitäten ändern Sie auf der Registerkarte „CRM-Einstellungen“.</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Sync runs</source>
        <translation>Synchronisierungsläufe</translation>
    </message>
    <message>
        <source>Started / object</source>
        <translation>Begonnen / Objekt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>API requests</source>
        <translation>API-Anforderungen</translation>
    </message>
    <message>
        <source>API usage</source>
        <translation>API-Nutzung</translation>
    </message>
    <message>
        <source>The org&apos;s API requests in the last 24 hours, of its daily allowance, as Salesforce reported them at the end of the run (Sforce-Limit-Info)</source>
        <translation>Die API-Anforderungen der Org in den letzten 24 Stunden, von ihrem Tageskontingent, wie Salesforce sie am Ende des Laufs gemeldet hat (Sforce-Limit-Info)</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>Incremental</source>
        <translation>Inkrementell</translation>
    </message>
    <message>
        <source>{used} of {allowed}</source>
        <translation>{used} von {allowed}</translation>
    </message>
    <message>
        <source>{before} at the start, {after} at the end, of {allowed}</source>
        <translation>{before} zu Beginn, {after} am Ende, von {allowed}</translation>
    </message>
    <message>
        <source>Bulk API 2.0</source>
        <translation>Bulk API 2.0</translation>
    </message>
    <message>
        <source>REST</source>
        <translation>REST</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{rows} messages read: {added} new activities ({queued} queued for the CRM, {unresolved} unresolved, {skipped} skipped), {already} imported before.</source>
        <translation>{rows} Nachrichten gelesen: {added} neue Aktivitäten ({queued} zur Übertragung ins CRM vorgemerkt, {unresolved} nicht zugeordnet, {skipped} übersprungen), {already} bereits früher importiert.</translation>
    </message>
    <message>
        <source>{file}, line {line}: {problem}. Nothing was imported.</source>
        <translation>{file}, Zeile {line}: {problem}. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{email} has no LinkedIn profile URL, so sent and received messages cannot be told apart. Add the seat holder&apos;s profile URL first.</source>
        <translation>Für {email} ist keine LinkedIn-Profil-URL hinterlegt, daher lassen sich gesendete und empfangene Nachrichten nicht unterscheiden. Hinterlegen Sie zuerst die Profil-URL des Lizenznehmers.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>Der Import wurde abgebrochen; es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>{file} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>{found} columns where the header has {expected}</source>
        <translation>{found} Spalten, die Kopfzeile hat aber {expected}</translation>
    </message>
    <message>
        <source>the CSV is malformed ({reason})</source>
        <translation>die CSV-Datei ist fehlerhaft ({reason})</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (LinkedIn exports are UTF-8; save it as UTF-8 and import it again)</source>
        <translation>die Datei ist kein UTF-8-Text (LinkedIn-Exporte sind UTF-8; speichern Sie sie als UTF-8 und importieren Sie sie erneut)</translation>
    </message>
    <message>
        <source>the file is empty: it needs the header line</source>
        <translation>die Datei ist leer: sie braucht die Kopfzeile</translation>
    </message>
    <message>
        <source>the header lacks the column {columns} (is this LinkedIn&apos;s messages.csv?)</source>
        <translation>in der Kopfzeile fehlt die Spalte {columns} (ist das die messages.csv von LinkedIn?)</translation>
    </message>
    <message>
        <source>the DATE “{value}” is not like 2023-07-08 08:39:28 UTC</source>
        <translation>das DATE „{value}“ hat nicht die Form 2023-07-08 08:39:28 UTC</translation>
    </message>
</context>
<context>
    <name>ImportMessagesDialog</name>
    <message>
        <source>Import LinkedIn messages</source>
        <translation>LinkedIn-Nachrichten importieren</translation>
    </message>
    <message>
        <source>Choose messages.csv from the seat holder&apos;s LinkedIn data export (Settings &amp; Privacy &gt; Data privacy &gt; Get a copy of your data).</source>
        <translation>Wählen Sie messages.csv aus dem LinkedIn-Datenexport des Lizenznehmers (Einstellungen &amp; Datenschutz &gt; Datenschutz &gt; Kopie Ihrer Daten anfordern).</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <source>&amp;Seat holder:</source>
        <translation>&amp;Lizenznehmer:</translation>
    </message>
    <message>
        <source>No seat holder has a LinkedIn profile URL. Add seat holders with their profile URL on the Seats tab first: it tells sent and received messages apart.</source>
        <translation>Für keinen Lizenznehmer ist eine LinkedIn-Profil-URL hinterlegt. Fügen Sie zuerst auf der Registerkarte „Lizenznehmer“ Lizenznehmer mit ihrer Profil-URL hinzu: Daran werden gesendete und empfangene Nachrichten unterschieden.</translation>
    </message>
    <message>
        <source>Not listed, as they have no LinkedIn profile URL (it tells sent and received messages apart): {names}</source>
        <translation>Nicht aufgeführt, da keine LinkedIn-Profil-URL hinterlegt ist (daran werden gesendete und empfangene Nachrichten unterschieden): {names}</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose the file to import first.</source>
        <translation>Wählen Sie zuerst die zu importierende Datei.</translation>
    </message>
    <message>
        <source>Choose a seat holder with a LinkedIn profile URL.</source>
        <translation>Wählen Sie einen Lizenznehmer mit LinkedIn-Profil-URL.</translation>
    </message>
    <message>
        <source>{file} is not a file.</source>
        <translation>{file} ist keine Datei.</translation>
    </message>
    <message>
        <source>{rows} messages read…</source>
        <translation>{rows} Nachrichten gelesen …</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Die Datei wird gelesen …</translation>
    </message>
</context>
<context>
    <name>Keyring</name>
    <message>
        <source>The keyring {backend} failed ({reason}).</source>
        <translation>Der Schlüsselbund {backend} hat einen Fehler gemeldet ({reason}).</translation>
    </message>
    <message>
        <source>The keyring entry for Salesforce org {org_id} is unreadable; reconnect.</source>
        <translation>Der Schlüsselbund-Eintrag für die Salesforce-Org {org_id} ist unlesbar; verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>GNOME Keyring or KWallet (Secret Service)</source>
        <translation>GNOME Keyring oder KWallet (Secret Service)</translation>
    </message>
    <message>
        <source>GNOME Keyring (libsecret)</source>
        <translation>GNOME Keyring (libsecret)</translation>
    </message>
    <message>
        <source>KWallet</source>
        <translation>KWallet</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS-Schlüsselbund</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>encrypted file {path}</source>
        <translation>verschlüsselte Datei {path}</translation>
    </message>
    <message>
        <source>unencrypted file {path}, for the demo and tests only</source>
        <translation>unverschlüsselte Datei {path}, nur für die Demo und für Tests</translation>
    </message>
    <message>
        <source>keyring backend {name}</source>
        <translation>Schlüsselbund-Backend {name}</translation>
    </message>
    <message>
        <source>Install and unlock a Secret Service (GNOME Keyring or KWallet) on Linux, or use the system keychain on Windows and macOS; PYTHON_KEYRING_BACKEND selects another backend.</source>
        <translation>Installieren und entsperren Sie unter Linux einen Secret Service (GNOME Keyring oder KWallet) oder verwenden Sie unter Windows und macOS den Schlüsselbund des Systems; PYTHON_KEYRING_BACKEND wählt ein anderes Backend.</translation>
    </message>
    <message>
        <source>No usable keyring backend was found.</source>
        <translation>Es wurde kein nutzbares Schlüsselbund-Backend gefunden.</translation>
    </message>
    <message>
        <source>No real keyring is available, only: {backend}.</source>
        <translation>Kein echter Schlüsselbund verfügbar, nur: {backend}.</translation>
    </message>
    <message>
        <source>The keyring is locked ({backend}).</source>
        <translation>Der Schlüsselbund ist gesperrt ({backend}).</translation>
    </message>
    <message>
        <source>The keyring is unavailable ({backend}: {reason}).</source>
        <translation>Der Schlüsselbund ist nicht erreichbar ({backend}: {reason}).</translation>
    </message>
    <message>
        <source>The keyring did not return what was stored ({backend}).</source>
        <translation>Der Schlüsselbund gab nicht zurück, was gespeichert wurde ({backend}).</translation>
    </message>
    <message>
        <source>The Salesforce credentials are kept here: {backend}.</source>
        <translation>Die Salesforce-Anmeldedaten werden hier aufbewahrt: {backend}.</translation>
    </message>
    <message>
        <source>Unlock your keyring (log in to the desktop session) and retry.</source>
        <translation>Entsperren Sie Ihren Schlüsselbund (melden Sie sich an der Desktop-Sitzung an) und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>LogCallDialog</name>
    <message>
        <source>Log a call</source>
        <translation>Anruf erfassen</translation>
    </message>
    <message>
        <source>Hours, minutes and seconds</source>
        <translation>Stunden, Minuten und Sekunden</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Left voicemail</source>
        <translation>Sprachnachricht hinterlassen</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Besetzt</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Falsche Nummer</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>Da&amp;uer:</translation>
    </message>
    <message>
        <source>O&amp;utcome:</source>
        <translation>&amp;Ergebnis:</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>No&amp;tizen:</translation>
    </message>
</context>
<context>
    <name>LogNoteDialog</name>
    <message>
        <source>Log a note</source>
        <translation>Notiz erfassen</translation>
    </message>
    <message>
        <source>No&amp;te:</source>
        <translation>No&amp;tiz:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>NavSync Desktop</source>
        <translation>NavSync Desktop</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Jetzt s&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>Cance&amp;l sync</source>
        <translation>Synchronisierung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden …</translation>
    </message>
    <message>
        <source>Opens the setup wizard at Connect to CRM</source>
        <translation>Öffnet den Einrichtungsassistenten bei „Mit CRM verbinden“</translation>
    </message>
    <message>
        <source>S&amp;eats</source>
        <translation>&amp;Lizenznehmer</translation>
    </message>
    <message>
        <source>&amp;Activities</source>
        <translation>&amp;Aktivitäten</translation>
    </message>
    <message>
        <source>&amp;Unresolved activities</source>
        <translation>&amp;Nicht zugeordnete Aktivitäten</translation>
    </message>
    <message>
        <source>CRM se&amp;ttings</source>
        <translation>CRM-&amp;Einstellungen</translation>
    </message>
    <message>
        <source>Sync hist&amp;ory</source>
        <translation>Synchronisierungsverla&amp;uf</translation>
    </message>
    <message>
        <source>&amp;Import LinkedIn messages…</source>
        <translation>LinkedIn-Nachrichten &amp;importieren …</translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation>Synchronisierung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Setup &amp;wizard…</source>
        <translation>Einrichtungs&amp;assistent …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Sales Navigator &amp;help</source>
        <translation>Sales Navigator-&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About NavSync Desktop</source>
        <translation>&amp;Über NavSync Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Program</source>
        <translation>&amp;Programm</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Connect to Salesforce first: click Connect…</source>
        <translation>Verbinden Sie sich zuerst mit Salesforce: Klicken Sie auf „Verbinden …“</translation>
    </message>
    <message>
        <source>Scheduled syncs ({interval}) wait until you connect again.</source>
        <translation>Geplante Synchronisierungen ({interval}) warten, bis Sie sich wieder verbinden.</translation>
    </message>
    <message>
        <source>Scheduled syncs: {interval}.</source>
        <translation>Geplante Synchronisierungen: {interval}.</translation>
    </message>
    <message>
        <source>Next sync: soon (scheduled {interval}).</source>
        <translation>Nächste Synchronisierung: in Kürze (geplant: {interval}).</translation>
    </message>
    <message>
        <source>Next sync: {when} (scheduled {interval}).</source>
        <translation>Nächste Synchronisierung: {when} (geplant: {interval}).</translation>
    </message>
    <message>
        <source>Skipped: sponsored InMails (marketing, not sales activity) and messages with colleagues.</source>
        <translation>Übersprungen: gesponserte InMails (Marketing, keine Vertriebsaktivität) und Nachrichten mit Kollegen.</translation>
    </message>
    <message>
        <source>About NavSync Desktop</source>
        <translation>Über NavSync Desktop</translation>
    </message>
    <message>
        <source>NavSync Desktop {version}: Sales Navigator&apos;s CRM sync and activity write-back to Salesforce, on the desktop.
Help and support: {url}</source>
        <translation>NavSync Desktop {version}: CRM-Synchronisierung und Rückübertragung von Aktivitäten aus Sales Navigator in Salesforce, auf dem Desktop.
Hilfe und Support: {url}</translation>
    </message>
</context>
<context>
    <name>MapPersonDialog</name>
    <message>
        <source>Map a LinkedIn person to a CRM record</source>
        <translation>Eine LinkedIn-Person einem CRM-Eintrag zuordnen</translation>
    </message>
    <message>
        <source>Which contact, lead or account is {person} ({url})?</source>
        <translation>Welcher Kontakt, Lead oder Account ist {person} ({url})?</translation>
    </message>
    <message>
        <source>A name or an email address</source>
        <translation>Ein Name oder eine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>S&amp;earch</source>
        <translation>Such&amp;e starten</translation>
    </message>
    <message>
        <source>CRM records</source>
        <translation>CRM-Einträge</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Zuordnen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>{count} records found</source>
        <translation>{count} Einträge gefunden</translation>
    </message>
    <message>
        <source>No contact, lead or account has that name.</source>
        <translation>Kein Kontakt, Lead oder Account hat diesen Namen.</translation>
    </message>
</context>
<context>
    <name>Matching</name>
    <message>
        <source>No match</source>
        <translation>Keine Übereinstimmung</translation>
    </message>
    <message>
        <source>Ambiguous</source>
        <translation>Mehrdeutig</translation>
    </message>
    <message>
        <source>No profile URL</source>
        <translation>Keine Profil-URL</translation>
    </message>
    <message>
        <source>A colleague (Salesforce user or seat holder)</source>
        <translation>Ein Kollege (Salesforce-Benutzer oder Lizenznehmer)</translation>
    </message>
</context>
<context>
    <name>Paths</name>
    <message>
        <source>NAVSYNC_HOME is {home}, which is a file, not a folder. Set NAVSYNC_HOME to a folder (or unset it to use your user folders).</source>
        <translation>NAVSYNC_HOME ist {home}; das ist eine Datei, kein Ordner. Setzen Sie NAVSYNC_HOME auf einen Ordner (oder entfernen Sie die Variable, um Ihre Benutzerordner zu verwenden).</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be used ({reason}). Give your user write access to it, or set NAVSYNC_HOME to a folder you can write.</source>
        <translation>Der Ordner {folder} ist nicht nutzbar ({reason}). Geben Sie Ihrem Benutzer Schreibrechte dafür oder setzen Sie NAVSYNC_HOME auf einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
</context>
<context>
    <name>Prerequisites</name>
    <message>
        <source>Core (formerly Professional)</source>
        <translation>Core (früher Professional)</translation>
    </message>
    <message>
        <source>Advanced (formerly Team)</source>
        <translation>Advanced (früher Team)</translation>
    </message>
    <message>
        <source>Advanced Plus (formerly Enterprise)</source>
        <translation>Advanced Plus (früher Enterprise)</translation>
    </message>
    <message>
        <source>Admin + Team member</source>
        <translation>Administrator + Teammitglied</translation>
    </message>
    <message>
        <source>Admin only</source>
        <translation>Nur Administrator</translation>
    </message>
    <message>
        <source>Keyring for the Salesforce credentials</source>
        <translation>Schlüsselbund für die Salesforce-Anmeldedaten</translation>
    </message>
    <message>
        <source>Web browser with JavaScript</source>
        <translation>Browser mit aktiviertem JavaScript</translation>
    </message>
    <message>
        <source>No web browser can be opened from here.</source>
        <translation>Von hier aus lässt sich kein Browser öffnen.</translation>
    </message>
    <message>
        <source>Install a browser, or copy the sign-in link from the Connect step into a browser on this computer.</source>
        <translation>Installieren Sie einen Browser oder kopieren Sie den Anmeldelink aus dem Schritt „Mit CRM verbinden“ in einen Browser auf diesem Computer.</translation>
    </message>
    <message>
        <source>The Salesforce sign-in opens in {browser}. It needs JavaScript switched on.</source>
        <translation>Die Salesforce-Anmeldung öffnet sich in {browser}. Dafür muss JavaScript aktiviert sein.</translation>
    </message>
    <message>
        <source>The Salesforce sign-in opens in your default browser. It needs JavaScript switched on.</source>
        <translation>Die Salesforce-Anmeldung öffnet sich in Ihrem Standardbrowser. Dafür muss JavaScript aktiviert sein.</translation>
    </message>
    <message>
        <source>CRM sync needs Sales Navigator Advanced or Advanced Plus (formerly Team or Enterprise).</source>
        <translation>Die CRM-Synchronisierung erfordert Sales Navigator Advanced oder Advanced Plus (früher Team oder Enterprise).</translation>
    </message>
    <message>
        <source>Choose your contract above.</source>
        <translation>Wählen Sie oben Ihren Vertrag aus.</translation>
    </message>
    <message>
        <source>Declare it: navsync-desktop settings set salesnav.contract advanced_plus (or advanced).</source>
        <translation>Geben Sie ihn an: navsync-desktop settings set salesnav.contract advanced_plus (oder advanced).</translation>
    </message>
    <message>
        <source>Choose your seat above.</source>
        <translation>Wählen Sie oben Ihre Lizenz aus.</translation>
    </message>
    <message>
        <source>Declare it: navsync-desktop settings set salesnav.admin_seat admin_team_member (or admin_only).</source>
        <translation>Geben Sie sie an: navsync-desktop settings set salesnav.admin_seat admin_team_member (oder admin_only).</translation>
    </message>
    <message>
        <source>Sales Navigator contract</source>
        <translation>Sales Navigator-Vertrag</translation>
    </message>
    <message>
        <source>The contract edition has not been chosen yet.</source>
        <translation>Die Vertragsedition wurde noch nicht ausgewählt.</translation>
    </message>
    <message>
        <source>{edition} includes CRM sync.</source>
        <translation>{edition} enthält die CRM-Synchronisierung.</translation>
    </message>
    <message>
        <source>{edition} does not include CRM sync.</source>
        <translation>{edition} enthält die CRM-Synchronisierung nicht.</translation>
    </message>
    <message>
        <source>Your Sales Navigator seat</source>
        <translation>Ihre Sales Navigator-Lizenz</translation>
    </message>
    <message>
        <source>Your seat type has not been chosen yet.</source>
        <translation>Ihre Lizenzart wurde noch nicht ausgewählt.</translation>
    </message>
    <message>
        <source>Admin + Team member: you can configure and verify everything.</source>
        <translation>Administrator + Teammitglied: Sie können alles konfigurieren und überprüfen.</translation>
    </message>
    <message>
        <source>Admin only: you can configure CRM sync, but cannot verify the full functionality for other roles.</source>
        <translation>Nur Administrator: Sie können die Funktion zwar konfigurieren, sind aber NICHT berechtigt, die vollständige Funktionalität für andere Rollen zu überprüfen.</translation>
    </message>
    <message>
        <source>To verify everything, use an Admin + Team member seat (assign it in Seat Management).</source>
        <translation>Um alles zu überprüfen, verwenden Sie eine Lizenz als Administrator + Teammitglied (zuzuweisen unter Seat Management).</translation>
    </message>
</context>
<context>
    <name>PrerequisitesPage</name>
    <message>
        <source>Prerequisites</source>
        <translation>Voraussetzungen</translation>
    </message>
    <message>
        <source>Tell us about your Sales Navigator contract; this computer is checked too.</source>
        <translation>Geben Sie Ihren Sales Navigator-Vertrag an; auch dieser Computer wird geprüft.</translation>
    </message>
    <message>
        <source>Choose the edition…</source>
        <translation>Edition auswählen …</translation>
    </message>
    <message>
        <source>Choose your seat…</source>
        <translation>Lizenz auswählen …</translation>
    </message>
    <message>
        <source>Sales Navigator &amp;contract:</source>
        <translation>Sales Navigator-&amp;Vertrag:</translation>
    </message>
    <message>
        <source>Your &amp;seat:</source>
        <translation>Ihre &amp;Lizenz:</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
</context>
<context>
    <name>Readiness</name>
    <message>
        <source>Supported: Salesforce Enterprise, Performance, Unlimited or Developer Edition; Professional Edition with API access.</source>
        <translation>Unterstützt: Salesforce Enterprise-, Performance-, Unlimited- oder Developer-Edition; Professional Edition mit API-Zugang.</translation>
    </message>
    <message>
        <source>Professional Edition needs API access (may cost extra; ask your Salesforce account team).</source>
        <translation>Die Salesforce Professional Edition erfordert API-Zugang (hierfür fallen möglicherweise zusätzliche Gebühren an; wenden Sie sich an Ihr Salesforce Account-Team).</translation>
    </message>
    <message>
        <source>Connection to Salesforce</source>
        <translation>Verbindung mit Salesforce</translation>
    </message>
    <message>
        <source>Not connected, so the org cannot be checked.</source>
        <translation>Nicht verbunden, daher kann die Org nicht geprüft werden.</translation>
    </message>
    <message>
        <source>Go back to “Connect to CRM” and connect.</source>
        <translation>Gehen Sie zurück zu „Mit CRM verbinden“ und stellen Sie die Verbindung her.</translation>
    </message>
    <message>
        <source>Connect first: navsync-desktop connect (or connect --demo).</source>
        <translation>Verbinden Sie sich zuerst: navsync-desktop connect (oder connect --demo).</translation>
    </message>
    <message>
        <source>API access</source>
        <translation>API-Zugang</translation>
    </message>
    <message>
        <source>The Salesforce API is not enabled for this org.</source>
        <translation>Die Salesforce-API ist für diese Org nicht aktiviert.</translation>
    </message>
    <message>
        <source>The Salesforce API answers.</source>
        <translation>Die Salesforce-API antwortet.</translation>
    </message>
    <message>
        <source>Salesforce edition</source>
        <translation>Salesforce-Edition</translation>
    </message>
    <message>
        <source>{edition} is supported.</source>
        <translation>{edition} wird unterstützt.</translation>
    </message>
    <message>
        <source>Professional Edition with API access is supported.</source>
        <translation>Die Professional Edition mit API-Zugang wird unterstützt.</translation>
    </message>
    <message>
        <source>{edition} is not supported.</source>
        <translation>{edition} wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>Production org</source>
        <translation>Produktions-Org</translation>
    </message>
    <message>
        <source>This is a production org.</source>
        <translation>Dies ist eine Produktions-Org.</translation>
    </message>
    <message>
        <source>This org is a sandbox: sandbox installations are not supported.</source>
        <translation>Diese Org ist eine Sandbox: Sandbox-Installationen werden derzeit nicht unterstützt.</translation>
    </message>
    <message>
        <source>Disconnect and connect to your production org instead.</source>
        <translation>Trennen Sie die Verbindung und verbinden Sie sich stattdessen mit Ihrer Produktions-Org.</translation>
    </message>
    <message>
        <source>View All Data and Modify All Data</source>
        <translation>„Alle Daten anzeigen“ und „Alle Daten ändern“</translation>
    </message>
    <message>
        <source>The connected user has View All Data and Modify All Data.</source>
        <translation>Der verbundene Benutzer hat Zugriff auf „Alle Daten anzeigen“ und „Alle Daten ändern“.</translation>
    </message>
    <message>
        <source>In Salesforce Setup, give the connected user View All Data and Modify All Data (profile or permission set), then run the checks again.</source>
        <translation>Geben Sie dem verbundenen Benutzer im Salesforce-Setup „Alle Daten anzeigen“ und „Alle Daten ändern“ (Profil oder Berechtigungssatz) und führen Sie die Prüfungen erneut aus.</translation>
    </message>
    <message>
        <source>The connected user has View All Data but not Modify All Data: CRM sync works, activity write-back does not.</source>
        <translation>Der verbundene Benutzer hat „Alle Daten anzeigen“, aber nicht „Alle Daten ändern“: Die CRM-Synchronisierung funktioniert, die Rückübertragung von Aktivitäten nicht.</translation>
    </message>
    <message>
        <source>The connected user does not have View All Data.</source>
        <translation>Der verbundene Benutzer hat keinen Zugriff auf „Alle Daten anzeigen“.</translation>
    </message>
    <message>
        <source>Sales Navigator for Salesforce package</source>
        <translation>Paket „Sales Navigator for Salesforce“</translation>
    </message>
    <message>
        <source>The package (namespace LID) is installed.</source>
        <translation>Das Paket (Namespace LID) ist installiert.</translation>
    </message>
    <message>
        <source>The package “Sales Navigator for Salesforce” is not installed.</source>
        <translation>Die App „Sales Navigator for Salesforce“ ist nicht installiert.</translation>
    </message>
    <message>
        <source>Install “Sales Navigator for Salesforce” from the AppExchange as the installation guide describes, then run the checks again.</source>
        <translation>Installieren Sie „Sales Navigator for Salesforce“ aus dem AppExchange, wie in den Installationsanleitungen beschrieben, und führen Sie die Prüfungen erneut aus.</translation>
    </message>
    <message>
        <source>Person accounts</source>
        <translation>Personenkonten</translation>
    </message>
    <message>
        <source>Person accounts are not enabled.</source>
        <translation>Personenkonten sind nicht aktiviert.</translation>
    </message>
    <message>
        <source>Person accounts are enabled: they are excluded from CRM sync and activity write-back.</source>
        <translation>Personenkonten sind aktiviert: Die CRM-Synchronisierung und die Rückübertragung von Aktivitäten werden für Personenkonten NICHT unterstützt.</translation>
    </message>
    <message>
        <source>Nothing to change; activities of person accounts stay in Sales Navigator.</source>
        <translation>Nichts zu ändern; Aktivitäten zu Personenkonten bleiben in Sales Navigator.</translation>
    </message>
    <message>
        <source>Integration user</source>
        <translation>Integrationsbenutzer</translation>
    </message>
    <message>
        <source>Connected as the integration user {username}.</source>
        <translation>Verbunden als Integrationsbenutzer {username}.</translation>
    </message>
    <message>
        <source>Connected as {name} ({username}), a personal account. Its credentials are revoked when this person leaves or changes roles, which stops the sync; and written-back activities show this user as creator while the seat holder is the owner.</source>
        <translation>Verbunden als {name} ({username}), ein persönliches Konto. Persönliche Anmeldedaten können widerrufen werden, wenn die Person das Unternehmen verlässt oder die Position wechselt, und dann stoppt die Synchronisierung; außerdem wird bei zurückübertragenen Aktivitäten dieser Benutzer als Ersteller angezeigt, während der Lizenznehmer der Eigentümer ist.</translation>
    </message>
    <message>
        <source>Recommended: create an integration user with View All Data and Modify All Data, then disconnect and connect again as that user. Settings are kept.</source>
        <translation>Empfohlen: Legen Sie einen Integrationsbenutzer mit „Alle Daten anzeigen“ und „Alle Daten ändern“ an, trennen Sie dann die Verbindung und verbinden Sie sich erneut als dieser Benutzer. Die Einstellungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Contact validation rules</source>
        <translation>Validierungsregeln für Kontakte</translation>
    </message>
    <message>
        <source>No active validation rule on Contact.</source>
        <translation>Keine aktive Validierungsregel für Kontakte.</translation>
    </message>
    <message>
        <source>Active validation rules on Contact: {rules}. If a rule requires an email address, Test Write-Back cannot create its test contact.</source>
        <translation>Aktive Validierungsregeln für Kontakte: {rules}. Wenn eine Regel die Angabe einer E-Mail-Adresse voraussetzt, kann Test Write-Back keinen Testkontakt erstellen.</translation>
    </message>
    <message>
        <source>For the test, deactivate the rule temporarily; afterwards delete the test record in your CRM to remove it for good.</source>
        <translation>Um mit einem Testkontakt zu prüfen, ob die Rückübertragung funktioniert, können Sie diese Regel vorübergehend deaktivieren. Sie müssen den Testeintrag dann in Ihrem CRM löschen, um ihn dauerhaft zu entfernen.</translation>
    </message>
    <message>
        <source>API requests left today</source>
        <translation>Heute verbleibende API-Anfragen</translation>
    </message>
    <message>
        <source>{remaining} of {maximum} daily API requests left.</source>
        <translation>{remaining} von {maximum} täglichen API-Anfragen verbleiben.</translation>
    </message>
    <message>
        <source>Only {remaining} of {maximum} daily API requests are left: the sync slows down to stay within the limit and finishes when requests are available again; nothing is lost.</source>
        <translation>Nur noch {remaining} von {maximum} täglichen API-Anfragen verbleiben: Die Synchronisierung wird langsamer, um im Limit zu bleiben, und wird abgeschlossen, sobald wieder Anfragen verfügbar sind; nichts geht verloren.</translation>
    </message>
    <message>
        <source>Nothing to change. Other integrations of the org share this limit; Salesforce resets it over 24 hours.</source>
        <translation>Nichts zu ändern. Andere Integrationen der Org teilen sich dieses Limit; Salesforce setzt es im Lauf von 24 Stunden zurück.</translation>
    </message>
    <message>
        <source>Amount of CRM data</source>
        <translation>Umfang der CRM-Daten</translation>
    </message>
    <message>
        <source>{count} contacts: the first sync reads them with the REST API.</source>
        <translation>{count} Kontakte: Die erste Synchronisierung liest sie über die REST-API.</translation>
    </message>
    <message>
        <source>{count} contacts: the first sync reads them with Bulk API 2.0 and shows its progress.</source>
        <translation>{count} Kontakte: Die erste Synchronisierung liest sie über die Bulk API 2.0 und zeigt ihren Fortschritt.</translation>
    </message>
</context>
<context>
    <name>ReadinessPage</name>
    <message>
        <source>Org readiness</source>
        <translation>Bereitschaft der Org</translation>
    </message>
    <message>
        <source>The connected org is checked against the requirements.</source>
        <translation>Die verbundene Org wird anhand der Voraussetzungen geprüft.</translation>
    </message>
    <message>
        <source>Checking the org…</source>
        <translation>Die Org wird geprüft …</translation>
    </message>
    <message>
        <source>I have read the &amp;warnings and want to continue anyway</source>
        <translation>Ich habe die &amp;Warnungen gelesen und möchte trotzdem fortfahren</translation>
    </message>
    <message>
        <source>Run the checks &amp;again</source>
        <translation>Prüfungen &amp;erneut ausführen</translation>
    </message>
</context>
<context>
    <name>Salesforce</name>
    <message>
        <source>Salesforce refused the request ({code}): {message}</source>
        <translation>Salesforce hat die Anfrage abgelehnt ({code}): {message}</translation>
    </message>
    <message>
        <source>The org has used up its daily allowance of API requests ({message}). Salesforce counts the requests of the last 24 hours, so requests become possible again within 24 hours. Try again then, or ask your Salesforce account team for a higher API limit.</source>
        <translation>Die Org hat ihr tägliches Kontingent an API-Anfragen aufgebraucht ({message}). Salesforce zählt die Anfragen der letzten 24 Stunden; innerhalb von 24 Stunden sind daher wieder Anfragen möglich. Versuchen Sie es dann erneut, oder wenden Sie sich für ein höheres API-Limit an Ihr Salesforce Account-Team.</translation>
    </message>
    <message>
        <source>Port {port} on 127.0.0.1 is already in use, so the login cannot come back to NavSync Desktop. Close the program that uses it, or choose another redirect port and add its callback URL to your External Client App.</source>
        <translation>Port {port} auf 127.0.0.1 ist bereits belegt, daher kann die Anmeldung nicht zu NavSync Desktop zurückkehren. Schließen Sie das Programm, das ihn belegt, oder wählen Sie einen anderen Weiterleitungs-Port und tragen Sie dessen Rückruf-URL in Ihre externe Client-App ein.</translation>
    </message>
    <message>
        <source>Port {port} on 127.0.0.1 is already in use, so the login cannot come back to NavSync Desktop. Close the program that uses it, or use --port P with a port whose callback URL http://localhost:P/OauthRedirect is in your External Client App.</source>
        <translation>Port {port} auf 127.0.0.1 ist bereits belegt, daher kann die Anmeldung nicht zu NavSync Desktop zurückkehren. Schließen Sie das Programm, das ihn belegt, oder verwenden Sie --port P mit einem Port, dessen Rückruf-URL http://localhost:P/OauthRedirect in Ihrer externen Client-App steht.</translation>
    </message>
    <message>
        <source>Use https://login.salesforce.com or your My Domain URL (https://&lt;name&gt;.my.salesforce.com).</source>
        <translation>Verwenden Sie https://login.salesforce.com oder Ihre My-Domain-URL (https://&lt;name&gt;.my.salesforce.com).</translation>
    </message>
    <message>
        <source>{url} cannot be used to log in: {reason}</source>
        <translation>{url} kann nicht zur Anmeldung verwendet werden: {reason}</translation>
    </message>
    <message>
        <source>the login must use https:// (TLS).</source>
        <translation>Die Anmeldung muss https:// (TLS) verwenden.</translation>
    </message>
    <message>
        <source>Sandbox installations are not supported.</source>
        <translation>Sandbox-Installationen werden derzeit nicht unterstützt.</translation>
    </message>
    <message>
        <source>Connected to Salesforce</source>
        <translation>Mit Salesforce verbunden</translation>
    </message>
    <message>
        <source>You can close this window and return to NavSync Desktop.</source>
        <translation>Sie können dieses Fenster schließen und zu NavSync Desktop zurückkehren.</translation>
    </message>
    <message>
        <source>The connection to Salesforce failed</source>
        <translation>Die Verbindung zu Salesforce ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>This address is not part of the login.</source>
        <translation>Diese Adresse gehört nicht zur Anmeldung.</translation>
    </message>
    <message>
        <source>Salesforce did not authorize the connection: {reason}</source>
        <translation>Salesforce hat die Verbindung nicht autorisiert: {reason}</translation>
    </message>
    <message>
        <source>The login answer carried no authorization code.</source>
        <translation>Die Antwort der Anmeldung enthielt keinen Autorisierungscode.</translation>
    </message>
    <message>
        <source>No login arrived within {seconds} seconds. Start the connection again; if the browser did not open, copy the link into it.</source>
        <translation>Innerhalb von {seconds} Sekunden ist keine Anmeldung eingegangen. Starten Sie die Verbindung erneut; wenn sich der Browser nicht geöffnet hat, kopieren Sie den Link hinein.</translation>
    </message>
    <message>
        <source>The connection was cancelled.</source>
        <translation>Die Verbindung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>This page does not belong to the login</source>
        <translation>Diese Seite gehört nicht zur Anmeldung</translation>
    </message>
    <message>
        <source>NavSync Desktop ignored it and still waits for the login in the window it opened. Finish the login there.</source>
        <translation>NavSync Desktop hat sie ignoriert und wartet weiter auf die Anmeldung in dem Fenster, das es geöffnet hat. Schließen Sie die Anmeldung dort ab.</translation>
    </message>
    <message>
        <source>The certificate of {host} could not be verified, so nothing was sent. Check the address, or the network&apos;s proxy settings.</source>
        <translation>Das Zertifikat von {host} konnte nicht überprüft werden, daher wurde nichts gesendet. Prüfen Sie die Adresse oder die Proxy-Einstellungen des Netzwerks.</translation>
    </message>
    <message>
        <source>Salesforce at {host} could not be reached; check the network and retry.</source>
        <translation>Salesforce unter {host} ist nicht erreichbar; prüfen Sie das Netzwerk und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Salesforce did not accept the login: {reason}</source>
        <translation>Salesforce hat die Anmeldung nicht akzeptiert: {reason}</translation>
    </message>
    <message>
        <source>Salesforce no longer accepts this connection ({reason}): the access was revoked, the user deactivated or a policy changed. Reconnect to Salesforce.</source>
        <translation>Salesforce akzeptiert diese Verbindung nicht mehr ({reason}): Der Zugriff wurde widerrufen, der Benutzer deaktiviert oder eine Richtlinie geändert. Verbinden Sie sich erneut mit Salesforce.</translation>
    </message>
    <message>
        <source>Salesforce refused to renew the session: {reason}</source>
        <translation>Salesforce hat die Verlängerung der Sitzung abgelehnt: {reason}</translation>
    </message>
    <message>
        <source>Salesforce kept failing ({code}: {message}); try again later.</source>
        <translation>Salesforce hat wiederholt Fehler gemeldet ({code}: {message}); versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Salesforce at {instance} could not be reached ({reason}); check the network and retry.</source>
        <translation>Salesforce unter {instance} ist nicht erreichbar ({reason}); prüfen Sie das Netzwerk und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>SavedListsDialog</name>
    <message>
        <source>Saved lists of {name}</source>
        <translation>Gespeicherte Listen von {name}</translation>
    </message>
    <message>
        <source>My CRM Accounts ({count})</source>
        <translation>My CRM Accounts ({count})</translation>
    </message>
    <message>
        <source>My CRM Leads and Contacts ({count})</source>
        <translation>My CRM Leads and Contacts ({count})</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <source>every hour</source>
        <translation>stündlich</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>every {days} days</source>
        <translation>alle {days} Tage</translation>
    </message>
    <message>
        <source>every {hours} hours</source>
        <translation>alle {hours} Stunden</translation>
    </message>
</context>
<context>
    <name>Seats</name>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>Teammitglied</translation>
    </message>
    <message>
        <source>Admin + Team member</source>
        <translation>Administrator + Teammitglied</translation>
    </message>
    <message>
        <source>Not matched</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>Unknown seat type “{value}” (Admin, Team member, Admin + Team member)</source>
        <translation>Unbekannter Lizenztyp „{value}“ (Administrator, Teammitglied, Administrator + Teammitglied)</translation>
    </message>
    <message>
        <source>Sync must be on or off, not “{value}”</source>
        <translation>Synchronisierung muss „an“ oder „aus“ sein, nicht „{value}“</translation>
    </message>
    <message>
        <source>“{value}” is not an email address</source>
        <translation>„{value}“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>The seat holder&apos;s name is missing</source>
        <translation>Der Name des Lizenznehmers fehlt</translation>
    </message>
    <message>
        <source>“{value}” is not a LinkedIn profile URL</source>
        <translation>„{value}“ ist keine LinkedIn-Profil-URL</translation>
    </message>
    <message>
        <source>{email} is a seat holder already; change the seat or import a list</source>
        <translation>{email} ist bereits Lizenznehmer; ändern Sie die Lizenz oder importieren Sie eine Liste</translation>
    </message>
    <message>
        <source>No seat holder has the email {email}</source>
        <translation>Kein Lizenznehmer hat die E-Mail-Adresse {email}</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>{file} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>kein UTF-8-Text</translation>
    </message>
    <message>
        <source>{file} is empty: it needs a header line</source>
        <translation>{file} ist leer: Die Datei braucht eine Kopfzeile</translation>
    </message>
    <message>
        <source>{email} is listed twice (also on line {other})</source>
        <translation>{email} steht zweimal in der Datei (auch in Zeile {other})</translation>
    </message>
    <message>
        <source>two columns mean {column}</source>
        <translation>zwei Spalten bedeuten {column}</translation>
    </message>
    <message>
        <source>the header needs the columns email and name (found: {found}); the columns are: email, name, seat type, profile url, sync</source>
        <translation>die Kopfzeile braucht die Spalten email und name (gefunden: {found}); die Spalten sind: email, name, seat type, profile url, sync</translation>
    </message>
    <message>
        <source>{file}, line {line}: {problem}. Nothing was imported.</source>
        <translation>{file}, Zeile {line}: {problem}. Es wurde nichts importiert.</translation>
    </message>
</context>
<context>
    <name>SeatsTab</name>
    <message>
        <source>Seat holders</source>
        <translation>Lizenznehmer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Seat type</source>
        <translation>Lizenztyp</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>Salesforce User</source>
        <translation>Salesforce-Benutzer</translation>
    </message>
    <message>
        <source>My CRM Accounts</source>
        <translation>My CRM Accounts</translation>
    </message>
    <message>
        <source>My CRM Leads and Contacts</source>
        <translation>My CRM Leads and Contacts</translation>
    </message>
    <message>
        <source>&amp;Add seat holder…</source>
        <translation>Lizenznehmer hin&amp;zufügen …</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren …</translation>
    </message>
    <message>
        <source>Columns: email, name, seat type, profile url, sync (comma or semicolon)</source>
        <translation>Spalten: E-Mail, Name, Sitztyp, Profil-URL, Synchronisierung (durch Komma oder Semikolon getrennt)</translation>
    </message>
    <message>
        <source>Add the demo org&apos;s sales &amp;reps</source>
        <translation>&amp;Vertriebsmitarbeiter der Demo-Org hinzufügen</translation>
    </message>
    <message>
        <source>The demo org&apos;s users who own accounts, opportunities or leads</source>
        <translation>Die Benutzer der Demo-Org, denen Accounts, Opportunities oder Leads gehören</translation>
    </message>
    <message>
        <source>Show saved li&amp;sts…</source>
        <translation>Gespeicherte Listen anzei&amp;gen …</translation>
    </message>
    <message>
        <source>Auto sync all seat holders is Yes: every seat holder is synced. To choose seat by seat, answer No on the CRM settings tab.</source>
        <translation>„Alle Lizenznehmer automatisch synchronisieren“ ist „Ja“: Alle Lizenznehmer werden synchronisiert. Um für jeden Lizenznehmer einzeln zu wählen, antworten Sie auf der Registerkarte „CRM-Einstellungen“ mit „Nein“.</translation>
    </message>
    <message>
        <source>Auto sync all seat holders is No: each seat holder&apos;s Sync switch decides.</source>
        <translation>„Alle Lizenznehmer automatisch synchronisieren“ ist „Nein“: Der Schalter „Synchronisierung“ jedes Lizenznehmers entscheidet.</translation>
    </message>
    <message>
        <source>{user} (inactive)</source>
        <translation>{user} (inaktiv)</translation>
    </message>
    <message>
        <source>No Salesforce User has the email {email}</source>
        <translation>Kein Salesforce-Benutzer hat die E-Mail-Adresse {email}</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Auto sync all seat holders is Yes, so every seat holder is synced. Answer No on the CRM settings tab to switch seat holders on or off one by one.</source>
        <translation>„Alle Lizenznehmer automatisch synchronisieren“ ist „Ja“, daher werden alle Lizenznehmer synchronisiert. Antworten Sie auf der Registerkarte „CRM-Einstellungen“ mit „Nein“, um Lizenznehmer einzeln ein- oder auszuschalten.</translation>
    </message>
    <message>
        <source>Sync this seat holder with the CRM</source>
        <translation>Diesen Lizenznehmer mit dem CRM synchronisieren</translation>
    </message>
    <message>
        <source>{name} is synced now.</source>
        <translation>{name} wird jetzt synchronisiert.</translation>
    </message>
    <message>
        <source>{name} is not synced now.</source>
        <translation>{name} wird jetzt nicht mehr synchronisiert.</translation>
    </message>
    <message>
        <source>{email} was added.</source>
        <translation>{email} wurde hinzugefügt.</translation>
    </message>
    <message>
        <source>Import seat holders</source>
        <translation>Lizenznehmer importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>{file}: {added} added, {updated} updated.</source>
        <translation>{file}: {added} hinzugefügt, {updated} aktualisiert.</translation>
    </message>
    <message>
        <source>{count} sales reps of the demo org were added.</source>
        <translation>{count} Vertriebsmitarbeiter der Demo-Org wurden hinzugefügt.</translation>
    </message>
    <message>
        <source>No sales reps were added: they are seat holders already, or the CRM data has not been synced yet.</source>
        <translation>Es wurden keine Vertriebsmitarbeiter hinzugefügt: Sie sind bereits Lizenznehmer, oder die CRM-Daten wurden noch nicht synchronisiert.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>{key} must be one of: {allowed}</source>
        <translation>{key} muss einer dieser Werte sein: {allowed}</translation>
    </message>
    <message>
        <source>{key} must be a whole number of at least {low}</source>
        <translation>{key} muss eine ganze Zahl von mindestens {low} sein</translation>
    </message>
    <message>
        <source>{key} must be a whole number from {low} to {high}</source>
        <translation>{key} muss eine ganze Zahl von {low} bis {high} sein</translation>
    </message>
    <message>
        <source>The org&apos;s {what} are not known yet: connect to Salesforce (and sync) first, or choose {not_sure}.</source>
        <translation>Die {what} der Organisation sind noch nicht bekannt: Verbinden Sie zuerst mit Salesforce (und synchronisieren Sie), oder wählen Sie {not_sure}.</translation>
    </message>
    <message>
        <source>opportunity stages</source>
        <translation>Opportunity-Phasen</translation>
    </message>
    <message>
        <source>opportunity currency fields</source>
        <translation>Währungsfelder der Opportunity</translation>
    </message>
    <message>
        <source>unknown setting {key}; known: {known}</source>
        <translation>unbekannte Einstellung {key}; bekannt sind: {known}</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>NavSync Desktop — CRM setup</source>
        <translation>NavSync Desktop — CRM-Einrichtung</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Disconnected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Connected to Salesforce</source>
        <translation>Mit Salesforce verbunden</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert …</translation>
    </message>
    <message>
        <source>Reconnect required</source>
        <translation>Erneute Verbindung erforderlich</translation>
    </message>
    <message>
        <source>Reconnect required — reconnect by {date}</source>
        <translation>Erneute Verbindung erforderlich — bis {date} erneut verbinden</translation>
    </message>
    <message>
        <source>Last synced —</source>
        <translation>Zuletzt synchronisiert —</translation>
    </message>
    <message>
        <source>Last synced {when}</source>
        <translation>Zuletzt synchronisiert {when}</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>Setup steps</source>
        <translation>Schritte der Einrichtung</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Go back to this step</source>
        <translation>Zu diesem Schritt zurückgehen</translation>
    </message>
    <message>
        <source>{step}: done</source>
        <translation>{step}: erledigt</translation>
    </message>
    <message>
        <source>{step}: current step</source>
        <translation>{step}: aktueller Schritt</translation>
    </message>
    <message>
        <source>{step}: to come</source>
        <translation>{step}: folgt</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Another NavSync Desktop is already using {path}. Close it (or wait for its command to finish) and try again.</source>
        <translation>Ein anderes NavSync Desktop verwendet bereits {path}. Schließen Sie es (oder warten Sie, bis sein Befehl beendet ist) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The local store {path} was damaged and has been moved aside to {kept_at}. NavSync Desktop now starts with a new, empty store: reconnect to Salesforce and sync to fill it again. Keep the damaged file for support.</source>
        <translation>Der lokale Datenspeicher {path} war beschädigt und wurde nach {kept_at} verschoben. NavSync Desktop beginnt jetzt mit einem neuen, leeren Datenspeicher: Verbinden Sie sich erneut mit Salesforce und synchronisieren Sie, um ihn wieder zu füllen. Bewahren Sie die beschädigte Datei für den Support auf.</translation>
    </message>
    <message>
        <source>The local store {path} is damaged. Start NavSync Desktop: it keeps the damaged file for support and starts with a new, empty store.</source>
        <translation>Der lokale Datenspeicher {path} ist beschädigt. Starten Sie NavSync Desktop: Es bewahrt die beschädigte Datei für den Support auf und beginnt mit einem neuen, leeren Datenspeicher.</translation>
    </message>
    <message>
        <source>The local store {path} is busy: another program is writing to it. Wait a moment and try again.</source>
        <translation>Der lokale Datenspeicher {path} ist belegt: Ein anderes Programm schreibt gerade hinein. Warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The local store {path} cannot be opened ({reason}). Check that its folder is writable and the disk is available, then try again.</source>
        <translation>Der lokale Datenspeicher {path} lässt sich nicht öffnen ({reason}). Prüfen Sie, ob sein Ordner beschreibbar und das Laufwerk verfügbar ist, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Setting up the local store {path} failed at schema {version} ({reason}). Send the log file to support.</source>
        <translation>Das Einrichten des lokalen Datenspeichers {path} ist bei Schema {version} fehlgeschlagen ({reason}). Senden Sie die Protokolldatei an den Support.</translation>
    </message>
    <message>
        <source>Updating the local store {path} from schema {old} failed at schema {version} ({reason}); the file stays at schema {kept}. A copy from before the update is kept at {backup}. Send the log file to support; NavSync Desktop cannot use the store until then.</source>
        <translation>Die Aktualisierung des lokalen Datenspeichers {path} von Schema {old} ist bei Schema {version} fehlgeschlagen ({reason}); die Datei bleibt auf Schema {kept}. Eine Kopie vom Stand vor der Aktualisierung liegt unter {backup}. Senden Sie die Protokolldatei an den Support; bis dahin kann NavSync Desktop den Datenspeicher nicht verwenden.</translation>
    </message>
    <message>
        <source>{path} was written by a newer NavSync Desktop (schema {version}; this version knows {latest}). Update NavSync Desktop to use it.</source>
        <translation>{path} wurde von einem neueren NavSync Desktop geschrieben (Schema {version}; diese Version kennt {latest}). Aktualisieren Sie NavSync Desktop, um die Datei zu verwenden.</translation>
    </message>
</context>
<context>
    <name>SupportActions</name>
    <message>
        <source>Create &amp;support bundle…</source>
        <translation>&amp;Supportpaket erstellen…</translation>
    </message>
    <message>
        <source>&amp;Reset demo…</source>
        <translation>Demo &amp;zurücksetzen…</translation>
    </message>
    <message>
        <source>Reset demo</source>
        <translation>Demo zurücksetzen</translation>
    </message>
    <message>
        <source>Reset the demo to its seeded state? The demo org is seeded anew, the local data (seat holders, settings, synced records, activities) is deleted and the demo login is removed from the keyring.</source>
        <translation>Die Demo auf den Ausgangszustand zurücksetzen? Die Demo-Org wird neu befüllt, die lokalen Daten (Lizenznehmer, Einstellungen, synchronisierte Datensätze, Aktivitäten) werden gelöscht und die Demo-Anmeldung wird aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>&amp;Reset demo</source>
        <translation>Demo &amp;zurücksetzen</translation>
    </message>
</context>
<context>
    <name>SupportBundle</name>
    <message>
        <source>reading the local data</source>
        <translation>lokale Daten werden gelesen</translation>
    </message>
    <message>
        <source>checking the org</source>
        <translation>die Org wird geprüft</translation>
    </message>
    <message>
        <source>checking this computer</source>
        <translation>dieser Computer wird geprüft</translation>
    </message>
    <message>
        <source>masking and writing the bundle</source>
        <translation>das Paket wird maskiert und geschrieben</translation>
    </message>
    <message>
        <source>Support bundle: {step} ({done} of {total})</source>
        <translation>Supportpaket: {step} ({done} von {total})</translation>
    </message>
    <message>
        <source>Support bundle written to {path} (personal data masked).</source>
        <translation>Supportpaket unter {path} gespeichert (personenbezogene Daten maskiert).</translation>
    </message>
    <message>
        <source>Support bundle written to {path} (personal data included).</source>
        <translation>Supportpaket unter {path} gespeichert (mit personenbezogenen Daten).</translation>
    </message>
    <message>
        <source>The support bundle must be a .zip file: {path}</source>
        <translation>Das Supportpaket muss eine ZIP-Datei (.zip) sein: {path}</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Der Ordner {folder} existiert nicht.</translation>
    </message>
    <message>
        <source>The support bundle could not be written to {path}: {reason}</source>
        <translation>Das Supportpaket konnte nicht unter {path} gespeichert werden: {reason}</translation>
    </message>
</context>
<context>
    <name>SupportBundleDialog</name>
    <message>
        <source>Create support bundle</source>
        <translation>Supportpaket erstellen</translation>
    </message>
    <message>
        <source>The support bundle is a zip file for NavSync support: settings, connection details, sync history, write-back errors, the recent log, this computer&apos;s environment and the org&apos;s readiness. Tokens and passwords never go in.</source>
        <translation>Das Supportpaket ist eine ZIP-Datei für den NavSync-Support: Einstellungen, Verbindungsdetails, Synchronisierungsverlauf, Fehler der Rückübertragung, das aktuelle Protokoll, die Umgebung dieses Computers und die Bereitschaft der Org. Token und Kennwörter sind nie enthalten.</translation>
    </message>
    <message>
        <source>Support bundle file</source>
        <translation>Datei des Supportpakets</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Auswählen…</translation>
    </message>
    <message>
        <source>&amp;Include personal data (names, email addresses, phone numbers, message texts)</source>
        <translation>&amp;Personenbezogene Daten einschließen (Namen, E-Mail-Adressen, Telefonnummern, Nachrichtentexte)</translation>
    </message>
    <message>
        <source>Off: personal data is masked; the same person keeps the same mask.</source>
        <translation>Aus: Personenbezogene Daten werden maskiert; dieselbe Person behält dieselbe Maske.</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Save support bundle</source>
        <translation>Supportpaket speichern</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>ZIP-Dateien (*.zip)</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>The sync failed unexpectedly; nothing was changed. The log file has the details.</source>
        <translation>Die Synchronisierung ist unerwartet fehlgeschlagen; es wurde nichts geändert. Einzelheiten stehen in der Protokolldatei.</translation>
    </message>
    <message>
        <source>Syncing {percent}% — {sobject} {read} / {total}</source>
        <translation>Synchronisierung {percent} % — {sobject} {read} / {total}</translation>
    </message>
    <message>
        <source>Saving {sobject}…</source>
        <translation>{sobject} werden gespeichert…</translation>
    </message>
    <message>
        <source>Updating the seat holders&apos; saved lists…</source>
        <translation>Die gespeicherten Listen der Lizenznehmer werden aktualisiert…</translation>
    </message>
    <message>
        <source>Preparing the sync…</source>
        <translation>Die Synchronisierung wird vorbereitet…</translation>
    </message>
    <message>
        <source>Retrying — Salesforce is busy (too many requests at once)</source>
        <translation>Neuer Versuch — Salesforce ist ausgelastet (zu viele gleichzeitige Anfragen)</translation>
    </message>
    <message>
        <source>Retrying — Salesforce answered {status}</source>
        <translation>Neuer Versuch — Salesforce antwortete mit {status}</translation>
    </message>
    <message>
        <source>Retrying — Salesforce did not answer in time</source>
        <translation>Neuer Versuch — Salesforce hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>Retrying — the connection to Salesforce was interrupted</source>
        <translation>Neuer Versuch — die Verbindung zu Salesforce wurde unterbrochen</translation>
    </message>
    <message>
        <source>Slowing down — only {remaining} API requests are left today; {reserve} stay reserved for other integrations</source>
        <translation>Langsamer — heute sind nur noch {remaining} API-Anforderungen übrig; {reserve} bleiben für andere Integrationen reserviert</translation>
    </message>
    <message>
        <source>The sync was interrupted: the program ended before it finished. Nothing was lost.</source>
        <translation>Die Synchronisierung wurde unterbrochen: Das Programm wurde vor ihrem Ende beendet. Es ging nichts verloren.</translation>
    </message>
    <message>
        <source>Paused: {remaining} API requests are left today and stay reserved for other integrations. The sync goes on with the next run; nothing was lost.</source>
        <translation>Angehalten: Heute sind noch {remaining} API-Anforderungen übrig, sie bleiben für andere Integrationen reserviert. Die Synchronisierung geht beim nächsten Lauf weiter; nichts ging verloren.</translation>
    </message>
</context>
<context>
    <name>SyncProgressView</name>
    <message>
        <source>Sync progress</source>
        <translation>Fortschritt der Synchronisierung</translation>
    </message>
    <message>
        <source>The CRM sync runs in the background; you can go on meanwhile.</source>
        <translation>Die CRM-Synchronisierung läuft im Hintergrund; Sie können währenddessen weitermachen.</translation>
    </message>
    <message>
        <source>The sync could not start: {error}</source>
        <translation>Die Synchronisierung konnte nicht beginnen: {error}</translation>
    </message>
    <message>
        <source>No sync has run yet.</source>
        <translation>Es wurde noch nicht synchronisiert.</translation>
    </message>
    <message>
        <source>The latest sync was interrupted.</source>
        <translation>Die letzte Synchronisierung wurde unterbrochen.</translation>
    </message>
    <message>
        <source>The latest sync finished {when}: {rows} records read in {duration}.</source>
        <translation>Die letzte Synchronisierung endete {when}: {rows} Datensätze in {duration} gelesen.</translation>
    </message>
    <message>
        <source>The latest sync was cancelled; the local data is unchanged.</source>
        <translation>Die letzte Synchronisierung wurde abgebrochen; die lokalen Daten sind unverändert.</translation>
    </message>
    <message>
        <source>The latest sync paused: {reason}</source>
        <translation>Die letzte Synchronisierung wurde angehalten: {reason}</translation>
    </message>
    <message>
        <source>The latest sync failed: {reason}</source>
        <translation>Die letzte Synchronisierung ist fehlgeschlagen: {reason}</translation>
    </message>
</context>
<context>
    <name>TestWriteBack</name>
    <message>
        <source>Test contact</source>
        <translation>Testkontakt</translation>
    </message>
    <message>
        <source>Test InMail (Task)</source>
        <translation>Test-InMail (Aufgabe)</translation>
    </message>
    <message>
        <source>Test message (Task)</source>
        <translation>Testnachricht (Aufgabe)</translation>
    </message>
    <message>
        <source>Test call (Task)</source>
        <translation>Testanruf (Aufgabe)</translation>
    </message>
    <message>
        <source>Test note (Notes &amp; Attachments)</source>
        <translation>Testnotiz (Notes &amp; Attachments)</translation>
    </message>
    <message>
        <source>The test contact and its activities are real records: until you delete them they show in activity reports and in the LinkedIn reports, created by the connected user and owned by them. Tell your Sales Navigator seat holders about the test, so that the test data does not confuse their reports, and delete the test records once you have checked them.</source>
        <translation>Der Testkontakt und seine Aktivitäten sind echte Einträge: Bis Sie sie löschen, erscheinen sie in Aktivitätsberichten und in den LinkedIn-Berichten, erstellt vom verbundenen Benutzer und ihm zugeordnet. Erklären Sie Ihren Sales Navigator-Lizenznehmern, wie Daten bei diesem Test angezeigt werden, um Verwirrungen beim Erstellen von Berichten zu vermeiden, und löschen Sie die Testeinträge, sobald Sie sie geprüft haben.</translation>
    </message>
    <message>
        <source>Salesforce refused the test contact: {message} No test record was created. A validation rule that requires an email address on contacts blocks the test: deactivate the rule temporarily for the test, and delete the test record in your CRM afterwards to remove it for good.</source>
        <translation>Salesforce hat den Testkontakt abgelehnt: {message} Es wurde kein Testeintrag erstellt. Eine Validierungsregel, die für Kontakteinträge eine E-Mail-Adresse voraussetzt, verhindert den Test: Deaktivieren Sie die Regel für den Test vorübergehend und löschen Sie den Testeintrag anschließend in Ihrem CRM, um ihn dauerhaft zu entfernen.</translation>
    </message>
    <message>
        <source>The test activities could not be created ({reason}); the test records created so far were deleted again.</source>
        <translation>Die Testaktivitäten konnten nicht erstellt werden ({reason}); die bis dahin erstellten Testeinträge wurden wieder gelöscht.</translation>
    </message>
</context>
<context>
    <name>TestWriteBackPage</name>
    <message>
        <source>Test Write-Back</source>
        <translation>Test Write-Back</translation>
    </message>
    <message>
        <source>Check that activities arrive in your CRM before you finish.</source>
        <translation>Prüfen Sie vor dem Abschluss, ob die Übertragung in Ihr CRM funktioniert.</translation>
    </message>
    <message>
        <source>Test Write-Back creates a contact in your CRM and, for this test contact, one test activity of every item you sync back, so that you can check them: View in CRM shows each test record. No test record is created when a validation rule of your CRM requires an email address on contacts.</source>
        <translation>Test Write-Back erstellt in Ihrem CRM einen Eintrag mit einem Contact und für diesen Testkontakt eine Testaktivität jedes übertragenen Elements, damit Sie diese prüfen können. Jeden Testeintrag können Sie über View in CRM anzeigen. Ein solcher Testeintrag wird nicht erstellt, wenn Validierungsregeln Ihres CRM die Angabe einer E-Mail-Adresse für Kontakteinträge voraussetzen.</translation>
    </message>
    <message>
        <source>&amp;Run Test Write-Back</source>
        <translation>Test Write-Back &amp;starten</translation>
    </message>
    <message>
        <source>Creating the test records in your CRM…</source>
        <translation>Die Testeinträge werden in Ihrem CRM erstellt…</translation>
    </message>
    <message>
        <source>Test records in your CRM</source>
        <translation>Testeinträge in Ihrem CRM</translation>
    </message>
    <message>
        <source>&amp;Delete test data</source>
        <translation>Testdaten &amp;löschen</translation>
    </message>
    <message>
        <source>Activity write-back is off, so there is nothing to test: Test Write-Back is skipped. Turn write-back on on the previous page to test it.</source>
        <translation>Die Rückübertragung von Aktivitäten ist ausgeschaltet, es gibt also nichts zu testen: Test Write-Back wird übersprungen. Schalten Sie die Rückübertragung auf der vorigen Seite ein, um sie zu testen.</translation>
    </message>
    <message>
        <source>Test Write-Back is skipped. {reason}</source>
        <translation>Test Write-Back wird übersprungen. {reason}</translation>
    </message>
    <message>
        <source>The test is optional: Next goes on without it. Activities then reach your CRM untested.</source>
        <translation>Der Test ist optional: „Weiter“ geht auch ohne ihn weiter. Aktivitäten erreichen Ihr CRM dann ungetestet.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Test records of an earlier Test Write-Back are still in your CRM.</source>
        <translation>Testeinträge eines früheren Test Write-Back sind noch in Ihrem CRM.</translation>
    </message>
    <message>
        <source>Test record</source>
        <translation>Testeintrag</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Salesforce record</source>
        <translation>Salesforce-Eintrag</translation>
    </message>
    <message>
        <source>View in CRM</source>
        <translation>View in CRM</translation>
    </message>
    <message>
        <source>View {record} in CRM</source>
        <translation>{record} im CRM anzeigen (View in CRM)</translation>
    </message>
    <message>
        <source>No browser could be opened. The record&apos;s address: {url}</source>
        <translation>Es konnte kein Browser geöffnet werden. Die Adresse des Eintrags: {url}</translation>
    </message>
    <message>
        <source>The test data could not be deleted: {reason}</source>
        <translation>Die Testdaten konnten nicht gelöscht werden: {reason}</translation>
    </message>
    <message>
        <source>Test records deleted in your CRM: {count}.</source>
        <translation>Gelöschte Testeinträge in Ihrem CRM: {count}.</translation>
    </message>
    <message>
        <source>Skipped.</source>
        <translation>Übersprungen.</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>Fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Passed; the test records were deleted again.</source>
        <translation>Bestanden; die Testeinträge wurden wieder gelöscht.</translation>
    </message>
    <message>
        <source>Passed. Its test records are still in your CRM: once you have checked them, delete them with Delete test data (Back), or later with navsync-desktop test-writeback --cleanup.</source>
        <translation>Bestanden. Die Testeinträge sind noch in Ihrem CRM: Sobald Sie sie geprüft haben, löschen Sie sie mit „Testdaten löschen“ („Zurück“) oder später mit navsync-desktop test-writeback --cleanup.</translation>
    </message>
    <message>
        <source>Not run: activities reach your CRM untested.</source>
        <translation>Nicht ausgeführt: Aktivitäten erreichen Ihr CRM ungetestet.</translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <source>Welcome: what the wizard sets up, with the demo org chosen.</source>
        <translation>Willkommen: was der Assistent einrichtet, mit der Demo-Org ausgewählt.</translation>
    </message>
    <message>
        <source>Prerequisites: the Sales Navigator contract and seat, checked on this computer.</source>
        <translation>Voraussetzungen: Sales Navigator-Vertrag und Lizenz, auf diesem Computer geprüft.</translation>
    </message>
    <message>
        <source>Connect to CRM: logged in to Salesforce in the browser, the connection is made.</source>
        <translation>Mit CRM verbinden: im Browser bei Salesforce angemeldet, die Verbindung steht.</translation>
    </message>
    <message>
        <source>Org readiness: the org&apos;s edition, permissions and package.</source>
        <translation>Bereitschaft der Org: Edition, Berechtigungen und Paket der Org.</translation>
    </message>
    <message>
        <source>CRM settings, while the initial CRM sync runs.</source>
        <translation>CRM-Einstellungen, während die erste CRM-Synchronisierung läuft.</translation>
    </message>
    <message>
        <source>Activity write-back: which LinkedIn activities go back to Salesforce.</source>
        <translation>Rückübertragung von Aktivitäten: welche LinkedIn-Aktivitäten in Salesforce ankommen.</translation>
    </message>
    <message>
        <source>Test Write-Back: a test contact and one activity of each kind, in Salesforce.</source>
        <translation>Test Write-Back: ein Testkontakt und je eine Aktivität jeder Art, in Salesforce.</translation>
    </message>
    <message>
        <source>Finish: what was set up, and when the next sync runs.</source>
        <translation>Abschluss: was eingerichtet wurde und wann die nächste Synchronisierung läuft.</translation>
    </message>
    <message>
        <source>The main window: the status header, Sync now, and when the next sync runs.</source>
        <translation>Das Hauptfenster: die Statuszeile, „Jetzt synchronisieren“ und wann die nächste Synchronisierung läuft.</translation>
    </message>
    <message>
        <source>Seats: the demo org&apos;s sales reps, their Salesforce user and saved lists.</source>
        <translation>Lizenznehmer: die Vertriebsmitarbeiter der Demo-Org, ihr Salesforce-Benutzer und ihre gespeicherten Listen.</translation>
    </message>
    <message>
        <source>Activities: a seat holder&apos;s LinkedIn messages, imported and copied to the CRM.</source>
        <translation>Aktivitäten: die LinkedIn-Nachrichten eines Lizenznehmers, importiert und ins CRM kopiert.</translation>
    </message>
    <message>
        <source>Unresolved activities: people the CRM has no record of, to map by hand.</source>
        <translation>Nicht zugeordnete Aktivitäten: Personen ohne Datensatz im CRM, von Hand zuzuordnen.</translation>
    </message>
    <message>
        <source>Sync history: every sync with its counts and API usage.</source>
        <translation>Synchronisierungsverlauf: jede Synchronisierung mit ihren Anzahlen und ihrer API-Nutzung.</translation>
    </message>
    <message>
        <source>NavSync Desktop: a tour of the setup and the main window</source>
        <translation>NavSync Desktop: ein Rundgang durch die Einrichtung und das Hauptfenster</translation>
    </message>
</context>
<context>
    <name>Unresolved</name>
    <message>
        <source>{file} cannot be written: {reason}</source>
        <translation>{file} kann nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>{id} is not the Id of a contact, lead or account</source>
        <translation>{id} ist nicht die ID eines Contacts, Leads oder Accounts</translation>
    </message>
    <message>
        <source>No {sobject} with the Id {id} is known: sync the CRM data first.</source>
        <translation>Kein {sobject} mit der ID {id} ist bekannt: Synchronisieren Sie zuerst die CRM-Daten.</translation>
    </message>
    <message>
        <source>“{value}” is not a LinkedIn profile URL</source>
        <translation>„{value}“ ist keine LinkedIn-Profil-URL</translation>
    </message>
</context>
<context>
    <name>UnresolvedTab</name>
    <message>
        <source>LinkedIn Unresolved Activities: activities whose person has no record in the CRM. Map a person to a contact, lead or account, and their activities are written back.</source>
        <translation>LinkedIn Unresolved Activities (Unassigned Activities): Aktivitäten, für deren Person es im CRM keinen Eintrag gibt. Ordnen Sie die Person einem Kontakt, Lead oder Account zu, dann werden ihre Aktivitäten übertragen.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>Alle Gründe</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Keine Übereinstimmung</translation>
    </message>
    <message>
        <source>Ambiguous</source>
        <translation>Mehrdeutig</translation>
    </message>
    <message>
        <source>No profile URL</source>
        <translation>Keine Profil-URL</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Name, company or profile URL</source>
        <translation>Name, Unternehmen oder Profil-URL</translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Unresolved activities</source>
        <translation>Nicht zugeordnete Aktivitäten</translation>
    </message>
    <message>
        <source>&amp;Map…</source>
        <translation>&amp;Zuordnen …</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Unresolved activities: {count}</source>
        <translation>Nicht zugeordnete Aktivitäten: {count}</translation>
    </message>
    <message>
        <source>Unresolved activities: {shown} of {count} shown</source>
        <translation>Nicht zugeordnete Aktivitäten: {shown} von {count} angezeigt</translation>
    </message>
    <message>
        <source>This person has no LinkedIn profile URL (a “LinkedIn Member”), so a mapping could not recognise them again.</source>
        <translation>Für diese Person gibt es keine LinkedIn-Profil-URL („LinkedIn Member“), daher könnte eine Zuordnung sie nicht wiedererkennen.</translation>
    </message>
    <message>
        <source>Search the CRM for the person&apos;s record and map them to it</source>
        <translation>Den Eintrag der Person im CRM suchen und sie ihm zuordnen</translation>
    </message>
    <message>
        <source>{person} is mapped to {record}; {count} activities are queued.</source>
        <translation>{person} ist {record} zugeordnet; {count} Aktivitäten sind vorgemerkt.</translation>
    </message>
    <message>
        <source>Export unresolved activities</source>
        <translation>Nicht zugeordnete Aktivitäten exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exported to {file}.</source>
        <translation>Nach {file} exportiert.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Set up CRM sync with Salesforce</source>
        <translation>CRM-Synchronisierung mit Salesforce einrichten</translation>
    </message>
    <message>
        <source>Time needed: less than 30 minutes</source>
        <translation>Zeitaufwand: weniger als 30 Minuten</translation>
    </message>
    <message>
        <source>Check the prerequisites on this computer</source>
        <translation>Die Voraussetzungen auf diesem Computer prüfen</translation>
    </message>
    <message>
        <source>Connect Sales Navigator to your Salesforce org</source>
        <translation>Sales Navigator mit Ihrer Salesforce-Org verbinden</translation>
    </message>
    <message>
        <source>Check that the org is ready for CRM sync</source>
        <translation>Prüfen, ob die Org für die CRM-Synchronisierung bereit ist</translation>
    </message>
    <message>
        <source>Answer three questions about your sales process (CRM settings)</source>
        <translation>Drei Fragen zu Ihrem Vertriebsprozess beantworten (CRM-Einstellungen)</translation>
    </message>
    <message>
        <source>Sync your CRM data to this computer: it starts right after connecting</source>
        <translation>Ihre CRM-Daten auf diesen Computer synchronisieren: Das beginnt gleich nach dem Verbinden</translation>
    </message>
    <message>
        <source>This wizard connects Sales Navigator with Salesforce: CRM data is synced to this computer, and your seat holders&apos; InMails, messages, notes and calls are written back to Salesforce as activities.</source>
        <translation>Dieser Assistent verbindet Sales Navigator mit Salesforce: CRM-Daten werden auf diesen Computer synchronisiert, und InMails, Nachrichten, Notizen und Anrufe Ihrer Lizenznehmer werden als Aktivitäten an Salesforce zurückübertragen.</translation>
    </message>
    <message>
        <source>&amp;Connect to your Salesforce org</source>
        <translation>Mit Ihrer Salesforce-Org &amp;verbinden</translation>
    </message>
    <message>
        <source>Try the &amp;demo org (runs on this computer, no Salesforce account needed)</source>
        <translation>&amp;Demo-Org ausprobieren (läuft auf diesem Computer, kein Salesforce-Konto nötig)</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <source>Prerequisites</source>
        <translation>Voraussetzungen</translation>
    </message>
    <message>
        <source>Connect to CRM</source>
        <translation>Mit CRM verbinden</translation>
    </message>
    <message>
        <source>Org readiness</source>
        <translation>Bereitschaft der Org</translation>
    </message>
    <message>
        <source>CRM settings</source>
        <translation>CRM-Einstellungen</translation>
    </message>
    <message>
        <source>Activity write-back</source>
        <translation>Rückübertragung von Aktivitäten</translation>
    </message>
    <message>
        <source>Test Write-Back</source>
        <translation>Test Write-Back</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Abschluss</translation>
    </message>
</context>
<context>
    <name>Writeback</name>
    <message>
        <source>Writing back: {sent} sent, {failed} failed, {queued} to go</source>
        <translation>Rückübertragung: {sent} übertragen, {failed} fehlgeschlagen, {queued} ausstehend</translation>
    </message>
    <message>
        <source>Waiting to retry items Salesforce refused</source>
        <translation>Warte auf den nächsten Versuch für Einträge, die Salesforce abgelehnt hat</translation>
    </message>
    <message>
        <source>The seat holder has no Salesforce User with the same email, so the activity has no owner. Add the User (or correct the seat holder&apos;s email), sync, then Copy to CRM again.</source>
        <translation>Zum Lizenznehmer gibt es keinen Salesforce-Benutzer mit derselben E-Mail-Adresse, daher hat die Aktivität keinen Verantwortlichen. Legen Sie den Benutzer an (oder korrigieren Sie die E-Mail-Adresse des Lizenznehmers), synchronisieren Sie und wählen Sie dann erneut Copy to CRM.</translation>
    </message>
    <message>
        <source>Salesforce kept failing ({reason}); the write-back stopped. What was not written stays queued and goes out with the next write-back.</source>
        <translation>Salesforce ist wiederholt gescheitert ({reason}); die Rückübertragung wurde angehalten. Was nicht übertragen wurde, bleibt vorgemerkt und wird mit der nächsten Rückübertragung gesendet.</translation>
    </message>
    <message>
        <source>Salesforce&apos;s answer was lost; checking what arrived before sending again</source>
        <translation>Die Antwort von Salesforce ging verloren; es wird geprüft, was angekommen ist, bevor erneut gesendet wird</translation>
    </message>
    <message>
        <source>A validation rule of the org refused it: {message} Change the rule (or the CRM record) in Salesforce, then Copy to CRM again.</source>
        <translation>Eine Validierungsregel der Org hat den Eintrag abgelehnt: {message} Ändern Sie die Regel (oder den CRM-Eintrag) in Salesforce und wählen Sie dann erneut Copy to CRM.</translation>
    </message>
    <message>
        <source>Salesforce requires fields that NavSync Desktop does not fill: {message} Give the fields a default value in Salesforce Setup, then Copy to CRM again.</source>
        <translation>Salesforce verlangt Felder, die NavSync Desktop nicht ausfüllt: {message} Geben Sie den Feldern im Salesforce-Setup einen Standardwert und wählen Sie dann erneut Copy to CRM.</translation>
    </message>
    <message>
        <source>The CRM record it belongs to is gone ({message}). Sync the CRM data, then Copy to CRM again.</source>
        <translation>Der zugehörige CRM-Eintrag existiert nicht mehr ({message}). Synchronisieren Sie die CRM-Daten und wählen Sie dann erneut Copy to CRM.</translation>
    </message>
    <message>
        <source>Salesforce was busy with the record ({message}); the write-back tries again.</source>
        <translation>Salesforce war mit dem Eintrag beschäftigt ({message}); die Rückübertragung versucht es erneut.</translation>
    </message>
    <message>
        <source>Salesforce refused it ({code}: {message}).</source>
        <translation>Salesforce hat den Eintrag abgelehnt ({code}: {message}).</translation>
    </message>
    <message>
        <source>InMails</source>
        <translation>InMails</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Activity write-back is unavailable: the connected user has View All Data but not Modify All Data. In Salesforce Setup, give the user Modify All Data (profile or permission set), then run the checks again.</source>
        <translation>Die Rückübertragung von Aktivitäten ist nicht verfügbar: Der verbundene Benutzer hat „Alle Daten anzeigen“, aber nicht „Alle Daten ändern“. Geben Sie dem Benutzer im Salesforce-Setup „Alle Daten ändern“ (Profil oder Berechtigungssatz) und führen Sie die Prüfungen dann erneut aus.</translation>
    </message>
    <message>
        <source>Activity write-back is off. Enable “Sales Navigator data to sync back to your CRM” in the CRM settings first.</source>
        <translation>Die Rückübertragung von Aktivitäten ist ausgeschaltet. Aktivieren Sie zuerst „Enable Sales Navigator data to sync back to your CRM?“ in den CRM-Einstellungen.</translation>
    </message>
    <message>
        <source>{kind} are not synced back to the CRM. Choose them among the items to sync back in the CRM settings first.</source>
        <translation>{kind} werden nicht ins CRM übertragen. Wählen Sie sie zuerst in den CRM-Einstellungen unter den zu übertragenden Elementen aus.</translation>
    </message>
</context>
<context>
    <name>WritebackPage</name>
    <message>
        <source>Activity write-back</source>
        <translation>Rückübertragung von Aktivitäten</translation>
    </message>
    <message>
        <source>Choose whether InMails, messages, notes and calls go back to your CRM as activities. You can change it later on the CRM settings tab.</source>
        <translation>Legen Sie fest, ob InMails, Nachrichten, Notizen und Anrufe als Aktivitäten in Ihr CRM zurückübertragen werden. Sie können das später auf der Registerkarte „CRM-Einstellungen“ ändern.</translation>
    </message>
</context>
<context>
    <name>WritebackSettingsForm</name>
    <message>
        <source>Checking the connected user&apos;s permissions…</source>
        <translation>Die Berechtigungen des verbundenen Benutzers werden geprüft…</translation>
    </message>
    <message>
        <source>Enable Sales Navigator data to sync back to your CRM?</source>
        <translation>Sales Navigator-Daten in Ihr CRM zurückübertragen? (Enable Sales Navigator data to sync back to your CRM?)</translation>
    </message>
    <message>
        <source>Enable &amp;write-back (recommended)</source>
        <translation>Rückübertragung ein&amp;schalten (empfohlen)</translation>
    </message>
    <message>
        <source>Sync back all &amp;data items</source>
        <translation>Alle Datenelemen&amp;te übertragen (Sync back all data items)</translation>
    </message>
    <message>
        <source>Note&amp;s</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>Optional, but strongly recommended to get the most out of the sync: InMails, messages, notes and calls of your seat holders are saved as activities in your CRM (InMails, messages and calls under Past Activities of the matched contact or lead, notes under Notes &amp; Attachments). Calls are only those started in the Sales Navigator app.</source>
        <translation>Nicht zwingend erforderlich, für eine optimale Nutzung der Synchronisierung aber nachdrücklich empfohlen: InMails, Nachrichten, Notizen und Anrufe Ihrer Lizenznehmer werden direkt als Aktivitäten in Ihrem CRM gespeichert (InMails, Nachrichten und Anrufe in den Past Activities des zugeordneten Kontakt- oder Lead-Eintrags, Notizen in den „Notes &amp; Attachments“). Anrufe werden nur gespeichert, wenn sie über die Sales Navigator-App gestartet wurden.</translation>
    </message>
    <message>
        <source>Items to sync back</source>
        <translation>Zu übertragende Elemente</translation>
    </message>
    <message>
        <source>&amp;InMails</source>
        <translation>&amp;InMails</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>Na&amp;chrichten</translation>
    </message>
    <message>
        <source>&amp;Calls</source>
        <translation>An&amp;rufe</translation>
    </message>
    <message>
        <source>Choose at least one item to sync back, or turn write-back off.</source>
        <translation>Wählen Sie mindestens ein Element zum Übertragen aus, oder schalten Sie die Rückübertragung aus.</translation>
    </message>
</context>
<context>
    <name>WritebackSummary</name>
    <message>
        <source>Off: activities stay in NavSync Desktop.</source>
        <translation>Aus: Die Aktivitäten bleiben in NavSync Desktop.</translation>
    </message>
    <message>
        <source>On, all data items: {items}</source>
        <translation>Ein, alle Datenelemente: {items}</translation>
    </message>
    <message>
        <source>On: {items}</source>
        <translation>Ein: {items}</translation>
    </message>
</context>
<context>
    <name>_LogDialog</name>
    <message>
        <source>&amp;Seat holder:</source>
        <translation>&amp;Lizenznehmer:</translation>
    </message>
    <message>
        <source>LinkedIn &amp;profile URL:</source>
        <translation>LinkedIn-&amp;Profil-URL:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>C&amp;ompany:</source>
        <translation>&amp;Unternehmen:</translation>
    </message>
    <message>
        <source>Add a seat holder first (Seats tab).</source>
        <translation>Fügen Sie zuerst einen Lizenznehmer hinzu (Registerkarte „Lizenznehmer“).</translation>
    </message>
</context>
</TS>
