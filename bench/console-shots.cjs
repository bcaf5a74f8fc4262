// Screenshots of the operations console for the README and docs: signs in as the operator in headless Chromium
// (puppeteer-core, which Lighthouse brings) and captures each page given as "file=path" after the base URL.
//   node bench/console-shots.cjs BASE OUT_DIR EMAIL PASSWORD console.png=/ops insights.png=/ops/insights ...
const path = require('path');
const puppeteer = require(require.resolve('puppeteer-core',
    { paths: [path.join(__dirname, '..', 'target', 'lighthouse', 'node_modules')] }));

(async () => {
  const [base, outDir, email, password, ...shots] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--hide-scrollbars'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(base + '/login?lang=en', { waitUntil: 'networkidle0' });
    await page.type('#username', email);
    await page.type('#password', password);
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#login-submit')]);
    for (const shot of shots) {
      const [file, target] = shot.split('=');
      await page.goto(base + target, { waitUntil: 'networkidle0' });
      // ECharts animates its first drawing; let it settle.
      await new Promise(resolve => setTimeout(resolve, 1500));
      await page.screenshot({ path: path.join(outDir, file) });
      console.log('screenshot ' + file + ' of ' + target);
    }
  } finally {
    await browser.close();
  }
})().catch(error => { console.error(error.message); process.exit(1); });
