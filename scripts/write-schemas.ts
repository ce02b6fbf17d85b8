// Writes schemas/*.json from the schema definitions in src/model/schema.
// tests/schemas.test.ts fails when the committed files differ from what this writes.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { schemaByKind, schemaFileText } from '../src/model/schema/index.js';

const outDir = fileURLToPath(new URL('../schemas/', import.meta.url));
await mkdir(outDir, { recursive: true });
for (const { fileName, schema } of Object.values(schemaByKind)) {
  await writeFile(`${outDir}${fileName}`, schemaFileText(schema));
  console.log(`schemas/${fileName}`);
}
