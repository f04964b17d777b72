/**
 * An alias of the one masking module, kept so the explorer (being redesigned in parallel) need not
 * change its imports now. New code imports `$lib/core/masking`; nothing is defined here.
 */
export {
	carriesClientSecret,
	decodeBasicAuthorization,
	findSecrets,
	redactRequest,
	SECRET_PLACEHOLDER
} from '$lib/core/masking';
