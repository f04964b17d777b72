// The exercises work without JavaScript (a POSTed form, graded on the server); with it, Check
// answers in place and the browser keeps which exercises were solved.
export const csr = true;
