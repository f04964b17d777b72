import { describe, expect, it } from 'vitest';
import { emulatorBaseUrls, joinUrl, spotifyBaseUrls } from './endpoints';

describe('base URLs', () => {
	it("are Spotify's two hosts", () => {
		expect(spotifyBaseUrls).toEqual({
			accounts: 'https://accounts.spotify.com',
			api: 'https://api.spotify.com'
		});
	});

	it('map to the emulator mount points on an origin', () => {
		expect(emulatorBaseUrls('http://127.0.0.1:5173/')).toEqual({
			accounts: 'http://127.0.0.1:5173/emulator/accounts',
			api: 'http://127.0.0.1:5173/emulator/api'
		});
	});

	it('join without doubling or dropping a slash', () => {
		expect(joinUrl('https://a.test/', '/x')).toBe('https://a.test/x');
		expect(joinUrl('https://a.test', 'x')).toBe('https://a.test/x');
	});
});
