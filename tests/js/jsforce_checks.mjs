// jsforce against the demo org, unchanged: what a support engineer's Node script would do.
// Driven by tests/demo_org/test_jsforce.py, which passes the connection as JSON on stdin (tokens
// stay out of the process list) and asserts on the JSON this script prints. The demo org's CA
// comes in via NODE_EXTRA_CA_CERTS.
import { readFileSync } from 'node:fs';
import jsforce from 'jsforce';

const given = JSON.parse(readFileSync(0, 'utf8'));
const conn = new jsforce.Connection({
  oauth2: { clientId: given.clientId, loginUrl: given.loginUrl, redirectUri: given.redirectUri },
  instanceUrl: given.instanceUrl,
  accessToken: given.accessToken,
  refreshToken: given.refreshToken,
  version: given.version,
});
let refreshes = 0;
conn.on('refresh', () => {
  refreshes += 1;
});
const out = {};

// The access token we were given is no longer accepted: the first call gets 401 and jsforce
// refreshes the session with the refresh token, then repeats the call.
const limits = await conn.limits();
out.refresh = { refreshes, dailyApiRequests: limits.DailyApiRequests };

const identity = await conn.identity();
out.identity = {
  username: identity.username,
  userId: identity.user_id,
  organizationId: identity.organization_id,
};

const everyone = await conn.query('SELECT Id, Name, Account.Name FROM Contact', {
  autoFetch: true,
  maxFetch: 1_000_000,
});
const parent = everyone.records.find((record) => record.Account);
out.autoFetch = {
  totalSize: everyone.totalSize,
  fetched: everyone.records.length,
  distinctIds: new Set(everyone.records.map((record) => record.Id)).size,
  parentAttributes: parent.Account.attributes,
};

const firstPage = await conn.query('SELECT Id FROM Contact');
const secondPage = await conn.queryMore(firstPage.nextRecordsUrl);
const firstIds = new Set(firstPage.records.map((record) => record.Id));
out.queryMore = {
  firstPage: firstPage.records.length,
  firstDone: firstPage.done,
  secondPage: secondPage.records.length,
  overlap: secondPage.records.filter((record) => firstIds.has(record.Id)).length,
};

const described = await conn.sobject('Contact').describe();
out.describe = {
  name: described.name,
  keyPrefix: described.keyPrefix,
  fields: described.fields.map((field) => field.name),
};

const marker = given.marker;
const created = await conn.sobject('Contact').create(
  [
    { LastName: `${marker} One`, Email: 'one@jsforce.example' },
    { LastName: `${marker} Two`, Email: 'two@jsforce.example' },
    { LastName: `${marker} Three`, Email: 'three@jsforce.example' },
  ],
  { allOrNone: true },
);
const ids = created.map((result) => result.id);
out.create = created;

const one = await conn.sobject('Contact').retrieve(ids[0]);
const updated = await conn.sobject('Contact').update({ Id: ids[0], Title: 'Updated by jsforce' });
const both = await conn.sobject('Contact').retrieve(ids.slice(0, 2), { fields: ['LastName', 'Title'] });
out.retrieveUpdate = {
  retrieved: { LastName: one.LastName, Email: one.Email, url: one.attributes.url },
  updated,
  retrievedMany: both.map((record) => ({ LastName: record.LastName, Title: record.Title })),
};

out.destroy = await conn.sobject('Contact').destroy(ids, { allOrNone: true });
const left = await conn.query(`SELECT COUNT() FROM Contact WHERE LastName LIKE '${marker}%'`);
out.leftAfterDestroy = left.totalSize;

const bulkRows = [];
for await (const row of await conn.bulk2.query('SELECT Id, Email FROM Contact')) {
  bulkRows.push(row);
}
out.bulk2 = {
  rows: bulkRows.length,
  distinctIds: new Set(bulkRows.map((row) => row.Id)).size,
  columns: Object.keys(bulkRows[0]),
};

const packages = await conn.tooling.query(
  'SELECT SubscriberPackage.NamespacePrefix FROM InstalledSubscriberPackage',
);
out.tooling = packages.records.map((record) => record.SubscriberPackage.NamespacePrefix);

out.refreshesInAll = refreshes;
console.log(JSON.stringify(out));
