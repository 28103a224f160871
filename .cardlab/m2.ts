import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { writeFileSync } from 'node:fs';
import { renderSvg } from '../src/lib/cards/render.ts';
sharp.concurrency(1);
const data = { kind: 'communiques', label: 'Communiqué de presse', title: 'Alès, deuxième pôle productif d’Occitanie : « une industrie qui se réinvente » à 100 %', date: '5\u00a0octobre\u00a02020', when: '16 octobre 2021, de 18\u00a0h à 22\u00a0h\u00a030', place: 'Pôle Mécanique Alès-Cévennes', city: 'Alès', site: 'Relais' } as const;
const N = 40;
for (let i = 0; i < 10; i++) await renderSvg({ ...data, title: data.title + i });
let t = performance.now(); let svg = '';
for (let i = 0; i < N; i++) svg = await renderSvg({ ...data, title: data.title + i });
console.log('satori warm', ((performance.now() - t) / N).toFixed(1), 'ms, svg', svg.length);
for (const o of [{}, { shapeRendering: 1 }, { shapeRendering: 0 }, {textRendering: 0}]) {
t = performance.now(); let img: any;
for (let i = 0; i < N; i++) img = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, ...o }).render();
console.log('resvg render', JSON.stringify(o), ((performance.now() - t) / N).toFixed(1));
}
const img = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
let png: Buffer = Buffer.alloc(0);
for (const opts of [{ compressionLevel: 6 }, { compressionLevel: 4 }, { compressionLevel: 9 }, { compressionLevel: 6, adaptiveFiltering: false }, { compressionLevel: 3, adaptiveFiltering: false }, { palette: true, colours: 32, effort: 1, compressionLevel: 3, dither: 0 }, { palette: true, colours: 16, effort: 1, compressionLevel: 6, dither: 0 }]) {
  t = performance.now();
  for (let i = 0; i < N; i++) png = await sharp(img.pixels, { raw: { width: 1200, height: 630, channels: 4 } }).png(opts as any).toBuffer();
  console.log('sharp', JSON.stringify(opts), ((performance.now() - t) / N).toFixed(1), png.length);
}
t = performance.now();
for (let i = 0; i < N; i++) png = await sharp(img.pixels, { raw: { width: 1200, height: 630, channels: 4 } }).removeAlpha().png({compressionLevel: 6}).toBuffer();
console.log('sharp rgb c6', ((performance.now() - t) / N).toFixed(1), png.length);
writeFileSync('.cardlab/a.png', png);
