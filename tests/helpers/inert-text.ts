/**
 * A character that a terminal, a CI log or a text renderer acts on instead of
 * showing: C0 controls other than the line feed that ends each line, DEL, C1
 * controls, line and paragraph separators, and bidirectional embeddings,
 * overrides and isolates. Written out here rather than taken from goalpost,
 * so that the tests do not judge goalpost's escaping by itself.
 */
// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
export const actingCharacter = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The ANSI colours goalpost writes itself on a terminal (SGR sequences). */
// eslint-disable-next-line no-control-regex
export const ownColours = /\u001b\[\d+m/g;
