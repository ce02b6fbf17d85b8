import type { DocumentKind } from '../kinds.js';
import { checkInSchema } from './check-in.js';
import { goalSetSchema } from './goal-set.js';
import type { JsonSchema } from './json-schema.js';
import { kpiCatalogSchema } from './kpi-catalog.js';
import { settingsSchema } from './settings.js';
import { teamSchema } from './team.js';

/** The schema of each kind of file, and the file name it is published under in schemas/. */
export const schemaByKind: Record<DocumentKind, { fileName: string; schema: JsonSchema }> = {
  KpiCatalog: { fileName: 'kpi-catalog.schema.json', schema: kpiCatalogSchema },
  Team: { fileName: 'team.schema.json', schema: teamSchema },
  GoalSet: { fileName: 'goal-set.schema.json', schema: goalSetSchema },
  Settings: { fileName: 'settings.schema.json', schema: settingsSchema },
  CheckIn: { fileName: 'check-in.schema.json', schema: checkInSchema },
};

/** The exact text of a published schema file. */
export function schemaFileText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
