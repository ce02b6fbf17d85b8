import { draft07, headerProperties, schemaBaseId, thresholds } from './common.js';
import { doc, documentedEnum, type JsonSchema } from './json-schema.js';

export const settingsSchema: JsonSchema = {
  $schema: draft07,
  $id: `${schemaBaseId}settings.schema.json`,
  title: 'goalpost settings',
  ...doc('Settings for the whole goals repository (**设置**, goalpost.yaml). Every key is optional.'),
  type: 'object',
  properties: {
    ...headerProperties('Settings'),
    locale: {
      type: 'string',
      title: 'locale',
      ...doc('The language of scorecards (**语言**).'),
      ...documentedEnum({ en: '`en`: English.', 'zh-CN': '`zh-CN`: Simplified Chinese (**简体中文**).' }),
      default: 'en',
    },
    currency: {
      type: 'string',
      title: 'currency',
      ...doc('The currency (**币种**, an ISO 4217 code) for amounts whose unit is `currency`.'),
      pattern: '^[A-Z]{3}$',
      patternErrorMessage: 'A currency is a three-letter ISO 4217 code such as CNY or USD.',
      default: 'CNY',
    },
    tolerance: {
      type: 'number',
      title: 'tolerance',
      ...doc('How far the items of a breakdown may differ from their target (**容差**), as a fraction of the target: `0.001` = 0.1%.'),
      minimum: 0,
      maximum: 1,
      default: 0.001,
    },
    thresholds: { ...thresholds, default: { green: 1.0, amber: 0.9 } },
    cap: {
      type: 'number',
      title: 'cap',
      ...doc('The most that one goal’s attainment counts in a score (**上限**): `1.2` = 120%. Attainment is shown uncapped.'),
      minimum: 1,
      default: 1.2,
    },
  },
  required: ['apiVersion', 'kind'],
  additionalProperties: false,
};
