import { error } from '@sveltejs/kit';
import { getLab } from '$lib/attacks/labs';
import { isLabSlug, labSlugs } from '$lib/attacks/types';
import { laxities, strictnesses } from '$lib/server/emulator/laxities';
import { labScripts } from '$lib/server/labs/run-lab';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	if (!isLabSlug(params.slug))
		error(
			404,
			`There is no attack lab called “${params.slug}”. The labs are ${labSlugs.join(', ')}.`
		);
	const lab = getLab(params.slug);
	const script = labScripts[params.slug];
	// The lax and strict behaviours of the lab's sandbox, for each way it can run: shown as badges.
	const ways = [null, ...lab.defences.map((d) => d.id)];
	const laxityLabels = Object.fromEntries(
		ways.map((id) => [
			id ?? 'none',
			script.laxities(id).map((name) => ({ name, label: laxities[name].label }))
		])
	);
	const strictLabels = Object.fromEntries(
		ways.map((id) => [
			id ?? 'none',
			(script.strict?.(id) ?? []).map((name) => ({ name, label: strictnesses[name].label }))
		])
	);
	return {
		lab,
		laxityLabels,
		strictLabels,
		skipTo: { href: '#run-attack', label: 'Skip to Run the attack' }
	};
};
