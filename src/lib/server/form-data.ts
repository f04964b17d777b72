/**
 * Reading a form action's POST without a 500: SvelteKit hands an action any body its CSRF rules
 * call a form (text/plain included) and leaves `request.formData()` to throw on what it cannot
 * parse. The pages answer these with a 400 or 415 and the page itself, saying what was wrong.
 */

/** What an action got: the fields, when they could be read, and the problem, if there is one. */
export interface FormRead {
	/** Present whenever the body parsed, with a problem too, so the page can refill its form. */
	fields?: FormData;
	problem?: { status: 400 | 415; message: string };
}

/** Set by hooks.server.ts on a POST to `?/default`, which SvelteKit would answer with a 500. */
export const RESERVED_ACTION = '/default';

const readable = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** The action's form fields, or why they cannot be read (status and message). */
export async function readForm(request: Request, locals: App.Locals): Promise<FormRead> {
	const contentType = request.headers.get('content-type') ?? '';
	const type = contentType.split(';')[0].trim().toLowerCase();
	if (!readable.includes(type))
		return {
			problem: {
				status: 415,
				message: `The form was sent as ${type || 'no content type'}, which cannot be read field by field. Send it as application/x-www-form-urlencoded (what a plain HTML form sends) or multipart/form-data.`
			}
		};
	let fields: FormData;
	try {
		fields = await request.formData();
	} catch {
		return {
			problem: {
				status: 400,
				message:
					type === 'multipart/form-data' && !/;\s*boundary=/i.test(contentType)
						? 'The form was sent as multipart/form-data without a boundary, so its fields cannot be found. Let the browser or HTTP client set the Content-Type header itself.'
						: `The form's body is not valid ${type}.`
			}
		};
	}
	if (locals.reservedAction)
		return {
			fields,
			problem: {
				status: 400,
				message: `The form was sent to ?${RESERVED_ACTION}, a name SvelteKit reserves. Send it to the page's own address, without it.`
			}
		};
	return { fields };
}

/** A text field's value; '' when it is missing or a file. */
export function textField(fields: FormData | undefined, name: string): string {
	const value = fields?.get(name);
	return typeof value === 'string' ? value : '';
}
