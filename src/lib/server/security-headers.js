// Plain JavaScript so that scripts/serve.js can import it as it is, without a build.

/**
 * Browser features no page of the site uses, denied to the site and anything it might embed.
 * Only features Chromium knows: an unknown one is reported as an error in the console.
 */
export const permissionsPolicy = [
	'accelerometer',
	'camera',
	'display-capture',
	'geolocation',
	'gyroscope',
	'hid',
	'magnetometer',
	'microphone',
	'midi',
	'payment',
	'serial',
	'usb'
]
	.map((feature) => `${feature}=()`)
	.join(', ');

/**
 * The security headers of every response (DESIGN.md, security rules), applied where a response
 * does not set its own: by hooks.server.ts to what SvelteKit renders (pages, endpoints, the
 * emulator), and by scripts/serve.js to prerendered pages and static files, which bypass the hooks.
 * Pages replace the CSP with kit.csp's full policy; this one only forbids framing.
 * @type {Readonly<Record<string, string>>}
 */
export const securityHeaders = {
	'content-security-policy': "frame-ancestors 'none'",
	'x-frame-options': 'DENY',
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy': permissionsPolicy,
	// No window of another origin keeps a handle on ours (window.opener), nor ours on theirs.
	'cross-origin-opener-policy': 'same-origin'
};
