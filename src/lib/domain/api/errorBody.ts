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
	if (issue.code === 'invalid_type') {
		// zod leaves the input out of its issues, so the default message is what tells a missing field
		// ("received undefined") from one of the wrong type.
		const standard = /^Invalid input: expected (\w+), received (\w+)$/.exec(issue.message);
		if (standard) return standard[2] === 'undefined' ? 'is required' : `must be ${article(standard[1] ?? '')} (not ${article(standard[2] ?? '')})`;
	}
	return issue.message;
}

function article(type: string): string {
	return type === 'null' || type === 'undefined' || type === 'NaN' ? type : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}
