import { readFileSync, readdirSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { documentKinds } from '../src/model/kinds.js';
import { schemaByKind, schemaFileText } from '../src/model/schema/index.js';
import { editorKeywords } from '../src/model/schema/json-schema.js';
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
