/**
 * docs/contracts.md is the list contract people read; shared/src/lists/definitions.ts is the one the code
 * runs. This test keeps the two the same: every list, column, type, optional mark, key and choice list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LIST_DEFINITIONS, LIST_NAMES } from '@shared/lists/definitions';

interface DocColumn {
  name: string;
  key: boolean;
  optional: boolean;
  type: string;
  choices?: string[];
}

/** Parse the rows of the table under "## SharePoint lists": `| \`List\` | col: type · col?: choice[a, b] |`. */
function listTable(markdown: string): Map<string, DocColumn[]> {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('SharePoint lists'));
  if (!section) throw new Error('docs/contracts.md heeft geen sectie "SharePoint lists"');
  const lists = new Map<string, DocColumn[]>();
  for (const line of section.split('\n')) {
    const row = /^\| `(\w+)` \| (.+) \|$/.exec(line);
    if (!row) continue;
    const columns = row[2].split(' · ').map((part): DocColumn => {
      const m = /^(\*\*)?(\w+)(\*\*)?(\?)?: (\w+)(?:\[([^\]]*)\])?/.exec(part.trim());
      if (!m) throw new Error(`kolom niet te lezen in docs/contracts.md: ${part}`);
      return { name: m[2], key: m[1] === '**', optional: m[4] === '?', type: m[5], choices: m[6]?.split(', ') };
    });
    lists.set(row[1], columns);
  }
  return lists;
}

const doc = listTable(fs.readFileSync(path.join(__dirname, '../../docs/contracts.md'), 'utf8'));

describe('docs/contracts.md list table', () => {
  test('names every list of definitions.ts, and no other', () => {
    expect([...doc.keys()]).toEqual(LIST_NAMES);
  });

  test.each(LIST_NAMES)('%s: same columns, types, key, optional marks and choices', (name) => {
    const def = LIST_DEFINITIONS[name];
    const expected = def.columns.map((c) => ({
      name: c.name,
      key: (def.key as readonly string[]).includes(c.name),
      optional: !c.required,
      type: c.type,
      choices: 'choices' in c ? [...c.choices] : undefined,
    }));
    expect(doc.get(name)).toEqual(expected);
  });
});
