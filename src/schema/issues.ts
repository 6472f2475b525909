import type { z } from 'zod';
import type { Issue } from '../errors.js';

/** Turns zod's issues into order-triage's `{ path, message }` issues, sorted by path for stable output. */
export function toIssues(error: z.ZodError, prefix: readonly (string | number)[] = []): Issue[] {
  const issues: Issue[] = error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))],
    message: issue.message,
  }));
  return issues;
}
