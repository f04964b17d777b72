/**
 * Presenter mode's keys, in one table: what each does, for the handler and for the `?` dialog
 * and the README, so they cannot disagree. A key never acts while the user types in a field, nor
 * with Ctrl, Alt or Cmd held (those belong to the browser). Shift is allowed: `?` needs it.
 */
import { isTypingTarget } from './typing';

export { isTypingTarget };

export type PresenterAction = 'present' | 'zoom' | 'blank' | 'help' | 'console' | 'escape';

export const presenterKeys: readonly { keys: string; label: string; does: string }[] = [
	{ keys: 'P', label: 'P', does: 'Start or leave presenter mode' },
	{ keys: '→ ←', label: 'Right and Left arrows', does: 'Next step, previous step' },
	{ keys: 'Z', label: 'Z', does: 'Zoom on the current exchange (again to zoom out)' },
	{ keys: '.', label: 'Full stop', does: 'Blank the screen (. or Escape brings it back)' },
	{ keys: 'C', label: 'C', does: 'Open the presenter console in a second window' },
	{ keys: '?', label: 'Question mark', does: 'Show these keys' },
	{ keys: 'Esc', label: 'Escape', does: 'Bring back a blanked screen, or zoom out' }
];

const byKey: Record<string, PresenterAction> = {
	p: 'present',
	P: 'present',
	z: 'zoom',
	Z: 'zoom',
	'.': 'blank',
	'?': 'help',
	c: 'console',
	C: 'console',
	Escape: 'escape'
};

interface KeyLike {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	target: EventTarget | null;
}

/** What a key press asks of presenter mode, or undefined when it is not one of its keys. */
export function presenterAction(event: KeyLike): PresenterAction | undefined {
	if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target))
		return undefined;
	return Object.hasOwn(byKey, event.key) ? byKey[event.key] : undefined;
}
