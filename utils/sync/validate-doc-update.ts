// The team database's validate_doc_update: CouchDB runs it on every write that is not an admin's, so the
// roles hold whatever client writes. CouchDB stores it as source text (VALIDATE_DOC_UPDATE_SOURCE) and
// evaluates it in its own JavaScript engine, which may be an old SpiderMonkey: the function is ES5 (var, no
// arrows, no template strings), refers to nothing outside itself (the role names are spelled out; roles.ts
// holds the same names for the client), defines no inner functions, and throws CouchDB's
// `{ forbidden: reason }` objects, whose reason the writer gets back word for word.
//
// Rules (tested as a plain function and on the test server over HTTP):
// - server admins and database admins may write anything (design documents are theirs alone anyway);
// - everyone else must hold precis-associate or precis-editor;
// - only editors delete;
// - every other write is a record (type "precis.record") that names who clipped it (clippedBy);
// - a new record is clipped by the one who creates it (an editor may restore one in another's name);
// - clippedBy never changes;
// - associates change only the records they clipped; editors change any.
/* eslint-disable no-var, @typescript-eslint/no-explicit-any */

export function validateDocUpdate(newDoc: any, oldDoc: any, userCtx: any, secObj: any): void {
  var name = userCtx && typeof userCtx.name === 'string' ? userCtx.name : null;
  var roles = userCtx && userCtx.roles && userCtx.roles.length !== undefined ? userCtx.roles : [];
  var admins = (secObj && secObj.admins) || {};
  var adminNames = admins.names || [];
  var adminRoles = admins.roles || [];
  var i;
  if (roles.indexOf('_admin') !== -1) return;
  if (name !== null && adminNames.indexOf(name) !== -1) return;
  for (i = 0; i < adminRoles.length; i++) {
    if (roles.indexOf(adminRoles[i]) !== -1) return;
  }

  var editor = roles.indexOf('precis-editor') !== -1;
  var associate = roles.indexOf('precis-associate') !== -1;
  if (name === null || (!editor && !associate)) {
    throw { forbidden: 'Only members of the team (associates and editors) can change the team library.' };
  }
  if (newDoc._deleted === true) {
    if (!editor) throw { forbidden: 'Only editors can delete records from the team library.' };
    return;
  }
  if (newDoc.type !== 'precis.record') {
    throw { forbidden: 'The team library holds Précis records only (documents of type "precis.record").' };
  }
  if (typeof newDoc.clippedBy !== 'string' || newDoc.clippedBy === '') {
    throw { forbidden: 'A record must say who clipped it (clippedBy).' };
  }

  var existing = oldDoc && oldDoc._deleted !== true;
  if (!existing) {
    if (newDoc.clippedBy !== name && !editor) {
      throw { forbidden: 'A new record is clipped by the one who saves it: clippedBy must be "' + name + '".' };
    }
    return;
  }
  if (newDoc.clippedBy !== oldDoc.clippedBy) {
    throw { forbidden: 'Who clipped a record cannot be changed (it was clipped by "' + oldDoc.clippedBy + '").' };
  }
  if (!editor && oldDoc.clippedBy !== name) {
    throw {
      forbidden:
        'Associates can change only the records they clipped; this one was clipped by "' + oldDoc.clippedBy + '". Ask an editor to change it.',
    };
  }
}

/** The function as CouchDB stores it in the design document's `validate_doc_update`. */
export const VALIDATE_DOC_UPDATE_SOURCE = validateDocUpdate.toString();

/** The design document `precis team init` installs. */
export const DESIGN_DOC_ID = '_design/precis';
export function designDoc(): { _id: string; language: 'javascript'; validate_doc_update: string } {
  return { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: VALIDATE_DOC_UPDATE_SOURCE };
}
