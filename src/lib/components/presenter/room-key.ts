/**
 * The follow room this tab drives (its name and key) is kept for the tab under this key, across
 * the redirect to the consent page, never in a URL. Shared by PresenterMode (which loads the
 * room's component when a room is kept) and PresenterRoom.
 */
export const roomKey = 'grantwalk:room';
