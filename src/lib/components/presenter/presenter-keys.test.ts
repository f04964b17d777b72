import { describe, expect, it } from 'vitest';
import { isTypingTarget, presenterAction } from './presenter-keys';

const press = (key: string, target: unknown = { tagName: 'BODY' }, mods = {}) => ({
	key,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	target: target as EventTarget,
	...mods
});

describe('presenter keys', () => {
	it.each([
		['p', 'present'],
		['P', 'present'],
		['z', 'zoom'],
		['Z', 'zoom'],
		['.', 'blank'],
		['?', 'help'],
		['c', 'console'],
		['C', 'console'],
		['Escape', 'escape']
	])('%s asks for %s', (key, action) => expect(presenterAction(press(key))).toBe(action));

	it('leaves other keys, and keys with Ctrl, Alt or Cmd, alone', () => {
		expect(presenterAction(press('x'))).toBeUndefined();
		expect(presenterAction(press('ArrowRight'))).toBeUndefined();
		expect(presenterAction(press('constructor'))).toBeUndefined();
		expect(presenterAction(press('c', undefined, { ctrlKey: true }))).toBeUndefined();
		expect(presenterAction(press('p', undefined, { metaKey: true }))).toBeUndefined();
		expect(presenterAction(press('.', undefined, { altKey: true }))).toBeUndefined();
	});

	it('never acts while typing in a field', () => {
		for (const target of [
			{ tagName: 'INPUT', type: 'text' },
			{ tagName: 'INPUT', type: 'password' },
			{ tagName: 'TEXTAREA' },
			{ tagName: 'SELECT' },
			{ tagName: 'DIV', isContentEditable: true }
		]) {
			expect(isTypingTarget(target as unknown as EventTarget)).toBe(true);
			expect(presenterAction(press('.', target))).toBeUndefined();
		}
		expect(presenterAction(press('z', { tagName: 'INPUT', type: 'checkbox' }))).toBe('zoom');
		expect(presenterAction(press('z', { tagName: 'BUTTON' }))).toBe('zoom');
		expect(presenterAction(press('z', null))).toBe('zoom');
	});
});
