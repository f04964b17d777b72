/**
 * An alias of the one masking module, kept so the explorer (being redesigned in parallel) need not
 * change its imports now. New code imports `$lib/core/masking`; nothing is defined here.
 */
export { HIDDEN, maskBody, maskRequest, maskToken, maskUrl } from '$lib/core/masking';
