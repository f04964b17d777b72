import { expect, test } from '@playwright/test';
import {
	createApp,
	exchangeCode,
	authorizationCode
} from '../../src/lib/server/emulator/testing-http';

test('exchanging one code 20 times at once yields exactly one success', async ({
	request,
	baseURL
}) => {
	const app = await createApp(request);
	const redirectUri = `${baseURL}/callback`;
	const code = await authorizationCode(request, app, redirectUri);
	const responses = await Promise.all(
		Array.from({ length: 20 }, () => exchangeCode(request, app, code, redirectUri))
	);
	const statuses = responses.map((r) => r.status());
	expect(statuses.filter((s) => s === 200)).toHaveLength(1);
	expect(statuses.filter((s) => s === 400)).toHaveLength(19);
});
