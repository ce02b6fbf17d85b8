import type { DocumentKind } from '../kinds.js';
import type { GoalsModel } from '../model.js';
import { schemaByKind, schemaFileText } from './index.js';
import type { JsonSchema } from './json-schema.js';

/**
 * The schemas of a particular repository: like the published ones, with the
 * ids of its KPIs, people, teams and goals as enums (their names as the enum
 * descriptions), so that an editor completes the real values. Stale as soon
 * as a KPI or a person is added: `goalpost schema --out` writes them again.
 */
export function specialiseSchemas(model: GoalsModel): { kind: DocumentKind; fileName: string; schema: JsonSchema }[] {
  const kpis = [...model.kpis.values()];
  const kpiEnum = {
    enum: kpis.map((kpi) => kpi.id),
    markdownEnumDescriptions: kpis.map((kpi) => [kpi.name, kpi.unit && `\`${kpi.unit}\``, kpi.formula && `= \`${kpi.formula.text}\``].filter(Boolean).join(' · ')),
  };
  const people = [...model.teams.values()].flatMap((team) => [...team.members.values()].map((person) => ({ person, team })));
  const uniquePeople = [...new Map(people.map((entry) => [entry.person.id, entry])).values()];
  const personEnum = {
    enum: uniquePeople.map(({ person }) => person.id),
    markdownEnumDescriptions: uniquePeople.map(({ person, team }) => [person.name, person.role, team.name ?? team.id].filter(Boolean).join(' · ')),
  };
  const teams = [...model.teams.values()];
  const teamEnum = { enum: teams.map((team) => team.id), markdownEnumDescriptions: teams.map((team) => team.name ?? team.id) };
  const goals = model.goalSets.flatMap((set) => set.goals.filter((g) => g.id !== undefined && set.team !== undefined).map((goal) => ({ set, goal })));
  const goalEnum = {
    enum: [...new Set(goals.map(({ set, goal }) => `${set.team}/${goal.id}`))],
    markdownEnumDescriptions: [...new Map(goals.map(({ set, goal }) => [`${set.team}/${goal.id}`, `${goal.title ?? goal.id} · ${set.period?.id ?? ''}`])).values()],
  };

  return (Object.keys(schemaByKind) as DocumentKind[]).map((kind) => {
    const { fileName, schema } = schemaByKind[kind];
    const copy = structuredClone(schema);
    // Not the published schema: it must not claim its id.
    delete copy.$id;
    const withEnum = (property: JsonSchema | undefined, values: { enum: string[]; markdownEnumDescriptions: string[] }): void => {
      // An empty enum would reject everything; without ids, keep the plain pattern.
      if (property && values.enum.length > 0) Object.assign(property, values);
    };
    if (kind === 'GoalSet') {
      const goal = copy.definitions!['goal']!.properties!;
      withEnum(goal['kpi'], kpiEnum);
      withEnum(goal['owner'], personEnum);
      withEnum(goal['alignsTo'], goalEnum);
      withEnum(copy.definitions!['breakdownItem']!.then!.properties!['owner'], personEnum);
      withEnum(copy.definitions!['initiative']!.properties!['owner'], personEnum);
      withEnum(goal['contributors']?.items as JsonSchema | undefined, teamEnum);
      withEnum(copy.properties!['team'], teamEnum);
    }
    if (kind === 'Team') withEnum(copy.properties!['lead'], personEnum);
    return { kind, fileName, schema: copy };
  });
}

/** The specialised schemas as the files `goalpost schema` writes, by file name. */
export function specialisedSchemaFiles(model: GoalsModel): { fileName: string; content: string }[] {
  return specialiseSchemas(model).map(({ fileName, schema }) => ({ fileName, content: schemaFileText(schema) }));
}

/**
 * The specialised schema files that no longer say what the repository holds:
 * missing, unreadable, or with other ids (or another goalpost schema) than
 * the ones `goalpost schema` would write now. Names and titles are left out
 * of the comparison: they only change the hover text, never what the editor
 * accepts, and a refresh after every retitled goal would be noise.
 */
export function staleSchemaFiles(model: GoalsModel, written: ReadonlyMap<string, string>): string[] {
  return specialisedSchemaFiles(model)
    .filter(({ fileName, content }) => {
      const existing = written.get(fileName);
      return existing === undefined || acceptedValues(existing) !== acceptedValues(content);
    })
    .map(({ fileName }) => fileName);
}

/** A schema's text without its enum descriptions; undefined when it is not JSON. */
function acceptedValues(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text), (key, value: unknown) => (key === 'markdownEnumDescriptions' ? undefined : value));
  } catch {
    return undefined;
  }
}
