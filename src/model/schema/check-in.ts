import { datePattern, draft07, headerProperties, idPattern, personReference, schemaBaseId } from './common.js';
import { doc, documentedEnum, type JsonSchema } from './json-schema.js';

const textList = (title: string, description: string): JsonSchema => ({
  type: 'array',
  title,
  ...doc(description),
  items: { type: 'string', minLength: 1 },
});

const goalUpdate: JsonSchema = {
  type: 'object',
  title: 'Goal update',
  ...doc('Where one goal stands, in the team’s own words (**目标进展**).'),
  properties: {
    confidence: {
      type: 'integer',
      title: 'confidence',
      ...doc('How likely the target is reached by the end of the period (**信心指数**), from 0 (no chance) to 10 (certain).'),
      minimum: 0,
      maximum: 10,
    },
    status: {
      type: 'string',
      title: 'status',
      ...doc('The team’s own view of the goal (**自评状态**); compared with the status goalpost computes.'),
      ...documentedEnum({
        'on-track': '`on-track`: on track (**正常**).',
        'at-risk': '`at-risk`: at risk (**有风险**).',
        'off-track': '`off-track`: off track (**落后**).',
      }),
    },
    note: { type: 'string', title: 'note', ...doc('What happened since the last check-in (**进展说明**).') },
    blockers: textList('blockers', 'What stands in the way (**障碍**), one item each.'),
    next: textList('next', 'What will be done next (**下一步**), one item each.'),
    owner: { ...personReference, title: 'owner', ...doc('Who gave this update (**汇报人**), when not the author.') },
  },
  required: ['confidence'],
  additionalProperties: false,
  defaultSnippets: [
    {
      label: 'Goal update',
      markdownDescription: 'Confidence, a note, blockers and next steps (**目标进展**).',
      body: { confidence: '^${1:7}', status: '${2|on-track,at-risk,off-track|}', note: '${3}', blockers: ['${4}'], next: ['${5}'] },
    },
  ],
};

export const checkInSchema: JsonSchema = {
  $schema: draft07,
  $id: `${schemaBaseId}check-in.schema.json`,
  title: 'goalpost check-in',
  ...doc('A team’s check-in on its goals (**进度汇报**): how confident it is, what happened, what blocks it and what comes next. One file per team and date.'),
  type: 'object',
  properties: {
    ...headerProperties('CheckIn'),
    team: {
      type: 'string',
      title: 'team',
      ...doc('The id of the team checking in (**团队**).'),
      pattern: idPattern,
      patternErrorMessage: 'A team id uses letters, digits and . _ - only.',
    },
    date: {
      type: 'string',
      title: 'date',
      ...doc('The date of the check-in (**汇报日期**), `YYYY-MM-DD`; a goal set of the team covers it.'),
      pattern: datePattern,
      patternErrorMessage: 'A date is written YYYY-MM-DD, for example 2026-11-15.',
    },
    author: { ...personReference, title: 'author', ...doc('Who wrote the check-in (**汇报人**), a member of the team.') },
    goals: {
      type: 'object',
      title: 'goals',
      ...doc('An update per goal id of the team’s goal set (**目标进展**).'),
      propertyNames: { pattern: idPattern, patternErrorMessage: 'A goal id uses letters, digits and . _ - only.' },
      additionalProperties: { $ref: '#/definitions/goalUpdate' },
      minProperties: 1,
    },
  },
  required: ['apiVersion', 'kind', 'team', 'date', 'author', 'goals'],
  additionalProperties: false,
  definitions: { goalUpdate },
};
