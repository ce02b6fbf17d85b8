import { draft07, headerProperties, idPattern, personReference } from './common.js';
import type { JsonSchema } from './json-schema.js';

const person: JsonSchema = {
  type: 'object',
  title: 'Person',
  description: 'A member of the team (成员) who can own goals and breakdown items.',
  properties: {
    name: { type: 'string', description: 'The display name, e.g. 张敏.', minLength: 1 },
    role: { type: 'string', description: 'The role or title, e.g. 华东区经理.' },
    email: { type: 'string', description: 'An e-mail address, for notifications.' },
  },
  required: ['name'],
  additionalProperties: false,
};

export const teamSchema: JsonSchema = {
  $schema: draft07,
  title: 'goalpost team',
  description: 'A team (团队) and its people. Owners of goals must be declared here.',
  type: 'object',
  properties: {
    ...headerProperties('Team'),
    id: {
      type: 'string',
      description: 'The team id that goal sets and actuals refer to, e.g. `marketing`.',
      pattern: idPattern,
      patternErrorMessage: 'A team id uses letters, digits and . _ - only.',
    },
    name: { type: 'string', description: 'The display name, e.g. 市场营销部.', minLength: 1 },
    lead: { ...personReference, description: 'The id of the team lead (负责人), one of the members.' },
    members: {
      type: 'object',
      title: 'Members',
      description: 'The people of the team by id (成员), e.g. `li.wei: {name: 李伟, role: 营销总监}`.',
      propertyNames: {
        pattern: idPattern,
        patternErrorMessage: 'A person id uses letters, digits and . _ - only (for example li.wei).',
      },
      additionalProperties: { $ref: '#/definitions/person' },
    },
  },
  required: ['apiVersion', 'kind', 'id', 'name', 'members'],
  additionalProperties: false,
  definitions: { person },
};
