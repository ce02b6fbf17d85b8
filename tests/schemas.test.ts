import { readFileSync, readdirSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { documentKinds } from '../src/model/kinds.js';
import { schemaByKind, schemaFileText } from '../src/model/schema/index.js';
import { editorKeywords } from '../src/model/schema/json-schema.js';
import { fileFormatTypes } from '../scripts/file-format-types.js';
import { repoRoot } from './helpers/fixtures.js';

describe('schemas/', () => {
  it('holds exactly the schemas the definitions in src/model/schema generate (run npm run schemas after changing them)', () => {
    const files = readdirSync(`${repoRoot}schemas`).sort();
    expect(files).toEqual(Object.values(schemaByKind).map((s) => s.fileName).sort());
    for (const kind of documentKinds) {
      const { fileName, schema } = schemaByKind[kind];
      expect(readFileSync(`${repoRoot}schemas/${fileName}`, 'utf8'), fileName).toBe(schemaFileText(schema));
    }
  });

  it('and the TypeScript types of the file formats are generated from the same definitions (npm run schemas)', async () => {
    expect(readFileSync(`${repoRoot}src/model/file-formats.ts`, 'utf8')).toBe(await fileFormatTypes());
  });

  it('are valid draft-07 schemas', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    ajv.addVocabulary([...editorKeywords]);
    for (const kind of documentKinds) {
      const schema = JSON.parse(readFileSync(`${repoRoot}schemas/${schemaByKind[kind].fileName}`, 'utf8')) as { $schema: string };
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(() => ajv.compile(schema)).not.toThrow();
    }
  });

  it('are what every example file points its editor at', () => {
    const examples = {
      'goals/kpis.yaml': '../schemas/kpi-catalog.schema.json',
      'goals/goalpost.yaml': '../schemas/settings.schema.json',
      'goals/teams/marketing.yaml': '../../schemas/team.schema.json',
      'goals/2026-Q4/marketing.yaml': '../../schemas/goal-set.schema.json',
    };
    for (const [file, schema] of Object.entries(examples)) {
      expect(readFileSync(`${repoRoot}${file}`, 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=${schema}`);
    }
  });
});

describe('schema documentation for editors', () => {
  type Node = Record<string, unknown>;
  const visit = (node: Node, where: string, each: (node: Node, where: string) => void): void => {
    each(node, where);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'defaultSnippets' || key === 'examples' || key === 'default') continue;
      if (value && typeof value === 'object') visit(value as Node, `${where}/${key}`, each);
    }
  };

  it('gives every definition a title, every property a description and a Markdown one, and every enum value a description', () => {
    for (const kind of documentKinds) {
      const schema = schemaByKind[kind].schema as unknown as Node;
      expect(schema['$id']).toBe(`https://goalpost.dev/schemas/v1/${schemaByKind[kind].fileName}`);
      for (const [name, definition] of Object.entries((schema['definitions'] ?? {}) as Record<string, Node>)) {
        expect(definition['title'], `${kind} definition ${name}`).toEqual(expect.any(String));
      }
      visit(schema, kind, (node, where) => {
        for (const [name, property] of Object.entries((node['properties'] ?? {}) as Record<string, Node>)) {
          expect(property['description'], `${where}/${name}`).toEqual(expect.any(String));
          expect(property['markdownDescription'], `${where}/${name}`).toEqual(expect.any(String));
        }
        if (Array.isArray(node['enum']) && where.split('/').at(-1) !== 'const') {
          expect((node['markdownEnumDescriptions'] as string[] | undefined)?.length, `${where} enum`).toBe(node['enum'].length);
        }
      });
    }
  });

  it('offers snippets for a goal, a breakdown by owner, a breakdown by month and a derived KPI', () => {
    const labels = (schema: unknown): string[] => {
      const found: string[] = [];
      visit(schema as Node, '', (node) => {
        for (const snippet of (node['defaultSnippets'] ?? []) as { label: string }[]) found.push(snippet.label);
      });
      return found;
    };
    expect(labels(schemaByKind.GoalSet.schema)).toEqual(expect.arrayContaining(['New goal', 'Breakdown by owner', 'Breakdown by month']));
    expect(labels(schemaByKind.KpiCatalog.schema)).toEqual(expect.arrayContaining(['Measured KPI', 'Derived KPI']));
  });
});

describe('the standalone validators', () => {
  it('are generated from the same definitions (npm run schemas)', async () => {
    const { schemaValidatorsCode } = await import('../scripts/schema-validators.js');
    expect(readFileSync(`${repoRoot}src/model/schema/validators.generated.ts`, 'utf8')).toBe(schemaValidatorsCode());
  });
});
