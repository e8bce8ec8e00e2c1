/* global URL, process, console */
// Prints the design document to install on the network's CouchDB database:
//   node resources/couchdb/design.mjs > design.json
//   curl -X PUT -u admin https://couch.example/passerelle/_design/passerelle -d @design.json
// (with the current `_rev` added when updating it).
import { readFileSync } from 'node:fs';

export const designDocument = () => ({
  _id: '_design/passerelle',
  language: 'javascript',
  validate_doc_update: readFileSync(new URL('./validate_doc_update.js', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .trim()
    .replace(/^\(/, '')
    .replace(/\);$/, ''),
});

if (process.argv[1]?.endsWith('design.mjs')) {
  console.log(JSON.stringify(designDocument(), null, 2));
}
