import { z } from 'zod';
import { issuePath } from './issuePath';

export const issueSchema = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof issueSchema>;

export const errorCodeSchema = z.string().min(1);

/** The body of every whole-request error (DESIGN §6). */
export const errorBodySchema = z.object({
	error: z.object({
		code: errorCodeSchema,
		message: z.string(),
		issues: z.array(issueSchema).optional()
	})
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Turns zod's issues into `{path, message}` pairs, one per bad field. */
export function issuesOf(error: z.ZodError, prefix = ''): Issue[] {
	return error.issues.map((issue) => ({ path: issuePath(issue.path, prefix), message: describeIssue(issue) }));
}

function describeIssue(issue: z.core.$ZodIssue): string {
	if (issue.code === 'unrecognized_keys') {
		return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: not part of this request`;
	}
	if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
	return issue.message;
}
