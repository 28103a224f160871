import { serve } from '../tests/helpers/serve';
import { launchBrowser } from '../tests/helpers/browser';
const server = await serve('/tmp/proto');
const browser = await launchBrowser();
const { page, problems, responses } = await browser.newPage();
page.on('filechooser', (fc) => console.log('FILECHOOSER', fc.isMultiple()));
await page.goto(server.url + 'admin/');
await page.waitForTimeout(4000);
console.log(await page.locator('body').innerText());
console.log(await page.locator('button').allInnerTexts());
console.log(problems, responses.map(r=>r.url));
await page.screenshot({ path: '/tmp/proto/shot.png' });
const local = page.getByRole('button', { name: /local|locale|dossier/i });
console.log('local buttons', await local.count());
if (await local.count()) {
  const cdp = await browser.context.newCDPSession(page);
  cdp.on('Page.fileChooserOpened', (e) => console.log('CDP fileChooserOpened', JSON.stringify(e)));
  await cdp.send('Page.enable'); await cdp.send('Page.setInterceptFileChooserDialog', { enabled: true });
  await local.first().click();
  await page.waitForTimeout(3000);
  console.log(problems);
}
await browser.close(); await server.close();
