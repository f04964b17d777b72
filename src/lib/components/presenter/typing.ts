/**
 * Whether keys go to a field the user is typing in (an input, a text area, a select, …), where
 * presenter keys must not act. Its own module: presenter mode's P on every flow page needs only
 * this, not the tools' key table.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
	const el = target as { tagName?: string; isContentEditable?: boolean; type?: string } | null;
	if (!el || typeof el.tagName !== 'string') return false;
	if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
	return (
		el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes(el.type ?? '')
	);
}
