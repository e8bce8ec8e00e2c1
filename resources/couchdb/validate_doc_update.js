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
  // A conflict branch is closed only by the office that owns the record.
  if (newDoc._deleted) {
    if (author.office !== newDoc.owner) throw { forbidden: 'Only the owner resolves a conflict.' };
    return;
  }
  var record = newDoc.record || {};
  if (typeof newDoc.t !== 'string' || newDoc._id !== newDoc.t + ':' + record.id) {
    throw { forbidden: 'The document id must be <table>:<record id>.' };
  }
  if (author.office !== newDoc.owner) {
    throw { forbidden: 'Only the owning office writes a record.' };
  }
  if (oldDoc && !oldDoc._deleted) {
    if (oldDoc.owner !== newDoc.owner) {
      throw { forbidden: 'The owner of a record does not change.' };
    }
    if (EVENT_TABLES.indexOf(newDoc.t) !== -1) {
      throw { forbidden: 'Events are never changed.' };
    }
  }
});
