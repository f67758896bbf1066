// Chromium for the citizen page's browser tests: Debian's /usr/bin/chromium driven by playwright-core, never a
// downloaded browser. Records every request a page makes and every console error (CSP violations land there).

import { chromium } from 'playwright-core';

export const EXECUTABLE = process.env.NOTICECHAIN_CHROMIUM ?? '/usr/bin/chromium';

/** Starts headless Chromium. Playwright gives every launch a fresh temporary user-data-dir. */
export function launch() {
  return chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

/**
 * A fresh context (own storage, so the remembered language starts empty) whose requests and console errors are
 * recorded in log: { requests: [{ method, url, postDataBytes, postData }], consoleErrors: [string] }. While
 * log.expectFailedLoads is true, the console errors of failed loads are expected and not recorded.
 */
export async function newContext(browser, log, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'de-DE', timezoneId: 'Europe/Berlin', ...options });
  context.on('request', request => {
    const body = request.postDataBuffer();
    log.requests.push({ method: request.method(), url: request.url(), postDataBytes: body ? body.length : 0, postData: body });
  });
  context.on('page', page => {
    page.on('console', message => {
      // An expected failure (a simulated 429, 400 or lost network, a 404 for an unknown notice) makes Chromium log
      // the failed load; anything else is an error.
      if (message.type() === 'error' && !(log.expectFailedLoads && message.text().startsWith('Failed to load resource'))) {
        log.consoleErrors.push(message.text());
      }
    });
    page.on('pageerror', error => log.consoleErrors.push(`page error: ${error.message}`));
  });
  return context;
}

/** Waits for a verdict in the result region that is not a progress message; returns tone and texts. */
export async function verdict(page, selector = '#result') {
  const card = page.locator(`${selector} [data-tone]:not([data-tone="progress"])`);
  await card.waitFor({ timeout: 20_000 });
  return {
    tone: await card.getAttribute('data-tone'),
    title: (await card.locator(".verdict-title > span:last-child").innerText()).trim(),
    text: (await card.innerText()).trim(),
    proofOk: await card.locator('[data-proof="ok"]').count() > 0,
  };
}

/**
 * The lowest text contrast on the page (WCAG 2 relative luminance), with the element where it occurs. Walks every
 * visible element with its own text and composes its background from its ancestors.
 */
export function lowestContrast(page) {
  return page.evaluate(() => {
    const parse = value => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(value);
      return m ? { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] } : { r: 0, g: 0, b: 0, a: 0 };
    };
    const over = (top, bottom) => ({
      r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1,
    });
    const background = element => {
      const layers = [];
      for (let node = element; node; node = node.parentElement) layers.push(parse(getComputedStyle(node).backgroundColor));
      return layers.reverse().reduce((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
    };
    const luminance = c => {
      const channel = v => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
    };
    let lowest = { ratio: 21, where: null };
    for (const element of document.body.querySelectorAll('*')) {
      const ownText = [...element.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '');
      const style = getComputedStyle(element);
      if (!ownText || element.closest('[hidden]') || style.visibility === 'hidden' || style.opacity === '0' || element.getClientRects().length === 0) continue;
      const bg = background(element);
      const fg = over(parse(style.color), bg);
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05);
      if (ratio < lowest.ratio) lowest = { ratio: Math.round(ratio * 100) / 100, where: `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent.trim().slice(0, 40)}` };
    }
    return lowest;
  });
}
