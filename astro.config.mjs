// @ts-check
import { defineConfig } from 'astro/config';
import { relais } from './src/relais.ts';

// Every option and hook comes from relais() (src/relais.ts), set from the settings.
export default defineConfig({ integrations: [relais()] });
