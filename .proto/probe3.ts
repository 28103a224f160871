import { readFileSync, writeFileSync } from 'node:fs';
import { serve } from '../tests/helpers/serve';
import { launchBrowser } from '../tests/helpers/browser';
import { listFiles } from '../tests/helpers/build';
const server = await serve('/tmp/ed-dist');
const browser = await launchBrowser();
const { page, problems, responses } = await browser.newPage();
await page.addInitScript(() => {
  (window as any).showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('depot', { create: true });
  document.addEventListener('securitypolicyviolation', (e) => console.error('CSP', e.violatedDirective, e.blockedURI));
});
page.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
await page.goto(server.url + 'robots.txt');
const files = listFiles('/tmp/ed-repo').map(f => ({ path: f, data: readFileSync('/tmp/ed-repo/' + f).toString('base64') }));
await page.evaluate(async (files) => {
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('depot', { create: true });
  await root.getDirectoryHandle('.git', { create: true });
  for (const f of files) {
    const parts = f.path.split('/'); let dir = root;
    for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create: true });
    const w = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
    await w.write(Uint8Array.from(atob(f.data), c => c.charCodeAt(0))); await w.close();
  }
}, files);
await page.goto(server.url + 'admin/');
await page.waitForTimeout(3000);
console.log(await page.locator('body').innerText());
await page.getByRole('button', { name: /local/i }).click();
await page.getByText('Vous consultez maintenant').waitFor({ timeout: 20000 }).catch(() => console.log('no listing'));
writeFileSync('/tmp/proto/aria0.yml', await page.locator('body').ariaSnapshot());
writeFileSync('/tmp/proto/body0.html', await page.content());
page.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
await page.getByRole('button', { name: 'Créer une entrée', exact: true }).first().click({ timeout: 5000 }).catch((e) => console.log('click fail', String(e).slice(0, 200)));
await page.getByRole('textbox', { name: 'Titre', exact: true }).waitFor();
await page.getByRole('checkbox', { name: /Ajouter.*Image de couverture/ }).check();
await page.getByRole('button', { name: /Ajouter.*fichier/ }).click();
await page.waitForTimeout(1000);
writeFileSync('/tmp/proto/aria1.yml', await page.locator('body').ariaSnapshot());
writeFileSync('/tmp/proto/body1.html', await page.content());
await browser.close(); await server.close(); process.exit(0);
await page.waitForTimeout(2500);
console.log('----', await page.locator('body').innerText());
await page.screenshot({ path: '/tmp/proto/s1.png', fullPage: true });
const snap = await page.locator('body').ariaSnapshot();
writeFileSync('/tmp/proto/aria.yml', snap);
console.log(problems, responses.map(r => r.url).filter(u => !u.includes('127.0.0.1')));
await browser.close(); await server.close();
