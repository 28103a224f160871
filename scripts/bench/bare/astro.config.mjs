// @ts-check
// The bare Astro baseline of `npm run bench`: Astro's defaults, no integration.
import { defineConfig } from 'astro/config';

export default defineConfig({ site: 'https://presse.example.org' });
