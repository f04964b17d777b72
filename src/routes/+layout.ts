// Prose pages ship no JavaScript: they read fully without it. Pages that need it opt in.
export const csr = false;
