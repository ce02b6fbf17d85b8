/**
 * The subset of JSON Schema draft-07 that goalpost's schemas use, plus the
 * annotations that VS Code's YAML and JSON language services read
 * (`markdownDescription`, `patternErrorMessage`, ...). Keeping the type
 * narrow makes a typo in a schema keyword a compile error.
 */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: JsonType | JsonType[];
  const?: string | number | boolean;
  enum?: readonly (string | number)[];
  markdownEnumDescriptions?: string[];
  pattern?: string;
  patternErrorMessage?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  if?: JsonSchema;
  then?: JsonSchema;
  anyOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
  default?: unknown;
  examples?: unknown[];
  defaultSnippets?: { label: string; description?: string; markdownDescription?: string; body: unknown }[];
}

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** The keywords above that are annotations for editors, not validation. */
export const editorKeywords = [
  'markdownDescription',
  'markdownEnumDescriptions',
  'patternErrorMessage',
  'defaultSnippets',
] as const;

/**
 * Documentation for editors: `markdownDescription` for hovers, and the same
 * text without Markdown as `description` for tools that show plain text.
 */
export function doc(markdown: string): Pick<JsonSchema, 'description' | 'markdownDescription'> {
  return { description: markdown.replace(/\*\*|`/g, ''), markdownDescription: markdown };
}

/** An enum with a Markdown description of each value, in the same order. */
export function documentedEnum(values: Record<string, string>): Pick<JsonSchema, 'enum' | 'markdownEnumDescriptions'> {
  return { enum: Object.keys(values), markdownEnumDescriptions: Object.values(values) };
}
