import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { writeFileSync } from 'node:fs';
import { renderSvg } from '../src/lib/cards/render.ts';
const data = { kind: 'communiques', label: 'Communiqué de presse', title: 'Alès, deuxième pôle productif d’Occitanie : « une industrie qui se réinvente » à 100 %', date: '5\u00a0octobre\u00a02020', when: '16 octobre 2021, de 18\u00a0h à 22\u00a0h\u00a030', place: 'Pôle Mécanique Alès-Cévennes', city: 'Alès', site: 'Relais' } as const;
const N = 30;
let t = performance.now(); let svg = '';
for (let i = 0; i < N; i++) svg = await renderSvg({ ...data, title: data.title + i });
console.log('satori', ((performance.now() - t) / N).toFixed(1), 'ms, svg', svg.length);
t = performance.now(); let img: any;
for (let i = 0; i < N; i++) img = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
console.log('resvg render', ((performance.now() - t) / N).toFixed(1));
t = performance.now(); let png: Buffer = Buffer.alloc(0);
for (let i = 0; i < N; i++) png = img.asPng();
console.log('resvg asPng', ((performance.now() - t) / N).toFixed(1), png.length);
writeFileSync('/tmp/cardlab/resvg.png', png);
for (const opts of [{ palette: true, effort: 1, compressionLevel: 9 }, { palette: true, colours: 64, effort: 1, compressionLevel: 9 }, { palette: true, colours: 32, effort: 1, compressionLevel: 6 }, { compressionLevel: 6 }, { palette: true, colours: 16, effort: 1, compressionLevel: 9 }]) {
  t = performance.now();
  for (let i = 0; i < N; i++) png = await sharp(img.pixels, { raw: { width: 1200, height: 630, channels: 4 } }).png(opts as any).toBuffer();
  console.log('sharp', JSON.stringify(opts), ((performance.now() - t) / N).toFixed(1), png.length);
  writeFileSync(`/tmp/cardlab/sharp-${opts.colours ?? 'x'}-${opts.palette ?? 'n'}.png`, png);
}
