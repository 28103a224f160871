/** Every published event as one iCalendar feed to subscribe to. */
import type { APIRoute } from 'astro';
import { calendarResponse, siteCalendar } from '../calendar/calendar.data';

export const GET: APIRoute = async () => calendarResponse(await siteCalendar());
