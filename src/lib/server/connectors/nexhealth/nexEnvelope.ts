import { z } from 'zod';

/**
 * NexHealth's answer envelope (docs.nexhealth.com/v20240412/reference/response-body): `{code,
 * description, data, error, count, page_info}`. `code` is not trusted: the document's own samples
 * pair a 200 with `code: false`, and non-fatal remarks ride in `error` of a successful answer
 * (shared/notes/nexhealth-dentrix-eaglesoft.md §1.2), so the HTTP status decides success.
 */
export const nexEnvelopeSchema = z.looseObject({
	code: z.boolean().nullish(),
	description: z.string().nullish(),
	error: z.union([z.array(z.string()), z.string()]).nullish(),
	data: z.unknown(),
	count: z.number().nullish(),
	page_info: z
		.looseObject({
			has_next_page: z.boolean(),
			has_previous_page: z.boolean().nullish(),
			start_cursor: z.string().nullish(),
			end_cursor: z.string().nullish()
		})
		.nullish()
});

/** What NexHealth said went wrong, from an error body: its `error` messages, else its description. */
export function nexErrorMessage(body: unknown): string {
	const parsed = nexEnvelopeSchema.safeParse(body);
	if (!parsed.success) return typeof body === 'string' ? body.slice(0, 300) : '';
	const { error, description } = parsed.data;
	const messages = (typeof error === 'string' ? [error] : (error ?? [])).filter((m) => m.trim() !== '');
	return messages.length > 0 ? messages.join('; ') : (description ?? '');
}
