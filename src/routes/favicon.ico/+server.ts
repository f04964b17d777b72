import { redirect } from '@sveltejs/kit';

// Browsers ask for /favicon.ico on pages that name no icon (plain error pages, raw JSON views).
export const GET = () => redirect(308, '/favicon.svg');
