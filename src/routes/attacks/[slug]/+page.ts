// The lab's explanation reads without JavaScript; running the attack needs it.
export const csr = true;
