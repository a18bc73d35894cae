/** A field of an autoSql table definition (the schema embedded in bigBed files). */
export interface AutoSqlField {
  type: string;
  name: string;
  comment: string;
}

export interface AutoSqlTable {
  name: string;
  fields: AutoSqlField[];
}

/**
 * Parses the autoSql `table name "comment" ( type name; "comment" … )` definition. Only what
 * a bigBed reader needs: table name and ordered field names/types, so columns are looked up by
 * name rather than position (bigGenePred variants add or reorder extra columns).
 */
export function parseAutoSql(text: string): AutoSqlTable {
  // the table comment may itself contain parentheses, so find the '(' after it
  const head = /^\s*(?:table|simple|object)\s+(\w+)\s*(?:"[^"]*")?\s*\(/.exec(text);
  const close = text.lastIndexOf(')');
  if (!head || close < head[0].length) throw new Error('not an autoSql table definition');
  const open = head[0].length - 1;
  const fields: AutoSqlField[] = [];
  const fieldRe = /^\s*((?:enum|set)\s*\([^)]*\)|[A-Za-z]+(?:\s*\[\s*\w*\s*\])?)\s+(\w+)\s*;\s*(?:"([^"]*)")?/;
  for (const line of text.slice(open + 1, close).split('\n')) {
    const m = fieldRe.exec(line);
    if (m) fields.push({ type: m[1].replace(/\s+/g, ''), name: m[2], comment: m[3] ?? '' });
  }
  return { name: head[1], fields };
}
