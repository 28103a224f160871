/** Components MDX entries may use without importing them. */
import ChiffresCles from './ChiffresCles.astro';
import Citation from './Citation.astro';
import Encadre from './Encadre.astro';
import Evenement from './Evenement.astro';

export const mdxComponents = { Citation, ChiffresCles, Encadre, Evenement };
