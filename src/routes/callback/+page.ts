// The callback runs a little script: it checks `state` against the flow waiting in this tab
// before anything else, then hands the callback to that flow's page.
export const csr = true;
