// Writes schemas/*.json, src/model/file-formats.ts and the standalone validators from the schema
// definitions in src/model/schema.
// tests/schemas.test.ts fails when the committed files differ from what this writes.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { schemaByKind, schemaFileText } from '../src/model/schema/index.js';
import { fileFormatTypes } from './file-format-types.js';
import { schemaValidatorsCode } from './schema-validators.js';

const root = fileURLToPath(new URL('../', import.meta.url));
await mkdir(`${root}schemas`, { recursive: true });
for (const { fileName, schema } of Object.values(schemaByKind)) {
  await writeFile(`${root}schemas/${fileName}`, schemaFileText(schema));
  console.log(`schemas/${fileName}`);
}
await writeFile(`${root}src/model/file-formats.ts`, await fileFormatTypes());
console.log('src/model/file-formats.ts');
await writeFile(`${root}src/model/schema/validators.generated.ts`, schemaValidatorsCode());
console.log('src/model/schema/validators.generated.ts');
