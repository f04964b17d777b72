// Thin: every method under /emulator goes to the one emulator instance (DESIGN.md contracts).
import { getEmulator } from '$lib/server/emulator/instance';
import type { RequestHandler } from './$types';

const handle: RequestHandler = ({ request }) => getEmulator()(request);

export const GET = handle;
export const POST = handle;
export const OPTIONS = handle;
export const fallback = handle;
