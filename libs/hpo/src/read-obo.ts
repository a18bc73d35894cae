import { InputError, readLines, REFERENCE_TEXT_LIMITS } from '@rarerank/io';
import type { RawOntology, RawTerm } from './ontology-types';

const HP_ID = /^HP:\d{7}$/;

function unquote(value: string): string {
  const m = /^"((?:[^"\\]|\\.)*)"/.exec(value);
  return m ? m[1].replace(/\\"/g, '"') : value;
}

function stripComment(value: string): string {
  // "HP:0001507 ! Growth abnormality" → "HP:0001507"
  const bang = value.indexOf(' !');
  return (bang >= 0 ? value.slice(0, bang) : value).trim();
}

/**
 * Reads an OBO 1.2/1.4 release of HPO (hp.obo or hp.obo.gz), or of another ontology of the same
 * shape whose ids match `idPattern` (the Mammalian Phenotype ontology: /^MP:\d{7}$/).
 */
export async function readObo(file: string, idPattern: RegExp = HP_ID): Promise<RawOntology> {
  const ID = idPattern;
  const kind = ID === HP_ID ? 'an HPO' : `a ${ID.source.replace(/[^A-Z]/g, '')}`;
  let version: string | undefined;
  const terms: RawTerm[] = [];
  let current: RawTerm | undefined;
  let inTerm = false;
  let sawHeader = false;

  const idField = (value: string, no: number, field: string): string => {
    const id = stripComment(value);
    if (!ID.test(id)) throw new InputError(`"${id}" is not ${kind} id`, { file, line: no, field });
    return id;
  };

  for await (const { no, text } of readLines(file, REFERENCE_TEXT_LIMITS)) {
    const line = text.trim();
    if (line === '' || line.startsWith('!')) continue;
    if (line.startsWith('[')) {
      inTerm = line === '[Term]';
      current = undefined;
      if (inTerm) {
        current = { id: '', name: '', synonyms: [], parents: [], altIds: [], obsolete: false, consider: [] };
        terms.push(current);
      }
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new InputError(`expected "tag: value", found "${line.slice(0, 60)}"`, { file, line: no });
    const tag = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    if (!current) {
      if (inTerm) continue;
      if (tag === 'format-version') sawHeader = true;
      if (tag === 'data-version') version = /(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
      continue;
    }
    switch (tag) {
      case 'id':
        current.id = idField(value, no, 'id');
        break;
      case 'name':
        current.name = value.replace(/^obsolete /, '');
        break;
      case 'def':
        current.definition = unquote(value);
        break;
      case 'synonym':
        current.synonyms.push(unquote(value));
        break;
      case 'is_a':
        current.parents.push(idField(value, no, 'is_a'));
        break;
      case 'alt_id':
        current.altIds.push(idField(value, no, 'alt_id'));
        break;
      case 'is_obsolete':
        current.obsolete = value === 'true';
        break;
      case 'replaced_by':
        current.replacedBy = idField(value, no, 'replaced_by');
        break;
      case 'consider':
        current.consider.push(idField(value, no, 'consider'));
        break;
    }
  }
  if (!sawHeader) throw new InputError('not an OBO file: no format-version header', { file, line: 1 });
  if (!version) throw new InputError('no data-version with a release date in the header', { file, field: 'data-version' });
  const missing = terms.findIndex((t) => t.id === '');
  if (missing >= 0) throw new InputError(`[Term] stanza #${missing + 1} has no id`, { file });
  return { version, format: 'obo', terms };
}
