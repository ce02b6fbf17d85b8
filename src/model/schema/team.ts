import { draft07, headerProperties, idPattern, incentives, personReference, schemaBaseId } from './common.js';
import { doc, type JsonSchema } from './json-schema.js';

const person: JsonSchema = {
  type: 'object',
  title: 'Person',
  ...doc('A member of the team (**成员**) who can own goals and breakdown items.'),
  properties: {
    name: { type: 'string', title: 'name', ...doc('The display name (**姓名**), e.g. `张敏`.'), minLength: 1 },
    role: { type: 'string', title: 'role', ...doc('The role or title (**职位**), e.g. `华东区经理`.') },
    email: { type: 'string', title: 'email', ...doc('An e-mail address (**邮箱**).') },
  },
  required: ['name'],
  additionalProperties: false,
  defaultSnippets: [{ label: 'Person', body: { name: '${1:张敏}', role: '${2:华东区经理}' } }],
};

export const teamSchema: JsonSchema = {
  $schema: draft07,
  $id: `${schemaBaseId}team.schema.json`,
  title: 'goalpost team',
  ...doc('A team (**团队**) and its people. Owners of goals must be declared here.'),
  type: 'object',
  properties: {
    ...headerProperties('Team'),
    id: {
      type: 'string',
      title: 'id',
      ...doc('The team id (**团队编号**) that goal sets and actuals refer to, e.g. `marketing`.'),
      pattern: idPattern,
      patternErrorMessage: 'A team id uses letters, digits and . _ - only.',
    },
    name: { type: 'string', title: 'name', ...doc('The display name (**团队名称**), e.g. `市场营销部`.'), minLength: 1 },
    lead: { ...personReference, title: 'lead', ...doc('The id of the team lead (**负责人**), one of the members.') },
    members: {
      type: 'object',
      title: 'Members',
      ...doc('The people of the team by id (**成员**), e.g. `li.wei: {name: 李伟, role: 营销总监}`.'),
      propertyNames: {
        pattern: idPattern,
        patternErrorMessage: 'A person id uses letters, digits and . _ - only (for example li.wei).',
      },
      additionalProperties: { $ref: '#/definitions/person' },
    },
    incentives: { ...incentives, ...doc('The incentive curve (**激励**) of this team’s people, in place of the one in the settings.') },
  },
  required: ['apiVersion', 'kind', 'id', 'name', 'members'],
  additionalProperties: false,
  definitions: { person },
};
