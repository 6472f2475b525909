/** json-rules-engine's built-in operators, with json-rules-engine's meaning. */
export const OPERATORS = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'] as const;

/** One of json-rules-engine's built-in operators. */
export type Operator = (typeof OPERATORS)[number];
