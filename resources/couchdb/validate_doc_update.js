// Passerelle's validation function for Apache CouchDB 3 (the design document `_design/passerelle`
// of the network's database). CouchDB runs it on every write, replicated ones included.
// It lets an office account write only the documents its office authored and owns; signatures
// are checked by every replica (CouchDB's JavaScript has no cryptography), so a relay account
// may pass on other offices' documents without being able to forge them.
// Account roles: "passerelle:office:<CODE>" (one per office code), "passerelle:relay" (optional).
// Plain ES5: CouchDB's JavaScript engine is old. CouchDB takes the function without the
// parentheses around it (resources/couchdb/design.mjs prints the design document).
// eslint-disable-next-line @typescript-eslint/no-unused-expressions -- CouchDB evaluates it
(function (newDoc, oldDoc, userCtx, _secObj) {
  var EVENT_TABLES = ['capacityEvents', 'referralEvents'];
  var roles = userCtx.roles || [];
  function has(role) {
    return roles.indexOf(role) !== -1;
  }
  if (has('_admin')) return;
  if (newDoc._id.indexOf('_design/') === 0) {
    throw { forbidden: 'Only an administrator changes design documents.' };
  }
  var offices = [];
  for (var i = 0; i < roles.length; i++) {
    if (roles[i].indexOf('passerelle:office:') === 0) offices.push(roles[i].slice(18));
  }
  if (offices.length === 0) {
    throw { unauthorized: 'This account is not an office of the network.' };
  }
  var relay = has('passerelle:relay');
  var author = newDoc.author || {};
  if (
    typeof newDoc.owner !== 'string' ||
    typeof author.office !== 'string' ||
    typeof newDoc.sig !== 'string'
  ) {
    throw { forbidden: 'Not a Passerelle document: owner, author and signature are required.' };
  }
  if (offices.indexOf(author.office) === -1 && !relay) {
    throw { forbidden: 'An office writes only its own documents.' };
  }
  // The id names the owner, `<table>:<office>:<record id>`, so that a version claiming another
  // owner is another document: checked without the old version, which CouchDB does not pass
  // for a new conflict branch (oldDoc is null there), so no branch can change the owner.
  var parts = typeof newDoc._id === 'string' ? newDoc._id.split(':') : [];
  var legacy = parts.length === 2;
  if ((parts.length !== 3 && !legacy) || parts[0] !== newDoc.t) {
    throw { forbidden: 'The document id must be <table>:<office>:<record id>.' };
  }
  if (!legacy && parts[1] !== newDoc.owner) {
    throw { forbidden: 'The document id names its owner; the owner does not change.' };
  }
  if (oldDoc && typeof oldDoc.owner === 'string' && oldDoc.owner !== newDoc.owner) {
    throw { forbidden: 'The owner of a record does not change.' };
  }
  // A conflict branch is closed only by the office that owns the record.
  if (newDoc._deleted) {
    if (author.office !== newDoc.owner) throw { forbidden: 'Only the owner resolves a conflict.' };
    return;
  }
  var record = newDoc.record || {};
  if (record.id !== parts[parts.length - 1]) {
    throw { forbidden: 'The document id must end with the record id.' };
  }
  if (author.office !== newDoc.owner) {
    throw { forbidden: 'Only the owning office writes a record.' };
  }
  // Ids without the owner (written before it was part of them) are only continued, never
  // started: a new branch under one has no old version to take the owner from.
  if (legacy && (!oldDoc || oldDoc._deleted)) {
    throw { forbidden: 'New documents are written under <table>:<office>:<record id>.' };
  }
  if (oldDoc && !oldDoc._deleted && EVENT_TABLES.indexOf(newDoc.t) !== -1) {
    throw { forbidden: 'Events are never changed.' };
  }
});
